"""The slot finder: ranking by minutes outside acceptable hours, the reasons shown, the
rotation of the inconvenience, weekends, and its page; and setting one's own hours."""

import datetime
import re
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.core.models import AuditEntry
from inspir.governance.models import AvailableHours, MeetingStatus
from inspir.governance.slots import Member, outside_hours, rank_slots
from inspir.governance.tests.factories import CommitteeFactory, MeetingFactory, seat
from inspir.network.tests.factories import NetworkFactory, PersonFactory

UTC = datetime.UTC
WEDNESDAY = datetime.date(2026, 1, 14)


def at(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=UTC)


def member(key: int, name: str, zone: str, **fields: object) -> Member:
    return Member(key=key, name=name, zone=zoneinfo.ZoneInfo(zone), **fields)  # type: ignore[arg-type]


LA_PAZ = member(1, "Gabriela", "America/La_Paz")
JAKARTA = member(2, "Sulistri", "Asia/Jakarta")
BRUSSELS = member(3, "Santiago", "Europe/Brussels")


def one_day(members: list[Member], minutes: int, day: datetime.date = WEDNESDAY, **options):
    return rank_slots(members=members, first_day=day, last_day=day, minutes=minutes, **options)


# --- Ranking ----------------------------------------------------------------------------------


def test_the_best_slot_keeps_everyone_within_their_hours_and_ties_go_to_the_earlier():
    best = one_day([LA_PAZ, JAKARTA, BRUSSELS], minutes=120)
    # 07:00 in La Paz is 11:00 UTC; the meeting must end by 21:00 in Jakarta, 14:00 UTC.
    assert [slot.starts_at for slot in best[:5]] == [
        at("2026-01-14T11:00"),
        at("2026-01-14T11:15"),
        at("2026-01-14T11:30"),
        at("2026-01-14T11:45"),
        at("2026-01-14T12:00"),
    ]
    assert {slot.score for slot in best[:5]} == {0}
    assert best[0].reasons == ["Everyone is within their acceptable hours."]
    assert best[5].score > 0


def test_minutes_outside_count_over_the_whole_meeting_early_or_late():
    late = outside_hours(JAKARTA, at("2026-01-14T13:00"), at("2026-01-14T15:00"))
    assert (late.early, late.late, late.kind) == (0, 60, "late")
    early = outside_hours(LA_PAZ, at("2026-01-14T10:00"), at("2026-01-14T12:00"))
    assert (early.early, early.late, early.kind) == (60, 0, "early")
    # The night 21:00-07:00 splits at 02:00: 01:00 is still late, 02:30 already early.
    assert outside_hours(JAKARTA, at("2026-01-14T18:00"), at("2026-01-14T19:00")).kind == "late"
    assert outside_hours(JAKARTA, at("2026-01-14T19:30"), at("2026-01-14T20:30")).kind == "early"
    nights = one_day([JAKARTA], 60, include_weekends=True, limit=None)
    night = next(slot for slot in nights if slot.starts_at == at("2026-01-14T18:00"))
    assert night.members[0].day_shift == 1  # 01:00 on Thursday in Jakarta
    # A person's own hours replace 07:00-21:00.
    owl = member(4, "Issa", "Africa/Lome", earliest=datetime.time(10), latest=datetime.time(23))
    assert outside_hours(owl, at("2026-01-14T08:00"), at("2026-01-14T11:00")).early == 120


def test_the_reasons_say_who_is_outside_by_how_much_early_or_late():
    everyone = [LA_PAZ, JAKARTA, BRUSSELS]
    slots = {slot.starts_at: slot for slot in one_day(everyone, 120, limit=None)}
    slot = slots[at("2026-01-14T13:30")]
    assert slot.score == 90
    assert slot.reasons == ["Sulistri: 1 h 30 min too late (20:30–22:30 local time)."]
    slot = slots[at("2026-01-14T10:00")]
    assert slot.reasons == ["Gabriela: 1 hour too early (06:00–08:00 local time)."]
    both = slots[at("2026-01-14T02:00")]
    assert both.score == 120 + 120
    assert both.reasons == [
        "Gabriela: 2 hours too late (22:00–00:00 local time).",
        "Santiago: 2 hours too early (03:00–05:00 local time).",
    ]


def test_rotation_spares_who_had_the_inconvenient_slot_last_time():
    # 3 h 30 cannot fit both 07:00 in La Paz and 21:00 in Jakarta: someone loses 30 minutes.
    plain = one_day([LA_PAZ, JAKARTA], minutes=210)
    assert plain[0].starts_at == at("2026-01-14T10:30")  # tie: the earlier, early in La Paz
    assert plain[0].reasons == ["Gabriela: 30 minutes too early (06:30–10:00 local time)."]

    spared = one_day([member(1, "Gabriela", "America/La_Paz", last_time="early"), JAKARTA], 210)
    assert spared[0].starts_at == at("2026-01-14T11:00")
    assert spared[0].score == 30
    assert spared[0].reasons == ["Sulistri: 30 minutes too late (18:00–21:30 local time)."]
    costly = next(slot for slot in spared if slot.starts_at == at("2026-01-14T10:45"))
    assert costly.score == 15 * 3 + 15
    assert costly.reasons[0] == (
        "Gabriela: 15 minutes too early (06:45–10:15 local time). Had the early slot last "
        "time, so these minutes count 3 times (+30 to the score)."
    )


def test_daylight_saving_inside_the_range_changes_the_local_time_of_the_same_utc_slot():
    only = [BRUSSELS]
    slots = rank_slots(
        members=only,
        first_day=datetime.date(2026, 3, 27),
        last_day=datetime.date(2026, 3, 30),
        minutes=60,
        include_weekends=True,
        limit=None,
    )
    by_start = {slot.starts_at: slot for slot in slots}
    before, after = by_start[at("2026-03-27T05:30")], by_start[at("2026-03-30T05:30")]
    assert f"{before.members[0].starts:%H:%M}" == "06:30" and before.score == 30
    assert f"{after.members[0].starts:%H:%M}" == "07:30" and after.score == 0


def test_quarter_hour_steps_let_kathmandu_start_on_its_own_hour():
    narrow = member(
        5, "Bismo", "Asia/Kathmandu", earliest=datetime.time(7), latest=datetime.time(9)
    )
    best = one_day([narrow], minutes=120)[0]
    assert best.starts_at == at("2026-01-14T01:15") and best.score == 0
    assert f"{best.members[0].starts:%H:%M}" == "07:00"
    assert one_day([narrow], minutes=120, step=30)[0].score == 15


def test_weekends_are_left_out_unless_asked_judged_on_each_members_local_date():
    friday, monday = datetime.date(2026, 1, 16), datetime.date(2026, 1, 19)
    kept = rank_slots(
        members=[JAKARTA, LA_PAZ], first_day=friday, last_day=monday, minutes=60, limit=None
    )
    starts = {slot.starts_at for slot in kept}
    assert not any(start.weekday() >= 5 for start in starts)
    assert at("2026-01-16T16:00") in starts  # Friday 23:00 in Jakarta
    assert at("2026-01-16T17:00") not in starts  # already Saturday 00:00 in Jakarta
    assert at("2026-01-19T03:00") not in starts  # still Sunday 23:00 in La Paz
    assert at("2026-01-19T04:00") in starts
    everything = rank_slots(
        members=[JAKARTA, LA_PAZ],
        first_day=friday,
        last_day=monday,
        minutes=60,
        include_weekends=True,
        limit=None,
    )
    assert len(everything) == 4 * 96
    assert at("2026-01-17T12:00") in {slot.starts_at for slot in everything}


# --- The page ---------------------------------------------------------------------------------


@pytest.fixture
def committee(db):
    network = NetworkFactory(slug="intercontinental")
    committee = CommitteeFactory(network=network, time_zone="Europe/Brussels")
    seat(committee, PersonFactory(name="Gabriela", time_zone="America/La_Paz"))
    seat(committee, PersonFactory(name="Sulistri", time_zone="Asia/Jakarta"))
    return committee


def finder(**params: object) -> str:
    url = reverse("governance:slot_finder", kwargs={"slug": "intercontinental"})
    query = {"from_date": "2026-01-14", "to_date": "2026-01-14", "minutes": "210", **params}
    return url + "?" + "&".join(f"{key}={value}" for key, value in query.items())


def test_anonymous_visitors_are_sent_to_log_in_and_outsiders_do_not_find_it(client, committee):
    response = client.get(finder())
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(user_with_role(NetworkFactory(), Role.MEMBER))
    assert client.get(finder()).status_code == 404


def test_a_member_sees_the_ranked_slots_with_local_times_but_no_scheduling_link(client, committee):
    reader = user_with_role(committee.network, Role.MEMBER)
    client.force_login(reader)
    html = client.get(finder()).content.decode()
    assert "1. Wednesday 14 January 2026, 10:30–14:00 UTC" in html
    assert "Gabriela: 30 minutes too early (06:30–10:00 local time)." in html
    assert "America/La_Paz" in html and "Asia/Jakarta" in html
    assert "Wed 14 Jan, 06:30–10:00" in html  # Gabriela's local time of the first slot
    assert "(Europe/Brussels, UTC+01:00)" in html  # the reader has no person: the committee's zone
    assert "Schedule a meeting at this time" not in html
    assert html.count('class="slot"') == 10


def test_a_committee_member_may_schedule_from_a_slot(client, committee):
    person = PersonFactory(name="Santiago", time_zone="Asia/Kolkata")
    seat(committee, person)
    client.force_login(UserFactory(person=person))
    html = client.get(finder(minutes="120")).content.decode()
    schedule = reverse("governance:meeting_create", kwargs={"slug": "intercontinental"})
    assert f'href="{schedule}?starts_at=2026-01-14T11%3A00Z&amp;minutes=120"' in html
    assert "(Asia/Kolkata, UTC+05:30)" in html  # shown in the reader's own zone


def test_the_last_meeting_decides_whom_the_rotation_spares(client, committee):
    MeetingFactory(
        committee=committee,
        title="December meeting",
        starts_at=at("2025-12-10T10:30"),
        ends_at=at("2025-12-10T14:00"),
    )
    MeetingFactory(  # cancelled, so it does not count
        committee=committee,
        status=MeetingStatus.CANCELLED,
        starts_at=at("2026-01-07T11:00"),
        ends_at=at("2026-01-07T14:30"),
    )
    client.force_login(user_with_role(committee.network, Role.MEMBER))
    html = client.get(finder()).content.decode()
    assert "Spared this time: Gabriela (early last time)." in html
    assert "1. Wednesday 14 January 2026, 11:00–14:30 UTC" in html
    assert "Sulistri: 30 minutes too late (18:00–21:30 local time)." in html


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"to_date": "2026-01-10"}, "The last day must not come before the first."),
        ({"to_date": "2026-02-20"}, "Search at most 31 days at a time."),
        ({"from_date": "soon"}, "Enter a valid date."),
        ({"minutes": "0"}, "Ensure this value is greater than or equal to 15."),
    ],
)
def test_bad_searches_are_refused_with_the_input_kept(client, committee, params, error):
    client.force_login(user_with_role(committee.network, Role.MEMBER))
    html = client.get(finder(**params)).content.decode()
    assert error in html
    for value in params.values():
        assert f'value="{value}"' in html
    assert 'class="slot"' not in html


def test_the_finder_keeps_its_query_count_with_ten_times_the_members_and_meetings(client, db):
    network = NetworkFactory(slug="intercontinental")
    committee = CommitteeFactory(network=network)
    zones = ["America/La_Paz", "Asia/Jakarta", "Africa/Lome", "Asia/Kathmandu"]
    reader = PersonFactory(time_zone="Europe/Brussels")
    seat(committee, reader)
    client.force_login(UserFactory(person=reader))

    def grow(count: int) -> int:
        for index in range(count):
            person = PersonFactory(time_zone=zones[index % len(zones)])
            seat(committee, person)
            AvailableHours.objects.create(person=person, earliest=datetime.time(8))
            MeetingFactory(committee=committee, starts_at=at(f"2025-12-{index % 28 + 1:02d}T12:00"))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(finder())
        assert response.status_code == 200
        assert response.content.decode().count('class="slot"') == 10
        return len(queries)

    small = grow(3)
    large = grow(27)  # 30 members and 30 meetings
    assert small == large
    assert large <= 10


# --- One's own hours --------------------------------------------------------------------------

HOURS = "/en/governance/my-hours/"


def test_my_hours_needs_a_login_and_a_person(client, db):
    assert reverse("governance:available_hours") == HOURS  # English is the default language
    response = client.get(HOURS)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(UserFactory())
    html = client.get(HOURS).content.decode()
    assert "not linked to a person" in html
    assert "<form" not in html.split("<main", 1)[-1]


def test_setting_my_hours_saves_them_audits_and_changes_the_finder(client, committee):
    gabriela = committee.mandates.get(person__name="Gabriela").person
    user = UserFactory(person=gabriela)
    client.force_login(user)
    html = client.get(HOURS).content.decode()
    assert 'value="07:00"' in html and 'value="21:00"' in html
    response = client.post(
        HOURS,
        {"earliest": "06:00", "latest": "20:00", "was_earliest": "07:00", "was_latest": "21:00"},
    )
    assert response.status_code == 302
    hours = AvailableHours.objects.get(person=gabriela)
    assert (hours.earliest, hours.latest) == (datetime.time(6), datetime.time(20))
    entry = AuditEntry.objects.get(action="governance.available_hours.updated")
    assert entry.actor == user and entry.changes["earliest"] == ["07:00", "06:00"]
    # From 06:00 in La Paz, the 3 h 30 meeting fits everyone: 10:00-13:30 UTC.
    html = client.get(finder()).content.decode()
    assert "1. Wednesday 14 January 2026, 10:00–13:30 UTC" in html


def test_my_hours_refuses_an_end_before_the_start_and_keeps_the_input(client, committee):
    gabriela = committee.mandates.get(person__name="Gabriela").person
    client.force_login(UserFactory(person=gabriela))
    html = client.post(HOURS, {"earliest": "19:00", "latest": "08:30"}).content.decode()
    assert "The end of your hours must come after their start." in html
    assert 'value="19:00"' in html and 'value="08:30"' in html
    html = client.post(HOURS, {"earliest": "08:00", "latest": "08:30"}).content.decode()
    assert "Your hours must leave at least one hour to meet." in html
    assert not AvailableHours.objects.exists()


def test_my_hours_does_not_overwrite_a_change_made_meanwhile(client, committee):
    gabriela = committee.mandates.get(person__name="Gabriela").person
    client.force_login(UserFactory(person=gabriela))
    AvailableHours.objects.create(
        person=gabriela, earliest=datetime.time(9), latest=datetime.time(17)
    )
    stale = {"earliest": "06:00", "latest": "20:00", "was_earliest": "07:00", "was_latest": "21:00"}
    html = client.post(HOURS, stale).content.decode()
    assert "changed elsewhere" in html
    assert "Saved now: 09:00–17:00." in html
    assert 'value="06:00"' in html  # what was typed is kept
    assert AvailableHours.objects.get(person=gabriela).earliest == datetime.time(9)
    # Saving again, knowingly, replaces them.
    again = {**stale, "was_earliest": "09:00", "was_latest": "17:00"}
    assert client.post(HOURS, again).status_code == 302
    assert AvailableHours.objects.get(person=gabriela).earliest == datetime.time(6)


def test_the_finder_only_answers_get(client, committee):
    client.force_login(user_with_role(committee.network, Role.MEMBER))
    assert client.post(finder()).status_code == 405


def test_the_date_fields_keep_the_iso_format_browsers_need_in_every_language(client, committee):
    client.force_login(user_with_role(committee.network, Role.MEMBER))
    url = reverse("governance:slot_finder", kwargs={"slug": "intercontinental"})
    html = client.get(url.replace("/en/", "/fr/")).content.decode()
    # The form first offers dates of its own; a date input only understands YYYY-MM-DD, and
    # would show a French 14/01/2026 as empty.
    assert re.search(r'name="from_date" value="\d{4}-\d{2}-\d{2}"', html)
