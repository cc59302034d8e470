"""Writes to the library's resources: checked against those who act for the resource's
network (`learning/permissions.py`), validated, atomic, audited, and every saved state is
kept in the resource's history (`learning/history.py`)."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inspir.accounts.permissions import AnyUser
from inspir.core import history
from inspir.core.audit import audit_log, field_changes
from inspir.core.errors import Invalid, Refused
from inspir.core.versioning import lock_version, save_version
from inspir.learning.models import Resource
from inspir.learning.permissions import writes_for
from inspir.learning.rules import EDITABLE_RESOURCE_FIELDS, LINK_FIELDS, TRACKED_RESOURCE_FIELDS
from inspir.network.models import Network
from inspir.planning.selectors.access import readable_actions


def _check_writer(actor: AnyUser, network: Network) -> None:
    if not writes_for(actor, network.pk):
        raise Refused(_("Only those who act for this network may write its resources."))


def _clean(resource: Resource) -> None:
    if resource.ends_on is not None and resource.ends_on < resource.starts_on:
        raise Invalid({"ends_on": [_("A resource ends after it starts.")]})
    try:
        resource.full_clean(exclude=["network", "created_by"])
    except ValidationError as error:
        raise Invalid(error.messages) from error


def _check_links(actor: AnyUser, links: Mapping[str, Iterable[Any]]) -> None:
    """A resource fulfils only plan actions its writer reads."""
    actions = list(links.get("plan_actions", ()))
    if actions:
        readable = set(
            readable_actions(actor)
            .filter(pk__in=[action.pk for action in actions])
            .values_list("pk", flat=True)
        )
        for action in actions:
            if action.pk not in readable:
                raise Invalid({"plan_actions": [_("This plan action cannot be linked here.")]})


@transaction.atomic
def resource_create(
    *,
    actor: AnyUser,
    network: Network,
    data: Mapping[str, Any],
    links: Mapping[str, Iterable[Any]] | None = None,
) -> Resource:
    """A new resource of `network`'s, with its links."""
    _check_writer(actor, network)
    unknown = set(data) - set(EDITABLE_RESOURCE_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    resource = Resource(network=network, **data)
    resource.created_by = actor if actor.is_authenticated else None  # type: ignore[assignment]
    _clean(resource)
    links = {name: list(value) for name, value in (links or {}).items() if name in LINK_FIELDS}
    _check_links(actor, links)
    resource.save()
    for name, value in links.items():
        if value:
            getattr(resource, name).set(value)
    history.record(resource, actor=actor, fields=TRACKED_RESOURCE_FIELDS)
    after = history.snapshot(resource, TRACKED_RESOURCE_FIELDS)
    audit_log(
        action="learning.resource.created",
        actor=actor,
        obj=resource,
        network=network,
        changes={
            name: [None, value] for name, value in after.items() if value not in (None, "", [])
        },
    )
    return resource


@transaction.atomic
def resource_update(
    *, resource: Resource, actor: AnyUser, version: int, data: Mapping[str, Any]
) -> Resource:
    """Save `data` (fields and links, any of `TRACKED_RESOURCE_FIELDS`) on `resource` if it
    is still at `version` (else `EditConflict`, nothing written), and keep the new state in
    its history."""
    _check_writer(actor, resource.network)
    unknown = set(data) - set(TRACKED_RESOURCE_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    current = lock_version(
        Resource.objects.select_related("network"), resource.pk, version, of=("self",)
    )
    previous = history.snapshot(current, TRACKED_RESOURCE_FIELDS)
    links = {name: list(value) for name, value in data.items() if name in LINK_FIELDS}
    for name, value in data.items():
        if name not in LINK_FIELDS:
            setattr(current, name, value)
    _clean(current)
    _check_links(actor, links)
    for name, value in links.items():
        getattr(current, name).set(value)
    after = history.snapshot(current, TRACKED_RESOURCE_FIELDS)
    changes = field_changes(previous, after)
    if not changes:
        return current
    save_version(current)
    history.record(current, actor=actor, fields=TRACKED_RESOURCE_FIELDS, before=previous)
    audit_log(
        action="learning.resource.updated",
        actor=actor,
        obj=current,
        network=current.network,
        changes=changes,
    )
    return current
