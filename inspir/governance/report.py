"""Governance's sections of the annual report (`core/report_sections.py`), about the report's
own network's steering committee (not those below it), as it stood on 31 December:

- `governance.organisational` (the organisational level): the network's founding meeting,
  whenever it was; the general assemblies and the committee's meetings held in the year,
  each with its date, format and place; the decisions adopted in the year; the committee's
  own words on its role and key tasks; and, among the key figures, its members.
- `governance.committee`: how the committee is composed (its seat rules in words) and who
  sat on it on the year's last day, grouped by whom they speak for, as the 2020 report
  names them ("Africa — …, with … as thematic coordinator").
- `governance.composition` (closing): the committee on the year's last day as a reference
  table, with each member's role, constituency and mandate dates, and the advisory seats.

Each returns plain data in the active language (`selectors/report.py` reads it)."""

import datetime
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from inspir.core.report_sections import (
    Part,
    ReportScope,
    ReportSection,
    figure,
    register_report_section,
    text_data,
)
from inspir.governance.models import Mandate, SeatKind, SeatRule
from inspir.governance.selectors.committees import Composition, ConstituencyGroup, RuleSeats
from inspir.governance.selectors.report import (
    AdoptedDecision,
    HeldMeeting,
    composition_at_year_end,
    governance_year,
    report_committee,
)


def _day(day: datetime.date | None) -> dict[str, str]:
    """A day for reading in the active language, and for `<time datetime>`."""
    if day is None:
        return {"date": "", "iso": ""}
    return {"date": date_format(day, "DATE_FORMAT"), "iso": day.isoformat()}


def _meeting_data(held: HeldMeeting) -> dict[str, Any]:
    meeting = held.meeting
    return {
        "title": text_data(held.title),
        "kind": str(meeting.get_kind_display()),
        "format": str(meeting.format),
        "format_label": str(meeting.get_format_display()),
        "place": meeting.location,
        "starts_on": _day(held.starts_on),
        "month": date_format(held.starts_on, "YEAR_MONTH_FORMAT"),
        # Only for a meeting over several days.
        "ends_on": _day(held.ends_on if held.ends_on != held.starts_on else None),
    }


def _decision_data(adopted: AdoptedDecision) -> dict[str, Any]:
    return {"title": text_data(adopted.title), "decided_on": _day(adopted.decided_on)}


def collect_organisational(scope: ReportScope) -> dict[str, Any] | None:
    """The committee's year: founding meeting, meetings held, decisions adopted, its role."""
    committee = report_committee(scope)
    if committee is None:
        return None
    year = governance_year(scope, committee)
    description = year.description if year.description and year.description.text else None
    if not (
        year.founding
        or year.general_assemblies
        or year.committee_meetings
        or year.decisions
        or description
        or year.members
    ):
        return None
    return {
        "network": committee.network.name,
        "year": str(scope.year),  # a plain string: numbers are localised ("2 020" in French)
        "on": _day(scope.end),
        "founding": _meeting_data(year.founding) if year.founding else None,
        "general_assemblies": [_meeting_data(held) for held in year.general_assemblies],
        "committee_meetings": [_meeting_data(held) for held in year.committee_meetings],
        "decisions": [_decision_data(adopted) for adopted in year.decisions],
        "key_tasks": text_data(description) if description else None,
        "members": year.members,
        "figures": [
            figure("committee_members", year.members, _("members of the steering committee"))
        ]
        if year.members
        else [],
    }


def _constituency(rule: SeatRule) -> str:
    if rule.constituency_network is not None:
        return rule.constituency_network.name
    if rule.constituency_organisation is not None:
        organisation = rule.constituency_organisation
        return organisation.acronym or organisation.name
    return ""


def _rule_sentence(rule: SeatRule) -> dict[str, Any]:
    """One seat rule in words: "2 seats of representative for INSP!R Asia" and what
    qualifies them (advisory, chosen from that network's committee, the office held)."""
    role, constituency = str(rule.get_role_display()), _constituency(rule)
    values = {"count": rule.seats, "role": role, "constituency": constituency}
    if constituency:
        seats = ngettext(
            "%(count)s seat of %(role)s for %(constituency)s",
            "%(count)s seats of %(role)s for %(constituency)s",
            rule.seats,
        )
    else:
        seats = ngettext("%(count)s seat of %(role)s", "%(count)s seats of %(role)s", rule.seats)
    notes = []
    if rule.kind != SeatKind.VOTING:
        notes.append(str(rule.get_kind_display()))
    if rule.from_network_committee and rule.constituency_network_id:
        notes.append(gettext("chosen from that network's own committee"))
    if rule.office and rule.office != rule.role:  # a chair's seat needs no "office of chair"
        notes.append(
            gettext("holds the office of %(office)s") % {"office": rule.get_office_display()}
        )
    return {"text": seats % values, "notes": notes}


def _member_data(mandate: Mandate, group_name: str = "") -> dict[str, Any]:
    person = mandate.person
    organisation = person.organisation
    return {
        "name": person.name,
        "role": str(mandate.rule.get_role_display()),
        "kind": str(mandate.rule.kind),
        "kind_label": str(mandate.rule.get_kind_display()),
        "constituency": group_name or _constituency(mandate.rule),
        "organisation": (organisation.acronym or organisation.name) if organisation else "",
        "from": _day(mandate.start_date),
        "until": _day(mandate.end_date),
    }


def _holders(seats: list[RuleSeats], group_name: str = "") -> list[dict[str, Any]]:
    return [_member_data(mandate, group_name) for one in seats for mandate in one.holders]


def _group_data(group: ConstituencyGroup) -> dict[str, Any]:
    voting = [seats for seats in group.seats if seats.rule.kind == SeatKind.VOTING]
    accompanying = [seats for seats in group.seats if seats.rule.kind != SeatKind.VOTING]
    return {
        "name": group.name,
        "members": _holders(voting, group.name),
        "advisory": _holders(accompanying, group.name),
    }


def _composition(scope: ReportScope) -> tuple[Composition, str] | None:
    committee = report_committee(scope)
    if committee is None:
        return None
    return composition_at_year_end(scope, committee), committee.network.name


def collect_committee(scope: ReportScope) -> dict[str, Any] | None:
    """How the committee is composed, and who sat on it on the year's last day."""
    found = _composition(scope)
    if found is None:
        return None
    composition, network = found
    rules = [seats.rule for seats in composition.all_seats]
    groups = [_group_data(group) for group in composition.groups]
    groups = [group for group in groups if group["members"] or group["advisory"]]
    facilitation = _holders(composition.facilitation)
    if not rules and not groups and not facilitation:
        return None
    return {
        "network": network,
        "on": _day(scope.end),
        "rules": [_rule_sentence(rule) for rule in _in_rule_order(rules)],
        "groups": groups,
        "facilitation": facilitation,
        "members": composition.members,
    }


def _in_rule_order(rules: list[SeatRule]) -> list[SeatRule]:
    return sorted(rules, key=lambda rule: (rule.position, rule.pk))


def collect_composition(scope: ReportScope) -> dict[str, Any] | None:
    """The committee on the year's last day, as the report's closing reference table."""
    found = _composition(scope)
    if found is None:
        return None
    composition, network = found
    members: list[dict[str, Any]] = []
    advisory: list[dict[str, Any]] = []
    for group in composition.groups:
        for seats in group.seats:
            rows = _holders([seats], group.name)
            (members if seats.rule.kind == SeatKind.VOTING else advisory).extend(rows)
    facilitation = _holders(composition.facilitation)
    if not members and not advisory and not facilitation:
        return None
    return {
        "network": network,
        "on": _day(scope.end),
        "members": members,
        "advisory": advisory,
        "facilitation": facilitation,
    }


def register_report_sections() -> None:
    register_report_section(
        ReportSection(
            key="governance.organisational",
            part=Part.ORGANISATIONAL,
            order=10,
            title=_("At the organisational level"),
            collect=collect_organisational,
            template="governance/report/organisational.html",
            columns=1,
        )
    )
    register_report_section(
        ReportSection(
            key="governance.committee",
            part=Part.ORGANISATIONAL,
            order=20,
            title=_("The steering committee: its rules and members"),
            collect=collect_committee,
            template="governance/report/committee.html",
        )
    )
    register_report_section(
        ReportSection(
            key="governance.composition",
            part=Part.CLOSING,
            order=10,
            title=_("Composition of the steering committee"),
            collect=collect_composition,
            template="governance/report/composition.html",
        )
    )
