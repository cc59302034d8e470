"""Writes about decisions and their follow-ups.

A committee records a decision taken at one of its meetings with the position each member
gave there (agree, abstain, concern, block); decisions between meetings are taken by consent
rounds (services/consent.py). The outcome is computed from the positions
(governance/consent.py): while a full member's block stands the decision is not adopted; the
objection must be addressed first. An adopted decision opens
a follow-up for each network below that it concerns; a continental network opens follow-ups
for its national networks where relevant, and every network reports back."""

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from inspir.core import history
from inspir.core.audit import audit_log
from inspir.core.versioning import EditConflict, lock_version, save_version
from inspir.governance import consent, notices
from inspir.governance.models import (
    POSITIONS_WITH_REASON,
    AgendaItem,
    ConsentRecord,
    Decision,
    Domain,
    FollowUp,
    FollowUpStatus,
    Meeting,
    Outcome,
    Position,
    Proposal,
)
from inspir.governance.permissions import acting_as, can_act_for, can_govern
from inspir.governance.rules import (
    ACTED_UPON,
    REPORTABLE,
    TITLE_MAX_LENGTH,
    default_follow_up_due,
)
from inspir.governance.selectors import consent as consent_selectors
from inspir.governance.selectors.decisions import (
    default_concerns,
    networks_below,
)
from inspir.governance.services.proposals import proposal_mark_decided
from inspir.network.models import Level, Network, Person

Consent = tuple[Person, str, str]


class FollowUpConflictError(EditConflict):
    """Someone reported on this follow-up after the reporter loaded it; nothing was written."""

    def __init__(self, saved: FollowUp):
        super().__init__(
            saved,
            _(
                "Someone else reported on this follow-up while you were writing. Nothing was "
                "overwritten: your text is kept below. Compare it with the saved report, then "
                "save again."
            ),
        )


# --- Decisions ----------------------------------------------------------------------------------


def decision_text_errors(title: str, domain: str) -> dict[str, list[str]]:
    """What is wrong with a decision's (stripped) title and its domain, by field."""
    errors: dict[str, list[str]] = {}
    if not title:
        errors.setdefault("title", []).append(_("Give the decision a title."))
    elif len(title) > TITLE_MAX_LENGTH:
        errors.setdefault("title", []).append(
            _("Keep the title under %(limit)d characters.") % {"limit": TITLE_MAX_LENGTH}
        )
    if domain and domain not in Domain.values:
        errors.setdefault("domain", []).append(_("Choose one of the domains."))
    return errors


def proposal_is_being_decided(proposal: Proposal) -> bool:
    """Whether a decision stands on the proposal, or a consent round on it is open (one that
    ended without quorum leaves it open for another)."""
    return Decision.objects.filter(proposal=proposal).exclude(outcome=Outcome.NO_QUORUM).exists()


def validate_positions(
    consents: Sequence[Consent], *, voices: dict[int, str]
) -> list[tuple[Person, str, str, str]]:
    """Each (person, position, reason) checked: the person may state one on the decision
    (`voices`: person id -> capacity), once, a known position, with its reason for a concern
    or a block. Returns them with each one's capacity."""
    errors: list[str] = []
    seen: set[int] = set()
    cleaned: list[tuple[Person, str, str, str]] = []
    for person, position, reason in consents:
        reason = (reason or "").strip()
        if person.pk not in voices:
            errors.append(
                _(
                    "%(name)s neither takes part in this meeting nor sits on the committee: "
                    "their position cannot be recorded."
                )
                % {"name": person.name}
            )
            continue
        if person.pk in seen:
            errors.append(_("%(name)s's position is given twice.") % {"name": person.name})
            continue
        seen.add(person.pk)
        if position not in Position.values:
            errors.append(_("Choose a position for %(name)s.") % {"name": person.name})
            continue
        if position in POSITIONS_WITH_REASON and not reason:
            errors.append(
                _("%(name)s has a concern or blocks: write the reason.") % {"name": person.name}
            )
            continue
        cleaned.append((person, position, reason, voices[person.pk]))
    if not consents:
        errors.append(_("Record the position of at least one member."))
    if errors:
        raise ValidationError({"consents": errors})
    return cleaned


def _validate_concerns(
    concerns: Iterable[Network], *, network: Network, outcome: str
) -> list[Network]:
    chosen = list(concerns)
    if not chosen and outcome in ACTED_UPON:
        chosen = list(default_concerns(network))
    below = set(networks_below(network).values_list("pk", flat=True))
    outside = [concerned.name for concerned in chosen if concerned.pk not in below]
    if outside:
        raise ValidationError(
            {
                "concerns": _(
                    "A decision of this committee can only concern the networks below "
                    "%(network)s, not: %(names)s."
                )
                % {"network": network.name, "names": ", ".join(outside)}
            }
        )
    return list({concerned.pk: concerned for concerned in chosen}.values())


def _open_follow_up(
    *,
    decision: Decision,
    network: Network,
    actor: Any,
    due_on: datetime.date | None,
    parent: FollowUp | None = None,
) -> FollowUp:
    follow_up = FollowUp.objects.create(
        decision=decision, network=network, parent=parent, due_on=due_on
    )
    audit_log(
        action="governance.follow_up.opened",
        actor=actor,
        obj=follow_up,
        network=network,
        changes={
            "decision": [None, decision.pk],
            "parent": [None, parent and parent.pk],
            "due_on": [None, due_on and due_on.isoformat()],
        },
    )
    notices.follow_up_opened(follow_up, actor=actor)
    return follow_up


def _decided_on(meeting: Meeting) -> datetime.date:
    """The meeting's day where it is held: the date its decisions are taken, whenever they
    are recorded."""
    return timezone.localdate(meeting.starts_at, meeting.zone)


def _validate_due(
    due_on: datetime.date | None, *, decided_on: datetime.date, field: str
) -> dict[str, list[str]]:
    if due_on is not None and due_on < decided_on:
        return {
            field: [
                _("The follow-ups cannot be due before the decision was taken (%(date)s).")
                % {"date": date_format(decided_on)}
            ]
        }
    return {}


@transaction.atomic
def decision_record(
    *,
    meeting: Meeting,
    actor: Any,
    title: str,
    statement: str,
    consents: Sequence[Consent],
    amended: bool = False,
    item: AgendaItem | None = None,
    proposal: Proposal | None = None,
    domain: str = "",
    concerns: Iterable[Network] = (),
    follow_up_due_on: datetime.date | None = None,
) -> Decision:
    """Record a decision taken at `meeting` with the positions its members gave there, as
    the secretariat heard them (each marked as given orally). The outcome is computed from
    them (governance/consent.py: quorum, full members' blocks), never typed; the decision is
    dated with the meeting, not with the day it is recorded. An adopted decision opens a
    follow-up for every network it concerns, due on `follow_up_due_on` (by default
    `FOLLOW_UP_PERIOD` after the meeting), and closes its proposal."""
    meeting = Meeting.objects.select_related("committee__network").get(pk=meeting.pk)
    network = meeting.committee.network
    if not can_govern(actor, network):
        raise ValidationError(
            _("Only the committee of %(network)s may record its decisions.")
            % {"network": network.name}
        )
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting was cancelled: no decision can be recorded at it."))
    if meeting.starts_at > timezone.now():
        raise ValidationError(
            _("This meeting has not started yet: decisions are recorded once it takes place.")
        )

    title = (title or "").strip()
    statement = (statement or "").strip()
    errors = decision_text_errors(title, domain)
    if not statement:
        errors.setdefault("statement", []).append(_("Write what was decided."))
    if item is not None and item.meeting_id != meeting.pk:
        errors.setdefault("item", []).append(_("This agenda item is not one of this meeting."))
    if proposal is None and item is not None and item.proposal_id is not None:
        proposal = item.proposal
    if proposal is not None:
        # Locked, so that two people recording at once cannot both decide it.
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.network_id != network.pk:
            errors.setdefault("proposal", []).append(
                _("This proposal is not with the committee of %(network)s.")
                % {"network": network.name}
            )
        elif proposal_is_being_decided(proposal):
            errors.setdefault("proposal", []).append(
                _("A decision was already recorded on this proposal.")
            )
    decision = Decision(committee=meeting.committee, meeting=meeting)
    voices = {voice.person.pk: voice.capacity for voice in consent_selectors.voices(decision)}
    cleaned_consents: list[tuple[Person, str, str, str]] = []
    concerned: list[Network] = []
    try:
        cleaned_consents = validate_positions(consents, voices=voices)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    counted = consent.tally(
        (consent.Stated(position, capacity) for _p, position, _r, capacity in cleaned_consents),
        rule=meeting.committee.quorum,
        full_seats_filled=consent_selectors.full_seats_filled(decision),
    )
    outcome = counted.outcome(amended=amended)
    try:
        concerned = _validate_concerns(concerns, network=network, outcome=outcome)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    decided_on = _decided_on(meeting)
    for field, messages in _validate_due(
        follow_up_due_on, decided_on=decided_on, field="follow_up_due_on"
    ).items():
        errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)

    due_on = None
    if outcome in ACTED_UPON:
        due_on = follow_up_due_on or default_follow_up_due(decided_on)
    now = timezone.now()
    decision.item = item
    decision.proposal = proposal
    decision.title = title
    decision.statement = statement
    decision.outcome = outcome
    decision.amended = amended and outcome == Outcome.AMENDED
    decision.domain = domain or (proposal.domain if proposal is not None else "")
    decision.recorded_by = actor
    decision.decided_at = meeting.starts_at
    decision.recorded_at = now
    decision.follow_up_due_on = due_on
    decision.save()
    ConsentRecord.objects.bulk_create(
        ConsentRecord(
            decision=decision,
            person=person,
            position=position,
            reason=reason,
            capacity=capacity,
            given_orally=True,
            recorded_by=actor,
            updated_at=now,
        )
        for person, position, reason, capacity in cleaned_consents
    )
    decision.concerns.set(concerned)
    audit_log(
        action="governance.decision.recorded",
        actor=actor,
        obj=decision,
        network=network,
        changes={
            "outcome": [None, outcome],
            "meeting": [None, meeting.pk],
            "proposal": [None, proposal.pk if proposal is not None else None],
            "concerns": [None, sorted(concerned_network.pk for concerned_network in concerned)],
            "follow_up_due_on": [None, due_on and due_on.isoformat()],
        },
    )
    decision_carry_out(decision, concerned=concerned, actor=actor)
    return decision


def decision_carry_out(
    decision: Decision, *, concerned: Sequence[Network], actor: Any, by_round: bool = False
) -> None:
    """What a decision's outcome sets going: an adopted one opens a follow-up for each
    network concerned; its proposal is closed with the outcome (left open on "no quorum",
    for another decision). Inside the caller's transaction."""
    if decision.outcome in ACTED_UPON:
        # A national network concerned together with its continental network is followed
        # up under it, as if the continental network had cascaded the decision.
        opened: dict[int, FollowUp] = {}
        for concerned_network in sorted(concerned, key=lambda n: n.level != Level.CONTINENTAL):
            opened[concerned_network.pk] = _open_follow_up(
                decision=decision,
                network=concerned_network,
                actor=actor,
                due_on=decision.follow_up_due_on,
                parent=opened.get(concerned_network.parent_id or 0),
            )
    if decision.proposal is not None and decision.outcome != Outcome.NO_QUORUM:
        proposal_mark_decided(
            proposal=decision.proposal,
            outcome=decision.outcome,
            actor=actor,
            decision=decision,
            by_round=by_round,
        )


# --- Follow-ups ---------------------------------------------------------------------------------


@transaction.atomic
def follow_up_cascade(
    *,
    follow_up: FollowUp,
    networks: Iterable[Network],
    actor: Any,
    due_on: datetime.date | None = None,
) -> list[FollowUp]:
    """Those who govern a follow-up's network open follow-ups for the networks below it where
    the decision is relevant, due on `due_on` (by default when `follow_up` itself is due)."""
    follow_up = FollowUp.objects.select_related(
        "network", "decision__meeting", "decision__committee"
    ).get(pk=follow_up.pk)
    if not can_govern(actor, follow_up.network):
        raise ValidationError(
            _("Only the committee of %(network)s may pass this decision on.")
            % {"network": follow_up.network.name}
        )
    chosen = list({network.pk: network for network in networks}.values())
    if not chosen:
        raise ValidationError({"networks": _("Choose at least one network.")})
    children = {
        network.pk for network in Network.objects.filter(parent_id=follow_up.network_id).only("pk")
    }
    outside = [network.name for network in chosen if network.pk not in children]
    if outside:
        raise ValidationError(
            {
                "networks": _("These networks are not part of %(network)s: %(names)s.")
                % {"network": follow_up.network.name, "names": ", ".join(outside)}
            }
        )
    already = set(
        FollowUp.objects.filter(
            decision_id=follow_up.decision_id, network__in=[n.pk for n in chosen]
        ).values_list("network__name", flat=True)
    )
    if already:
        raise ValidationError(
            {
                "networks": _("These networks already follow this decision up: %(names)s.")
                % {"names": ", ".join(sorted(already))}
            }
        )
    decision = follow_up.decision
    decided_on = timezone.localdate(decision.decided_at, decision.zone)
    if errors := _validate_due(due_on, decided_on=decided_on, field="due_on"):
        raise ValidationError(errors)
    due_on = due_on or follow_up.due_on or decision.follow_up_due_on
    return [
        _open_follow_up(
            decision=decision, network=network, actor=actor, due_on=due_on, parent=follow_up
        )
        for network in sorted(chosen, key=lambda n: n.name)
    ]


@transaction.atomic
def follow_up_report(
    *, follow_up: FollowUp, actor: Any, status: str, report: str, version: int
) -> FollowUp:
    """A network reports back: done, in progress, or not applicable (with the reason).
    Those who act for it report, committee or not; the report records in which capacity
    (its focal point, or on its behalf from a role above it)."""
    network = Network.objects.get(pk=follow_up.network_id)
    if not can_act_for(actor, network):
        raise ValidationError(
            _("Only those who act for %(network)s may report back for it.")
            % {"network": network.name}
        )
    report = (report or "").strip()
    errors: dict[str, str] = {}
    if status not in REPORTABLE:
        errors["status"] = _(
            "Choose where the network stands: done, in progress or not applicable."
        )
    elif status == FollowUpStatus.NOT_APPLICABLE and not report:
        errors["report"] = _("Say why this decision does not apply to %(network)s.") % {
            "network": network.name
        }
    if errors:
        raise ValidationError(errors)
    try:
        current = lock_version(FollowUp, follow_up.pk, version)
    except EditConflict as conflict:
        raise FollowUpConflictError(conflict.saved) from None
    before = {"status": current.status, "report": current.report}
    current.status = status
    current.report = report
    current.reported_by = actor
    current.reported_as = acting_as(actor, network)
    current.reported_at = timezone.now()
    save_version(current)
    # Every report is kept (core/history.py): a rewritten report can be read and undone.
    # The state before the first report is no report at all: no starting point to restore.
    reported_before = before["status"] != FollowUpStatus.PENDING
    history.record(current, actor=actor, before=before if reported_before else None)
    audit_log(
        action="governance.follow_up.reported",
        actor=actor,
        obj=current,
        network=network,
        changes={
            name: [value, getattr(current, name)]
            for name, value in before.items()
            if value != getattr(current, name)
        },
    )
    notices.follow_up_reported(current, actor=actor)
    return current
