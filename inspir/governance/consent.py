"""How a committee decides by consent: who counts, how many are needed, what the outcome is.

Pure rules, no database. Everyone who sits on the committee may state a position (agree,
abstain, concern, block), and a meeting's guests may too, but they do not weigh the same:
- only full members (`SeatKind.VOTING`) count toward the quorum, and only their blocks stop
  adoption;
- advisory members, the facilitation (the secretariat's seat), observers and guests are
  heard: their positions and reasons are shown apart, and change nothing in the count.

The quorum is the committee's own rule (`QuorumRule`), over the full seats filled on the day
the decision is taken: more than half of them by default. An abstention is a position given,
so it counts toward the quorum; a concern is recorded with its reason and does not stop
adoption; a single full member's block does.

The outcome, computed when a round closes (or when the secretariat records a decision taken
in a meeting): "no quorum" when too few full members gave a position, else "not adopted"
while a full member's block stands, else adopted (or adopted as amended)."""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from inspir.governance.models import (
    Capacity,
    Outcome,
    Position,
    QuorumRule,
    SeatKind,
)

CAPACITY_OF_SEAT = {
    SeatKind.VOTING: Capacity.FULL,
    SeatKind.ADVISORY: Capacity.ADVISORY,
    SeatKind.FACILITATION: Capacity.FACILITATION,
    SeatKind.OBSERVER: Capacity.OBSERVER,
}


def capacity_of(seat_kinds: Iterable[str]) -> str:
    """The capacity of someone holding seats of these kinds on the committee (the weightiest:
    a full seat and an advisory one make a full member); a guest holds none."""
    kinds = set(seat_kinds)
    for kind in (SeatKind.VOTING, SeatKind.ADVISORY, SeatKind.FACILITATION, SeatKind.OBSERVER):
        if kind in kinds:
            return CAPACITY_OF_SEAT[kind]
    return Capacity.GUEST


def quorum_needed(rule: str, full_seats_filled: int) -> int:
    """How many full members' positions make the quorum. Never fewer than one: a committee
    with no full seat filled cannot decide."""
    if rule == QuorumRule.ALL:
        needed = full_seats_filled
    elif rule == QuorumRule.TWO_THIRDS:
        needed = math.ceil(full_seats_filled * 2 / 3)
    else:
        needed = full_seats_filled // 2 + 1
    return max(needed, 1)


@dataclass(frozen=True)
class Stated:
    """One position, as the count needs it."""

    position: str
    capacity: str


@dataclass
class Tally:
    """The count of a decision's positions: the full members' by position, the others heard."""

    needed: int
    full_seats: int
    counts: dict[str, int] = field(default_factory=dict)  # full members' positions
    heard: dict[str, int] = field(default_factory=dict)  # the others'

    @property
    def given(self) -> int:
        return sum(self.counts.values())

    @property
    def quorate(self) -> bool:
        return self.given >= self.needed

    @property
    def blocked(self) -> bool:
        return self.counts.get(Position.BLOCK, 0) > 0

    def outcome(self, *, amended: bool = False) -> str:
        if not self.quorate:
            return Outcome.NO_QUORUM
        if self.blocked:
            return Outcome.REJECTED
        return Outcome.AMENDED if amended else Outcome.ADOPTED


def tally(positions: Iterable[Stated], *, rule: str, full_seats_filled: int) -> Tally:
    counted = Tally(needed=quorum_needed(rule, full_seats_filled), full_seats=full_seats_filled)
    for stated in positions:
        side = counted.counts if stated.capacity == Capacity.FULL else counted.heard
        side[stated.position] = side.get(stated.position, 0) + 1
    return counted
