"""A network's needs and priorities: written by those who act for it, versioned, audited."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inspir.accounts.permissions import AnyUser
from inspir.core.audit import audit_log, field_changes
from inspir.core.errors import Invalid, Refused
from inspir.core.versioning import lock_version, save_version
from inspir.learning.models import Need
from inspir.learning.permissions import writes_for
from inspir.learning.rules import EDITABLE_NEED_FIELDS
from inspir.network.models import Network


def _check_writer(actor: AnyUser, network: Network) -> None:
    if not writes_for(actor, network.pk):
        raise Refused(_("Only those who act for this network may record its needs."))


def _values(need: Need) -> dict[str, Any]:
    return {name: getattr(need, name) for name in EDITABLE_NEED_FIELDS}


def _clean(need: Need) -> None:
    try:
        need.full_clean(exclude=["network", "created_by"])
    except ValidationError as error:
        raise Invalid(error.messages) from error


@transaction.atomic
def need_create(*, actor: AnyUser, network: Network, data: Mapping[str, Any]) -> Need:
    _check_writer(actor, network)
    unknown = set(data) - set(EDITABLE_NEED_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    need = Need(network=network, **data)
    need.created_by = actor if actor.is_authenticated else None  # type: ignore[assignment]
    _clean(need)
    need.save()
    audit_log(
        action="learning.need.created",
        actor=actor,
        obj=need,
        network=network,
        changes={name: [None, value] for name, value in _values(need).items() if value != ""},
    )
    return need


@transaction.atomic
def need_update(*, need: Need, actor: AnyUser, version: int, data: Mapping[str, Any]) -> Need:
    """Save `data` on `need` if it is still at `version` (else `EditConflict`)."""
    _check_writer(actor, need.network)
    unknown = set(data) - set(EDITABLE_NEED_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    current = lock_version(Need.objects.select_related("network"), need.pk, version, of=("self",))
    previous = _values(current)
    for name, value in data.items():
        setattr(current, name, value)
    _clean(current)
    changes = field_changes(previous, _values(current))
    if not changes:
        return current
    save_version(current)
    audit_log(
        action="learning.need.updated",
        actor=actor,
        obj=current,
        network=current.network,
        changes=changes,
    )
    return current
