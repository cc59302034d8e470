"""The demo's personas find a few notices of their networks in the header, once however
often the demo is loaded, and none of them is e-mailed at load."""

import re

import pytest
from django.test import Client

from inspir.accounts.models import User
from inspir.core.models import OutgoingEmail
from inspir.demo.loader import load_demo
from inspir.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_the_focal_point_finds_benins_notices_in_french():
    load_demo()
    load_demo()
    focal_point = User.objects.get(email="focal.point@example.org")
    client = Client()
    client.force_login(focal_point)

    page = client.get("/fr/notifications/").content.decode()

    titles = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "INSP!R Bénin" in titles
    # Bénin consulted for the next meeting, and Bénin's follow-up of a decision.
    assert Notification.objects.filter(user=focal_point).count() == 2
    assert "Notifications (2)" in titles
    # The demo's December 2020 newsletter is recorded as sent long ago, with no content.
    assert not OutgoingEmail.objects.exclude(topic="newsletters.issue").exists()
    assert not OutgoingEmail.objects.filter(topic="newsletters.issue").exclude(body="").exists()


def test_the_coordinators_are_told_of_the_meeting_planned():
    load_demo()
    for email in ("coordinator@example.org", "steering.member@example.org"):
        client = Client()
        client.force_login(User.objects.get(email=email))
        page = client.get("/es/notifications/").content.decode()
        assert "Steering committee — regular meeting" in page
