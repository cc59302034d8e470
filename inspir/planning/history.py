"""Planning's change histories (`inspir.core.history`): every saved state of a plan action,
of a stakeholder and of a context note can be read against the others and restored, by
those who own that part of the plan. The plan "evolves permanently": its history is never
lost."""

from typing import Any

from django.utils.translation import gettext as _

from inspir.core import history
from inspir.planning.models import ContextNote, PlanAction, Stakeholder
from inspir.planning.rules import EDITABLE_STAKEHOLDER_FIELDS, TRACKED_ACTION_FIELDS
from inspir.planning.selectors.access import (
    owned_actions,
    owned_context_notes,
    owned_stakeholders,
)


def _restore_action(
    action: PlanAction, *, actor: Any, version: int, values: dict[str, Any]
) -> PlanAction:
    from inspir.planning.services.actions import action_update

    return action_update(action=action, actor=actor, version=version, data=values)


def _restore_stakeholder(
    stakeholder: Stakeholder, *, actor: Any, version: int, values: dict[str, Any]
) -> Stakeholder:
    from inspir.planning.services.context import stakeholder_update

    return stakeholder_update(stakeholder=stakeholder, actor=actor, version=version, data=values)


def _restore_note(note: ContextNote, *, actor: Any, version: int, values: dict[str, Any]) -> Any:
    from inspir.planning.services.context import context_note_save

    return context_note_save(
        network=note.network, actor=actor, version=version, text=values["text"]
    )


def register_history() -> None:
    history.register(
        history.Tracked(
            name="plan-action",
            model=PlanAction,
            fields=TRACKED_ACTION_FIELDS,
            title=lambda action: _("Plan action: %(title)s") % {"title": action.title},
            editable=lambda user: owned_actions(user).select_related("network"),
            restore=_restore_action,
            back_url=lambda action: action.get_absolute_url(),
            network=lambda action: action.network,
        )
    )
    history.register(
        history.Tracked(
            name="stakeholder",
            model=Stakeholder,
            fields=EDITABLE_STAKEHOLDER_FIELDS,
            title=lambda stakeholder: _("Stakeholder: %(name)s") % {"name": stakeholder.name},
            editable=lambda user: owned_stakeholders(user).select_related("network"),
            restore=_restore_stakeholder,
            back_url=lambda stakeholder: stakeholder.get_absolute_url(),
            network=lambda stakeholder: stakeholder.network,
        )
    )
    history.register(
        history.Tracked(
            name="context",
            model=ContextNote,
            fields=("text",),
            title=lambda note: _("Context analysis of %(network)s") % {"network": note.network},
            editable=lambda user: owned_context_notes(user).select_related("network"),
            restore=_restore_note,
            back_url=lambda note: note.get_absolute_url(),
            network=lambda note: note.network,
        )
    )
