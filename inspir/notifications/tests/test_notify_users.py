"""notify_users: one notice per person and event, made in the change's transaction, and the
immediate e-mail asked once through core's mail, rendered by the worker in the reader's
language with the one-click unsubscribe headers (RFC 8058). Over real SMTP (`mailbox`)."""

import pytest
from django.db import transaction

from inspir.accounts.tests.factories import UserFactory
from inspir.core.models import OutgoingEmail
from inspir.notifications.models import Emailed, NoticePreference, Notification
from inspir.notifications.services import notify_users
from inspir.notifications.tests.fixtures import DIGEST_KIND, KIND, person_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_each_user_gets_one_notice_and_one_email_in_their_language(mailbox, notice_kind):
    awa = person_user("fr")
    lucia = person_user("es")
    kofi = UserFactory()  # no person: the site's default language

    with transaction.atomic():
        made = notify_users(
            kind=KIND, users=[awa, lucia, kofi, awa], context={"thing": 7}, key="thing:7"
        )

    assert sorted(n.user_id for n in made) == sorted([awa.pk, lucia.pk, kofi.pk])
    assert {n.emailed for n in Notification.objects.all()} == {Emailed.IMMEDIATE}
    subjects = {m["To"]: m["Subject"] for m in mailbox.messages}
    assert subjects == {awa.email: "Accueil #7", lucia.email: "Inicio #7", kofi.email: "Home #7"}
    [message] = mailbox.to(lucia.email)
    notice = Notification.objects.get(user=lucia)
    body = mailbox.body(message)
    assert "Search 7" not in body and "Buscar 7" in body
    assert f"/es/notifications/{notice.pk}/" in body
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].startswith("<http")
    assert "/es/notifications/unsubscribe/" in message["List-Unsubscribe"]
    # The footer's link is the header's.
    assert message["List-Unsubscribe"].strip("<>") in body
    # The e-mail's record keeps the headers: a retry would send the same.
    assert (
        OutgoingEmail.objects.get(pk=notice.email_id).headers["List-Unsubscribe"]
        == (message["List-Unsubscribe"])
    )


def test_the_same_event_told_again_tells_nobody_twice(mailbox, notice_kind):
    awa = person_user("fr")
    first = notify_users(kind=KIND, users=[awa], context={"thing": 1}, key="thing:1")
    again = notify_users(kind=KIND, users=[awa], context={"thing": 1}, key="thing:1")

    assert len(first) == 1 and again == []
    assert Notification.objects.count() == 1
    assert len(mailbox.messages) == 1 == OutgoingEmail.objects.count()


def test_the_actor_inactive_and_erased_users_are_not_told(mailbox, notice_kind):
    from django.utils import timezone

    actor = person_user()
    gone = person_user(is_active=False)
    erased = person_user()
    erased.erased_at = timezone.now()
    erased.save()
    reader = person_user()

    made = notify_users(
        kind=KIND, users=[actor, gone, erased, reader], context={"thing": 2}, key="t2", actor=actor
    )

    assert [n.user_id for n in made] == [reader.pk]
    assert [m["To"] for m in mailbox.messages] == [reader.email]


def test_a_change_that_rolls_back_tells_nobody(mailbox, notice_kind):
    awa = person_user()
    with pytest.raises(RuntimeError), transaction.atomic():
        notify_users(kind=KIND, users=[awa], context={"thing": 3}, key="t3")
        raise RuntimeError("the change fails")

    assert not Notification.objects.exists() and mailbox.messages == []


def test_digest_and_in_app_deliveries_ask_for_no_email_now(mailbox, notice_kind):
    awa = person_user()
    quiet = person_user()
    NoticePreference.objects.create(user=quiet, kind=KIND, delivery="in_app")

    notify_users(kind=DIGEST_KIND, users=[awa], context={"thing": 4}, key="t4")
    notify_users(kind=KIND, users=[quiet], context={"thing": 4}, key="t4")

    assert set(Notification.objects.values_list("delivery", "emailed")) == {
        ("digest", "none"),
        ("in_app", "none"),
    }
    assert mailbox.messages == [] and not OutgoingEmail.objects.exists()


def test_an_unregistered_kind_fails_in_the_change(notice_kind):
    with pytest.raises(KeyError):
        notify_users(kind="tests.unknown", users=[person_user()], context={}, key="x")


def test_a_kind_with_its_own_mail_kind_sends_that_message_with_the_unsubscribe_headers(
    mailbox, notice_kind
):
    from django.utils.translation import gettext_lazy

    from inspir.core import mail_kinds
    from inspir.core.mail_kinds import Rendered
    from inspir.notifications.kinds import NoticeKind, register_notice_kind, unregister_notice_kind
    from inspir.notifications.tests.fixtures import render

    seen = []

    def own(context, recipient):
        seen.append(context)
        return Rendered(subject=f"Own #{context['thing']}", body="With its own attachment")

    mail_kinds.register_mail_kind("tests.own", own)
    register_notice_kind(
        NoticeKind(
            code="tests.own", label=gettext_lazy("Home"), render=render, mail_kind="tests.own"
        )
    )
    try:
        reader = person_user("en")
        [notice] = notify_users(kind="tests.own", users=[reader], context={"thing": 5}, key="o5")
    finally:
        unregister_notice_kind("tests.own")
        mail_kinds._renderers.pop("tests.own", None)

    [message] = mailbox.messages
    assert message["Subject"] == "Own #5"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert seen[0]["notification"] == notice.pk and seen[0]["user"] == reader.pk
