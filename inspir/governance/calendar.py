"""Meetings as iCalendar (RFC 5545): one file per meeting, and subscribable feeds.

Times are written in UTC ("…Z"): unambiguous, and every calendar application shows them in
its reader's own zone; the meeting's zone is named in the description. A meeting keeps the
same UID for life, and its SEQUENCE grows with every change that matters (time, place, link,
format, title) and with its cancellation, so that calendars update or remove the event in
place instead of adding a second one. Labels are in the active language. An invitation or a
cancellation (iTIP, RFC 5546) names the platform as organizer and every participant as an
attendee with their answer so far; a published file or feed names nobody (the committee's
feed is public)."""

import datetime
from collections.abc import Iterable
from email.utils import parseaddr
from typing import Any

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText, vUri

from inspir.core.site import site_host, site_url
from inspir.core.texts import Shown, key, plain, shown_all
from inspir.core.time import local
from inspir.governance.models import InvitationAnswer, Meeting, MeetingFormat, Participant

PRODID = "-//INSP!R//Governance//EN"
# How often subscribed calendars should fetch a feed again.
REFRESH_INTERVAL = datetime.timedelta(hours=6)
METHODS = frozenset({"PUBLISH", "REQUEST", "CANCEL"})
# A participant's own answer as iTIP's participation status (RFC 5545, 3.2.12).
PARTSTAT = {
    InvitationAnswer.ATTENDING: "ACCEPTED",
    InvitationAnswer.NOT_ATTENDING: "DECLINED",
    InvitationAnswer.DELEGATE: "DELEGATED",
    "": "NEEDS-ACTION",
}


def meeting_uid(meeting: Meeting) -> str:
    """The same for the meeting's whole life, whatever is edited."""
    return f"{meeting.uid}@{site_host()}"


def meeting_url(meeting: Meeting) -> str:
    return site_url(meeting.get_absolute_url())


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC).replace(microsecond=0)


def _summary(meeting: Meeting, title: str) -> str:
    summary = f"{meeting.committee} — {title}"
    if meeting.is_cancelled:
        summary = _("Cancelled: %(summary)s") % {"summary": summary}
    return summary


def titles_read(meetings: Iterable[Meeting]) -> dict[tuple[str, Any, str], Shown]:
    """The titles of `meetings` and of their published agendas' items as their reader sees
    them (in the active language, else the original marked): two queries for a whole feed."""
    pairs: list[tuple[Any, str]] = []
    for meeting in meetings:
        pairs.append((meeting, "title"))
        if meeting.agenda_is_published:
            pairs += [(item, "title") for item in meeting.items.all()]
    return shown_all(pairs)


def _title(obj: Any, titles: dict[tuple[str, Any, str], Shown]) -> str:
    found = titles.get(key(obj, "title"))
    return plain(found) if found is not None else obj.title


def _description(meeting: Meeting, titles: dict[tuple[str, Any, str], Shown]) -> str:
    starts = local(meeting.starts_at, meeting.zone)
    ends = local(meeting.ends_at, meeting.zone)
    lines = []
    if meeting.is_cancelled:
        lines += [_("This meeting is cancelled."), ""]
    lines.append(
        _("In the meeting's time zone: %(starts)s – %(ends)s (%(zone)s)")
        % {
            "starts": formats.date_format(starts.moment, "DATETIME_FORMAT"),
            "ends": formats.date_format(ends.moment, "TIME_FORMAT"),
            "zone": starts.label,
        }
    )
    lines.append(_("Format: %(format)s") % {"format": meeting.get_format_display()})
    if meeting.location:
        lines.append(_("Place: %(place)s") % {"place": meeting.location})
    if meeting.video_url:
        lines.append(_("Video link: %(url)s") % {"url": meeting.video_url})
    if meeting.agenda_is_published:
        items = list(meeting.items.all())
        if items:
            lines += ["", _("Agenda:")]
            lines += [
                f"{number}. {_title(item, titles)}" for number, item in enumerate(items, start=1)
            ]
    lines += ["", _("Meeting page: %(url)s") % {"url": meeting_url(meeting)}]
    return "\n".join(lines)


def _location(meeting: Meeting) -> str:
    if meeting.location:
        return meeting.location
    if meeting.format == MeetingFormat.VIRTUAL or meeting.video_url:
        return meeting.video_url
    return ""


def _organizer() -> vCalAddress:
    """The platform, never a person: the file may be read by anyone it is sent to."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address or 'no-reply@' + site_host()}")
    organizer.params["CN"] = vText(name or "INSP!R")
    return organizer


def _address(participant: Participant) -> str:
    """Where the participant is written to: their active account's address, else the
    registry's; "" when they have neither."""
    account = getattr(participant.person, "user", None)
    if account is not None and account.is_active and account.email:
        return str(account.email)
    return participant.person.email


def _attendees(meeting: Meeting) -> list[vCalAddress]:
    """Every participant, with their answer so far (one query)."""
    attendees = []
    for participant in meeting.participants.select_related("person__user").order_by(
        "person__name", "pk"
    ):
        address = _address(participant)
        if not address:
            continue  # a calendar address is required; nobody can be written to anyway
        attendees.append(
            vCalAddress.new(
                address,
                cn=participant.person.name,
                partstat=PARTSTAT.get(participant.answer, "NEEDS-ACTION"),
                role="REQ-PARTICIPANT",
                rsvp=True,
            )
        )
    return attendees


def meeting_event(
    meeting: Meeting,
    *,
    method: str = "PUBLISH",
    titles: dict[tuple[str, Any, str], Shown] | None = None,
) -> Event:
    """One VEVENT, its titles in the active language (the original, marked, where no
    translation exists): `titles` from `titles_read`, read for this meeting alone when not
    given. Reads `meeting.committee.network` and, once the agenda is published,
    `meeting.items`: select or prefetch them when writing many. An invitation or a
    cancellation (iTIP) also reads the participants, in one more query; a published file or
    feed names nobody (the committee's feed is public)."""
    if titles is None:
        titles = titles_read([meeting])
    cancelled = meeting.is_cancelled or method == "CANCEL"
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", _utc(timezone.now()))
    event.add("dtstart", _utc(meeting.starts_at))
    event.add("dtend", _utc(meeting.ends_at))
    event.add("sequence", meeting.sequence)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("summary", _summary(meeting, _title(meeting, titles)))
    event.add("description", _description(meeting, titles))
    location = _location(meeting)
    if location:
        event.add("location", location)
    event.add("url", vUri(meeting_url(meeting)), parameters={"VALUE": "URI"})
    if meeting.video_url:
        event.add(
            "conference",
            vUri(meeting.video_url),
            parameters={"VALUE": "URI", "FEATURE": "VIDEO", "LABEL": _("Video link")},
        )
    if method != "PUBLISH":
        # iTIP (RFC 5546) requires the organizer and every attendee in invitations and
        # cancellations: calendars match the recipient among the attendees to offer a reply.
        event.add("organizer", _organizer())
        for attendee in _attendees(meeting):
            event.add("attendee", attendee)
    event.add("created", _utc(meeting.created_at))
    event.add("last-modified", _utc(meeting.updated_at))
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    return event


def _calendar(method: str) -> Calendar:
    if method not in METHODS:
        raise ValueError(f"unknown iTIP method {method!r}")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    return calendar


def _text(calendar: Calendar) -> str:
    # `to_ical` ends lines with CRLF and folds them at 75 octets, as RFC 5545 requires.
    return calendar.to_ical().decode("utf-8")


def meeting_ics(meeting: Meeting, *, method: str = "PUBLISH") -> str:
    """One meeting as an .ics file: "PUBLISH" to download, "REQUEST" attached to the
    invitation or update e-mail, "CANCEL" to the cancellation."""
    calendar = _calendar(method)
    calendar.add_component(meeting_event(meeting, method=method))
    return _text(calendar)


def feed_ics(meetings: Iterable[Meeting], *, name: str) -> str:
    """A subscribable calendar of `meetings` (cancelled ones included, marked CANCELLED, so
    that subscribed calendars drop them), in the language of its address."""
    meetings = list(meetings)
    titles = titles_read(meetings)
    calendar = _calendar("PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH_INTERVAL)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, titles=titles))
    return _text(calendar)
