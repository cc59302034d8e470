"""The network's kinds in the platform-wide search (network/search.py): organisations and
networks found by everyone whatever the accents and case, people only by those the people
pages show them to, and the index following renames and deletions."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.core.models import SearchEntry
from inspir.core.search import search_entries
from inspir.network.tests.factories import (
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    continental,
    member_of,
    national,
)
from inspir.network.texts import description_translations_set

pytestmark = pytest.mark.django_db


def titles(kind: str, query: str, user=None) -> list[str]:
    return [entry.title for entry in search_entries(user or AnonymousUser(), query, kind=kind)]


@pytest.fixture
def benin():
    return national(continental(NetworkFactory(name="INSP!R")), name="INSP!R Bénin")


@pytest.mark.parametrize("query", ["benin", "Bénin", "BENIN", "insp benin", "ben"])
def test_networks_are_found_without_accents_or_case(benin, query):
    assert titles("network.network", query) == ["INSP!R Bénin"]


@pytest.mark.parametrize("query", ["sante", "SANTE", "Santé", "sant", "mutuelle parakou"])
def test_organisations_are_found_without_accents_or_case(benin, query):
    member_of(benin, name="Mutuelle de santé de Parakou")

    assert titles("network.organisation", query) == ["Mutuelle de santé de Parakou"]


def test_organisations_are_found_by_acronym_and_description(benin):
    member_of(
        benin,
        name="Fédération des mutuelles",
        acronym="FMSB",
        description="Protección social en el campo",
    )

    assert titles("network.organisation", "fmsb") == ["Fédération des mutuelles (FMSB)"]
    assert titles("network.organisation", "proteccion campo") == ["Fédération des mutuelles (FMSB)"]


def summaries(organisation) -> tuple[str, str, str]:
    entry = SearchEntry.objects.get(kind="network.organisation", object_id=organisation.pk)
    return (entry.summary_fr, entry.summary_en, entry.summary_es)


def test_a_description_is_found_and_summed_up_in_each_language_it_is_translated_into(benin):
    with translation.override("fr"):
        organisation = member_of(
            benin, name="Mutuelle de Parakou", description="Mutuelle des vendeuses."
        )
    description_translations_set(organisation, {"es": "Mutual de las vendedoras."})

    assert titles("network.organisation", "vendedoras") == ["Mutuelle de Parakou"]
    assert summaries(organisation) == (
        "Mutuelle des vendeuses.",
        "Mutuelle des vendeuses.",  # no English: the original
        "Mutual de las vendedoras.",
    )
    # The original changes: the Spanish translation is out of date, the original is shown.
    organisation.description = "Mutuelle des vendeuses du marché."
    organisation.save()
    assert summaries(organisation)[2] == "Mutuelle des vendeuses du marché."


def test_people_are_found_only_by_those_who_see_the_people_pages(benin):
    PersonFactory(name="Adjoa Sànchez", organisation=member_of(benin))
    elsewhere = national(continental(NetworkFactory()))

    assert titles("network.person", "sanchez") == []
    assert titles("network.person", "sanchez", UserFactory()) == []  # a visitor, no role
    assert titles("network.person", "sanchez", user_with_role(elsewhere, Role.MEMBER)) == []
    assert titles("network.person", "sanchez", user_with_role(benin, Role.MEMBER)) == [
        "Adjoa Sànchez"
    ]
    assert titles("network.person", "sanchez", UserFactory(is_staff=True)) == ["Adjoa Sànchez"]


def test_the_results_page_shows_people_to_members_only(client, benin):
    PersonFactory(name="Adjoa Sànchez", organisation=member_of(benin))
    member = user_with_role(benin, Role.COORDINATOR)

    assert "Adjoa" not in client.get("/fr/search/", {"q": "sanchez"}).content.decode()
    client.force_login(member)
    assert "Adjoa Sànchez" in client.get("/fr/search/", {"q": "sanchez"}).content.decode()


def test_the_index_follows_a_rename_and_a_deletion(benin):
    organisation = member_of(benin, name="Mutuelle de santé")

    organisation.name = "Mutuelle de Kindia"
    organisation.save()
    assert titles("network.organisation", "sante") == []
    assert titles("network.organisation", "kindia") == ["Mutuelle de Kindia"]

    organisation.delete()
    assert titles("network.organisation", "kindia") == []


def test_a_network_renamed_is_found_by_its_new_name(benin):
    benin.name = "INSP!R République du Bénin"
    benin.save(update_fields=["name"])

    assert titles("network.network", "republique") == ["INSP!R République du Bénin"]


def test_an_erased_person_is_found_by_nobody(benin):
    from inspir.core.personal_data import Subject
    from inspir.network.personal_data import NETWORK_PROVIDER

    person = PersonFactory(name="Adjoa Sànchez", organisation=member_of(benin))
    user = UserFactory(is_staff=True)

    NETWORK_PROVIDER.erase(Subject(user=user, person=person, addresses=()))

    assert titles("network.person", "sanchez", user) == []
    assert titles("network.person", "—", user) == []


def test_hits_link_to_their_pages(client, benin):
    OrganisationFactory(name="Mutuelle de santé", slug="mutuelle")

    page = client.get("/es/search/", {"q": "sante"}).content.decode()

    assert 'href="/es/organisations/mutuelle/"' in page


def test_the_directory_finds_descriptions_without_accents(client, benin):
    member_of(
        benin,
        name="Union of Cotonou",
        description="Protection sociale et santé des vendeuses.",
    )
    member_of(benin, name="Study centre", description="")

    for query in ["sante", "SANTE vendeuses", "protection"]:
        page = client.get("/fr/organisations/", {"q": query}).content.decode()
        assert "Union of Cotonou" in page, query
        assert "Study centre" not in page, query
