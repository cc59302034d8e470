"""Financing's section of the annual report: the joint funding proposals that count in the
year, with their funder, lead, partners and status at the year's end, never an amount, for
the scope's networks only, drawn by its template, in a fixed number of queries."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from inspir.core.report_sections import Part, ReportScope, report_sections
from inspir.financing.models import ProposalStatus
from inspir.financing.report import collect_proposals
from inspir.financing.tests.factories import FundingProposalFactory
from inspir.network.tests.factories import OrganisationFactory, continental, report_scope

pytestmark = pytest.mark.django_db

D = datetime.date


# The scope of `network`'s report for a year (the network factories' `report_scope`).
scope_of = report_scope


def section():  # noqa: ANN201 - a ReportSection
    return next(one for one in report_sections() if one.key == "financing.proposals")


def rendered(data: dict, scope: ReportScope) -> BeautifulSoup:
    html = render_to_string(
        section().template, {"data": data, "scope": scope, "section": section()}
    )
    return BeautifulSoup(html, "html.parser")


def proposal(w, title: str, **values: object):  # noqa: ANN201
    values.setdefault("network", w.benin)
    values.setdefault("funder", w.funder)
    values.setdefault("lead_organisation", w.union)
    return FundingProposalFactory(title=title, **values)


def submitted(w, title: str, on: D, **values: object):  # noqa: ANN201
    return proposal(w, title, status=ProposalStatus.SUBMITTED, submitted_on=on, **values)


def statuses(data: dict | None) -> dict[str, str]:
    if data is None:
        return {}
    return {item["title"]["text"]: item["status"] for item in data["proposals"]}


def test_section_is_registered_in_the_operational_part():
    assert (section().part, section().order) == (Part.OPERATIONAL, 40)


def test_proposals_counting_in_the_year_are_in_others_out(w):
    proposal(
        w,
        "Refused in 2020",
        status=ProposalStatus.REFUSED,
        submitted_on=D(2020, 8, 20),
        decided_on=D(2020, 10, 15),
    )
    submitted(w, "Submitted in 2020", D(2020, 11, 27))
    proposal(w, "Drafted for a 2020 deadline", deadline=D(2020, 12, 1))
    proposal(w, "An idea", status=ProposalStatus.IDEA, deadline=D(2020, 12, 1))
    submitted(w, "Submitted in 2021", D(2021, 3, 1))
    proposal(
        w,
        "Granted in 2019",
        status=ProposalStatus.GRANTED,
        submitted_on=D(2019, 3, 1),
        decided_on=D(2019, 9, 1),
        amount_granted=Decimal("50000"),
    )

    assert statuses(collect_proposals(scope_of(w.africa))) == {
        "Submitted in 2020": "submitted",
        "Refused in 2020": "refused",
        "Drafted for a 2020 deadline": "drafting",
    }
    assert statuses(collect_proposals(scope_of(w.africa, 2021))) == {
        "Submitted in 2021": "submitted"
    }
    assert collect_proposals(scope_of(w.africa, 2018)) is None


def test_a_proposal_decided_the_next_year_stays_in_its_year_as_submitted(w):
    granted = proposal(
        w,
        "Child benefits",
        status=ProposalStatus.GRANTED,
        deadline=D(2020, 12, 1),
        submitted_on=D(2020, 11, 27),
        decided_on=D(2021, 3, 10),
        amount_granted=Decimal("280000"),
    )
    assert granted.year == 2021

    with translation.override("en"):
        of_2020 = collect_proposals(scope_of(w.africa, 2020))
        of_2021 = collect_proposals(scope_of(w.africa, 2021))

    assert of_2020 is not None and of_2021 is not None
    then = of_2020["proposals"][0]
    assert (then["status"], then["submitted_on"], then["decided_on"]) == (
        "submitted",
        "Nov. 27, 2020",
        "",
    )
    assert of_2021["proposals"][0]["status"] == "granted"
    assert of_2021["proposals"][0]["decided_on"] == "March 10, 2021"


def test_a_continental_scope_leaves_other_continents_and_the_network_above_out(w):
    asia = continental(w.world, name="INSP!R Asia")
    submitted(w, "Bénin's", D(2020, 5, 1))
    submitted(w, "Africa's", D(2020, 5, 1), network=w.africa)
    submitted(w, "Asia's", D(2020, 5, 1), network=asia)
    submitted(w, "The world's", D(2020, 5, 1), network=w.world)

    assert set(statuses(collect_proposals(scope_of(w.africa)))) == {"Bénin's", "Africa's"}
    assert len(statuses(collect_proposals(scope_of(w.world)))) == 4


def test_a_proposal_names_funder_lead_and_partners_and_never_an_amount(w):
    granted = proposal(
        w,
        "Health mutuals",
        status=ProposalStatus.GRANTED,
        submitted_on=D(2020, 4, 1),
        decided_on=D(2020, 9, 1),
        amount_requested=Decimal("123456.00"),
        amount_granted=Decimal("98765.00"),
    )
    granted.partner_organisations.set([w.partner])
    scope = scope_of(w.africa)

    with translation.override("en"):
        data = collect_proposals(scope)
        page = rendered(data, scope)

    assert data is not None
    item = data["proposals"][0]
    assert (item["funder"], item["lead"], item["partners"]) == (
        "ILO (ILO)",
        "Union des mutuelles",
        ["Mutuelle de Lomé"],
    )
    assert (item["status_label"], item["decided_on"]) == ("granted", "Sept. 1, 2020")
    assert {figure["key"]: figure["value"] for figure in data["figures"]} == {
        "financing.proposals": 1,
        "financing.granted": 1,
    }
    # No amount, no currency anywhere: not in the data, not on the page.
    flat = repr(data)
    for amount in ("123456", "123,456", "98765", "98,765", "EUR"):
        assert amount not in flat and amount not in page.get_text()
    assert page.find("table").find("caption") is not None
    assert "with Mutuelle de Lomé" in page.get_text()
    assert page.find(attrs={"style": True}) is None and page.find("script") is None


def test_an_untranslated_title_is_marked_with_its_language(w):
    with translation.override("fr"):
        submitted(w, "Allocations familiales universelles", D(2020, 11, 27))
    scope = scope_of(w.africa)

    with translation.override("en"):
        data = collect_proposals(scope)
        page = rendered(data, scope)

    assert data is not None and data["proposals"][0]["title"]["original_language"] == "fr"
    mark = page.find("th", scope="row").find("span", class_="fallback-mark")
    assert mark is not None and "(FR)" in mark.get_text()


def _proposals(w, count: int) -> None:
    for index in range(count):
        one = submitted(
            w,
            f"Proposal {index}",
            D(2020, 3, 1 + index),
            network=(w.benin, w.togo, w.africa)[index % 3],
            lead_organisation=OrganisationFactory(),
        )
        one.partner_organisations.set([w.partner, w.union])


def _queries(scope: ReportScope) -> int:
    with translation.override("es"), CaptureQueriesContext(connection) as queries:
        collect_proposals(scope)
    return len(queries)


def test_query_count_does_not_grow_with_the_proposals(w):
    scope = scope_of(w.africa)
    _proposals(w, 3)
    collect_proposals(scope)  # content types cached, as in a running report
    few = _queries(scope)
    _proposals(w, 6)

    assert _queries(scope) == few <= 8
