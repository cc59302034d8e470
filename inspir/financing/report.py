"""Financing's section of the annual report (`core/report_sections.py`).

`financing.proposals` (the operational level): the joint funding proposals of the network
and those below it that count in the year: to which funder, led by which organisation with
which partners, and where each stood on 31 December. No amount: a published report states
none (`financing/permissions.py` keeps them to the budget holders and the team)."""

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
from inspir.financing.models import ProposalStatus
from inspir.financing.selectors.report import STATUS_ORDER, ProposalAtYearEnd, proposals_of_year

# Dates as the report writes them (core/report_sections.py).
_day = day


def _proposal_data(one: ProposalAtYearEnd) -> dict[str, Any]:
    proposal = one.proposal
    return {
        "title": text_data(one.title),
        "network": proposal.network.name,
        "funder": str(proposal.funder),
        "lead": str(proposal.lead_organisation),
        "partners": [str(partner) for partner in proposal.partner_organisations.all()],
        "status": one.status,
        "status_label": str(ProposalStatus(one.status).label),
        "submitted_on": _day(one.submitted_on),
        "decided_on": _day(one.decided_on),
    }


def collect_proposals(scope: ReportScope) -> dict[str, Any] | None:
    """The year's joint funding proposals, furthest along first, without amounts."""
    found = proposals_of_year(scope)
    if not found:
        return None
    granted = sum(1 for one in found if one.status == ProposalStatus.GRANTED)
    return {
        "proposals": [_proposal_data(one) for one in found],
        "statuses": [
            {
                "key": str(status),
                "label": str(status.label),
                "count": sum(1 for one in found if one.status == status),
            }
            for status in STATUS_ORDER
        ],
        "total": len(found),
        "figures": [
            figure("financing.proposals", len(found), _("joint funding proposals")),
            figure("financing.granted", granted, _("funding proposals granted")),
        ],
    }


def register_report_sections() -> None:
    register_report_section(
        ReportSection(
            key="financing.proposals",
            part=Part.OPERATIONAL,
            order=40,
            title=_("Financing social protection"),
            collect=collect_proposals,
            template="financing/report/proposals.html",
        )
    )
