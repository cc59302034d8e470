import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.network.models import MembershipRole
from inspir.network.tests.factories import (
    CountryFactory,
    MembershipFactory,
    NetworkFactory,
    PersonFactory,
    continental,
    member_of,
    national,
)
from inspir.network.texts import description_translations_set

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def tree():
    world = NetworkFactory(name="INSP!R", slug="inspir")
    africa = continental(world, name="INSP!R Afrique", slug="afrique")
    benin = national(africa, name="INSP!R Bénin", slug="benin")
    togo = national(africa, name="INSP!R-Togo", slug="togo")
    bj = CountryFactory(code="BJ")
    benin.countries.add(bj)
    africa.countries.add(bj, CountryFactory(code="TG"))
    union = member_of(benin, name="Union of Cotonou", slug="union", country=bj)
    return {"world": world, "africa": africa, "benin": benin, "togo": togo, "union": union}


def test_the_tree_shows_every_level_nested(client, tree):
    page = soup(client.get("/en/networks/"))

    top = page.select_one("ul.tree > li")
    assert top.a.text == "INSP!R"
    assert [a.text for a in top.select(":scope > ul > li > a")] == ["INSP!R Afrique"]
    assert [a.text for a in top.select(":scope > ul > li > ul > li > a")] == [
        "INSP!R Bénin",
        "INSP!R-Togo",
    ]


def test_a_network_page_lists_countries_sub_networks_and_members_below_it(client, tree):
    MembershipFactory(
        network=tree["africa"],
        role=MembershipRole.STRATEGIC_PARTNER,
        organisation__name="Partner institute",
    )

    page = soup(client.get("/fr/networks/afrique/"))

    text = page.get_text(" ")
    assert "Bénin" in text and "Togo" in text
    assert [a.text for a in page.select("main ul a[href*='/networks/']")] == [
        "INSP!R Bénin",
        "INSP!R-Togo",
    ]
    assert "Union of Cotonou" in page.select_one("table").text
    assert "Partner institute" in text


def test_an_unknown_network_or_organisation_is_not_found(client, tree):
    assert client.get("/en/networks/nowhere/").status_code == 404
    assert client.get("/en/organisations/nobody/").status_code == 404


def test_a_description_in_another_language_is_shown_and_marked(client, tree):
    with translation.override("fr"):  # written from the French interface
        member_of(
            tree["benin"],
            slug="syndicat",
            description="Syndicat des travailleurs de l'économie informelle.",
        )

    english = soup(client.get("/en/organisations/syndicat/"))
    french = soup(client.get("/fr/organisations/syndicat/"))

    assert english.select_one(".fallback")["lang"] == "fr"
    assert "Original in French: not translated yet." in english.select_one(".fallback-note").text
    assert french.select_one(".fallback") is None
    assert "Syndicat des travailleurs" in french.get_text()


def test_a_translated_description_is_shown_in_the_readers_language_and_says_so(client, tree):
    network = tree["benin"]
    with translation.override("fr"):
        network.description = "Le réseau béninois."
        network.save()
    description_translations_set(network, {"en": "The Beninese network.", "es": ""})

    english = soup(client.get("/en/networks/benin/"))
    spanish = soup(client.get("/es/networks/benin/"))

    assert "The Beninese network." in english.get_text()
    assert "Le réseau béninois." not in english.get_text()
    assert english.select_one(".fallback") is None
    assert "Translated from French." in english.get_text()
    assert spanish.select_one(".fallback")["lang"] == "fr"
    assert "Le réseau béninois." in spanish.get_text()


def test_an_organisation_without_any_description_says_so(client, tree):
    union = tree["union"]
    union.description = ""
    union.save()

    response = client.get("/es/organisations/union/")

    assert response.status_code == 200
    assert soup(response).select_one(".fallback") is None
    assert "No description yet." in soup(client.get("/en/organisations/union/")).get_text()


def test_people_of_an_organisation_are_shown_only_to_members_of_its_networks(client, tree):
    PersonFactory(name="Aïcha Example", organisation=tree["union"], email="aicha@example.org")

    assert "aicha@example.org" not in client.get("/en/organisations/union/").content.decode()

    client.force_login(user_with_role(tree["togo"], Role.MEMBER))
    assert "aicha@example.org" not in client.get("/en/organisations/union/").content.decode()

    client.force_login(user_with_role(tree["benin"], Role.MEMBER))
    assert "aicha@example.org" in client.get("/en/organisations/union/").content.decode()


def test_the_people_page_lists_only_people_within_reach(client, tree):
    PersonFactory(name="In Benin", organisation=tree["union"])
    PersonFactory(name="In Togo", organisation=member_of(tree["togo"]))
    client.force_login(user_with_role(tree["benin"], Role.MEMBER))

    names = [
        row.td.contents[0].strip() for row in soup(client.get("/en/people/")).select("tbody tr")
    ]

    assert names == ["In Benin"]


def test_the_people_page_is_not_for_users_without_a_network(client, tree):
    client.force_login(UserFactory())

    assert client.get("/en/people/").status_code == 404


def test_a_former_membership_is_not_listed_on_the_organisation(client, tree):
    MembershipFactory(
        organisation=tree["union"], network=tree["togo"], end_date=datetime.date(2020, 1, 1)
    )

    page = soup(client.get("/en/organisations/union/"))

    assert "INSP!R-Togo" not in page.select_one("main").get_text()


def test_only_coordinators_see_the_edit_link(client, tree):
    assert "/edit/" not in client.get("/en/organisations/union/").content.decode()

    client.force_login(user_with_role(tree["africa"], Role.COORDINATOR))
    assert (
        "/en/organisations/union/edit/" in client.get("/en/organisations/union/").content.decode()
    )
