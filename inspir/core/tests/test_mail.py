"""E-mail goes out once: over real SMTP (the `mailbox` server), with the server stopped,
refusing, or breaking off, and with the clock moved forward as the worker's schedule would."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from inspir.accounts.models import Role
from inspir.accounts.services import invitation_create
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.core.mail import claim, delivery_summary, send_email
from inspir.core.models import AuditEntry, OutgoingEmail
from inspir.core.tasks import email_deliver
from inspir.network.tests.factories import NetworkFactory, continental, national

pytestmark = pytest.mark.django_db(transaction=True)

Status = OutgoingEmail.Status
PEOPLE = ["awa@example.org", "kofi@example.org", "lucia@example.org"]


class Clock:
    def __init__(self) -> None:
        self.now = timezone.now()

    def advance(self, **delta: float) -> None:
        self.now += datetime.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """The time the platform sees, moved forward by the test instead of waited for."""
    clock = Clock()
    monkeypatch.setattr(timezone, "now", lambda: clock.now)
    return clock


def every_minute(clock: Clock, minutes: int) -> None:
    """The worker's schedule: `send_pending_mail` once a minute for `minutes` minutes."""
    for _ in range(minutes):
        clock.advance(minutes=1)
        call_command("send_pending_mail", stdout=open("/dev/null", "w"))


def send(recipients=PEOPLE, **extra) -> list[OutgoingEmail]:
    return send_email(
        subject="The meeting moves to Friday",
        body="See you on Friday at 14:00.",
        recipients=recipients,
        **extra,
    )


def fresh(rows: list[OutgoingEmail]) -> list[OutgoingEmail]:
    return [OutgoingEmail.objects.get(pk=row.pk) for row in rows]


def test_a_message_goes_out_with_its_recorded_message_id_and_attachment(mailbox, settings):
    settings.SITE_URL = "https://platform.inspir.example"

    [row] = send(
        ["awa@example.org"], attachments=[("meeting.ics", "BEGIN:VCALENDAR", "text/calendar")]
    )

    [message] = mailbox.messages
    row.refresh_from_db()
    assert row.status == Status.SENT and row.sent_at is not None and row.attempts == 1
    assert message["Message-ID"] == row.message_id
    assert row.message_id.endswith("@platform.inspir.example>")
    assert mailbox.body(message).strip() == "See you on Friday at 14:00."
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "meeting.ics"


def test_with_smtp_down_then_back_every_pending_message_is_delivered_once(mailbox, clock):
    mailbox.stop()

    rows = fresh(send())

    assert mailbox.messages == []
    assert {(row.status, row.attempts) for row in rows} == {(Status.RETRYING, 1)}
    assert all("Connection refused" in row.last_error for row in rows)

    every_minute(clock, 30)  # still down: tried again after 1, 5 and 15 minutes

    assert {(row.status, row.attempts) for row in fresh(rows)} == {(Status.RETRYING, 4)}
    assert mailbox.messages == []

    mailbox.start()
    every_minute(clock, 60)  # the next attempt is due an hour after the fourth

    assert sorted(message["To"] for message in mailbox.messages) == PEOPLE
    by_recipient = {message["To"]: message["Message-ID"] for message in mailbox.messages}
    rows = fresh(rows)
    assert {row.recipient: row.message_id for row in rows} == by_recipient
    assert {(row.status, row.attempts, row.last_error) for row in rows} == {(Status.SENT, 5, "")}

    # Later runs, and a task for each message run again, send nothing more.
    every_minute(clock, 120)
    for row in rows:
        email_deliver.enqueue(row.pk)
    assert len(mailbox.messages) == 3


def test_an_invitation_made_while_smtp_is_down_arrives_once_it_is_back(mailbox, clock):
    benin = national(continental(NetworkFactory()), name="Bénin")
    coordinator = user_with_role(benin, Role.COORDINATOR)
    mailbox.stop()

    _invitation, token = invitation_create(
        network=benin, email="awa@example.org", role=Role.MEMBER, language="fr", actor=coordinator
    )
    mailbox.start()
    every_minute(clock, 2)

    [message] = mailbox.to("awa@example.org")
    assert f"/fr/accounts/invitation/{token}/" in mailbox.body(message)


def test_a_message_queued_twice_or_whose_task_runs_again_is_sent_once(mailbox):
    with transaction.atomic():
        [row] = send(["awa@example.org"])
        # A second task for the same message (a task retried, a sweep meeting a slow worker).
        transaction.on_commit(lambda: email_deliver.enqueue(row.pk))

    email_deliver.enqueue(row.pk)

    assert len(mailbox.messages) == 1
    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.SENT, 1)


def test_only_one_of_two_workers_claims_a_message(mailbox):
    mailbox.stop()
    [row] = send(["awa@example.org"])
    OutgoingEmail.objects.filter(pk=row.pk).update(status=Status.QUEUED)

    assert [claim(row.pk), claim(row.pk)] == [True, False]


def test_a_worker_dying_after_its_claim_leaves_the_message_uncertain_never_sent_again(
    mailbox, clock
):
    mailbox.stop()
    [row] = send(["awa@example.org"])
    clock.advance(minutes=2)
    assert claim(row.pk)  # a worker takes the retry … and dies before it is done
    mailbox.start()

    every_minute(clock, 5)  # within the grace period the send may still be going on
    row.refresh_from_db()
    assert row.status == Status.SENDING

    every_minute(clock, 10)
    row.refresh_from_db()
    assert row.status == Status.UNCERTAIN
    assert "may have accepted" in row.last_error

    every_minute(clock, 60)
    email_deliver.enqueue(row.pk)
    assert mailbox.messages == []
    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.UNCERTAIN, 2)


def test_a_connection_lost_once_the_message_was_handed_over_is_uncertain_not_repeated(
    mailbox, clock
):
    mailbox.reply = None  # the server takes the message and the connection drops

    [row] = send(["awa@example.org"])

    row.refresh_from_db()
    assert row.status == Status.UNCERTAIN
    assert len(mailbox.messages) == 1
    mailbox.reply = "250 Message accepted"
    every_minute(clock, 24 * 60)
    email_deliver.enqueue(row.pk)
    assert len(mailbox.messages) == 1


@pytest.mark.parametrize(
    ("reply", "status"),
    [
        ("451 4.3.0 Mailbox busy, try again later", Status.RETRYING),
        ("550 5.1.1 No such user here", Status.FAILED),
    ],
)
def test_the_servers_refusal_decides_between_trying_again_and_giving_up(mailbox, reply, status):
    mailbox.reply = reply

    [row] = send(["awa@example.org"])

    row.refresh_from_db()
    assert row.status == status
    assert reply.split()[0] in row.last_error
    assert mailbox.messages == []


def test_after_the_last_attempt_it_is_not_delivered_and_said_so(mailbox, clock, settings):
    settings.EMAIL_MAX_ATTEMPTS = 3
    mailbox.stop()
    [row] = send(["awa@example.org"])

    every_minute(clock, 10)  # attempts after 1 and 5 minutes

    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.FAILED, 3)
    assert delivery_summary()["failed"] == 1
    every_minute(clock, 24 * 60)
    row.refresh_from_db()
    assert row.attempts == 3


def test_delivery_summary_reports_what_needs_looking_at_and_what_waits(mailbox, clock):
    mailbox.stop()
    send(["awa@example.org", "kofi@example.org"])
    mailbox.reply = "550 5.1.1 No such user here"
    mailbox.start()
    send(["lucia@example.org"])
    clock.advance(seconds=90)

    summary = delivery_summary()

    assert summary == {
        "failed": 1,
        "uncertain": 0,
        "waiting": 2,
        "oldest_waiting_seconds": 90,
    }


# --- The invitation's fate, and sending it again --------------------------------------------


@pytest.fixture
def benin():
    return national(continental(NetworkFactory(name="INSP!R")), name="INSP!R Bénin")


def invitation_row(client, email: str):
    page = BeautifulSoup(client.get("/en/accounts/invitations/").content, "html.parser")
    return next(
        row for row in page.select("tbody tr") if row.find("td").get_text(strip=True) == email
    )


def test_an_invitation_whose_mail_failed_says_not_delivered_and_is_sent_again(
    client, mailbox, clock, settings, benin
):
    settings.EMAIL_MAX_ATTEMPTS = 3
    coordinator = user_with_role(benin, Role.COORDINATOR)
    mailbox.stop()
    invitation, token = invitation_create(
        network=benin, email="awa@example.org", role=Role.MEMBER, language="en", actor=coordinator
    )
    every_minute(clock, 10)
    first = OutgoingEmail.objects.get()
    assert first.status == Status.FAILED
    client.force_login(coordinator)

    row = invitation_row(client, "awa@example.org")
    assert "not delivered" in row.get_text()
    form = row.find("form", action=f"/en/accounts/invitations/{invitation.pk}/send-again/")
    assert form is not None and form.find("input", {"name": "form_token"}) is not None

    mailbox.start()
    response = client.post(
        f"/en/accounts/invitations/{invitation.pk}/send-again/",
        {"form_token": form.find("input", {"name": "form_token"})["value"]},
    )

    assert response.status_code == 302
    [message] = mailbox.to("awa@example.org")
    assert f"/en/accounts/invitation/{token}/" in mailbox.body(message)
    assert message["Message-ID"] != first.message_id
    assert "not delivered" not in invitation_row(client, "awa@example.org").get_text()
    entry = AuditEntry.objects.get(action="core.email.resent")
    assert (entry.actor, entry.network) == (coordinator, benin)


def test_an_invitation_whose_delivery_is_uncertain_says_so(client, mailbox, benin):
    coordinator = user_with_role(benin, Role.COORDINATOR)
    mailbox.reply = None
    invitation_create(
        network=benin, email="awa@example.org", role=Role.MEMBER, language="en", actor=coordinator
    )
    client.force_login(coordinator)

    text = invitation_row(client, "awa@example.org").get_text()

    assert "delivery uncertain" in text
    assert "Send again" in text


def test_another_networks_coordinator_cannot_send_an_invitation_again(client, mailbox, benin):
    coordinator = user_with_role(benin, Role.COORDINATOR)
    mailbox.reply = "550 5.1.1 No such user here"
    invitation, _token = invitation_create(
        network=benin, email="awa@example.org", role=Role.MEMBER, language="en", actor=coordinator
    )
    mailbox.reply = "250 Message accepted"
    client.force_login(user_with_role(national(benin.parent), Role.COORDINATOR))

    response = client.post(f"/en/accounts/invitations/{invitation.pk}/send-again/")

    assert response.status_code == 404
    assert mailbox.messages == []


# --- The list of undelivered e-mail -------------------------------------------------------------


def undelivered_rows(client, language: str = "en"):
    page = BeautifulSoup(client.get(f"/{language}/mail/undelivered/").content, "html.parser")
    return page.select("tbody tr")


def test_undelivered_mail_is_listed_newest_first_with_a_warning_for_uncertain_ones(
    client, mailbox, benin
):
    mailbox.reply = "550 5.1.1 No such user here"
    send(["first@example.org"])
    mailbox.reply = None
    send(["second@example.org"])
    mailbox.reply = "250 Message accepted"
    send(["delivered@example.org"])
    client.force_login(user_with_role(benin.parent.parent, Role.COORDINATOR))

    rows = undelivered_rows(client)

    assert [row.find_all("td")[1].get_text() for row in rows] == [
        "second@example.org",
        "first@example.org",
    ]
    assert "may already have it" in rows[0].get_text()
    assert "Send again anyway" in rows[0].get_text()
    assert "may already have it" not in rows[1].get_text()
    assert "550 5.1.1 No such user here" in rows[1].get_text()
    french = BeautifulSoup(client.get("/fr/mail/undelivered/").content, "html.parser")
    assert french.find("h1").get_text() == "Courriels non distribués"


def test_only_staff_and_intercontinental_coordinators_look_after_undelivered_mail(client, benin):
    continental_coordinator = user_with_role(benin.parent, Role.COORDINATOR)
    intercontinental_member = user_with_role(benin.parent.parent, Role.MEMBER)
    for user, status in [
        (continental_coordinator, 404),
        (intercontinental_member, 404),
        (user_with_role(benin.parent.parent, Role.COORDINATOR), 200),
        (UserFactory(is_staff=True), 200),
    ]:
        client.force_login(user)
        assert client.get("/en/mail/undelivered/").status_code == status, user


def test_sending_again_from_the_list_delivers_a_new_message_and_clears_the_entry(
    client, mailbox, benin
):
    mailbox.reply = "550 5.1.1 No such user here"
    [failed] = send(["awa@example.org"])
    mailbox.reply = "250 Message accepted"
    overseer = user_with_role(benin.parent.parent, Role.COORDINATOR)
    client.force_login(overseer)

    response = client.post(f"/en/mail/undelivered/{failed.pk}/send-again/")
    again = client.post(f"/en/mail/undelivered/{failed.pk}/send-again/")

    assert response.status_code == again.status_code == 302
    [message] = mailbox.to("awa@example.org")
    assert mailbox.body(message).strip() == "See you on Friday at 14:00."
    assert undelivered_rows(client) == []
    copy = OutgoingEmail.objects.get(resend_of=failed)
    assert (copy.status, copy.message_id != failed.message_id) == (Status.SENT, True)
    assert AuditEntry.objects.filter(action="core.email.resent", actor=overseer).count() == 1


def test_setting_a_message_aside_removes_it_from_the_list_and_is_recorded(client, mailbox, benin):
    mailbox.reply = None
    [uncertain] = send(["awa@example.org"])
    overseer = UserFactory(is_staff=True)
    client.force_login(overseer)

    response = client.post(f"/en/mail/undelivered/{uncertain.pk}/set-aside/")

    assert response.status_code == 302
    assert undelivered_rows(client) == []
    assert delivery_summary()["uncertain"] == 0
    assert AuditEntry.objects.filter(action="core.email.dismissed", actor=overseer).exists()
    assert len(mailbox.messages) == 1  # the one handed over before the connection dropped


def test_the_list_is_linked_from_the_account_page_of_those_who_may_see_it(client, benin):
    client.force_login(user_with_role(benin.parent.parent, Role.COORDINATOR))
    page = BeautifulSoup(client.get("/en/accounts/profile/").content, "html.parser")
    assert page.find("a", href="/en/mail/undelivered/") is not None

    client.force_login(user_with_role(benin, Role.COORDINATOR))
    page = BeautifulSoup(client.get("/en/accounts/profile/").content, "html.parser")
    assert page.find("a", href="/en/mail/undelivered/") is None


# --- allauth's own e-mails ------------------------------------------------------------------------


def test_a_password_reset_goes_out_through_the_same_delivery(client, mailbox):
    user = UserFactory(email="awa@example.org")
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    client.post("/en/accounts/password/reset/", {"email": "awa@example.org"})

    row = OutgoingEmail.objects.get(recipient="awa@example.org")
    assert (row.topic, row.status) == ("accounts.password_reset_key", Status.SENT)
    [message] = mailbox.to("awa@example.org")
    assert message["Message-ID"] == row.message_id
    assert re.search(r"/en/accounts/password/reset/key/\S+/", mailbox.body(message))


# --- Personal data ---------------------------------------------------------------------------


def test_the_content_of_sent_mail_is_emptied_after_the_retention_period(mailbox, clock, settings):
    settings.SENT_EMAIL_RETENTION_DAYS = 30
    [old] = send(["awa@example.org"], attachments=[("a.ics", "BEGIN:VCALENDAR", "text/calendar")])
    mailbox.reply = "550 5.1.1 No such user here"
    [failed] = send(["kofi@example.org"])
    clock.advance(days=29)
    mailbox.reply = "250 Message accepted"
    [recent] = send(["lucia@example.org"])
    clock.advance(days=2)

    call_command("apply_retention", stdout=open("/dev/null", "w"))

    old, failed, recent = fresh([old, failed, recent])
    assert (old.body, old.attachments, old.subject) == ("", [], "The meeting moves to Friday")
    assert recent.body and failed.body  # failed mail is kept until someone deals with it


# --- With the database queue (production) ----------------------------------------------------


def test_with_the_database_queue_the_task_is_written_with_the_change_or_not_at_all(
    settings, mailbox
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with pytest.raises(RuntimeError), transaction.atomic():
        send(["awa@example.org"])
        raise RuntimeError("the change fails after asking for the e-mail")
    assert not OutgoingEmail.objects.exists()
    assert not DBTaskResult.objects.exists()

    [row] = send(["awa@example.org"])

    [queued] = DBTaskResult.objects.all()
    assert queued.args_kwargs["args"] == [row.pk]  # the task carries no address or content
    assert mailbox.messages == []
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    [message] = mailbox.messages
    assert message["Message-ID"] == OutgoingEmail.objects.get().message_id


def test_a_task_queued_before_the_upgrade_with_the_message_itself_still_delivers_it(mailbox):
    email_deliver.enqueue(
        subject="Vous êtes invité·e",
        body="Bienvenue",
        recipients=["awa@example.org"],
        attachments=[["meeting.ics", "BEGIN:VCALENDAR", "text/calendar"]],
    )

    [message] = mailbox.to("awa@example.org")
    row = OutgoingEmail.objects.get()
    assert (row.status, message["Message-ID"]) == (Status.SENT, row.message_id)
    assert [a.get_filename() for a in message.iter_attachments()] == ["meeting.ics"]
