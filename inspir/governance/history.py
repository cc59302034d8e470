"""Governance's change histories (`inspir.core.history`). The minutes: every change to the
draft and the circulated text, and each correction made after approval (with its note), can
be read against the earlier text by those who govern the meeting's committee; a draft is
restored as a new version, while approved minutes change only through a correction
(`services.meetings.minutes_correct`, which keeps each approved version, MinutesVersion,
for their readers). Follow-up reports: a network's report, rewritten as the work goes on,
keeps every earlier report, for those who report for that network. Decisions are recorded
once and never edited, so they have no history."""

from typing import Any

from django.utils.translation import gettext as _

from inspir.core import history
from inspir.governance.models import FollowUp, Meeting
from inspir.governance.selectors.access import governed_meetings
from inspir.governance.selectors.decisions import reportable_follow_ups
from inspir.governance.services.decisions import follow_up_report
from inspir.governance.services.meetings import minutes_update
from inspir.network.models import Network


def _restore(meeting: Meeting, *, actor: Any, version: int, values: dict[str, Any]) -> Meeting:
    return minutes_update(meeting=meeting, actor=actor, version=version, minutes=values["minutes"])


def _network(meeting: Meeting) -> Network:
    return meeting.committee.network


def _restore_report(
    follow_up: FollowUp, *, actor: Any, version: int, values: dict[str, Any]
) -> FollowUp:
    return follow_up_report(
        follow_up=follow_up,
        actor=actor,
        version=version,
        status=values["status"],
        report=values["report"],
    )


def _report_title(follow_up: FollowUp) -> str:
    return _("Report of %(network)s on %(decision)s") % {
        "network": follow_up.network.name,
        "decision": follow_up.decision.title,
    }


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
    history.register(
        history.Tracked(
            name="report",
            model=FollowUp,
            fields=("status", "report"),
            title=_report_title,
            editable=reportable_follow_ups,
            restore=_restore_report,
            back_url=lambda follow_up: follow_up.get_absolute_url(),
            network=lambda follow_up: follow_up.network,
        )
    )
