"""The registry's sections of the annual report: the key figures and the members by kind
(`network.figures`), the members per network below and their map (`network.members`), as of
31 December of the year, for the report's network and those below it only, drawn by their
templates, in a fixed number of queries."""

import dataclasses
import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.utils import translation

from inspir.core.report_sections import Part, ReportScope, report_sections
from inspir.network.models import Level, MembershipRole, Network, OrganisationKind
from inspir.network.report import collect_figures, collect_members
from inspir.network.selectors import key_figures
from inspir.network.tests.factories import (
    CountryFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    continental,
    member_of,
    national,
    report_scope,
)

pytestmark = pytest.mark.django_db

D = datetime.date


# The scope of `network`'s report for a year (the network factories' `report_scope`).
scope_of = report_scope


def section(key: str):  # noqa: ANN201 - a ReportSection
    return next(one for one in report_sections() if one.key == key)


def rendered(key: str, data: dict, scope: ReportScope) -> BeautifulSoup:
    found = section(key)
    html = render_to_string(found.template, {"data": data, "scope": scope, "section": found})
    return BeautifulSoup(html, "html.parser")


def figures_of(data: dict) -> dict[str, int]:
    return {one["key"]: one["value"] for one in data["figures"]}


@pytest.fixture
def world():
    """Two continents: Africa with Benin and Togo (and a direct member in Côte d'Ivoire),
    Asia with Nepal; each organisation with 1,000 beneficiaries for 2020."""
    inspir = NetworkFactory(name="INSP!R", level=Level.INTERCONTINENTAL)
    africa = continental(inspir, name="INSP!R Afrique")
    asia = continental(inspir, name="INSP!R Asia")
    benin = national(africa, name="INSP!R Bénin")
    togo = national(africa, name="INSP!R-Togo")
    nepal = national(asia, name="INSP!R Nepal")
    bj, tg, ci, np = (CountryFactory(code=code) for code in ("BJ", "TG", "CI", "NP"))
    member_of(benin, country=bj, kind=OrganisationKind.HEALTH_MUTUAL)
    member_of(benin, country=bj, is_social_movement=False, kind=OrganisationKind.NGO)
    member_of(togo, country=tg)
    member_of(africa, country=ci, kind=OrganisationKind.WOMEN)
    member_of(nepal, country=np)
    member_of(nepal, country=np, kind=OrganisationKind.YOUTH)
    MembershipFactory(network=africa, role=MembershipRole.STRATEGIC_PARTNER)
    MembershipFactory(network=asia, role=MembershipRole.STRATEGIC_PARTNER)
    return {"inspir": inspir, "africa": africa, "asia": asia, "benin": benin, "nepal": nepal}


def test_both_sections_open_the_report_after_the_introduction():
    figures, members = section("network.figures"), section("network.members")

    assert (figures.part, figures.order, members.part, members.order) == (
        Part.OPENING,
        20,
        Part.OPENING,
        30,
    )


def test_the_figures_of_the_whole_network_on_31_december(world):
    data = collect_figures(scope_of(world["inspir"]))

    assert figures_of(data) == {
        "member_organisations": 6,
        "social_movements": 5,
        "strategic_partners": 2,
        "national_networks": 3,
        "continental_networks": 2,
        "direct_beneficiaries": 6000,
        "countries": 4,
    }
    # The most numerous kind first; strategic partners are not members.
    assert data["kinds"][0] == {
        "kind": "trade_union",
        "label": "Trade union",
        "value": 2,
        "percent": 33,
    }
    assert {kind["kind"]: kind["value"] for kind in data["kinds"]} == {
        "trade_union": 2,
        "health_mutual": 1,
        "ngo": 1,
        "women": 1,
        "youth": 1,
    }


def test_a_continental_scope_counts_only_its_own_networks_and_organisations(world):
    data = collect_figures(scope_of(world["africa"]))

    assert figures_of(data) == {
        "member_organisations": 4,
        "social_movements": 3,
        "strategic_partners": 1,
        "national_networks": 2,
        "direct_beneficiaries": 4000,
        "countries": 3,
    }
    members = collect_members(scope_of(world["africa"]))
    assert [(row["label"], row["value"], row["own"]) for row in members["branches"]] == [
        ("INSP!R Bénin", 2, False),
        ("INSP!R-Togo", 1, False),
        ("Members of INSP!R Afrique itself", 1, True),
    ]
    assert [country["code"] for country in members["countries"]] == ["BJ", "CI", "TG"]


def test_an_organisation_joining_in_2021_changes_2021_and_not_2020(world):
    joining = OrganisationFactory(country=CountryFactory(code="NP"))
    MembershipFactory(organisation=joining, network=world["nepal"], start_date=D(2021, 3, 1))
    leaving = member_of(world["benin"])
    leaving.memberships.update(end_date=D(2021, 6, 30))

    in_2020 = figures_of(collect_figures(scope_of(world["inspir"], 2020)))
    in_2021 = figures_of(collect_figures(scope_of(world["inspir"], 2021)))

    assert in_2020["member_organisations"] == 7  # with the one that left in 2021
    assert in_2021["member_organisations"] == 7  # with the one that joined in 2021
    assert in_2020["direct_beneficiaries"] == in_2021["direct_beneficiaries"] == 7000
    nepal_2020 = collect_members(scope_of(world["asia"], 2020))["branches"]
    nepal_2021 = collect_members(scope_of(world["asia"], 2021))["branches"]
    assert (nepal_2020[0]["value"], nepal_2021[0]["value"]) == (2, 3)


def test_a_network_founded_in_2021_is_not_counted_in_2020(world):
    founded = national(world["asia"], name="INSP!R Cambodia", start_date=D(2021, 5, 1))
    member_of(founded, country=CountryFactory(code="KH"))

    in_2020 = figures_of(collect_figures(scope_of(world["inspir"], 2020)))
    in_2021 = figures_of(collect_figures(scope_of(world["inspir"], 2021)))

    assert (in_2020["national_networks"], in_2021["national_networks"]) == (3, 4)
    assert (in_2020["member_organisations"], in_2021["member_organisations"]) == (6, 7)
    assert collect_figures(scope_of(founded, 2020)) is None
    assert collect_members(scope_of(founded, 2020)) is None
    assert figures_of(collect_figures(scope_of(founded, 2021)))["member_organisations"] == 1


def test_a_dissolved_network_is_counted_until_its_last_day(world):
    Network.objects.filter(pk=world["nepal"].pk).update(end_date=D(2020, 12, 31))

    assert figures_of(collect_figures(scope_of(world["inspir"], 2020)))["national_networks"] == 3
    in_2021 = figures_of(collect_figures(scope_of(world["inspir"], 2021)))
    assert (in_2021["national_networks"], in_2021["member_organisations"]) == (2, 4)


def test_nothing_to_say_before_the_network_had_members(world):
    assert collect_figures(scope_of(world["inspir"], 2018)) is None
    assert collect_members(scope_of(world["inspir"], 2018)) is None


def test_the_members_per_continental_network_count_each_organisation_once(world):
    # A member of Benin's network and of Africa's own: once in Africa's branch.
    both = member_of(world["benin"], country=CountryFactory(code="BJ"))
    MembershipFactory(organisation=both, network=world["africa"])

    data = collect_members(scope_of(world["inspir"]))

    assert [(row["label"], row["value"]) for row in data["branches"]] == [
        ("INSP!R Afrique", 5),
        ("INSP!R Asia", 2),
    ]
    assert (data["member_organisations"], data["counted_in_two"]) == (7, False)
    assert {country["code"]: country["organisations"] for country in data["countries"]} == {
        "BJ": 3,
        "CI": 1,
        "NP": 2,
        "TG": 1,
    }


def test_a_national_scope_has_no_breakdown_by_network(world):
    data = collect_members(scope_of(world["nepal"]))

    assert data["branches"] == []
    assert [country["code"] for country in data["countries"]] == ["NP"]
    page = rendered("network.members", data, scope_of(world["nepal"]))
    assert len(page.select("svg.report-bars")) == 0
    assert page.select_one("figure.report-map svg") is not None


def test_the_figures_render_with_the_kinds_chart_and_its_table(world):
    scope = scope_of(world["inspir"])
    data = collect_figures(scope)

    page = rendered("network.figures", data, scope)

    assert "6 member organisations" in page.get_text(" ", strip=True)
    assert "reach 6,000 people directly" in page.get_text(" ", strip=True)
    assert "for 2020 or an earlier year" in page.get_text(" ", strip=True)
    chart = page.select_one("svg.report-bars")
    assert chart["role"] == "img"
    assert chart.title.get_text() == "Member organisations by kind on Dec. 31, 2020"
    assert len(chart.select("rect.report-bar")) == len(data["kinds"])
    rows = [
        [cell.get_text(strip=True) for cell in row.select("th, td")]
        for row in page.select("table.report-table tbody tr")
    ]
    assert rows[0] == ["Trade union", "2", "33%"]
    assert page.select_one("table caption") is not None
    assert not page.select("[style]") and not page.select("script")


def test_the_members_render_with_their_chart_map_and_tables(world):
    scope = scope_of(world["inspir"])
    data = collect_members(scope)

    page = rendered("network.members", data, scope)

    chart = page.select_one("svg.report-bars")
    assert [text.get_text() for text in chart.select("text")][::2] == [
        "INSP!R Afrique",
        "INSP!R Asia",
    ]
    world_map = page.select_one("figure.report-map svg")
    linked = [title.get_text() for title in world_map.select("a[href] > title")]
    assert "Benin: 2 member organisations, 1 social movement" in linked
    assert len(linked) == 4
    countries = page.select("table.report-table")[-1]
    assert [row.th.get_text() for row in countries.select("tbody tr")] == [
        "Benin",
        "Côte d’Ivoire",
        "Nepal",
        "Togo",
    ]
    assert not page.select("[style]") and not page.select("script")


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_the_data_is_plain_and_in_the_reader_s_language(world, language):
    scope = scope_of(world["inspir"])
    with translation.override(language):
        figures = collect_figures(scope)
        members = collect_members(scope)

    assert json.loads(json.dumps(figures)) == figures
    assert json.loads(json.dumps(members)) == members
    expected = {
        "fr": ("31 décembre 2020", "Bénin"),
        "en": ("Dec. 31, 2020", "Benin"),
        "es": ("31 de diciembre de 2020", "Benín"),
    }[language]
    assert (figures["on"], members["countries"][0]["name"]) == expected
    with translation.override(language):
        page = rendered("network.members", members, scope)
    assert expected[0] in page.get_text()


def test_the_query_count_does_not_grow_with_the_network(world, django_assert_max_num_queries):
    for index in range(5):
        extra = national(world["asia"], name=f"Network {index}")
        for _ in range(3):
            member_of(extra, country=CountryFactory(code="ID"))
    scope = scope_of(world["inspir"])

    with django_assert_max_num_queries(5):
        collect_figures(scope)
    with django_assert_max_num_queries(5):
        collect_members(scope)


def test_the_demo_gives_the_2020_report_s_figures(demo):
    inspir = Network.objects.get(level=Level.INTERCONTINENTAL)

    data = collect_figures(scope_of(inspir, 2020))

    assert figures_of(data) == {
        "member_organisations": 97,
        "social_movements": 75,
        "strategic_partners": 8,
        "national_networks": 19,
        "continental_networks": 5,
        "direct_beneficiaries": 22_000_000,
        "countries": 24,
    }
    assert figures_of(data) == dataclasses.asdict(
        key_figures(D(2020, 12, 31), scope_of(inspir).network_ids)
    )
    members = collect_members(scope_of(inspir, 2020))
    assert len(members["branches"]) == 6  # five continental networks, and WSM on its own
    assert sum(row["value"] for row in members["branches"]) == 97
    assert len(members["countries"]) == 24
