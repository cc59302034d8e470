"""Consent rounds: a committee decides between meetings (or during one) by each member
stating their own position before a closing time.

- Those who govern the committee (its chair, its secretariat, the network's coordinators)
  open a round on a text, with a closing time.
- Everyone who may state a position (selectors/consent.py `voices`) states it from their own
  account, and may change it until the round closes; a concern or a block needs its reason.
  The secretariat may record a position given orally, marked as such; never over one the
  member stated themselves.
- The round closes at its closing time (the worker's `close_consent_rounds`, every five
  minutes): the outcome is computed once (governance/consent.py), the decision is dated with
  the close, an adopted decision opens its follow-ups, and the members are told. A round is
  closed once however many workers run: the decision row is locked and its outcome checked.
- A day before it closes, members who have not stated a position are reminded, once.

Every write is validated, atomic and audited."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from inspir.core.audit import audit_log
from inspir.core.time import moment_text
from inspir.governance import consent_notices
from inspir.governance.models import (
    POSITIONS_WITH_REASON,
    Committee,
    ConsentRecord,
    Decision,
    Meeting,
    MeetingStatus,
    Position,
    Proposal,
)
from inspir.governance.permissions import can_govern
from inspir.governance.rules import ACTED_UPON, default_follow_up_due
from inspir.governance.selectors import consent as selectors
from inspir.governance.services.decisions import (
    _validate_concerns,
    decision_carry_out,
    decision_text_errors,
    proposal_is_being_decided,
)
from inspir.network.models import Network, Person

# A round gives members time to answer across a dozen zones, and does not linger.
DEFAULT_ROUND = datetime.timedelta(days=7)
SHORTEST_ROUND = datetime.timedelta(hours=1)
LONGEST_ROUND = datetime.timedelta(days=60)
# Members without a position are reminded this long before the round closes.
REMIND_BEFORE = datetime.timedelta(hours=24)
REASON_MAX_LENGTH = 2000


def _committee_network(committee: Committee) -> Network:
    return Network.objects.get(pk=committee.network_id)


@transaction.atomic
def round_open(
    *,
    committee: Committee,
    actor: Any,
    title: str,
    statement: str,
    closes_at: datetime.datetime | None,
    meeting: Meeting | None = None,
    proposal: Proposal | None = None,
    domain: str = "",
    concerns: Iterable[Network] = (),
    follow_up_due_on: datetime.date | None = None,
) -> Decision:
    """Open a consent round of `committee` on `statement`, until `closes_at`; its members
    are told. Between meetings, or at `meeting` (members then state their positions there,
    from their own phones)."""
    network = _committee_network(committee)
    if not can_govern(actor, network):
        raise ValidationError(
            _(
                "Only the chair, the secretariat or the coordinators of %(network)s may "
                "open its consent rounds."
            )
            % {"network": network.name}
        )
    now = timezone.now()
    title = (title or "").strip()
    statement = (statement or "").strip()
    errors = decision_text_errors(title, domain)
    if not statement:
        errors.setdefault("statement", []).append(
            _("Write the text the members are asked to consent to.")
        )
    if closes_at is None:
        errors.setdefault("closes_at", []).append(_("Say when the round closes."))
    elif closes_at < now + SHORTEST_ROUND:
        errors.setdefault("closes_at", []).append(
            _("Leave the members at least an hour: the round must close later than that.")
        )
    elif closes_at > now + LONGEST_ROUND:
        errors.setdefault("closes_at", []).append(
            _("A round closes within 60 days: choose an earlier closing time.")
        )
    if meeting is not None:
        if meeting.committee_id != committee.pk:
            errors.setdefault("meeting", []).append(_("This meeting is not one of this committee."))
        elif meeting.status == MeetingStatus.CANCELLED:
            errors.setdefault("meeting", []).append(_("This meeting was cancelled."))
    if proposal is not None:
        # Locked, so that two rounds cannot be opened on it at once.
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.network_id != network.pk:
            errors.setdefault("proposal", []).append(
                _("This proposal is not with the committee of %(network)s.")
                % {"network": network.name}
            )
        elif proposal.is_closed:
            errors.setdefault("proposal", []).append(
                _("This proposal is closed: it was decided or withdrawn.")
            )
        elif proposal_is_being_decided(proposal):
            errors.setdefault("proposal", []).append(
                _("A decision was already recorded on this proposal, or a round on it is open.")
            )
    concerned: list[Network] = []
    try:
        concerned = _validate_concerns(concerns, network=network, outcome=ACTED_UPON[0])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if closes_at is not None and follow_up_due_on is not None:
        closes_on = timezone.localdate(closes_at, committee_zone(committee))
        if follow_up_due_on < closes_on:
            errors.setdefault("follow_up_due_on", []).append(
                _("The follow-ups cannot be due before the round closes (%(date)s).")
                % {"date": date_format(closes_on)}
            )
    if errors or closes_at is None:
        raise ValidationError(errors)
    due_on = follow_up_due_on or default_follow_up_due(
        timezone.localdate(closes_at, committee_zone(committee))
    )
    decision = Decision.objects.create(
        committee=committee,
        meeting=meeting,
        proposal=proposal,
        title=title,
        statement=statement,
        outcome="",
        domain=domain or (proposal.domain if proposal is not None else ""),
        recorded_by=actor,
        opened_at=now,
        closes_at=closes_at,
        decided_at=closes_at,
        recorded_at=now,
        follow_up_due_on=due_on,
    )
    decision.concerns.set(concerned)
    audit_log(
        action="governance.round.opened",
        actor=actor,
        obj=decision,
        network=network,
        changes={
            "closes_at": [None, closes_at.isoformat()],
            "meeting": [None, meeting.pk if meeting is not None else None],
            "proposal": [None, proposal.pk if proposal is not None else None],
        },
    )
    consent_notices.round_opened(decision, actor=actor)
    return decision


def committee_zone(committee: Committee) -> datetime.tzinfo:
    return Decision(committee=committee).zone


def _locked_open_round(decision: Decision) -> Decision:
    # Only the decision's row is locked: PostgreSQL locks no row of an outer join.
    current = (
        Decision.objects.select_for_update(of=("self",))
        .select_related("committee", "meeting")
        .get(pk=decision.pk)
    )
    if not current.is_open or current.closes_at is None:
        raise ValidationError(_("This round is closed: positions can no longer be given."))
    if current.closes_at <= timezone.now():
        raise ValidationError(
            _("This round closed at %(closes)s: positions can no longer be given.")
            % {"closes": moment_text(current.closes_at, current.zone)}
        )
    return current


def _clean_position(position: str, reason: str) -> str:
    reason = (reason or "").strip()
    errors: dict[str, str] = {}
    if position not in Position.values:
        errors["position"] = _("Choose a position: agree, abstain, concern or block.")
    elif position in POSITIONS_WITH_REASON and not reason:
        errors["reason"] = _(
            "A concern or a block needs its reason: write it, so that it can be addressed."
        )
    elif len(reason) > REASON_MAX_LENGTH:
        errors["reason"] = _("Keep the reason under %(limit)d characters.") % {
            "limit": REASON_MAX_LENGTH
        }
    if errors:
        raise ValidationError(errors)
    return reason


def _record(
    decision: Decision,
    *,
    person: Person,
    position: str,
    reason: str,
    actor: Any,
    orally: bool,
) -> ConsentRecord:
    voices = {voice.person.pk: voice.capacity for voice in selectors.voices(decision)}
    if person.pk not in voices:
        raise ValidationError(
            _("%(name)s neither sits on the committee nor takes part in this meeting.")
            % {"name": person.name}
        )
    existing = ConsentRecord.objects.filter(decision=decision, person=person).first()
    if orally and existing is not None and not existing.given_orally:
        raise ValidationError(
            _("%(name)s stated their position themselves: only they may change it.")
            % {"name": person.name}
        )
    before = (existing.position, existing.reason) if existing is not None else None
    if before == (position, reason):
        return existing  # type: ignore[return-value]  # the same again: nothing to record
    record, _created = ConsentRecord.objects.update_or_create(
        decision=decision,
        person=person,
        defaults={
            "position": position,
            "reason": reason,
            "capacity": voices[person.pk],
            "given_orally": orally,
            "recorded_by": actor,
            "updated_at": timezone.now(),
        },
    )
    changes = {
        "person": [None, person.pk],
        "position": [before[0] if before else None, position],
    }
    network = decision.committee.network
    if orally:
        audit_log(
            action="governance.position.recorded",
            actor=actor,
            obj=decision,
            network=network,
            changes=changes,
        )
    else:
        audit_log(
            action="governance.position.stated",
            actor=actor,
            obj=decision,
            network=network,
            changes=changes,
        )
    return record


@transaction.atomic
def position_state(*, decision: Decision, actor: Any, position: str, reason: str) -> ConsentRecord:
    """The signed-in member states (or changes) their own position while the round is open."""
    person_id = getattr(actor, "person_id", None)
    if not getattr(actor, "is_authenticated", False) or person_id is None:
        raise ValidationError(_("Only members of the committee may state a position."))
    current = _locked_open_round(decision)
    reason = _clean_position(position, reason)
    person = Person.objects.get(pk=person_id)
    return _record(
        current, person=person, position=position, reason=reason, actor=actor, orally=False
    )


@transaction.atomic
def position_record(
    *, decision: Decision, actor: Any, person: Person, position: str, reason: str
) -> ConsentRecord:
    """The secretariat records a position a member gave orally (in the meeting, on the
    phone), marked as such, while the round is open."""
    current = _locked_open_round(decision)
    network = _committee_network(current.committee)
    if not can_govern(actor, network):
        raise ValidationError(
            _(
                "Only the chair, the secretariat or the coordinators of %(network)s may "
                "record a position given orally."
            )
            % {"network": network.name}
        )
    reason = _clean_position(position, reason)
    return _record(
        current, person=person, position=position, reason=reason, actor=actor, orally=True
    )


@transaction.atomic
def round_close(decision_pk: int, *, now: datetime.datetime | None = None) -> Decision | None:
    """Close the round if its time has come and it is still open: compute its outcome, date
    it with the close, set its follow-ups going and tell the members. None when there was
    nothing to do (not due, or closed already by another worker)."""
    now = now or timezone.now()
    decision = (
        Decision.objects.select_for_update(of=("self",))
        .select_related("committee__network", "meeting", "proposal")
        .get(pk=decision_pk)
    )
    if not decision.is_open or decision.closes_at is None or decision.closes_at > now:
        return None
    records = list(decision.consents.all())
    counted = selectors.decision_tally(decision, records)
    decision.outcome = counted.outcome(amended=decision.amended)
    decision.decided_at = decision.closes_at
    decision.save(update_fields=["outcome", "decided_at"])
    audit_log(
        action="governance.round.closed",
        actor=None,
        obj=decision,
        network=decision.committee.network,
        changes={
            "outcome": [None, decision.outcome],
            "positions": [None, counted.given],
            "needed": [None, counted.needed],
        },
    )
    decision_carry_out(decision, concerned=list(decision.concerns.all()), actor=None, by_round=True)
    consent_notices.round_closed(decision)
    return decision


def rounds_close_due(now: datetime.datetime | None = None) -> int:
    """Close every round whose time has come, each in its own transaction."""
    now = now or timezone.now()
    due = Decision.objects.open_rounds().filter(closes_at__lte=now).values_list("pk", flat=True)
    return sum(1 for pk in list(due) if round_close(pk, now=now) is not None)


def rounds_remind(now: datetime.datetime | None = None) -> int:
    """Remind, once, the members who have not stated a position on a round closing within
    REMIND_BEFORE. Returns how many were told."""
    now = now or timezone.now()
    told = 0
    closing = Decision.objects.open_rounds().filter(
        closes_at__gt=now,
        closes_at__lte=now + REMIND_BEFORE,
        closing_reminder_sent_at__isnull=True,
    )
    for pk in list(closing.values_list("pk", flat=True)):
        with transaction.atomic():
            decision = (
                Decision.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("committee__network")
                .filter(pk=pk, closing_reminder_sent_at__isnull=True)
                .first()
            )
            if decision is None:
                continue
            told += consent_notices.round_closing(decision)
            decision.closing_reminder_sent_at = now
            decision.save(update_fields=["closing_reminder_sent_at"])
    return told
