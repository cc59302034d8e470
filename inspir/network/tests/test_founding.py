"""The founding skeleton: the real networks and organisations a new installation starts from."""

import dataclasses

import pytest
from django.utils import translation

from inspir.core.models import AuditEntry, TextOriginal
from inspir.core.texts import shown
from inspir.network import founding_data
from inspir.network.founding import founding_network_load
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

LANGUAGES = ("fr", "en", "es")


def registry() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Country, Network, Organisation, Membership, Person)
    }


def test_an_empty_database_gets_the_networks_and_organisations_of_the_sources():
    summary = founding_network_load()

    assert summary.networks_created == 25
    assert summary.organisations_created == 29
    assert registry() == {
        "Country": 30,
        "Network": 25,
        "Organisation": 29,
        "Membership": 29,
        "Person": 0,
    }
    figures = key_figures()
    assert (figures.continental_networks, figures.national_networks) == (5, 19)
    assert not Organisation.objects.filter(name__icontains="example").exists()
    assert set(Organisation.objects.values_list("name", flat=True)) == {
        spec.name for spec in founding_data.ORGANISATIONS
    }


def test_the_skeleton_claims_nothing_the_sources_do_not_give():
    founding_network_load()

    # No invented figures, working languages or people: those are the demo's.
    assert not Organisation.objects.filter(beneficiaries__isnull=False).exists()
    assert all(
        languages == [] for languages in Organisation.objects.values_list("languages", flat=True)
    )
    assert set(Membership.objects.values_list("start_date", flat=True)) == {
        founding_data.MEMBERSHIPS_KNOWN_IN
    }
    # Only the 21 countries SOURCES.md confirms are in a network.
    inspir = Network.objects.get(level=Level.INTERCONTINENTAL)
    assert set(inspir.countries.values_list("code", flat=True)) == founding_data.CONFIRMED_COUNTRIES
    assert len(founding_data.CONFIRMED_COUNTRIES) == 21


def test_members_join_their_national_network_or_else_their_continental_one():
    founding_network_load()

    def networks_of(slug: str) -> list[tuple[str, str]]:
        return [
            (m.network.slug, m.role)
            for m in Membership.objects.filter(organisation__slug=slug).select_related("network")
        ]

    assert networks_of("cstt") == [("inspir-togo", MembershipRole.MEMBER)]
    assert networks_of("csb") == [(founding_data.CENTRAL_AFRICA, MembershipRole.MEMBER)]
    assert networks_of("acv-csc") == [(founding_data.BELGIUM_EUROPE, MembershipRole.MEMBER)]
    assert networks_of("wsm") == [(founding_data.INTERCONTINENTAL, MembershipRole.MEMBER)]
    assert Organisation.objects.get(slug="wsm").kind == "coordinating"


def test_loading_again_creates_nothing_and_undoes_no_edit():
    founding_network_load()
    before = registry()
    nepal = Network.objects.get(slug="inspir-nepal")
    nepal.name = "INSP!R Nepal (renamed by its coordinator)"
    nepal.description = ""
    nepal.save()
    utm = Organisation.objects.get(slug="utm")
    utm.description = "Corrigé par le réseau."
    utm.save()
    Membership.objects.filter(organisation=utm).update(end_date="2024-12-31")
    Network.objects.get(slug=founding_data.WEST_AFRICA).countries.add(
        Country.objects.get(code="CI")
    )
    entries = AuditEntry.objects.count()

    summary = founding_network_load()

    assert (summary.networks_created, summary.organisations_created) == (0, 0)
    assert registry() == before
    assert Network.objects.get(slug="inspir-nepal").name.endswith("(renamed by its coordinator)")
    assert Organisation.objects.get(slug="utm").description == "Corrigé par le réseau."
    assert Membership.objects.get(organisation=utm).end_date is not None
    assert "CI" in Network.objects.get(slug=founding_data.WEST_AFRICA).countries.values_list(
        "code", flat=True
    )
    assert AuditEntry.objects.count() == entries  # nothing written, nothing recorded


def test_an_organisation_whose_slug_is_gone_is_put_back_with_its_membership():
    founding_network_load()
    Organisation.objects.filter(slug="femma").delete()

    summary = founding_network_load()

    assert summary.organisations_created == 1
    assert Membership.objects.get(organisation__slug="femma").network.slug == (
        founding_data.BELGIUM_EUROPE
    )


def test_a_description_given_in_several_languages_keeps_the_countrys_as_the_original():
    with translation.override("en"):  # whatever the language the command runs in
        founding_network_load()

    guatemala = Network.objects.get(slug="inspir-guatemala")
    casc = Organisation.objects.get(slug="casc")
    assert guatemala.description.startswith("Red nacional nacida de la sinergia de 2008")
    assert [shown(guatemala, "description", language).text[:10] for language in LANGUAGES] == [
        "Le réseau ",
        "The nation",
        "Red nacion",
    ]
    assert shown(guatemala, "description", "fr").original_language == "es"
    assert shown(guatemala, "description", "fr").status == "translated"
    assert (shown(casc, "description", "en").original_language, casc.description[:13]) == (
        "es",
        "Confederación",
    )
    # A network of Asian countries writes in English, a Belgian organisation in French.
    assert shown(Network.objects.get(slug="inspir-asia"), "description").original_language == "en"
    acv = Organisation.objects.get(slug="acv-csc")
    assert shown(acv, "description", "es").original_language == "fr"
    assert shown(acv, "description", "es").text.startswith("Confederación de sindicatos")
    # Its texts are for the translators of the network it is a member of.
    assert TextOriginal.objects.get(
        object_id=acv.pk, field="description", content_type__model="organisation"
    ).network_id == (Network.objects.get(slug=founding_data.BELGIUM_EUROPE).pk)


def test_a_load_that_creates_rows_is_recorded_in_the_audit_trail():
    founding_network_load()

    entry = AuditEntry.objects.get(action="network.founding.loaded")
    assert entry.changes == {"networks": [None, 25], "organisations": [None, 29]}


def test_the_demo_is_the_skeleton_plus_examples(demo):
    """Every real row of the demo is the skeleton's: same names, kinds, countries and
    networks; what the demo adds is marked "(example)"."""
    by_slug = {spec.slug: spec for spec in founding_data.ORGANISATIONS}
    direct = founding_data.network_for_country()
    for organisation in Organisation.objects.select_related("country"):
        spec = by_slug.get(organisation.slug)
        if spec is None:
            assert organisation.name.endswith("(example)")
            continue
        assert (organisation.name, organisation.kind, organisation.country.code) == (
            spec.name,
            spec.kind,
            spec.country,
        )
        assert [m.network.slug for m in organisation.memberships.all()] == [
            spec.network or direct[spec.country]
        ]
    for spec in founding_data.NETWORKS:
        network = Network.objects.get(slug=spec.slug)
        assert dataclasses.astuple(spec)[:3] == (network.slug, network.name, network.level)
