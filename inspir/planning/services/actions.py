"""Writes to the plan: periods, actions, their links and indicators. Every write is checked
against the plan's owners (`planning/permissions.py`), validated, atomic, audited, and an
action's every saved state is kept in its history (`planning/history.py`)."""

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inspir.accounts.permissions import AnyUser, reach_of
from inspir.core import history
from inspir.core.audit import audit_log, field_changes
from inspir.core.errors import Invalid, Refused
from inspir.core.versioning import lock_version, save_version
from inspir.network.models import Level, Network
from inspir.planning.models import Indicator, PlanAction, PlanPeriod
from inspir.planning.permissions import owned_network_ids, owns_plan_of
from inspir.planning.rules import EDITABLE_ACTION_FIELDS, LINK_FIELDS, TRACKED_ACTION_FIELDS


def _audit_value(value: Any) -> Any:
    if isinstance(value, list | tuple | set):
        return sorted(_audit_value(item) for item in value)
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _check_owner(actor: AnyUser, network: Network) -> None:
    if not owns_plan_of(actor, network.pk):
        raise Refused(_("Only the owners of this plan may change it."))


def below_ids(actor: AnyUser, network: Network) -> frozenset[int]:
    """The networks strictly below `network` (its continental and national networks)."""
    return reach_of(actor).below(frozenset({network.pk})) - {network.pk}


def line_ids(actor: AnyUser, network: Network) -> frozenset[int]:
    """`network`, the networks above it and those below it: whose stakeholders its actions
    may target."""
    reach = reach_of(actor)
    ids = frozenset({network.pk})
    return reach.above(ids) | reach.below(ids)


def _check_links(action: PlanAction, actor: AnyUser, links: Mapping[str, Iterable[Any]]) -> None:
    """An action strengthens actions of the same period, of networks below its own; it
    targets stakeholders of its network's line."""
    strengthened = list(links.get("strengthens", ()))
    if strengthened:
        below = below_ids(actor, action.network)
        for other in strengthened:
            if other.pk == action.pk:
                raise Invalid(_("An action cannot strengthen itself."))
            if other.network_id not in below or other.period_id != action.period_id:
                raise Invalid(
                    _(
                        "“%(title)s” is not an action of a network below %(network)s in the "
                        "same period: only those can be strengthened."
                    )
                    % {"title": other.title, "network": action.network.name}
                )
    targeted = list(links.get("stakeholders", ()))
    if targeted:
        line = line_ids(actor, action.network)
        for stakeholder in targeted:
            if stakeholder.network_id not in line:
                raise Invalid(
                    _("%(name)s is not a stakeholder of this network's analysis.")
                    % {"name": stakeholder.name}
                )


def _clean(action: PlanAction) -> None:
    leads = [action.lead_network_id, action.lead_organisation_id, action.lead_person_id]
    if sum(lead is not None for lead in leads) > 1:
        raise Invalid(_("Choose one lead: a network, an organisation or a person."))
    try:
        action.full_clean(exclude=["period", "network", "created_by"])
    except ValidationError as error:
        raise Invalid(error.messages) from error


@transaction.atomic
def action_create(
    *,
    actor: AnyUser,
    period: PlanPeriod,
    network: Network,
    data: Mapping[str, Any],
    links: Mapping[str, Iterable[Any]] | None = None,
    note: str = "",
    audit_extra: Mapping[str, Any] | None = None,
) -> PlanAction:
    """A new action in `network`'s part of the plan for `period`."""
    _check_owner(actor, network)
    unknown = set(data) - set(EDITABLE_ACTION_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    action = PlanAction(period=period, network=network, **data)
    action.created_by = actor if actor.is_authenticated else None  # type: ignore[assignment]
    _clean(action)
    links = dict(links or {})
    _check_links(action, actor, links)
    action.save()
    for name in LINK_FIELDS:
        if links.get(name):
            getattr(action, name).set(links[name])
    history.record(action, actor=actor, fields=TRACKED_ACTION_FIELDS, note=note)
    after = history.snapshot(action, TRACKED_ACTION_FIELDS)
    audit_log(
        action="planning.action.created",
        actor=actor,
        obj=action,
        network=network,
        changes={
            **{name: [None, value] for name, value in after.items() if value not in (None, "", [])},
            **{name: [None, value] for name, value in (audit_extra or {}).items()},
        },
    )
    return action


@transaction.atomic
def action_update(
    *,
    action: PlanAction,
    actor: AnyUser,
    version: int,
    data: Mapping[str, Any],
    note: str = "",
    audit_extra: Mapping[str, Any] | None = None,
) -> PlanAction:
    """Save `data` (fields and links, any of `TRACKED_ACTION_FIELDS`) on `action` if it is
    still at `version` (else `EditConflict`, nothing written), and keep the new state in its
    history with `note` (what led to the change: a decision, a suggestion)."""
    _check_owner(actor, action.network)
    unknown = set(data) - set(TRACKED_ACTION_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    current = lock_version(
        PlanAction.objects.select_related("network"), action.pk, version, of=("self",)
    )
    previous = history.snapshot(current, TRACKED_ACTION_FIELDS)
    fields = {name: value for name, value in data.items() if name not in LINK_FIELDS}
    links = {name: list(value) for name, value in data.items() if name in LINK_FIELDS}
    for name, value in fields.items():
        setattr(current, name, value)
    _clean(current)
    _check_links(current, actor, links)
    for name, value in links.items():
        getattr(current, name).set(value)
    after = history.snapshot(current, TRACKED_ACTION_FIELDS)
    changes = field_changes(previous, after)
    if not changes:
        return current
    save_version(current)
    history.record(current, actor=actor, fields=TRACKED_ACTION_FIELDS, before=previous, note=note)
    audit_log(
        action="planning.action.updated",
        actor=actor,
        obj=current,
        network=current.network,
        changes={**changes, **{k: [None, v] for k, v in (audit_extra or {}).items()}},
    )
    return current


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator as the form sends it: `pk` None for a new one; `delete` removes it."""

    pk: int | None
    name: str
    unit: str = ""
    target: Decimal | None = None
    actual: Decimal | None = None
    measured_on: datetime.date | None = None
    delete: bool = False


@transaction.atomic
def indicators_save(
    *, action: PlanAction, actor: AnyUser, version: int, rows: Sequence[IndicatorRow]
) -> PlanAction:
    """Add, change and remove `action`'s indicators in one step, if the action is still at
    `version` (the indicators are part of it: a concurrent change is refused, not merged)."""
    _check_owner(actor, action.network)
    current = lock_version(
        PlanAction.objects.select_related("network"), action.pk, version, of=("self",)
    )
    existing = {indicator.pk: indicator for indicator in current.indicators.all()}
    added: list[str] = []
    changed: list[str] = []
    removed: list[str] = []
    for row in rows:
        if row.pk is not None and row.pk not in existing:
            raise Invalid(_("This indicator is no longer part of the action: reload the page."))
        if row.delete:
            if row.pk is not None:
                removed.append(existing[row.pk].name)
                existing[row.pk].delete()
            continue
        if not row.name.strip():
            continue
        values = {
            "name": row.name.strip(),
            "unit": row.unit.strip(),
            "target": row.target,
            "actual": row.actual,
            "measured_on": row.measured_on,
        }
        if row.pk is None:
            Indicator.objects.create(action=current, **values)
            added.append(row.name.strip())
            continue
        indicator = existing[row.pk]
        if any(getattr(indicator, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(indicator, name, value)
            indicator.save()
            changed.append(row.name.strip())
    if not (added or changed or removed):
        return current
    save_version(current)
    audit_log(
        action="planning.action.indicators_updated",
        actor=actor,
        obj=current,
        network=current.network,
        changes={
            key: [None, ", ".join(names)]
            for key, names in (("added", added), ("changed", changed), ("removed", removed))
            if names
        },
    )
    return current


@transaction.atomic
def period_create(
    *, actor: AnyUser, name: str, starts_on: datetime.date, ends_on: datetime.date
) -> PlanPeriod:
    """A new plan period, opened by the owners of the intercontinental plan."""
    owned = owned_network_ids(actor)
    top = Network.objects.filter(level=Level.INTERCONTINENTAL).values_list("pk", flat=True)
    if owned is not None and not set(top) & owned:
        raise Refused(_("Only the owners of the intercontinental plan may open a period."))
    if ends_on < starts_on:
        raise Invalid(_("A period ends after it starts."))
    if PlanPeriod.objects.filter(name=name).exists():
        raise Invalid(_("A period of this name exists already."))
    if PlanPeriod.objects.filter(starts_on__lte=ends_on, ends_on__gte=starts_on).exists():
        raise Invalid(_("This period overlaps another one."))
    period = PlanPeriod.objects.create(name=name, starts_on=starts_on, ends_on=ends_on)
    audit_log(
        action="planning.period.created",
        actor=actor,
        obj=period,
        changes={
            "starts_on": [None, starts_on.isoformat()],
            "ends_on": [None, ends_on.isoformat()],
        },
    )
    return period
