"""Governance's rules as plain data and predicates: limits, deadlines, which states allow
what, who may act for a proposal's origin, which files are accepted.

This module sits below services and selectors: views, forms, selectors and services all read
the rules here, so that nothing but a call to a write needs the services. Nothing here writes
or queries beyond the record it is given."""

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _

from inspir.governance import slots
from inspir.governance.models import (
    AvailableHours,
    FollowUpStatus,
    Meeting,
    Outcome,
    Proposal,
    ProposalStatus,
)
from inspir.governance.permissions import can_act_for
from inspir.network.models import Level

# --- Proposals ----------------------------------------------------------------------------------

# Proposals are raised where movements work: national and continental networks.
RAISING_LEVELS = (Level.NATIONAL, Level.CONTINENTAL)
# With a committee, waiting for it to forward, answer or schedule.
PENDING = (ProposalStatus.SUBMITTED, ProposalStatus.FORWARDED)


def is_author(actor: Any, proposal: Proposal) -> bool:
    return bool(actor.is_authenticated and proposal.author_id == actor.pk)


def may_act_for_origin(actor: Any, proposal: Proposal) -> bool:
    """Who may edit or withdraw it: the author, and those who act for the network that
    raised it (its focal point, its committee, its coordinators)."""
    return is_author(actor, proposal) or can_act_for(actor, proposal.origin_network)


def may_submit(actor: Any, proposal: Proposal) -> bool:
    """Submitting is the network's act: those who act for the network that raised it. A
    member who drafted it asks them (its focal point, say) to submit it."""
    return can_act_for(actor, proposal.origin_network)


# --- Decisions ----------------------------------------------------------------------------------

# Outcomes that put the committee's network to work: they open follow-ups.
ACTED_UPON = (Outcome.ADOPTED, Outcome.AMENDED)
# What a network may report: "pending" is only where every follow-up starts.
REPORTABLE = (FollowUpStatus.IN_PROGRESS, FollowUpStatus.DONE, FollowUpStatus.NOT_APPLICABLE)
TITLE_MAX_LENGTH = 200
# Follow-ups are due this long after the decision unless the committee says otherwise.
FOLLOW_UP_PERIOD = datetime.timedelta(days=90)
# Follow-ups still waiting for the network to act: reminded when due, shown overdue after.
FOLLOW_UP_OPEN = (FollowUpStatus.PENDING, FollowUpStatus.IN_PROGRESS)


def default_follow_up_due(decided_on: datetime.date) -> datetime.date:
    """When follow-ups of a decision taken on `decided_on` are due by default."""
    return decided_on + FOLLOW_UP_PERIOD


def follow_up_overdue(follow_up: Any, today: datetime.date) -> bool:
    """Past its due date and neither done nor declared not applicable."""
    return (
        follow_up.due_on is not None
        and follow_up.due_on < today
        and follow_up.status in FOLLOW_UP_OPEN
    )


# --- Preparation --------------------------------------------------------------------------------

# Inputs are expected this long before the meeting unless the committee says otherwise.
DEFAULT_PREPARATION = datetime.timedelta(days=3)
INPUT_MAX_LENGTH = 10000


def default_deadline(meeting: Meeting) -> datetime.datetime:
    """Three days before the meeting; if that has passed already, the start of the meeting."""
    deadline = meeting.starts_at - DEFAULT_PREPARATION
    return deadline if deadline > timezone.now() else meeting.starts_at


def input_closes_at(meeting: Meeting) -> datetime.datetime:
    """Inputs are accepted until the preparation deadline, and never once the meeting began."""
    if meeting.preparation_deadline is None:
        return meeting.starts_at
    return min(meeting.preparation_deadline, meeting.starts_at)


def inputs_open(meeting: Meeting) -> bool:
    # Inputs are asked for when the agenda is circulated to the members, not when published.
    return (
        meeting.agenda_is_circulated
        and not meeting.is_cancelled
        and timezone.now() < input_closes_at(meeting)
    )


# --- Meeting documents --------------------------------------------------------------------------

DEFAULT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
# extension -> (MIME type, how the file's first bytes must begin)
OOXML = b"PK\x03\x04"
DOCUMENT_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "odt": ("application/vnd.oasis.opendocument.text", (OOXML,)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (OOXML,)),
    "odp": ("application/vnd.oasis.opendocument.presentation", (OOXML,)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (OOXML,),
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (OOXML,)),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        (OOXML,),
    ),
    "txt": ("text/plain", ()),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
}


def document_max_bytes() -> int:
    return int(getattr(settings, "GOVERNANCE_DOCUMENT_MAX_BYTES", DEFAULT_DOCUMENT_MAX_BYTES))


def document_check(upload: UploadedFile) -> str:
    """The MIME type of an acceptable upload; ValidationError saying what is wrong otherwise.
    The name's extension and the first bytes of the content must both match an allowed type."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = ", ".join(sorted({e.upper() for e in DOCUMENT_TYPES if e != "jpeg"}))
    if extension not in DOCUMENT_TYPES:
        raise ValidationError(
            _("This type of file is not accepted. Accepted types: %(types)s.") % {"types": allowed},
            code="type",
        )
    size = upload.size or 0
    limit = document_max_bytes()
    if size > limit:
        raise ValidationError(
            _("The file is too big (%(size)s MB); the limit is %(limit)s MB.")
            % {"size": f"{size / 1048576:.1f}", "limit": f"{limit / 1048576:.1f}"},
            code="size",
        )
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    mime, signatures = DOCUMENT_TYPES[extension]
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if signatures:
        matches = any(head.startswith(signature) for signature in signatures)
    else:  # plain text: no NUL byte, and readable as UTF-8 (or Latin-1 without control bytes)
        matches = b"\x00" not in head
    if not matches:
        raise ValidationError(
            _(
                "The content of this file does not match its name (.%(extension)s). "
                "Save it again in that format, or rename it."
            )
            % {"extension": extension},
            code="content",
        )
    return mime


# --- Acceptable hours ---------------------------------------------------------------------------


def shown_hours(hours: AvailableHours | None) -> tuple[datetime.time, datetime.time]:
    """A person's acceptable hours as the form shows them: theirs, else the default day."""
    if hours is None:
        return slots.DEFAULT_EARLIEST, slots.DEFAULT_LATEST
    return hours.earliest, hours.latest
