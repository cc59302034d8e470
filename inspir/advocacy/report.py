"""Advocacy's section of the annual report (`core/report_sections.py`).

`advocacy.work` (the operational level): the positions the network and those below it
adopted during the year, or endorsed, with their summary and demands; where positions were
taken that year (to whom, when, how, with what outcome); the campaigns they took part in.
What the members follow up next is not published: only what was adopted, submitted and
answered."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from inspir.advocacy.models import CampaignKind, Channel, Outcome
from inspir.advocacy.selectors.report import AdvocacyOfYear, advocacy_of_year
from inspir.core.report_sections import (
    Part,
    ReportScope,
    ReportSection,
    day,
    figure,
    register_report_section,
    text_data,
)

# Dates as the report writes them (core/report_sections.py).
_day = day


def _label(choices: Any, value: str) -> str:
    return str(dict(choices.choices).get(value, value))


def _text_or_none(found: AdvocacyOfYear, record: object, field: str) -> dict[str, Any] | None:
    shown = found.text(record, field)
    return text_data(shown) if shown.text.strip() else None


def _positions(found: AdvocacyOfYear) -> list[dict[str, Any]]:
    return [
        {
            "title": text_data(found.text(position, "title")),
            "summary": _text_or_none(found, position, "summary"),
            "demands": [text_data(found.text(demand, "text")) for demand in position.demands.all()],
            "network": position.network.name,
            # A position of a network above, endorsed by the scope's networks.
            "endorsed_only": position.network_id not in found.network_ids,
            "endorsed_by": [network.name for network in position.endorsing_networks.all()],
            "adopted_on": _day(position.adopted_on),
            "decision": (
                text_data(found.text(position.decision, "title"))
                if position.decision is not None
                else None
            ),
        }
        for position in found.positions
    ]


def _submissions(found: AdvocacyOfYear) -> list[dict[str, Any]]:
    return [
        {
            "position": text_data(found.text(submission.position, "title")),
            "target": submission.target,
            "submitted_on": _day(submission.submitted_on),
            "channel": submission.channel,
            "channel_label": _label(Channel, submission.channel),
            "relayed_by": submission.relayed_by,
            "outcome": submission.outcome,
            "outcome_label": _label(Outcome, submission.outcome),
            "outcome_notes": _text_or_none(found, submission, "outcome_notes"),
        }
        for submission in found.submissions
    ]


def _campaigns(found: AdvocacyOfYear) -> list[dict[str, Any]]:
    return [
        {
            "title": text_data(found.text(campaign, "title")),
            "description": _text_or_none(found, campaign, "description"),
            "kind": campaign.kind,
            "kind_label": _label(CampaignKind, campaign.kind),
            "starts_on": _day(campaign.starts_on),
            "ends_on": _day(campaign.ends_on),
            "url": campaign.url,
            "participants": [network.name for network in campaign.participants.all()],
        }
        for campaign in found.campaigns
    ]


def collect_work(scope: ReportScope) -> dict[str, Any] | None:
    """The year's advocacy: positions adopted, submissions made, campaigns joined."""
    found = advocacy_of_year(scope)
    if not (found.positions or found.submissions or found.campaigns):
        return None
    return {
        "positions": _positions(found),
        "submissions": _submissions(found),
        "campaigns": _campaigns(found),
        "figures": [
            figure("advocacy.positions", len(found.positions), _("positions adopted")),
            figure("advocacy.submissions", len(found.submissions), _("submissions of positions")),
        ],
    }


def register_report_sections() -> None:
    register_report_section(
        ReportSection(
            key="advocacy.work",
            part=Part.OPERATIONAL,
            order=20,
            title=_("Advocacy"),
            collect=collect_work,
            template="advocacy/report/work.html",
        )
    )
