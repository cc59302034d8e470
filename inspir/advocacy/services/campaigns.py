"""Writes to the network's campaigns and alliances: by those who act for the network,
atomic, audited, versioned."""

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from inspir.accounts.permissions import AnyUser
from inspir.advocacy.models import Alliance, Campaign
from inspir.advocacy.permissions import writes_advocacy_of
from inspir.core.audit import audit_log, field_changes
from inspir.core.errors import Invalid, Refused
from inspir.core.versioning import lock_version, save_version
from inspir.network.models import Network

CAMPAIGN_FIELDS = ("title", "description", "kind", "starts_on", "ends_on", "url")
CAMPAIGN_LINKS = ("participants", "positions")
ALLIANCE_FIELDS = ("name", "acronym", "url", "joined_on", "brings", "gets")


def _check_writer(actor: AnyUser, network_id: int) -> None:
    if not writes_advocacy_of(actor, network_id):
        raise Refused(
            _("Only those who act for this network may change its campaigns and alliances.")
        )


def _value(value: Any) -> Any:
    if isinstance(value, list | tuple | set):
        return sorted(_value(item) for item in value)
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _strip(obj: Any, names: Iterable[str]) -> None:
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, str):
            setattr(obj, name, value.strip())


def _campaign_check(campaign: Campaign, links: Mapping[str, Any]) -> None:
    _strip(campaign, ("title", "description", "url"))
    if campaign.ends_on and campaign.starts_on and campaign.ends_on < campaign.starts_on:
        raise Invalid({"ends_on": _("A campaign ends after it starts.")})
    for position in links.get("positions", ()):
        if position.network_id != campaign.network_id:
            raise Invalid({"positions": _("Choose positions of the campaign's network.")})
    try:
        campaign.full_clean(exclude=["network", "created_by"])
    except ValidationError as error:
        raise Invalid(error.message_dict) from error


@transaction.atomic
def campaign_create(
    *,
    actor: AnyUser,
    network: Network,
    data: Mapping[str, Any],
    links: Mapping[str, Iterable[Any]] | None = None,
) -> Campaign:
    _check_writer(actor, network.pk)
    unknown = set(data) - set(CAMPAIGN_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    links = {name: list(value) for name, value in (links or {}).items()}
    campaign = Campaign(network=network, **data)
    campaign.created_by = actor if actor.is_authenticated else None  # type: ignore[assignment]
    _campaign_check(campaign, links)
    campaign.save()
    for name in CAMPAIGN_LINKS:
        if links.get(name):
            getattr(campaign, name).set(links[name])
    audit_log(
        action="advocacy.campaign.created",
        actor=actor,
        obj=campaign,
        network=network,
        changes={
            name: [None, _value(value)]
            for name, value in ({**data, **links}).items()
            if value not in (None, "", [])
        },
    )
    return campaign


@transaction.atomic
def campaign_update(
    *, campaign: Campaign, actor: AnyUser, version: int, data: Mapping[str, Any]
) -> Campaign:
    """Save `data` (fields and links) on `campaign` if it is still at `version`."""
    _check_writer(actor, campaign.network_id)
    unknown = set(data) - set(CAMPAIGN_FIELDS) - set(CAMPAIGN_LINKS)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    current = lock_version(
        Campaign.objects.select_related("network"), campaign.pk, version, of=("self",)
    )
    fields = {name: value for name, value in data.items() if name in CAMPAIGN_FIELDS}
    links = {name: list(value) for name, value in data.items() if name in CAMPAIGN_LINKS}
    before = {name: _value(getattr(current, name)) for name in fields}
    before |= {name: _value(list(getattr(current, name).all())) for name in links}
    for name, value in fields.items():
        setattr(current, name, value)
    _campaign_check(current, links)
    after = {name: _value(getattr(current, name)) for name in fields}
    after |= {name: _value(value) for name, value in links.items()}
    changes = field_changes(before, after)
    if not changes:
        return current
    for name, value in links.items():
        getattr(current, name).set(value)
    save_version(current)
    audit_log(
        action="advocacy.campaign.updated",
        actor=actor,
        obj=current,
        network=current.network,
        changes=changes,
    )
    return current


def _alliance_check(alliance: Alliance) -> None:
    _strip(alliance, ALLIANCE_FIELDS)
    alliance.name = " ".join(alliance.name.split())
    try:
        alliance.full_clean(exclude=["network", "created_by"], validate_unique=False)
    except ValidationError as error:
        raise Invalid(error.message_dict) from error
    clash = Alliance.objects.filter(network_id=alliance.network_id, name=alliance.name)
    if alliance.pk:
        clash = clash.exclude(pk=alliance.pk)
    if clash.exists():
        raise Invalid({"name": _("This network already records this alliance.")})


@transaction.atomic
def alliance_create(*, actor: AnyUser, network: Network, data: Mapping[str, Any]) -> Alliance:
    _check_writer(actor, network.pk)
    unknown = set(data) - set(ALLIANCE_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    alliance = Alliance(network=network, **data)
    alliance.created_by = actor if actor.is_authenticated else None  # type: ignore[assignment]
    _alliance_check(alliance)
    try:
        with transaction.atomic():
            alliance.save()
    except IntegrityError:
        raise Invalid({"name": _("This network already records this alliance.")}) from None
    audit_log(
        action="advocacy.alliance.created",
        actor=actor,
        obj=alliance,
        network=network,
        changes={
            name: [None, _value(getattr(alliance, name))]
            for name in ALLIANCE_FIELDS
            if getattr(alliance, name) not in (None, "")
        },
    )
    return alliance


@transaction.atomic
def alliance_update(
    *, alliance: Alliance, actor: AnyUser, version: int, data: Mapping[str, Any]
) -> Alliance:
    _check_writer(actor, alliance.network_id)
    unknown = set(data) - set(ALLIANCE_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    current = lock_version(
        Alliance.objects.select_related("network"), alliance.pk, version, of=("self",)
    )
    before = {name: _value(getattr(current, name)) for name in data}
    for name, value in data.items():
        setattr(current, name, value)
    _alliance_check(current)
    changes = field_changes(before, {name: _value(getattr(current, name)) for name in data})
    if not changes:
        return current
    save_version(current)
    audit_log(
        action="advocacy.alliance.updated",
        actor=actor,
        obj=current,
        network=current.network,
        changes=changes,
    )
    return current
