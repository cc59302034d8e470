"""A server error is reported by e-mail to the addresses in DJANGO_ADMINS, over SMTP, with
the request id the visitor can quote."""

import logging
import time

import pytest
from django.test import Client

from inspir.core.request_id import AdminEmailHandler

pytestmark = pytest.mark.django_db

FAILING = "inspir.core.tests.urls_with_failing_views"


@pytest.fixture
def failing_site(settings):
    # Each test starts with a handler that has mailed nothing yet.
    for handler in logging.getLogger("django.request").handlers:
        if isinstance(handler, AdminEmailHandler):
            handler._last_mailed.clear()
    settings.ROOT_URLCONF = FAILING
    settings.ADMINS = ["ops@example.org", "Second Admin <second@example.org>"]
    return Client(raise_request_exception=False)


def test_a_server_error_reaches_the_admins_with_its_request_id(failing_site, mailbox):
    response = failing_site.get("/en/broken/")

    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    (report,) = mailbox.to("ops@example.org")
    assert "second@example.org" in report["To"]
    assert report["Subject"].startswith("[INSP!R] ERROR")
    assert f"/en/broken/ [request {request_id}]" in report["Subject"]
    assert "SECRET_TRACEBACK_MARKER" in mailbox.body(report)


def test_a_page_not_found_is_not_reported(failing_site, mailbox):
    response = failing_site.get("/en/no-such-page/")

    assert response.status_code == 404
    assert mailbox.messages == []


def test_nothing_is_sent_while_no_admin_is_named(failing_site, mailbox, settings):
    settings.ADMINS = []

    assert failing_site.get("/en/broken/").status_code == 500
    assert mailbox.messages == []


def test_the_same_error_again_soon_is_counted_not_mailed(failing_site, mailbox):
    # Every request fails alike while, say, the database is down: one mail, then a count.
    for _ in range(3):
        assert failing_site.get("/en/broken/").status_code == 500
    failing_site.get("/en/database-down/")

    subjects = [message["Subject"] for message in mailbox.to("ops@example.org")]
    assert len(subjects) == 2
    assert "/en/broken/" in subjects[0] and "/en/database-down/" in subjects[1]


def test_the_same_error_is_mailed_again_after_a_quiet_while(failing_site, mailbox, monkeypatch):
    failing_site.get("/en/broken/")
    failing_site.get("/en/broken/")
    later = time.monotonic() + AdminEmailHandler.QUIET_SECONDS + 1
    monkeypatch.setattr(time, "monotonic", lambda: later)

    failing_site.get("/en/broken/")

    subjects = [message["Subject"] for message in mailbox.to("ops@example.org")]
    assert len(subjects) == 2
    assert "(and 1 more like it, not mailed)" in subjects[1]
