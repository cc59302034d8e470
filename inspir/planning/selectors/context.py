"""The context analysis as its pages read it: the networks that have one, a network's note
and stakeholders, the power map on a date (or two), a stakeholder with its assessments and
the actions that target it. Every query's shape is fixed here: a page's count does not grow
with the number of stakeholders or assessments."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, Model, OuterRef, Q

from inspir.accounts.permissions import AnyUser
from inspir.core.collation import collated, name_order
from inspir.network.models import Network, top_down
from inspir.planning.models import Assessment, ContextNote, PlanAction, Stakeholder
from inspir.planning.permissions import owned_network_ids
from inspir.planning.powermap import Position
from inspir.planning.selectors.access import (
    owned_networks,
    owned_stakeholders,
    readable_actions,
    readable_networks,
    readable_stakeholders,
)

# How many of the plan actions that target a stakeholder its page lists.
ACTIONS_SHOWN = 50


# --- The networks that have an analysis --------------------------------------------------------


@dataclass(frozen=True)
class ContextEntry:
    network: Network
    stakeholders: int
    has_note: bool
    owned: bool


def context_networks(user: AnyUser) -> list[ContextEntry]:
    """The networks `user` reads that have a context note or stakeholders, and those whose
    analysis they own (to start one): intercontinental first, then continental, then
    national, each in the reader's alphabetical order. One query."""
    owned = owned_network_ids(user)
    networks = readable_networks(user).annotate(
        stakeholder_count=Count("stakeholders"),
        has_note=Exists(ContextNote.objects.filter(network_id=OuterRef("pk"))),
    )
    if owned is not None:
        networks = networks.filter(Q(stakeholder_count__gt=0) | Q(has_note=True) | Q(pk__in=owned))
    networks = networks.order_by(top_down(), name_order(), "pk")
    return [
        ContextEntry(
            network=network,
            stakeholders=network.stakeholder_count,  # type: ignore[attr-defined]
            has_note=network.has_note,  # type: ignore[attr-defined]
            owned=owned is None or network.pk in owned,
        )
        for network in networks
    ]


def context_network_get(*, user: AnyUser, slug: str) -> Network:
    """The network `slug` when `user` reads its analysis (else `DoesNotExist`: a 404)."""
    return readable_networks(user).get(slug=slug)


def owned_network_get(*, user: AnyUser, slug: str) -> Network:
    """The network `slug` when `user` owns its analysis (else `DoesNotExist`: a 404)."""
    return owned_networks(user).get(slug=slug)


def context_note(network: Network) -> ContextNote | None:
    return ContextNote.objects.filter(network=network).first()


# How many stakeholders the power map draws (the most influential), and the list shows per page.
MAP_LIMIT = 40
LIST_PAGE = 25


def stakeholders_of(network: Network) -> list[Stakeholder]:
    """A network's stakeholders, in the reader's alphabetical order (a network has dozens):
    one query."""
    return collated(Stakeholder.objects.filter(network=network), name=lambda s: s.name)


def written_in(obj: Model | None, fields: Sequence[str]) -> dict[str, str]:
    """The language each of `fields` of `obj` was first written in (its original), for
    the fields that have one: one query."""
    from django.contrib.contenttypes.models import ContentType

    from inspir.core.models import TextOriginal

    if obj is None or obj.pk is None:
        return {}
    return dict(
        TextOriginal.objects.filter(
            content_type=ContentType.objects.get_for_model(type(obj), for_concrete_model=False),
            object_id=obj.pk,
            field__in=list(fields),
        ).values_list("field", "language")
    )


# --- The power map ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapRow:
    """A stakeholder on the map: where it stood on the date shown (`now`) and, when
    comparing, on the earlier date (`before`); None before its first assessment."""

    stakeholder: Stakeholder
    now: Position | None
    before: Position | None = None

    @property
    def moved(self) -> bool:
        return self.before is not None and self.now is not None and self.before != self.now

    @property
    def new(self) -> bool:
        """Assessed for the first time between the two dates."""
        return self.before is None and self.now is not None


@dataclass(frozen=True)
class PowerMap:
    on: datetime.date
    compare: datetime.date | None  # the earlier date, when comparing
    rows: list[MapRow]

    @property
    def comparing(self) -> bool:
        return self.compare is not None

    @property
    def moved(self) -> int:
        return sum(1 for row in self.rows if row.moved)


def positions_on(
    stakeholder_ids: Sequence[int], dates: Sequence[datetime.date]
) -> dict[datetime.date, dict[int, Position]]:
    """Where each stakeholder stood on each of `dates`: its latest assessment on or before
    it. One query (the assessments up to the latest date), the latest picked here."""
    if not stakeholder_ids or not dates:
        return {day: {} for day in dates}
    assessments = (
        Assessment.objects.filter(
            stakeholder_id__in=list(stakeholder_ids), assessed_on__lte=max(dates)
        )
        .order_by("assessed_on", "pk")
        .values_list("stakeholder_id", "assessed_on", "influence", "stance")
    )
    found: dict[datetime.date, dict[int, Position]] = {day: {} for day in dates}
    for stakeholder_id, assessed_on, influence, stance in assessments:
        for day, positions in found.items():
            if assessed_on <= day:
                # In date order: a later assessment replaces an earlier one.
                positions[stakeholder_id] = Position(influence=influence, stance=stance)
    return found


def power_map(
    stakeholders: Sequence[Stakeholder],
    *,
    on: datetime.date,
    compare: datetime.date | None = None,
) -> PowerMap:
    """The map of `stakeholders` on `on`, or compared between two dates (the earlier one
    drawn as "before", whichever order they were given in). A stakeholder not assessed yet
    on either date is left out."""
    if compare is not None and compare > on:
        on, compare = compare, on
    if compare == on:
        compare = None
    dates = [on] if compare is None else [on, compare]
    positions = positions_on([s.pk for s in stakeholders], dates)
    rows = []
    for stakeholder in stakeholders:
        now = positions[on].get(stakeholder.pk)
        before = positions[compare].get(stakeholder.pk) if compare is not None else None
        if now is None and before is None:
            continue
        rows.append(MapRow(stakeholder=stakeholder, now=now, before=before))
    return PowerMap(on=on, compare=compare, rows=rows)


# --- A stakeholder ------------------------------------------------------------------------------


def stakeholder_get(*, user: AnyUser, pk: Any) -> Stakeholder:
    """The stakeholder `pk` when `user` reads its network's analysis (else a 404)."""
    return readable_stakeholders(user).select_related("network").get(pk=pk)


def owned_stakeholder_get(*, user: AnyUser, pk: Any) -> Stakeholder:
    """The stakeholder `pk` when `user` owns its network's analysis (else a 404)."""
    return owned_stakeholders(user).select_related("network").get(pk=pk)


def assessments_of(stakeholder: Stakeholder) -> list[Assessment]:
    """Every assessment of `stakeholder`, latest first, with who recorded it: one query."""
    return list(
        Assessment.objects.filter(stakeholder=stakeholder)
        .select_related("recorded_by")
        .order_by("-assessed_on", "-pk")
    )


def actions_targeting(stakeholder: Stakeholder, *, user: AnyUser) -> list[PlanAction]:
    """The plan actions `user` reads that target `stakeholder`, at most `ACTIONS_SHOWN`:
    one query."""
    return list(
        readable_actions(user)
        .filter(stakeholders=stakeholder)
        .select_related("network", "period")
        .order_by("-period__starts_on", "domain", "starts_on", "pk")[:ACTIONS_SHOWN]
    )
