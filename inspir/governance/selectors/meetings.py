"""Reads for meetings: the list, one meeting with everything its page shows, the zones
offered when scheduling."""

import datetime
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db.models import FilteredRelation, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from inspir.accounts.permissions import AnyUser
from inspir.core.collation import name_order
from inspir.core.page_cache import shared_parts_kept, shared_value
from inspir.core.time import LocalTime, local, reader_zone, zone_of
from inspir.governance.models import (
    AgendaDocument,
    AgendaItem,
    Committee,
    Decision,
    InvitationAnswer,
    Mandate,
    Meeting,
    MeetingStatus,
    MinutesComment,
    MinutesStatus,
    MinutesVersion,
    Outcome,
    Participant,
)
from inspir.governance.permissions import (
    governance_readable_network_ids,
    governance_readable_networks,
    governing_network_ids,
    governing_networks,
)
from inspir.governance.selectors.access import (
    governed_meetings,
    meeting_is_visible,
    visible_meetings,
)
from inspir.governance.selectors.joins import joined, prefetched
from inspir.governance.selectors.texts import read_texts
from inspir.network.models import Network, Person


def meeting_list(
    *, user: AnyUser, committee_id: int | None = None, past: bool = False
) -> QuerySet[Meeting]:
    """Meetings `user` may see: upcoming ones soonest first, or past ones latest first."""
    meetings = visible_meetings(user).select_related("committee__network")
    if committee_id:
        meetings = meetings.filter(committee_id=committee_id)
    now = timezone.now()
    if past:
        return meetings.filter(ends_at__lt=now).order_by("-starts_at", "pk")
    return meetings.filter(ends_at__gte=now).order_by("starts_at", "pk")


def committee_choices(*, user: AnyUser) -> list[tuple[int, str]]:
    """Committees that have a meeting `user` may see, for the list's filter."""
    ids = visible_meetings(user).values("committee_id")
    return [
        (committee.pk, str(committee))
        for committee in Committee.objects.filter(pk__in=ids).select_related("network")
    ]


def _read_contents(meetings: QuerySet[Meeting], *, accounts: bool = True) -> Meeting | None:
    """The meeting of `meetings` (one at most) with its consultations, participants (and
    their accounts, unless told), agenda and documents, in three queries: the meeting joined
    with its consultations, the participants, the items joined with their documents."""
    rows = (
        meetings.annotate(consultation=FilteredRelation("consultations"))  # type: ignore[misc]  # a FilteredRelation, unknown to the stubs
        .select_related("committee__network", "consultation__network")
        .order_by(name_order("consultation__network__"), "consultation__pk")
    )
    found = joined(rows, "consultation", "consultations")
    if not found:
        return None
    meeting = found[0]
    participants = Participant.objects.filter(meeting_id=meeting.pk).select_related(
        "person__user" if accounts else "person"
    )
    prefetched(
        meeting,
        "participants",
        list(participants.order_by(name_order("person__"), "pk")),
    )
    items = (
        AgendaItem.objects.filter(meeting_id=meeting.pk)  # type: ignore[misc]  # a FilteredRelation, unknown to the stubs
        .annotate(document=FilteredRelation("documents"))
        .select_related("document")
        .order_by("position", "pk", "document__uploaded_at", "document__pk")
    )
    prefetched(meeting, "items", joined(items, "document", "documents"))
    return meeting


def meeting_get(*, user: AnyUser, pk: int, contents: bool = True) -> Meeting:
    """A meeting `user` may see, with its consultations, participants, agenda and documents,
    and whether `user` governs it (`may_govern`) or reads its network's governance in full
    (`may_read`); DoesNotExist otherwise. With `contents=False` and the shared parts kept,
    the meeting alone (what a page kept for its reader needs): `meeting_contents` gives the
    rest."""
    person_id = getattr(user, "person_id", None) if user.is_authenticated else None
    if shared_parts_kept():
        meeting = _shared_meeting(user=user, pk=pk, person_id=person_id, contents=contents)
    else:
        meetings = visible_meetings(user).filter(pk=pk)
        if person_id is not None:
            # The reader's own zone, read with the meeting rather than by a query of its own.
            own_zone = Person.objects.filter(pk=person_id).values("time_zone")[:1]
            meetings = meetings.annotate(reader_time_zone=Subquery(own_zone))
        found = _read_contents(meetings)
        if found is None:
            raise Meeting.DoesNotExist
        meeting = found
    # The reader's reach is read once per request: these need no query.
    network = meeting.committee.network_id
    governing = governing_network_ids(user)
    readable = governance_readable_network_ids(user)
    meeting.may_govern = governing is None or network in governing  # type: ignore[attr-defined]
    meeting.may_read = readable is None or network in readable  # type: ignore[attr-defined]
    return meeting


# What `meeting_get` works out for the reader, carried over to the meeting with contents.
_READER_ATTRIBUTES = ("may_govern", "may_read", "reader_time_zone")


def meeting_contents(meeting: Meeting) -> Meeting:
    """`meeting` (from `meeting_get`) with its consultations, participants, agenda and
    documents, as `meeting_get` reads them; the same object when it has them already."""
    if getattr(meeting, "_prefetched_objects_cache", None):
        return meeting
    full = shared_value("meeting-contents", (meeting.pk,), lambda: _contents(meeting.pk))
    if full is None:  # deleted meanwhile
        raise Meeting.DoesNotExist
    for name in _READER_ATTRIBUTES:
        if hasattr(meeting, name):
            setattr(full, name, getattr(meeting, name))
    return full


def _contents(pk: int) -> Meeting | None:
    # Kept for every reader: nothing of an account is kept there.
    return _read_contents(Meeting.objects.filter(pk=pk), accounts=False)


def _shared_meeting(*, user: AnyUser, pk: int, person_id: int | None, contents: bool) -> Meeting:
    """The meeting (with its contents, or alone) as every reader sees it, kept until the
    registry or governance changes (core/page_cache.py's shared parts), if `user` may see
    it: the same rule as `visible_meetings`, asked of the loaded meeting. The participants
    come without their accounts: nothing of an account is kept there."""
    meeting: Meeting | None
    if contents:
        meeting = shared_value("meeting-contents", (pk,), lambda: _contents(pk))
    else:
        meeting = shared_value(
            "meeting-alone",
            (pk,),
            lambda: Meeting.objects.select_related("committee__network").filter(pk=pk).first(),
        )
    if meeting is None or not meeting_is_visible(meeting, user):
        raise Meeting.DoesNotExist
    if person_id is not None:
        meeting.reader_time_zone = shared_value(  # type: ignore[attr-defined]
            "person-time-zone",
            (person_id,),
            lambda: Person.objects.filter(pk=person_id).values_list("time_zone", flat=True).first(),
        )
    return meeting


def meeting_page_texts(
    *,
    meeting: Meeting,
    preparation: Any = None,
    decisions: Any = None,
    minutes: "MinutesSection | None" = None,
) -> None:
    """Every text the meeting page shows its reader, read at once in their language and set
    on its record (`selectors.texts.read_texts`): the meeting's title and minutes, the agenda
    items and their documents, the networks' inputs the reader may read (`preparation`, the
    preparation part's context), the decisions (`decisions`, the decisions part's) and where
    the minutes were approved (`minutes`, the minutes section). Two queries whatever their
    number, kept for the readers of the same texts."""
    pairs: list[tuple[Any, str]] = [(meeting, "title")]
    for item in meeting.items.all():
        pairs += [(item, "title"), (item, "description")]
        pairs += [(document, "title") for document in item.documents.all()]
    if preparation:
        from inspir.governance.selectors.preparation import preparation_texts  # it needs us

        pairs += preparation_texts(preparation)
    if decisions:
        pairs += [(decision, "title") for decision in decisions["meeting_decisions"]]
        pairs += [(item, "title") for item in decisions["items_to_decide"]]
    if minutes is not None and minutes.shown:
        record = minutes.record
        pairs += [(meeting, "minutes"), (record.approved_in, "title")]
        pairs.append((record.approved_by, "title"))
    read_texts(pairs, kept_as="meeting-texts")


def meeting_title(meeting: Meeting, *, page: Callable[[], Meeting]) -> str:
    """The meeting's title in the reader's language, for the page's <title>: read with the
    page's other texts (`page`, `meeting_page_texts`), or on its own when the page's content
    is kept and served without reading them."""
    if shared_parts_kept():
        read_texts([(meeting, "title")], kept_as="meeting-title")
        return meeting.texts["title"].text  # type: ignore[attr-defined]
    return page().texts["title"].text  # type: ignore[attr-defined]


def meeting_reader_zone(*, meeting: Meeting, user: AnyUser) -> zoneinfo.ZoneInfo:
    """The zone the reader sees the meeting's times in (`reader_zone`), from what
    `meeting_get` read with the meeting when it could."""
    own = getattr(meeting, "reader_time_zone", None)
    return zone_of(own) if own else reader_zone(user, meeting.time_zone)


def governed_meeting_get(*, user: AnyUser, pk: int, contents: bool = False) -> Meeting:
    """A meeting of a committee `user` governs; DoesNotExist otherwise."""
    meetings = governed_meetings(user).filter(pk=pk)
    if not contents:
        return meetings.select_related("committee__network").get()
    meeting = _read_contents(meetings)
    if meeting is None:
        raise Meeting.DoesNotExist
    return meeting


def governed_committees(*, user: AnyUser) -> list[Committee]:
    """Committees whose meetings `user` may schedule."""
    if not user.is_authenticated:
        return []
    return list(
        Committee.objects.filter(network__in=governing_networks(user).values("pk"))
        .select_related("network")
        .order_by("network__level", name_order("network__"))
    )


def governed_committee_get(*, user: AnyUser, slug: str) -> Committee:
    """The committee of the network `slug`, if `user` governs that network."""
    return Committee.objects.select_related("network").get(
        network__slug=slug, network__in=governing_networks(user).values("pk")
    )


def governed_item_get(*, user: AnyUser, pk: int) -> AgendaItem:
    return AgendaItem.objects.select_related("meeting__committee__network").get(
        pk=pk, meeting__in=governed_meetings(user).values("pk")
    )


def governed_document_get(*, user: AnyUser, pk: int) -> AgendaDocument:
    return AgendaDocument.objects.select_related("item__meeting__committee__network").get(
        pk=pk, item__meeting__in=governed_meetings(user).values("pk")
    )


def visible_document_get(*, user: AnyUser, pk: int) -> AgendaDocument:
    """A document `user` may download: one marked public, of a meeting whose agenda is
    published; any other only for those who read the committee's governance in full (its
    members, the networks below it that it decides for, those who govern it)."""
    readable = governance_readable_networks(user).values("pk")
    return AgendaDocument.objects.select_related("item__meeting").get(
        Q(public=True, item__meeting__agenda_published_at__isnull=False)
        | Q(item__meeting__committee__network__in=readable),
        pk=pk,
    )


@dataclass(frozen=True)
class ParticipantTime:
    participant: Participant
    starts: LocalTime
    ends: LocalTime
    other_day: bool  # the local date is not the meeting's date in the meeting's zone


def participant_times(*, meeting: Meeting) -> list[ParticipantTime]:
    """Each participant with the meeting's time in their own zone (uses the prefetched
    participants)."""
    meeting_day = local(meeting.starts_at, meeting.zone).moment.date()
    rows = []
    for participant in meeting.participants.all():
        zone = participant.person.zone
        starts = local(meeting.starts_at, zone)
        rows.append(
            ParticipantTime(
                participant=participant,
                starts=starts,
                ends=local(meeting.ends_at, zone),
                other_day=starts.moment.date() != meeting_day,
            )
        )
    return rows


@dataclass(frozen=True)
class InvitationAnswers:
    """What the meeting page shows of the participants' answers: the reader's own
    participation (to answer it), whether it may still be answered, and the counts."""

    own: Participant | None
    open: bool  # the meeting is neither cancelled nor started: answers may still change
    attending: int
    not_attending: int
    unanswered: int
    delegates: int = 0  # those who send someone in their place


def invitation_answers(*, meeting: Meeting, user: AnyUser) -> InvitationAnswers:
    """From the prefetched participants: no query."""
    person_id = getattr(user, "person_id", None) if user.is_authenticated else None
    participants = list(meeting.participants.all())
    answers = [participant.answer for participant in participants]
    return InvitationAnswers(
        own=next((p for p in participants if person_id and p.person_id == person_id), None),
        open=not meeting.is_cancelled and meeting.starts_at > timezone.now(),
        attending=answers.count(InvitationAnswer.ATTENDING),
        not_attending=answers.count(InvitationAnswer.NOT_ATTENDING),
        unanswered=answers.count(""),
        delegates=answers.count(InvitationAnswer.DELEGATE),
    )


def own_invitation_get(*, user: AnyUser, pk: int) -> Participant:
    """The reader's own participation in meeting `pk`; DoesNotExist for anyone else."""
    person_id = getattr(user, "person_id", None) if user.is_authenticated else None
    if person_id is None:
        raise Participant.DoesNotExist
    return Participant.objects.select_related("meeting__committee__network", "person").get(
        meeting_id=pk, person_id=person_id
    )


def zone_choices(*, committee: Committee) -> list[tuple[str, list[tuple[str, str]]]]:
    """Time zones for the scheduling form: the zones of the committee and its members first,
    then every IANA zone."""
    member_zones = set(
        Mandate.objects.current()
        .filter(committee=committee)
        .values_list("person__time_zone", flat=True)
    )
    member_zones.add(committee.time_zone)
    first = sorted(member_zones)
    everything = sorted(zoneinfo.available_timezones() - {"localtime"} - member_zones)
    return [
        (_("Zones of the committee and its members"), [(name, name) for name in first]),
        (_("All time zones"), [(name, name) for name in everything]),
    ]


def candidate_people(*, committee: Committee) -> QuerySet[Person]:
    """People who may be added to a meeting of `committee`: those of the organisations in its
    network and the networks below, and anyone holding a seat on it."""
    networks = Network.objects.subtree_of([committee.network_id]).values("pk")
    return (
        Person.objects.filter(
            Q(organisation__memberships__network__in=networks) | Q(mandates__committee=committee)
        )
        .distinct()
        .order_by(name_order())
    )


# --- Minutes ------------------------------------------------------------------------------------


def minutes_state(meeting: Meeting) -> str:
    """Where the minutes stand (MinutesStatus); minutes published before their statuses
    existed count as published."""
    if meeting.minutes_published_at is not None:
        return MinutesStatus.PUBLISHED
    return meeting.minutes_status


def minutes_fixed(meeting: Meeting) -> bool:
    """Approved (or published): the text changes only through a correction."""
    return minutes_state(meeting) in (MinutesStatus.APPROVED, MinutesStatus.PUBLISHED)


def meeting_reach(user: AnyUser, meeting: Meeting) -> tuple[bool, bool]:
    """(governs the meeting's committee, reads its governance in full: a member), from what
    `meeting_get` annotated or the reader's reach, read once per request: no query."""
    if not user.is_authenticated:
        return False, False
    network = meeting.committee.network_id
    governs = getattr(meeting, "may_govern", None)
    if governs is None:
        governing = governing_network_ids(user)
        governs = governing is None or network in governing
    reads = getattr(meeting, "may_read", None)
    if reads is None:
        readable = governance_readable_network_ids(user)
        reads = readable is None or network in readable
    return bool(governs), bool(reads) or bool(governs)


def reads_minutes(user: AnyUser, meeting: Meeting, *, as_member: bool = False) -> bool:
    """Whether `user`, who sees the meeting, reads its minutes: a draft those who govern the
    committee; circulated or approved minutes its members too; published ones anyone
    (`as_member`: only as one of its members, to comment)."""
    governs, member = meeting_reach(user, meeting)
    state = minutes_state(meeting)
    if governs:
        return True
    if state == MinutesStatus.DRAFT:
        return False
    if state == MinutesStatus.PUBLISHED and not as_member:
        return True
    return member


def version_readable(version: MinutesVersion, *, member: bool) -> bool:
    """An earlier version is read by whoever could read it: anyone once it was published,
    otherwise the committee's members (who read approved minutes)."""
    return member or version.published_at is not None


@dataclass(frozen=True)
class ShownComment:
    author: str  # empty for an erased account
    text: str
    created_at: datetime.datetime


@dataclass(frozen=True)
class MinutesRecord:
    """What the minutes section shows that is the same for every reader (kept for all):
    the versions (without their text), the comments, where they were approved."""

    versions: list[MinutesVersion]
    comments: list[ShownComment]
    approved_in: Meeting | None
    approved_by: Decision | None


def _minutes_record(meeting: Meeting) -> MinutesRecord:
    """Only what the minutes' state may hold: versions from their approval on, comments from
    their circulation on (no query for a draft)."""
    state = minutes_state(meeting)
    versions = (
        list(MinutesVersion.objects.filter(meeting_id=meeting.pk).defer("text").order_by("number"))
        if state in (MinutesStatus.APPROVED, MinutesStatus.PUBLISHED)
        else []
    )
    comments = (
        [
            ShownComment(str(c.author) if c.author else "", c.text, c.created_at)
            for c in MinutesComment.objects.filter(meeting_id=meeting.pk)
            .select_related("author")
            .order_by("created_at", "pk")
        ]
        if state != MinutesStatus.DRAFT
        else []
    )
    approved_in = (
        Meeting.objects.only("pk", "title", "starts_at", "time_zone")
        .filter(pk=meeting.minutes_approved_in_id)
        .first()
        if meeting.minutes_approved_in_id
        else None
    )
    approved_by = (
        Decision.objects.only("pk", "title", "decided_at")
        .filter(pk=meeting.minutes_approved_by_id)
        .first()
        if meeting.minutes_approved_by_id
        else None
    )
    return MinutesRecord(versions, comments, approved_in, approved_by)


@dataclass
class MinutesSection:
    """What the meeting page's minutes section shows its reader and lets them do. The flags
    need no query; the record (versions, comments) is read when the section is rendered."""

    meeting: Meeting
    state: str
    shown: bool  # the reader reads the minutes
    member: bool  # a member of the committee: comments, versions not published
    may_govern: bool
    may_edit: bool
    may_circulate: bool
    may_comment: bool
    may_approve: bool
    may_publish: bool
    may_correct: bool
    sharing: tuple[object, ...] = field(default=())

    @cached_property
    def record(self) -> MinutesRecord:
        return shared_value(
            "meeting-minutes-record", (self.meeting.pk,), lambda: _minutes_record(self.meeting)
        )

    @property
    def comments(self) -> list[ShownComment]:
        return self.record.comments if self.member else []

    @property
    def corrections(self) -> list[MinutesVersion]:
        """The versions a correction replaced, each with its note and date, latest first:
        whoever reads the minutes sees what was corrected."""
        return [v for v in reversed(self.record.versions) if v.replaced_at is not None]

    @property
    def earlier(self) -> list[MinutesVersion]:
        """The replaced versions this reader may open."""
        return [v for v in self.corrections if version_readable(v, member=self.member)]


def minutes_section(*, meeting: Meeting, user: AnyUser) -> MinutesSection:
    """The minutes section of the meeting page for `user`, who sees the meeting. No query."""
    governs, member = meeting_reach(user, meeting)
    state = minutes_state(meeting)
    written = bool(meeting.minutes.strip())
    held = meeting.starts_at <= timezone.now() and not meeting.is_cancelled
    section = MinutesSection(
        meeting=meeting,
        state=state,
        shown=reads_minutes(user, meeting),
        member=member,
        may_govern=governs,
        may_edit=governs and state in (MinutesStatus.DRAFT, MinutesStatus.CIRCULATED),
        may_circulate=governs and state == MinutesStatus.DRAFT and written and held,
        may_comment=member and state == MinutesStatus.CIRCULATED,
        may_approve=governs and state == MinutesStatus.CIRCULATED,
        may_publish=governs and state == MinutesStatus.APPROVED,
        may_correct=governs and state in (MinutesStatus.APPROVED, MinutesStatus.PUBLISHED),
    )
    # What the kept section varies on besides the data (`{% shared_part %}`).
    section.sharing = (state, section.shown, member, governs, held)
    return section


def minutes_version_get(*, user: AnyUser, pk: int, number: int) -> MinutesVersion:
    """Version `number` of the minutes of meeting `pk`, if `user` sees the meeting and may
    read that version; MinutesVersion.DoesNotExist otherwise."""
    meeting = meeting_get(user=user, pk=pk, contents=False)
    version = MinutesVersion.objects.get(meeting_id=meeting.pk, number=number)
    _governs, member = meeting_reach(user, meeting)
    if not version_readable(version, member=member):
        raise MinutesVersion.DoesNotExist
    version.meeting = meeting
    return version


def approval_choices(*, meeting: Meeting) -> tuple[QuerySet[Meeting], QuerySet[Decision]]:
    """Where the minutes of `meeting` may be approved: a later meeting of its committee that
    has started (not cancelled), or an adopted decision of the committee taken since they
    were circulated; latest first."""
    now = timezone.now()
    meetings = (
        Meeting.objects.filter(
            committee_id=meeting.committee_id,
            starts_at__gt=meeting.starts_at,
            starts_at__lte=now,
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("-starts_at", "-pk")
    )
    decisions = Decision.objects.filter(
        committee_id=meeting.committee_id, outcome__in=(Outcome.ADOPTED, Outcome.AMENDED)
    ).order_by("-decided_at", "-pk")
    if meeting.minutes_circulated_at is not None:
        decisions = decisions.filter(decided_at__gte=meeting.minutes_circulated_at)
    return meetings, decisions
