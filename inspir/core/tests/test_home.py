import datetime

import pytest
from bs4 import BeautifulSoup

from inspir.network.models import Level, MembershipRole
from inspir.network.tests.factories import (
    CountryFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    continental,
    member_of,
    national,
)

pytestmark = pytest.mark.django_db


def figures_on_home(client, language: str = "en") -> dict[str, str]:
    page = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
    return {
        item["data-figure"]: item.select_one(".figure-value").get_text(strip=True)
        for item in page.select("[data-figure]")
    }


def test_home_shows_the_2020_network_as_the_report_counts_it(client, demo):
    figures = figures_on_home(client)

    assert figures == {
        "member_organisations": "97",
        "social_movements": "75",
        "strategic_partners": "8",
        "national_networks": "19",
        "continental_networks": "5",
        "direct_beneficiaries": "22,000,000",
        "countries": "24",
        "steering_committee": "12",
    }


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "22,000,000"), ("fr", "22\u202f000\u202f000"), ("es", "22\u202f000\u202f000")],
)
def test_large_figures_are_written_the_way_each_language_writes_them(
    client, demo, language, expected
):
    shown = figures_on_home(client, language)["direct_beneficiaries"]

    assert shown.replace("\xa0", "\u202f") == expected


@pytest.fixture
def small_network():
    world = NetworkFactory(level=Level.INTERCONTINENTAL)
    africa = continental(world)
    benin = national(africa)
    member_of(benin, beneficiaries=1000, country=CountryFactory(code="BJ"))
    return {"world": world, "africa": africa, "benin": benin}


def test_each_figure_follows_the_data(client, small_network):
    before = figures_on_home(client)
    assert before["member_organisations"] == "1"

    member_of(
        small_network["benin"],
        is_social_movement=False,
        beneficiaries=500,
        country=CountryFactory(code="TG"),
    )
    MembershipFactory(network=small_network["africa"], role=MembershipRole.STRATEGIC_PARTNER)
    national(small_network["africa"])
    continental(small_network["world"])

    after = figures_on_home(client)
    assert after == {
        "member_organisations": "2",
        "social_movements": "1",
        "strategic_partners": "1",
        "national_networks": "2",
        "continental_networks": "2",
        "direct_beneficiaries": "1,500",
        "countries": "2",
        "steering_committee": "0",
    }


def test_former_members_and_future_members_are_not_counted(client, small_network):
    MembershipFactory(network=small_network["benin"], end_date=datetime.date(2019, 12, 31))
    MembershipFactory(network=small_network["benin"], start_date=datetime.date(2099, 1, 1))

    assert figures_on_home(client)["member_organisations"] == "1"


def test_an_organisation_in_two_networks_counts_once(client, small_network):
    organisation = OrganisationFactory()
    MembershipFactory(organisation=organisation, network=small_network["benin"])
    MembershipFactory(organisation=organisation, network=small_network["world"])

    assert figures_on_home(client)["member_organisations"] == "2"


def test_the_steering_committee_figure_moves_with_the_mandates(client, small_network):
    from inspir.governance.models import Mandate, SeatKind, SeatRole
    from inspir.governance.tests.factories import MandateFactory, SeatRuleFactory

    rule = SeatRuleFactory(committee__network=small_network["world"], seats=2)
    facilitation = SeatRuleFactory(
        committee=rule.committee,
        role=SeatRole.COORDINATING_ORGANISATION,
        kind=SeatKind.FACILITATION,
    )
    first = MandateFactory(rule=rule)
    MandateFactory(rule=rule)
    MandateFactory(rule=facilitation)  # the facilitator is not a member
    # A continental committee's members do not count.
    MandateFactory(rule=SeatRuleFactory(committee__network=small_network["africa"]))
    assert figures_on_home(client)["steering_committee"] == "2"

    Mandate.objects.filter(pk=first.pk).update(end_date=datetime.date(2020, 12, 31))

    assert figures_on_home(client)["steering_committee"] == "1"
