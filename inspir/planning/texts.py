"""Which of planning's fields are member-written prose, read in every language
(core/texts.py), and which are names or codes."""

import datetime
from typing import Any

from inspir.core.texts import Context, not_prose, single_language, translatable


def _network(obj: Any) -> Context:
    return Context(network_id=obj.network_id)


def _action_context(action: Any) -> Context:
    """An action's texts are needed by its start: its partners read them before they begin."""
    needed_by = (
        datetime.datetime.combine(action.starts_on, datetime.time(), tzinfo=datetime.UTC)
        if action.starts_on
        else None
    )
    return Context(network_id=action.network_id, needed_by=needed_by)


def declare_texts() -> None:
    from inspir.planning import models as planning

    translatable(planning.PlanAction, "title", "description", context=_action_context)
    translatable(
        planning.Indicator,
        "name",
        "unit",
        context=lambda indicator: Context(network_id=indicator.action.network_id),
    )
    translatable(planning.ContextNote, "text", context=_network)
    translatable(planning.Stakeholder, "interest", "notes", context=_network)
    not_prose(planning.Stakeholder, "name", reason="an institution's own name")
    not_prose(planning.PlanPeriod, "name", reason="a period's years, 2020–2021")
    single_language(
        planning.Suggestion,
        "title",
        "description",
        "reason",
        "answer",
        reason=(
            "a member's suggestion to the plan's owners and their answer, read by them; "
            "accepted, it becomes an action, which is translated"
        ),
    )
