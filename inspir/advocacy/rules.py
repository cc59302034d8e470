"""Advocacy's constants and predicates: plain functions, no services, selectors or views."""

from inspir.advocacy.models import Channel, Outcome, PositionStatus
from inspir.governance.models import Outcome as DecisionOutcome

# The fields of a position its edit form changes; with the demands, every saved state of
# them is kept in its history.
EDITABLE_POSITION_FIELDS = ("title", "summary", "body")
LINK_FIELDS = ("endorsing_networks", "plan_actions")
TRACKED_POSITION_FIELDS = (*EDITABLE_POSITION_FIELDS, "demand_list", *LINK_FIELDS)
# A decision adopts a position only when it was itself adopted (as written or amended).
ADOPTING_OUTCOMES = (DecisionOutcome.ADOPTED, DecisionOutcome.AMENDED)
# Where a position may be edited: a draft, or adopted (its text may still be corrected;
# the history keeps what the decision adopted). An archived one is kept as it was.
EDITABLE_STATUSES = (PositionStatus.DRAFT, PositionStatus.ADOPTED)
# What a submission's outcome is once answered; pending ones are followed up.
ANSWERED = (Outcome.ACKNOWLEDGED, Outcome.TAKEN_UP, Outcome.PARTLY, Outcome.REJECTED)
# How many positions, submissions or campaigns a list shows per page.
PAGE_SIZE = 25
# The most demands a position holds, and the longest one.
DEMANDS_MAX = 60
DEMAND_MAX_LENGTH = 2000
# How many submissions and campaigns a position's page lists (its network's whole record
# of them is on the lists).
SHOWN_ON_POSITION = 50


def demands_from_text(text: str) -> list[str]:
    """The demands typed one a line: each line trimmed, empty lines and list marks ("-",
    "•", "1.") left out."""
    demands = []
    for line in (text or "").splitlines():
        line = line.strip()
        for mark in ("- ", "• ", "* ", "– "):
            if line.startswith(mark):
                line = line[len(mark) :].strip()
        head, dot, rest = line.partition(". ")
        if dot and head.isdigit() and len(head) <= 3:
            line = rest.strip()
        if line:
            demands.append(line)
    return demands


def demands_as_text(demands: list[str]) -> str:
    return "\n".join(demands)


def needs_ally(channel: str) -> bool:
    return channel == Channel.ALLY


# What a submission is recorded with (its form, its service and its edit page share them).
SUBMISSION_FIELDS = (
    "stakeholder",
    "target_name",
    "submitted_on",
    "channel",
    "alliance",
    "ally",
    "outcome",
    "outcome_notes",
    "follow_up",
    "follow_up_on",
)
