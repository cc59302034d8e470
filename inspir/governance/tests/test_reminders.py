"""Reminders at fixed times: each fires once at its stage, however often the job runs, to the
people who act for the network concerned, in their own zone and language."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from inspir.accounts.models import Invitation, Role
from inspir.accounts.reminders import invitation_reminders_send
from inspir.accounts.services import invitation_create
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.core.scheduler import default_schedule
from inspir.governance.models import (
    AgendaInput,
    Attendance,
    Consultation,
    FollowUpStatus,
    MeetingStatus,
)
from inspir.governance.services.reminders import (
    follow_up_reminders,
    input_deadline_reminders,
    meeting_reminders,
    reminders_send,
)
from inspir.governance.tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    DecisionFactory,
    FollowUpFactory,
    MeetingFactory,
    ParticipantFactory,
)
from inspir.network.tests.factories import NetworkFactory, PersonFactory, continental, national
from inspir.notifications.emails import notice_text
from inspir.notifications.models import Notification

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
NOW = datetime.datetime(2030, 1, 1, 9, 0, tzinfo=UTC)


def at(days: float = 0, hours: float = 0) -> datetime.datetime:
    return NOW + datetime.timedelta(days=days, hours=hours)


def focal_point(network, language: str = "fr", zone: str = "Africa/Porto-Novo"):
    person = PersonFactory(languages=[language], time_zone=zone)
    return user_with_role(
        network, Role.FOCAL_POINT, person=person, email=f"fp{person.pk}@example.org"
    )


def keys(user) -> list[str]:
    return sorted(Notification.objects.filter(user=user).values_list("key", flat=True))


@pytest.fixture
def benin():
    return national(
        continental(NetworkFactory(name="INSP!R"), name="INSP!R Africa"), name="INSP!R Bénin"
    )


# --- Follow-ups ---------------------------------------------------------------------------------


def test_a_follow_up_is_reminded_a_week_before_it_is_due_then_once_overdue(benin):
    due = at(days=10).date()
    follow_up = FollowUpFactory(network=benin, due_on=due)
    done = FollowUpFactory(network=benin, due_on=due, status=FollowUpStatus.DONE, report="Held.")
    focal = focal_point(benin)
    bystander = user_with_role(benin, Role.MEMBER)

    assert follow_up_reminders(now=at(days=2)) == 0  # due in 8 days: not yet
    assert follow_up_reminders(now=at(days=3)) == 1  # due in 7 days
    assert follow_up_reminders(now=at(days=3, hours=1)) == 0  # the job runs again: nothing
    assert follow_up_reminders(now=at(days=9)) == 0  # still the same stage
    assert keys(focal) == [f"followup:{follow_up.pk}:due7"]

    assert follow_up_reminders(now=at(days=11)) == 1  # overdue
    assert follow_up_reminders(now=at(days=40)) == 0  # told once, not every day
    assert keys(focal) == [f"followup:{follow_up.pk}:due7", f"followup:{follow_up.pk}:overdue"]
    # Only those who act for the network; never about a follow-up reported done.
    assert keys(bystander) == []
    assert not Notification.objects.filter(key__startswith=f"followup:{done.pk}:").exists()


def test_an_overdue_follow_up_reads_in_the_readers_language(benin):
    with translation.override("fr"):  # written in French: read as written by a French reader
        decision = DecisionFactory(title="Visites d'échange")
    follow_up = FollowUpFactory(
        network=benin, decision=decision, due_on=datetime.date(2029, 12, 20)
    )
    focal = focal_point(benin, "fr")
    follow_up_reminders(now=NOW)
    notice = Notification.objects.get(user=focal)
    with translation.override("fr"):
        text = notice_text(notice)
    assert text.title == (
        "En retard : le compte rendu du réseau INSP!R Bénin sur « Visites d'échange » était "
        "attendu le 20 décembre 2029"
    )
    assert text.url.endswith(f"#follow-up-{follow_up.pk}")


# --- Inputs -------------------------------------------------------------------------------------


def consulted(network, *, closes: datetime.datetime) -> Consultation:
    meeting = MeetingFactory(
        committee=CommitteeFactory(network=network.parent),
        starts_at=closes + datetime.timedelta(days=3),
        preparation_deadline=closes,
        agenda_circulated_at=NOW - datetime.timedelta(days=10),
    )
    AgendaItemFactory(meeting=meeting)
    return Consultation.objects.create(meeting=meeting, network=network)


def test_a_network_that_has_not_given_its_input_is_reminded_3_days_then_1_day_before(benin):
    consultation = consulted(benin, closes=at(days=10))
    togo = national(benin.parent, name="INSP!R Togo")
    answered = Consultation.objects.create(meeting=consultation.meeting, network=togo)
    AgendaInput.objects.create(item=consultation.meeting.items.get(), network=togo, text="Oui.")
    focal, togo_focal = focal_point(benin), focal_point(togo)

    assert input_deadline_reminders(now=at(days=6)) == 0  # closes in 4 days
    assert input_deadline_reminders(now=at(days=7)) == 1  # in 3 days
    assert input_deadline_reminders(now=at(days=7, hours=6)) == 0
    assert input_deadline_reminders(now=at(days=9)) == 1  # in 1 day
    assert input_deadline_reminders(now=at(days=9, hours=12)) == 0
    assert input_deadline_reminders(now=at(days=11)) == 0  # closed: nothing more
    prefix = f"consultation:{consultation.pk}:net:{benin.pk}"
    assert keys(focal) == [f"{prefix}:deadline1", f"{prefix}:deadline3"]
    assert keys(togo_focal) == []  # Togo gave its input
    assert answered.pk


def test_a_consultation_found_late_is_reminded_once_at_the_last_stage(benin):
    consultation = consulted(benin, closes=at(hours=20))
    focal = focal_point(benin)
    assert input_deadline_reminders(now=NOW) == 1
    assert keys(focal) == [f"consultation:{consultation.pk}:net:{benin.pk}:deadline1"]


def test_no_input_reminder_for_a_cancelled_meeting(benin):
    consultation = consulted(benin, closes=at(days=2))
    consultation.meeting.status = MeetingStatus.CANCELLED
    consultation.meeting.save()
    focal_point(benin)
    assert input_deadline_reminders(now=NOW) == 0


# --- Meetings -----------------------------------------------------------------------------------


def test_a_meeting_is_reminded_the_day_before_in_each_participants_zone():
    # 01:00 UTC on 15 January: the evening of the 14th in La Paz, the morning of the 15th in
    # Jakarta.
    meeting = MeetingFactory(starts_at=datetime.datetime(2030, 1, 15, 1, 0, tzinfo=UTC))
    people = {}
    for name, zone in (("la_paz", "America/La_Paz"), ("jakarta", "Asia/Jakarta")):
        person = PersonFactory(time_zone=zone)
        UserFactory(person=person)
        ParticipantFactory(meeting=meeting, person=person)
        people[name] = person
    excused = PersonFactory(time_zone="America/La_Paz")
    UserFactory(person=excused)
    ParticipantFactory(meeting=meeting, person=excused, attendance=Attendance.EXCUSED)
    ParticipantFactory(meeting=meeting, person=PersonFactory(time_zone="America/La_Paz"))

    # 12:00 UTC on the 13th: the 13th in La Paz (the meeting is tomorrow there), evening of
    # the 13th in Jakarta (the meeting is the day after tomorrow).
    assert meeting_reminders(now=datetime.datetime(2030, 1, 13, 12, 0, tzinfo=UTC)) == 1
    assert keys(people["la_paz"].user) == [f"meeting:{meeting.pk}:tomorrow:2030-01-14"]
    # 16:00 UTC: 23:00 on the 13th in Jakarta, still the day after tomorrow there.
    assert meeting_reminders(now=datetime.datetime(2030, 1, 13, 16, 0, tzinfo=UTC)) == 0
    # 12:00 UTC on the 14th: tomorrow in Jakarta; today in La Paz, reminded already.
    assert meeting_reminders(now=datetime.datetime(2030, 1, 14, 12, 0, tzinfo=UTC)) == 1
    assert keys(people["jakarta"].user) == [f"meeting:{meeting.pk}:tomorrow:2030-01-15"]
    assert keys(excused.user) == []


def test_a_meeting_moved_to_another_day_is_reminded_again():
    meeting = MeetingFactory(starts_at=datetime.datetime(2030, 1, 15, 13, 0, tzinfo=UTC))
    person = PersonFactory(time_zone="Europe/Brussels")
    user = UserFactory(person=person)
    ParticipantFactory(meeting=meeting, person=person)
    assert meeting_reminders(now=datetime.datetime(2030, 1, 14, 9, 0, tzinfo=UTC)) == 1
    meeting.starts_at = datetime.datetime(2030, 1, 16, 13, 0, tzinfo=UTC)
    meeting.ends_at = meeting.starts_at + datetime.timedelta(hours=2)
    meeting.save()
    assert meeting_reminders(now=datetime.datetime(2030, 1, 15, 9, 0, tzinfo=UTC)) == 1
    assert len(keys(user)) == 2


# --- Invitations --------------------------------------------------------------------------------


def test_an_invitation_not_accepted_is_reminded_once_three_days_later_with_its_link(
    benin, mailbox, django_capture_on_commit_callbacks
):
    coordinator = user_with_role(benin, Role.COORDINATOR)
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = invitation_create(
            network=benin,
            email="awa@example.org",
            role=Role.MEMBER,
            language="fr",
            actor=coordinator,
        )
    sent = invitation.created_at
    assert invitation_reminders_send(now=sent + datetime.timedelta(days=2)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert invitation_reminders_send(now=sent + datetime.timedelta(days=3, minutes=1)) == 1
        assert invitation_reminders_send(now=sent + datetime.timedelta(days=3, minutes=16)) == 0
    first, reminder = mailbox.to("awa@example.org")
    assert "Rappel" in reminder["Subject"] and "INSP!R Bénin" in reminder["Subject"]
    assert token in mailbox.body(reminder)  # the same single-use link
    assert token in mailbox.body(first)

    # An accepted or withdrawn invitation is not reminded.
    Invitation.objects.filter(pk=invitation.pk).update(accepted_at=sent)
    other, _token = invitation_create(
        network=benin, email="kofi@example.org", role=Role.MEMBER, language="fr", actor=coordinator
    )
    Invitation.objects.filter(pk=other.pk).update(revoked_at=sent)
    assert invitation_reminders_send(now=sent + datetime.timedelta(days=5)) == 0


# --- The job ------------------------------------------------------------------------------------


def test_the_reminders_join_the_workers_schedule_every_quarter_of_an_hour():
    [spec] = [spec for spec in default_schedule() if spec.name == "send_reminders"]
    assert (spec.command, spec.interval_seconds) == ("send_reminders", 900)


def test_the_command_sends_each_reminder_once_when_run_twice(
    benin, capsys, mailbox, django_capture_on_commit_callbacks
):
    with translation.override("fr"):  # written in French, read by a French focal point
        decision = DecisionFactory(title="Visites d'échange")
    FollowUpFactory(network=benin, decision=decision, due_on=timezone.localdate())
    focal = focal_point(benin)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders")
        call_command("send_reminders")
    assert len(keys(focal)) == 1
    assert "follow-ups due: 1" in capsys.readouterr().out
    assert reminders_send()["follow-ups due"] == 0
    # One e-mail, in the focal point's language.
    [message] = mailbox.to(focal.email)
    assert message["Subject"].startswith(
        "Rappel : le compte rendu du réseau INSP!R Bénin sur « Visites d'échange » est attendu"
    )
