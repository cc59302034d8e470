"""The directory's search ignores accents and case in organisation names, in every language."""

import pytest
from bs4 import BeautifulSoup

from inspir.core.collation import FOLDED_LANGUAGE, folded, sort_key
from inspir.network.tests.factories import NetworkFactory, continental, member_of, national

pytestmark = pytest.mark.django_db

NAMES = [
    "Mutuelle de santé de Parakou",
    "INSP!R Bénin",
    "Sindicato de trabajadoras de España",
    "ÆQUITAS solidarity fund",
    "Union of Kathmandu",
]


@pytest.fixture
def directory():
    network = national(continental(NetworkFactory(name="INSP!R")))
    for name in NAMES:
        member_of(network, name=name, description="")


def found(client, language: str, query: str) -> list[str]:
    page = BeautifulSoup(
        client.get(f"/{language}/organisations/", {"q": query}).content, "html.parser"
    )
    return [link.get_text(strip=True) for link in page.select("#results .card h3 a")]


@pytest.mark.parametrize("language", ["fr", "es", "en"])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sante", ["Mutuelle de santé de Parakou"]),
        ("SANTÉ", ["Mutuelle de santé de Parakou"]),
        ("benin", ["INSP!R Bénin"]),
        ("Bénin", ["INSP!R Bénin"]),
        ("espana", ["Sindicato de trabajadoras de España"]),
        ("españa", ["Sindicato de trabajadoras de España"]),
        ("aequitas", ["ÆQUITAS solidarity fund"]),
        ("union KATHMANDU", ["Union of Kathmandu"]),
        ("mutuelle benin", []),
    ],
)
def test_search_ignores_accents_and_case(client, directory, language, query, expected):
    assert found(client, language, query) == expected


def test_the_column_search_compares_holds_the_folded_name():
    for name in [*NAMES, "Côte d’Ivoire", "Straße", "Łódź"]:
        assert sort_key(name, FOLDED_LANGUAGE) == folded(name)
