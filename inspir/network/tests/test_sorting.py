"""Countries, networks, organisations and people are listed in the reader's alphabetical
order: accents and case do not push "Bénin" after "Burundi", and in Spanish ñ comes after n."""

import pytest
from bs4 import BeautifulSoup
from django.apps import apps

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.network.models import Network, Organisation, Person
from inspir.network.tests.factories import (
    CountryFactory,
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    continental,
    member_of,
    national,
)

pytestmark = pytest.mark.django_db

COUNTRIES = {
    "fr": [
        "Belgique", "Belize", "Bénin", "Burundi", "Égypte", "Équateur", "Espagne",
        "La Réunion", "Pérou", "Philippines", "Roumanie",
    ],
    "es": [
        "Bélgica", "Belice", "Benín", "Burundi", "Ecuador", "Egipto", "España", "Filipinas",
        "Perú", "Reunión", "Rumanía",
    ],
    "en": [
        "Belgium", "Belize", "Benin", "Burundi", "Ecuador", "Egypt", "Peru", "Philippines",
        "Réunion", "Romania", "Spain",
    ],
}  # fmt: skip
ORGANISATIONS = {
    "fr": [
        "association des femmes", "Eau vive", "Éducation populaire", "Fédération des mutuelles",
        "Ñandutí cooperativa", "Nube solidaria", "Oro verde",
    ],
    "es": [
        "association des femmes", "Eau vive", "Éducation populaire", "Fédération des mutuelles",
        "Nube solidaria", "Ñandutí cooperativa", "Oro verde",
    ],
}  # fmt: skip
ORGANISATIONS["en"] = ORGANISATIONS["fr"]


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def world() -> Network:
    return NetworkFactory(name="INSP!R", slug="inspir")


@pytest.mark.parametrize("language", ["fr", "es", "en"])
def test_the_directorys_countries_are_in_the_readers_alphabetical_order(client, world, language):
    network = national(continental(world))
    for code in ["RO", "PH", "PE", "RE", "ES", "EC", "EG", "BI", "BJ", "BZ", "BE"]:
        member_of(network, country=CountryFactory(code=code))

    page = soup(client.get(f"/{language}/organisations/"))

    options = page.select("select[name=country] option")
    assert [option.get_text(strip=True) for option in options[1:]] == COUNTRIES[language]


@pytest.mark.parametrize("language", ["fr", "es", "en"])
def test_a_networks_countries_are_in_the_readers_alphabetical_order(client, world, language):
    africa = continental(world, slug="africa")
    for code in ["PH", "PE", "BI", "BJ", "BE"]:
        africa.countries.add(CountryFactory(code=code))

    text = soup(client.get(f"/{language}/networks/africa/")).select_one("main").get_text(" ")

    named = [name for name in COUNTRIES[language] if name in text]
    assert sorted(named, key=text.index) == named and len(named) == 5


@pytest.mark.parametrize("language", ["fr", "es", "en"])
def test_the_directorys_organisations_are_in_the_readers_alphabetical_order(
    client, world, language
):
    network = national(continental(world))
    for name in reversed(ORGANISATIONS["fr"]):
        member_of(network, name=name)

    page = soup(client.get(f"/{language}/organisations/"))

    listed = [link.get_text(strip=True) for link in page.select("#results .card h3 a")]
    assert listed == ORGANISATIONS[language]


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_network_tree_is_in_the_readers_alphabetical_order(client, world, language):
    americas = continental(world, name="INSP!R Amériques", slug="americas")
    for name in ["Pérou", "Équateur", "Ñuble", "Espagne", "Nuevo León"]:
        national(americas, name=f"INSP!R {name}")

    page = soup(client.get(f"/{language}/networks/"))

    listed = [a.text for a in page.select("ul.tree > li > ul > li > ul > li > a")]
    expected = {
        "fr": ["Équateur", "Espagne", "Ñuble", "Nuevo León", "Pérou"],
        "es": ["Équateur", "Espagne", "Nuevo León", "Ñuble", "Pérou"],
    }[language]
    assert listed == [f"INSP!R {name}" for name in expected]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["Álvaro Díaz", "Émile Nadal", "eva Luna", "Ñaupa Quispe", "Nuria Roig"]),
        ("es", ["Álvaro Díaz", "Émile Nadal", "eva Luna", "Nuria Roig", "Ñaupa Quispe"]),
        ("en", ["Álvaro Díaz", "Émile Nadal", "eva Luna", "Ñaupa Quispe", "Nuria Roig"]),
    ],
)
def test_the_people_page_is_in_the_readers_alphabetical_order(client, world, language, expected):
    network = national(continental(world))
    organisation = member_of(network)
    for name in ["Nuria Roig", "Ñaupa Quispe", "eva Luna", "Émile Nadal", "Álvaro Díaz"]:
        PersonFactory(name=name, organisation=organisation)
    client.force_login(user_with_role(network, Role.MEMBER))

    rows = soup(client.get(f"/{language}/people/")).select("tbody tr")

    assert [row.td.contents[0].strip() for row in rows] == expected


# --- The stored keys ------------------------------------------------------------------------


def test_keys_follow_the_name_through_every_way_of_saving(world):
    organisation = OrganisationFactory(name="Zèbre")
    organisation.name = "Ñandú"
    organisation.save()
    assert (organisation.name_sort_fr, organisation.name_sort_es) == ("nandu", "n\U0010fffdandu")

    [bulk] = Organisation.objects.bulk_create(
        [OrganisationFactory.build(name="Éveil", country=CountryFactory())]
    )
    assert Organisation.objects.get(pk=bulk.pk).name_sort_en == "eveil"

    person = PersonFactory(name="Émile Nadal")
    person.name = "—"  # as the erasure does: the old name leaves no trace in its keys
    person.save(update_fields=["name"])
    person.refresh_from_db()
    assert {person.name_sort_fr, person.name_sort_en, person.name_sort_es} == {"—"}


def test_the_migration_gives_existing_rows_their_keys(world):
    migration = __import__(
        "inspir.network.migrations.0002_name_sort_keys", fromlist=["fill_sort_keys"]
    )
    person = PersonFactory(name="Ñaupa Quispe")
    Network.objects.update(name_sort_fr="", name_sort_en="", name_sort_es="")
    Person.objects.update(name_sort_fr="", name_sort_en="", name_sort_es="")

    migration.fill_sort_keys(apps, None)

    world.refresh_from_db()
    person.refresh_from_db()
    assert world.name_sort_fr == "insp!r"
    assert (person.name_sort_en, person.name_sort_es) == ("naupa quispe", "n\U0010fffdaupa quispe")
