"""Planning's sections of the annual report: the year's actions by domain with their status
and progress as they stood on 31 December (read from the change history), the perspectives
for after the year, the scope's networks only, drawn by their templates, in a fixed number
of queries."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from inspir.core import history
from inspir.core.report_sections import Part, ReportScope, report_sections
from inspir.governance.models import Domain
from inspir.network.tests.factories import OrganisationFactory, PersonFactory, report_scope
from inspir.planning.models import ActionStatus, PlanAction
from inspir.planning.report import collect_domains, collect_perspectives
from inspir.planning.rules import TRACKED_ACTION_FIELDS
from inspir.planning.tests.factories import PlanActionFactory, PlanPeriodFactory

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC


# The scope of `network`'s report for a year (the network factories' `report_scope`).
scope_of = report_scope


def section(key: str):  # noqa: ANN201 - a ReportSection
    return next(one for one in report_sections() if one.key == key)


def rendered(key: str, data: dict, scope: ReportScope) -> BeautifulSoup:
    found = section(key)
    html = render_to_string(found.template, {"data": data, "scope": scope, "section": found})
    return BeautifulSoup(html, "html.parser")


def saved_on(action: PlanAction, day: D, **changes: object) -> None:
    """Save `changes` on `action` and keep the state in its history, dated `day`, as the
    service does (`history.record` after each save)."""
    for name, value in changes.items():
        setattr(action, name, value)
    action.version += 1
    action.save()
    revision = history.record(action, actor=None, fields=TRACKED_ACTION_FIELDS)
    type(revision).objects.filter(pk=revision.pk).update(
        created_at=datetime.datetime.combine(day, datetime.time(12), tzinfo=UTC)
    )


def titles(data: dict | None, part: str = "actions") -> set[str]:
    if data is None:
        return set()
    return {
        action["title"]["text"] for domain in data["domains"] for action in domain.get(part, [])
    }


def test_sections_are_registered_in_their_parts():
    assert (section("planning.domains").part, section("planning.domains").order) == (
        Part.OPERATIONAL,
        10,
    )
    assert section("planning.perspectives").part == Part.PERSPECTIVES


def test_the_years_actions_are_in_and_other_years_out(tree):
    PlanActionFactory(period=tree.period, network=tree.top, title="Ran in 2020")
    PlanActionFactory(
        period=tree.period,
        network=tree.top,
        title="Only in 2021",
        starts_on=D(2021, 2, 1),
        ends_on=D(2021, 11, 30),
    )
    later = PlanPeriodFactory(name="2022–2023", starts_on=D(2022, 1, 1), ends_on=D(2023, 12, 31))
    PlanActionFactory(period=later, network=tree.top, title="In 2022", starts_on=None, ends_on=None)

    data = collect_domains(scope_of(tree.top, 2020))

    assert titles(data) == {"Ran in 2020"}
    assert titles(collect_domains(scope_of(tree.top, 2021))) == {"Ran in 2020", "Only in 2021"}
    assert titles(collect_domains(scope_of(tree.top, 2022))) == {"In 2022"}
    assert collect_domains(scope_of(tree.top, 2019)) is None


def test_a_continental_scope_leaves_other_continents_and_the_network_above_out(tree):
    PlanActionFactory(period=tree.period, network=tree.top, title="Intercontinental")
    PlanActionFactory(period=tree.period, network=tree.africa, title="Africa")
    PlanActionFactory(period=tree.period, network=tree.benin, title="Bénin")
    PlanActionFactory(period=tree.period, network=tree.asia, title="Asia")
    PlanActionFactory(period=tree.period, network=tree.nepal, title="Nepal")

    assert titles(collect_domains(scope_of(tree.africa))) == {"Africa", "Bénin"}
    assert titles(collect_domains(scope_of(tree.top))) == {
        "Intercontinental",
        "Africa",
        "Bénin",
        "Asia",
        "Nepal",
    }


def test_actions_are_grouped_by_domain_in_the_domains_order_with_their_figures(tree):
    organisation = OrganisationFactory(name="Mutuelle de Lomé")
    PlanActionFactory(
        period=tree.period,
        network=tree.top,
        domain=Domain.FINANCING,
        title="Joint proposals",
        status=ActionStatus.DONE,
        progress=100,
        lead_organisation=organisation,
    )
    PlanActionFactory(
        period=tree.period,
        network=tree.top,
        domain=Domain.LEARNING,
        title="Field visits",
        progress=40,
        lead_person=PersonFactory(name="Valère Koffi"),
    )
    PlanActionFactory(
        period=tree.period,
        network=tree.top,
        domain=Domain.LEARNING,
        title="Seminar",
        status=ActionStatus.DROPPED,
        progress=10,
        lead_network=tree.africa,
    )

    with translation.override("en"):
        data = collect_domains(scope_of(tree.top))

    assert data is not None
    assert [domain["key"] for domain in data["domains"]] == [
        "learning",
        "advocacy",
        "communication",
        "financing",
    ]
    learning, advocacy, _communication, financing = data["domains"]
    assert [action["lead"] for action in learning["actions"]] == ["Valère Koffi", "INSP!R Afrique"]
    # The average leaves the dropped action out.
    assert learning["average_progress"] == 40
    assert advocacy["count"] == 0 and advocacy["average_progress"] is None
    assert financing["actions"][0]["lead"] == "Mutuelle de Lomé"
    assert financing["actions"][0]["status_label"] == "done"
    assert {figure["key"]: figure["value"] for figure in data["figures"]} == {
        "planning.actions": 3,
        "planning.actions_done": 1,
    }


def test_status_and_progress_are_those_saved_by_the_years_end(tree):
    action = PlanActionFactory(
        period=tree.period, network=tree.top, title="Work with the ILO", progress=0
    )
    saved_on(action, D(2020, 6, 30), status=ActionStatus.ONGOING, progress=40)
    saved_on(action, D(2020, 12, 15), progress=70)
    # What 2021 brought does not change what the 2020 report says.
    saved_on(action, D(2021, 3, 10), status=ActionStatus.DONE, progress=100)

    of_2020 = collect_domains(scope_of(tree.top, 2020))
    of_2021 = collect_domains(scope_of(tree.top, 2021))

    assert of_2020 is not None and of_2021 is not None
    then = of_2020["domains"][1]["actions"][0]
    assert (then["status"], then["progress"]) == ("ongoing", 70)
    assert of_2020["domains"][1]["average_progress"] == 70
    now = of_2021["domains"][1]["actions"][0]
    assert (now["status"], now["progress"]) == ("done", 100)


def test_an_action_changed_after_the_year_without_earlier_history_reads_its_first_state(tree):
    action = PlanActionFactory(period=tree.period, network=tree.top, progress=30)
    # The first tracked change keeps the state before it as the history's starting point.
    before = history.snapshot(action, TRACKED_ACTION_FIELDS)
    action.progress = 90
    action.version += 1
    action.save()
    history.record(action, actor=None, fields=TRACKED_ACTION_FIELDS, before=before)
    history.revisions(action).update(created_at=datetime.datetime(2021, 2, 1, 9, 0, tzinfo=UTC))

    data = collect_domains(scope_of(tree.top, 2020))

    assert data is not None
    assert data["domains"][1]["actions"][0]["progress"] == 30


def test_an_action_moved_to_a_later_year_afterwards_stays_in_the_years_report(tree):
    action = PlanActionFactory(
        period=tree.period, network=tree.top, starts_on=D(2020, 9, 1), ends_on=D(2020, 12, 31)
    )
    saved_on(action, D(2020, 9, 1))
    saved_on(action, D(2021, 1, 20), starts_on=D(2021, 3, 1), ends_on=D(2021, 6, 30))

    assert titles(collect_domains(scope_of(tree.top, 2020))) == {action.title}


def test_the_domains_render_with_a_chart_a_table_and_each_domains_actions(tree):
    PlanActionFactory(
        period=tree.period, network=tree.top, domain=Domain.ADVOCACY, title="Global Fund"
    )
    scope = scope_of(tree.top)
    with translation.override("en"):
        data = collect_domains(scope)
        page = rendered("planning.domains", data, scope)

    chart = page.find("svg")
    assert chart["role"] == "img" and chart.find("title").get_text().startswith("Average")
    assert page.find("table").find("caption") is not None
    assert "Global Fund" in page.get_text()
    assert len(page.find_all("h3")) == 5  # the chart's, and one per domain
    assert "No priority action in this domain in 2020." in page.get_text()
    assert page.find(attrs={"style": True}) is None and page.find("script") is None


def test_an_untranslated_title_is_marked_with_its_language(tree):
    with translation.override("fr"):
        PlanActionFactory(period=tree.period, network=tree.top, title="Visites de terrain")
    scope = scope_of(tree.top)
    with translation.override("en"):
        data = collect_domains(scope)
        page = rendered("planning.domains", data, scope)

    assert data is not None
    title = data["domains"][1]["actions"][0]["title"]
    assert title["original_language"] == "fr" and not title["in_reader_language"]
    mark = page.find("span", class_="fallback-mark")
    assert mark is not None and "(FR)" in mark.get_text()


def _actions(tree, count: int) -> None:
    for index in range(count):
        PlanActionFactory(
            period=tree.period,
            network=(tree.africa, tree.benin, tree.asia)[index % 3],
            domain=Domain.values[index % 4],
            lead_organisation=OrganisationFactory() if index % 3 == 0 else None,
            lead_person=PersonFactory() if index % 3 == 1 else None,
            lead_network=tree.top if index % 3 == 2 else None,
        )
        PlanActionFactory(
            period=tree.period,
            network=tree.asia,
            domain=Domain.values[index % 4],
            starts_on=D(2021, 2, 1),
            ends_on=D(2021, 8, 1),
        )


def _queries(collect, scope: ReportScope) -> int:
    with translation.override("es"), CaptureQueriesContext(connection) as queries:
        collect(scope)
    return len(queries)


@pytest.mark.parametrize("collect", [collect_domains, collect_perspectives])
def test_query_count_does_not_grow_with_the_actions(tree, collect):
    scope = scope_of(tree.top)
    _actions(tree, 4)
    collect(scope)  # content types cached, as in a running report
    few = _queries(collect, scope)
    _actions(tree, 8)

    assert _queries(collect, scope) == few <= 8


def test_perspectives_list_new_and_continuing_actions_of_the_next_year(tree):
    PlanActionFactory(
        period=tree.period,
        network=tree.africa,
        domain=Domain.FINANCING,
        title="New alliances",
        description="Find new donors.",
        status=ActionStatus.PLANNED,
        starts_on=D(2021, 1, 1),
        ends_on=D(2021, 12, 31),
    )
    PlanActionFactory(period=tree.period, network=tree.africa, title="Continues")
    PlanActionFactory(
        period=tree.period, network=tree.africa, title="Finished", status=ActionStatus.DONE
    )
    PlanActionFactory(
        period=tree.period,
        network=tree.africa,
        title="Dropped",
        status=ActionStatus.DROPPED,
        starts_on=D(2021, 3, 1),
    )
    PlanActionFactory(
        period=tree.period, network=tree.africa, title="Within 2020", ends_on=D(2020, 11, 30)
    )
    PlanActionFactory(
        period=tree.period, network=tree.asia, title="Asia's", starts_on=D(2021, 1, 1)
    )
    scope = scope_of(tree.africa)

    with translation.override("en"):
        data = collect_perspectives(scope)
        page = rendered("planning.perspectives", data, scope)

    assert titles(data, "new") == {"New alliances"}
    assert titles(data, "continuing") == {"Continues"}
    assert data is not None and data["domains"][-1]["new"][0]["description"]["text"] == (
        "Find new donors."
    )
    assert "Find new donors." in page.get_text() and "Continuing into 2021" in page.get_text()
    assert collect_perspectives(scope_of(tree.africa, 2022)) is None
