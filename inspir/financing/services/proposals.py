"""Writes to the funding proposals: created by those who act for a network, changed by them
and by the proposal's team, moved along the pipeline (`rules.PIPELINE`); validated, atomic,
audited; a stale edit or move is refused (`core.versioning`), what was typed kept.

Amounts are written only by those who see them (`permissions.sees_amounts`): whoever starts
a proposal gives the amount it asks for; afterwards, someone who acts for the network
without seeing its amounts (a focal point not on the team) changes everything else, and may
not record a grant, which needs its amount."""

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inspir.accounts.permissions import AnyUser, reach_of
from inspir.core.audit import audit_log, field_changes
from inspir.core.errors import Invalid, Refused
from inspir.core.versioning import lock_version, save_version
from inspir.financing.models import FundingProposal, ProposalStatus
from inspir.financing.permissions import (
    may_write_proposal,
    proposal_writer_network_ids,
    sees_amounts,
)
from inspir.financing.rules import (
    EDITABLE_PROPOSAL_FIELDS,
    PROPOSAL_LINKS,
    counting_year,
    may_move,
)
from inspir.financing.services.common import clean, snapshot
from inspir.network.models import Network, Organisation
from inspir.planning.selectors.access import readable_actions

AMOUNT_FIELDS = ("amount_requested", "currency")
TRACKED = (*EDITABLE_PROPOSAL_FIELDS, *PROPOSAL_LINKS)
MOVE_TRACKED = ("status", "submitted_on", "decided_on", "amount_granted")


def line_ids(actor: AnyUser, network_id: int) -> frozenset[int]:
    """`network_id`, the networks above it and below it: whose organisations may lead or
    join its proposals."""
    reach = reach_of(actor)
    ids = frozenset({network_id})
    return reach.above(ids) | reach.below(ids)


def _check_links(
    proposal: FundingProposal, actor: AnyUser, links: Mapping[str, Iterable[Any]]
) -> dict[str, list[Any]]:
    """The links, checked: the call is the funder's; the organisations are members of the
    network's line; the team are people of the lead or partner organisations; the plan
    actions are ones the actor reads. Returns the links as lists (partners without the
    lead)."""
    if proposal.call is not None and proposal.call.funder_id != proposal.funder_id:
        raise Invalid({"call": _("This call is not one of the chosen funder's.")})
    partners = [
        org
        for org in links.get("partner_organisations", ())
        if org.pk != proposal.lead_organisation_id
    ]
    organisations = [proposal.lead_organisation_id, *(org.pk for org in partners)]
    line = line_ids(actor, proposal.network_id)
    members = set(
        Organisation.objects.filter(
            pk__in=organisations, memberships__network_id__in=line
        ).values_list("pk", flat=True)
    )
    outside = [pk for pk in organisations if pk not in members]
    if outside:
        field = (
            "lead_organisation"
            if proposal.lead_organisation_id in outside
            else ("partner_organisations")
        )
        raise Invalid(
            {
                field: _(
                    "Only organisations of this network, or of those above or below it, may "
                    "take part."
                )
            }
        )
    team = list(links.get("team", ()))
    strangers = [person.name for person in team if person.organisation_id not in organisations]
    if strangers:
        raise Invalid(
            {
                "team": _(
                    "The team is made of people of the lead or partner organisations: "
                    "%(names)s belong to none of them."
                )
                % {"names": ", ".join(strangers)}
            }
        )
    actions = list(links.get("plan_actions", ()))
    if actions:
        readable = set(
            readable_actions(actor)
            .filter(pk__in=[action.pk for action in actions])
            .values_list("pk", flat=True)
        )
        if any(action.pk not in readable for action in actions):
            raise Invalid({"plan_actions": _("Choose plan actions you may read.")})
    return {"partner_organisations": partners, "team": team, "plan_actions": actions}


def _clean(proposal: FundingProposal) -> None:
    if proposal.amount_requested is not None and proposal.amount_requested < 0:
        raise Invalid({"amount_requested": _("An amount cannot be negative.")})
    proposal.year = counting_year(proposal)
    clean(proposal, exclude=["network", "created_by"])


def _audit_links(links: Mapping[str, list[Any]]) -> dict[str, Any]:
    return {name: sorted(item.pk for item in items) for name, items in links.items()}


@transaction.atomic
def proposal_create(
    *,
    actor: AnyUser,
    network: Network,
    data: Mapping[str, Any],
    links: Mapping[str, Iterable[Any]] | None = None,
) -> FundingProposal:
    """A new funding proposal of `network`, an idea until it moves along the pipeline."""
    writable = proposal_writer_network_ids(actor)
    if writable is not None and network.pk not in writable:
        raise Refused(_("Only those who act for this network may start its funding proposals."))
    unknown = set(data) - set(EDITABLE_PROPOSAL_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    proposal = FundingProposal(network=network, status=ProposalStatus.IDEA, **data)
    proposal.created_by = actor if actor.is_authenticated else None  # type: ignore[assignment]
    _clean(proposal)
    checked = _check_links(proposal, actor, links or {})
    proposal.save()
    for name, items in checked.items():
        getattr(proposal, name).set(items)
    after = {**snapshot(proposal, EDITABLE_PROPOSAL_FIELDS), **_audit_links(checked)}
    audit_log(
        action="financing.proposal.created",
        actor=actor,
        obj=proposal,
        network=network,
        changes={
            name: [None, value] for name, value in after.items() if value not in (None, "", [])
        },
    )
    return proposal


@transaction.atomic
def proposal_update(
    *,
    proposal: FundingProposal,
    actor: AnyUser,
    version: int,
    data: Mapping[str, Any],
) -> FundingProposal:
    """Save `data` (fields and links) on `proposal` if it is still at `version` (else
    `EditConflict`, nothing written). The amounts only by those who see them."""
    current = lock_version(
        FundingProposal.objects.select_related("network", "call"),
        proposal.pk,
        version,
        of=("self",),
    )
    team_ids = set(current.team.values_list("pk", flat=True))
    if not may_write_proposal(actor, current, team_ids):
        raise Refused(
            _("Only those who act for its network and its team may change this proposal.")
        )
    unknown = set(data) - set(TRACKED)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    if set(AMOUNT_FIELDS) & set(data) and not sees_amounts(actor, current, team_ids):
        raise Refused(_("Only its team and the coordinators may change the amounts."))
    before = {
        **snapshot(current, EDITABLE_PROPOSAL_FIELDS),
        **{
            name: sorted(getattr(current, name).values_list("pk", flat=True))
            for name in PROPOSAL_LINKS
        },
    }
    for name, value in data.items():
        if name not in PROPOSAL_LINKS:
            setattr(current, name, value)
    _clean(current)
    links = {
        name: data[name] if name in data else list(getattr(current, name).all())
        for name in PROPOSAL_LINKS
    }
    checked = _check_links(current, actor, links)
    after = {**snapshot(current, EDITABLE_PROPOSAL_FIELDS), **_audit_links(checked)}
    changes = field_changes(before, after)
    if not changes:
        return current
    for name, items in checked.items():
        getattr(current, name).set(items)
    save_version(current)
    audit_log(
        action="financing.proposal.updated",
        actor=actor,
        obj=current,
        network=current.network,
        changes=changes,
    )
    return current


@transaction.atomic
def proposal_move(
    *,
    proposal: FundingProposal,
    actor: AnyUser,
    version: int,
    status: str,
    on: datetime.date | None = None,
    amount_granted: Decimal | None = None,
) -> FundingProposal:
    """Move `proposal` one step along the pipeline (`rules.PIPELINE`), if it is still at
    `version`: submitted on `on` (today by default), granted (with `amount_granted`, by those
    who see its amounts) or refused on `on`; a refused proposal back to drafting forgets its
    submission and decision (the audit trail keeps them)."""
    current = lock_version(
        FundingProposal.objects.select_related("network"), proposal.pk, version, of=("self",)
    )
    team_ids = set(current.team.values_list("pk", flat=True))
    if not may_write_proposal(actor, current, team_ids):
        raise Refused(
            _("Only those who act for its network and its team may change this proposal.")
        )
    if status not in ProposalStatus.values:
        raise Invalid({"status": _("Choose a status of the pipeline.")})
    if not may_move(current.status, status):
        raise Invalid(
            {
                "status": _(
                    "A proposal cannot go from “%(current)s” to “%(target)s”: it moves along "
                    "the pipeline, idea, drafting, submitted, then granted or refused."
                )
                % {
                    "current": ProposalStatus(current.status).label,
                    "target": ProposalStatus(status).label,
                }
            }
        )
    day = on or timezone.localdate()
    before = snapshot(current, MOVE_TRACKED)
    if status == ProposalStatus.SUBMITTED:
        current.submitted_on = day
    elif status in (ProposalStatus.GRANTED, ProposalStatus.REFUSED):
        if current.submitted_on and day < current.submitted_on:
            raise Invalid({"on": _("A decision comes after the submission.")})
        current.decided_on = day
        if status == ProposalStatus.GRANTED:
            if not sees_amounts(actor, current, team_ids):
                raise Refused(
                    _("Only its team and the coordinators may record a grant and its amount.")
                )
            if amount_granted is None or amount_granted <= 0:
                raise Invalid({"amount_granted": _("Give the amount granted.")})
            current.amount_granted = amount_granted
        else:
            current.amount_granted = None
    elif status == ProposalStatus.DRAFTING and current.status == ProposalStatus.REFUSED:
        current.submitted_on = None
        current.decided_on = None
        current.amount_granted = None
    current.status = status
    _clean(current)
    changes = field_changes(before, snapshot(current, MOVE_TRACKED))
    save_version(current)
    audit_log(
        action="financing.proposal.moved",
        actor=actor,
        obj=current,
        network=current.network,
        changes=changes,
    )
    return current
