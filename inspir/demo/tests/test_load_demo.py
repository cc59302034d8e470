import dataclasses
import os
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command

from inspir.accounts.models import User
from inspir.core.models import TextOriginal
from inspir.core.texts import shown
from inspir.demo import data
from inspir.demo.loader import load_demo
from inspir.network.models import (
    Country,
    Level,
    Membership,
    MembershipRole,
    Network,
    Organisation,
    Person,
)
from inspir.network.selectors import key_figures

pytestmark = pytest.mark.django_db


def registry_counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Country, Network, Organisation, Membership, Person)
    }


def test_key_figures_are_the_2020_report_s(demo):
    figures = dataclasses.asdict(key_figures())

    assert figures == {
        "member_organisations": 97,
        "social_movements": 75,
        "strategic_partners": 8,
        "national_networks": 19,
        "continental_networks": 5,
        "direct_beneficiaries": 22_000_000,
        "countries": 24,
    }
    assert figures == data.KEY_FIGURES_2020


def test_loading_again_creates_no_duplicates(demo):
    before = registry_counts()

    load_demo()

    assert registry_counts() == before
    assert dataclasses.asdict(key_figures())["member_organisations"] == 97


def test_every_demo_country_has_a_member_organisation(demo):
    member_countries = set(
        Organisation.objects.filter(memberships__role=MembershipRole.MEMBER).values_list(
            "country__code", flat=True
        )
    )

    assert member_countries == data.DEMO_COUNTRIES
    assert len(member_countries) == 24


def test_the_intercontinental_network_covers_all_24_countries(demo):
    inspir = Network.objects.get(slug="inspir", level=Level.INTERCONTINENTAL)

    assert set(inspir.countries.values_list("code", flat=True)) == data.DEMO_COUNTRIES


def test_a_continental_network_covers_its_national_networks_and_direct_countries(demo):
    west_africa = Network.objects.get(slug=data.WEST_AFRICA)

    assert set(west_africa.countries.values_list("code", flat=True)) == {
        "BJ", "BF", "GN", "ML", "SN", "TG", "CI",
    }  # fmt: skip
    assert west_africa.children.count() == 6
    assert Network.objects.get(slug=data.BELGIUM_EUROPE).children.count() == 0


def test_each_national_network_has_its_one_country(demo):
    for network in Network.objects.filter(level=Level.NATIONAL):
        assert network.countries.count() == 1
        assert network.parent.level == Level.CONTINENTAL


def test_members_join_their_national_network_or_else_their_continental_one(demo):
    cstt = Organisation.objects.get(slug="cstt")
    burundi_union = Organisation.objects.get(slug="csb")

    assert [m.network.slug for m in cstt.memberships.all()] == ["inspir-togo"]
    assert [m.network.slug for m in burundi_union.memberships.all()] == [data.CENTRAL_AFRICA]


def test_wsm_is_the_coordinating_member_of_the_intercontinental_network(demo):
    wsm = Organisation.objects.get(slug="wsm")

    assert wsm.kind == "coordinating"
    assert wsm.country.code == "BE"
    assert [(m.network.slug, m.role) for m in wsm.memberships.all()] == [
        ("inspir", MembershipRole.MEMBER)
    ]


def test_memberships_are_current_and_started_between_2014_and_2019(demo):
    memberships = Membership.objects.all()

    assert all(m.end_date is None for m in memberships)
    assert {m.start_date.year for m in memberships} <= set(range(2014, 2020))


def test_strategic_partners_are_not_members(demo):
    partners = Organisation.objects.filter(memberships__role=MembershipRole.STRATEGIC_PARTNER)

    assert partners.count() == 8
    assert not partners.filter(memberships__role=MembershipRole.MEMBER).exists()
    assert set(
        Membership.objects.filter(role=MembershipRole.STRATEGIC_PARTNER).values_list(
            "network__level", flat=True
        )
    ) == {Level.CONTINENTAL}
    assert (
        Membership.objects.filter(role=MembershipRole.STRATEGIC_PARTNER)
        .values("network")
        .distinct()
        .count()
        == 5
    )


def test_invented_organisation_names_say_they_are_examples(demo):
    names = Organisation.objects.values_list("name", flat=True)

    unmarked = [
        name
        for name in names
        if name not in data.CONFIRMED_ORGANISATION_NAMES and not name.endswith("(example)")
    ]

    assert unmarked == []
    assert {"ACV-CSC", "Nepal Trade Union Congress", "UTM"} <= set(names)


def test_beneficiaries_are_dated_2020(demo):
    with_figure = Organisation.objects.filter(beneficiaries__isnull=False)

    assert set(with_figure.values_list("beneficiaries_year", flat=True)) == {2020}


def test_the_twelve_steering_committee_members_exist_with_time_zones(demo):
    names = [
        "Issa Sissouma", "Niwa Soulima", "Valère Koffi",
        "Gabriela Prudencio", "Luis Lopez Cortez", "Alexandra Arguedas",
        "Sulistri Afrileston", "Samy Arokiasamy", "Bismo Sanyoto",
        "Dr Ingrid Mulamba", "Dr Anatole Mangala", "Santiago Fischer",
    ]  # fmt: skip
    people = {person.name: person for person in Person.objects.filter(name__in=names)}

    assert sorted(people) == sorted(names)
    assert people["Issa Sissouma"].organisation.slug == "utm"
    assert people["Issa Sissouma"].time_zone == "Africa/Bamako"
    assert people["Sulistri Afrileston"].organisation.slug == "ksbsi"
    assert people["Sulistri Afrileston"].time_zone == "Asia/Jakarta"
    assert people["Santiago Fischer"].time_zone == "Europe/Brussels"
    for person in people.values():
        assert person.time_zone == person.country.main_time_zone
        assert person.email.endswith("@example.org")
        assert person.languages


def test_steering_committee_roles_are_recorded_for_every_continental_network():
    seats = [(spec.seat_network, spec.seat_role) for spec in data.STEERING_COMMITTEE]
    representatives = [net for net, role in seats if role == data.SeatRole.REPRESENTATIVE]

    assert len(seats) == 12
    assert sorted(representatives) == sorted(
        [data.WEST_AFRICA] * 2
        + [data.LATIN_AMERICA] * 2
        + [data.ASIA] * 2
        + [data.CENTRAL_AFRICA, data.BELGIUM_EUROPE]
    )
    assert (data.CENTRAL_AFRICA, data.SeatRole.CONTINENTAL_COORDINATOR) in seats


def test_some_descriptions_exist_in_one_language_only(demo):
    asia = Network.objects.get(slug=data.ASIA)
    inspir = Network.objects.get(slug="inspir")

    def languages(network: Network) -> tuple[str, list[str]]:
        original = TextOriginal.objects.get(
            content_type__model="network", object_id=network.pk, field="description"
        )
        return original.language, sorted(original.translations.values_list("language", flat=True))

    assert asia.description.startswith("The Asian Network") and languages(asia) == ("en", [])
    assert languages(inspir) == ("fr", ["en", "es"])
    assert shown(inspir, "description", "es").text.startswith("Red internacional")


def test_the_demo_cannot_be_loaded_with_the_production_settings(settings):
    settings.DEMO_DATA_ALLOWED = False
    accounts = User.objects.count()

    for command in ("load_demo", "build_scale"):
        with pytest.raises(CommandError, match="published"):
            call_command(command)
    assert User.objects.count() == accounts


def test_the_production_settings_turn_the_demo_off():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "x" * 64,
        "SECRETS_ENCRYPTION_KEY": Fernet.generate_key().decode(),
    }
    read = "import django; django.setup(); from django.conf import settings as s; "
    read += "print(s.DEMO_DATA_ALLOWED)"
    printed = subprocess.run(
        [sys.executable, "-c", read], env=environment, capture_output=True, text=True, check=True
    ).stdout

    assert printed.strip() == "False"
