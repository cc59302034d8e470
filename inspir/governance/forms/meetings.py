"""Forms for meetings: times are typed as a date and wall-clock times in a chosen zone."""

import datetime
import zoneinfo
from collections.abc import Iterator
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.utils.translation import gettext_lazy as _

from inspir.core.forms import DateField, HiddenStateMixin, validate_date_in_range
from inspir.core.texts import plain, shown_many
from inspir.core.time import NonexistentLocalTime, local, to_utc
from inspir.governance.models import (
    ANSWER_NOTE_MAX_LENGTH,
    AgendaItem,
    Attendance,
    Decision,
    InvitationAnswer,
    Meeting,
    MeetingFormat,
    MeetingKind,
    Participant,
)
from inspir.governance.rules import document_check, document_max_bytes
from inspir.network.models import Person


class MeetingForm(HiddenStateMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    # Left out of a post (no browser does: the list always has a choice), the meeting stays
    # what it was, and a new one is a committee meeting.
    kind = forms.ChoiceField(
        label=_("Kind of meeting"),
        choices=MeetingKind.choices,
        initial=MeetingKind.COMMITTEE,
        required=False,
        help_text=_(
            "The annual report names the general assemblies and the founding meeting apart "
            "from the committee's own meetings."
        ),
    )
    format = forms.ChoiceField(label=_("Format"), choices=MeetingFormat.choices)
    date = DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start_time = forms.TimeField(
        label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("Ends at"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_(
            "An end earlier than the start means the next day: 22:00 to 01:00 ends at 01:00 "
            "the day after the date above."
        ),
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone of these times"),
        help_text=_("The date and times above are read in this zone."),
    )
    location = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("Needed for a meeting in person or hybrid."),
    )
    video_url = forms.URLField(
        label=_("Video link"),
        required=False,
        assume_scheme="https",
        help_text=_("Needed for a virtual or hybrid meeting."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    FIELDS = (
        "title",
        "kind",
        "format",
        "date",
        "start_time",
        "end_time",
        "time_zone",
        "location",
        "video_url",
    )

    def __init__(self, *args: Any, zones: list[tuple[str, list[tuple[str, str]]]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = zones  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(meeting: Meeting) -> dict[str, Any]:
        starts = local(meeting.starts_at, meeting.zone).moment
        ends = local(meeting.ends_at, meeting.zone).moment
        return {
            "title": meeting.title,
            "kind": meeting.kind,
            "format": meeting.format,
            "date": starts.date(),
            "start_time": starts.time().replace(tzinfo=None),
            "end_time": ends.time().replace(tzinfo=None),
            "time_zone": meeting.time_zone,
            "location": meeting.location,
            "video_url": meeting.video_url,
            "version": meeting.version,
        }

    @staticmethod
    def initial_from_slot(*, starts_at: str, minutes: str, zone: str) -> dict[str, Any]:
        """Prefill from the slot finder's `starts_at` (UTC, YYYY-MM-DDTHH:MMZ) and `minutes`.
        A link that does not hold such a time, or one outside the dates the form accepts,
        prefills nothing: the form opens empty."""
        try:
            moment = datetime.datetime.strptime(starts_at, "%Y-%m-%dT%H:%MZ").replace(
                tzinfo=datetime.UTC
            )
            validate_date_in_range(moment)
        except (ValueError, ValidationError):
            return {}
        try:
            # Under a day: an end time earlier than the start reads as the next day.
            length = max(15, min(int(minutes), 24 * 60 - 15))
        except ValueError:
            length = 120
        ends_at = moment + datetime.timedelta(minutes=length)
        values = _wall_clock(moment, ends_at, zone)
        if _read_back(values) != (moment, ends_at):
            # In the hour repeated when clocks go back, the zone's wall clock cannot say
            # which of the two is meant: UTC's can, so the meeting is exactly the one linked.
            values = _wall_clock(moment, ends_at, "UTC")
        return values

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, start, end, zone_name = (
            data.get("date"),
            data.get("start_time"),
            data.get("end_time"),
            data.get("time_zone"),
        )
        if day is None or start is None or end is None or not zone_name:
            return data
        zone = zoneinfo.ZoneInfo(zone_name)
        try:
            data["starts_at"] = to_utc(datetime.datetime.combine(day, start), zone)
        except NonexistentLocalTime:
            self.add_error("start_time", _nonexistent(day, start, zone_name))
            return data
        if end == start:
            self.add_error("end_time", _("The meeting must end after it starts."))
            return data
        # An end earlier than the start is on the next day (a meeting across midnight).
        end_day = day if end > start else day + datetime.timedelta(days=1)
        try:
            data["ends_at"] = to_utc(datetime.datetime.combine(end_day, end), zone)
        except NonexistentLocalTime:
            self.add_error("end_time", _nonexistent(end_day, end, zone_name))
            return data
        return data

    def meeting_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        values = {
            "title": data["title"],
            "format": data["format"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "time_zone": data["time_zone"],
            "location": data["location"],
            "video_url": data["video_url"],
        }
        if data.get("kind"):
            values["kind"] = data["kind"]
        return values


def _wall_clock(
    starts_at: datetime.datetime, ends_at: datetime.datetime, zone: str
) -> dict[str, Any]:
    """A meeting's times as the form's fields in `zone` (the end may be on the next day)."""
    starts = local(starts_at, zone).moment
    ends = local(ends_at, zone).moment
    return {
        "date": starts.date(),
        "start_time": starts.time().replace(tzinfo=None),
        "end_time": ends.time().replace(tzinfo=None),
        "time_zone": zone,
    }


def _read_back(values: dict[str, Any]) -> tuple[datetime.datetime, datetime.datetime] | None:
    """The start and end the form reads from `values`, as `MeetingForm.clean` does; None
    when the form would refuse them."""
    day, start, end = values["date"], values["start_time"], values["end_time"]
    if start == end:
        return None
    end_day = day if end > start else day + datetime.timedelta(days=1)
    try:
        return (
            to_utc(datetime.datetime.combine(day, start), values["time_zone"]),
            to_utc(datetime.datetime.combine(end_day, end), values["time_zone"]),
        )
    except NonexistentLocalTime:
        return None


def _nonexistent(day: datetime.date, time: datetime.time, zone: str) -> ValidationError:
    return ValidationError(
        _(
            "%(time)s on %(date)s does not exist in %(zone)s: the clocks are put forward "
            "at that hour. Choose another time."
        ),
        params={"time": time.strftime("%H:%M"), "date": day.isoformat(), "zone": zone},
        code="nonexistent",
    )


class MeetingFilterForm(forms.Form):
    committee = forms.TypedChoiceField(
        label=_("Committee"), required=False, coerce=int, empty_value=None
    )
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("", _("Upcoming")), ("past", _("Past"))],
    )

    def __init__(self, *args: Any, committees: list[tuple[int, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["committee"].choices = [("", _("All committees")), *committees]  # type: ignore[attr-defined]

    def filters(self) -> tuple[int | None, bool]:
        if not self.is_bound or not self.is_valid():
            return None, False
        return self.cleaned_data.get("committee"), self.cleaned_data.get("when") == "past"


class AgendaItemForm(HiddenStateMixin, forms.ModelForm):
    # The version the editor loaded (decision 0005); only an existing item has one.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = AgendaItem
        fields = ["title", "description", "duration_minutes"]

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].required = True
            self.fields["version"].initial = self.instance.version

    def item_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class DocumentForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Left empty, the file's name is used."),
    )
    file = forms.FileField(label=_("File"))
    public = forms.BooleanField(
        label=_("Public"),
        required=False,
        help_text=_(
            "Anyone may download it once the agenda is published. Otherwise it is for the "
            "committee's members and the networks it consults."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        limit = document_max_bytes() / 1048576
        self.fields["file"].help_text = _(
            "PDF, ODT, ODS, ODP, DOCX, XLSX, PPTX, TXT, PNG or JPEG; at most %(limit)s MB."
        ) % {"limit": f"{limit:.0f}"}

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        self.content_type = document_check(upload)
        return upload


class MinutesForm(HiddenStateMixin, forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"), required=False, widget=forms.Textarea(attrs={"rows": 20})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class DocumentVisibilityForm(forms.Form):
    """A button: make the document public, or for the members only."""

    public = forms.TypedChoiceField(
        choices=(("1", "1"), ("0", "0")), coerce=lambda value: value == "1"
    )


class MinutesCommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment on the minutes"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class _TitlesRead(ModelChoiceIterator):
    """The choices with their titles as the reader reads them, all read at once: two queries
    for the whole list rather than two per choice."""

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        choices = list(self.queryset)
        titles = shown_many(choices, "title")
        for obj in choices:
            yield (
                ModelChoiceIteratorValue(self.field.prepare_value(obj), obj),
                cast(DatedChoiceField, self.field).dated(obj, plain(titles[obj.pk])),
            )


class DatedChoiceField(forms.ModelChoiceField):
    """A meeting or a decision named by its title, in the reader's language where it has
    been translated, and its date (in the meeting's zone, or UTC)."""

    iterator = _TitlesRead

    def label_from_instance(self, obj: Any) -> str:
        return self.dated(obj, obj.title)

    def dated(self, obj: Any, title: str) -> str:
        moment = obj.starts_at if isinstance(obj, Meeting) else obj.decided_at
        zone = obj.zone if isinstance(obj, Meeting) else zoneinfo.ZoneInfo("UTC")
        return f"{title} ({local(moment, zone).moment:%Y-%m-%d})"


class MinutesApprovalForm(forms.Form):
    """Where the minutes were approved: a later meeting, or a decision (one of the two)."""

    at_meeting = DatedChoiceField(
        label=_("At the meeting"),
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=_("(not at a meeting)"),
    )
    by_decision = DatedChoiceField(
        label=_("By the decision"),
        queryset=Decision.objects.none(),
        required=False,
        empty_label=_("(not by a decision)"),
        help_text=_("An adopted decision of the committee, such as a consent round."),
    )

    def __init__(self, *args: Any, meetings: Any, decisions: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["at_meeting"].queryset = meetings  # type: ignore[attr-defined]
        self.fields["by_decision"].queryset = decisions  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        chosen = [cleaned.get("at_meeting"), cleaned.get("by_decision")]
        if not self.errors and sum(value is not None for value in chosen) != 1:
            raise ValidationError(
                _("Choose where the minutes were approved: a meeting or a decision, not both.")
            )
        return cleaned


class MinutesCorrectionForm(HiddenStateMixin, forms.Form):
    minutes = forms.CharField(
        label=_("Corrected minutes"), widget=forms.Textarea(attrs={"rows": 20})
    )
    note = forms.CharField(
        label=_("What was corrected"),
        max_length=1000,
        error_messages={
            "required": _("Say what was corrected: readers see this note with the minutes.")
        },
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Readers see this note with the minutes, and the members are told."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ParticipantsForm(HiddenStateMixin, forms.Form):
    """Attendance of every participant in one form, removal, and one person to add."""

    add = forms.ModelChoiceField(
        label=_("Add a person"), queryset=Person.objects.none(), required=False
    )

    def __init__(
        self,
        *args: Any,
        participants: list[Participant],
        candidates: Any,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.participants = participants
        self.fields["add"].queryset = candidates.exclude(  # type: ignore[attr-defined]
            pk__in=[p.person_id for p in participants]
        )
        for participant in participants:
            self.fields[f"attendance_{participant.pk}"] = forms.ChoiceField(
                label=_("Attendance of %(name)s") % {"name": participant.person.name},
                choices=Attendance.choices,
                initial=participant.attendance,
            )
            self.fields[f"was_{participant.pk}"] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=participant.attendance
            )
            self.fields[f"remove_{participant.pk}"] = forms.BooleanField(
                label=_("Remove %(name)s") % {"name": participant.person.name},
                required=False,
            )

    # Set after a refused save: the attendance saved meanwhile, by participant.
    saved_attendance: dict[int, str] | None = None

    def rows(self) -> list[dict[str, Any]]:
        saved = self.saved_attendance or {}
        return [
            {
                "participant": p,
                "attendance": self[f"attendance_{p.pk}"],
                "remove": self[f"remove_{p.pk}"],
                "saved": Attendance(saved[p.pk]).label if p.pk in saved else None,
            }
            for p in self.participants
        ]

    def attendance(self) -> dict[int, str]:
        return {p.pk: self.cleaned_data[f"attendance_{p.pk}"] for p in self.participants}

    def expected(self) -> dict[int, str]:
        return {
            p.pk: self.cleaned_data[f"was_{p.pk}"]
            for p in self.participants
            if self.cleaned_data.get(f"was_{p.pk}")
        }

    def removed(self) -> list[int]:
        return [p.pk for p in self.participants if self.cleaned_data.get(f"remove_{p.pk}")]


class InvitationAnswerForm(HiddenStateMixin, forms.Form):
    """A participant's answer to the invitation: one of the buttons (`answer`), or on the
    answer page the chosen radio button, with a note to the committee, which names the
    delegate of one who sends one; `back` says which page the answer was given from."""

    BACK_TO = (("meeting", "meeting"), ("my_work", "my_work"))
    # In the participant's own words (the model's labels are the governors' list's).
    ANSWERS = (
        (InvitationAnswer.ATTENDING, _("I will attend")),
        (InvitationAnswer.NOT_ATTENDING, _("I cannot attend")),
        (InvitationAnswer.DELEGATE, _("I send a delegate")),
    )

    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=ANSWERS,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Say whether you will attend."),
            "invalid_choice": _("Say whether you will attend."),
        },
    )
    note = forms.CharField(
        label=_("Note to the committee"),
        help_text=_("Optional, unless you send a delegate: then give their name."),
        required=False,
        max_length=ANSWER_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    back = forms.ChoiceField(choices=BACK_TO, required=False, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        delegate = cleaned.get("answer") == InvitationAnswer.DELEGATE
        if delegate and not cleaned.get("note", "").strip():
            self.add_error("note", _("Give the name of the person you send in your place."))
        return cleaned
