"""Writes for meetings: scheduling, changes, cancellation, agenda items, documents,
participants and attendance, minutes. Every write is validated, atomic and audited; the
e-mails are asked for in the same transaction and written by the worker, each in its
recipient's language and zone (`inspir.governance.emails`)."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from inspir.accounts.models import User
from inspir.accounts.permissions import AnyUser
from inspir.core import history
from inspir.core.audit import audit_log, field_changes
from inspir.core.errors import Conflict, Invalid, NotFound, Refused
from inspir.core.page_cache import registry_changed
from inspir.core.versioning import lock_version, save_version
from inspir.governance import notices
from inspir.governance.models import (
    AgendaDocument,
    AgendaItem,
    Attendance,
    Committee,
    Decision,
    InvitationAnswer,
    Mandate,
    Meeting,
    MeetingFormat,
    MeetingStatus,
    MinutesComment,
    MinutesStatus,
    MinutesVersion,
    Outcome,
    Participant,
)
from inspir.governance.permissions import can_govern
from inspir.governance.rules import document_check
from inspir.governance.selectors.meetings import minutes_fixed, minutes_state, reads_minutes
from inspir.network.models import Person

# Fields whose change makes calendars update the event (SEQUENCE grows) and participants told.
EVENT_FIELDS = ("title", "format", "starts_at", "ends_at", "location", "video_url")
# The kind (committee meeting, general assembly, founding meeting) is not in a calendar.
MEETING_FIELDS = (*EVENT_FIELDS, "time_zone", "kind")


class AttendanceConflictError(Conflict):
    """Someone recorded another attendance for these participants meanwhile."""

    def __init__(self, *, names: list[str], current: dict[int, str]):
        super().__init__(
            _(
                "Someone else recorded the attendance of %(names)s while you were editing. "
                "Nothing was saved: check the saved values below, then save again."
            )
            % {"names": ", ".join(names)}
        )
        self.current = current


def _require_governor(actor: AnyUser, meeting_or_committee: Meeting | Committee) -> None:
    committee = (
        meeting_or_committee.committee
        if isinstance(meeting_or_committee, Meeting)
        else meeting_or_committee
    )
    if not can_govern(actor, committee.network):
        raise Refused


def locked_meeting(meeting: Meeting) -> Meeting:
    """The meeting's row, locked for the rest of the transaction, with its committee and
    network: what every write on a meeting's state starts from."""
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("committee__network")
        .get(pk=meeting.pk)
    )


def _account(actor: AnyUser) -> User | None:
    return actor if isinstance(actor, User) else None


def _validate_meeting(data: dict[str, Any]) -> None:
    errors: dict[str, list[str]] = {}
    if data["ends_at"] <= data["starts_at"]:
        errors.setdefault("end_time", []).append(_("The meeting must end after it starts."))
    if data["format"] in (MeetingFormat.VIRTUAL, MeetingFormat.HYBRID) and not data.get(
        "video_url"
    ):
        errors.setdefault("video_url", []).append(
            _("A virtual or hybrid meeting needs a video link.")
        )
    if data["format"] in (MeetingFormat.IN_PERSON, MeetingFormat.HYBRID) and not data.get(
        "location"
    ):
        errors.setdefault("location", []).append(
            _("A meeting held in person or hybrid needs a place.")
        )
    if errors:
        raise ValidationError(errors)


# --- Meetings -----------------------------------------------------------------------------------


@transaction.atomic
def meeting_create(*, committee: Committee, actor: AnyUser, data: dict[str, Any]) -> Meeting:
    """Schedule a meeting of `committee`, invite every current mandate holder and tell them."""
    _require_governor(actor, committee)
    unknown = set(data) - set(MEETING_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be set: {sorted(unknown)}")
    _validate_meeting(data)
    meeting = Meeting(committee=committee, created_by=_account(actor), **data)
    meeting.full_clean(exclude=["created_by"])
    meeting.save()
    holders = (
        Mandate.objects.current()
        .filter(committee=committee)
        .values_list("person_id", flat=True)
        .distinct()
    )
    Participant.objects.bulk_create(
        [
            Participant(meeting=meeting, person_id=pk, attendance=Attendance.INVITED)
            for pk in holders
        ]
    )
    audit_log(
        action="governance.meeting.created",
        actor=actor,
        obj=meeting,
        network=committee.network,
        changes={name: [None, _audit_value(data[name])] for name in data},
    )
    meeting_email_send(meeting_pk=meeting.pk, kind="scheduled")
    return meeting


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, actor: AnyUser, version: int, data: dict[str, Any]
) -> Meeting:
    """Save `data` on `meeting` if it is still at `version`. When the event itself changes
    (time, place, link, format, title) calendars are told through a higher SEQUENCE and the
    participants get an update with the .ics."""
    _require_governor(actor, meeting)
    current = lock_version(
        Meeting.objects.select_related("committee__network"), meeting.pk, version, of=("self",)
    )
    if current.is_cancelled:
        raise ValidationError(_("A cancelled meeting cannot be changed."))
    unknown = set(data) - set(MEETING_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be edited: {sorted(unknown)}")
    _validate_meeting({**{name: getattr(current, name) for name in MEETING_FIELDS}, **data})
    before = {name: getattr(current, name) for name in MEETING_FIELDS}
    for name, value in data.items():
        setattr(current, name, value)
    current.full_clean(exclude=["created_by"])
    changes = field_changes(
        {k: _audit_value(v) for k, v in before.items()},
        {name: _audit_value(getattr(current, name)) for name in MEETING_FIELDS},
    )
    event_changed = any(name in changes for name in EVENT_FIELDS)
    if event_changed:
        current.sequence = F("sequence") + 1  # type: ignore[assignment]
    save_version(current)
    if changes:
        audit_log(
            action="governance.meeting.updated",
            actor=actor,
            obj=current,
            network=current.committee.network,
            changes=changes,
        )
    if event_changed:
        previous_start = before["starts_at"] if "starts_at" in changes else None
        meeting_email_send(meeting_pk=current.pk, kind="updated", previous_start=previous_start)
    return current


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, actor: AnyUser) -> Meeting:
    _require_governor(actor, meeting)
    current = locked_meeting(meeting)
    if current.is_cancelled:
        raise ValidationError(_("This meeting is already cancelled."))
    if current.is_held:
        raise Invalid(_("This meeting has ended: it was held and can no longer be cancelled."))
    current.status = MeetingStatus.CANCELLED
    current.sequence = F("sequence") + 1  # type: ignore[assignment]
    save_version(current)
    audit_log(
        action="governance.meeting.cancelled",
        actor=actor,
        obj=current,
        network=current.committee.network,
        changes={"status": [MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED]},
    )
    meeting_email_send(meeting_pk=current.pk, kind="cancelled")
    return current


def _audit_value(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value.pk if hasattr(value, "pk") else value


# --- Agenda items -------------------------------------------------------------------------------

AGENDA_ITEM_FIELDS = ("title", "description", "duration_minutes")


@transaction.atomic
def agenda_item_create(*, meeting: Meeting, actor: AnyUser, data: dict[str, Any]) -> AgendaItem:
    _require_governor(actor, meeting)
    last = meeting.items.aggregate(last=Max("position"))["last"]
    item = AgendaItem(meeting=meeting, position=0 if last is None else last + 1, **data)
    item.full_clean()
    item.save()
    audit_log(
        action="governance.agenda_item.created",
        actor=actor,
        obj=item,
        network=meeting.committee.network,
        changes={name: [None, value] for name, value in data.items()},
    )
    return item


@transaction.atomic
def agenda_item_update(
    *, item: AgendaItem, actor: AnyUser, version: int, data: dict[str, Any]
) -> AgendaItem:
    """Save `data` on `item` if it is still at `version` (else `EditConflict`)."""
    _require_governor(actor, item.meeting)
    current = lock_version(AgendaItem, item.pk, version)
    before = {name: getattr(current, name) for name in AGENDA_ITEM_FIELDS}
    for name, value in data.items():
        if name not in AGENDA_ITEM_FIELDS:
            raise ValueError(f"Field that cannot be edited: {name}")
        setattr(current, name, value)
    current.full_clean()
    save_version(current)
    changes = field_changes(before, {name: getattr(current, name) for name in AGENDA_ITEM_FIELDS})
    if changes:
        audit_log(
            action="governance.agenda_item.updated",
            actor=actor,
            obj=current,
            network=item.meeting.committee.network,
            changes=changes,
        )
    return current


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, actor: AnyUser) -> None:
    _require_governor(actor, item.meeting)
    audit_log(
        action="governance.agenda_item.deleted",
        actor=actor,
        obj=item,
        network=item.meeting.committee.network,
        changes={"title": [item.title, None]},
    )
    stored = [document.file for document in item.documents.all()]
    item.delete()

    def remove_files() -> None:
        for file in stored:
            file.delete(save=False)

    transaction.on_commit(remove_files)


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, actor: AnyUser, direction: str) -> None:
    """Move an item one place up or down; positions are renumbered 0, 1, 2… on the way."""
    _require_governor(actor, item.meeting)
    if direction not in ("up", "down"):
        raise ValidationError(_("Unknown direction."))
    items = list(
        AgendaItem.objects.select_for_update()
        .filter(meeting_id=item.meeting_id)
        .order_by("position", "pk")
    )
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(items):
        return
    items[index], items[target] = items[target], items[index]
    for position, other in enumerate(items):
        other.position = position
    AgendaItem.objects.bulk_update(items, ["position"])
    transaction.on_commit(registry_changed)  # bulk updates send no signal to the page cache
    audit_log(
        action="governance.agenda_item.moved",
        actor=actor,
        obj=item,
        network=item.meeting.committee.network,
        changes={"position": [index, target]},
    )


# --- Documents (what is accepted: rules.document_check) ------------------------------------------


@transaction.atomic
def document_upload(
    *, item: AgendaItem, actor: AnyUser, title: str, upload: UploadedFile, public: bool = False
) -> AgendaDocument:
    """Attach `upload` to `item`: for the members unless `public` (then anyone may download
    it once the agenda is published)."""
    _require_governor(actor, item.meeting)
    content_type = document_check(upload)
    original_name = (upload.name or "document").rsplit("/", 1)[-1][:255]
    document = AgendaDocument(
        item=item,
        title=title.strip() or original_name,
        original_name=original_name,
        content_type=content_type,
        size=upload.size or 0,
        public=public,
        uploaded_by=_account(actor),
    )
    document.file.save(original_name, upload, save=False)
    try:
        document.full_clean()
        document.save()
    except Exception:
        document.file.delete(save=False)
        raise
    audit_log(
        action="governance.document.uploaded",
        actor=actor,
        obj=document,
        network=item.meeting.committee.network,
        changes={
            "title": [None, document.title],
            "size": [None, document.size],
            "public": [None, document.public],
        },
    )
    return document


@transaction.atomic
def document_visibility(*, document: AgendaDocument, actor: AnyUser, public: bool) -> bool:
    """Make a document public (anyone may download it once the agenda is published) or for
    the members only. True when it changed; asking again for what it is already changes
    nothing."""
    _require_governor(actor, document.item.meeting)
    current = AgendaDocument.objects.select_for_update().get(pk=document.pk)
    if current.public == public:
        return False
    current.public = public
    current.save(update_fields=["public"])
    audit_log(
        action="governance.document.visibility_changed",
        actor=actor,
        obj=current,
        network=document.item.meeting.committee.network,
        changes={"public": [not public, public]},
    )
    document.public = public
    return True


@transaction.atomic
def document_delete(*, document: AgendaDocument, actor: AnyUser) -> None:
    _require_governor(actor, document.item.meeting)
    audit_log(
        action="governance.document.deleted",
        actor=actor,
        obj=document,
        network=document.item.meeting.committee.network,
        changes={"title": [document.title, None]},
    )
    stored = document.file
    document.delete()
    transaction.on_commit(lambda: stored.delete(save=False))


# --- Participants and attendance -----------------------------------------------------------------


@transaction.atomic
def participants_update(
    *,
    meeting: Meeting,
    actor: AnyUser,
    attendance: dict[int, str],
    remove: Iterable[int] = (),
    add: Person | None = None,
    expected: dict[int, str] | None = None,
) -> None:
    """Record attendance of every participant at once (participant pk -> attendance), remove
    some, add a person. `expected` is the attendance the editor saw: where someone else has
    recorded another one meanwhile and this editor would change it, nothing is written."""
    _require_governor(actor, meeting)
    valid = set(Attendance.values)
    participants = {
        p.pk: p
        for p in meeting.participants.select_for_update(of=("self",)).select_related("person")
    }
    if expected is not None:
        overtaken = [
            participants[pk].person.name
            for pk, value in attendance.items()
            if pk in participants
            and pk in expected
            and participants[pk].attendance != expected[pk]
            and participants[pk].attendance != value
        ]
        if overtaken:
            raise AttendanceConflictError(
                names=overtaken,
                current={pk: p.attendance for pk, p in participants.items()},
            )
    removed = [pk for pk in remove if pk in participants]
    changes: dict[str, list[Any]] = {}
    changed = []
    for pk, value in attendance.items():
        participant = participants.get(pk)
        if participant is None or pk in removed:
            continue
        if value not in valid:
            raise ValidationError(_("Unknown attendance."))
        if participant.attendance != value:
            changes[f"participant {participant.person_id}"] = [participant.attendance, value]
            participant.attendance = value
            changed.append(participant)
    Participant.objects.bulk_update(changed, ["attendance"])
    transaction.on_commit(registry_changed)  # bulk updates send no signal to the page cache
    if removed:
        Participant.objects.filter(pk__in=removed).delete()
        for pk in removed:
            changes[f"participant {participants[pk].person_id}"] = [
                participants[pk].attendance,
                None,
            ]
    if add is not None:
        if any(p.person_id == add.pk for p in participants.values() if p.pk not in removed):
            raise ValidationError(_("This person already takes part in the meeting."))
        Participant.objects.create(meeting=meeting, person=add)
        changes[f"participant {add.pk}"] = [None, Attendance.INVITED]
    if changes:
        audit_log(
            action="governance.attendance.recorded",
            actor=actor,
            obj=meeting,
            network=meeting.committee.network,
            changes=changes,
        )


# --- A participant's answer to the invitation ---------------------------------------------------


@transaction.atomic
def invitation_answer(
    *, participant: Participant, actor: AnyUser, answer: str, note: str = ""
) -> Participant:
    """The participant's own answer ("will attend", "cannot attend", with an optional note to
    the committee), changeable until the meeting starts. Only the participant answers (others
    are told the invitation does not exist); the attendance recorded after the meeting is
    left alone."""
    person_id = getattr(actor, "person_id", None)
    if person_id is None or person_id != participant.person_id:
        raise NotFound
    if answer not in InvitationAnswer.values:
        raise Invalid({"answer": _("Say whether you will attend.")})
    current = (
        Participant.objects.select_for_update(of=("self",))
        .select_related("meeting__committee__network")
        .get(pk=participant.pk)
    )
    meeting = current.meeting
    if meeting.is_cancelled:
        raise Invalid(_("This meeting is cancelled: there is nothing to answer."))
    if meeting.starts_at <= timezone.now():
        raise Invalid(_("This meeting has started: your answer can no longer be changed."))
    note = note.strip()
    if answer == InvitationAnswer.DELEGATE and not note:
        # The committee needs to know whom to expect in the participant's place.
        raise Invalid({"note": _("Give the name of the person you send in your place.")})
    if current.answer == answer and current.answer_note == note:
        return current
    # The note is the person's own (erased with them): the log keeps the answer only.
    changes = {"answer": [current.answer or None, answer]}
    current.answer, current.answer_note, current.answered_at = answer, note, timezone.now()
    current.save(update_fields=["answer", "answer_note", "answered_at"])
    audit_log(
        action="governance.invitation.answered",
        actor=actor,
        obj=meeting,
        network=meeting.committee.network,
        changes=changes,
    )
    return current


# --- Minutes ------------------------------------------------------------------------------------
#
# Draft (those who govern write them), circulated to the members (who comment), approved at a
# later meeting of the committee or by a decision, and only then published. Once approved,
# the text changes only through a correction: a new version with a note, the earlier one kept
# (MinutesVersion) and the members told.

COMMENT_MAX_LENGTH = 5000
CORRECTION_NOTE_MAX_LENGTH = 1000


@transaction.atomic
def minutes_update(
    *, meeting: Meeting, actor: AnyUser, version: int, minutes: str, note: str = ""
) -> Meeting:
    """Save the minutes, while draft or circulated, if the meeting is still at `version`
    (else `EditConflict`); every change is kept in the minutes' history
    (`inspir.core.history`). Approved minutes are only corrected (`minutes_correct`)."""
    _require_governor(actor, meeting)
    current = lock_version(
        Meeting.objects.select_related("committee__network"), meeting.pk, version, of=("self",)
    )
    if minutes_fixed(current):
        raise Invalid(
            _(
                "These minutes are approved: they are no longer edited, only corrected, with a "
                "note saying what was corrected."
            )
        )
    before = current.minutes
    if before == minutes:
        return current
    previous = history.snapshot(current)
    current.minutes = minutes
    save_version(current, update_fields=["minutes"])
    history.record(current, actor=actor, before=previous, note=note)
    audit_log(
        action="governance.minutes.updated",
        actor=actor,
        obj=current,
        network=current.committee.network,
        changes={"minutes": [len(before), len(minutes)]},
    )
    return current


@transaction.atomic
def minutes_circulate(*, meeting: Meeting, actor: AnyUser) -> Meeting:
    """Circulate the draft minutes to the members for their comments, and tell them."""
    _require_governor(actor, meeting)
    current = locked_meeting(meeting)
    if minutes_state(current) != MinutesStatus.DRAFT:
        raise Invalid(_("These minutes were circulated already."))
    if current.is_cancelled:
        raise Invalid(_("A cancelled meeting has no minutes to circulate."))
    now = timezone.now()
    if current.starts_at > now:
        raise Invalid(_("Minutes are circulated once the meeting has taken place."))
    if not current.minutes.strip():
        raise Invalid(_("Write the minutes before circulating them."))
    current.minutes_status = MinutesStatus.CIRCULATED
    current.minutes_circulated_at = now
    current.save(update_fields=["minutes_status", "minutes_circulated_at", "updated_at"])
    audit_log(
        action="governance.minutes.circulated",
        actor=actor,
        obj=current,
        network=current.committee.network,
        changes={"minutes_status": [MinutesStatus.DRAFT, MinutesStatus.CIRCULATED]},
    )
    meeting_email_send(meeting_pk=current.pk, kind="minutes_circulated")
    return current


@transaction.atomic
def minutes_comment(*, meeting: Meeting, author: AnyUser, text: str) -> MinutesComment:
    """A member's comment on minutes circulated to them, until they are approved."""
    current = Meeting.objects.select_related("committee__network").get(pk=meeting.pk)
    if not reads_minutes(author, current, as_member=True):
        raise NotFound
    if minutes_state(current) != MinutesStatus.CIRCULATED:
        raise Invalid(
            _("Comments are taken while the minutes are circulated, before they are approved.")
        )
    text = (text or "").strip()
    if not text:
        raise Invalid({"text": _("Write your comment.")})
    if len(text) > COMMENT_MAX_LENGTH:
        raise Invalid(
            {
                "text": _("Keep the comment under %(limit)d characters.")
                % {"limit": COMMENT_MAX_LENGTH}
            }
        )
    comment = MinutesComment.objects.create(meeting=current, author=_account(author), text=text)
    audit_log(
        action="governance.minutes.commented",
        actor=author,
        obj=current,
        network=current.committee.network,
        changes={"comment": [None, comment.pk]},
    )
    return comment


def _approving_meeting(minuted: Meeting, chosen: Meeting, now: datetime.datetime) -> Meeting:
    later = Meeting.objects.filter(pk=chosen.pk, committee_id=minuted.committee_id).first()
    if later is None:
        raise Invalid({"at_meeting": _("Choose a meeting of the same committee.")})
    if later.starts_at <= minuted.starts_at:
        raise Invalid({"at_meeting": _("Minutes are approved at a later meeting.")})
    if later.is_cancelled:
        raise Invalid({"at_meeting": _("That meeting was cancelled.")})
    if later.starts_at > now:
        raise Invalid({"at_meeting": _("That meeting has not started yet.")})
    return later


def _approving_decision(minuted: Meeting, chosen: Decision) -> Decision:
    decision = Decision.objects.filter(pk=chosen.pk, committee_id=minuted.committee_id).first()
    if decision is None:
        raise Invalid({"by_decision": _("Choose a decision of the same committee.")})
    # "Adopted as amended" is adopted too: the amendment is made to the minutes first.
    if decision.outcome not in (Outcome.ADOPTED, Outcome.AMENDED):
        raise Invalid({"by_decision": _("Only an adopted decision approves minutes.")})
    circulated = minuted.minutes_circulated_at
    if circulated is not None and decision.decided_at < circulated:
        raise Invalid(
            {"by_decision": _("That decision was taken before the minutes were circulated.")}
        )
    return decision


def _next_number(meeting: Meeting) -> int:
    last = meeting.minutes_versions.aggregate(last=Max("number"))["last"]
    return 1 if last is None else last + 1


@transaction.atomic
def minutes_approve(
    *,
    meeting: Meeting,
    actor: AnyUser,
    at_meeting: Meeting | None = None,
    by_decision: Decision | None = None,
) -> Meeting:
    """Record that the circulated minutes were approved: at a later meeting of the committee
    that has started (`at_meeting`), or by an adopted decision of the committee
    (`by_decision`, e.g. a consent round). The approved text becomes version 1."""
    _require_governor(actor, meeting)
    if (at_meeting is None) == (by_decision is None):
        raise Invalid(
            _(
                "Say how the minutes were approved: at a later meeting, or by a decision "
                "(one of the two)."
            )
        )
    current = locked_meeting(meeting)
    state = minutes_state(current)
    if state in (MinutesStatus.APPROVED, MinutesStatus.PUBLISHED):
        raise Invalid(_("These minutes are approved already."))
    if state != MinutesStatus.CIRCULATED:
        raise Invalid(_("Circulate the minutes to the members before they are approved."))
    if not current.minutes.strip():
        raise Invalid(_("Write the minutes before approving them."))
    now = timezone.now()
    later = _approving_meeting(current, at_meeting, now) if at_meeting is not None else None
    decision = _approving_decision(current, by_decision) if by_decision is not None else None
    current.minutes_status = MinutesStatus.APPROVED
    current.minutes_approved_at = now
    current.minutes_approved_in = later
    current.minutes_approved_by = decision
    current.save(
        update_fields=[
            "minutes_status",
            "minutes_approved_at",
            "minutes_approved_in",
            "minutes_approved_by",
            "updated_at",
        ]
    )
    MinutesVersion.objects.create(
        meeting=current,
        number=_next_number(current),
        text=current.minutes,
        approved_at=now,
        created_by=_account(actor),
    )
    changes: dict[str, list[Any]] = {
        "minutes_status": [MinutesStatus.CIRCULATED, MinutesStatus.APPROVED]
    }
    if later is not None:
        changes["meeting"] = [None, later.pk]
    if decision is not None:
        changes["decision"] = [None, decision.pk]
    audit_log(
        action="governance.minutes.approved",
        actor=actor,
        obj=current,
        network=current.committee.network,
        changes=changes,
    )
    return current


def _current_version(meeting: Meeting) -> MinutesVersion:
    """The version the minutes are at; made now for minutes approved before versions were
    kept (migration 0011 made those already published)."""
    current = meeting.minutes_versions.filter(replaced_at__isnull=True).order_by("-number").first()
    if current is None:
        current = MinutesVersion.objects.create(
            meeting=meeting,
            number=_next_number(meeting),
            text=meeting.minutes,
            approved_at=meeting.minutes_approved_at,
            published_at=meeting.minutes_published_at,
        )
    return current


@transaction.atomic
def minutes_publish(*, meeting: Meeting, actor: AnyUser) -> Meeting:
    """Publish approved minutes: anyone who sees the meeting reads them; the participants
    and the committee are told."""
    _require_governor(actor, meeting)
    current = locked_meeting(meeting)
    state = minutes_state(current)
    if state == MinutesStatus.PUBLISHED:
        raise Invalid(_("The minutes are already published."))
    if state != MinutesStatus.APPROVED:
        raise Invalid(
            _("Minutes are published once approved, at a later meeting or by a decision.")
        )
    now = timezone.now()
    current.minutes_status = MinutesStatus.PUBLISHED
    current.minutes_published_at = now
    current.save(update_fields=["minutes_status", "minutes_published_at", "updated_at"])
    version = _current_version(current)
    version.published_at = now
    version.save(update_fields=["published_at"])
    audit_log(
        action="governance.minutes.published",
        actor=actor,
        obj=current,
        network=current.committee.network,
        changes={"minutes_published_at": [None, now.isoformat()]},
    )
    meeting_email_send(meeting_pk=current.pk, kind="minutes")
    return current


@transaction.atomic
def minutes_correct(
    *, meeting: Meeting, actor: AnyUser, text: str, note: str, version: int | None = None
) -> MinutesVersion:
    """Correct approved (or published) minutes: a new version, `note` saying what was
    corrected. The earlier version stays readable by those who could read it, readers see
    the note with the minutes, and the participants and the committee are told. With
    `version` (the meeting's, as the corrector saw it), `EditConflict` if it changed since."""
    _require_governor(actor, meeting)
    if version is None:
        current = locked_meeting(meeting)
    else:
        current = lock_version(
            Meeting.objects.select_related("committee__network"), meeting.pk, version, of=("self",)
        )
    if not minutes_fixed(current):
        raise Invalid(_("These minutes are not approved yet: edit them instead."))
    text, note = (text or "").strip(), (note or "").strip()
    errors: dict[str, str] = {}
    if not text:
        errors["text"] = _("The corrected minutes cannot be empty.")
    elif text == current.minutes.strip():
        errors["text"] = _("This is the text as it stands: change what needs correcting.")
    if not note:
        errors["note"] = _("Say what was corrected: readers see this note with the minutes.")
    elif len(note) > CORRECTION_NOTE_MAX_LENGTH:
        errors["note"] = _("Keep the note under %(limit)d characters.") % {
            "limit": CORRECTION_NOTE_MAX_LENGTH
        }
    if errors:
        raise Invalid(errors)
    now = timezone.now()
    replaced = _current_version(current)
    replaced.replaced_at = now
    replaced.correction_note = note
    replaced.save(update_fields=["replaced_at", "correction_note"])
    corrected = MinutesVersion.objects.create(
        meeting=current,
        number=replaced.number + 1,
        text=text,
        published_at=now if minutes_state(current) == MinutesStatus.PUBLISHED else None,
        created_by=_account(actor),
    )
    before = history.snapshot(current)
    current.minutes = text
    save_version(current, update_fields=["minutes"])
    history.record(current, actor=actor, before=before, note=note)
    audit_log(
        action="governance.minutes.corrected",
        actor=actor,
        obj=current,
        network=current.committee.network,
        changes={"version": [replaced.number, corrected.number], "note": [None, note]},
    )
    meeting_email_send(meeting_pk=current.pk, kind="minutes_corrected")
    return corrected


# --- E-mails ------------------------------------------------------------------------------------


def meeting_email_send(
    *, meeting_pk: int, kind: str, previous_start: datetime.datetime | None = None
) -> None:
    """Ask for an e-mail to every participant about the meeting, in the transaction of the
    change; the worker writes each in the participant's language and time zone, with the
    calendar file (`inspir.governance.emails`): a notice to those with an account, whose
    e-mail it is (`inspir.governance.notices`), the e-mail alone to the others. Whoever made
    the change is told too: their calendar needs the .ics as much as anyone's."""
    notices.meeting_changed(meeting_pk, kind=kind, previous_start=previous_start, actor=None)
