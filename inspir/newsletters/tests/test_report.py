"""The newsletter's section of the annual report: the issues the scope's networks sent during
the year and how many confirmed subscribers received the network's newsletter at its end."""

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
from inspir.network.models import Network
from inspir.network.tests.factories import report_scope
from inspir.newsletters.models import Delivery, Issue, IssueStatus, SubscriberStatus
from inspir.newsletters.report import issues_data
from inspir.newsletters.tests.factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


# The scope of `network`'s report for a year (the network factories' `report_scope`).
scope_of = report_scope


def at(year: int, month: int = 6, day: int = 15) -> datetime.datetime:
    return datetime.datetime(year, month, day, 10, 0, tzinfo=UTC)


def sent(network: Network, when: datetime.datetime, **kwargs: object):
    return IssueFactory(network=network, status=IssueStatus.SENT, sent_at=when, **kwargs)


def rendered(data: dict, scope: ReportScope) -> BeautifulSoup:
    found = next(section for section in report_sections() if section.key == "newsletters.issues")
    html = render_to_string(found.template, {"data": data, "scope": scope, "section": found})
    return BeautifulSoup(html, "html.parser")


def test_the_section_is_registered_in_the_operational_part():
    found = next(section for section in report_sections() if section.key == "newsletters.issues")

    assert (found.part, found.order) == (Part.OPERATIONAL, 36)


def test_the_issues_sent_during_the_year_by_the_scopes_networks_are_listed(w):
    sent(w.africa, at(2020, 3), title="Africa in March")
    sent(w.benin, at(2020, 9), title="Benin in September")
    sent(w.africa, at(2019, 12, 31), title="Africa of 2019")
    sent(w.africa, at(2021, 1, 1), title="Africa of 2021")
    IssueFactory(network=w.africa, title="Draft")
    IssueFactory(network=w.africa, title="Being sent", status=IssueStatus.SENDING)
    sent(w.latin, at(2020), title="Latin America")
    sent(w.world, at(2020), title="The whole network")

    with translation.override("en"):
        data = issues_data(scope_of(w.africa))

    assert data is not None
    assert data["count"] == 2
    assert [issue["title"]["text"] for issue in data["issues"]] == [
        "Africa in March",
        "Benin in September",
    ]
    assert [issue["network"] for issue in data["issues"]] == ["INSP!R Afrique", "INSP!R Bénin"]
    assert data["issues"][0]["date"] == "March 15, 2020"
    assert data["several_networks"] is True
    json.dumps(data)


def test_each_issue_says_how_many_it_was_handed_to(w):
    issue = sent(w.africa, at(2020))
    readers = SubscriberFactory.create_batch(3, confirmed_at=at(2019))
    for reader in readers[:2]:
        Delivery.objects.create(issue=issue, subscriber=reader, handed_over_at=at(2020))
    Delivery.objects.create(issue=issue, subscriber=readers[2], skipped_at=at(2020))

    data = issues_data(scope_of(w.africa))

    assert data is not None
    assert data["issues"][0]["recipients"] == 2


def test_the_subscribers_are_those_confirmed_and_still_there_at_the_years_end(w):
    SubscriberFactory(confirmed_at=at(2019))  # every network's issues
    SubscriberFactory(confirmed_at=at(2020, 12, 31))
    SubscriberFactory(confirmed_at=at(2021, 1, 1))  # later
    SubscriberFactory(status=SubscriberStatus.PENDING, confirmed_at=None)
    SubscriberFactory(  # left during the year
        status=SubscriberStatus.UNSUBSCRIBED, confirmed_at=at(2019), unsubscribed_at=at(2020)
    )
    SubscriberFactory(  # left the year after: still there at its end
        status=SubscriberStatus.UNSUBSCRIBED, confirmed_at=at(2019), unsubscribed_at=at(2021)
    )
    SubscriberFactory(confirmed_at=at(2020)).networks.set([w.benin])
    SubscriberFactory(confirmed_at=at(2020)).networks.set([w.latin])

    with translation.override("en"):
        africa = issues_data(scope_of(w.africa))
        world = issues_data(scope_of(w.world))
        of_2019 = issues_data(scope_of(w.world, 2019))

    assert africa is not None and world is not None and of_2019 is not None
    # Africa's newsletter: those who chose nothing, or Benin (below Africa); not Latin America.
    assert africa["subscribers"] == 4
    assert world["subscribers"] == 5
    assert of_2019["subscribers"] == 3
    assert africa["count"] == 0 and africa["issues"] == []
    assert africa["figures"] == [
        {"key": "newsletters.issues", "value": 0, "label": "newsletter issues sent"},
        {"key": "newsletters.subscribers", "value": 4, "label": "newsletter subscribers"},
    ]


def test_no_address_leaves_the_newsletter(w):
    SubscriberFactory(email="someone@example.org", confirmed_at=at(2020))
    issue = sent(w.africa, at(2020))
    Delivery.objects.create(
        issue=issue, subscriber=SubscriberFactory(confirmed_at=at(2020)), handed_over_at=at(2020)
    )

    assert "@" not in json.dumps(issues_data(scope_of(w.africa)))


def test_a_year_without_issues_or_subscribers_has_no_section(w):
    sent(w.africa, at(2021))
    SubscriberFactory(confirmed_at=at(2021))

    assert issues_data(scope_of(w.africa, 2020)) is None


def test_a_later_year_does_not_change_an_earlier_years_section(w):
    sent(w.benin, at(2020))
    SubscriberFactory(confirmed_at=at(2020))
    with translation.override("en"):
        before = issues_data(scope_of(w.africa))
        sent(w.benin, at(2021))
        SubscriberFactory(confirmed_at=at(2021))
        after = issues_data(scope_of(w.africa))

    assert before == after


def test_the_issues_are_drawn_in_a_table_in_the_reports_language(w):
    sent(w.africa, at(2020, 6), title="Africa in June")
    sent(w.latin, at(2020, 7), title="Latin America in July")
    SubscriberFactory(confirmed_at=at(2020))
    scope = scope_of(w.world)
    with translation.override("es"):
        data = issues_data(scope)
        page = rendered(data, scope)

    assert page.select_one("table.report-table caption")
    assert len(page.select("thead th")) == 4  # date, title, network, recipients
    rows = [[cell.get_text() for cell in row.select("td")] for row in page.select("tbody tr")]
    assert rows[0][0] == "15 de junio de 2020"
    assert rows[0][2] == "INSP!R Afrique"
    assert page.select_one("tbody time")["datetime"] == "2020-06-15"
    assert "2020" in page.p.get_text()


def test_subscribers_without_issues_are_drawn_without_a_table(w):
    SubscriberFactory(confirmed_at=at(2020))
    scope = scope_of(w.benin)
    with translation.override("en"):
        page = rendered(issues_data(scope), scope)

    assert page.select_one("table") is None
    assert "1" in page.p.get_text()


def test_an_untranslated_title_is_marked_as_the_original_and_a_translation_is_used(w):
    with translation.override("fr"):
        issue = sent(w.benin, at(2020), title="Lettre de juin")
    scope = scope_of(w.benin)
    with translation.override("en"):
        page = rendered(issues_data(scope), scope)

    assert page.select_one("tbody a span[lang=fr]").get_text() == "Lettre de juin"
    assert page.select_one(".fallback-mark").get_text().startswith("(FR)")

    title = TextOriginal.objects.get(
        content_type=ContentType.objects.get_for_model(Issue), object_id=issue.pk, field="title"
    )
    TextTranslation.objects.create(
        original=title,
        language="en",
        text="June's letter",
        status="reviewed",
        source_revision=title.revision,
        source_text=issue.title,
    )
    with translation.override("en"):
        page = rendered(issues_data(scope), scope)

    assert page.select_one("tbody a span[lang=en]").get_text() == "June's letter"
    assert page.select_one(".fallback-mark") is None


def test_the_section_reads_a_fixed_number_of_queries(w):
    scope = scope_of(w.world)
    sent(w.africa, at(2020))
    SubscriberFactory(confirmed_at=at(2020))
    issues_data(scope)  # the content types are cached from then on
    with CaptureQueriesContext(connection) as few:
        issues_data(scope)
    for network in (w.africa, w.benin, w.latin) * 4:
        issue = sent(network, at(2020))
        reader = SubscriberFactory(confirmed_at=at(2020))
        reader.networks.set([network])
        Delivery.objects.create(issue=issue, subscriber=reader, handed_over_at=at(2020))
    with CaptureQueriesContext(connection) as many:
        data = issues_data(scope)

    assert data is not None and data["count"] == 13 and data["subscribers"] == 13
    assert len(many.captured_queries) == len(few.captured_queries) <= 4
