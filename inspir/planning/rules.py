"""Planning's constants and predicates: plain functions, no services, selectors or views."""

import datetime

from inspir.network.models import Level
from inspir.planning.models import ActionStatus, PlanAction

# What is still to be done: an action in one of these states past its end is overdue.
OPEN_STATUSES = (ActionStatus.PLANNED, ActionStatus.ONGOING, ActionStatus.POSTPONED)
# The fields an action's edit form changes, whose every saved state the history keeps.
EDITABLE_ACTION_FIELDS = (
    "title",
    "description",
    "domain",
    "status",
    "progress",
    "starts_on",
    "ends_on",
    "lead_network",
    "lead_organisation",
    "lead_person",
)
# What an action links to: who works on it with the lead, what produced or changed it,
# whom it targets and, for subsidiarity, the actions below it that it strengthens.
LINK_FIELDS = (
    "partner_networks",
    "partner_organisations",
    "decisions",
    "meetings",
    "stakeholders",
    "strengthens",
)
# Every saved state of these is kept in the action's history, links included.
TRACKED_ACTION_FIELDS = EDITABLE_ACTION_FIELDS + LINK_FIELDS
# What a suggestion proposes, and what accepting it writes into the action.
SUGGESTED_FIELDS = ("domain", "title", "description", "starts_on", "ends_on")
# The fields of a stakeholder whose every saved state the history keeps.
EDITABLE_STAKEHOLDER_FIELDS = ("name", "kind", "level", "interest", "notes")
# The levels whose actions must strengthen actions of the networks below (subsidiarity):
# what is done internationally serves what the continental and national networks do.
SUBSIDIARY_LEVELS = (Level.INTERCONTINENTAL,)
# How many suggestions, actions or stakeholders a list shows per page.
PAGE_SIZE = 25
# The longest reason a declined suggestion may be given.
ANSWER_MAX_LENGTH = 2000


def is_overdue(action: PlanAction, today: datetime.date) -> bool:
    """Still open after the date it should have ended."""
    return action.ends_on is not None and action.ends_on < today and action.status in OPEN_STATUSES


def lacks_lead(action: PlanAction) -> bool:
    return (
        action.lead_network_id is None
        and action.lead_organisation_id is None
        and action.lead_person_id is None
        and action.status in OPEN_STATUSES
    )


def must_strengthen(level: str) -> bool:
    """Whether an action at `level` should strengthen actions of the networks below."""
    return level in SUBSIDIARY_LEVELS
