"""Financing's constants and predicates: the proposals' pipeline, the year a proposal counts
in, the reminders' stages. Imports no services, selectors, forms or views."""

from typing import Any

from django.utils import timezone

from inspir.financing.models import ProposalStatus

# Where a proposal may go from each status. Forward only, one step at a time, except that a
# refused proposal may go back to drafting (reworked for the next call or another funder);
# a granted one is final (the grant's follow-up is the plan's).
PIPELINE: dict[str, frozenset[str]] = {
    ProposalStatus.IDEA: frozenset({ProposalStatus.DRAFTING}),
    ProposalStatus.DRAFTING: frozenset({ProposalStatus.SUBMITTED}),
    ProposalStatus.SUBMITTED: frozenset({ProposalStatus.GRANTED, ProposalStatus.REFUSED}),
    ProposalStatus.GRANTED: frozenset(),
    ProposalStatus.REFUSED: frozenset({ProposalStatus.DRAFTING}),
}
# The board's columns, in the pipeline's order.
COLUMNS: tuple[str, ...] = (
    ProposalStatus.IDEA,
    ProposalStatus.DRAFTING,
    ProposalStatus.SUBMITTED,
    ProposalStatus.GRANTED,
    ProposalStatus.REFUSED,
)
DECIDED = frozenset({ProposalStatus.GRANTED, ProposalStatus.REFUSED})
# Still being prepared: its team is reminded of its deadline.
IN_PREPARATION = (ProposalStatus.IDEA, ProposalStatus.DRAFTING)
# The reminders of a proposal's deadline, latest first: (stage, days before the deadline).
REMINDER_STAGES: tuple[tuple[str, int], ...] = (("deadline1", 1), ("deadline7", 7))

# The first year the totals and the board's filter offer (the founding meeting's).
FIRST_YEAR = 2019
# Proposals per page of a list (the board shows at most this many per column).
PAGE_SIZE = 50
COLUMN_LIMIT = 30
# Funders per page of their list.
FUNDER_PAGE_SIZE = 50

# The fields a proposal's form writes (links apart).
EDITABLE_PROPOSAL_FIELDS = (
    "title",
    "summary",
    "funder",
    "call",
    "lead_organisation",
    "amount_requested",
    "currency",
    "deadline",
)
PROPOSAL_LINKS = ("partner_organisations", "team", "plan_actions")
FUNDER_FIELDS = ("name", "acronym", "kind", "url", "notes")
CALL_FIELDS = (
    "title",
    "description",
    "opens_on",
    "deadline",
    "url",
    "max_amount",
    "currency",
)


def may_move(current: str, target: str) -> bool:
    return target in PIPELINE.get(current, frozenset())


def counting_year(proposal: Any) -> int:
    """The year a proposal counts in: of its decision once decided (granted or refused), else
    of its submission, else of its deadline, else of its creation (today for a new one)."""
    for day in (proposal.decided_on, proposal.submitted_on, proposal.deadline):
        if day is not None:
            return int(day.year)
    created = getattr(proposal, "created_at", None)
    return int(created.year) if created is not None else timezone.localdate().year
