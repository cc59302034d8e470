"""Times stored in UTC, shown in each reader's zone with the zone named (core/time.py and the
`local_time` tags): across daylight-saving changes (Brussels, Port-au-Prince in 2026) and in
half- and quarter-hour zones."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template

from inspir.accounts.tests.factories import UserFactory
from inspir.core import time as core_time
from inspir.core.time import NonexistentLocalTime, local, reader_zone, to_utc
from inspir.network.tests.factories import PersonFactory

UTC = datetime.UTC


def at(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=UTC)


def naive(text: str) -> datetime.datetime:
    """A wall-clock time as typed, in no zone yet."""
    return datetime.datetime.fromisoformat(text)


def wall(moment: datetime.datetime, zone: str) -> str:
    seen = local(moment, zone).moment
    return f"{seen:%Y-%m-%d %H:%M}"


@pytest.mark.parametrize(
    ("zone", "winter", "summer"),
    [
        ("Europe/Brussels", "2026-01-15 14:00", "2026-07-15 15:00"),
        ("America/La_Paz", "2026-01-15 09:00", "2026-07-15 09:00"),
        ("Asia/Jakarta", "2026-01-15 20:00", "2026-07-15 20:00"),
        ("Africa/Lome", "2026-01-15 13:00", "2026-07-15 13:00"),
        ("America/Port-au-Prince", "2026-01-15 08:00", "2026-07-15 09:00"),
        ("Asia/Kolkata", "2026-01-15 18:30", "2026-07-15 18:30"),
        ("Asia/Kathmandu", "2026-01-15 18:45", "2026-07-15 18:45"),
    ],
)
def test_13_00_utc_in_each_participants_zone_in_winter_and_summer(zone, winter, summer):
    assert wall(at("2026-01-15T13:00"), zone) == winter
    assert wall(at("2026-07-15T13:00"), zone) == summer


def test_a_late_utc_meeting_is_the_next_day_in_jakarta():
    seen = local(at("2026-01-15T18:00"), "Asia/Jakarta")
    assert f"{seen.moment:%Y-%m-%d %H:%M}" == "2026-01-16 01:00"
    assert seen.day_shift(at("2026-01-15T18:00")) == 1
    assert local(at("2026-01-15T02:00"), "America/La_Paz").day_shift(at("2026-01-15T02:00")) == -1


def test_brussels_around_the_2026_changes():
    # Clocks go forward on 29 March 2026 at 01:00 UTC, back on 25 October at 01:00 UTC.
    assert wall(at("2026-03-29T00:30"), "Europe/Brussels") == "2026-03-29 01:30"
    assert wall(at("2026-03-29T01:30"), "Europe/Brussels") == "2026-03-29 03:30"
    assert local(at("2026-03-29T00:30"), "Europe/Brussels").offset == "UTC+01:00"
    assert local(at("2026-03-29T01:30"), "Europe/Brussels").offset == "UTC+02:00"
    # The hour repeated in October: two instants, the same wall-clock time.
    assert wall(at("2026-10-25T00:30"), "Europe/Brussels") == "2026-10-25 02:30"
    assert wall(at("2026-10-25T01:30"), "Europe/Brussels") == "2026-10-25 02:30"


def test_brussels_a_skipped_local_time_is_refused_and_the_repeated_one_takes_the_first():
    with pytest.raises(NonexistentLocalTime) as refused:
        to_utc(naive("2026-03-29 02:30"), "Europe/Brussels")
    assert "2026-03-29 02:30 does not exist in Europe/Brussels" in str(refused.value)
    assert to_utc(naive("2026-10-25 02:30"), "Europe/Brussels") == at("2026-10-25T00:30")
    assert to_utc(naive("2026-03-29 03:00"), "Europe/Brussels") == at("2026-03-29T01:00")


def test_port_au_prince_around_the_2026_changes():
    # Haiti follows the North American dates: 8 March and 1 November 2026, at 02:00 local.
    assert wall(at("2026-03-08T06:30"), "America/Port-au-Prince") == "2026-03-08 01:30"
    assert wall(at("2026-03-08T07:30"), "America/Port-au-Prince") == "2026-03-08 03:30"
    with pytest.raises(NonexistentLocalTime):
        to_utc(naive("2026-03-08 02:30"), "America/Port-au-Prince")
    assert wall(at("2026-11-01T05:30"), "America/Port-au-Prince") == "2026-11-01 01:30"
    assert wall(at("2026-11-01T06:30"), "America/Port-au-Prince") == "2026-11-01 01:30"
    assert to_utc(naive("2026-11-01 01:30"), "America/Port-au-Prince") == at("2026-11-01T05:30")


def test_half_and_quarter_hour_zones_round_trip():
    assert to_utc(naive("2026-05-04 18:30"), "Asia/Kolkata") == at("2026-05-04T13:00")
    assert to_utc(naive("2026-05-04 18:45"), "Asia/Kathmandu") == at("2026-05-04T13:00")
    assert local(at("2026-05-04T13:00"), "Asia/Kathmandu").label == "Asia/Kathmandu, UTC+05:45"
    assert local(at("2026-05-04T13:00"), "America/La_Paz").label == "America/La_Paz, UTC−04:00"
    assert local(at("2026-05-04T13:00"), "UTC").label == "UTC, UTC"


def test_naive_times_are_refused():
    with pytest.raises(ValueError, match="naive"):
        local(naive("2026-05-04 13:00"), "Asia/Kolkata")


def render(source: str, **context: object) -> str:
    return Template("{% load local_time %}" + source).render(Context(context))


def test_local_time_tag_names_the_zone_and_gives_the_instant_to_machines():
    html = render("{% local_time t z %}", t=at("2026-07-15T13:00"), z="Europe/Brussels")
    assert '<time datetime="2026-07-15T13:00:00Z">' in html
    assert "3:00" in html and "p.m." in html
    assert '<span class="zone">(Europe/Brussels, UTC+02:00)</span>' in html


def test_local_time_tag_drops_microseconds_from_the_datetime_attribute():
    moment = datetime.datetime(2026, 1, 15, 13, 0, 7, 123456, tzinfo=UTC)
    html = render("{% local_time t z %}", t=moment, z="Asia/Kathmandu")
    assert 'datetime="2026-01-15T13:00:07Z"' in html
    assert "123456" not in html
    assert "(Asia/Kathmandu, UTC+05:45)" in html


def test_in_zone_filter_gives_the_wall_clock_time():
    html = render(
        '{{ t|in_zone:"Asia/Kolkata"|date:"H:i" }} '
        '{{ t|in_zone:"America/Port-au-Prince"|date:"H:i" }}',
        t=at("2026-01-15T13:00"),
    )
    assert html == "18:30 08:00"
    assert render("[{% local_time t z %}]", t=None, z="UTC") == "[]"


@pytest.mark.django_db
def test_reader_zone_is_the_readers_own_then_the_fallback():
    person = PersonFactory(time_zone="Asia/Jakarta")
    with_person = UserFactory(person=person)
    assert reader_zone(with_person, "Europe/Brussels").key == "Asia/Jakarta"
    assert reader_zone(UserFactory(), "Europe/Brussels").key == "Europe/Brussels"
    assert reader_zone(AnonymousUser(), "America/La_Paz").key == "America/La_Paz"
    assert reader_zone(AnonymousUser()).key == "UTC"


@pytest.mark.django_db
def test_reader_zone_asks_the_registered_source_only_for_a_signed_in_reader(monkeypatch):
    """Core reads the reader's own zone through what accounts registered, naming no app."""
    asked = []

    def source(user):
        asked.append(user)
        return "Asia/Kathmandu" if user.email.startswith("far") else None

    monkeypatch.setattr(core_time, "_reader_zone_source", source)
    assert reader_zone(UserFactory(email="far@example.org"), "UTC").key == "Asia/Kathmandu"
    assert reader_zone(UserFactory(email="near@example.org"), "Africa/Lome").key == "Africa/Lome"
    assert reader_zone(AnonymousUser(), "America/La_Paz").key == "America/La_Paz"
    assert len(asked) == 2
    monkeypatch.setattr(core_time, "_reader_zone_source", None)
    assert reader_zone(UserFactory(email="far2@example.org"), "Europe/Brussels").key == (
        "Europe/Brussels"
    )
