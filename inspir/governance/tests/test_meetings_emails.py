"""Meeting e-mails, sent over real SMTP: each participant in their language and time zone,
with the calendar file attached so that calendars add, update or remove the event."""

import datetime

import pytest
from django.urls import reverse

from inspir.accounts.tests.factories import UserFactory
from inspir.governance.models import Meeting, MinutesStatus
from inspir.governance.services.meetings import meeting_cancel, meeting_update
from inspir.governance.tests.factories import MeetingFactory, ParticipantFactory
from inspir.governance.tests.test_meetings import World, make_world, schedule_data
from inspir.network.tests.factories import PersonFactory

UTC = datetime.UTC


@pytest.fixture
def world(db) -> World:
    return make_world()


def calendar_of(message) -> str:
    files = [part for part in message.iter_attachments() if part.get_filename() == "meeting.ics"]
    assert len(files) == 1
    return files[0].get_content()


def invited_meeting(world: World) -> Meeting:
    meeting = MeetingFactory(
        committee=world.committee,
        title="January meeting",
        starts_at=datetime.datetime(2030, 1, 15, 13, 0, tzinfo=UTC),
        time_zone="Europe/Brussels",
    )
    for person in (world.la_paz, world.porto_novo):
        ParticipantFactory(meeting=meeting, person=person)
    return meeting


def test_scheduling_emails_each_member_in_their_language_and_zone(
    client, world, mailbox, django_capture_on_commit_callbacks
):
    client.force_login(world.governor)
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, schedule_data())
    assert len(mailbox.messages) == 5  # every member of the committee
    (bolivian,) = mailbox.to(world.la_paz.email)
    body = mailbox.body(bolivian)
    assert "enero" in body  # Spanish
    assert "09:00" in body and "America/La_Paz, UTC−04:00" in body
    assert "14:00" in body and "Europe/Brussels, UTC+01:00" in body  # the meeting's own zone
    assert "https://meet.example.org/inspir" in body
    assert "enero" in bolivian["Subject"]
    (beninese,) = mailbox.to(world.porto_novo.email)
    body = mailbox.body(beninese)
    assert "janvier" in body  # French
    assert "14:00" in body and "Africa/Porto-Novo, UTC+01:00" in body
    (javanese,) = mailbox.to(world.jakarta.email)
    assert "January" in mailbox.body(javanese)  # neither fr, en nor es first: English
    assert "20:00" in mailbox.body(javanese)
    ics = calendar_of(bolivian)
    assert "BEGIN:VCALENDAR" in ics and "METHOD:REQUEST" in ics
    assert str(Meeting.objects.get().uid) in ics


def test_a_time_change_emails_an_update_but_a_plain_resave_does_not(
    world, mailbox, django_capture_on_commit_callbacks
):
    meeting = invited_meeting(world)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = meeting_update(
            meeting=meeting, actor=world.governor, version=meeting.version, data={}
        )
    assert mailbox.messages == []
    with django_capture_on_commit_callbacks(execute=True):
        meeting_update(
            meeting=meeting,
            actor=world.governor,
            version=meeting.version,
            data={"starts_at": datetime.datetime(2030, 1, 15, 14, 0, tzinfo=UTC)},
        )
    (bolivian,) = mailbox.to(world.la_paz.email)
    body = mailbox.body(bolivian)
    assert "10:00" in body  # the new time in La Paz
    assert "09:00" in body  # what it was
    ics = calendar_of(bolivian)
    assert "SEQUENCE:1" in ics


def test_cancelling_emails_a_cancellation_with_the_calendar_file(
    world, mailbox, django_capture_on_commit_callbacks
):
    meeting = invited_meeting(world)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_cancel(meeting=meeting, actor=world.governor)
    (beninese,) = mailbox.to(world.porto_novo.email)
    assert "janvier" in mailbox.body(beninese)
    assert "METHOD:CANCEL" in calendar_of(beninese)
    assert len(mailbox.messages) == 2


def test_publishing_the_minutes_emails_a_link_to_every_participant(
    client, world, mailbox, django_capture_on_commit_callbacks
):
    meeting = invited_meeting(world)
    meeting.minutes = "We agreed."
    meeting.minutes_status = MinutesStatus.APPROVED  # published once approved
    meeting.save()
    # A participant without an address of their own is written to at their account's.
    without_address = PersonFactory(email="", languages=[])
    UserFactory(person=without_address, email="account@example.org")
    ParticipantFactory(meeting=meeting, person=without_address)
    client.force_login(world.governor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("governance:minutes_publish", kwargs={"pk": meeting.pk}))
    # The participants, and the committee's members who did not take part.
    assert len(mailbox.messages) == 6
    (account,) = mailbox.to("account@example.org")
    assert f"/en/governance/meetings/{meeting.pk}/" in mailbox.body(account)
    (bolivian,) = mailbox.to(world.la_paz.email)
    assert f"/es/governance/meetings/{meeting.pk}/" in mailbox.body(bolivian)
    assert not list(bolivian.iter_attachments())
