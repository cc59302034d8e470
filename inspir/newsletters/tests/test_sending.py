"""Sending an issue in the background: each subscriber receives it exactly once, whatever
happens to the task (a crash half-way, a second run, a double click) or to the mail
server (a refusal, retried)."""

import datetime
from collections import Counter

import pytest
from django.urls import reverse
from django.utils import timezone

from inspir.core.mail import pending_mail_process
from inspir.core.models import OutgoingEmail
from inspir.newsletters import rules
from inspir.newsletters.models import Delivery, Issue, IssueStatus
from inspir.newsletters.selectors.issues import progress
from inspir.newsletters.services import issues as services
from inspir.newsletters.tests.conftest import with_token
from inspir.newsletters.tests.factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db(transaction=True)

Status = OutgoingEmail.Status


def _received(mailbox) -> Counter:
    return Counter(message["To"] for message in mailbox.messages)


def _sending(w, **kwargs) -> Issue:
    issue = IssueFactory(network=w.world, created_by=w.editor, **kwargs)
    Issue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENDING)
    return Issue.objects.get(pk=issue.pk)


def test_a_send_that_crashes_half_way_and_is_resumed_reaches_everyone_exactly_once(
    w, mailbox, monkeypatch
):
    readers = [SubscriberFactory() for _ in range(7)]
    issue = _sending(w)
    real = services.notify
    calls = {"n": 0}

    def crashing_notify(**kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise RuntimeError("the worker died")
        return real(**kwargs)

    monkeypatch.setattr(services, "notify", crashing_notify)
    with pytest.raises(RuntimeError):
        services.issue_send_run(issue_id=issue.pk, batch_size=2)

    assert sum(_received(mailbox).values()) == 3
    assert Issue.objects.get(pk=issue.pk).status == IssueStatus.SENDING
    assert Delivery.objects.filter(issue=issue).count() == 7

    # The periodic job finds it stalled and queues it again; it continues where it stopped.
    monkeypatch.setattr(services, "notify", real)
    assert services.stalled_resume(now=timezone.now() + rules.SENDING_STALLED * 2) == [issue.pk]

    assert _received(mailbox) == Counter({reader.email: 1 for reader in readers})
    assert Issue.objects.get(pk=issue.pk).status == IssueStatus.SENT
    assert OutgoingEmail.objects.filter(kind=services.ISSUE_KIND).count() == 7


def test_a_task_run_twice_makes_no_second_delivery_and_sends_nothing_twice(w, mailbox):
    readers = [SubscriberFactory() for _ in range(3)]
    issue = _sending(w)

    services.issue_send_run(issue_id=issue.pk)
    Issue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENDING)  # as if still running
    services.issue_send_run(issue_id=issue.pk)

    assert Delivery.objects.filter(issue=issue).count() == 3
    assert _received(mailbox) == Counter({reader.email: 1 for reader in readers})


def test_a_delivery_handed_over_by_another_run_is_not_handed_over_again(w, mailbox):
    SubscriberFactory()
    issue = _sending(w)
    services.deliveries_fix(issue)
    [stale] = services.waiting_deliveries(issue.pk, 10)
    [same] = services.waiting_deliveries(issue.pk, 10)

    assert services.delivery_hand_over(stale) is True
    assert services.delivery_hand_over(same) is False  # read before the first was recorded

    assert OutgoingEmail.objects.filter(kind=services.ISSUE_KIND).count() == 1
    assert len(mailbox.messages) == 1


def test_send_clicked_twice_sends_the_issue_once(client, w, mailbox):
    readers = [SubscriberFactory() for _ in range(2)]
    issue = IssueFactory(network=w.world)
    client.force_login(w.editor)
    url = reverse("newsletters:issue_send", kwargs={"pk": issue.pk})
    data = with_token(client.get(url).content.decode(), {"version": issue.version})
    assert "form_token" in data

    first = client.post(url, data)
    second = client.post(url, data)  # the same form, sent again

    assert first.status_code == second.status_code == 302
    assert Delivery.objects.filter(issue=issue).count() == 2
    assert _received(mailbox) == Counter({reader.email: 1 for reader in readers})
    # Another editor's form, opened before the send, finds it sent.
    again = client.post(url, with_token(client.get(url).content.decode(), {"version": 1}))
    assert again.status_code == 302
    assert sum(_received(mailbox).values()) == 2


def test_a_refusing_mail_server_is_retried_without_a_duplicate(w, mailbox):
    reader = SubscriberFactory()
    issue = _sending(w)
    mailbox.reply = "451 4.3.0 Try again later"

    services.issue_send_run(issue_id=issue.pk)

    assert mailbox.messages == []
    [delivery] = Delivery.objects.filter(issue=issue).select_related("outgoing")
    assert delivery.outgoing.status == Status.RETRYING
    assert progress(issue).sent == 0 and progress(issue).waiting == 1

    mailbox.reply = "250 Message accepted"
    pending_mail_process(now=timezone.now() + datetime.timedelta(hours=1))
    pending_mail_process(now=timezone.now() + datetime.timedelta(hours=2))

    assert _received(mailbox) == Counter({reader.email: 1})
    assert Delivery.objects.filter(issue=issue).count() == 1
    assert progress(issue).sent == 1


def test_a_subscriber_who_leaves_before_the_hand_over_is_left_out(w, mailbox):
    staying, leaving = SubscriberFactory(), SubscriberFactory()
    issue = _sending(w)
    services.deliveries_fix(issue)
    from inspir.newsletters.services.subscriptions import unsubscribe

    unsubscribe(subscriber=leaving)
    services.issue_send_run(issue_id=issue.pk)

    assert _received(mailbox) == Counter({staying.email: 1})
    assert progress(issue).skipped == 1


def test_with_the_production_queue_the_worker_sends_what_the_send_asked_for(w, mailbox, settings):
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    readers = [SubscriberFactory(language=language) for language in ("fr", "en", "es")]
    issue = IssueFactory(network=w.world)

    services.issue_send_request(issue=issue, actor=w.editor, version=issue.version)
    assert mailbox.messages == []  # queued with the change, nothing sent in the request

    for _round in range(3):  # the sending task, then the e-mails it queued
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")

    assert _received(mailbox) == Counter({reader.email: 1 for reader in readers})
    assert Issue.objects.get(pk=issue.pk).status == IssueStatus.SENT
