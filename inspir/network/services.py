"""Writes to the network registry. Every write is validated, atomic and audited."""

from typing import Any

from django.db import transaction

from inspir.accounts.permissions import Action, can, can_edit_organisation
from inspir.core import history
from inspir.core.audit import audit_log, field_changes
from inspir.core.errors import Refused
from inspir.core.versioning import lock_version, save_version
from inspir.network.models import BeneficiaryCount, Network, Organisation
from inspir.network.rules import EDITABLE_NETWORK_FIELDS, EDITABLE_ORGANISATION_FIELDS


def _audit_value(value: Any) -> Any:
    return value.pk if hasattr(value, "pk") else value


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, actor: Any, version: int, data: dict[str, Any]
) -> Organisation:
    """Save `data` on `organisation` if it is still at `version` (else `EditConflict`), and
    record the change."""
    if not can_edit_organisation(actor, organisation):
        raise Refused
    current = lock_version(Organisation, organisation.pk, version)
    unknown = set(data) - set(EDITABLE_ORGANISATION_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be edited: {sorted(unknown)}")
    before = {name: _audit_value(getattr(current, name)) for name in data}
    previous = history.snapshot(current, EDITABLE_ORGANISATION_FIELDS)
    for name, value in data.items():
        setattr(current, name, value)
    current.full_clean()
    after = {name: _audit_value(getattr(current, name)) for name in data}
    changes = field_changes(before, after)
    if not changes:
        return current
    save_version(current)
    beneficiary_count_keep(current)
    # The profile's history (inspir.core.history): every saved state can be read and restored.
    history.record(current, actor=actor, fields=EDITABLE_ORGANISATION_FIELDS, before=previous)
    if changes:
        membership = current.memberships.select_related("network").order_by("pk").first()
        audit_log(
            action="network.organisation.updated",
            actor=actor,
            obj=current,
            network=membership.network if membership else None,
            changes=changes,
        )
    return current


def beneficiary_count_keep(organisation: Organisation) -> BeneficiaryCount | None:
    """Keep the organisation's figure of direct beneficiaries under its year, beside those of
    other years (a new year's figure leaves the last one for the reports of its year); a
    figure saved again for the same year replaces it. Called by the writes that save the
    profile, in their transaction; nothing without a figure and its year."""
    if organisation.beneficiaries is None or not organisation.beneficiaries_year:
        return None
    count, _created = BeneficiaryCount.objects.update_or_create(
        organisation=organisation,
        year=organisation.beneficiaries_year,
        defaults={"beneficiaries": organisation.beneficiaries},
    )
    return count


@transaction.atomic
def network_update(*, network: Network, actor: Any, version: int, data: dict[str, Any]) -> Network:
    """Save `data` (its description) on `network`'s page if it is still at
    `version` (else `EditConflict`), and record the change. Those who edit its content may:
    its focal point, its coordinators (Action.EDIT_CONTENT, downward)."""
    if not can(actor, Action.EDIT_CONTENT, network):
        raise Refused
    unknown = set(data) - set(EDITABLE_NETWORK_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be edited: {sorted(unknown)}")
    current = lock_version(Network, network.pk, version)
    before = {name: getattr(current, name) for name in data}
    previous = history.snapshot(current, EDITABLE_NETWORK_FIELDS)
    for name, value in data.items():
        setattr(current, name, value)
    current.full_clean()
    changes = field_changes(before, {name: getattr(current, name) for name in data})
    if not changes:
        return current
    save_version(current)
    # The page's history (inspir.core.history): every saved state can be read and restored.
    history.record(current, actor=actor, fields=EDITABLE_NETWORK_FIELDS, before=previous)
    audit_log(
        action="network.network.updated",
        actor=actor,
        obj=current,
        network=current,
        changes=changes,
    )
    return current
