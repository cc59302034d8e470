"""Reads for the slot finder: a committee's members as `slots.Member`s, with the burden each
bore over the committee's recent meetings before the range, in a fixed number of queries
whatever the committee's size (one for the mandates with their people and hours, one for the
recent meetings, one for who took part in them)."""

import datetime
from collections import defaultdict

from django.db.models import QuerySet

from inspir.accounts.permissions import AnyUser
from inspir.core.collation import name_order
from inspir.governance import slots
from inspir.governance.models import (
    AvailableHours,
    Committee,
    Mandate,
    Meeting,
    MeetingStatus,
    Participant,
)
from inspir.governance.permissions import governance_readable_networks
from inspir.governance.rules import shown_hours
from inspir.network.models import Person


def readable_committee_get(*, user: AnyUser, slug: str) -> Committee:
    """The committee of the network `slug`, if `user` may read that network's governance;
    `Committee.DoesNotExist` otherwise."""
    return Committee.objects.select_related("network").get(
        network__slug=slug, network__in=governance_readable_networks(user).values("pk")
    )


def current_members(committee: Committee, on: datetime.date | None = None) -> QuerySet[Mandate]:
    return (
        Mandate.objects.current(on)
        .filter(committee=committee)
        .select_related("person", "person__available_hours")
        .order_by(name_order("person__"), "person_id")
    )


def recent_meetings(
    committee: Committee, moment: datetime.datetime, count: int = slots.RECENT_MEETINGS
) -> list[Meeting]:
    """The committee's last `count` meetings (not cancelled) that started before `moment`
    and at most `slots.RECENT_DAYS` days before it, oldest first."""
    since = moment - datetime.timedelta(days=slots.RECENT_DAYS)
    latest = (
        Meeting.objects.filter(
            committee=committee,
            status=MeetingStatus.SCHEDULED,
            starts_at__lt=moment,
            starts_at__gte=since,
        )
        .order_by("-starts_at", "-pk")
        .only("pk", "starts_at", "ends_at", "time_zone", "title")[:count]
    )
    return list(reversed(latest))


def hours_of(person: Person) -> AvailableHours | None:
    try:
        return person.available_hours  # type: ignore[attr-defined, no-any-return]
    except AvailableHours.DoesNotExist:
        return None


# What the hours form shows and compares: earliest, latest, never before, never after.
Hours = tuple[datetime.time, datetime.time, datetime.time | None, datetime.time | None]


def hours_shown(hours: AvailableHours | None) -> Hours:
    """A person's hours and hard limits as the form shows them: theirs, else the default day
    with no limit."""
    earliest, latest = shown_hours(hours)
    if hours is None:
        return earliest, latest, None, None
    return earliest, latest, hours.never_before, hours.never_after


def member_of(person: Person) -> slots.Member:
    """`person` as the slot finder sees them, with no history yet."""
    hours = hours_of(person)
    if hours is None:
        return slots.Member(key=person.pk, name=person.name, zone=person.zone)
    return slots.Member(
        key=person.pk,
        name=person.name,
        zone=person.zone,
        earliest=hours.earliest,
        latest=hours.latest,
        never_before=hours.never_before,
        never_after=hours.never_after,
    )


def slot_members(
    *, committee: Committee, first_day: datetime.date
) -> tuple[list[slots.Member], list[Meeting]]:
    """The committee's members today, each with the burden they bore over the committee's
    recent meetings before `first_day` (UTC), and those meetings, oldest first. A meeting
    counts for its participants; one with none recorded counts for every member."""
    range_start = datetime.datetime.combine(first_day, datetime.time(0), tzinfo=datetime.UTC)
    series = recent_meetings(committee, range_start)
    took_part: dict[int, set[int]] = defaultdict(set)
    if series:
        rows = Participant.objects.filter(meeting__in=[m.pk for m in series]).values_list(
            "meeting_id", "person_id"
        )
        for meeting_id, person_id in rows:
            took_part[meeting_id].add(person_id)
    members: dict[int, slots.Member] = {}
    for mandate in current_members(committee):
        person = mandate.person
        if person.pk in members:
            continue
        attended = [
            (meeting.starts_at, meeting.ends_at)
            for meeting in series
            if not took_part[meeting.pk] or person.pk in took_part[meeting.pk]
        ]
        members[person.pk] = slots.with_history(member_of(person), attended)
    return list(members.values()), series
