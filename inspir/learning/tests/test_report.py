"""Learning's section of the annual report: the year's field visits, seminars, studies and
experiences of the scope's networks (written by one of them or involving one), by kind,
with their place and networks, drawn by its template, in a fixed number of queries."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from inspir.core.report_sections import Part, ReportScope, report_sections
from inspir.learning.models import ResourceKind
from inspir.learning.report import collect_exchanges
from inspir.learning.tests.factories import ResourceFactory
from inspir.network.tests.factories import report_scope

pytestmark = pytest.mark.django_db

D = datetime.date


# The scope of `network`'s report for a year (the network factories' `report_scope`).
scope_of = report_scope


def section():  # noqa: ANN201 - a ReportSection
    return next(one for one in report_sections() if one.key == "learning.exchanges")


def rendered(data: dict, scope: ReportScope) -> BeautifulSoup:
    html = render_to_string(
        section().template, {"data": data, "scope": scope, "section": section()}
    )
    return BeautifulSoup(html, "html.parser")


def titles(data: dict | None) -> set[str]:
    if data is None:
        return set()
    return {item["title"]["text"] for kind in data["kinds"] for item in kind["items"]}


def test_section_is_registered_in_the_operational_part():
    assert (section().part, section().order) == (Part.OPERATIONAL, 30)


def test_the_years_exchanges_are_in_other_years_and_tools_out(w):
    ResourceFactory(network=w.africa, title="Seminar of 2020", starts_on=D(2020, 6, 18))
    ResourceFactory(
        network=w.africa,
        kind=ResourceKind.FIELD_VISIT,
        title="Visit across the new year",
        starts_on=D(2019, 10, 14),
        ends_on=D(2020, 2, 28),
    )
    ResourceFactory(network=w.africa, title="Seminar of 2019", starts_on=D(2019, 6, 1))
    ResourceFactory(network=w.africa, title="Seminar of 2021", starts_on=D(2021, 1, 10))
    ResourceFactory(
        network=w.africa, kind=ResourceKind.TOOLKIT, title="A toolkit", starts_on=D(2020, 3, 1)
    )

    assert titles(collect_exchanges(scope_of(w.africa))) == {
        "Seminar of 2020",
        "Visit across the new year",
    }
    assert titles(collect_exchanges(scope_of(w.africa, 2021))) == {"Seminar of 2021"}
    assert collect_exchanges(scope_of(w.africa, 2018)) is None


def test_a_continental_scope_has_its_networks_and_the_exchanges_involving_them(w):
    ResourceFactory(network=w.benin, title="Bénin's")
    ResourceFactory(network=w.latin, title="Latin America's")
    involving = ResourceFactory(network=w.world, title="Involving Bénin")
    involving.networks_involved.set([w.benin, w.latin])
    ResourceFactory(network=w.world, title="The world's alone")

    assert titles(collect_exchanges(scope_of(w.africa))) == {"Bénin's", "Involving Bénin"}
    assert len(titles(collect_exchanges(scope_of(w.world)))) == 4


def test_exchanges_are_grouped_by_kind_with_place_dates_and_networks(w):
    visit = ResourceFactory(
        network=w.africa,
        kind=ResourceKind.FIELD_VISIT,
        title="Visit to La Paz",
        place="La Paz",
        starts_on=D(2020, 2, 3),
        ends_on=D(2020, 2, 7),
    )
    visit.networks_involved.set([w.africa, w.latin])
    ResourceFactory(network=w.africa, kind=ResourceKind.STUDY, title="Study")
    ResourceFactory(network=w.africa, kind=ResourceKind.SEMINAR, title="Seminar")

    with translation.override("en"):
        data = collect_exchanges(scope_of(w.africa))

    assert data is not None
    assert [kind["label"] for kind in data["kinds"]] == ["Field visits", "Seminars", "Studies"]
    item = data["kinds"][0]["items"][0]
    assert (item["place"], item["starts_on"], item["ends_on"]) == (
        "La Paz",
        "Feb. 3, 2020",
        "Feb. 7, 2020",
    )
    # The network that wrote it is named once, the others as involved.
    assert (item["network"], item["networks_involved"]) == (
        "INSP!R Afrique",
        ["INSP!R América Latina"],
    )
    assert data["figures"][0]["value"] == 3


def test_the_section_renders_each_kind_and_its_exchanges(w):
    visit = ResourceFactory(
        network=w.africa, kind=ResourceKind.FIELD_VISIT, title="Visit to La Paz", place="La Paz"
    )
    visit.networks_involved.set([w.latin])
    scope = scope_of(w.africa)

    with translation.override("en"):
        page = rendered(collect_exchanges(scope), scope)

    assert [h3.get_text() for h3 in page.find_all("h3")] == ["Field visits"]
    text = page.find("li").get_text(" ", strip=True)
    assert "Visit to La Paz" in text and "La Paz" in text
    assert "INSP!R Afrique, with INSP!R América Latina" in text
    assert page.find(attrs={"style": True}) is None and page.find("script") is None


def test_an_untranslated_title_is_marked_with_its_language(w):
    with translation.override("es"):
        ResourceFactory(network=w.latin, title="Estudio sobre la cobertura")
    scope = scope_of(w.latin)

    with translation.override("fr"):
        data = collect_exchanges(scope)
        page = rendered(data, scope)

    assert data is not None
    assert data["kinds"][0]["items"][0]["title"]["original_language"] == "es"
    mark = page.find("strong").find("span", class_="fallback-mark")
    assert mark is not None and "(ES)" in mark.get_text()


def _resources(w, count: int) -> None:
    for index in range(count):
        resource = ResourceFactory(
            network=(w.africa, w.benin, w.world)[index % 3],
            kind=(ResourceKind.SEMINAR, ResourceKind.FIELD_VISIT, ResourceKind.STUDY)[index % 3],
        )
        resource.networks_involved.set([w.benin, w.latin])


def _queries(scope: ReportScope) -> int:
    with translation.override("es"), CaptureQueriesContext(connection) as queries:
        collect_exchanges(scope)
    return len(queries)


def test_query_count_does_not_grow_with_the_exchanges(w):
    scope = scope_of(w.africa)
    _resources(w, 3)
    collect_exchanges(scope)  # content types cached, as in a running report
    few = _queries(scope)
    _resources(w, 6)

    assert _queries(scope) == few <= 8
