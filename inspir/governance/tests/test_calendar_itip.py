"""Invitations and cancellations (iTIP, RFC 5546) name the organizer and every participant,
with their answer so far, so that calendars offer to reply; a published file or feed names
nobody: the committee's feed is public."""

import datetime

import icalendar
import pytest
from django.urls import reverse

from inspir.accounts.tests.factories import UserFactory
from inspir.governance.calendar import meeting_ics
from inspir.governance.models import CalendarFeed, InvitationAnswer, Meeting
from inspir.governance.tests.factories import (
    CommitteeFactory,
    MeetingFactory,
    ParticipantFactory,
    seat,
)
from inspir.network.tests.factories import NetworkFactory, PersonFactory

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.datetime(2029, 12, 1, 9, 0, tzinfo=datetime.UTC)
ADDRESSES = ("awa.account@example.org", "moussa@example.org", "fatou@example.org")


@pytest.fixture
def meeting() -> Meeting:
    """Awa (whose account's address differs from the registry's) will attend, Moussa cannot,
    Fatou sends a delegate, Kofi has not answered and has no address at all; the agenda is
    published, so the meeting is in the committee's public feed."""
    committee = CommitteeFactory(network=NetworkFactory(name="INSP!R", slug="inspir"))
    meeting = MeetingFactory(committee=committee, title="March", agenda_published_at=PUBLISHED)
    awa = PersonFactory(name="Awa Diop", email="awa.registry@example.org")
    UserFactory(person=awa, email="awa.account@example.org")
    answers = {
        awa: InvitationAnswer.ATTENDING,
        PersonFactory(name="Moussa", email="moussa@example.org"): InvitationAnswer.NOT_ATTENDING,
        PersonFactory(name="Fatou, Ndiaye", email="fatou@example.org"): InvitationAnswer.DELEGATE,
        PersonFactory(name="Kofi", email=""): "",
    }
    for person, answer in answers.items():
        ParticipantFactory(meeting=meeting, person=person, answer=answer)
    return meeting


def attendees(text: str) -> dict[str, dict[str, str]]:
    (event,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    found = event.get("ATTENDEE", [])
    found = found if isinstance(found, list) else [found]
    return {str(address).removeprefix("mailto:"): dict(address.params) for address in found}


@pytest.mark.parametrize("method", ["REQUEST", "CANCEL"])
def test_an_invitation_names_every_participant_with_their_answer(meeting, method):
    text = meeting_ics(meeting, method=method)

    found = attendees(text)
    assert {address: params["PARTSTAT"] for address, params in found.items()} == {
        "awa.account@example.org": "ACCEPTED",  # the account's address, not the registry's
        "moussa@example.org": "DECLINED",
        "fatou@example.org": "DELEGATED",
    }  # Kofi has no address to write to
    assert found["fatou@example.org"]["CN"] == "Fatou, Ndiaye"
    assert {(p["ROLE"], p["RSVP"]) for p in found.values()} == {("REQ-PARTICIPANT", "TRUE")}
    (event,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(event["ORGANIZER"]).startswith("mailto:")


def test_an_unanswered_invitation_needs_action(meeting):
    meeting.participants.update(answer="")

    found = attendees(meeting_ics(meeting, method="REQUEST"))

    assert {params["PARTSTAT"] for params in found.values()} == {"NEEDS-ACTION"}


def test_published_files_and_feeds_name_nobody(client, meeting):
    person = meeting.participants.get(person__name="Moussa").person
    seat(meeting.committee, person)
    feed = CalendarFeed.objects.create(user=UserFactory(person=person), token="t" * 43)
    texts = {
        "download": meeting_ics(meeting),
        "committee feed": client.get(
            reverse("governance:committee_feed", kwargs={"slug": "inspir"})
        ).content.decode(),
        "personal feed": client.get(
            reverse("governance:person_feed", kwargs={"token": feed.token})
        ).content.decode(),
    }

    for name, text in texts.items():
        assert "BEGIN:VEVENT" in text, name
        assert "ATTENDEE" not in text and "ORGANIZER" not in text, name
        assert not any(address in text for address in ADDRESSES), name
