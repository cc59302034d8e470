"""Reads of the joint funding proposals for the annual report (`financing/report.py`): those
of a network and those below it that count in a year, each with its status as it stood on
31 December. No amount is read: a published report states none (`financing/permissions.py`
keeps them to the budget holders and the proposal's team).

A proposal counts in the year of its decision, else of its submission, else of its deadline
(`rules.counting_year`, kept in `year`); one submitted during the year and decided after it
counts in the year too, as submitted, so that its decision the next year does not take it
out of the year it was made in. Its status at the year's end follows from its dates: decided
by then, submitted by then, else still in preparation. Ideas are left out (not yet a
proposal). Four queries, whatever their number."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q

from inspir.core.collation import name_order
from inspir.core.report_sections import ReportScope
from inspir.core.texts import Shown, key, shown_all
from inspir.financing.models import FundingProposal, ProposalStatus
from inspir.financing.rules import DECIDED
from inspir.network.models import Organisation

# The order the report lists proposals in: the furthest along first.
STATUS_ORDER = (
    ProposalStatus.GRANTED,
    ProposalStatus.SUBMITTED,
    ProposalStatus.REFUSED,
    ProposalStatus.DRAFTING,
)


@dataclass(frozen=True)
class ProposalAtYearEnd:
    proposal: FundingProposal  # funder, lead and partners read with it; amounts never shown
    status: str  # as it stood at the year's end
    submitted_on: datetime.date | None  # by the year's end
    decided_on: datetime.date | None  # by the year's end
    title: Shown


def status_at(proposal: FundingProposal, day: datetime.date) -> str:
    """Where `proposal` stood on `day`, from its dates."""
    if (
        proposal.status in DECIDED
        and proposal.decided_on is not None
        and proposal.decided_on <= day
    ):
        return str(proposal.status)
    if proposal.submitted_on is not None and proposal.submitted_on <= day:
        return ProposalStatus.SUBMITTED
    if proposal.status == ProposalStatus.IDEA:
        return ProposalStatus.IDEA
    return ProposalStatus.DRAFTING


def proposals_of_year(scope: ReportScope) -> list[ProposalAtYearEnd]:
    found = list(
        FundingProposal.objects.filter(
            Q(year=scope.year) | Q(submitted_on__gte=scope.start, submitted_on__lte=scope.end),
            network_id__in=scope.network_ids,
        )
        .exclude(status=ProposalStatus.IDEA)
        .select_related("network", "funder", "lead_organisation")
        .prefetch_related(
            Prefetch(
                "partner_organisations",
                queryset=Organisation.objects.order_by(name_order(), "pk"),
            )
        )
        .order_by("submitted_on", "deadline", "pk")
    )
    texts = shown_all((proposal, "title") for proposal in found)
    read = []
    for proposal in found:
        status = status_at(proposal, scope.end)
        if status == ProposalStatus.IDEA:
            continue
        submitted = proposal.submitted_on
        decided = proposal.decided_on
        read.append(
            ProposalAtYearEnd(
                proposal=proposal,
                status=status,
                submitted_on=submitted
                if submitted is not None and submitted <= scope.end
                else None,
                decided_on=decided if status in DECIDED else None,
                title=texts[key(proposal, "title")],
            )
        )
    read.sort(key=lambda one: STATUS_ORDER.index(one.status))  # type: ignore[arg-type]
    return read
