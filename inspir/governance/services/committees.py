"""Writes for committees: mandates (a person holds a seat from a date to a date) and seat
rules. Every write is validated first, atomic and audited. The home page's steering-committee
figure comes from the mandates, so the public pages are marked stale after each write."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inspir.accounts.permissions import Action, AnyUser, networks_where
from inspir.core.audit import audit_log, field_changes
from inspir.core.page_cache import registry_changed
from inspir.governance.models import (
    Committee,
    Decision,
    Mandate,
    Office,
    QuorumRule,
    SeatKind,
    SeatRole,
    SeatRule,
)
from inspir.network.models import Network, Organisation, Person


def _check_may_manage(actor: AnyUser, committee: Committee) -> None:
    if not networks_where(actor, Action.GOVERN).filter(pk=committee.network_id).exists():
        raise ValidationError(_("You may not manage the mandates of this committee."))


def _overlapping(
    *,
    committee: Committee,
    person: Person,
    start_date: datetime.date,
    end_date: datetime.date | None,
    exclude_pk: int | None = None,
) -> Mandate | None:
    others = Mandate.objects.filter(committee=committee, person=person).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=start_date)
    )
    if end_date is not None:
        others = others.filter(start_date__lte=end_date)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    return others.select_related("rule").order_by("start_date").first()


@transaction.atomic
def mandate_create(
    *,
    actor: AnyUser,
    committee: Committee,
    rule: SeatRule,
    person: Person,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
    note: str = "",
) -> Mandate:
    """Give `person` a seat of `committee` under `rule`, from `start_date` to `end_date`."""
    _check_may_manage(actor, committee)
    # One writer at a time per committee, so two overlapping mandates cannot both pass.
    Committee.objects.select_for_update().filter(pk=committee.pk).first()
    errors: dict[str, list[str]] = {}
    if rule.committee_id != committee.pk:
        errors["rule"] = [_("This seat belongs to another committee.")]
    if end_date is not None and end_date < start_date:
        errors["end_date"] = [_("A mandate cannot end before it starts.")]
    if not errors:
        clash = _overlapping(
            committee=committee, person=person, start_date=start_date, end_date=end_date
        )
        if clash is not None:
            errors["person"] = [
                _(
                    "%(person)s already holds a seat on this committee from %(start)s "
                    "%(until)s; mandates of the same person cannot overlap."
                )
                % {
                    "person": person.name,
                    "start": date_format(clash.start_date),
                    "until": (
                        _("until %(date)s") % {"date": date_format(clash.end_date)}
                        if clash.end_date
                        else _("with no end date")
                    ),
                }
            ]
    if errors:
        raise ValidationError(errors)
    mandate = Mandate.objects.create(
        committee=committee,
        rule=rule,
        person=person,
        start_date=start_date,
        end_date=end_date,
        note=note,
    )
    audit_log(
        action="governance.mandate.created",
        actor=actor,
        obj=mandate,
        network=committee.network,
        changes={
            "person": [None, person.name],
            "rule": [None, str(rule)],
            "start_date": [None, start_date.isoformat()],
            "end_date": [None, end_date.isoformat() if end_date else None],
        },
    )
    transaction.on_commit(registry_changed)
    return mandate


@transaction.atomic
def mandate_end(
    *,
    actor: AnyUser,
    mandate: Mandate,
    end_date: datetime.date,
    seen_end_date: datetime.date | None,
) -> Mandate:
    """Set the day `mandate` ends. `seen_end_date` is the end date the user saw when they
    opened the form: if someone changed it since, nothing is overwritten."""
    locked = (
        Mandate.objects.select_for_update(of=("self",))
        .select_related("committee__network")
        .get(pk=mandate.pk)
    )
    _check_may_manage(actor, locked.committee)
    if locked.end_date != seen_end_date:
        raise ValidationError(
            _(
                "Someone else changed the end of this mandate while you were editing it "
                "(it now ends %(date)s). Nothing was overwritten: check the date and save again."
            )
            % {"date": date_format(locked.end_date) if locked.end_date else _("never")},
            code="conflict",
        )
    if end_date < locked.start_date:
        raise ValidationError({"end_date": [_("A mandate cannot end before it starts.")]})
    clash = _overlapping(
        committee=locked.committee,
        person=locked.person,
        start_date=locked.start_date,
        end_date=end_date,
        exclude_pk=locked.pk,
    )
    if clash is not None:  # cannot happen when shortening; kept for safety when lengthening
        raise ValidationError(
            {"end_date": [_("This date would overlap another mandate of the same person.")]}
        )
    before = locked.end_date
    locked.end_date = end_date
    locked.save(update_fields=["end_date"])
    audit_log(
        action="governance.mandate.ended",
        actor=actor,
        obj=locked,
        network=locked.committee.network,
        changes={"end_date": [before.isoformat() if before else None, end_date.isoformat()]},
    )
    transaction.on_commit(registry_changed)
    return locked


@transaction.atomic
def mandate_withdraw(*, mandate: Mandate, actor: AnyUser, reason: str) -> Mandate:
    """Withdraw `mandate`, entered by mistake: gone from the composition, the rules and every
    permission as if it had never been (not ended: it never began), and kept in the log with
    who withdrew it, when and why. Those who may end it may withdraw it; a reason is
    required; a mandate is withdrawn once."""
    locked = (
        Mandate.all_entered.select_for_update(of=("self",))
        .select_related("committee__network", "person", "rule")
        .get(pk=mandate.pk)
    )
    _check_may_manage(actor, locked.committee)
    if locked.withdrawn_at is not None:
        raise ValidationError(
            _("This mandate was already withdrawn: nothing was changed."), code="withdrawn"
        )
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the mandate is withdrawn.")]})
    limit = Mandate._meta.get_field("withdrawal_reason").max_length or 0
    if len(reason) > limit:
        raise ValidationError(
            {"reason": [_("Say it in at most %(limit)s characters.") % {"limit": limit}]}
        )
    locked.withdrawn_at = timezone.now()
    locked.withdrawn_by = actor  # type: ignore[assignment]
    locked.withdrawal_reason = reason
    locked.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    audit_log(
        action="governance.mandate.withdrawn",
        actor=actor,
        obj=locked,
        network=locked.committee.network,
        changes={"withdrawal_reason": [None, reason]},
    )
    transaction.on_commit(registry_changed)
    return locked


def _validate_rule(
    *,
    seats: int,
    minimum: int,
    constituency_network: Network | None,
    constituency_organisation: Organisation | None,
    from_network_committee: bool,
) -> None:
    errors: dict[str, list[str]] = {}
    if minimum > seats:
        errors["minimum"] = [_("The minimum cannot be more than the number of seats.")]
    if constituency_network is not None and constituency_organisation is not None:
        errors["constituency_organisation"] = [
            _("A seat speaks for a network or for an organisation, not both.")
        ]
    if from_network_committee and constituency_network is None:
        errors["from_network_committee"] = [
            _("Only seats that speak for a network can be chosen from its committee.")
        ]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def seat_rule_create(
    *,
    actor: AnyUser,
    committee: Committee,
    role: str = SeatRole.REPRESENTATIVE,
    kind: str = SeatKind.VOTING,
    seats: int = 1,
    minimum: int = 0,
    constituency_network: Network | None = None,
    constituency_organisation: Organisation | None = None,
    from_network_committee: bool = False,
    position: int = 0,
    office: str = Office.NONE,
) -> SeatRule:
    _check_may_manage(actor, committee)
    if office not in Office.values:
        raise ValidationError({"office": [_("Choose one of the offices, or none.")]})
    _validate_rule(
        seats=seats,
        minimum=minimum,
        constituency_network=constituency_network,
        constituency_organisation=constituency_organisation,
        from_network_committee=from_network_committee,
    )
    rule = SeatRule.objects.create(
        committee=committee,
        role=role,
        kind=kind,
        seats=seats,
        minimum=minimum,
        constituency_network=constituency_network,
        constituency_organisation=constituency_organisation,
        from_network_committee=from_network_committee,
        position=position,
        office=office,
    )
    audit_log(
        action="governance.seat_rule.created",
        actor=actor,
        obj=rule,
        network=committee.network,
        changes={"rule": [None, str(rule)], "seats": [None, seats], "minimum": [None, minimum]},
    )
    return rule


@transaction.atomic
def seat_rule_update(
    *,
    actor: AnyUser,
    rule: SeatRule,
    seats: int,
    minimum: int,
    seen: tuple[int, int] | None = None,
    office: str | None = None,
) -> SeatRule:
    """Change how many seats a rule has, how many must be filled and, when given, the
    office its holders hold (moving who governs the committee). `seen` is the
    (seats, minimum) the user saw when they opened the form: if someone changed them since,
    nothing is overwritten."""
    locked = (
        SeatRule.objects.select_for_update(of=("self",))
        .select_related("committee__network", "constituency_network", "constituency_organisation")
        .get(pk=rule.pk)
    )
    _check_may_manage(actor, locked.committee)
    if seen is not None and seen != (locked.seats, locked.minimum):
        raise ValidationError(
            ngettext(
                "Someone else changed this seat while you were editing it: it now has "
                "%(seats)s seat, at least %(minimum)s filled. Nothing was overwritten: check "
                "the numbers and save again.",
                "Someone else changed this seat while you were editing it: it now has "
                "%(seats)s seats, at least %(minimum)s filled. Nothing was overwritten: check "
                "the numbers and save again.",
                locked.seats,
            )
            % {"seats": locked.seats, "minimum": locked.minimum},
            code="conflict",
        )
    _validate_rule(
        seats=seats,
        minimum=minimum,
        constituency_network=locked.constituency_network,
        constituency_organisation=locked.constituency_organisation,
        from_network_committee=locked.from_network_committee,
    )
    if office is not None and office not in Office.values:
        raise ValidationError({"office": [_("Choose one of the offices, or none.")]})
    office = locked.office if office is None else office
    changes = field_changes(
        {"seats": locked.seats, "minimum": locked.minimum, "office": locked.office},
        {"seats": seats, "minimum": minimum, "office": office},
    )
    locked.seats, locked.minimum, locked.office = seats, minimum, office
    # Saved, not updated: who governs the committee is read with every reader's reach,
    # which a seat rule's save makes stale (governance/apps.py).
    locked.save(update_fields=["seats", "minimum", "office"])
    if changes:
        audit_log(
            action="governance.seat_rule.updated",
            actor=actor,
            obj=locked,
            network=locked.committee.network,
            changes=changes,
        )
    return locked


@transaction.atomic
def committee_quorum_set(
    *, actor: AnyUser, committee: Committee, quorum: str, seen: str | None = None
) -> Committee:
    """Change how many full members' positions make the committee's quorum. `seen` is the
    rule the user saw when they opened the form: if someone changed it since, nothing is
    overwritten. Refused while a consent round is open: its members state their positions
    under the rule they were told."""
    locked = (
        Committee.objects.select_for_update(of=("self",))
        .select_related("network")
        .get(pk=committee.pk)
    )
    _check_may_manage(actor, locked)
    if quorum not in QuorumRule.values:
        raise ValidationError({"quorum": [_("Choose one of the quorum rules.")]})
    if seen is not None and seen != locked.quorum:
        raise ValidationError(
            _(
                "Someone else changed the quorum while you were editing it: it is now "
                "“%(quorum)s”. Nothing was overwritten: check it and save again."
            )
            % {"quorum": locked.get_quorum_display()},
            code="conflict",
        )
    if quorum == locked.quorum:
        return locked
    if Decision.objects.open_rounds().filter(committee=locked).exists():
        raise ValidationError(
            _(
                "A consent round of this committee is open: its members give their positions "
                "under the present quorum. Change it once the round has closed."
            ),
            code="round_open",
        )
    changes = field_changes({"quorum": locked.quorum}, {"quorum": quorum})
    locked.quorum = quorum
    locked.save(update_fields=["quorum"])
    audit_log(
        action="governance.committee.quorum_changed",
        actor=actor,
        obj=locked,
        network=locked.network,
        changes=changes,
    )
    return locked
