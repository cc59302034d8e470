"""Planning's sections of the annual report (`core/report_sections.py`).

- `planning.domains` (the operational level): for each of the four domains, the priority
  actions of the plan that ran during the year, with their lead, status and progress as they
  stood on 31 December (`selectors/report.py` reads them from the change history), and the
  average progress per domain as a chart with its table.
- `planning.perspectives`: the priority actions planned, at the year's end, for after it,
  by domain.

Both read the network and those below it; each returns plain data in the active language.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from inspir.core.report_sections import (
    Part,
    ReportScope,
    ReportSection,
    day,
    figure,
    register_report_section,
    text_data,
)
from inspir.governance.models import Domain
from inspir.planning.models import ActionStatus
from inspir.planning.selectors.report import (
    ActionAtYearEnd,
    actions_of_year,
    perspectives_of_year,
)

# Dates as the report writes them (core/report_sections.py).
_day = day


def _label(choices: Any, value: str) -> str:
    return str(dict(choices.choices).get(value, value))


def _action_data(one: ActionAtYearEnd, *, description: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": text_data(one.title),
        "network": one.action.network.name,
        "lead": one.lead,
        "status": one.status,
        "status_label": _label(ActionStatus, one.status),
        "progress": one.progress,
        "starts_on": _day(one.starts_on),
        "ends_on": _day(one.ends_on),
    }
    if description:
        data["description"] = (
            text_data(one.description) if one.description and one.description.text else None
        )
    return data


def average_progress(actions: list[ActionAtYearEnd]) -> int | None:
    """The mean progress of the actions still pursued (a dropped action is not progress
    withheld), rounded; None when there is none."""
    pursued = [one.progress for one in actions if one.status != ActionStatus.DROPPED]
    return round(sum(pursued) / len(pursued)) if pursued else None


def collect_domains(scope: ReportScope) -> dict[str, Any] | None:
    """The four domains' priority actions of the year, as they stood at its end."""
    actions = actions_of_year(scope)
    if not actions:
        return None
    domains = []
    for domain, label in Domain.choices:
        of_domain = [one for one in actions if one.domain == domain]
        domains.append(
            {
                "key": str(domain),
                "label": str(label),
                "count": len(of_domain),
                "statuses": [
                    {
                        "key": str(status),
                        "label": str(status_label),
                        "count": sum(1 for one in of_domain if one.status == status),
                    }
                    for status, status_label in ActionStatus.choices
                ],
                "average_progress": average_progress(of_domain),
                "actions": [_action_data(one) for one in of_domain],
            }
        )
    done = sum(1 for one in actions if one.status == ActionStatus.DONE)
    return {
        "domains": domains,
        "statuses": [
            {"key": str(value), "label": str(label)} for value, label in ActionStatus.choices
        ],
        "total": len(actions),
        "done": done,
        "figures": [
            figure("planning.actions", len(actions), _("priority actions in the plan")),
            figure("planning.actions_done", done, _("priority actions completed")),
        ],
    }


def collect_perspectives(scope: ReportScope) -> dict[str, Any] | None:
    """The priority actions the plan held at the year's end for after it, by domain: those
    to start after the year, and those still open that go on into the next."""
    found = perspectives_of_year(scope)
    if not found.new and not found.continuing:
        return None
    domains = []
    for domain, label in Domain.choices:
        new = [one for one in found.new if one.domain == domain]
        continuing = [one for one in found.continuing if one.domain == domain]
        if new or continuing:
            domains.append(
                {
                    "key": str(domain),
                    "label": str(label),
                    "new": [_action_data(one, description=True) for one in new],
                    "continuing": [_action_data(one) for one in continuing],
                }
            )
    return {
        "domains": domains,
        "new": len(found.new),
        "continuing": len(found.continuing),
        "next_year": scope.year + 1,
    }


def register_report_sections() -> None:
    register_report_section(
        ReportSection(
            key="planning.domains",
            part=Part.OPERATIONAL,
            order=10,
            title=_("The plan's four domains"),
            collect=collect_domains,
            template="planning/report/domains.html",
        )
    )
    register_report_section(
        ReportSection(
            key="planning.perspectives",
            part=Part.PERSPECTIVES,
            order=10,
            title=_("Perspectives: the next period's priority actions"),
            collect=collect_perspectives,
            template="planning/report/perspectives.html",
        )
    )
