"""The daily digest, at each person's local hour (frozen times, two zones): one e-mail per
person and local day gathering the notices delivered by digest that came before that hour,
never twice however many runs, and one-click unsubscribe from it."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from inspir.core.models import OutgoingEmail
from inspir.notifications.digests import digests_send
from inspir.notifications.models import Digest, NoticePreference, NoticeSettings, Notification
from inspir.notifications.services import notify_users
from inspir.notifications.tests.fixtures import DIGEST_KIND, KIND, person_user

pytestmark = pytest.mark.django_db(transaction=True)

UTC = datetime.UTC


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 12, day, hour, minute, tzinfo=UTC)


def tell(user, thing: int, when: datetime.datetime) -> None:
    [notice] = notify_users(
        kind=DIGEST_KIND, users=[user], context={"thing": thing}, key=f"thing:{thing}"
    )
    Notification.objects.filter(pk=notice.pk).update(created_at=when)


def test_each_person_gets_one_digest_at_their_local_hour(mailbox, notice_kind):
    # Brussels is UTC+1 in December, Lima UTC-5; both keep the default hour, 07:00 local.
    awa = person_user("fr", zone="Europe/Brussels")
    lucia = person_user("es", zone="America/Lima")
    tell(awa, 1, at(5, 15))
    tell(awa, 2, at(5, 20))
    tell(lucia, 3, at(5, 20))

    assert digests_send(now=at(6, 5, 59)) == 0  # 06:59 in Brussels
    assert digests_send(now=at(6, 6, 0)) == 1  # 07:00 in Brussels; 01:00 in Lima
    [french] = mailbox.messages
    assert french["To"] == awa.email
    body = mailbox.body(french)
    assert "Accueil #1" in body and "Accueil #2" in body and "#3" not in body
    assert "6 décembre 2026" in french["Subject"]

    assert digests_send(now=at(6, 11, 59)) == 0  # 06:59 in Lima
    assert digests_send(now=at(6, 12, 0)) == 1
    spanish = mailbox.messages[1]
    assert spanish["To"] == lucia.email and "Inicio #3" in mailbox.body(spanish)
    assert "6 de diciembre de 2026" in spanish["Subject"]

    # Later runs the same day send nothing again; every notice was in one digest.
    assert digests_send(now=at(6, 12, 15)) == 0
    call_command("send_digests")
    assert len(mailbox.messages) == 2
    assert set(Notification.objects.values_list("emailed", flat=True)) == {"digest"}
    assert not Notification.objects.filter(digested_at__isnull=True).exists()
    assert Digest.objects.count() == 2


def test_a_notice_after_the_hour_waits_for_the_next_days_digest(mailbox, notice_kind):
    awa = person_user("en", zone="Europe/Brussels")
    NoticeSettings.objects.create(user=awa, digest_hour=18)
    tell(awa, 1, at(6, 16, 30))  # 17:30 local: before the hour
    assert digests_send(now=at(6, 17, 0)) == 1
    tell(awa, 2, at(6, 17, 30))  # 18:30 local: after today's digest

    assert digests_send(now=at(6, 22, 0)) == 0
    assert digests_send(now=at(7, 16, 59)) == 0
    assert digests_send(now=at(7, 17, 0)) == 1

    first, second = (mailbox.body(m) for m in mailbox.messages)
    assert "Home #1" in first and "#2" not in first
    assert "Home #2" in second and "#1" not in second


def test_two_runs_at_once_send_one_digest(mailbox, notice_kind):
    """The per-person, per-day record is unique: a run that finds it taken sends nothing."""
    awa = person_user("en", zone="UTC")
    tell(awa, 1, at(5, 10))
    Digest.objects.create(user=awa, local_date=datetime.date(2026, 12, 6))  # the other run's

    assert digests_send(now=at(6, 8)) == 0
    assert mailbox.messages == [] and not OutgoingEmail.objects.exists()
    assert Notification.objects.get().digested_at is None  # left for tomorrow's


def test_immediate_and_in_app_notices_are_never_in_a_digest(mailbox, notice_kind):
    awa = person_user("en", zone="UTC")
    NoticePreference.objects.create(user=awa, kind=KIND, delivery="in_app")
    notify_users(kind=KIND, users=[awa], context={"thing": 1}, key="t1")
    Notification.objects.update(created_at=at(5, 10))

    assert digests_send(now=at(6, 8)) == 0
    assert mailbox.messages == []


def test_the_digests_one_click_unsubscribe_stops_the_digest(mailbox, notice_kind):
    awa = person_user("en", zone="UTC")
    tell(awa, 1, at(5, 10))
    digests_send(now=at(6, 8))
    [message] = mailbox.messages
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = urlsplit(message["List-Unsubscribe"].strip("<>")).path
    assert path in mailbox.body(message)

    response = Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200 and "daily digest" in response.content.decode()
    assert NoticePreference.objects.get(user=awa, kind=DIGEST_KIND).delivery == "in_app"
    tell(awa, 2, at(6, 10))
    assert digests_send(now=at(7, 8)) == 0
