"""One-click unsubscribe (RFC 8058): the link is read from the headers of the e-mail the real
SMTP server received; a mail program POSTs "List-Unsubscribe=One-Click" to it, without a
session or a CSRF token, and that kind of notice is no longer e-mailed."""

from urllib.parse import urlsplit

import pytest
from django.test import Client

from inspir.notifications.models import NoticePreference, NoticeSettings, Notification
from inspir.notifications.services import notify_users
from inspir.notifications.tests.fixtures import DIGEST_KIND, KIND, person_user

pytestmark = pytest.mark.django_db(transaction=True)


def unsubscribe_path(message) -> str:
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    return urlsplit(message["List-Unsubscribe"].strip().strip("<>")).path


def one_click(path: str):
    """What a mail program does: a POST with the RFC 8058 body, no cookie, no CSRF token."""
    return Client(enforce_csrf_checks=True).post(
        path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )


def test_a_one_click_post_stops_that_kind_of_email(mailbox, notice_kind):
    reader = person_user("fr")
    notify_users(kind=KIND, users=[reader], context={"thing": 1}, key="t1")
    [message] = mailbox.messages
    path = unsubscribe_path(message)
    assert path.startswith("/fr/notifications/unsubscribe/")

    response = one_click(path)

    assert response.status_code == 200
    assert "Accueil" in response.content.decode()  # names the kind, in French
    assert NoticePreference.objects.get(user=reader, kind=KIND).delivery == "in_app"
    notify_users(kind=KIND, users=[reader], context={"thing": 2}, key="t2")
    assert len(mailbox.messages) == 1  # no second e-mail
    assert Notification.objects.filter(user=reader).count() == 2  # still told in-app
    # Another kind still goes out.
    NoticePreference.objects.create(user=reader, kind=DIGEST_KIND, delivery="immediate")
    notify_users(kind=DIGEST_KIND, users=[reader], context={"thing": 3}, key="t3")
    assert len(mailbox.messages) == 2


def test_opening_the_link_only_asks_to_confirm_and_works_logged_out(mailbox, notice_kind):
    reader = person_user("en")
    notify_users(kind=KIND, users=[reader], context={"thing": 1}, key="t1")
    path = unsubscribe_path(mailbox.messages[0])
    visitor = Client(enforce_csrf_checks=True)

    page = visitor.get(path)

    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    assert not NoticePreference.objects.exists()  # a link checker stops nothing
    done = visitor.post(path, {"List-Unsubscribe": "One-Click", "confirm": "1"}, follow=True)
    assert done.status_code == 200
    assert "You no longer receive e-mails about" in done.content.decode()
    assert NoticePreference.objects.get().delivery == "in_app"
    assert one_click(path).status_code == 200  # again: still fine, nothing more
    # The link opened later says it is done, and offers nothing more to click.
    again = visitor.get(path).content.decode()
    assert "You no longer receive e-mails about" in again and 'method="post"' not in again


def test_a_forged_altered_or_voided_link_stops_nothing(mailbox, notice_kind):
    reader = person_user("en")
    notify_users(kind=KIND, users=[reader], context={"thing": 1}, key="t1")
    path = unsubscribe_path(mailbox.messages[0])
    token = path.rstrip("/").rsplit("/", 1)[1]

    assert one_click(f"/en/notifications/unsubscribe/{token[:-2]}xx/").status_code == 404
    assert one_click("/en/notifications/unsubscribe/nonsense/").status_code == 404
    NoticeSettings.objects.filter(user=reader).update(unsubscribe_secret="renewed")
    assert one_click(path).status_code == 404
    assert not NoticePreference.objects.exists()
