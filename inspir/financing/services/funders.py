"""Writes to the funders and their calls: by those who act for the network that tracks the
funder (`financing/permissions.py`); validated, atomic, audited; a stale edit is refused."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from inspir.accounts.permissions import AnyUser
from inspir.core.audit import audit_log, field_changes
from inspir.core.errors import Invalid, Refused
from inspir.core.versioning import lock_version, save_version
from inspir.financing.models import Funder, FundingCall
from inspir.financing.permissions import may_write_funder_of
from inspir.financing.rules import CALL_FIELDS, FUNDER_FIELDS
from inspir.financing.services.common import clean, snapshot
from inspir.network.models import Network


def _check(actor: AnyUser, network_id: int) -> None:
    if not may_write_funder_of(actor, network_id):
        raise Refused(
            _("Only those who act for the network that tracks this funder may change it.")
        )


def _only(data: Mapping[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")


@transaction.atomic
def funder_create(*, actor: AnyUser, network: Network, data: Mapping[str, Any]) -> Funder:
    """A funder tracked by `network`."""
    _check(actor, network.pk)
    _only(data, FUNDER_FIELDS)
    funder = Funder(network=network, **data)
    clean(funder, exclude=["network"])
    if Funder.objects.filter(name__iexact=funder.name.strip()).exists():
        raise Invalid({"name": _("A funder of this name is already followed.")})
    funder.save()
    after = snapshot(funder, FUNDER_FIELDS)
    audit_log(
        action="financing.funder.created",
        actor=actor,
        obj=funder,
        network=network,
        changes={name: [None, value] for name, value in after.items() if value not in (None, "")},
    )
    return funder


@transaction.atomic
def funder_update(
    *, funder: Funder, actor: AnyUser, version: int, data: Mapping[str, Any]
) -> Funder:
    """Save `data` on `funder` if it is still at `version` (else `EditConflict`)."""
    _check(actor, funder.network_id)
    _only(data, FUNDER_FIELDS)
    current = lock_version(Funder, funder.pk, version)
    before = snapshot(current, FUNDER_FIELDS)
    for name, value in data.items():
        setattr(current, name, value)
    clean(current, exclude=["network"])
    if Funder.objects.filter(name__iexact=current.name.strip()).exclude(pk=current.pk).exists():
        raise Invalid({"name": _("A funder of this name is already followed.")})
    changes = field_changes(before, snapshot(current, FUNDER_FIELDS))
    if not changes:
        return current
    save_version(current)
    audit_log(
        action="financing.funder.updated",
        actor=actor,
        obj=current,
        network=current.network,
        changes=changes,
    )
    return current


def _check_call(call: FundingCall) -> None:
    if (call.max_amount is None) != (not call.currency):
        raise Invalid({"currency": _("Give the largest amount with its currency, or neither.")})
    if call.opens_on and call.deadline and call.deadline < call.opens_on:
        raise Invalid({"deadline": _("A call closes after it opens.")})
    clean(call, exclude=["funder"])


@transaction.atomic
def call_create(*, actor: AnyUser, funder: Funder, data: Mapping[str, Any]) -> FundingCall:
    """A funding call or stream of `funder`."""
    _check(actor, funder.network_id)
    _only(data, CALL_FIELDS)
    call = FundingCall(funder=funder, **data)
    _check_call(call)
    call.save()
    after = snapshot(call, CALL_FIELDS)
    audit_log(
        action="financing.call.created",
        actor=actor,
        obj=call,
        network=funder.network,
        changes={name: [None, value] for name, value in after.items() if value not in (None, "")},
    )
    return call


@transaction.atomic
def call_update(
    *, call: FundingCall, actor: AnyUser, version: int, data: Mapping[str, Any]
) -> FundingCall:
    """Save `data` on `call` if it is still at `version` (else `EditConflict`)."""
    _check(actor, call.funder.network_id)
    _only(data, CALL_FIELDS)
    current = lock_version(
        FundingCall.objects.select_related("funder__network"), call.pk, version, of=("self",)
    )
    before = snapshot(current, CALL_FIELDS)
    for name, value in data.items():
        setattr(current, name, value)
    _check_call(current)
    changes = field_changes(before, snapshot(current, CALL_FIELDS))
    if not changes:
        return current
    save_version(current)
    audit_log(
        action="financing.call.updated",
        actor=actor,
        obj=current,
        network=current.funder.network,
        changes=changes,
    )
    return current
