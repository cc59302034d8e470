import pytest
from bs4 import BeautifulSoup

from inspir.network.models import MembershipRole, OrganisationKind
from inspir.network.tests.factories import (
    CountryFactory,
    MembershipFactory,
    NetworkFactory,
    continental,
    member_of,
    national,
)

pytestmark = pytest.mark.django_db


def names_listed(response) -> list[str]:
    page = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in page.select("#results .card h3 a")]


@pytest.fixture
def registry():
    world = NetworkFactory(name="INSP!R", slug="inspir")
    africa = continental(world, name="Africa", slug="africa")
    asia = continental(world, name="Asia", slug="asia")
    benin = national(africa, name="Benin network", slug="benin")
    nepal = national(asia, name="Nepal network", slug="nepal")
    bj, np = CountryFactory(code="BJ"), CountryFactory(code="NP")
    member_of(benin, name="Union of Cotonou", country=bj, kind=OrganisationKind.TRADE_UNION)
    member_of(benin, name="Mutual of Parakou", country=bj, kind=OrganisationKind.HEALTH_MUTUAL)
    member_of(
        benin,
        name="Study centre",
        country=bj,
        kind=OrganisationKind.RESEARCH,
        is_social_movement=False,
    )
    member_of(
        nepal,
        name="Union of Kathmandu",
        country=np,
        kind=OrganisationKind.TRADE_UNION,
        description="Domestic workers organising for pensions.",
    )
    MembershipFactory(
        network=africa,
        role=MembershipRole.STRATEGIC_PARTNER,
        organisation__name="Partner institute",
        organisation__country=bj,
        organisation__is_social_movement=False,
        organisation__kind=OrganisationKind.NGO,
    )
    return {"africa": africa}


def test_without_filters_every_current_member_and_partner_is_listed(client, registry):
    response = client.get("/en/organisations/")

    assert sorted(names_listed(response)) == [
        "Mutual of Parakou",
        "Partner institute",
        "Study centre",
        "Union of Cotonou",
        "Union of Kathmandu",
    ]


def test_filters_combine(client, registry):
    response = client.get("/en/organisations/?country=BJ&kind=trade_union&movement=yes")

    assert names_listed(response) == ["Union of Cotonou"]


def test_a_network_filter_includes_the_networks_below_it(client, registry):
    response = client.get("/en/organisations/?network=africa&movement=no")

    assert names_listed(response) == ["Partner institute", "Study centre"]


def test_free_text_searches_names_and_descriptions_word_by_word(client, registry):
    assert names_listed(client.get("/en/organisations/?q=union")) == [
        "Union of Cotonou",
        "Union of Kathmandu",
    ]
    assert names_listed(client.get("/en/organisations/?q=pensions+domestic")) == [
        "Union of Kathmandu"
    ]


def test_an_unknown_filter_value_is_ignored_and_the_form_says_so(client, registry):
    response = client.get("/en/organisations/?country=ZZ&kind=trade_union")

    assert response.status_code == 200
    assert names_listed(response) == ["Union of Cotonou", "Union of Kathmandu"]
    assert "Select a valid choice" in response.content.decode()


def test_the_form_keeps_what_was_chosen(client, registry):
    page = BeautifulSoup(client.get("/fr/organisations/?q=union&country=NP").content, "html.parser")

    assert page.select_one("#id_q")["value"] == "union"
    assert page.select_one("#id_country option[selected]")["value"] == "NP"


def test_htmx_requests_get_only_the_results(client, registry):
    response = client.get("/en/organisations/?country=NP", headers={"HX-Request": "true"})

    content = response.content.decode()
    assert content.lstrip().startswith('<div id="results"')
    assert "<html" not in content
    assert names_listed(response) == ["Union of Kathmandu"]


def test_the_list_is_paginated_and_pages_keep_the_filters(client, registry, settings):
    settings.DIRECTORY_PAGE_SIZE = 2
    response = client.get("/en/organisations/?country=BJ")

    page = BeautifulSoup(response.content, "html.parser")
    assert len(names_listed(response)) == 2
    assert page.select_one("a[rel=next]")["href"] == "?country=BJ&page=2"
    assert names_listed(client.get("/en/organisations/?country=BJ&page=2")) == [
        "Study centre",
        "Union of Cotonou",
    ]


def test_nothing_found_says_so(client, registry):
    response = client.get("/es/organisations/?q=nothing-like-this")

    assert names_listed(response) == []
    assert "0" in BeautifulSoup(response.content, "html.parser").select_one(".results-count").text


def test_the_list_downloads_as_a_spreadsheet_with_the_same_filters(client, registry):
    response = client.get("/fr/organisations/export.csv?country=BJ&movement=yes")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Nom,Sigle,Type,Mouvement social,Pays,Réseaux")
    assert sorted(line.split(",")[0] for line in lines[1:]) == [
        "Mutual of Parakou",
        "Union of Cotonou",
    ]
    assert "Bénin" in lines[1]


def test_the_download_link_carries_the_current_filters(client, registry):
    page = BeautifulSoup(client.get("/en/organisations/?country=BJ&page=2").content, "html.parser")

    assert page.select_one("a[download]")["href"] == "/en/organisations/export.csv?country=BJ"
