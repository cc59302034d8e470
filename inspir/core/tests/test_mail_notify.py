"""Messages asked for by kind (`mail.notify`): recorded with ids in the transaction of the
change, rendered by the worker in each recipient's language through the kind registered by
its app, rendered once however many attempts, and dropped with a reason when what they are
about is gone. Over real SMTP (the `mailbox` server)."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from inspir.core import mail_kinds
from inspir.core.mail import notify, outgoing_resend, pending_mail_process, sent_bodies_drop
from inspir.core.mail_kinds import MessageGone, Recipient, Rendered, language_for
from inspir.core.models import OutgoingEmail
from inspir.core.tasks import email_deliver

pytestmark = pytest.mark.django_db(transaction=True)

Status = OutgoingEmail.Status
KIND = "tests.greeting"


class Greeting:
    """A kind of message for these tests: says "not delivered" in the recipient's language
    (a catalogue string), counts its renderings, and is gone when the context says so."""

    def __init__(self) -> None:
        self.calls: list[tuple[dict, Recipient, str]] = []

    def __call__(self, context: dict, recipient: Recipient) -> Rendered:
        self.calls.append((context, recipient, translation.get_language()))
        if context.get("gone"):
            raise MessageGone(f"record {context['record']} no longer exists")
        if context.get("broken"):
            raise RuntimeError("the template has a mistake")
        return Rendered(
            subject=f"{_('not delivered')} #{context['record']}",
            body=f"{recipient.name}: {_('not delivered')}",
            attachments=[("note.txt", "record " + str(context["record"]), "text/plain")],
        )


@pytest.fixture
def greeting():
    render = Greeting()
    mail_kinds.register_mail_kind(KIND, render)
    yield render
    mail_kinds._renderers.pop(KIND, None)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")


def people() -> list[Recipient]:
    return [
        Recipient(address="awa@example.org", language="fr", name="Awa"),
        Recipient(address="lucia@example.org", language="es", name="Lucía"),
        Recipient(address="kofi@example.org", language="en", name="Kofi"),
        Recipient(address="awa@example.org", language="es", name="Awa again"),  # same address
    ]


def test_each_recipient_gets_the_message_rendered_by_the_worker_in_their_language(
    mailbox, greeting, database_queue
):
    rows = notify(kind=KIND, recipients=people(), context={"record": 7}, topic="tests.record")

    # Recorded with ids and the language only: nothing rendered before the worker runs.
    assert [(r.recipient, r.language, r.subject, r.body) for r in rows] == [
        ("awa@example.org", "fr", "", ""),
        ("lucia@example.org", "es", "", ""),
        ("kofi@example.org", "en", "", ""),
    ]
    assert rows[0].context == {"record": 7, "recipient_name": "Awa"}
    assert greeting.calls == []

    run_worker()

    assert sorted(language for _c, _r, language in greeting.calls) == ["en", "es", "fr"]
    subjects = {m["To"]: m["Subject"] for m in mailbox.messages}
    assert subjects == {
        "awa@example.org": "non distribué #7",
        "lucia@example.org": "no entregado #7",
        "kofi@example.org": "not delivered #7",
    }
    [lucia] = mailbox.to("lucia@example.org")
    assert mailbox.body(lucia).strip() == "Lucía: no entregado"
    assert [a.get_filename() for a in lucia.iter_attachments()] == ["note.txt"]
    # What was sent is stored: the undelivered-mail page and a resend show it.
    row = OutgoingEmail.objects.get(recipient="lucia@example.org")
    assert (row.status, row.subject, row.attachments) == (
        Status.SENT,
        "no entregado #7",
        [["note.txt", "record 7", "text/plain"]],
    )
    assert row.rendered_at is not None


def test_a_change_that_rolls_back_asks_for_no_message_and_queues_no_task(
    mailbox, greeting, database_queue
):
    from django_tasks_db.models import DBTaskResult

    with pytest.raises(RuntimeError), transaction.atomic():
        notify(kind=KIND, recipients=people(), context={"record": 7})
        # Written in the change's own transaction: visible inside it, before the commit.
        assert DBTaskResult.objects.count() == OutgoingEmail.objects.count() == 3
        raise RuntimeError("the change fails after asking for the e-mails")

    assert not OutgoingEmail.objects.exists()
    assert not DBTaskResult.objects.exists()
    run_worker()
    assert mailbox.messages == [] and greeting.calls == []


def test_with_the_immediate_queue_nothing_is_rendered_before_the_commit(mailbox, greeting):
    with transaction.atomic():
        notify(kind=KIND, recipients=people()[:1], context={"record": 7})
        assert greeting.calls == [] and mailbox.messages == []
    assert len(greeting.calls) == 1 and len(mailbox.messages) == 1


def test_a_retry_sends_what_was_rendered_the_first_time_without_rendering_again(
    mailbox, greeting, monkeypatch
):
    mailbox.reply = "451 4.3.0 Try again later"
    [row] = notify(kind=KIND, recipients=people()[:1], context={"record": 7})
    row.refresh_from_db()
    assert (row.status, row.subject) == (Status.RETRYING, "non distribué #7")

    mailbox.reply = "250 Message accepted"
    OutgoingEmail.objects.filter(pk=row.pk).update(next_attempt_at=row.created_at)
    pending_mail_process()
    email_deliver.enqueue(row.pk)  # a duplicated task changes nothing

    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.SENT, 2)
    assert len(greeting.calls) == 1  # rendered once, on the first attempt
    [message] = mailbox.messages
    assert message["Subject"] == "non distribué #7"


def test_a_message_about_something_gone_is_dropped_with_the_reason_not_failed(mailbox, greeting):
    [row] = notify(kind=KIND, recipients=people()[:1], context={"record": 7, "gone": True})

    row.refresh_from_db()
    assert row.status == Status.DROPPED
    assert row.last_error == "not sent: record 7 no longer exists"
    assert mailbox.messages == []
    # Not waiting, not undelivered: nobody is asked to do anything about it.
    assert pending_mail_process() == {"requeued": 0, "uncertain": 0}
    email_deliver.enqueue(row.pk)
    assert len(greeting.calls) == 1


def test_a_rendering_that_fails_sends_nothing_and_is_retried_then_can_be_sent_again(
    mailbox, greeting, settings
):
    from inspir.accounts.tests.factories import UserFactory

    settings.EMAIL_MAX_ATTEMPTS = 1
    [row] = notify(kind=KIND, recipients=people()[:1], context={"record": 7, "broken": True})
    row.refresh_from_db()
    assert row.status == Status.FAILED and row.rendered_at is None
    assert row.last_error == "rendering failed: RuntimeError: the template has a mistake"
    assert mailbox.messages == []

    # Once the template is mended, sending again renders the message anew.
    OutgoingEmail.objects.filter(pk=row.pk).update(context={"record": 7})
    row.refresh_from_db()
    copy = outgoing_resend(outgoing=row, actor=UserFactory(is_staff=True))
    copy.refresh_from_db()
    assert (copy.status, copy.kind, copy.subject) == (Status.SENT, KIND, "non distribué #7")
    assert len(mailbox.messages) == 1


def test_a_kind_no_app_registered_fails_in_the_change_not_in_the_worker(mailbox):
    with pytest.raises(KeyError):
        notify(kind="tests.unknown", recipients=people(), context={})
    assert not OutgoingEmail.objects.exists()


def test_a_message_recorded_before_the_upgrade_without_a_kind_still_goes_out(mailbox):
    row = OutgoingEmail.objects.create(
        message_id="<1@inspir.localhost>",
        recipient="awa@example.org",
        subject="Vous êtes invité·e",
        body="Bienvenue",
    )
    assert email_deliver.call(row.pk) == Status.SENT
    [message] = mailbox.messages
    assert (message["Subject"], mailbox.body(message).strip()) == (
        "Vous êtes invité·e",
        "Bienvenue",
    )


def test_retention_empties_the_context_with_the_content(mailbox, greeting, settings):
    settings.SENT_EMAIL_RETENTION_DAYS = 0
    [sent] = notify(kind=KIND, recipients=people()[:1], context={"record": 7})
    [dropped] = notify(kind=KIND, recipients=people()[1:2], context={"record": 8, "gone": True})

    assert sent_bodies_drop() == 2

    sent.refresh_from_db()
    dropped.refresh_from_db()
    assert (sent.body, sent.context, sent.subject) == ("", {}, "non distribué #7")
    assert dropped.context == {}


def test_the_recipients_language_is_the_first_platform_language_they_speak(settings):
    assert language_for(["pt", "es", "fr"]) == "es"
    assert language_for(["jv"]) == settings.LANGUAGE_CODE
    assert language_for(None) == settings.LANGUAGE_CODE
