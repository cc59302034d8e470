"""The slot finder: ranking by minutes outside acceptable hours, the reasons shown, the
rotation of the inconvenience, weekends, and its page; and setting one's own hours."""

import dataclasses
import datetime
import re
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import UserFactory, add_second_factor, user_with_role
from inspir.core.models import AuditEntry
from inspir.governance.models import AvailableHours, MeetingStatus, Office
from inspir.governance.services.slots import available_hours_set
from inspir.governance.slots import (
    Member,
    find_slots,
    hard_limit_errors,
    judge,
    night_middle,
    outside_hours,
    with_history,
)
from inspir.governance.tests.factories import (
    CommitteeFactory,
    MeetingFactory,
    ParticipantFactory,
    seat,
)
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
    return find_slots(
        members=members, first_day=day, last_day=day, minutes=minutes, **options
    ).slots


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
    assert {(slot.score, slot.burden) for slot in best[:5]} == {(0, 0)}
    assert best[0].reasons == ["Everyone is within their acceptable hours."]
    assert best[5].burden > 0


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


def burden_at(person: Member, start: str, minutes: int = 60) -> int:
    starts_at = at(start)
    return judge(person, starts_at, starts_at + datetime.timedelta(minutes=minutes)).burden


def test_a_minute_weighs_more_the_deeper_into_the_night_it_falls():
    # In Jakarta (UTC+7), 21:00 is 14:00 UTC. An hour from 21:00: 60 minutes growing from 1
    # to 2 (90), and 90 for being kept outside one's hours at all.
    assert burden_at(JAKARTA, "2026-01-14T14:00") == 180
    assert burden_at(JAKARTA, "2026-01-14T15:00") == 240  # 22:00-23:00
    assert burden_at(JAKARTA, "2026-01-14T19:00") == 420  # 02:00-03:00, the deepest
    assert burden_at(JAKARTA, "2026-01-14T20:00") == 360  # 03:00-04:00
    assert burden_at(JAKARTA, "2026-01-14T23:00") == 180  # 06:00-07:00
    assert burden_at(JAKARTA, "2026-01-14T05:00") == 0  # 12:00-13:00
    # A 03:00 start costs twice a 21:00 one.
    assert burden_at(JAKARTA, "2026-01-14T20:00") == 2 * burden_at(JAKARTA, "2026-01-14T14:00")


def test_the_reasons_say_who_is_outside_by_how_much_and_what_it_weighs():
    everyone = [LA_PAZ, JAKARTA, BRUSSELS]
    slots = {slot.starts_at: slot for slot in one_day(everyone, 120, limit=None)}
    slot = slots[at("2026-01-14T13:30")]
    # 90 minutes from 21:00: 90 + 90²/120 = 157.5, and 90 for being outside at all.
    assert slot.burden == 248
    assert slot.reasons == ["Sulistri: 1 h 30 min too late (20:30–22:30 local time), burden 248."]
    slot = slots[at("2026-01-14T10:00")]
    assert slot.reasons == ["Gabriela: 1 hour too early (06:00–08:00 local time), burden 180."]
    both = slots[at("2026-01-14T02:00")]
    assert both.reasons == [
        "Gabriela: 2 hours too late (22:00–00:00 local time), burden 450.",
        "Santiago: 2 hours too early (03:00–05:00 local time), burden 570.",
    ]
    assert both.burden == 450 + 570


def test_with_nobody_burdened_yet_the_burden_is_taken_in_turn_not_shared_every_time():
    # 3 h 30 cannot fit both 07:00 in La Paz and 21:00 in Jakarta. A quarter of an hour each
    # costs less, but would leave both outside their hours at every meeting: the rotation
    # gives each the whole half hour in three meetings of six.
    ranking = find_slots(
        members=[LA_PAZ, JAKARTA], first_day=WEDNESDAY, last_day=WEDNESDAY, minutes=210
    )
    assert ranking.slots[0].starts_at == at("2026-01-14T10:30")
    assert ranking.slots[0].reasons == [
        "Gabriela: 30 minutes too early (06:30–10:00 local time), burden 128."
    ]
    assert [f"{slot.starts_at:%H:%M}" for slot in ranking.rotation] == [
        "10:30",
        "10:30",
        "10:30",
        "11:00",
        "11:00",
        "11:00",
    ]
    assert ranking.fairness is not None and ranking.fairness.always_outside == 0


def test_whoever_bore_the_last_meetings_burden_is_spared():
    # Gabriela bore the last meeting's half hour: now Sulistri takes it.
    last = (at("2026-01-07T10:30"), at("2026-01-07T14:00"))
    bore, rested = with_history(LA_PAZ, [last]), with_history(JAKARTA, [last])
    spared = one_day([bore, rested], 210, series=[last[0]], limit=None)
    assert spared[0].starts_at == at("2026-01-14T11:00")
    assert spared[0].reasons == [
        "Sulistri: 30 minutes too late (18:00–21:30 local time), burden 128."
    ]
    costly = next(slot for slot in spared if slot.starts_at == at("2026-01-14T10:45"))
    assert costly.reasons[0] == (
        "Gabriela: 15 minutes too early (06:45–10:15 local time), burden 107. Already bore 128 "
        "over the recent meetings, so this counts more."
    )
    assert [seen.total for seen in costly.members] == [128 + 107, 107]


def test_a_time_that_only_adds_burden_is_never_preferred_to_level_the_ratio():
    # Sulistri bore five late meetings; Gabriela nothing. Burdening Gabriela deep in her night
    # would bring their totals closer without sparing Sulistri any more than 06:30 does.
    late = [
        (
            at("2026-01-05T13:00") + datetime.timedelta(days=day),
            at("2026-01-05T16:30") + datetime.timedelta(days=day),
        )
        for day in range(5)
    ]
    members = [with_history(LA_PAZ, late), with_history(JAKARTA, late)]
    best = one_day(members, 210, series=[starts for starts, _ends in late])
    assert best[0].starts_at == at("2026-01-14T10:30")
    assert [seen.burden for seen in best[0].members] == [128, 0]


def test_the_history_is_judged_with_each_members_hours_now():
    meetings = [
        (at("2026-01-07T10:30"), at("2026-01-07T14:00")),  # Gabriela 30 minutes early
        (at("2026-01-08T11:00"), at("2026-01-08T14:00")),  # within everyone's hours
    ]
    gabriela, sulistri = (with_history(person, meetings) for person in (LA_PAZ, JAKARTA))
    assert (gabriela.burden_so_far, gabriela.times_outside, gabriela.meetings) == (128, 1, 2)
    assert (sulistri.burden_so_far, sulistri.times_outside, sulistri.meetings) == (0, 0, 2)


# --- Hard limits --------------------------------------------------------------------------------


def local_minutes(seen) -> list[datetime.time]:
    """Every quarter of an hour the meeting covers, on the member's clock."""
    moment, times = seen.starts, []
    while moment < seen.ends:
        times.append(moment.time())
        moment += datetime.timedelta(minutes=15)
    return times


def test_no_suggestion_breaks_a_hard_limit():
    # Gabriela never starts before 06:45 (10:45 UTC), Sulistri never stays after 21:45
    # (14:45 UTC): around their shared hours, only 10:45-14:45 UTC is left for 4 hours.
    strict = [
        dataclasses.replace(LA_PAZ, never_before=datetime.time(6, 45)),
        dataclasses.replace(JAKARTA, never_after=datetime.time(21, 45)),
    ]
    every = one_day(strict, minutes=240, limit=None)
    assert every[0].starts_at == at("2026-01-14T10:45")
    around = [
        s.starts_at for s in every if at("2026-01-14T06:00") <= s.starts_at < at("2026-01-14T16:00")
    ]
    assert around == [at("2026-01-14T10:45")]
    for slot in every:
        gabriela, sulistri = slot.members
        # Gabriela's forbidden stretch runs from the middle of her night (02:00) to 06:45,
        # Sulistri's from 21:45 to the middle of hers.
        assert not [
            t for t in local_minutes(gabriela) if datetime.time(2) <= t < datetime.time(6, 45)
        ]
        assert not [
            t for t in local_minutes(sulistri) if t >= datetime.time(21, 45) or t < datetime.time(2)
        ]
    # Without the limits, the rotation's first meeting leaves the whole hour to Gabriela.
    assert one_day([LA_PAZ, JAKARTA], minutes=240)[0].starts_at == at("2026-01-14T10:00")


def test_a_single_hard_limit_rules_out_its_half_of_the_night_only():
    # "Never after 23:00" alone: nothing from 23:00 to the middle of the night (02:00); a
    # meeting at 03:00 is outside the hours but allowed.
    evening = dataclasses.replace(JAKARTA, never_after=datetime.time(23))
    assert judge(evening, at("2026-01-14T15:00"), at("2026-01-14T16:00")).forbidden is False
    assert judge(evening, at("2026-01-14T15:15"), at("2026-01-14T16:15")).forbidden is True
    assert judge(evening, at("2026-01-14T18:30"), at("2026-01-14T19:30")).forbidden is True
    assert judge(evening, at("2026-01-14T19:00"), at("2026-01-14T20:00")).forbidden is False
    # "Never before 06:00" alone: nothing from 02:00 to 06:00; 01:00 is allowed.
    morning = dataclasses.replace(JAKARTA, never_before=datetime.time(6))
    assert judge(morning, at("2026-01-14T18:00"), at("2026-01-14T19:00")).forbidden is False
    assert judge(morning, at("2026-01-14T22:45"), at("2026-01-14T23:45")).forbidden is True
    assert judge(morning, at("2026-01-14T23:00"), at("2026-01-15T00:00")).forbidden is False


@pytest.mark.parametrize(
    ("never_before", "never_after", "errors"),
    [
        (None, None, set()),
        (datetime.time(2), datetime.time(2), set()),  # both at the middle: every night is ruled out
        (datetime.time(6), datetime.time(23, 30), set()),
        (datetime.time(7), datetime.time(21), set()),
        (datetime.time(1, 45), None, {"never_before"}),
        (datetime.time(7, 15), None, {"never_before"}),
        (datetime.time(12), None, {"never_before"}),
        (None, datetime.time(2, 15), {"never_after"}),
        (None, datetime.time(20, 45), {"never_after"}),
    ],
)
def test_hard_limits_must_lie_on_their_own_side_of_the_night(never_before, never_after, errors):
    found = hard_limit_errors(
        earliest=datetime.time(7),
        latest=datetime.time(21),
        never_before=never_before,
        never_after=never_after,
    )
    assert set(found) == errors


def test_the_middle_of_the_night_follows_the_hours():
    assert night_middle(datetime.time(7), datetime.time(21)) == datetime.time(2)
    assert night_middle(datetime.time(8), datetime.time(22)) == datetime.time(3)
    assert night_middle(datetime.time(10), datetime.time(23, 30)) == datetime.time(4, 45)


def test_daylight_saving_inside_the_range_changes_the_local_time_of_the_same_utc_slot():
    only = [BRUSSELS]
    slots = find_slots(
        members=only,
        first_day=datetime.date(2026, 3, 27),
        last_day=datetime.date(2026, 3, 30),
        minutes=60,
        include_weekends=True,
        limit=None,
    ).slots
    by_start = {slot.starts_at: slot for slot in slots}
    before, after = by_start[at("2026-03-27T05:30")], by_start[at("2026-03-30T05:30")]
    assert f"{before.members[0].starts:%H:%M}" == "06:30" and before.burden == 128
    assert f"{after.members[0].starts:%H:%M}" == "07:30" and after.burden == 0


def test_quarter_hour_steps_let_kathmandu_start_on_its_own_hour():
    narrow = member(
        5, "Bismo", "Asia/Kathmandu", earliest=datetime.time(7), latest=datetime.time(9)
    )
    best = one_day([narrow], minutes=120)[0]
    assert best.starts_at == at("2026-01-14T01:15") and best.score == 0
    assert f"{best.members[0].starts:%H:%M}" == "07:00"
    assert one_day([narrow], minutes=120, step=30)[0].burden > 0


def test_weekends_are_left_out_unless_asked_judged_on_each_members_local_date():
    friday, monday = datetime.date(2026, 1, 16), datetime.date(2026, 1, 19)
    kept = find_slots(
        members=[JAKARTA, LA_PAZ], first_day=friday, last_day=monday, minutes=60, limit=None
    ).slots
    starts = {slot.starts_at for slot in kept}
    assert not any(start.weekday() >= 5 for start in starts)
    assert at("2026-01-16T16:00") in starts  # Friday 23:00 in Jakarta
    assert at("2026-01-16T17:00") not in starts  # already Saturday 00:00 in Jakarta
    assert at("2026-01-19T03:00") not in starts  # still Sunday 23:00 in La Paz
    assert at("2026-01-19T04:00") in starts
    everything = find_slots(
        members=[JAKARTA, LA_PAZ],
        first_day=friday,
        last_day=monday,
        minutes=60,
        include_weekends=True,
        limit=None,
    ).slots
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
    assert "Gabriela: 30 minutes too early (06:30–10:00 local time), burden 128." in html
    assert "America/La_Paz" in html and "Asia/Jakarta" in html
    assert "Wed 14 Jan, 06:30–10:00" in html  # Gabriela's local time of the first slot
    # The rotation the first suggestion opens: each takes the half hour in turn.
    assert rotation_items(html) == [
        "10:30–14:00 UTC (the first suggestion): outside their hours: Gabriela",
        "10:30–14:00 UTC: outside their hours: Gabriela",
        "10:30–14:00 UTC: outside their hours: Gabriela",
        "11:00–14:30 UTC: outside their hours: Sulistri",
        "11:00–14:30 UTC: outside their hours: Sulistri",
        "11:00–14:30 UTC: outside their hours: Sulistri",
    ]
    assert "would be outside their hours in every meeting" not in html
    assert "(Europe/Brussels, UTC+01:00)" in html  # the reader has no person: the committee's zone
    assert "This committee has had no meeting in the year before the first day searched" in html
    assert "Schedule a meeting at this time" not in html
    assert html.count('class="slot"') == 10


def test_the_chair_may_schedule_from_a_slot(client, committee):
    person = PersonFactory(name="Santiago", time_zone="Asia/Kolkata")
    seat(committee, person, office=Office.CHAIR)
    chair = UserFactory(person=person)
    add_second_factor(chair)  # governing asks for one
    client.force_login(chair)
    html = client.get(finder(minutes="120")).content.decode()
    schedule = reverse("governance:meeting_create", kwargs={"slug": "intercontinental"})
    assert f'href="{schedule}?starts_at=2026-01-14T11%3A00Z&amp;minutes=120"' in html
    assert "(Asia/Kolkata, UTC+05:30)" in html  # shown in the reader's own zone


def rotation_items(html: str) -> list[str]:
    page = BeautifulSoup(html, "html.parser")
    return [" ".join(item.get_text().split()) for item in page.select("ol.slot-rotation li")]


def page_rows(html: str, caption: str) -> dict[str, list[str]]:
    """The rows of the table captioned `caption`, by the member's name, as cell texts."""
    page = BeautifulSoup(html, "html.parser")
    table = next(t for t in page.find_all("table") if caption in t.caption.get_text())
    return {
        row.th.contents[0].strip(): [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in table.tbody.find_all("tr")
    }


def test_the_recent_meetings_decide_who_is_spared_and_the_page_shows_the_burden(client, committee):
    gabriela = committee.mandates.get(person__name="Gabriela").person
    december = MeetingFactory(  # Gabriela 30 minutes early, Sulistri within her hours
        committee=committee,
        starts_at=at("2025-12-10T10:30"),
        ends_at=at("2025-12-10T14:00"),
    )
    ParticipantFactory(meeting=december, person=gabriela)
    MeetingFactory(  # cancelled, so it does not count
        committee=committee,
        status=MeetingStatus.CANCELLED,
        starts_at=at("2026-01-07T11:00"),
        ends_at=at("2026-01-07T14:30"),
    )
    for week in range(6):  # older than the last six meetings: Sulistri late, not counted
        MeetingFactory(
            committee=committee,
            starts_at=at("2025-10-01T13:00") + datetime.timedelta(weeks=week),
            ends_at=at("2025-10-01T16:00") + datetime.timedelta(weeks=week),
        )
    client.force_login(user_with_role(committee.network, Role.MEMBER))
    html = client.get(finder()).content.decode()
    history = page_rows(html, "burden over the last 6 meetings")
    # Six meetings count: December's and the five latest of October-November, which have no
    # participants recorded and so count for every member. Sulistri was late in those five;
    # December's counts for Gabriela alone, its one participant.
    assert history["Gabriela"][2:] == ["128", "1 of 6"]
    assert history["Sulistri"][2] != "0" and history["Sulistri"][3] == "5 of 5"
    # Sulistri has borne more: Gabriela takes the whole half hour this time.
    assert "1. Wednesday 14 January 2026, 10:30–14:00 UTC" in html
    first = page_rows(html, "Who bears what")
    assert first["Gabriela"] == ["Wed 14 Jan, 06:30–10:00", "early, 30 minutes", "128", "128 → 256"]
    assert first["Sulistri"][1:3] == ["no", "—"]


def test_a_meeting_more_than_a_year_old_is_no_longer_part_of_the_series(client, committee):
    MeetingFactory(  # 3 hours late for Sulistri, 400 days before the search
        committee=committee, starts_at=at("2024-12-10T13:00"), ends_at=at("2024-12-10T17:00")
    )
    client.force_login(user_with_role(committee.network, Role.MEMBER))
    html = client.get(finder()).content.decode()
    assert "no meeting in the year before the first day searched" in html
    assert page_rows(html, "burden over")["Sulistri"][2:] == ["0", "0 of 0"]
    assert "1. Wednesday 14 January 2026, 10:30–14:00 UTC" in html


def test_the_finder_says_when_someones_hours_leave_them_outside_every_time(client, committee):
    # One hour a day cannot hold a meeting of 3 h 30: Sulistri is outside her hours at every
    # time, and the page says so rather than pretend the rotation spares her.
    sulistri = committee.mandates.get(person__name="Sulistri").person
    AvailableHours.objects.create(
        person=sulistri, earliest=datetime.time(9), latest=datetime.time(10)
    )
    client.force_login(user_with_role(committee.network, Role.MEMBER))
    html = client.get(finder()).content.decode()
    assert "Even so, 1 member would be outside their hours in every meeting" in html
    assert all("Sulistri" in item for item in rotation_items(html))


def test_the_finder_never_suggests_a_time_beyond_a_hard_limit(client, committee):
    sulistri = committee.mandates.get(person__name="Sulistri").person
    AvailableHours.objects.create(person=sulistri, never_after=datetime.time(21, 15))
    client.force_login(user_with_role(committee.network, Role.MEMBER))
    html = client.get(finder()).content.decode()
    # 11:00-14:30 UTC would end at 21:30 in Jakarta: never suggested, nor planned. Gabriela
    # takes the half hour now; the rotation spares her once, with a morning for Sulistri.
    assert "1. Wednesday 14 January 2026, 10:30–14:00 UTC" in html
    assert "11:00–14:30 UTC" not in html
    assert rotation_items(html) == [
        "10:30–14:00 UTC (the first suggestion): outside their hours: Gabriela",
        *["10:30–14:00 UTC: outside their hours: Gabriela"] * 4,
        "21:30–01:00 UTC: outside their hours: Sulistri",
    ]
    assert page_rows(html, "burden over")["Sulistri"][1] == "never after 21:15"
    # Limits on both sides at the edges of their hours leave no room for 3 h 30 in the three
    # hours they share.
    gabriela = committee.mandates.get(person__name="Gabriela").person
    everything = {"never_before": datetime.time(7), "never_after": datetime.time(21)}
    AvailableHours.objects.create(person=gabriela, **everything)
    AvailableHours.objects.filter(person=sulistri).update(**everything)
    html = client.get(finder()).content.decode()
    assert "1. Wednesday" not in html
    assert "No time in this range respects everyone's hard limits" in html
    assert "Members with hard limits: Gabriela, Sulistri." in html


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
            meeting = MeetingFactory(
                committee=committee, starts_at=at(f"2025-12-{index % 28 + 1:02d}T12:00")
            )
            ParticipantFactory(meeting=meeting, person=person)
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


def test_my_hard_limits_are_saved_audited_and_shown(client, committee):
    gabriela = committee.mandates.get(person__name="Gabriela").person
    user = UserFactory(person=gabriela)
    client.force_login(user)
    html = client.get(HOURS).content.decode()
    assert 'name="never_before"' in html and 'name="never_after"' in html
    assert "the middle of your night (now 02:00)" in html
    response = client.post(
        HOURS,
        {
            "earliest": "07:00",
            "latest": "21:00",
            "never_before": "06:00",
            "never_after": "",
            "was_earliest": "07:00",
            "was_latest": "21:00",
        },
    )
    assert response.status_code == 302
    hours = AvailableHours.objects.get(person=gabriela)
    assert (hours.never_before, hours.never_after) == (datetime.time(6), None)
    entry = AuditEntry.objects.get(action="governance.available_hours.updated")
    assert entry.changes["never_before"] == [None, "06:00"]
    assert "never_after" not in entry.changes
    html = client.get(HOURS).content.decode()
    assert 'name="never_before" value="06:00"' in html
    assert 'name="was_never_before" value="06:00"' in html
    # Removing the limit is a change too.
    response = client.post(
        HOURS,
        {
            "earliest": "07:00",
            "latest": "21:00",
            "never_before": "",
            "was_earliest": "07:00",
            "was_latest": "21:00",
            "was_never_before": "06:00",
        },
    )
    assert response.status_code == 302
    assert AvailableHours.objects.get(person=gabriela).never_before is None


@pytest.mark.parametrize(
    ("typed", "field", "error"),
    [
        (
            {"never_before": "01:00"},
            "never_before",
            "“Never before” must fall between the middle of your night (02:00) and the start "
            "of your hours (07:00).",
        ),
        (
            {"never_before": "08:00"},
            "never_before",
            "“Never before” must fall between the middle of your night (02:00) and the start "
            "of your hours (07:00).",
        ),
        (
            {"never_after": "20:00"},
            "never_after",
            "“Never after” must fall between the end of your hours (21:00) and the middle of "
            "your night (02:00).",
        ),
        (
            {"latest": "23:00", "never_after": "03:30"},  # the middle moved to 03:00
            "never_after",
            "“Never after” must fall between the end of your hours (23:00) and the middle of "
            "your night (03:00).",
        ),
        ({"never_after": "late"}, "never_after", "Enter a valid time."),
    ],
)
def test_my_hard_limits_are_refused_outside_their_half_of_the_night(
    client, committee, typed, field, error
):
    gabriela = committee.mandates.get(person__name="Gabriela").person
    client.force_login(UserFactory(person=gabriela))
    response = client.post(HOURS, {"earliest": "07:00", "latest": "21:00", **typed})
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [error]
    assert f'value="{typed[field]}"' in response.content.decode()
    assert not AvailableHours.objects.exists()


def test_the_service_refuses_limits_the_form_would_refuse(committee):
    gabriela = committee.mandates.get(person__name="Gabriela").person
    with pytest.raises(ValidationError) as refused:
        available_hours_set(
            actor=UserFactory(person=gabriela),
            person=gabriela,
            earliest=datetime.time(7),
            latest=datetime.time(21),
            never_after=datetime.time(4),
        )
    assert set(refused.value.message_dict) == {"never_after"}
    assert not AvailableHours.objects.exists()


def test_a_hard_limit_changed_meanwhile_is_not_overwritten(client, committee):
    gabriela = committee.mandates.get(person__name="Gabriela").person
    client.force_login(UserFactory(person=gabriela))
    AvailableHours.objects.create(person=gabriela, never_after=datetime.time(22))
    stale = {"earliest": "07:00", "latest": "21:00", "was_earliest": "07:00", "was_latest": "21:00"}
    html = client.post(HOURS, stale).content.decode()
    assert "changed elsewhere" in html
    assert "Saved now: 07:00–21:00. Never after 22:00." in html
    assert AvailableHours.objects.get(person=gabriela).never_after == datetime.time(22)


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
