"""The minutes' change history (`inspir.core.history`): corrections made after publication
can be read against what was published and undone, by those who govern the meeting's
committee. Decisions are recorded once and never edited, so they have no history."""

from typing import Any

from django.utils.translation import gettext as _

from inspir.core import history
from inspir.governance.models import Meeting
from inspir.governance.selectors.access import governed_meetings
from inspir.governance.services.meetings import minutes_update
from inspir.network.models import Network


def _restore(meeting: Meeting, *, actor: Any, version: int, values: dict[str, Any]) -> Meeting:
    return minutes_update(meeting=meeting, actor=actor, version=version, minutes=values["minutes"])


def _network(meeting: Meeting) -> Network:
    return meeting.committee.network


def register_history() -> None:
    history.register(
        history.Tracked(
            name="minutes",
            model=Meeting,
            fields=("minutes",),
            title=lambda meeting: _("Minutes of %(meeting)s") % {"meeting": meeting.title},
            editable=lambda user: governed_meetings(user).select_related("committee__network"),
            restore=_restore,
            back_url=lambda meeting: meeting.get_absolute_url() + "#minutes",
            network=_network,
        )
    )
