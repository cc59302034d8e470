"""Reminders, run every quarter of an hour from the worker's schedule (`send_reminders`).

Each reminder is a notice (`inspir.governance.notices`) whose key names its stage
("consultation:5:net:3:deadline1", "followup:12:due7"), so that it is told once however
often the job runs, and on however many workers: the pair (person, key) is unique.

- a network's input to a consultation, not given yet, 3 days and 1 day before inputs close;
- a meeting tomorrow, in each participant's own zone (not to those excused or absent, nor
  to those who answered that they cannot attend);
- a follow-up due within 7 days, and once overdue, until done or not applicable;
- an invitation to a meeting not answered yet, once, 3 days before the meeting."""

import datetime
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import Exists, F, OuterRef, QuerySet
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from inspir.accounts.models import User
from inspir.governance import notices
from inspir.governance.models import (
    AgendaInput,
    Attendance,
    Consultation,
    FollowUp,
    InvitationAnswer,
    MeetingStatus,
    Participant,
)
from inspir.governance.permissions import users_answering_for
from inspir.governance.rules import FOLLOW_UP_OPEN
from inspir.notifications.services import notify_users

# Stages of the input reminder, latest first: (stage, how long before inputs close).
INPUT_STAGES = (
    ("deadline1", datetime.timedelta(days=1)),
    ("deadline3", datetime.timedelta(days=3)),
)
FOLLOW_UP_SOON = datetime.timedelta(days=7)
# Meetings starting within this much are looked at for "tomorrow" in every zone.
MEETING_HORIZON = datetime.timedelta(hours=50)
# An invitation not answered is reminded once when the meeting is this near.
INVITATION_BEFORE = datetime.timedelta(days=3)
# Who is not reminded of a meeting: those who said they will not be there.
NOT_COMING = (Attendance.EXCUSED, Attendance.ABSENT)


def _acting(cache: dict[int, list[User]]) -> Callable[[int], list[User]]:
    def users(network_id: int) -> list[User]:
        if network_id not in cache:
            cache[network_id] = list(users_answering_for(network_id))
        return cache[network_id]

    return users


def _tell(**kwargs: Any) -> int:
    with transaction.atomic():
        return len(notify_users(**kwargs))


def input_deadline_reminders(*, now: datetime.datetime) -> int:
    """Networks consulted that have not given their input, when inputs close within 3 days
    (then within 1 day)."""
    latest = now + INPUT_STAGES[-1][1]
    consultations = (
        Consultation.objects.filter(
            meeting__agenda_circulated_at__isnull=False, meeting__status=MeetingStatus.SCHEDULED
        )
        .annotate(
            closes=Least(
                Coalesce("meeting__preparation_deadline", "meeting__starts_at"),
                F("meeting__starts_at"),
            ),
            given=Exists(
                AgendaInput.objects.filter(
                    item__meeting=OuterRef("meeting_id"), network=OuterRef("network_id")
                )
            ),
        )
        .filter(closes__gt=now, closes__lte=latest, given=False)
        .order_by("pk")
    )
    acting = _acting({})
    told = 0
    for consultation in consultations:
        left = consultation.closes - now  # type: ignore[attr-defined]
        stage = next(name for name, before in INPUT_STAGES if left <= before)
        told += _tell(
            kind=notices.REMINDER_INPUT,
            users=acting(consultation.network_id),
            context={"consultation": consultation.pk, "stage": stage},
            key=f"consultation:{consultation.pk}:net:{consultation.network_id}:{stage}",
            network_id=consultation.network_id,
        )
    return told


def meeting_reminders(*, now: datetime.datetime) -> int:
    """Participants whose meeting starts tomorrow in their own zone."""
    participants: QuerySet[Participant] = (
        Participant.objects.filter(
            meeting__status=MeetingStatus.SCHEDULED,
            meeting__starts_at__gt=now,
            meeting__starts_at__lte=now + MEETING_HORIZON,
            person__user__is_active=True,
        )
        .exclude(attendance__in=NOT_COMING)
        .exclude(answer=InvitationAnswer.NOT_ATTENDING)
        .select_related("meeting", "person__user")
        .order_by("meeting_id", "pk")
    )
    told = 0
    for participant in participants:
        zone = participant.person.zone
        day = participant.meeting.starts_at.astimezone(zone).date()
        if day != now.astimezone(zone).date() + datetime.timedelta(days=1):
            continue
        told += _tell(
            kind=notices.REMINDER_MEETING,
            users=[participant.person.user],
            context={"meeting": participant.meeting_id},
            # A meeting moved to another day is reminded again for its new day.
            key=f"meeting:{participant.meeting_id}:tomorrow:{day.isoformat()}",
        )
    return told


def invitation_reminders(*, now: datetime.datetime) -> int:
    """Participants who have not answered their invitation to a meeting starting within 3
    days: reminded once (a meeting moved later is not reminded again)."""
    participants: QuerySet[Participant] = (
        Participant.objects.filter(
            answer="",
            meeting__status=MeetingStatus.SCHEDULED,
            meeting__starts_at__gt=now,
            meeting__starts_at__lte=now + INVITATION_BEFORE,
            person__user__is_active=True,
        )
        .exclude(attendance__in=NOT_COMING)
        .select_related("person__user")
        .order_by("meeting_id", "pk")
    )
    told = 0
    for participant in participants:
        told += _tell(
            kind=notices.REMINDER_INVITATION,
            users=[participant.person.user],
            context={"meeting": participant.meeting_id},
            key=f"meeting:{participant.meeting_id}:unanswered",
        )
    return told


def follow_up_reminders(*, now: datetime.datetime) -> int:
    """Follow-ups not done (nor declared not applicable) due within 7 days, then overdue."""
    today = timezone.localdate(now)
    follow_ups = FollowUp.objects.filter(
        status__in=FOLLOW_UP_OPEN, due_on__isnull=False, due_on__lte=today + FOLLOW_UP_SOON
    ).order_by("due_on", "pk")
    acting = _acting({})
    told = 0
    for follow_up in follow_ups:
        stage = "overdue" if follow_up.due_on and follow_up.due_on < today else "due7"
        told += _tell(
            kind=notices.REMINDER_FOLLOW_UP,
            users=acting(follow_up.network_id),
            context={"follow_up": follow_up.pk, "stage": stage},
            key=f"followup:{follow_up.pk}:{stage}",
            network_id=follow_up.network_id,
        )
    return told


def reminders_send(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Every reminder due at `now`; how many notices each kind of reminder made."""
    now = now or timezone.now()
    return {
        "input deadlines": input_deadline_reminders(now=now),
        "meetings tomorrow": meeting_reminders(now=now),
        "invitations to answer": invitation_reminders(now=now),
        "follow-ups due": follow_up_reminders(now=now),
    }
