"""Writes to a network's context analysis: its note, its stakeholders and their assessments.
Each is the network's plan owners' (`planning.permissions.owns_plan_of`), atomic, audited,
and, for the note and a stakeholder's own fields, versioned and kept in the change history
(`planning/history.py`). A stakeholder's influence and stance change only by an assessment
on a date, one per day; the stakeholder keeps the latest-dated one as its current values."""

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inspir.core import history
from inspir.core.audit import audit_log, field_changes
from inspir.core.errors import Invalid, Refused
from inspir.core.time import reader_zone
from inspir.core.versioning import EditConflict, lock_version, save_version
from inspir.network.models import Network
from inspir.planning.models import (
    INFLUENCE_MAX,
    INFLUENCE_MIN,
    Assessment,
    ContextNote,
    Stakeholder,
    Stance,
)
from inspir.planning.permissions import owns_plan_of
from inspir.planning.rules import EDITABLE_STAKEHOLDER_FIELDS

NOTE_FIELDS = ("text",)
# What a new stakeholder is created with: its own fields and its first assessment.
CREATE_FIELDS = (*EDITABLE_STAKEHOLDER_FIELDS, "influence", "stance", "assessed_on")


def _refuse_unless_owner(actor: Any, network_id: int) -> None:
    if not owns_plan_of(actor, network_id):
        raise Refused(_("Only those who own this network's plan may change its context analysis."))


def _audit_value(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _today(actor: Any) -> datetime.date:
    """Today where the actor is (a date typed in Asia may be tomorrow in Brussels)."""
    return timezone.localdate(timezone=reader_zone(actor))


def _check_position(*, assessed_on: Any, influence: Any, stance: Any, actor: Any) -> None:
    errors: dict[str, Any] = {}
    if not isinstance(assessed_on, datetime.date):
        errors["assessed_on"] = _("Enter the date of the assessment.")
    elif assessed_on > _today(actor):
        errors["assessed_on"] = _(
            "An assessment cannot be dated in the future: record it on the day it is made, "
            "or on an earlier day."
        )
    if not isinstance(influence, int) or not INFLUENCE_MIN <= influence <= INFLUENCE_MAX:
        errors["influence"] = _("Choose an influence from %(low)s to %(high)s.") % {
            "low": INFLUENCE_MIN,
            "high": INFLUENCE_MAX,
        }
    if stance not in Stance.values:
        errors["stance"] = _("Choose a stance, from strong opponent to strong ally.")
    if errors:
        raise Invalid(errors)


# --- The note -----------------------------------------------------------------------------------


@transaction.atomic
def context_note_save(
    *, network: Network, actor: Any, version: int | None, text: str
) -> ContextNote:
    """Save `network`'s context note: created when it has none (`version` None or 0),
    else changed if still at `version` (else `EditConflict`, nothing written)."""
    _refuse_unless_owner(actor, network.pk)
    text = (text or "").strip()
    existing = ContextNote.objects.filter(network_id=network.pk).values_list("pk", flat=True)
    pk = existing.first()
    if pk is None:
        try:
            with transaction.atomic():
                note = ContextNote.objects.create(network=network, text=text)
        except IntegrityError:
            # Someone else started it meanwhile: theirs is kept, this one compared with it.
            raise EditConflict(saved=ContextNote.objects.get(network_id=network.pk)) from None
        history.record(note, actor=actor, fields=NOTE_FIELDS)
        audit_log(
            action="planning.context.updated",
            actor=actor,
            obj=note,
            network=network,
            changes={"text": ["", text]},
        )
        return note
    current = lock_version(ContextNote, pk, version)
    previous = history.snapshot(current, NOTE_FIELDS)
    if current.text == text:
        return current
    before = current.text
    current.text = text
    current.full_clean()
    save_version(current)
    # Every saved state of the analysis is kept (core/history.py) and can be restored.
    history.record(current, actor=actor, fields=NOTE_FIELDS, before=previous)
    audit_log(
        action="planning.context.updated",
        actor=actor,
        obj=current,
        network=network,
        changes={"text": [before, text]},
    )
    return current


# --- Stakeholders -------------------------------------------------------------------------------


@transaction.atomic
def stakeholder_create(*, network: Network, actor: Any, data: dict[str, Any]) -> Stakeholder:
    """Add a stakeholder to `network`'s analysis with its first assessment (its influence
    and stance on `assessed_on`)."""
    _refuse_unless_owner(actor, network.pk)
    unknown = set(data) - set(CREATE_FIELDS)
    if unknown:
        raise ValueError(f"Fields a stakeholder is not created with: {sorted(unknown)}")
    _check_position(
        assessed_on=data.get("assessed_on"),
        influence=data.get("influence"),
        stance=data.get("stance"),
        actor=actor,
    )
    values = {name: data.get(name, "") for name in ("interest", "notes")} | data
    values["name"] = (values.get("name") or "").strip()
    stakeholder = Stakeholder(network=network, **values)
    stakeholder.full_clean()
    stakeholder.save()
    Assessment.objects.create(
        stakeholder=stakeholder,
        assessed_on=stakeholder.assessed_on,
        influence=stakeholder.influence,
        stance=stakeholder.stance,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    # Its first state, with its author, starts its history.
    history.record(stakeholder, actor=actor, fields=EDITABLE_STAKEHOLDER_FIELDS)
    audit_log(
        action="planning.stakeholder.created",
        actor=actor,
        obj=stakeholder,
        network=network,
        changes={
            name: [None, getattr(stakeholder, name)]
            for name in (*EDITABLE_STAKEHOLDER_FIELDS, "influence", "stance")
            if getattr(stakeholder, name) not in (None, "")
        },
    )
    return stakeholder


@transaction.atomic
def stakeholder_update(
    *, stakeholder: Stakeholder, actor: Any, version: int, data: dict[str, Any]
) -> Stakeholder:
    """Save `data` (its name, kind, level, interest, notes: `rules.EDITABLE_STAKEHOLDER_FIELDS`)
    on `stakeholder` if it is still at `version` (else `EditConflict`, nothing written).
    Its influence and stance change only by an assessment (`assessment_record`)."""
    _refuse_unless_owner(actor, stakeholder.network_id)
    unknown = set(data) - set(EDITABLE_STAKEHOLDER_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be edited: {sorted(unknown)}")
    current = lock_version(
        Stakeholder.objects.select_related("network"), stakeholder.pk, version, of=("self",)
    )
    previous = history.snapshot(current, EDITABLE_STAKEHOLDER_FIELDS)
    before = {name: getattr(current, name) for name in data}
    for name, value in data.items():
        setattr(current, name, value.strip() if isinstance(value, str) else value)
    current.full_clean()
    changes = field_changes(before, {name: getattr(current, name) for name in data})
    if not changes:
        return current
    save_version(current)
    # Every saved state is kept (core/history.py) and can be restored.
    history.record(current, actor=actor, fields=EDITABLE_STAKEHOLDER_FIELDS, before=previous)
    audit_log(
        action="planning.stakeholder.updated",
        actor=actor,
        obj=current,
        network=current.network,
        changes=changes,
    )
    return current


def assessment_record(
    *,
    stakeholder: Stakeholder,
    actor: Any,
    assessed_on: datetime.date,
    influence: int,
    stance: int,
) -> Assessment:
    """Record where `stakeholder` stood on `assessed_on`: one assessment per day (a second
    one that day replaces the first). When it is the latest-dated, the stakeholder's current
    influence and stance follow it. A date in the future is refused."""
    _refuse_unless_owner(actor, stakeholder.network_id)
    _check_position(assessed_on=assessed_on, influence=influence, stance=stance, actor=actor)
    with transaction.atomic():
        # Locked: two assessments at once each see the other's, and the latest one wins.
        current = (
            Stakeholder.objects.select_for_update(of=("self",))
            .select_related("network")
            .get(pk=stakeholder.pk)
        )
        earlier = (
            Assessment.objects.filter(stakeholder=current, assessed_on__lte=assessed_on)
            .order_by("-assessed_on", "-pk")
            .values_list("assessed_on", "influence", "stance")
            .first()
        )
        assessment, _created = Assessment.objects.update_or_create(
            stakeholder=current,
            assessed_on=assessed_on,
            defaults={
                "influence": influence,
                "stance": stance,
                "recorded_by": actor if getattr(actor, "is_authenticated", False) else None,
            },
        )
        if assessed_on >= current.assessed_on:
            current.influence = influence
            current.stance = stance
            current.assessed_on = assessed_on
            save_version(current, update_fields=("influence", "stance", "assessed_on"))
        # What changed on that date: from where it stood then (that day's earlier record,
        # or the latest before it) to this assessment.
        was_influence = earlier[1] if earlier else None
        was_stance = earlier[2] if earlier else None
        audit_log(
            action="planning.stakeholder.assessed",
            actor=actor,
            obj=current,
            network=current.network,
            changes={
                "assessed_on": [
                    _audit_value(earlier[0]) if earlier and earlier[0] == assessed_on else None,
                    _audit_value(assessed_on),
                ],
                "influence": [was_influence, influence],
                "stance": [was_stance, stance],
            },
        )
    return assessment
