"""Reads for the slot finder: a committee's members as `slots.Member`s, with how the
committee's last meeting before the range fell for each of them, in a fixed number of queries
(one for the mandates with their people and hours, one for the last meeting)."""

import dataclasses
import datetime

from django.db.models import QuerySet

from inspir.accounts.permissions import AnyUser
from inspir.core.collation import name_order
from inspir.governance import slots
from inspir.governance.models import AvailableHours, Committee, Mandate, Meeting, MeetingStatus
from inspir.governance.permissions import governance_readable_networks
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


def last_meeting_before(committee: Committee, moment: datetime.datetime) -> Meeting | None:
    """The committee's last meeting (not cancelled) that started before `moment`."""
    return (
        Meeting.objects.filter(
            committee=committee, status=MeetingStatus.SCHEDULED, starts_at__lt=moment
        )
        .order_by("-starts_at")
        .only("pk", "starts_at", "ends_at", "time_zone", "title")
        .first()
    )


def hours_of(person: Person) -> AvailableHours | None:
    try:
        return person.available_hours  # type: ignore[attr-defined, no-any-return]
    except AvailableHours.DoesNotExist:
        return None


def slot_members(
    *, committee: Committee, first_day: datetime.date
) -> tuple[list[slots.Member], Meeting | None]:
    """The committee's members today, and the last meeting before `first_day` (UTC) that
    decides whom the rotation spares."""
    range_start = datetime.datetime.combine(first_day, datetime.time(0), tzinfo=datetime.UTC)
    previous = last_meeting_before(committee, range_start)
    members: dict[int, slots.Member] = {}
    for mandate in current_members(committee):
        person = mandate.person
        if person.pk in members:
            continue
        hours = hours_of(person)
        member = slots.Member(
            key=person.pk,
            name=person.name,
            zone=person.zone,
            earliest=hours.earliest if hours else slots.DEFAULT_EARLIEST,
            latest=hours.latest if hours else slots.DEFAULT_LATEST,
        )
        if previous is not None:
            member = dataclasses.replace(
                member, last_time=slots.last_time(member, previous.starts_at, previous.ends_at)
            )
        members[person.pk] = member
    return list(members.values()), previous
