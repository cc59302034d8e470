"""Reads for consent: who may state a position on a decision, in which capacity, and the
count so far (governance/consent.py says how it is counted). A fixed number of queries
whatever the committee's size."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from inspir.accounts.permissions import AnyUser
from inspir.governance import consent
from inspir.governance.models import (
    Capacity,
    Committee,
    ConsentRecord,
    Decision,
    Mandate,
    SeatKind,
)
from inspir.governance.permissions import governing_networks
from inspir.network.models import Person


def decision_day(decision: Decision) -> datetime.date:
    """The day a decision is taken, for whose seats count: the meeting's, or the round's
    close (or today while neither is set), where it is decided."""
    if decision.meeting is not None:
        return timezone.localdate(decision.meeting.starts_at, decision.zone)
    return timezone.localdate(decision.closes_at or timezone.now(), decision.zone)


def seat_kinds(committee_id: int, on: datetime.date) -> dict[int, set[str]]:
    """{person id: the kinds of the seats they hold on the committee on that day}. One query."""
    kinds: dict[int, set[str]] = defaultdict(set)
    rows = (
        Mandate.objects.current(on)
        .filter(committee_id=committee_id)
        .values_list("person_id", "rule__kind")
    )
    for person_id, kind in rows:
        kinds[person_id].add(kind)
    return kinds


@dataclass(frozen=True)
class Voice:
    """Someone who may state a position on a decision, and how it weighs."""

    person: Person
    capacity: str

    @property
    def counts(self) -> bool:
        return self.capacity == Capacity.FULL

    @property
    def capacity_label(self) -> str:
        return str(Capacity(self.capacity).label)


def voices(decision: Decision) -> list[Voice]:
    """Everyone who may state a position: the committee's members on the day, and the
    meeting's participants (guests when they hold no seat). Two queries."""
    day = decision_day(decision)
    kinds = seat_kinds(decision.committee_id, day)
    people = Q(pk__in=list(kinds))
    if decision.meeting_id is not None:
        people |= Q(participations__meeting_id=decision.meeting_id)
    found = Person.objects.filter(people).select_related("user").distinct().order_by("name", "pk")
    return [Voice(person, consent.capacity_of(kinds.get(person.pk, ()))) for person in found]


def full_seats_filled(decision: Decision) -> int:
    """The full seats filled on the decision's day (distinct people). One query."""
    return (
        Mandate.objects.current(decision_day(decision))
        .filter(committee_id=decision.committee_id, rule__kind=SeatKind.VOTING)
        .values("person_id")
        .distinct()
        .count()
    )


def decision_tally(decision: Decision, records: list[ConsentRecord]) -> consent.Tally:
    return consent.tally(
        (consent.Stated(record.position, record.capacity) for record in records),
        rule=decision.committee.quorum,
        full_seats_filled=full_seats_filled(decision),
    )


def governed_committee_get(*, user: AnyUser, slug: str) -> Committee:
    """The committee of the network `slug`, if `user` governs it (its offices, the network's
    coordinators); DoesNotExist otherwise."""
    return Committee.objects.select_related("network").get(
        network__slug=slug, network__in=governing_networks(user).values("pk")
    )


def governed_open_round_get(*, user: AnyUser, pk: int) -> Decision:
    """An open consent round of a committee `user` governs; DoesNotExist otherwise."""
    return (
        Decision.objects.open_rounds()
        .filter(
            closes_at__isnull=False, committee__network__in=governing_networks(user).values("pk")
        )
        .select_related("committee__network", "meeting")
        .get(pk=pk)
    )


def open_rounds_for(person_id: int) -> QuerySet[Decision]:
    """Open consent rounds on which the person may state a position (their committee's,
    today) and has not yet."""
    seats = Mandate.objects.current().filter(person_id=person_id).values("committee_id")
    return (
        Decision.objects.open_rounds()
        .filter(committee_id__in=seats, closes_at__gt=timezone.now())
        .exclude(consents__person_id=person_id)
        .select_related("committee__network")
        .order_by("closes_at", "pk")
    )
