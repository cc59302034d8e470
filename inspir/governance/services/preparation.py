"""Writes about the bottom-up preparation of meetings.

When a committee circulates a meeting's agenda to its members, each network its seats speak
for is consulted: its own committee prepares with it and attaches the network's input to
each agenda item before the meeting; publishing the agenda to the public is a separate act.
A continental network may consult its national networks in turn. Every write is audited;
e-mails are asked for in the same transaction and written by the worker, each in the
recipient's language and time zone (`inspir.governance.emails`)."""

import datetime
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from inspir.accounts.models import User
from inspir.accounts.permissions import AnyUser
from inspir.core.audit import audit_log
from inspir.core.errors import Conflict, Refused
from inspir.core.mail import notify
from inspir.core.versioning import save_version
from inspir.governance import notices
from inspir.governance.emails import meeting_kind
from inspir.governance.models import (
    AgendaInput,
    AgendaItem,
    Consultation,
    Mandate,
    Meeting,
    Participant,
)
from inspir.governance.permissions import acting_as, can_act_for, can_govern
from inspir.governance.rules import INPUT_MAX_LENGTH, default_deadline, input_closes_at
from inspir.governance.selectors.preparation import constituency_networks
from inspir.governance.services.meetings import locked_meeting
from inspir.network.models import Level, Network, Person
from inspir.network.recipients import person_recipient

UNCHANGED, SAVED, CONFLICT = "unchanged", "saved", "conflict"


class InputConflictError(Conflict):
    """Someone saved one of these inputs after the editor loaded it; nothing was written.
    `current` maps each conflicting agenda item's pk to the input saved now (or None)."""

    def __init__(self, current: dict[int, AgendaInput | None]):
        super().__init__(
            _(
                "Someone else saved this network's input while you were writing it. Nothing "
                "was overwritten: your text is kept below. Compare it with the saved version, "
                "then save again."
            ),
            code="conflict",
        )
        self.current = current


# --- Rules --------------------------------------------------------------------------------------


def _check_open(meeting: Meeting) -> None:
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting was cancelled."), code="cancelled")
    if not meeting.agenda_is_circulated:
        raise ValidationError(
            _("The agenda of this meeting is not circulated yet."), code="unpublished"
        )
    if timezone.now() >= input_closes_at(meeting):
        raise ValidationError(
            _(
                "Inputs for this meeting were expected by %(deadline)s (UTC); that time has "
                "passed. Bring your network's view to the meeting through its representatives."
            ),
            params={"deadline": formats.date_format(input_closes_at(meeting), "DATETIME_FORMAT")},
            code="closed",
        )


# --- Circulating and publishing the agenda ------------------------------------------------------


@transaction.atomic
def agenda_circulate(
    *, meeting: Meeting, actor: AnyUser, deadline: datetime.datetime | None = None
) -> Meeting:
    """Circulate the agenda to the members: set the preparation deadline, consult the
    committee's constituencies, e-mail the participants and the consulted networks'
    committees. The public does not see it until it is published (`agenda_publish`)."""
    current = locked_meeting(meeting)
    if not can_govern(actor, current.committee.network):
        raise Refused
    if current.is_cancelled:
        raise ValidationError(_("A cancelled meeting's agenda cannot be circulated."))
    if current.agenda_is_circulated:
        raise ValidationError(_("The agenda of this meeting is already circulated."))
    now = timezone.now()
    if current.starts_at <= now:
        raise ValidationError(_("This meeting has already begun."))
    if not current.items.exists():
        raise ValidationError(_("Add at least one agenda item before circulating the agenda."))
    if deadline is None:
        deadline = default_deadline(current)
    elif deadline <= now:
        raise ValidationError(
            {"deadline": _("The deadline for inputs must be in the future.")}, code="past"
        )
    elif deadline > current.starts_at:
        raise ValidationError(
            {"deadline": _("The deadline for inputs must not be after the start of the meeting.")},
            code="late",
        )
    current.agenda_circulated_at = now
    current.preparation_deadline = deadline
    save_version(current, update_fields=["agenda_circulated_at", "preparation_deadline"])
    consulted = []
    opened = []
    for network in constituency_networks(current):
        consultation, created = Consultation.objects.get_or_create(
            meeting=current, network=network, defaults={"parent": None}
        )
        if created:
            consulted.append(network.slug)
            opened.append(consultation)
    audit_log(
        action="governance.agenda.circulated",
        actor=actor,
        obj=current,
        network=current.committee.network,
        changes={
            "agenda_circulated_at": [None, now.isoformat()],
            "preparation_deadline": [None, deadline.isoformat()],
            "consulted": [[], consulted],
        },
    )
    told = notices.networks_consulted(opened, actor=actor)
    agenda_published_email_send(meeting_pk=current.pk, told=told)
    meeting.agenda_circulated_at = current.agenda_circulated_at
    meeting.preparation_deadline = current.preparation_deadline
    meeting.version = current.version
    return current


@transaction.atomic
def agenda_publish(*, meeting: Meeting, actor: AnyUser) -> Meeting:
    """Publish the agenda to the public: anyone then sees the meeting, its agenda and the
    documents marked public (the video link, the other documents and the inputs stay the
    members'). The members hear of it by its circulation, first: only a meeting that
    has begun may be published without it (it can no longer be circulated)."""
    current = locked_meeting(meeting)
    if not can_govern(actor, current.committee.network):
        raise Refused
    if current.is_cancelled:
        raise ValidationError(_("A cancelled meeting's agenda cannot be published."))
    if current.agenda_is_published:
        raise ValidationError(_("The agenda of this meeting is already published."))
    now = timezone.now()
    if not current.agenda_is_circulated and current.starts_at > now:
        raise ValidationError(
            _("Circulate the agenda to the members before publishing it to the public.")
        )
    if not current.items.exists():
        raise ValidationError(_("Add at least one agenda item before publishing the agenda."))
    current.agenda_published_at = now
    save_version(current, update_fields=["agenda_published_at"])
    audit_log(
        action="governance.agenda.published",
        actor=actor,
        obj=current,
        network=current.committee.network,
        changes={"agenda_published_at": [None, now.isoformat()]},
    )
    meeting.agenda_published_at = current.agenda_published_at
    meeting.version = current.version
    return current


# --- Consulting national networks ---------------------------------------------------------------


@transaction.atomic
def consultation_open_national(
    *, consultation: Consultation, networks: Iterable[Network], actor: AnyUser
) -> list[Consultation]:
    """A continental network consults some of its national networks on the same meeting."""
    consultation = Consultation.objects.select_related(
        "network", "meeting__committee__network"
    ).get(pk=consultation.pk)
    if not can_govern(actor, consultation.network):
        raise Refused
    meeting = consultation.meeting
    _check_open(meeting)
    if consultation.parent_id is not None:
        raise ValidationError(
            _("A network consulted by its continental network cannot consult further.")
        )
    chosen = list(networks)
    if not chosen:
        raise ValidationError(_("Choose at least one national network to consult."))
    for network in chosen:
        if network.parent_id != consultation.network_id or network.level != Level.NATIONAL:
            raise ValidationError(
                _("%(network)s is not a national network of %(parent)s."),
                params={"network": network.name, "parent": consultation.network.name},
            )
    already = set(
        Consultation.objects.filter(meeting=meeting, network__in=chosen).values_list(
            "network_id", flat=True
        )
    )
    created = [
        Consultation.objects.create(meeting=meeting, network=network, parent=consultation)
        for network in chosen
        if network.pk not in already
    ]
    if not created:
        raise ValidationError(_("These networks are already consulted on this meeting."))
    audit_log(
        action="governance.consultation.opened",
        actor=actor,
        obj=consultation,
        network=consultation.network,
        changes={"consulted": [[], [c.network.slug for c in created]]},
    )
    told = notices.networks_consulted(created, actor=actor)
    consultation_email_send(consultation_pks=[c.pk for c in created], told=told)
    return created


# --- Inputs -------------------------------------------------------------------------------------


def _save_one(
    *, item: AgendaItem, network: Network, text: str, actor: AnyUser, version: int | None
) -> tuple[AgendaInput | None, str]:
    """(the input now, "unchanged" | "saved" | "conflict"). Assumes the checks were made."""
    text = text.strip()
    if len(text) > INPUT_MAX_LENGTH:
        raise ValidationError(
            _("An input may have at most %(max)d characters."), params={"max": INPUT_MAX_LENGTH}
        )
    existing = AgendaInput.objects.select_for_update().filter(item=item, network=network).first()
    before = existing.text if existing is not None else ""
    if text == before:
        return existing, UNCHANGED  # nothing to change, whatever the version seen
    seen_version = version or None
    current_version = existing.version if existing is not None else None
    if seen_version != current_version:
        return existing, CONFLICT
    if existing is None:
        saved: AgendaInput | None = AgendaInput.objects.create(
            item=item,
            network=network,
            text=text,
            author=_author(actor),
            author_as=acting_as(actor, network),
        )
    elif not text:
        existing.delete()
        saved = None
    else:
        existing.text = text
        existing.author = _author(actor)
        existing.author_as = acting_as(actor, network)
        save_version(existing, update_fields=["text", "author", "author_as"])
        saved = existing
    audit_log(
        action="governance.input.saved",
        actor=actor,
        obj=saved if saved is not None else item,
        network=network,
        changes={"item": [None, item.pk], "text": [before, text]},
    )
    return saved, SAVED


def _author(actor: AnyUser) -> User | None:
    return actor if isinstance(actor, User) else None


def _check_may_give_input(*, meeting: Meeting, network: Network, actor: AnyUser) -> None:
    # Any network consulted gives its input, committee or not: those who act for it.
    if not can_act_for(actor, network):
        raise Refused
    if not Consultation.objects.filter(meeting=meeting, network=network).exists():
        raise ValidationError(
            _("%(network)s is not consulted on this meeting."), params={"network": network.name}
        )
    _check_open(meeting)


@transaction.atomic
def input_save(
    *, item: AgendaItem, network: Network, text: str, actor: AnyUser, version: int | None = None
) -> AgendaInput | None:
    """Create or update `network`'s input on `item` (an empty text withdraws it). `version`
    is the input's version the author saw (None when there was none): if it changed since,
    nothing is written and InputConflictError says what is saved now."""
    meeting = Meeting.objects.get(pk=item.meeting_id)
    _check_may_give_input(meeting=meeting, network=network, actor=actor)
    saved, outcome = _save_one(item=item, network=network, text=text, actor=actor, version=version)
    if outcome == CONFLICT:
        raise InputConflictError({item.pk: saved})
    return saved


@dataclass
class InputChange:
    item: AgendaItem
    text: str
    version: int | None


@transaction.atomic
def inputs_save(
    *, meeting: Meeting, network: Network, changes: list[InputChange], actor: AnyUser
) -> int:
    """Save `network`'s inputs on several items of `meeting` at once: all of them, or, if any
    of them was changed by someone else meanwhile, none (InputConflictError). Returns how many
    inputs changed."""
    meeting = Meeting.objects.get(pk=meeting.pk)
    _check_may_give_input(meeting=meeting, network=network, actor=actor)
    conflicts: dict[int, AgendaInput | None] = {}
    changed = 0
    for change in changes:
        if change.item.meeting_id != meeting.pk:
            raise ValidationError(_("This agenda item belongs to another meeting."))
        saved, outcome = _save_one(
            item=change.item,
            network=network,
            text=change.text,
            actor=actor,
            version=change.version,
        )
        if outcome == CONFLICT:
            conflicts[change.item.pk] = saved
        elif outcome == SAVED:
            changed += 1
    if conflicts:
        raise InputConflictError(conflicts)  # rolls back whatever was saved above
    return changed


# --- E-mails ------------------------------------------------------------------------------------


def _committee_members(networks: Iterable[Network]) -> list[tuple[Person, Network]]:
    mandates = (
        Mandate.objects.current()
        .filter(committee__network__in=list(networks))
        .select_related("person__user", "committee__network")
        .order_by("committee__network__name", "person__name")
    )
    return [(mandate.person, mandate.committee.network) for mandate in mandates]


@dataclass
class _Recipient:
    person: Person
    networks: list[int] = field(default_factory=list)


def _add(recipients: dict[int, _Recipient], person: Person, network: Network | None) -> None:
    recipient = recipients.setdefault(person.pk, _Recipient(person=person))
    if network is not None and network.pk not in recipient.networks:
        recipient.networks.append(network.pk)


def _notify(
    *, recipients: dict[int, _Recipient], meeting_pk: int, template: str, parent: int | None
) -> None:
    """Ask for the message to each recipient, in the transaction of the change; the worker
    writes it in their language and zone, with a link to give the input of each network
    they answer for (`inspir.governance.emails`)."""
    notify(
        kind=meeting_kind(template),
        recipients=[
            recipient
            for entry in recipients.values()
            if (recipient := person_recipient(entry.person, {"networks": entry.networks}))
            is not None
        ],
        context={"meeting": meeting_pk, "parent": parent},
        topic=meeting_kind(template),
        object_id=meeting_pk,
    )


def agenda_published_email_send(*, meeting_pk: int, told: Collection[int] = ()) -> None:
    """Tell the participants and the consulted networks' committees what to prepare, but
    those of `told` (people), who heard it as acting for a consulted network."""
    consulted = [
        c.network
        for c in Consultation.objects.filter(
            meeting_id=meeting_pk, parent__isnull=True
        ).select_related("network")
    ]
    recipients: dict[int, _Recipient] = {}
    for participant in Participant.objects.filter(meeting_id=meeting_pk).select_related(
        "person__user"
    ):
        _add(recipients, participant.person, None)
    for person, network in _committee_members(consulted):
        _add(recipients, person, network)
    for pk in told:
        recipients.pop(pk, None)
    _notify(recipients=recipients, meeting_pk=meeting_pk, template="agenda_published", parent=None)


def consultation_email_send(*, consultation_pks: list[int], told: Collection[int] = ()) -> None:
    """Tell the committees of newly consulted national networks what to prepare, but those
    of `told` (people), who heard it as acting for a consulted network."""
    consultations = list(
        Consultation.objects.filter(pk__in=consultation_pks).select_related("network", "parent")
    )
    if not consultations:
        return
    parent = consultations[0].parent
    recipients: dict[int, _Recipient] = {}
    for person, network in _committee_members(c.network for c in consultations):
        _add(recipients, person, network)
    for pk in told:
        recipients.pop(pk, None)
    _notify(
        recipients=recipients,
        meeting_pk=consultations[0].meeting_id,
        template="consultation_opened",
        parent=parent.network_id if parent is not None else None,
    )
