"""The website's sections of the annual report: the network's identity with its history up
to the year, the news published during the year by the scope's networks, and the contact."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from inspir.core.models import TextOriginal, TextTranslation
from inspir.core.report_sections import Part, ReportScope, report_sections
from inspir.network.tests.factories import continental, report_scope
from inspir.website.models import Post, PostStatus
from inspir.website.report import about_data, communication_data, contact_data
from inspir.website.tests.factories import PostFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


# The scope of `network`'s report for a year (the network factories' `report_scope`).
scope_of = report_scope


def section(key: str):
    return next(found for found in report_sections() if found.key == key)


def rendered(key: str, data: dict, scope: ReportScope) -> BeautifulSoup:
    found = section(key)
    html = render_to_string(found.template, {"data": data, "scope": scope, "section": found})
    return BeautifulSoup(html, "html.parser")


def at(year: int, month: int = 6, day: int = 15) -> datetime.datetime:
    return datetime.datetime(year, month, day, 10, 0, tzinfo=UTC)


def test_the_sections_are_registered_in_their_parts():
    keys = {found.key: found for found in report_sections()}

    assert (keys["website.about"].part, keys["website.about"].order) == (Part.IDENTITY, 10)
    assert keys["website.about"].columns == 2
    assert (keys["website.communication"].part, keys["website.communication"].order) == (
        Part.OPERATIONAL,
        35,
    )
    assert (keys["website.contact"].part, keys["website.contact"].order) == (Part.CLOSING, 20)


# --- Identity ---------------------------------------------------------------------------------


def test_the_history_ends_with_the_reports_year(world):
    with translation.override("en"):
        of_2020 = about_data(scope_of(world.world, 2020))
        of_2019 = about_data(scope_of(world.world, 2019))

    assert [entry["year"] for entry in of_2020["history"]][-1] == 2020
    assert [entry["year"] for entry in of_2019["history"]][-1] == 2019
    assert 2020 not in [entry["year"] for entry in of_2019["history"]]
    assert of_2020["history"][0] == {
        "year": 1974,
        "event": "WSM, the Belgian NGO that coordinates the network today, is founded.",
    }


def test_the_identity_is_the_whole_networks_in_every_networks_report(world):
    with translation.override("en"):
        assert about_data(scope_of(world.benin)) == about_data(scope_of(world.world))


@pytest.mark.parametrize(
    ("language", "value"),
    [
        ("fr", "Inclusion et équité"),
        ("en", "Inclusion and equity"),
        ("es", "Inclusión y equidad"),
    ],
)
def test_the_identity_reads_in_the_reports_language(world, language, value):
    with translation.override(language):
        data = about_data(scope_of(world.world))

    assert value in data["values"]
    assert len(data["principles"]) == 5
    json.dumps(data)  # plain data, frozen as it is


def test_the_identity_is_drawn_with_its_timeline(world):
    scope = scope_of(world.world, 2019)
    with translation.override("fr"):
        data = about_data(scope)
        page = rendered("website.about", data, scope)

    years = [item.get_text() for item in page.select("ol.report-timeline .report-timeline-year")]
    assert years[0] == "1974" and years[-1] == "2019"
    assert len(page.select("ol.report-principles li")) == 5
    assert [h3.get_text() for h3 in page.select("h3")] == [
        "Notre mission",
        "Notre vision",
        "Nos valeurs",
        "Notre histoire",
    ]


def test_the_about_page_reads_the_same_identity(client, world):
    page = BeautifulSoup(client.get("/en/about/").content, "html.parser")
    with translation.override("en"):
        data = about_data(scope_of(world.world, 2020))

    assert page.select_one("p.lead").get_text() == data["introduction"]
    assert [item.get_text() for item in page.select("ol.principles li")] == data["principles"]
    events = [item.get_text() for item in page.select("ol.timeline .timeline-event")]
    assert events == [entry["event"] for entry in data["history"]]


# --- Communication ----------------------------------------------------------------------------


def test_the_years_public_posts_of_the_scopes_networks_are_listed(world):
    asia = continental(world.world, name="INSP!R Asia", slug="asia")
    kept = [
        PostFactory(network=world.benin, title="Benin in June", publish_at=at(2020, 6)),
        PostFactory(network=world.africa, title="Africa in March", publish_at=at(2020, 3)),
        # Scheduled for a moment of the year: public from then on, as on the site.
        PostFactory(
            network=world.togo,
            title="Togo scheduled",
            status=PostStatus.SCHEDULED,
            publish_at=at(2020, 12, 31),
        ),
    ]
    PostFactory(network=world.benin, title="Benin of 2019", publish_at=at(2019, 12, 31))
    PostFactory(network=world.benin, title="Benin of 2021", publish_at=at(2021, 1, 1))
    PostFactory(network=world.benin, title="Draft", status=PostStatus.DRAFT, publish_at=None)
    PostFactory(
        network=world.benin, title="Withdrawn", status=PostStatus.WITHDRAWN, publish_at=at(2020)
    )
    PostFactory(network=asia, title="Asia", publish_at=at(2020))
    PostFactory(network=world.world, title="The whole network", publish_at=at(2020))

    with translation.override("en"):
        data = communication_data(scope_of(world.africa))

    assert data is not None
    assert data["count"] == 3
    assert [post["title"]["text"] for post in data["posts"]] == [
        "Africa in March",
        "Benin in June",
        "Togo scheduled",
    ]
    assert [post["network"] for post in data["posts"]] == [
        "INSP!R Afrique",
        "INSP!R Bénin",
        "INSP!R Togo",
    ]
    assert data["posts"][0]["date"] == "March 15, 2020"
    assert data["posts"][0]["url"].endswith(kept[1].get_absolute_url())
    assert data["figures"] == [
        {"key": "website.posts", "value": 3, "label": "news posts published"}
    ]
    json.dumps(data)


def test_a_year_without_posts_has_no_communication_section(world):
    PostFactory(network=world.benin, publish_at=at(2021))

    assert communication_data(scope_of(world.benin, 2020)) is None


def test_a_later_post_does_not_change_an_earlier_years_section(world):
    PostFactory(network=world.benin, title="Of 2020", publish_at=at(2020))
    with translation.override("en"):
        before = communication_data(scope_of(world.benin))
        PostFactory(network=world.benin, title="Of 2021", publish_at=at(2021))
        after = communication_data(scope_of(world.benin))

    assert before == after


def test_the_posts_are_drawn_in_a_table_dated_in_the_reports_language(world):
    PostFactory(network=world.benin, title="Benin in June", publish_at=at(2020, 6))
    PostFactory(network=world.togo, title="Togo in July", publish_at=at(2020, 7))
    scope = scope_of(world.africa)
    with translation.override("fr"):
        data = communication_data(scope)
        page = rendered("website.communication", data, scope)

    assert page.select_one("table.report-table caption")
    assert [th.get_text() for th in page.select("thead th")] == ["Date", "Titre", "Réseau"]
    rows = [[cell.get_text() for cell in row.select("td")] for row in page.select("tbody tr")]
    assert rows[0][0] == "15 juin 2020"
    assert rows[0][2] == "INSP!R Bénin"
    assert page.select_one("tbody time")["datetime"] == "2020-06-15"
    assert "2020" in page.p.get_text() and "2" in page.p.get_text()


def test_a_national_report_names_no_network_beside_its_own_posts(world):
    PostFactory(network=world.benin, publish_at=at(2020))
    scope = scope_of(world.benin)
    with translation.override("en"):
        page = rendered("website.communication", communication_data(scope), scope)

    assert [th.get_text() for th in page.select("thead th")] == ["Date", "Title"]


def test_an_untranslated_title_is_marked_as_the_original_and_a_translation_is_used(world):
    post = PostFactory(
        network=world.benin, language="fr", title="Assemblée des mutuelles", publish_at=at(2020)
    )
    scope = scope_of(world.benin)
    with translation.override("en"):
        page = rendered("website.communication", communication_data(scope), scope)

    assert page.select_one("tbody a span[lang=fr]").get_text() == "Assemblée des mutuelles"
    assert page.select_one(".fallback-mark").get_text().startswith("(FR)")

    title = TextOriginal.objects.get(
        content_type=ContentType.objects.get_for_model(Post), object_id=post.pk, field="title"
    )
    TextTranslation.objects.create(
        original=title,
        language="en",
        text="Assembly of the mutuals",
        status="reviewed",
        source_revision=title.revision,
        source_text=post.title,
    )
    with translation.override("en"):
        page = rendered("website.communication", communication_data(scope), scope)

    assert page.select_one("tbody a span[lang=en]").get_text() == "Assembly of the mutuals"
    assert page.select_one(".fallback-mark") is None


def test_the_communication_section_reads_a_fixed_number_of_queries(world):
    scope = scope_of(world.world)
    PostFactory(network=world.benin, publish_at=at(2020))
    communication_data(scope)  # the content types are cached from then on
    with CaptureQueriesContext(connection) as few:
        communication_data(scope)
    for network in (world.africa, world.benin, world.togo) * 4:
        PostFactory(network=network, publish_at=at(2020), language="fr")
    with CaptureQueriesContext(connection) as many:
        data = communication_data(scope)

    assert data is not None and data["count"] == 13
    assert len(many.captured_queries) == len(few.captured_queries) <= 3


# --- Contact ----------------------------------------------------------------------------------


def test_the_contact_names_the_network_its_address_and_its_addresses_on_the_web(world, settings):
    settings.SITE_URL = "https://inspir.example"
    scope = scope_of(world.africa)
    with translation.override("fr"):
        data = contact_data(scope)
        page = rendered("website.contact", data, scope)

    assert data == {
        "network": "INSP!R Afrique",
        "address": ["Chaussée de Haecht 579", "1030 Bruxelles", "Belgique"],
        "website": "https://inspir.example/fr/",
        "news": "https://inspir.example/fr/news/afrique/",
        "contact_page": "https://inspir.example/fr/contact/",
    }
    lines = list(page.select_one("address.report-address").stripped_strings)
    assert lines == ["INSP!R Afrique", "Chaussée de Haecht 579", "1030 Bruxelles", "Belgique"]
    links = [a["href"] for a in page.select("dl.report-contact a")]
    assert links == [data["website"], data["news"], data["contact_page"]]


def test_the_contact_reads_one_query(world, django_assert_num_queries):
    scope = scope_of(world.togo)
    with django_assert_num_queries(1):
        contact_data(scope)
