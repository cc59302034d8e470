import datetime
import gzip
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils.text import slugify

from inspir.network import worldmap
from inspir.network.models import (
    Country,
    Level,
    Membership,
    Network,
    Organisation,
    OrganisationKind,
)
from inspir.network.selectors import CountryPresence, countries_with_members

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
LONG_AGO = datetime.date(2020, 1, 1)
# The 24 countries of the network in 2020.
NETWORK_COUNTRIES = (
    "BJ BF CD GN SN TG ML CI BI RW BO GT HN NI PE DO HT IN NP BD ID PH KH BE".split()
)


def country(code: str, zone: str = "UTC") -> Country:
    return Country.objects.create(code=code, time_zones=[zone])


def world_network() -> Network:
    return Network.objects.create(name="INSP!R", slug="inspir", level=Level.INTERCONTINENTAL)


def member(
    network: Network,
    where: Country,
    name: str,
    *,
    movement: bool = True,
    until: datetime.date | None = None,
) -> Organisation:
    organisation = Organisation.objects.create(
        name=name,
        slug=slugify(name),
        kind=OrganisationKind.TRADE_UNION,
        is_social_movement=movement,
        country=where,
    )
    Membership.objects.create(
        organisation=organisation, network=network, start_date=LONG_AGO, end_date=until
    )
    return organisation


def parse_svg(svg: str | bytes) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 -- our own rendering, not untrusted input


def map_page(client, language: str = "en") -> BeautifulSoup:
    response = client.get(f"/{language}/map/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def country_link(page: BeautifulSoup, code: str, language: str = "en"):
    """The country's link as keyboards and screen readers meet it."""
    href = f"/{language}/organisations/?country={code}"
    return page.select_one(f'figure.map svg a[href="{href}"]:not([aria-hidden])')


def marker_link(page: BeautifulSoup, code: str, language: str = "en"):
    """The extra pointer target drawn for a country that is hard to see or hit."""
    href = f"/{language}/organisations/?country={code}"
    return page.select_one(f'figure.map svg a[href="{href}"][aria-hidden="true"]')


@pytest.fixture
def network():
    """Benin with two members (one a social movement), Nepal with one, Togo with none."""
    world = world_network()
    benin, nepal = country("BJ", "Africa/Porto-Novo"), country("NP", "Asia/Kathmandu")
    country("TG", "Africa/Lome")
    member(world, benin, "Union of Cotonou")
    member(world, benin, "Study centre of Parakou", movement=False)
    member(world, nepal, "Domestic workers of Kathmandu", movement=False)
    return world


def test_member_countries_are_shaded_and_link_to_the_directory_filtered_on_them(client, network):
    page = map_page(client)

    for code in ("BJ", "NP"):
        link = country_link(page, code)
        assert link is not None
        assert link.select_one("path")["class"] == ["land", "member"]
    directory = client.get(country_link(page, "BJ")["href"])
    assert directory.status_code == 200
    assert b"Union of Cotonou" in directory.content
    assert b"Domestic workers of Kathmandu" not in directory.content


def test_countries_without_members_are_drawn_but_not_linked(client, network):
    page = map_page(client)

    svg = page.select_one("figure.map svg")
    assert country_link(page, "TG") is None
    assert len(svg.select("a")) == 2
    assert len(svg.select("path.land")) > 150
    assert len(svg.select("path.member")) == 2


def test_a_country_whose_only_member_has_left_is_not_linked(client, network):
    member(network, country("SN", "Africa/Dakar"), "Former member", until=LONG_AGO)

    assert country_link(map_page(client), "SN") is None


def test_links_are_named_with_the_countrys_counts(client, network):
    page = map_page(client)

    benin = country_link(page, "BJ").select_one("title").get_text()
    nepal = country_link(page, "NP").select_one("title").get_text()
    assert benin == "Benin: 2 member organisations, 1 social movement"
    assert nepal == "Nepal: 1 member organisation, 0 social movements"


def test_links_and_names_follow_the_readers_language(client, network):
    page = map_page(client, "fr")

    link = country_link(page, "BJ", "fr")
    assert link is not None
    assert link.select_one("title").get_text().startswith("Bénin")


def test_the_map_changes_when_a_country_gains_its_first_member_organisation(client, network):
    togo = Country.objects.get(code="TG")
    assert country_link(map_page(client), "TG") is None

    member(network, togo, "Mutual of Lomé")

    link = country_link(map_page(client), "TG")
    assert link is not None
    assert link.select_one("title").get_text() == "Togo: 1 member organisation, 1 social movement"
    assert link.select_one("path.member") is not None


def test_the_table_lists_each_member_country_with_its_counts(client, network):
    page = map_page(client)

    rows = [
        [cell.get_text(strip=True) for cell in row.select("td")]
        for row in page.select("table tbody tr")
    ]
    assert rows == [["Benin", "2", "1"], ["Nepal", "1", "0"]]
    first = page.select_one("table tbody tr a")
    assert first["href"] == "/en/organisations/?country=BJ"


def test_small_countries_get_a_marker_and_large_ones_do_not(client, network):
    member(network, country("RW", "Africa/Kigali"), "Union of Kigali")

    page = map_page(client)

    assert country_link(page, "RW").select_one("path.member") is not None
    marker = marker_link(page, "RW")
    assert marker["tabindex"] == "-1"
    assert marker.select_one("circle.marker")["r"] == "4"
    assert marker_link(page, "BJ") is None


def test_a_neighbours_marker_never_covers_a_member_country(client, network):
    member(network, Country.objects.get(code="TG"), "Union of Lomé")

    svg = map_page(client).select_one("figure.map svg")

    # Benin's shape comes after Togo's marker, so it is drawn above it.
    order = [a["href"] for a in svg.select("a")]
    assert order.index("/en/organisations/?country=TG") < order.index(
        "/en/organisations/?country=BJ"
    )


def test_a_country_left_out_at_this_scale_is_a_marker_only(client, network):
    member(network, country("CV", "Atlantic/Cape_Verde"), "Union of Praia")

    link = country_link(map_page(client), "CV")

    assert link.select_one("path") is None
    assert link.select_one("circle.member.marker") is not None


def test_a_country_unknown_to_the_map_is_still_in_the_table(client, network):
    member(network, country("TK", "Pacific/Fakaofo"), "Tokelau association")

    page = map_page(client)

    assert country_link(page, "TK") is None
    assert "Tokelau" in page.select_one("table").get_text()


def test_the_rendered_svg_parses_as_xml_and_is_labelled_by_its_title(client, network):
    svg = parse_svg(str(worldmap.render(countries_with_members())))

    assert svg.tag == f"{SVG}svg"
    title = svg.find(f"{SVG}title")
    assert title.get("id") == svg.get("aria-labelledby")
    assert title.text
    assert svg.get("role") is None
    assert not any(element.get("style") for element in svg.iter())
    assert svg.find(f".//{SVG}script") is None


def test_every_country_of_the_network_is_on_the_map():
    countries = worldmap.geometry()["countries"]

    assert [code for code in NETWORK_COUNTRIES if not countries.get(code, {}).get("d")] == []


def test_the_map_of_the_whole_network_stays_under_20_kb_compressed():
    presence = [
        CountryPresence(country=Country(code=code), organisations=5, social_movements=4)
        for code in NETWORK_COUNTRIES
    ]

    svg = str(worldmap.render(presence)).encode()

    links = [a for a in parse_svg(svg).findall(f"{SVG}a") if a.get("aria-hidden") != "true"]
    assert len(links) == len(NETWORK_COUNTRIES)
    assert len(gzip.compress(svg)) < 20_000
