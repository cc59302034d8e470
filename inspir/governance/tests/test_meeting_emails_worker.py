"""Meeting e-mails as production sends them: with the database queue, the messages and their
tasks are written in the transaction that schedules the meeting, and the worker
(`db_worker`, the task half of `run_worker`) renders each in its participant's language."""

import datetime

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from inspir.core.models import OutgoingEmail
from inspir.governance.models import Meeting
from inspir.governance.services.meetings import meeting_cancel, meeting_create
from inspir.governance.tests.test_meetings import World, make_world

pytestmark = pytest.mark.django_db(transaction=True)

UTC = datetime.UTC
Status = OutgoingEmail.Status


@pytest.fixture
def world(settings) -> World:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return make_world()


def schedule(world: World) -> Meeting:
    return meeting_create(
        committee=world.committee,
        actor=world.governor,
        data={
            "title": "January meeting",
            "format": "virtual",
            "starts_at": datetime.datetime(2030, 1, 15, 13, 0, tzinfo=UTC),
            "ends_at": datetime.datetime(2030, 1, 15, 15, 0, tzinfo=UTC),
            "time_zone": "Europe/Brussels",
            "video_url": "https://meet.example.org/inspir",
        },
    )


def run_worker() -> None:
    from django.core.management import call_command

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")


def test_the_worker_writes_each_participant_their_message_in_their_language(
    world, mailbox, settings
):
    settings.SITE_URL = "https://platform.inspir.example"
    meeting = schedule(world)

    # Nothing rendered nor sent by the request: one task per message, waiting for the worker.
    rows = OutgoingEmail.objects.filter(topic="governance.meeting.scheduled")
    assert {row.subject for row in rows} == {""} and mailbox.messages == []
    assert {row.recipient: row.language for row in rows}[world.porto_novo.email] == "fr"
    assert {row.recipient: row.language for row in rows}[world.la_paz.email] == "es"
    assert DBTaskResult.objects.count() == rows.count() == 5

    run_worker()

    (french,) = mailbox.to(world.porto_novo.email)
    (spanish,) = mailbox.to(world.la_paz.email)
    assert "janvier" in french["Subject"] and "Bonjour Issa Sissouma" in mailbox.body(french)
    assert "enero" in spanish["Subject"] and "Hola, Gabriela Prudencio" in mailbox.body(spanish)
    link = f"https://platform.inspir.example/es/governance/meetings/{meeting.pk}/"
    assert link in mailbox.body(spanish)
    assert "09:00" in mailbox.body(spanish)  # the participant's own zone (La Paz)
    ics = next(a for a in spanish.iter_attachments() if a.get_filename() == "meeting.ics")
    assert "METHOD:REQUEST" in ics.get_content()
    stored = OutgoingEmail.objects.get(recipient=world.la_paz.email)
    assert stored.status == Status.SENT and stored.subject == spanish["Subject"]


def test_scheduling_that_rolls_back_queues_no_task_and_records_no_message(world, mailbox):
    with pytest.raises(RuntimeError), transaction.atomic():
        schedule(world)
        # The tasks are rows of the same transaction as the meeting.
        assert DBTaskResult.objects.count() == 5
        raise RuntimeError("something later in the same change fails")

    assert not Meeting.objects.exists()
    assert not DBTaskResult.objects.exists() and not OutgoingEmail.objects.exists()
    run_worker()
    assert mailbox.messages == []


def test_a_meeting_deleted_before_the_worker_comes_leaves_its_messages_dropped(world, mailbox):
    meeting = schedule(world)
    Meeting.objects.filter(pk=meeting.pk).delete()

    run_worker()

    assert mailbox.messages == []
    rows = OutgoingEmail.objects.all()
    assert {row.status for row in rows} == {Status.DROPPED}
    assert {row.last_error for row in rows} == {f"not sent: meeting {meeting.pk} no longer exists"}


def test_an_invitation_cancelled_before_the_worker_comes_is_not_sent_the_cancellation_is(
    world, mailbox
):
    meeting = schedule(world)
    meeting_cancel(meeting=meeting, actor=world.governor)

    run_worker()

    scheduled = OutgoingEmail.objects.filter(topic="governance.meeting.scheduled")
    assert {row.status for row in scheduled} == {Status.DROPPED}
    assert len(mailbox.messages) == 5
    for message in mailbox.messages:
        [ics] = [a for a in message.iter_attachments() if a.get_filename() == "meeting.ics"]
        assert "METHOD:CANCEL" in ics.get_content()
