"""The invitation e-mail (sent over real SMTP) offers one link per answer; each opens the
answer page with that answer chosen, and only the person's confirmation saves it, since mail
scanners follow links. One who sends a delegate names them."""

import re

import icalendar
import pytest
from bs4 import BeautifulSoup

from inspir.core.models import AuditEntry
from inspir.governance.models import InvitationAnswer, Participant
from inspir.governance.notices import meeting_changed
from inspir.governance.tests.test_invitation_answers import answer_of, invited  # noqa: F401

pytestmark = pytest.mark.django_db


def send_invitation(invited, django_capture_on_commit_callbacks) -> None:  # noqa: F811
    with django_capture_on_commit_callbacks(execute=True):
        meeting_changed(invited["meeting"].pk, kind="scheduled", previous_start=None, actor=None)


def links_in(body: str) -> dict[str, str]:
    """The answer links of an e-mail body, by the answer they choose."""
    return {
        answer: url for url, answer in re.findall(r"(https?://\S+/answer/\?answer=(\w+))", body)
    }


def test_the_invitation_e_mail_links_each_answer_to_the_answer_page(
    invited,  # noqa: F811
    mailbox,
    django_capture_on_commit_callbacks,
):
    send_invitation(invited, django_capture_on_commit_callbacks)

    (message,) = mailbox.to("awa@example.org")
    body = mailbox.body(message)
    links = links_in(body)
    assert set(links) == {"attending", "not_attending", "delegate"}
    answer_page = invited["url"].removeprefix("/en")
    assert all(answer_page in url for url in links.values())
    # In Awa's language, each link beside its answer.
    lines = body.splitlines()
    assert f"Je participerai: {links['attending']}" in lines
    assert f"Je ne pourrai pas participer: {links['not_attending']}" in lines


def test_the_invitation_s_calendar_file_names_the_participants_and_their_answers(
    invited,  # noqa: F811
    mailbox,
    django_capture_on_commit_callbacks,
):
    Participant.objects.filter(person=invited["moussa"].person).update(
        answer=InvitationAnswer.NOT_ATTENDING
    )
    send_invitation(invited, django_capture_on_commit_callbacks)

    (message,) = mailbox.to("awa@example.org")
    (ics,) = [p for p in message.iter_attachments() if p.get_filename() == "meeting.ics"]
    (event,) = icalendar.Calendar.from_ical(ics.get_content()).walk("VEVENT")
    assert {str(a): a.params["PARTSTAT"] for a in event["ATTENDEE"]} == {
        "mailto:awa@example.org": "NEEDS-ACTION",
        "mailto:moussa@example.org": "DECLINED",
    }


def test_following_a_link_chooses_the_answer_and_only_confirming_saves_it(
    client,
    invited,  # noqa: F811
):
    meeting, awa = invited["meeting"], invited["awa"]
    client.force_login(awa)

    response = client.get(invited["url"], {"answer": "not_attending"})

    assert response.status_code == 200
    assert answer_of(awa, meeting).answer == ""  # a scanner following the link changes nothing
    assert not AuditEntry.objects.filter(action="governance.invitation.answered").exists()
    page = BeautifulSoup(response.content, "html.parser")
    (checked,) = page.select('input[name="answer"][checked]')
    assert checked["value"] == "not_attending"
    assert len(page.select('input[name="answer"][type="radio"]')) == 3

    response = client.post(invited["url"], {"answer": "not_attending", "back": "meeting"})

    assert response.status_code == 302
    assert answer_of(awa, meeting).answer == InvitationAnswer.NOT_ATTENDING


def test_a_link_to_an_unknown_answer_chooses_the_one_already_given(client, invited):  # noqa: F811
    Participant.objects.filter(person=invited["awa"].person).update(
        answer=InvitationAnswer.ATTENDING
    )
    client.force_login(invited["awa"])

    page = BeautifulSoup(client.get(invited["url"], {"answer": "maybe"}).content, "html.parser")

    (checked,) = page.select('input[name="answer"][checked]')
    assert checked["value"] == "attending"


def test_who_is_not_signed_in_logs_in_and_comes_back_to_the_chosen_answer(
    client,
    invited,  # noqa: F811
):
    response = client.get(invited["url"], {"answer": "attending"})

    assert response.status_code == 302
    assert "answer%3Dattending" in response["Location"]  # kept through the log-in


def test_a_delegate_is_named_in_the_note(client, invited):  # noqa: F811
    meeting, awa = invited["meeting"], invited["awa"]
    client.force_login(awa)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "I send a delegate" in page  # offered on the meeting page too

    response = client.post(invited["url"], {"answer": "delegate", "note": "  "})

    assert response.status_code == 200
    assert "Give the name of the person you send in your place." in response.content.decode()
    assert answer_of(awa, meeting).answer == ""

    response = client.post(
        invited["url"], {"answer": "delegate", "note": "Moussa Traoré", "back": "meeting"}
    )

    assert response.status_code == 302
    saved = answer_of(awa, meeting)
    assert (saved.answer, saved.answer_note) == (InvitationAnswer.DELEGATE, "Moussa Traoré")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "You answered that you send a delegate." in page and "Moussa Traoré" in page


def test_the_service_also_refuses_a_delegate_without_a_name(invited):  # noqa: F811
    from django.core.exceptions import ValidationError

    from inspir.governance.services.meetings import invitation_answer

    participant = answer_of(invited["awa"], invited["meeting"])
    with pytest.raises(ValidationError):
        invitation_answer(
            participant=participant, actor=invited["awa"], answer=InvitationAnswer.DELEGATE
        )
