"""An invited participant answers the invitation before the meeting ("I will attend", "I
cannot attend", a note), from the meeting page or from My work, until the meeting starts; the
committee's governors see the answers, and still record the attendance afterwards."""

import datetime
import io
import json
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import PASSWORD, user_with_role
from inspir.core.models import AuditEntry
from inspir.governance.models import Attendance, InvitationAnswer, MeetingStatus, Participant
from inspir.governance.services.meetings import participants_update
from inspir.governance.services.reminders import invitation_reminders, meeting_reminders
from inspir.governance.tests.factories import CommitteeFactory, MeetingFactory, ParticipantFactory
from inspir.network.tests.factories import NetworkFactory, PersonFactory
from inspir.notifications.emails import notice_text
from inspir.notifications.models import Notification

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


@pytest.fixture
def invited():
    """Awa, a member of INSP!R Bénin invited to its committee's meeting in ten days; Kofi,
    its coordinator, governs the committee; Moussa, a member, is invited too."""
    network = NetworkFactory(name="INSP!R Bénin", slug="benin")
    committee = CommitteeFactory(network=network, time_zone="Africa/Porto-Novo")
    meeting = MeetingFactory(
        committee=committee,
        title="Bureau de mars",
        # At noon: "tomorrow" in the participants' zones is then the same day whatever the
        # hour the test runs at.
        starts_at=(timezone.now() + datetime.timedelta(days=10)).replace(
            hour=12, minute=0, second=0, microsecond=0
        ),
    )
    awa = user_with_role(
        network,
        Role.MEMBER,
        email="awa@example.org",
        person=PersonFactory(name="Awa Diop", email="awa@example.org", languages=["fr"]),
    )
    moussa = user_with_role(
        network, Role.MEMBER, email="moussa@example.org", person=PersonFactory(name="Moussa")
    )
    for user in (awa, moussa):
        ParticipantFactory(meeting=meeting, person=user.person)
    return {
        "meeting": meeting,
        "awa": awa,
        "moussa": moussa,
        "governor": user_with_role(network, Role.COORDINATOR, email="kofi@example.org"),
        "url": reverse("governance:invitation_answer", kwargs={"pk": meeting.pk}),
    }


def answer_of(user, meeting) -> Participant:
    return Participant.objects.get(meeting=meeting, person=user.person)


def test_a_participant_answers_from_the_meeting_page_and_changes_their_mind(client, invited):
    meeting, awa = invited["meeting"], invited["awa"]
    client.force_login(awa)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "You have not answered this invitation yet." in page
    assert invited["url"] in page and "I will attend" in page and "I cannot attend" in page

    response = client.post(invited["url"], {"answer": "attending", "back": "meeting"})

    assert response.status_code == 302
    assert response["Location"] == f"{meeting.get_absolute_url()}#your-answer"
    saved = answer_of(awa, meeting)
    assert (saved.answer, saved.attendance) == (InvitationAnswer.ATTENDING, Attendance.INVITED)
    assert saved.answered_at is not None
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "You answered that you will attend." in page

    client.post(
        invited["url"], {"answer": "not_attending", "note": "In Cotonou that week", "back": ""}
    )

    saved = answer_of(awa, meeting)
    assert (saved.answer, saved.answer_note) == ("not_attending", "In Cotonou that week")
    assert list(
        AuditEntry.objects.filter(action="governance.invitation.answered")
        .order_by("pk")
        .values_list("changes", flat=True)
    ) == [{"answer": [None, "attending"]}, {"answer": ["attending", "not_attending"]}]


def test_the_governors_see_each_answer_and_the_counts_members_see_none(client, invited):
    meeting = invited["meeting"]
    Participant.objects.filter(person=invited["awa"].person).update(
        answer=InvitationAnswer.NOT_ATTENDING, answer_note="In Cotonou that week"
    )
    client.force_login(invited["governor"])

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert "0 will attend · 1 cannot attend · 1 has not answered" in page
    assert "sends a delegate" not in page  # said only when someone does
    assert "cannot attend" in page and "In Cotonou that week" in page
    assert "no answer yet" in page  # Moussa
    client.force_login(invited["moussa"])
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "In Cotonou that week" not in page and "cannot attend ·" not in page
    assert "You have not answered this invitation yet." in page


def test_attendance_is_still_recorded_apart_from_the_answer(invited):
    meeting, awa = invited["meeting"], invited["awa"]
    Participant.objects.filter(person=awa.person).update(answer=InvitationAnswer.ATTENDING)
    participant = answer_of(awa, meeting)

    participants_update(
        meeting=meeting, actor=invited["governor"], attendance={participant.pk: Attendance.ABSENT}
    )

    participant.refresh_from_db()
    assert (participant.answer, participant.attendance) == ("attending", "absent")


def test_nobody_else_answers_for_a_participant(client, invited):
    client.force_login(invited["governor"])  # governs the committee, is not invited
    assert client.get(invited["url"]).status_code == 404
    assert client.post(invited["url"], {"answer": "attending"}).status_code == 404
    client.logout()
    assert client.post(invited["url"], {"answer": "attending"}).status_code == 302  # log-in
    assert not Participant.objects.exclude(answer="").exists()


@pytest.mark.parametrize("change", ["started", "cancelled"])
def test_no_answer_once_the_meeting_started_or_was_cancelled(client, invited, change):
    meeting, awa = invited["meeting"], invited["awa"]
    if change == "started":
        meeting.starts_at = timezone.now() - datetime.timedelta(minutes=5)
        meeting.ends_at = timezone.now() + datetime.timedelta(hours=1)
    else:
        meeting.status = MeetingStatus.CANCELLED
    meeting.save()
    client.force_login(awa)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "I will attend" not in page
    # Nothing left to answer, nothing answered: the meeting page does not ask any more.
    assert "Your answer to the invitation" not in page
    assert "You have not answered this invitation yet" not in page

    response = client.post(
        invited["url"], {"answer": "attending"}, headers={"accept-language": "fr"}
    )

    assert response.status_code == 200
    assert answer_of(awa, meeting).answer == ""
    expected = "has started" if change == "started" else "is cancelled: there is nothing"
    assert expected in response.content.decode()


def test_a_bad_answer_is_refused_in_french_and_the_note_kept(client, invited):
    client.force_login(invited["awa"])
    note = "Je serai en mission à Parakou"

    response = client.post(
        invited["url"].replace("/en/", "/fr/", 1), {"answer": "maybe", "note": note}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Veuillez indiquer si vous participerez." in page
    assert note in page
    assert answer_of(invited["awa"], invited["meeting"]).answer == ""


def test_my_work_lists_the_invitation_with_its_two_buttons(client, invited):
    meeting, awa = invited["meeting"], invited["awa"]
    client.force_login(awa)
    page = client.get(reverse("core:my_work")).content.decode()
    assert "Meeting invitations to answer" in page
    assert "Bureau de mars" in page and invited["url"] in page
    assert 'value="attending"' in page and 'value="not_attending"' in page

    response = client.post(invited["url"], {"answer": "attending", "back": "my_work"})

    assert response["Location"] == reverse("core:my_work")
    assert answer_of(awa, meeting).answer == "attending"
    page = client.get(reverse("core:my_work")).content.decode()
    assert "Meeting invitations to answer" not in page


def test_an_unanswered_invitation_is_reminded_once_three_days_before(invited):
    meeting, awa, moussa = invited["meeting"], invited["awa"], invited["moussa"]
    Participant.objects.filter(person=moussa.person).update(answer=InvitationAnswer.ATTENDING)
    too_early = meeting.starts_at - datetime.timedelta(days=4)
    in_time = meeting.starts_at - datetime.timedelta(days=2, hours=23)

    assert invitation_reminders(now=too_early) == 0
    assert invitation_reminders(now=in_time) == 1
    assert invitation_reminders(now=in_time + datetime.timedelta(hours=1)) == 0

    (notice,) = Notification.objects.all()
    assert (notice.user, notice.key) == (awa, f"meeting:{meeting.pk}:unanswered")
    text = notice_text(notice)
    assert "Bureau de mars" in text.title and "I will attend" in text.body
    assert text.url.endswith("#your-answer")


def test_the_invitation_e_mail_says_how_to_answer(
    client, invited, mailbox, django_capture_on_commit_callbacks
):
    from inspir.governance.notices import meeting_changed

    with django_capture_on_commit_callbacks(execute=True):
        meeting_changed(invited["meeting"].pk, kind="scheduled", previous_start=None, actor=None)

    (message,) = mailbox.to("awa@example.org")
    body = mailbox.body(message)
    assert "Je participerai" in body and "Je ne pourrai pas participer" in body
    assert f"{invited['meeting'].get_absolute_url().removeprefix('/en')}" in body.replace(
        "/fr/", "/"
    )


def test_the_answer_and_its_note_are_the_persons_own_data(client, invited):
    meeting, awa = invited["meeting"], invited["awa"]
    Participant.objects.filter(person=awa.person).update(
        answer=InvitationAnswer.NOT_ATTENDING, answer_note="In Cotonou that week"
    )
    client.force_login(awa)
    archive = zipfile.ZipFile(io.BytesIO(client.get("/en/accounts/my-data/download/").content))
    (row,) = json.loads(archive.read("meeting_participation.json"))
    assert (row["answer"], row["answer_note"]) == ("not_attending", "In Cotonou that week")

    client.post("/en/accounts/my-data/", {"password": PASSWORD, "confirm": "on"})

    kept = Participant.objects.get(meeting=meeting, person_id=awa.person_id)
    assert (kept.answer, kept.answer_note) == ("not_attending", "")


def test_who_answered_they_cannot_attend_is_not_reminded_of_the_meeting_tomorrow(invited):
    meeting, awa, moussa = invited["meeting"], invited["awa"], invited["moussa"]
    Participant.objects.filter(person=awa.person).update(answer=InvitationAnswer.NOT_ATTENDING)
    Participant.objects.filter(person=moussa.person).update(answer=InvitationAnswer.ATTENDING)

    meeting_reminders(now=meeting.starts_at - datetime.timedelta(hours=20))

    assert [n.user for n in Notification.objects.all()] == [moussa]


def test_the_governors_count_those_who_send_a_delegate(client, invited):
    meeting = invited["meeting"]
    Participant.objects.filter(person=invited["awa"].person).update(
        answer=InvitationAnswer.DELEGATE, answer_note="Moussa Traoré goes in my place"
    )
    client.force_login(invited["governor"])

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert "0 will attend · 0 cannot attend · 1 has not answered · 1 sends a delegate" in page
