"""Committees, their seats and mandates; meetings; proposals, decisions and their follow-ups.

Every time is stored in UTC; a meeting keeps its own IANA zone, and each person theirs
(`network.Person.time_zone`), so that every reader sees the time in their own zone."""

import datetime
import uuid
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from inspir.core.versioning import Versioned
from inspir.network.models import Network, Organisation, Person, validate_time_zone


class Domain(models.TextChoices):
    """The four domains of the network's action plan."""

    LEARNING = "learning", _("Learning and capacity building")
    ADVOCACY = "advocacy", _("Advocacy")
    COMMUNICATION = "communication", _("Communication")
    FINANCING = "financing", _("Financing social protection")


# ---------------------------------------------------------------------------------------------
# Committees, seat rules, mandates
# ---------------------------------------------------------------------------------------------


class QuorumRule(models.TextChoices):
    """How many of the full seats filled on the day must give a position for a decision."""

    MAJORITY = "majority", _("more than half of the full seats filled")
    TWO_THIRDS = "two_thirds", _("two thirds of the full seats filled")
    ALL = "all", _("every full seat filled")


class Committee(models.Model):
    """The steering committee of one network (intercontinental, continental or national)."""

    network = models.OneToOneField(
        Network, verbose_name=_("network"), on_delete=models.PROTECT, related_name="committee"
    )
    # Written in one language; its translations are kept beside it (core/texts.py).
    description = models.TextField(_("description"), blank=True)
    # Where the committee meets by default; each meeting may choose another zone.
    time_zone = models.CharField(
        _("time zone"), max_length=64, validators=[validate_time_zone], default="UTC"
    )
    # How many full members' positions a decision needs (governance/consent.py).
    quorum = models.CharField(
        _("quorum"), max_length=20, choices=QuorumRule.choices, default=QuorumRule.MAJORITY
    )

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["network__level", "network__name"]

    def __str__(self) -> str:
        return str(_("Steering committee of %(network)s") % {"network": self.network.name})

    def get_absolute_url(self) -> str:
        return reverse("governance:committee_detail", kwargs={"slug": self.network.slug})


class SeatRole(models.TextChoices):
    REPRESENTATIVE = "representative", _("representative")
    THEMATIC_COORDINATOR = "thematic_coordinator", _("thematic coordinator")
    CONTINENTAL_COORDINATOR = "continental_coordinator", _("continental coordinator")
    COORDINATING_ORGANISATION = "coordinating_organisation", _("coordinating organisation")
    CHAIR = "chair", _("chair")
    MEMBER = "member", pgettext_lazy("committee seat", "member")


class SeatKind(models.TextChoices):
    VOTING = "voting", _("full member")
    ADVISORY = "advisory", _("advisory")
    # The coordinating organisation prepares and facilitates the meetings and follows up
    # between them; it is not counted among the committee's members.
    FACILITATION = "facilitation", _("facilitation")
    # Follows the committee's work and may attend; neither heard on a decision nor counted.
    OBSERVER = "observer", _("observer")


class Office(models.TextChoices):
    """An office on a committee: its holders schedule and cancel the meetings, set the
    agenda, record decisions and keep the minutes (governance/permissions.py)."""

    NONE = "", _("no office")
    CHAIR = "chair", _("chair")
    SECRETARIAT = "secretariat", _("secretariat")


class SeatRule(models.Model):
    """One line of a committee's composition, kept as data: "2 representatives of the
    committee of the West Africa network", "1 person for the coordinating organisation",
    "1 thematic coordinator (advisory) with the Asia network's representatives"."""

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="rules"
    )
    role = models.CharField(_("role"), max_length=30, choices=SeatRole.choices)
    kind = models.CharField(
        _("kind of seat"), max_length=20, choices=SeatKind.choices, default=SeatKind.VOTING
    )
    # Whom the seats speak for: a network, an organisation, or nobody in particular.
    constituency_network = models.ForeignKey(
        Network,
        verbose_name=_("for the network"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    constituency_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("for the organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The office its holders hold: the chair's seat, the secretariat's (e.g. the
    # coordinating organisation's facilitation), or none.
    office = models.CharField(
        _("office"), max_length=20, choices=Office.choices, blank=True, default=Office.NONE
    )
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    # Below this many filled seats the rule is broken, not merely short of someone.
    minimum = models.PositiveSmallIntegerField(_("at least"), default=0)
    # Representatives must themselves sit on the committee of the network they speak for.
    from_network_committee = models.BooleanField(
        _("chosen from that network's own committee"), default=False
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("seat rule")
        verbose_name_plural = _("seat rules")
        ordering = ["committee", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minimum__lte=models.F("seats")), name="seat_rule_minimum_within_seats"
            ),
            models.CheckConstraint(
                condition=Q(constituency_network__isnull=True)
                | Q(constituency_organisation__isnull=True),
                name="seat_rule_one_constituency",
            ),
        ]

    def __str__(self) -> str:
        constituency = self.constituency_network or self.constituency_organisation
        label = f"{self.seats} × {self.get_role_display()}"
        return f"{label} — {constituency}" if constituency else label


class MandateQuerySet(models.QuerySet["Mandate"]):
    def current(self, on: datetime.date | None = None) -> "MandateQuerySet":
        on = on or timezone.localdate()
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=on), start_date__lte=on)


class StandingMandateManager(models.Manager["Mandate"]):
    """Mandates that stand: one withdrawn as entered by mistake is gone from the
    composition, the rules and every permission, and kept only in the log
    (`Mandate.all_entered`)."""

    def get_queryset(self) -> MandateQuerySet:
        return MandateQuerySet(self.model, using=self._db).filter(withdrawn_at__isnull=True)

    def current(self, on: datetime.date | None = None) -> MandateQuerySet:
        return self.get_queryset().current(on)


class Mandate(models.Model):
    """A person holds a seat of a committee, under one of its rules, from a date to a date."""

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="mandates"
    )
    rule = models.ForeignKey(
        SeatRule, verbose_name=_("seat"), on_delete=models.PROTECT, related_name="mandates"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="mandates"
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    # Withdrawn: entered by mistake, so as if it had never been (not ended: it never began).
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawal_reason = models.CharField(_("why it is withdrawn"), max_length=200, blank=True)

    objects = StandingMandateManager()
    all_entered = MandateQuerySet.as_manager()

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        ordering = ["rule__position", "start_date", "person__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="mandate_ends_after_it_starts",
            ),
        ]
        indexes = [models.Index(fields=["committee", "start_date", "end_date"])]

    def __str__(self) -> str:
        return f"{self.person} — {self.rule}"


def default_earliest() -> datetime.time:
    return datetime.time(7, 0)


def default_latest() -> datetime.time:
    return datetime.time(21, 0)


class AvailableHours(models.Model):
    """The local hours in which a person accepts to meet (07:00-21:00 unless they say
    otherwise); the slot finder ranks candidate times against them."""

    person = models.OneToOneField(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="available_hours"
    )
    # Functions, not fixed times: Django's checks take a fixed time within a few hours of
    # the current one for a forgotten "now" and warn (07:00 and 21:00 UTC each day).
    earliest = models.TimeField(_("from"), default=default_earliest)
    latest = models.TimeField(_("until"), default=default_latest)
    # Hard limits, where the person sets them: no suggestion ever starts before
    # `never_before` or ends after `never_after` in their local time.
    never_before = models.TimeField(_("never before"), null=True, blank=True)
    never_after = models.TimeField(_("never after"), null=True, blank=True)

    class Meta:
        verbose_name = _("acceptable meeting hours")
        verbose_name_plural = _("acceptable meeting hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(latest__gt=models.F("earliest")), name="available_hours_in_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.earliest:%H:%M}-{self.latest:%H:%M}"


# ---------------------------------------------------------------------------------------------
# Meetings
# ---------------------------------------------------------------------------------------------


class MeetingFormat(models.TextChoices):
    VIRTUAL = "virtual", _("virtual")
    IN_PERSON = "in_person", _("in person")
    HYBRID = "hybrid", _("hybrid")


class MeetingKind(models.TextChoices):
    """What a meeting is in the network's life: most are the committee's own; a general
    assembly gathers the members; the founding meeting is where the network began."""

    COMMITTEE = "committee", _("committee meeting")
    GENERAL_ASSEMBLY = "general_assembly", _("general assembly")
    FOUNDING = "founding", _("founding meeting")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    CANCELLED = "cancelled", _("cancelled")
    # Not stored: a scheduled meeting that has ended is held (`Meeting.is_held`).
    HELD = "held", _("held")


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    CIRCULATED = "circulated", _("circulated to the members")
    APPROVED = "approved", _("approved")
    PUBLISHED = "published", _("published")


class Meeting(Versioned):
    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind of meeting"),
        max_length=20,
        choices=MeetingKind.choices,
        default=MeetingKind.COMMITTEE,
    )
    format = models.CharField(
        _("format"), max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.VIRTUAL
    )
    starts_at = models.DateTimeField(_("starts"))  # UTC
    ends_at = models.DateTimeField(_("ends"))  # UTC
    time_zone = models.CharField(
        _("time zone of the meeting"), max_length=64, validators=[validate_time_zone]
    )
    location = models.CharField(_("place"), max_length=200, blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    # Calendars recognise the same event by its UID and apply a change when SEQUENCE grows.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # The agenda is circulated to the committee and the networks it consults, and, as a
    # separate act, published to the public.
    agenda_circulated_at = models.DateTimeField(_("agenda circulated"), null=True, blank=True)
    agenda_published_at = models.DateTimeField(_("agenda published"), null=True, blank=True)
    preparation_deadline = models.DateTimeField(_("inputs expected by"), null=True, blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    # Draft, then circulated to the members for comments, approved (at a later meeting or by
    # a consent round), and only then published; a correction after approval is a new
    # version (MinutesVersion).
    minutes_status = models.CharField(
        _("minutes"), max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    minutes_circulated_at = models.DateTimeField(_("minutes circulated"), null=True, blank=True)
    minutes_approved_at = models.DateTimeField(_("minutes approved"), null=True, blank=True)
    minutes_approved_in = models.ForeignKey(
        "self",
        verbose_name=_("minutes approved at"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="minutes_approved_here",
    )
    minutes_approved_by = models.ForeignKey(
        "Decision",
        verbose_name=_("minutes approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    minutes_published_at = models.DateTimeField(_("minutes published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_it_starts"
            ),
        ]
        indexes = [models.Index(fields=["committee", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting_detail", kwargs={"pk": self.pk})

    @cached_property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def is_held(self) -> bool:
        """Scheduled and over: held, on its own, and no longer cancellable."""
        return self.status == MeetingStatus.SCHEDULED and self.ends_at <= timezone.now()

    @property
    def shown_status(self) -> str:
        return MeetingStatus.HELD if self.is_held else self.status

    def get_shown_status_display(self) -> str:
        return str(MeetingStatus(self.shown_status).label)

    @property
    def agenda_is_circulated(self) -> bool:
        return self.agenda_circulated_at is not None

    @property
    def agenda_is_published(self) -> bool:
        return self.agenda_published_at is not None

    @property
    def minutes_are_published(self) -> bool:
        return self.minutes_published_at is not None


class MinutesVersion(models.Model):
    """Minutes as approved, kept when a correction after approval replaces them: readers
    see the current text with the correction's note, and every earlier version."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="minutes_versions",
    )
    number = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(_("minutes"))
    # Why the version that replaced this one was made (empty on the current one).
    correction_note = models.TextField(_("what was corrected"), blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    replaced_at = models.DateTimeField(_("replaced"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("version of the minutes")
        verbose_name_plural = _("versions of the minutes")
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_minutes_version_each")
        ]

    def __str__(self) -> str:
        return f"{self.meeting} — {self.number}"


class MinutesComment(models.Model):
    """A member's comment on minutes circulated for comments, before they are approved."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="minutes_comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("comment on the minutes")
        verbose_name_plural = _("comments on the minutes")
        ordering = ["meeting", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.author} — {self.meeting}"


class AgendaItem(Versioned):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what to prepare"), blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("minutes allotted"), null=True, blank=True
    )
    proposal = models.ForeignKey(
        "Proposal",
        verbose_name=_("proposal"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "pk"]

    def __str__(self) -> str:
        return self.title


def agenda_document_path(instance: "AgendaDocument", filename: str) -> str:
    # The stored name is not the uploaded one: readers get the title, not a guessable path.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"governance/meetings/{instance.item.meeting_id}/{uuid.uuid4().hex}.{extension}"


class AgendaDocument(models.Model):
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=agenda_document_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    # Documents are for the committee's members and the networks consulted unless marked
    # public: a published agenda shows only the public ones to visitors.
    public = models.BooleanField(_("public"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["item", "uploaded_at"]

    def __str__(self) -> str:
        return self.title


class Attendance(models.TextChoices):
    INVITED = "invited", _("invited")
    PRESENT = "present", _("present")
    EXCUSED = "excused", _("excused")
    ABSENT = "absent", _("absent")


class InvitationAnswer(models.TextChoices):
    """What an invited participant answered before the meeting, kept apart from the
    attendance the committee records after it."""

    ATTENDING = "attending", _("will attend")
    NOT_ATTENDING = "not_attending", _("cannot attend")
    # Sends someone in their place (named in the note).
    DELEGATE = "delegate", _("sends a delegate")


ANSWER_NOTE_MAX_LENGTH = 500


class Participant(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="participations"
    )
    attendance = models.CharField(
        _("attendance"), max_length=20, choices=Attendance.choices, default=Attendance.INVITED
    )
    # The participant's own answer to the invitation ("" until they answer), changeable
    # until the meeting starts; theirs, like its note (governance/personal_data.py).
    answer = models.CharField(
        _("answer"), max_length=20, choices=InvitationAnswer.choices, blank=True, default=""
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer_note = models.CharField(
        _("note to the committee"), max_length=ANSWER_NOTE_MAX_LENGTH, blank=True, default=""
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["meeting", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_participation_each")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.meeting}"


class ActingAs(models.TextChoices):
    """In which capacity a person acted for a network (gave its input, reported, endorsed):
    by a role held at that network itself, by a seat on its committee, or on its behalf from
    a role held above it (a continental coordinator acting for a national network)."""

    FOCAL_POINT = "focal_point", _("focal point")
    COORDINATOR = "coordinator", _("coordinator")
    COMMITTEE_MEMBER = "committee_member", _("committee member")
    ON_BEHALF = "on_behalf", _("on behalf of the network")


class Consultation(models.Model):
    """A network asked to prepare its input on a meeting's agenda: the committee's own
    constituencies when the agenda is published, and national networks that their
    continental committee chooses to consult in turn."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="consultations"
    )
    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="+"
    )
    # The consultation this one was opened from (a continental one for a national network).
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["meeting", "network__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "network"], name="one_consultation_each")
        ]

    def __str__(self) -> str:
        return f"{self.network} — {self.meeting}"


class AgendaInput(Versioned):
    """What a consulted network brings to one agenda item."""

    item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="inputs"
    )
    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField(_("input"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # How the author acted for the network (empty on inputs given before it was recorded).
    author_as = models.CharField(max_length=20, choices=ActingAs.choices, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("input")
        verbose_name_plural = _("inputs")
        ordering = ["item", "network__name"]
        constraints = [models.UniqueConstraint(fields=["item", "network"], name="one_input_each")]

    def __str__(self) -> str:
        return f"{self.network} — {self.item}"


# ---------------------------------------------------------------------------------------------
# Proposals
# ---------------------------------------------------------------------------------------------


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    FORWARDED = "forwarded", _("forwarded to the level above")
    ON_AGENDA = "on_agenda", _("on an agenda")
    ADOPTED = "adopted", _("adopted")
    AMENDED = "amended", _("adopted as amended")
    REJECTED = "rejected", _("rejected")
    WITHDRAWN = "withdrawn", _("withdrawn")


PROPOSAL_CLOSED = (
    ProposalStatus.ADOPTED,
    ProposalStatus.AMENDED,
    ProposalStatus.REJECTED,
    ProposalStatus.WITHDRAWN,
)


class Proposal(Versioned):
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("proposal"))
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    # Raised by a network (or by a member organisation within it)...
    origin_network = models.ForeignKey(
        Network, verbose_name=_("raised by"), on_delete=models.PROTECT, related_name="+"
    )
    origin_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("on behalf of the organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # ...and now with the committee of this network (it moves up as it is forwarded).
    network = models.ForeignKey(
        Network, verbose_name=_("now with"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["network", "status"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:proposal_detail", kwargs={"pk": self.pk})

    @property
    def is_closed(self) -> bool:
        return self.status in PROPOSAL_CLOSED


class ProposalEventKind(models.TextChoices):
    CREATED = "created", _("drafted")
    SUBMITTED = "submitted", _("submitted")
    ENDORSED = "endorsed", _("endorsed and forwarded")
    ANSWERED = "answered", _("taken up at this level")
    SCHEDULED = "scheduled", _("put on an agenda")
    DECIDED = "decided", _("decided")
    WITHDRAWN = "withdrawn", _("withdrawn")
    EDITED = "edited", _("edited")


class ProposalEvent(models.Model):
    """One step of a proposal's life: who, when, at which level."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=ProposalEventKind.choices)
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    to_network = models.ForeignKey(
        Network, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.TextField(blank=True)
    # How the actor acted for `network` when submitting or endorsing (empty otherwise, and
    # on events recorded before it was).
    acting_as = models.CharField(max_length=20, choices=ActingAs.choices, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["proposal", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.proposal} — {self.get_kind_display()}"


class ProposalComment(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["proposal", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.author} — {self.proposal}"


# ---------------------------------------------------------------------------------------------
# Decisions and their follow-ups
# ---------------------------------------------------------------------------------------------


class Outcome(models.TextChoices):
    ADOPTED = "adopted", _("adopted")
    AMENDED = "amended", _("adopted as amended")
    # Not adopted: a full member's block stood, or the committee said no.
    REJECTED = "rejected", _("not adopted")
    # Too few full members gave a position for the committee to decide.
    NO_QUORUM = "no_quorum", _("no quorum")


class DecisionQuerySet(models.QuerySet["Decision"]):
    def taken(self) -> "DecisionQuerySet":
        """Decisions with an outcome: not consent rounds still open."""
        return self.exclude(outcome="")

    def open_rounds(self) -> "DecisionQuerySet":
        return self.filter(outcome="")


class Decision(models.Model):
    """What a committee decided, by consent: in a meeting, or between meetings by a consent
    round with a closing time. While the round is open its outcome is empty; it is computed
    when the round closes (governance/consent.py)."""

    committee = models.ForeignKey(
        Committee,
        verbose_name=_("committee"),
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    # The meeting it was taken in; none for a round between meetings.
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
    )
    # A proposal has one standing decision; one without quorum leaves it open for another.
    proposal = models.ForeignKey(
        Proposal,
        verbose_name=_("proposal"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
    )
    title = models.CharField(_("title"), max_length=200)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    # The text put to consent (a round's question) and, once taken, what was decided.
    statement = models.TextField(_("outcome statement"))
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices, blank=True)
    # The networks below the committee that must act on it: each gets a follow-up.
    concerns = models.ManyToManyField(
        Network, verbose_name=_("networks concerned"), blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # When it was decided: the meeting's start, or the round's close; never the day typed.
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    # A consent round: open from `opened_at` until `closes_at` (shown in each member's zone).
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    closing_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Whether the text was amended before it was adopted.
    amended = models.BooleanField(_("amended before adoption"), default=False)
    # By when the networks concerned report back: their follow-ups' due date by default.
    # Empty on decisions recorded before due dates existed.
    follow_up_due_on = models.DateField(_("follow-ups due"), null=True, blank=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_at"]
        indexes = [models.Index(fields=["outcome", "closes_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal"],
                condition=Q(proposal__isnull=False) & ~Q(outcome="no_quorum"),
                name="one_standing_decision_per_proposal",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:decision_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.outcome == ""

    @property
    def is_round(self) -> bool:
        return self.closes_at is not None

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """Where it was decided: the meeting's zone, else its committee's."""
        if self.meeting is not None:
            return self.meeting.zone
        try:
            return zoneinfo.ZoneInfo(self.committee.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")


class Position(models.TextChoices):
    AGREE = "agree", _("agree")
    ABSTAIN = "abstain", _("abstain")
    CONCERN = "concern", _("concern")
    BLOCK = "block", _("block")


POSITIONS_WITH_REASON = (Position.CONCERN, Position.BLOCK)


class Capacity(models.TextChoices):
    """In which capacity a person gave a position, from their seat on the day: only full
    members count toward quorum and only their blocks stop adoption; the others are heard."""

    FULL = "full", _("full member")
    ADVISORY = "advisory", _("advisory member")
    FACILITATION = "facilitation", _("facilitation")
    OBSERVER = "observer", _("observer")
    GUEST = "guest", _("guest")


class ConsentRecord(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="consents")
    person = models.ForeignKey(
        Person, verbose_name=_("member"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.CharField(_("position"), max_length=20, choices=Position.choices)
    reason = models.TextField(_("reason"), blank=True)
    capacity = models.CharField(
        _("as"), max_length=20, choices=Capacity.choices, default=Capacity.FULL
    )
    # Given orally (in a meeting, on the phone) and recorded by the secretariat, rather than
    # stated by the member from their own account.
    given_orally = models.BooleanField(_("given orally"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("given"), default=timezone.now)

    class Meta:
        ordering = ["decision", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "person"], name="one_consent_each"),
            # A concern needs its reason too (governance/consent.py); positions recorded as
            # "disagree" before concerns existed may have none, so only blocks are held here.
            models.CheckConstraint(
                condition=~Q(position="block") | ~Q(reason=""), name="block_has_a_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_position_display()}"

    @property
    def counts(self) -> bool:
        return self.capacity == Capacity.FULL


class FollowUpStatus(models.TextChoices):
    PENDING = "pending", _("not reported yet")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    NOT_APPLICABLE = "not_applicable", _("not applicable")


class FollowUp(Versioned):
    """What one network does about a decision; continental follow-ups open national ones."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="follow_ups")
    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.PROTECT, related_name="+"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=FollowUpStatus.choices, default=FollowUpStatus.PENDING
    )
    report = models.TextField(_("report"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reported_at = models.DateTimeField(null=True, blank=True)
    # How the reporter acted for the network (empty on reports made before it was recorded).
    reported_as = models.CharField(max_length=20, choices=ActingAs.choices, blank=True)
    # By when the network (the follow-up's owner) reports back. Empty on follow-ups opened
    # before due dates existed.
    due_on = models.DateField(_("due"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["decision", "network__name"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "network"], name="one_follow_up_each"),
            models.CheckConstraint(
                condition=~Q(status="not_applicable") | ~Q(report=""),
                name="not_applicable_has_a_reason",
            ),
        ]
        indexes = [models.Index(fields=["due_on", "status"])]

    def __str__(self) -> str:
        return f"{self.network} — {self.decision}"

    def get_absolute_url(self) -> str:
        """The follow-up's row on its decision's report-back board."""
        board = reverse("governance:follow_up_board", kwargs={"pk": self.decision_id})
        return f"{board}#follow-up-{self.pk}"


class CalendarFeed(models.Model):
    """The secret address of one person's calendar feed: calendar applications cannot log
    in, so the address itself is the key. Renewing it shuts out the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)
