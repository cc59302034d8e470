"""The main navigation is drawn by core from the entries the apps register."""

import pytest
from bs4 import BeautifulSoup

from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.network.tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db


def menu(client) -> list[str]:
    page = BeautifulSoup(client.get("/en/").content, "html.parser")
    return [link.get_text(strip=True) for link in page.select("nav.main-nav li a")]


def test_a_visitor_sees_the_public_pages_and_the_log_in(client):
    assert menu(client) == [
        "Home",
        "Networks",
        "Organisations",
        "Map",
        "Governance",
        "News",  # website
        "Positions",
        "Annual reports",  # reports
        "Newsletter",  # newsletters
        "Log in",
    ]


def test_a_member_also_sees_people_and_their_account(client):
    client.force_login(user_with_role(NetworkFactory()))

    assert menu(client) == [
        "Home",
        "My work",
        "Networks",
        "Organisations",
        "Map",
        "Governance",
        "News",  # website
        "Annual reports",  # reports
        "Newsletter",  # newsletters
        "People",
        "Plan",
        "Advocacy",
        "Library",
        "Financing",
        "Translations",
        "Notifications (0)",
        "My account",
    ]


def test_a_user_without_a_role_sees_their_account_but_not_people(client):
    client.force_login(UserFactory())

    assert "People" not in menu(client)
    assert "Plan" not in menu(client)
    assert "Advocacy" not in menu(client)
    assert "Library" not in menu(client)
    assert "Financing" not in menu(client)
    assert "Positions" in menu(client)
    assert "My account" in menu(client)


def test_the_home_page_offers_the_public_entries_that_describe_themselves(client):
    page = BeautifulSoup(client.get("/fr/").content, "html.parser")

    assert [card.h3.get_text(strip=True) for card in page.select(".cards .card")] == [
        "Réseaux",
        "Organisations",
        "Carte",
        "Actualités",  # website: "News" in the French catalogue
        "Rapports annuels",  # reports
        "Lettre d'information",  # newsletters
    ]


def test_staff_also_find_the_translations(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    NetworkFactory()
    client.force_login(staff)

    assert "Translations" in menu(client)
