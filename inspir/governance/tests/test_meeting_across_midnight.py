"""A meeting may cross midnight where it is held: an end time earlier than the start is on the
next day. A link from the slot finder opens the form on exactly the suggested meeting, even in
the hour repeated when clocks go back."""

import datetime

import pytest

from inspir.governance.forms.meetings import MeetingForm
from inspir.governance.tests.factories import MeetingFactory

UTC = datetime.UTC
ZONES = [("", [("Europe/Brussels", "Europe/Brussels"), ("UTC", "UTC")])]


def at(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=UTC)


def typed(**fields: str) -> MeetingForm:
    data = {
        "title": "Steering committee",
        "format": "virtual",
        "date": "2026-01-14",
        "start_time": "22:00",
        "end_time": "01:00",
        "time_zone": "Europe/Brussels",
        "video_url": "https://meet.example.org/x",
        **fields,
    }
    return MeetingForm(data, zones=ZONES)


def test_an_end_earlier_than_the_start_is_on_the_next_day():
    form = typed()

    assert form.is_valid(), form.errors
    # 22:00 on Wednesday to 01:00 on Thursday in Brussels (UTC+01:00).
    assert form.cleaned_data["starts_at"] == at("2026-01-14T21:00")
    assert form.cleaned_data["ends_at"] == at("2026-01-15T00:00")
    assert "the day after the date above" in str(form["end_time"].help_text)


def test_an_end_at_the_start_is_refused():
    form = typed(end_time="22:00")

    assert form.errors["end_time"] == ["The meeting must end after it starts."]


def test_an_end_the_next_day_at_an_hour_that_does_not_exist_is_refused():
    # Clocks go forward in Brussels at 02:00 on Sunday 29 March 2026.
    form = typed(date="2026-03-28", start_time="23:00", end_time="02:30")

    assert form.errors["end_time"] == [
        "02:30 on 2026-03-29 does not exist in Europe/Brussels: the clocks are put forward "
        "at that hour. Choose another time."
    ]


@pytest.mark.django_db
def test_a_meeting_across_midnight_opens_for_editing_as_it_is():
    meeting = MeetingFactory(
        starts_at=at("2026-01-14T21:30"), ends_at=at("2026-01-15T01:00"), time_zone="UTC"
    )
    initial = MeetingForm.initial_for(meeting)

    assert (str(initial["start_time"]), str(initial["end_time"])) == ("21:30:00", "01:00:00")
    form = typed(
        date=initial["date"].isoformat(),
        start_time="21:30",
        end_time="01:00",
        time_zone="UTC",
    )
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["starts_at"], form.cleaned_data["ends_at"]) == (
        meeting.starts_at,
        meeting.ends_at,
    )


def read_back(initial: dict) -> tuple[datetime.datetime, datetime.datetime]:
    form = typed(
        date=initial["date"].isoformat(),
        start_time=f"{initial['start_time']:%H:%M}",
        end_time=f"{initial['end_time']:%H:%M}",
        time_zone=initial["time_zone"],
    )
    assert form.is_valid(), form.errors
    return form.cleaned_data["starts_at"], form.cleaned_data["ends_at"]


def test_a_slot_link_across_midnight_prefills_the_next_day_end():
    initial = MeetingForm.initial_from_slot(
        starts_at="2026-01-14T22:45Z", minutes="240", zone="Europe/Brussels"
    )

    assert initial["time_zone"] == "Europe/Brussels"
    assert (f"{initial['start_time']:%H:%M}", f"{initial['end_time']:%H:%M}") == ("23:45", "03:45")
    assert read_back(initial) == (at("2026-01-14T22:45"), at("2026-01-15T02:45"))


def test_a_slot_link_in_the_repeated_hour_prefills_in_utc_to_stay_exact():
    # Clocks go back in Brussels at 03:00 on 25 October 2026: 02:30 comes twice, first at
    # 00:30 UTC, then at 01:30 UTC. Brussels' wall clock reads the first; the link meant the
    # second, so the form opens in UTC.
    second = MeetingForm.initial_from_slot(
        starts_at="2026-10-25T01:30Z", minutes="60", zone="Europe/Brussels"
    )
    assert second["time_zone"] == "UTC"
    assert read_back(second) == (at("2026-10-25T01:30"), at("2026-10-25T02:30"))
    first = MeetingForm.initial_from_slot(
        starts_at="2026-10-25T00:30Z", minutes="60", zone="Europe/Brussels"
    )
    # 02:30 to 02:30: the end, an hour later, reads the same on the wall clock.
    assert first["time_zone"] == "UTC"
    assert read_back(first) == (at("2026-10-25T00:30"), at("2026-10-25T01:30"))
    ordinary = MeetingForm.initial_from_slot(
        starts_at="2026-10-25T09:00Z", minutes="60", zone="Europe/Brussels"
    )
    assert ordinary["time_zone"] == "Europe/Brussels"
    assert read_back(ordinary) == (at("2026-10-25T09:00"), at("2026-10-25T10:00"))
