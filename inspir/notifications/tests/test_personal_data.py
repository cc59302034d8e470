"""A person's notices, choices and digests are in "download all my data", and erasure
deletes them; an erased account is told nothing more."""

import pytest

from inspir.core.personal_data import Subject, erase_all, export_all
from inspir.notifications.models import Digest, NoticePreference, NoticeSettings, Notification
from inspir.notifications.services import notify_users
from inspir.notifications.tests.fixtures import DIGEST_KIND, KIND, person_user

pytestmark = pytest.mark.django_db


def test_export_and_erasure(notice_kind):
    awa, other = person_user(), person_user()
    NoticePreference.objects.create(user=awa, kind=KIND, delivery="in_app")
    NoticeSettings.objects.create(user=awa, digest_hour=18)
    notify_users(kind=KIND, users=[awa, other], context={"thing": 1}, key="t1")
    notify_users(kind=DIGEST_KIND, users=[awa], context={"thing": 2}, key="t2")
    Digest.objects.create(user=awa, local_date="2026-12-06")
    subject = Subject(user=awa, person=awa.person, addresses=(awa.email,))

    data = export_all(subject)

    assert sorted(n["key"] for n in data["notifications"]) == ["t1", "t2"]
    assert data["notification_settings"] == {
        "deliveries": {KIND: "in_app"},
        "digest_hour": 18,
        "digests_sent": ["2026-12-06"],
    }

    erase_all(subject)

    for model in (Notification, NoticePreference, NoticeSettings, Digest):
        assert not model.objects.filter(user=awa).exists(), model
    assert Notification.objects.filter(user=other).count() == 1
