"""Writes to the network's positions: drafting and editing them with their demands (those
who act for the network), adopting, publishing and archiving them (those who govern it).
Every write is checked, validated, atomic and audited; every saved state of a position's
title, summary, body, demands and links is kept in its history (`advocacy/history.py`)."""

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inspir.accounts.permissions import AnyUser
from inspir.advocacy.models import Demand, Position, PositionStatus
from inspir.advocacy.permissions import adopts_positions_of, writes_advocacy_of
from inspir.advocacy.rules import (
    ADOPTING_OUTCOMES,
    DEMAND_MAX_LENGTH,
    DEMANDS_MAX,
    EDITABLE_POSITION_FIELDS,
    EDITABLE_STATUSES,
    LINK_FIELDS,
    TRACKED_POSITION_FIELDS,
    demands_as_text,
)
from inspir.core import history
from inspir.core.audit import audit_log, field_changes
from inspir.core.errors import Invalid, Refused
from inspir.core.versioning import lock_version, save_version
from inspir.governance.models import Decision
from inspir.network.models import Network


def _check_writer(actor: AnyUser, network_id: int) -> None:
    if not writes_advocacy_of(actor, network_id):
        raise Refused(_("Only those who act for this network may write its positions."))


def _check_governor(actor: AnyUser, network_id: int) -> None:
    if not adopts_positions_of(actor, network_id):
        raise Refused(
            _("Only those who govern this network may adopt, publish or archive its positions.")
        )


def _clean_demands(demands: Sequence[str]) -> list[str]:
    cleaned = [" ".join(text.split()) for text in demands if text and text.strip()]
    if len(cleaned) > DEMANDS_MAX:
        raise Invalid(
            {"demands": _("A position holds at most %(count)s demands.") % {"count": DEMANDS_MAX}}
        )
    for text in cleaned:
        if len(text) > DEMAND_MAX_LENGTH:
            raise Invalid(
                {
                    "demands": _("A demand is at most %(count)s characters long.")
                    % {"count": DEMAND_MAX_LENGTH}
                }
            )
    return cleaned


def _demands_save(position: Position, demands: list[str]) -> None:
    """Write `demands` on `position` in their order: a demand whose text is unchanged keeps
    its row (and its translations) wherever it moves; a row left over takes a changed text,
    so that its translations are marked out of date; the rest are added or removed."""
    existing = list(position.demands.order_by("order", "pk"))
    unused = list(existing)
    rows: list[Demand | None] = []
    for text in demands:
        same = next((row for row in unused if row.text == text), None)
        if same is not None:
            unused.remove(same)
        rows.append(same)
    for place, row in enumerate(rows):
        if row is None and unused:
            rows[place] = unused.pop(0)
    # Out of the way first: the order is unique per position.
    Demand.objects.filter(pk__in=[row.pk for row in existing]).update(
        order=models.F("order") + DEMANDS_MAX * 2
    )
    for row in unused:
        row.delete()
    for place, (text, row) in enumerate(zip(demands, rows, strict=True), start=1):
        if row is None:
            Demand.objects.create(position=position, order=place, text=text)
            continue
        row.order = place
        fields = ["order"]
        if row.text != text:
            row.text = text
            fields.append("text")
        row.save(update_fields=fields)


def _clean(position: Position) -> None:
    position.title = " ".join((position.title or "").split())
    position.summary = (position.summary or "").strip()
    position.body = (position.body or "").strip()
    try:
        position.full_clean(exclude=["network", "created_by", "decision"])
    except ValidationError as error:
        raise Invalid(
            error.message_dict if hasattr(error, "error_dict") else error.messages
        ) from error


def _audit_value(value: Any) -> Any:
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return value


@transaction.atomic
def position_create(
    *,
    actor: AnyUser,
    network: Network,
    data: Mapping[str, Any],
    demands: Sequence[str],
    links: Mapping[str, Iterable[Any]] | None = None,
) -> Position:
    """A new draft position of `network`, with its demands (in their order) and links."""
    _check_writer(actor, network.pk)
    unknown = set(data) - set(EDITABLE_POSITION_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    cleaned = _clean_demands(demands)
    position = Position(network=network, **data)
    position.demand_list = demands_as_text(cleaned)
    position.created_by = actor if actor.is_authenticated else None  # type: ignore[assignment]
    _clean(position)
    links = dict(links or {})
    position.save()
    for name in LINK_FIELDS:
        if links.get(name):
            getattr(position, name).set(links[name])
    _demands_save(position, cleaned)
    history.record(position, actor=actor, fields=TRACKED_POSITION_FIELDS)
    after = history.snapshot(position, TRACKED_POSITION_FIELDS)
    audit_log(
        action="advocacy.position.created",
        actor=actor,
        obj=position,
        network=network,
        changes={
            name: [None, value] for name, value in after.items() if value not in (None, "", [])
        },
    )
    return position


@transaction.atomic
def position_update(
    *,
    position: Position,
    actor: AnyUser,
    version: int,
    data: Mapping[str, Any],
    demands: Sequence[str] | None = None,
    note: str = "",
) -> Position:
    """Save `data` (fields and links: `rules.TRACKED_POSITION_FIELDS` but the demands) and
    `demands` (in their order; None leaves them) on `position`, all or nothing, if it is
    still at `version` (else `EditConflict`, nothing written). An archived position is
    kept as it was."""
    _check_writer(actor, position.network_id)
    allowed = set(EDITABLE_POSITION_FIELDS) | set(LINK_FIELDS) | {"demand_list"}
    unknown = set(data) - allowed
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    current = lock_version(
        Position.objects.select_related("network"), position.pk, version, of=("self",)
    )
    if current.status not in EDITABLE_STATUSES:
        raise Invalid(_("An archived position is kept as it was: it cannot be changed."))
    previous = history.snapshot(current, TRACKED_POSITION_FIELDS)
    values = dict(data)
    # A restore (core/history.py) gives the demands as the text the history kept.
    if "demand_list" in values:
        restored = str(values.pop("demand_list") or "")
        if demands is None:
            demands = restored.splitlines()
    fields = {name: value for name, value in values.items() if name not in LINK_FIELDS}
    links = {name: list(value) for name, value in values.items() if name in LINK_FIELDS}
    for name, value in fields.items():
        setattr(current, name, value)
    if demands is not None:
        cleaned = _clean_demands(demands)
        current.demand_list = demands_as_text(cleaned)
    _clean(current)
    for name, value in links.items():
        getattr(current, name).set(value)
    after = history.snapshot(current, TRACKED_POSITION_FIELDS)
    changes = field_changes(previous, after)
    if not changes:
        return current
    save_version(current)
    if demands is not None:
        _demands_save(current, cleaned)
    history.record(current, actor=actor, fields=TRACKED_POSITION_FIELDS, before=previous, note=note)
    audit_log(
        action="advocacy.position.updated",
        actor=actor,
        obj=current,
        network=current.network,
        changes=changes,
    )
    return current


def adopting_network_ids(network: Network) -> list[int]:
    """`network` and the networks above it: whose committee's decision may adopt its
    positions (a national network without a committee has its positions adopted by the
    committee of its continental network). One query."""
    line = (
        Network.objects.filter(pk=network.pk)
        .values_list("pk", "parent_id", "parent__parent_id")
        .first()
    )
    return [pk for pk in line or () if pk is not None]


@transaction.atomic
def position_adopt(
    *, position: Position, decision: Decision, actor: AnyUser, version: int
) -> Position:
    """Record that `decision` adopted `position`: a draft becomes adopted on the day the
    decision was taken. The decision must have been adopted (as written or amended) by the
    committee of the position's network or of a network above it, and the actor must
    govern the position's network."""
    _check_governor(actor, position.network_id)
    current = lock_version(
        Position.objects.select_related("network"), position.pk, version, of=("self",)
    )
    if current.status != PositionStatus.DRAFT:
        raise Invalid(_("Only a draft position can be adopted."))
    decision = Decision.objects.select_related("committee", "meeting").get(pk=decision.pk)
    if decision.outcome not in ADOPTING_OUTCOMES:
        raise Invalid({"decision": _("This decision was not adopted: it cannot adopt a position.")})
    if decision.committee.network_id not in adopting_network_ids(current.network):
        raise Invalid(
            {
                "decision": _(
                    "Choose a decision of the committee of %(network)s or of a network above it."
                )
                % {"network": current.network.name}
            }
        )
    current.status = PositionStatus.ADOPTED
    current.decision = decision
    current.adopted_on = timezone.localdate(decision.decided_at, decision.zone)
    save_version(current, update_fields=("status", "decision", "adopted_on"))
    audit_log(
        action="advocacy.position.adopted",
        actor=actor,
        obj=current,
        network=current.network,
        changes={
            "status": [PositionStatus.DRAFT, PositionStatus.ADOPTED],
            "decision": [None, decision.pk],
            "adopted_on": [None, _audit_value(current.adopted_on)],
        },
    )
    return current


@transaction.atomic
def position_publish(*, position: Position, actor: AnyUser, version: int, public: bool) -> Position:
    """Make an adopted position public (anyone reads it and downloads it), or for the
    members only again."""
    _check_governor(actor, position.network_id)
    current = lock_version(
        Position.objects.select_related("network"), position.pk, version, of=("self",)
    )
    if public:
        if current.status != PositionStatus.ADOPTED:
            raise Invalid(_("Only an adopted position can be published."))
        if current.published_at is not None:
            raise Invalid(_("This position is already public."))
        current.published_at = timezone.now()
        code_changes = {"published_at": [None, current.published_at.isoformat()]}
        save_version(current, update_fields=("published_at",))
        audit_log(
            action="advocacy.position.published",
            actor=actor,
            obj=current,
            network=current.network,
            changes=code_changes,
        )
        return current
    if current.published_at is None:
        raise Invalid(_("This position is not public."))
    before = current.published_at.isoformat()
    current.published_at = None
    save_version(current, update_fields=("published_at",))
    audit_log(
        action="advocacy.position.unpublished",
        actor=actor,
        obj=current,
        network=current.network,
        changes={"published_at": [before, None]},
    )
    return current


@transaction.atomic
def position_archive(*, position: Position, actor: AnyUser, version: int) -> Position:
    """Archive a position the network no longer defends: it is kept, no longer public."""
    _check_governor(actor, position.network_id)
    current = lock_version(
        Position.objects.select_related("network"), position.pk, version, of=("self",)
    )
    if current.status == PositionStatus.ARCHIVED:
        raise Invalid(_("This position is already archived."))
    before = current.status
    was_public = current.published_at
    current.status = PositionStatus.ARCHIVED
    current.published_at = None
    save_version(current, update_fields=("status", "published_at"))
    changes: dict[str, Any] = {"status": [before, PositionStatus.ARCHIVED]}
    if was_public is not None:
        changes["published_at"] = [was_public.isoformat(), None]
    audit_log(
        action="advocacy.position.archived",
        actor=actor,
        obj=current,
        network=current.network,
        changes=changes,
    )
    return current
