"""The demo's committees: the 2020-2021 intercontinental committee as DOMAIN.md names it."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from inspir.accounts.models import User
from inspir.demo import data
from inspir.demo.loader import load_demo
from inspir.governance.models import Committee, Mandate, SeatKind, SeatRule
from inspir.governance.selectors.committees import ViolationKind, committee_composition
from inspir.governance.tests.factories import MandateFactory
from inspir.network.models import Person

pytestmark = pytest.mark.django_db

THE_TWELVE = {
    "Issa Sissouma",
    "Niwa Soulima",
    "Valère Koffi",
    "Gabriela Prudencio",
    "Luis Lopez Cortez",
    "Alexandra Arguedas",
    "Sulistri Afrileston",
    "Samy Arokiasamy",
    "Bismo Sanyoto",
    "Dr Ingrid Mulamba",
    "Dr Anatole Mangala",
    "Santiago Fischer",
}


def intercontinental() -> Committee:
    return Committee.objects.get(network__slug=data.INTERCONTINENTAL)


def test_the_demo_committee_is_the_2020_2021_one_with_no_violation(demo):
    composition = committee_composition(intercontinental())

    members = {
        mandate.person.name
        for group in composition.groups
        for seats in group.seats
        for mandate in seats.holders
    }
    facilitators = [m.person.name for seats in composition.facilitation for m in seats.holders]
    assert members == THE_TWELVE
    assert facilitators == ["Hélène Vermeulen (example)"]
    assert composition.violations == []
    assert composition.vacancy_count == 0
    roles = {
        (mandate.person.name, seats.rule.role)
        for group in composition.groups
        for seats in group.seats
        for mandate in seats.holders
    }
    assert ("Valère Koffi", "thematic_coordinator") in roles
    assert ("Dr Anatole Mangala", "continental_coordinator") in roles


def test_every_continental_network_has_a_committee_and_one_mandate_ends_soon(demo):
    continental = Committee.objects.filter(network__level="continental")
    ending = [
        mandate
        for committee in continental
        for mandate in committee_composition(committee).ending_soon
    ]

    assert continental.count() == 5
    assert [mandate.person.name for mandate in ending] == ["Fatou Ndiaye (example)"]
    assert ending[0].end_date - timezone.localdate() <= datetime.timedelta(days=60)
    for committee in continental:
        assert committee_composition(committee).violations == []


def test_loading_the_demo_again_creates_nothing_new(demo):
    counts = (Committee.objects.count(), SeatRule.objects.count(), Mandate.objects.count())

    load_demo()

    assert (Committee.objects.count(), SeatRule.objects.count(), Mandate.objects.count()) == counts


def test_removing_a_representative_shows_a_vacancy_not_a_violation(demo):
    Mandate.objects.filter(committee=intercontinental(), person__name="Luis Lopez Cortez").delete()

    composition = committee_composition(intercontinental())

    assert composition.violations == []
    assert [(str(s.rule.constituency_network), s.vacancies) for s in composition.vacancies] == [
        ("INSP!R América Latina", 1)
    ]


def test_a_third_representative_for_a_network_shows_a_violation_on_the_page(client, demo):
    committee = intercontinental()
    rule = SeatRule.objects.get(
        committee=committee, constituency_network__slug=data.ASIA, kind=SeatKind.VOTING
    )
    MandateFactory(rule=rule, person=Person.objects.get(name="Rina Akter (example)"))
    client.force_login(User.objects.get(email="steering.member@example.org"))

    page = BeautifulSoup(
        client.get(reverse("governance:committee_detail", kwargs={"slug": "inspir"})).content,
        "html.parser",
    )

    shown = [li["data-violation"] for li in page.select("[data-violation]")]
    # Rina Akter sits on INSP!R Asia's committee, so only the number of seats is wrong.
    assert shown == [ViolationKind.TOO_MANY]
    assert "Rina Akter (example)" in page.get_text()


def test_the_demo_committee_page_shows_12_members_and_the_facilitator(client, demo):
    page = BeautifulSoup(
        client.get(reverse("governance:committee_detail", kwargs={"slug": "inspir"})).content,
        "html.parser",
    )

    assert page.select_one("[data-member-count]")["data-member-count"] == "12"
    names = {th.get_text(strip=True) for th in page.select("table th[scope=row]")}
    assert names == THE_TWELVE | {"Hélène Vermeulen (example)"}
