"""Advocacy's change history (`inspir.core.history`): every saved state of a position's
title, summary, text, demands (one a line) and links can be read against the others and
restored, by those who write the network's positions."""

from typing import Any

from django.utils.translation import gettext as _

from inspir.advocacy.models import Position
from inspir.advocacy.rules import TRACKED_POSITION_FIELDS
from inspir.advocacy.selectors.access import written_positions
from inspir.core import history


def _restore(position: Position, *, actor: Any, version: int, values: dict[str, Any]) -> Any:
    from inspir.advocacy.services.positions import position_update

    return position_update(position=position, actor=actor, version=version, data=values)


def register_history() -> None:
    history.register(
        history.Tracked(
            name="position",
            model=Position,
            fields=TRACKED_POSITION_FIELDS,
            title=lambda position: _("Position: %(title)s") % {"title": position.title},
            editable=lambda user: written_positions(user).select_related("network"),
            restore=_restore,
            back_url=lambda position: position.get_absolute_url(),
            network=lambda position: position.network,
        )
    )
