"""Advocacy's section of the annual report: the positions adopted during the year (or
endorsed) with their summaries and demands, the year's submissions, the campaigns taken part
in, for the scope's networks only, drawn by its template, in a fixed number of queries."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from inspir.advocacy.models import Channel, Outcome, PositionStatus
from inspir.advocacy.report import collect_work
from inspir.advocacy.tests.factories import (
    AllianceFactory,
    CampaignFactory,
    DemandFactory,
    PositionFactory,
    SubmissionFactory,
)
from inspir.core.report_sections import Part, ReportScope, report_sections
from inspir.network.models import Network
from inspir.network.tests.factories import report_scope

pytestmark = pytest.mark.django_db

D = datetime.date
REVIEW = D(2020, 12, 10)  # the committee's decision (conftest)


# The scope of `network`'s report for a year (the network factories' `report_scope`).
scope_of = report_scope


def section():  # noqa: ANN201 - a ReportSection
    return next(one for one in report_sections() if one.key == "advocacy.work")


def rendered(data: dict, scope: ReportScope) -> BeautifulSoup:
    html = render_to_string(
        section().template, {"data": data, "scope": scope, "section": section()}
    )
    return BeautifulSoup(html, "html.parser")


def adopted(w, network: Network, title: str, on: D = REVIEW, **values: object):  # noqa: ANN201
    values.setdefault("status", PositionStatus.ADOPTED)
    return PositionFactory(
        network=network, title=title, decision=w.decision, adopted_on=on, **values
    )


def titles(data: dict | None, part: str) -> list[str]:
    if data is None:
        return []
    field = "position" if part == "submissions" else "title"
    return [item[field]["text"] for item in data[part]]


def test_section_is_registered_in_the_operational_part():
    assert (section().part, section().order) == (Part.OPERATIONAL, 20)


def test_positions_adopted_in_the_year_are_in_others_out(w):
    fund = adopted(w, w.africa, "Global Fund for Social Protection")
    DemandFactory(position=fund, order=1, text="Rights-based.")
    DemandFactory(position=fund, order=2, text="Civil society in its governance.")
    # Archived since: it was still adopted that year.
    adopted(w, w.benin, "Archived later", status=PositionStatus.ARCHIVED)
    adopted(w, w.africa, "Adopted in 2021", on=D(2021, 2, 1))
    PositionFactory(network=w.africa, title="Still a draft")

    with translation.override("en"):
        data = collect_work(scope_of(w.africa))

    assert titles(data, "positions") == ["Global Fund for Social Protection", "Archived later"]
    assert data is not None
    first = data["positions"][0]
    assert [demand["text"] for demand in first["demands"]] == [
        "Rights-based.",
        "Civil society in its governance.",
    ]
    assert first["summary"]["text"] == "Social protection for every worker."
    assert first["adopted_on"] == "Dec. 10, 2020"
    assert first["decision"]["text"] == "Support a Global Fund for Social Protection"
    assert titles(collect_work(scope_of(w.africa, 2021)), "positions") == ["Adopted in 2021"]


def test_a_continental_scope_has_its_own_and_endorsed_positions_only(w):
    adopted(w, w.latin, "Latin America's")
    adopted(w, w.world, "Not endorsed by Africa")
    endorsed = adopted(w, w.world, "Endorsed by Africa")
    endorsed.endorsing_networks.set([w.benin, w.latin])

    data = collect_work(scope_of(w.africa))

    assert titles(data, "positions") == ["Endorsed by Africa"]
    assert data is not None and data["positions"][0]["endorsed_only"] is True
    assert set(titles(collect_work(scope_of(w.world)), "positions")) == {
        "Latin America's",
        "Not endorsed by Africa",
        "Endorsed by Africa",
    }


def test_submissions_of_the_year_are_in_with_channel_and_outcome(w):
    fund = adopted(w, w.africa, "Global Fund", on=D(2020, 3, 1))
    gcspf = AllianceFactory(network=w.africa, name="Global Coalition", acronym="GCSPF")
    SubmissionFactory(
        position=fund,
        target_name="UN Special Rapporteur",
        submitted_on=D(2020, 10, 12),
        outcome=Outcome.TAKEN_UP,
        outcome_notes="He cites the criteria.",
    )
    SubmissionFactory(
        position=fund,
        target_name="G20",
        submitted_on=D(2020, 11, 5),
        channel=Channel.ALLY,
        alliance=gcspf,
    )
    SubmissionFactory(position=fund, target_name="Next year", submitted_on=D(2021, 1, 5))
    draft = PositionFactory(network=w.africa, title="Draft")
    SubmissionFactory(position=draft, target_name="Of a draft", submitted_on=D(2020, 6, 1))
    latin = adopted(w, w.latin, "Latin", on=D(2020, 3, 1))
    SubmissionFactory(position=latin, target_name="Another continent's", submitted_on=D(2020, 6, 1))

    with translation.override("en"):
        data = collect_work(scope_of(w.africa))

    assert data is not None
    assert [item["target"] for item in data["submissions"]] == ["UN Special Rapporteur", "G20"]
    rapporteur, g20 = data["submissions"]
    assert (rapporteur["outcome_label"], rapporteur["outcome_notes"]["text"]) == (
        "taken up",
        "He cites the criteria.",
    )
    assert (g20["channel_label"], g20["relayed_by"]) == ("through an ally", "GCSPF")
    assert "follow_up" not in g20


def test_campaigns_running_in_the_year_that_the_networks_took_part_in(w):
    joined = CampaignFactory(
        network=w.world, title="No profit on pandemic", starts_on=D(2020, 11, 30)
    )
    joined.participants.set([w.world, w.benin])
    CampaignFactory(
        network=w.africa, title="Own, 2019", starts_on=D(2019, 3, 1), ends_on=D(2019, 12, 1)
    )
    CampaignFactory(network=w.africa, title="Own, 2021", starts_on=D(2021, 3, 1))
    CampaignFactory(network=w.latin, title="Latin America's", starts_on=D(2020, 3, 1))

    data = collect_work(scope_of(w.africa))

    assert titles(data, "campaigns") == ["No profit on pandemic"]
    assert data is not None and data["campaigns"][0]["participants"] == ["INSP!R", "INSP!R Bénin"]
    assert collect_work(scope_of(w.africa, 2018)) is None


def test_the_section_renders_positions_submissions_and_campaigns(w):
    fund = adopted(w, w.africa, "Global Fund")
    DemandFactory(position=fund, order=1, text="Rights-based.")
    SubmissionFactory(position=fund, target_name="UN Special Rapporteur")
    CampaignFactory(network=w.africa, title="No profit on pandemic", url="https://example.org")
    scope = scope_of(w.africa)

    with translation.override("en"):
        page = rendered(collect_work(scope), scope)

    assert [h3.get_text() for h3 in page.find_all("h3")] == [
        "Positions adopted in 2020",
        "Where the positions were taken in 2020",
        "Campaigns in 2020",
    ]
    assert page.find("ol").find("li").get_text(strip=True) == "Rights-based."
    assert page.find("table").find("caption") is not None
    assert "UN Special Rapporteur" in page.find("table").get_text()
    assert page.find(attrs={"style": True}) is None and page.find("script") is None


def test_an_untranslated_title_is_marked_with_its_language(w):
    with translation.override("fr"):
        adopted(w, w.africa, "Position sur la COVID-19")
    scope = scope_of(w.africa)

    with translation.override("es"):
        data = collect_work(scope)
        page = rendered(data, scope)

    assert data is not None and data["positions"][0]["title"]["original_language"] == "fr"
    mark = page.find("h4").find("span", class_="fallback-mark")
    assert mark is not None and "(FR)" in mark.get_text()


def _records(w, count: int) -> None:
    for index in range(count):
        network = (w.africa, w.benin)[index % 2]
        position = adopted(w, network, f"Position {index}")
        position.endorsing_networks.set([w.latin, w.benin])
        DemandFactory(position=position)
        DemandFactory(position=position)
        SubmissionFactory(position=position, alliance=AllianceFactory(network=network))
        CampaignFactory(network=network).participants.set([w.world, network])


def _queries(scope: ReportScope) -> int:
    with translation.override("fr"), CaptureQueriesContext(connection) as queries:
        collect_work(scope)
    return len(queries)


def test_query_count_does_not_grow_with_the_records(w):
    scope = scope_of(w.africa)
    _records(w, 2)
    collect_work(scope)  # content types cached, as in a running report
    few = _queries(scope)
    _records(w, 4)

    assert _queries(scope) == few <= 8
