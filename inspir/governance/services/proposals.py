"""Writes about proposals: raised bottom-up by a national or continental network, endorsed
and forwarded level by level, or answered at the lowest level that can decide (subsidiarity).

Every transition locks the proposal row, checks that it is still in the state the actor saw
(so that two people acting at once, or one double click, never act twice), records an event
with who, when and at which level, and is audited."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inspir.core.audit import audit_log
from inspir.core.errors import Conflict
from inspir.core.mail_kinds import Recipient
from inspir.core.versioning import EditConflict, lock_version, save_version
from inspir.governance import notices
from inspir.governance.models import (
    AgendaItem,
    Committee,
    Decision,
    Domain,
    Mandate,
    Meeting,
    Outcome,
    Proposal,
    ProposalComment,
    ProposalEvent,
    ProposalEventKind,
    ProposalStatus,
)
from inspir.governance.permissions import acting_as, can_act_for, can_govern
from inspir.governance.rules import RAISING_LEVELS, may_act_for_origin, may_submit
from inspir.governance.selectors.access import visible_proposals
from inspir.governance.selectors.proposals import draftable_network_ids
from inspir.network.models import Membership, MembershipRole, Network, Organisation
from inspir.network.recipients import person_recipient

EDITABLE_FIELDS = ("title", "text", "domain", "organisation")
COMMENT_MAX_LENGTH = 5000


class ProposalEditConflictError(EditConflict):
    """Someone saved the draft after the editor loaded it; nothing was written."""

    def __init__(self, saved: Proposal):
        super().__init__(
            saved,
            _(
                "Someone else saved this proposal while you were editing it. Nothing was "
                "overwritten."
            ),
        )


# --- Who may act --------------------------------------------------------------------------------


def taken_up_here(proposal: Proposal) -> bool:
    """Whether the committee now holding the proposal has said it answers it itself."""
    return proposal.events.filter(
        kind=ProposalEventKind.ANSWERED, network_id=proposal.network_id
    ).exists()


# --- Helpers ------------------------------------------------------------------------------------


def _lock(proposal: Proposal, version: int | None) -> Proposal:
    """The proposal's row, locked, provided it is still as the actor saw it."""
    current = Proposal.objects.select_for_update().get(pk=proposal.pk)
    seen_changed = current.status != proposal.status or current.network_id != proposal.network_id
    if seen_changed or (version is not None and current.version != version):
        raise Conflict(
            _(
                "This proposal changed while you were looking at it (someone acted on it "
                "meanwhile). Nothing was done: look at where it is now, then act again if "
                "still needed."
            ),
            code="stale",
        )
    return current


def _move(
    current: Proposal,
    *,
    kind: str,
    actor: Any,
    network: Network,
    to_network: Network | None = None,
    note: str = "",
    acting: bool = False,
    **fields: Any,
) -> ProposalEvent:
    """Apply `fields` to the locked proposal, bump its version and record the event; when
    the actor `acting` for `network` (submitting, endorsing), in which capacity."""
    for name, value in fields.items():
        setattr(current, name, value)
    save_version(current)
    return ProposalEvent.objects.create(
        proposal=current,
        kind=kind,
        network=network,
        to_network=to_network,
        actor=actor if actor.is_authenticated else None,
        note=note.strip(),
        acting_as=acting_as(actor, network) if acting else "",
    )


def _sync(proposal: Proposal, current: Proposal) -> None:
    """Keep the caller's instance in step with what was saved."""
    for field in ("status", "network_id", "version", "updated_at", "title", "text", "domain"):
        setattr(proposal, field, getattr(current, field))
    proposal.origin_organisation_id = current.origin_organisation_id


def _validate_content(*, title: str, text: str, domain: str) -> dict[str, Any]:
    errors: dict[str, Any] = {}
    title, text = (title or "").strip(), (text or "").strip()
    if not title:
        errors["title"] = _("Give the proposal a title.")
    elif len(title) > 200:
        errors["title"] = _("Keep the title under 200 characters.")
    if not text:
        errors["text"] = _("Write what you propose.")
    if domain not in Domain.values:
        errors["domain"] = _("Choose one of the four domains.")
    if errors:
        raise ValidationError(errors)
    return {"title": title, "text": text, "domain": domain}


def _validate_organisation(organisation: Organisation | None, network: Network) -> None:
    if organisation is None:
        return
    is_member = (
        Membership.objects.current()
        .filter(network=network, organisation=organisation, role=MembershipRole.MEMBER)
        .exists()
    )
    if not is_member:
        raise ValidationError(
            {
                "organisation": _(
                    "%(organisation)s is not a current member organisation of %(network)s."
                )
                % {"organisation": organisation.name, "network": network.name}
            }
        )


def committee_recipients(network: Network) -> list[Recipient]:
    """Each person sitting on `network`'s committee today, as an e-mail recipient."""
    mandates = (
        Mandate.objects.current()
        .filter(committee__network=network)
        .select_related("person", "person__user")
        .order_by("person__name", "pk")
    )
    recipients = (person_recipient(mandate.person) for mandate in mandates)
    return [recipient for recipient in recipients if recipient is not None]


def _notify_committee(
    proposal: Proposal, network: Network, *, actor: Any, forwarded: bool = False
) -> None:
    """Tell those who act for the network now holding the proposal (and, when forwarded,
    its author), in the transaction of the change (`inspir.governance.notices`)."""
    notices.proposal_awaits(proposal, network=network, actor=actor, forwarded=forwarded)


# --- Services -----------------------------------------------------------------------------------


@transaction.atomic
def proposal_create(
    *,
    network: Network,
    author: Any,
    title: str,
    text: str,
    domain: str,
    organisation: Organisation | None = None,
) -> Proposal:
    """A draft raised by `network` (national or continental), by one of its members or by
    someone acting for it."""
    if network.level not in RAISING_LEVELS:
        raise ValidationError(
            {"network": _("Proposals are raised by a national or continental network.")}
        )
    allowed = draftable_network_ids(author) if author.is_authenticated else frozenset()
    if allowed is not None and network.pk not in allowed:
        raise ValidationError(
            {"network": _("You can raise a proposal only in a network you are a member of.")}
        )
    content = _validate_content(title=title, text=text, domain=domain)
    _validate_organisation(organisation, network)
    proposal = Proposal.objects.create(
        **content,
        origin_network=network,
        origin_organisation=organisation,
        network=network,
        status=ProposalStatus.DRAFT,
        author=author,
    )
    ProposalEvent.objects.create(
        proposal=proposal, kind=ProposalEventKind.CREATED, network=network, actor=author
    )
    audit_log(
        action="governance.proposal.created",
        actor=author,
        obj=proposal,
        network=network,
        changes={"title": [None, proposal.title], "status": [None, proposal.status]},
    )
    return proposal


@transaction.atomic
def proposal_update(*, proposal: Proposal, actor: Any, version: int, **fields: Any) -> Proposal:
    """Edit a draft (title, text, domain, organisation) if it is still at `version`."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be edited: {sorted(unknown)}")
    if not may_act_for_origin(actor, proposal):
        raise ValidationError(_("Only its author or those who act for its network may edit it."))
    try:
        current = lock_version(Proposal, proposal.pk, version)
    except EditConflict as conflict:
        raise ProposalEditConflictError(conflict.saved) from None
    if current.status != ProposalStatus.DRAFT:
        raise ValidationError(_("Only a draft can be edited; this one was already submitted."))
    content = _validate_content(
        title=fields.get("title", current.title),
        text=fields.get("text", current.text),
        domain=fields.get("domain", current.domain),
    )
    organisation = fields.get("organisation", current.origin_organisation)
    _validate_organisation(organisation, current.origin_network)
    before = {
        "title": current.title,
        "text": current.text,
        "domain": current.domain,
        "organisation": current.origin_organisation_id,
    }
    after = {**content, "organisation": organisation.pk if organisation else None}
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    if changes:
        _move(
            current,
            kind=ProposalEventKind.EDITED,
            actor=actor,
            network=current.network,
            origin_organisation=organisation,
            **content,
        )
        audit_log(
            action="governance.proposal.updated",
            actor=actor,
            obj=current,
            network=current.origin_network,
            changes=changes,
        )
    _sync(proposal, current)
    return proposal


@transaction.atomic
def proposal_submit(*, proposal: Proposal, actor: Any, version: int | None = None) -> Proposal:
    """Draft → submitted by the network that raised it (by those who act for it: its focal
    point, its committee, its coordinators); its committee, if it has one, is told by
    e-mail."""
    if not may_submit(actor, proposal):
        raise ValidationError(
            _(
                "Only those who act for %(network)s (its focal point, its committee or its "
                "coordinators) may submit it."
            )
            % {"network": proposal.origin_network.name}
        )
    current = _lock(proposal, version)
    if current.status != ProposalStatus.DRAFT:
        raise ValidationError(_("This proposal was already submitted."))
    _move(
        current,
        kind=ProposalEventKind.SUBMITTED,
        actor=actor,
        network=current.network,
        acting=True,
        status=ProposalStatus.SUBMITTED,
    )
    audit_log(
        action="governance.proposal.submitted",
        actor=actor,
        obj=current,
        network=current.network,
        changes={"status": [ProposalStatus.DRAFT, current.status]},
    )
    _notify_committee(current, current.network, actor=actor)
    _sync(proposal, current)
    return proposal


def _check_pending(current: Proposal) -> None:
    if current.status == ProposalStatus.DRAFT:
        raise ValidationError(_("This proposal is still a draft: it must be submitted first."))
    if current.status == ProposalStatus.ON_AGENDA:
        raise ValidationError(_("This proposal is already on a meeting's agenda."))
    if current.is_closed:
        raise ValidationError(_("This proposal is closed: it was decided or withdrawn."))


@transaction.atomic
def proposal_forward(
    *, proposal: Proposal, actor: Any, note: str = "", version: int | None = None
) -> Proposal:
    """The network now holding it endorses it and forwards it to the level above: those who
    act for that network (its focal point, its committee, its coordinators)."""
    if not can_act_for(actor, proposal.network):
        raise ValidationError(
            _("Only those who act for %(network)s may endorse and forward this proposal.")
            % {"network": proposal.network.name}
        )
    current = _lock(proposal, version)
    _check_pending(current)
    source = current.network
    if source.parent_id is None:
        raise ValidationError(
            _(
                "%(network)s is the highest level: there is no level above to forward it to. "
                "Decide it here."
            )
            % {"network": source.name}
        )
    if taken_up_here(current):
        raise ValidationError(
            _("The committee of %(network)s has taken this proposal up: it is answered here.")
            % {"network": source.name}
        )
    target = Network.objects.get(pk=source.parent_id)
    _move(
        current,
        kind=ProposalEventKind.ENDORSED,
        actor=actor,
        network=source,
        to_network=target,
        note=note,
        acting=True,
        status=ProposalStatus.FORWARDED,
        network_id=target.pk,
    )
    audit_log(
        action="governance.proposal.forwarded",
        actor=actor,
        obj=current,
        network=source,
        changes={"network": [source.pk, target.pk], "status": [proposal.status, current.status]},
    )
    _notify_committee(current, target, actor=actor, forwarded=True)
    _sync(proposal, current)
    return proposal


@transaction.atomic
def proposal_take_up(
    *, proposal: Proposal, actor: Any, note: str = "", version: int | None = None
) -> Proposal:
    """The committee now holding it answers it at its own level: the lowest level that can
    decide, decides. It stays pending until put on one of the committee's agendas."""
    if not can_govern(actor, proposal.network):
        raise ValidationError(
            _("Only the committee of %(network)s may take this proposal up.")
            % {"network": proposal.network.name}
        )
    current = _lock(proposal, version)
    _check_pending(current)
    if not Committee.objects.filter(network_id=current.network_id).exists():
        raise ValidationError(
            _(
                "%(network)s has no committee to decide this proposal: endorse it and forward "
                "it to the level above."
            )
            % {"network": proposal.network.name}
        )
    if taken_up_here(current):
        raise ValidationError(_("This committee has already taken this proposal up."))
    _move(
        current,
        kind=ProposalEventKind.ANSWERED,
        actor=actor,
        network=current.network,
        note=note,
    )
    audit_log(
        action="governance.proposal.taken_up",
        actor=actor,
        obj=current,
        network=current.network,
        changes={"network": [None, current.network_id]},
    )
    _sync(proposal, current)
    return proposal


@transaction.atomic
def proposal_schedule(
    *, proposal: Proposal, meeting: Meeting, actor: Any, version: int | None = None
) -> AgendaItem:
    """Put the proposal on an upcoming meeting of the committee now holding it."""
    if not can_govern(actor, proposal.network):
        raise ValidationError(
            _("Only the committee of %(network)s may put this proposal on its agenda.")
            % {"network": proposal.network.name}
        )
    current = _lock(proposal, version)
    _check_pending(current)
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("committee")
        .get(pk=meeting.pk)
    )
    if meeting.committee.network_id != current.network_id:
        raise ValidationError(
            {
                "meeting": _(
                    "This meeting is not one of the committee of %(network)s, which holds "
                    "the proposal."
                )
                % {"network": current.network.name}
            }
        )
    if meeting.is_cancelled or meeting.starts_at <= timezone.now():
        raise ValidationError(
            {"meeting": _("Choose an upcoming meeting: this one is past or cancelled.")}
        )
    last = meeting.items.aggregate(last=Max("position"))["last"]
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=0 if last is None else last + 1,
        title=current.title[:200],
        description=current.text,
        proposal=current,
    )
    _move(
        current,
        kind=ProposalEventKind.SCHEDULED,
        actor=actor,
        network=current.network,
        note=meeting.title,
        status=ProposalStatus.ON_AGENDA,
    )
    audit_log(
        action="governance.proposal.scheduled",
        actor=actor,
        obj=current,
        network=current.network,
        changes={"status": [proposal.status, current.status], "meeting": [None, meeting.pk]},
    )
    notices.proposal_scheduled(current, meeting=meeting, actor=actor)
    _sync(proposal, current)
    return item


# The outcomes that close a proposal; "no quorum" leaves it open for another decision.
PROPOSAL_OUTCOMES = (Outcome.ADOPTED, Outcome.AMENDED, Outcome.REJECTED)


@transaction.atomic
def proposal_mark_decided(
    *,
    proposal: Proposal,
    outcome: str,
    actor: Any,
    decision: Decision | None = None,
    by_round: bool = False,
) -> Proposal:
    """Record the outcome of the committee's decision on the proposal (called when the
    decision is recorded): adopted, adopted as amended, or rejected. `by_round`: a consent
    round closing on its own (no actor), opened by someone who governed the committee."""
    if outcome not in PROPOSAL_OUTCOMES:
        raise ValidationError(_("Unknown outcome."))
    if not by_round and not can_govern(actor, proposal.network):
        raise ValidationError(
            _("Only the committee of %(network)s may record a decision on this proposal.")
            % {"network": proposal.network.name}
        )
    if decision is not None and decision.proposal_id not in (None, proposal.pk):
        raise ValidationError(_("This decision is about another proposal."))
    current = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if current.status == ProposalStatus.DRAFT:
        raise ValidationError(_("A draft cannot be decided: it must be submitted first."))
    if current.is_closed:
        raise ValidationError(_("This proposal is closed: it was decided or withdrawn."))
    before = current.status
    _move(
        current,
        kind=ProposalEventKind.DECIDED,
        actor=actor,
        network=current.network,
        note=str(Outcome(outcome).label),
        status=ProposalStatus(outcome),
    )
    audit_log(
        action="governance.proposal.decided",
        actor=actor,
        obj=current,
        network=current.network,
        changes={
            "status": [before, current.status],
            "decision": [None, decision.pk if decision is not None else None],
        },
    )
    if decision is not None:
        notices.proposal_decided(current, decision=decision, actor=actor)
    _sync(proposal, current)
    return proposal


@transaction.atomic
def proposal_withdraw(
    *, proposal: Proposal, actor: Any, note: str = "", version: int | None = None
) -> Proposal:
    """The author, or the committee of the network that raised it, withdraws it."""
    if not may_act_for_origin(actor, proposal):
        raise ValidationError(
            _("Only its author or those who act for the network that raised it may withdraw it.")
        )
    current = _lock(proposal, version)
    if current.is_closed:
        raise ValidationError(_("This proposal is closed: it was decided or withdrawn."))
    before = current.status
    _move(
        current,
        kind=ProposalEventKind.WITHDRAWN,
        actor=actor,
        network=current.network,
        note=note,
        status=ProposalStatus.WITHDRAWN,
    )
    audit_log(
        action="governance.proposal.withdrawn",
        actor=actor,
        obj=current,
        network=current.origin_network,
        changes={"status": [before, current.status]},
    )
    _sync(proposal, current)
    return proposal


@transaction.atomic
def proposal_comment(*, proposal: Proposal, author: Any, text: str) -> ProposalComment:
    """A comment by anyone who may read the proposal."""
    if not visible_proposals(author).filter(pk=proposal.pk).exists():
        raise ValidationError(_("You cannot comment on a proposal you cannot read."))
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write your comment.")})
    if len(text) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            {
                "text": _("Keep the comment under %(limit)d characters.")
                % {"limit": COMMENT_MAX_LENGTH}
            }
        )
    comment = ProposalComment.objects.create(proposal=proposal, author=author, text=text)
    audit_log(
        action="governance.proposal.commented",
        actor=author,
        obj=proposal,
        network=proposal.network,
        changes={"comment": [None, comment.pk]},
    )
    return comment
