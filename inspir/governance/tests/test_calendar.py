"""Calendar files and feeds (RFC 5545): read back with an independent parser (vobject) as
well as with the library that wrote them (icalendar), so that what calendars receive is
valid, updates in place (same UID, growing SEQUENCE) and disappears when cancelled."""

import datetime
from dataclasses import dataclass

import icalendar
import pytest
import vobject
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from inspir.accounts.models import Role, User
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.core.models import AuditEntry
from inspir.core.time import to_utc
from inspir.governance.calendar import feed_ics, meeting_ics
from inspir.governance.models import CalendarFeed, Committee, Meeting, MeetingFormat
from inspir.governance.tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingFactory,
    ParticipantFactory,
    seat,
)
from inspir.network.models import Network
from inspir.network.tests.factories import NetworkFactory, PersonFactory

UTC = datetime.UTC
PUBLISHED = datetime.datetime(2029, 12, 1, 9, 0, tzinfo=UTC)
SITE_URL = "https://inspir.example.org"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE_URL


def parse(text: str) -> vobject.base.Component:
    """Read with vobject, and check icalendar's own parser agrees on the events."""
    calendar = vobject.readOne(text)
    own = icalendar.Calendar.from_ical(text)
    assert [str(event["UID"]) for event in own.walk("VEVENT")] == [
        event.uid.value for event in calendar.contents.get("vevent", [])
    ]
    return calendar


def events(calendar: vobject.base.Component) -> dict[str, vobject.base.Component]:
    return {event.summary.value: event for event in calendar.contents.get("vevent", [])}


def ics_of(meeting: Meeting, method: str = "PUBLISH") -> vobject.base.Component:
    fresh = Meeting.objects.select_related("committee__network").get(pk=meeting.pk)
    return parse(meeting_ics(fresh, method=method)).vevent


@dataclass
class World:
    network: Network
    committee: Committee
    member: User  # a member of the network, without a seat
    seated: User  # holds a mandate on the committee
    outsider: User


def make_world() -> World:
    network = NetworkFactory(name="INSP!R", slug="inspir")
    committee = CommitteeFactory(network=network)
    other = NetworkFactory(name="Elsewhere", slug="elsewhere")
    person = PersonFactory(name="Gabriela Prudencio", email="gabriela@example.org")
    seat(committee, person)
    seated = UserFactory(person=person)
    return World(
        network=network,
        committee=committee,
        member=user_with_role(network, Role.MEMBER),
        seated=seated,
        outsider=user_with_role(other, Role.MEMBER),
    )


@pytest.fixture
def world(db) -> World:
    return make_world()


# --- One meeting's file -------------------------------------------------------------------------


def test_a_meeting_file_parses_with_its_times_link_and_agenda(db):
    meeting = MeetingFactory(
        title="Réunion préparatoire : évaluación de la protección social",
        starts_at=datetime.datetime(2030, 1, 15, 13, 0, tzinfo=UTC),
        time_zone="Europe/Brussels",
        video_url="https://meet.example.org/inspir",
        agenda_published_at=PUBLISHED,
    )
    AgendaItemFactory(meeting=meeting, title="Rapport du Bénin", position=1)
    AgendaItemFactory(meeting=meeting, title="Campaña en Bolivia", position=2)
    text = meeting_ics(meeting)

    event = parse(text).vevent
    assert event.uid.value == f"{meeting.uid}@inspir.example.org"
    assert event.dtstart.value == datetime.datetime(2030, 1, 15, 13, 0, tzinfo=UTC)
    assert event.dtend.value == datetime.datetime(2030, 1, 15, 15, 0, tzinfo=UTC)
    assert event.summary.value.endswith(
        "— Réunion préparatoire : évaluación de la protección social"
    )
    assert event.status.value == "CONFIRMED"
    assert event.sequence.value == "0"
    # A virtual meeting: the video link is where it takes place, and its conference.
    assert event.location.value == "https://meet.example.org/inspir"
    assert event.conference.value == "https://meet.example.org/inspir"
    assert event.conference.params["FEATURE"] == ["VIDEO"]
    description = event.description.value
    assert "https://meet.example.org/inspir" in description
    assert "1. Rapport du Bénin\n2. Campaña en Bolivia" in description
    assert "Europe/Brussels, UTC+01:00" in description
    assert f"{SITE_URL}/en/governance/meetings/{meeting.pk}/" in description
    assert event.url.value == f"{SITE_URL}/en/governance/meetings/{meeting.pk}/"
    assert "organizer" not in event.contents  # a downloadable file names nobody


def test_a_meeting_file_links_to_the_configured_site_on_another_port(db, settings):
    settings.SITE_URL = "http://127.0.0.1:8123"  # `make demo PORT=8123`
    meeting = MeetingFactory(agenda_published_at=PUBLISHED)

    event = ics_of(meeting)

    assert event.url.value == f"http://127.0.0.1:8123/en/governance/meetings/{meeting.pk}/"
    assert event.uid.value == f"{meeting.uid}@127.0.0.1"
    assert "127.0.0.1:8000" not in meeting_ics(meeting)


def test_lines_end_with_crlf_and_are_folded_at_75_octets(db):
    meeting = MeetingFactory(
        title="Séance extraordinaire du comité — évaluation, réflexion, décisions, "
        "acciones y campañas de protección social en América Latina",
        location="Maison des syndicats, 1ᵉʳ étage, salle « Égalité », Cotonou",
        format=MeetingFormat.HYBRID,
    )
    text = meeting_ics(meeting)
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines)  # no bare LF anywhere
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # the long title was folded
    for line in lines:
        line.decode("utf-8")  # never folded inside a multi-byte character
    event = parse(text).vevent
    assert "acciones y campañas de protección social en América Latina" in event.summary.value
    assert event.location.value == "Maison des syndicats, 1ᵉʳ étage, salle « Égalité », Cotonou"


def test_edits_keep_the_uid_and_raise_the_sequence_and_a_cancellation_says_so(db):
    meeting = MeetingFactory(title="January meeting")
    first = ics_of(meeting)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=datetime.datetime(2030, 1, 16, 13, 0, tzinfo=UTC),
        ends_at=datetime.datetime(2030, 1, 16, 15, 0, tzinfo=UTC),
        video_url="https://meet.example.org/new-room",
        sequence=1,
    )
    moved = ics_of(meeting)
    assert moved.uid.value == first.uid.value
    assert int(moved.sequence.value) > int(first.sequence.value)
    assert moved.dtstart.value == datetime.datetime(2030, 1, 16, 13, 0, tzinfo=UTC)
    assert moved.conference.value == "https://meet.example.org/new-room"
    assert moved.status.value == "CONFIRMED"

    Meeting.objects.filter(pk=meeting.pk).update(status="cancelled", sequence=2)
    cancelled = ics_of(meeting)
    assert cancelled.uid.value == first.uid.value
    assert cancelled.sequence.value == "2"
    assert cancelled.status.value == "CANCELLED"


def test_invitations_and_cancellations_carry_their_method_and_the_platform_as_organizer(db):
    meeting = MeetingFactory()
    request = parse(meeting_ics(meeting, method="REQUEST"))
    assert request.method.value == "REQUEST"
    assert request.vevent.organizer.value.lower().startswith("mailto:")
    assert "no-reply" in request.vevent.organizer.value  # not a person's address
    cancel = parse(meeting_ics(meeting, method="CANCEL"))
    assert cancel.method.value == "CANCEL"
    assert cancel.vevent.status.value == "CANCELLED"
    with pytest.raises(ValueError):
        meeting_ics(meeting, method="DELETE")


@pytest.mark.parametrize(
    ("wall_clock", "utc_start", "offset"),
    [
        # Brussels: clocks go forward on 31 March 2030...
        ((2030, 3, 30, 14), datetime.datetime(2030, 3, 30, 13, 0, tzinfo=UTC), "+01:00"),
        ((2030, 3, 31, 14), datetime.datetime(2030, 3, 31, 12, 0, tzinfo=UTC), "+02:00"),
        # ... and back on 27 October 2030.
        ((2030, 10, 27, 9), datetime.datetime(2030, 10, 27, 8, 0, tzinfo=UTC), "+01:00"),
    ],
)
def test_times_are_exact_in_utc_across_a_daylight_saving_change(db, wall_clock, utc_start, offset):
    zone = "Europe/Brussels"
    starts = to_utc(datetime.datetime(*wall_clock, tzinfo=UTC).replace(tzinfo=None), zone)
    meeting = MeetingFactory(
        starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), time_zone=zone
    )
    text = meeting_ics(meeting)
    assert f"DTSTART:{utc_start:%Y%m%dT%H%M%S}Z" in text
    event = parse(text).vevent
    assert event.dtstart.value == utc_start
    assert event.dtend.value - event.dtstart.value == datetime.timedelta(hours=2)
    assert f"Europe/Brussels, UTC{offset}" in event.description.value


def test_the_meeting_page_link_follows_the_active_language(db):
    meeting = MeetingFactory(agenda_published_at=PUBLISHED)
    AgendaItemFactory(meeting=meeting, title="Rapports")
    with translation.override("fr"):
        text = meeting_ics(meeting)
    event = parse(text).vevent
    assert f"{SITE_URL}/fr/governance/meetings/{meeting.pk}/" == event.url.value


# --- Downloading a meeting's file ---------------------------------------------------------------


def test_anyone_downloads_a_published_meeting_but_only_members_an_unpublished_one(client, world):
    published = MeetingFactory(committee=world.committee, agenda_published_at=PUBLISHED)
    internal = MeetingFactory(committee=world.committee, title="Internal preparation")

    response = client.get(reverse("governance:meeting_ics", kwargs={"pk": published.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert parse(response.content.decode()).vevent.uid.value.startswith(str(published.uid))

    internal_url = reverse("governance:meeting_ics", kwargs={"pk": internal.pk})
    assert client.get(internal_url).status_code == 404
    client.force_login(world.outsider)
    assert client.get(internal_url).status_code == 404
    client.force_login(world.member)
    response = client.get(internal_url)
    assert response.status_code == 200
    assert "Internal preparation" in parse(response.content.decode()).vevent.summary.value


# --- The committee's public feed ----------------------------------------------------------------


def test_the_committee_feed_holds_only_published_meetings_and_cancellations(client, world):
    MeetingFactory(committee=world.committee, title="Published", agenda_published_at=PUBLISHED)
    MeetingFactory(committee=world.committee, title="Not published yet")
    MeetingFactory(
        committee=world.committee,
        title="Called off",
        agenda_published_at=PUBLISHED,
        status="cancelled",
        sequence=1,
    )
    long_ago = timezone.now() - datetime.timedelta(days=800)
    MeetingFactory(
        committee=world.committee,
        title="Long ago",
        starts_at=long_ago,
        ends_at=long_ago + datetime.timedelta(hours=2),
        agenda_published_at=long_ago,
    )
    MeetingFactory(title="Another committee", agenda_published_at=PUBLISHED)

    response = client.get(reverse("governance:committee_feed", kwargs={"slug": "inspir"}))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = parse(response.content.decode())
    assert calendar.contents["x-wr-calname"][0].value == str(world.committee)
    assert calendar.contents["refresh-interval"][0].params["VALUE"] == ["DURATION"]
    found = events(calendar)
    titles = " | ".join(found)
    assert "Published" in titles and "Called off" in titles
    assert "Not published yet" not in titles
    assert "Long ago" not in titles and "Another committee" not in titles
    (cancelled,) = [event for summary, event in found.items() if "Called off" in summary]
    assert cancelled.status.value == "CANCELLED"
    assert "@" not in cancelled.description.value.replace("@inspir", "")  # nobody's e-mail

    missing = reverse("governance:committee_feed", kwargs={"slug": "nowhere"})
    assert client.get(missing).status_code == 404


def test_the_committee_feed_is_capped(client, world, settings):
    settings.GOVERNANCE_FEED_MAX_MEETINGS = 2
    for day in (1, 2, 3):
        MeetingFactory(
            committee=world.committee,
            title=f"Day {day}",
            starts_at=datetime.datetime(2030, 2, day, 13, 0, tzinfo=UTC),
            agenda_published_at=PUBLISHED,
        )
    response = client.get(reverse("governance:committee_feed", kwargs={"slug": "inspir"}))
    titles = " | ".join(events(parse(response.content.decode())))
    assert "Day 2" in titles and "Day 3" in titles and "Day 1" not in titles


# --- The personal feed --------------------------------------------------------------------------


def feed_url(user: User) -> str:
    return reverse("governance:person_feed", kwargs={"token": user.calendar_feed.token})


def test_the_personal_feed_holds_my_committees_and_invitations_and_nothing_else(client, world):
    MeetingFactory(committee=world.committee, title="Unpublished of my committee")
    elsewhere = CommitteeFactory(network=NetworkFactory(slug="asia"))
    invited = MeetingFactory(committee=elsewhere, title="Invited elsewhere")
    ParticipantFactory(meeting=invited, person=world.seated.person)
    MeetingFactory(committee=elsewhere, title="Not mine", agenda_published_at=PUBLISHED)

    client.force_login(world.seated)
    settings_url = reverse("governance:calendar_feed_settings")
    response = client.post(settings_url, {"action": "create"})
    assert response.status_code == 302
    feed = CalendarFeed.objects.get(user=world.seated)
    assert len(feed.token) >= 40
    assert AuditEntry.objects.filter(action="governance.calendar_feed.created").count() == 1
    page = client.get(settings_url).content.decode()
    assert f"{SITE_URL}/en/governance/calendar/{feed.token}.ics" in page
    assert "Keep this address private." in page

    client.logout()  # calendar applications do not log in
    response = client.get(feed_url(world.seated))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"  # personal: kept in no cache
    titles = " | ".join(events(parse(response.content.decode())))
    assert "Unpublished of my committee" in titles
    assert "Invited elsewhere" in titles
    assert "Not mine" not in titles


def test_renewing_the_address_shuts_out_the_old_one(client, world):
    client.force_login(world.seated)
    settings_url = reverse("governance:calendar_feed_settings")
    client.post(settings_url, {"action": "create"})
    client.post(settings_url, {"action": "create"})  # asking twice keeps the address
    old = feed_url(world.seated)
    world.seated.refresh_from_db()
    assert feed_url(world.seated) == old
    client.post(settings_url, {"action": "renew"})
    world.seated.calendar_feed.refresh_from_db()
    new = feed_url(world.seated)
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert AuditEntry.objects.filter(action="governance.calendar_feed.renewed").count() == 1
    assert world.seated.calendar_feed.token not in str(
        list(AuditEntry.objects.values_list("changes", "object_repr"))
    )


def test_unknown_addresses_and_closed_accounts_find_nothing(client, world):
    bogus = "x" * 43
    assert client.get(reverse("governance:person_feed", kwargs={"token": bogus})).status_code == 404
    assert client.get(reverse("governance:person_feed", kwargs={"token": "a"})).status_code == 404
    CalendarFeed.objects.create(user=world.seated, token="t" * 43)
    url = reverse("governance:person_feed", kwargs={"token": "t" * 43})
    assert client.get(url).status_code == 200
    User.objects.filter(pk=world.seated.pk).update(is_active=False)
    assert client.get(url).status_code == 404


# --- The settings page --------------------------------------------------------------------------


def test_the_settings_page_asks_anonymous_visitors_to_log_in(client, db):
    url = reverse("governance:calendar_feed_settings")
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert client.post(url, {"action": "create"}).status_code == 302
    assert not CalendarFeed.objects.exists()


def test_the_settings_page_explains_an_empty_calendar_and_lists_committee_feeds(client, world):
    client.force_login(world.member)  # no person linked to the account
    page = client.get(reverse("governance:calendar_feed_settings")).content.decode()
    assert "not linked to a person" in page
    assert "Create my calendar address" in page
    assert f"{SITE_URL}/en/governance/committees/inspir/calendar.ics" in page
    assert "webcal://inspir.example.org/en/governance/committees/inspir/calendar.ics" in page
    assert "elsewhere" not in page  # a network the member does not read

    client.force_login(world.outsider)
    page = client.get(reverse("governance:calendar_feed_settings")).content.decode()
    assert "/committees/inspir/calendar.ics" not in page


def test_renewing_without_an_address_is_refused(client, world):
    client.force_login(world.seated)
    response = client.post(
        reverse("governance:calendar_feed_settings"), {"action": "renew"}, follow=True
    )
    assert "no calendar address to renew" in response.content.decode()
    assert not CalendarFeed.objects.exists()


# --- Query counts -------------------------------------------------------------------------------


def _populate(world: World, count: int) -> None:
    for number in range(count):
        meeting = MeetingFactory(
            committee=world.committee,
            starts_at=datetime.datetime(2030, 3, 1, 13, 0, tzinfo=UTC)
            + datetime.timedelta(days=number),
            agenda_published_at=PUBLISHED,
        )
        AgendaItemFactory(meeting=meeting)
        AgendaItemFactory(meeting=meeting)
        ParticipantFactory(meeting=meeting, person=world.seated.person)


def _queries(client, url: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), len(parse(response.content.decode()).contents["vevent"])


@pytest.mark.parametrize("feed", ["committee", "person"])
def test_feeds_read_in_a_constant_number_of_queries(client, world, feed):
    CalendarFeed.objects.create(user=world.seated, token="q" * 43)
    if feed == "committee":
        url = reverse("governance:committee_feed", kwargs={"slug": "inspir"})
    else:
        url = reverse("governance:person_feed", kwargs={"token": "q" * 43})
    _populate(world, 3)
    few, shown = _queries(client, url)
    assert shown == 3
    _populate(world, 27)
    many, shown = _queries(client, url)
    assert shown == 30
    # The committee (or the feed and its owner), meetings, agenda items, then the titles'
    # originals and their translations into the reader's language.
    assert few == many == 5


def test_the_settings_page_reads_in_a_constant_number_of_queries(client, db):
    staff = UserFactory(is_staff=True)  # reads every network's committee
    client.force_login(staff)
    url = reverse("governance:calendar_feed_settings")

    def committees(count: int) -> tuple[int, int]:
        for _ in range(count):
            CommitteeFactory()
        with CaptureQueriesContext(connection) as captured:
            page = client.get(url).content.decode()
        return len(captured), page.count("/calendar.ics</a>")

    few, shown = committees(3)
    assert shown == 3
    many, shown = committees(27)
    assert shown == 30
    assert few == many == 6


def test_feed_ics_writes_an_empty_calendar(db):
    calendar = parse(feed_ics([], name="Nothing yet"))
    assert "vevent" not in calendar.contents
    assert calendar.contents["x-wr-calname"][0].value == "Nothing yet"


def test_a_subscribed_feed_updates_the_same_event_in_place(client, world):
    meeting = MeetingFactory(
        committee=world.committee, title="Quarterly meeting", agenda_published_at=PUBLISHED
    )
    url = reverse("governance:committee_feed", kwargs={"slug": "inspir"})
    (before,) = parse(client.get(url).content.decode()).contents["vevent"]
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=datetime.datetime(2030, 1, 22, 13, 0, tzinfo=UTC),
        ends_at=datetime.datetime(2030, 1, 22, 15, 0, tzinfo=UTC),
        sequence=1,
    )
    (after,) = parse(client.get(url).content.decode()).contents["vevent"]
    assert after.uid.value == before.uid.value
    assert (before.sequence.value, after.sequence.value) == ("0", "1")
    assert after.dtstart.value == datetime.datetime(2030, 1, 22, 13, 0, tzinfo=UTC)
