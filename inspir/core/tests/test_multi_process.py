"""Several app servers and a task worker side by side, as in production: two gunicorn
processes and a worker (`run_worker`) against one PostgreSQL and one Redis, all on loopback. Nothing
may live in a process: a session opened on one server works on the other, log-in failures
count across both, and work queued by either is done by the worker.

Runs in CI's production-profile pass, where PostgreSQL, Redis and compressed static files
are set up; elsewhere it says why it cannot run."""

import http.client
import os
import re
import time
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import PASSWORD, add_second_factor, user_with_role
from inspir.core.tests.app_servers import app_servers
from inspir.network.tests.factories import NetworkFactory

PUBLIC_HOST = "inspir.example.org"
pytestmark = pytest.mark.django_db(transaction=True)


class Browser:
    """Just enough of a browser: cookies (Secure ones too: this is loopback) and CSRF."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def request(self, port: int, method: str, path: str, form: dict | None = None):
        from urllib.parse import urlencode

        connection_ = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        # Both servers sit behind one public name, as behind a reverse proxy: allauth keys
        # log-in limits by host, so distinct ports would look like distinct sites.
        headers = {
            "Host": PUBLIC_HOST,
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        body = None
        if form is not None:
            form = {**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection_.request(method, path, body=body, headers=headers)
        response = connection_.getresponse()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        content = response.read().decode("utf-8", "replace")
        return response.status, response.getheader("Location", ""), content


@pytest.fixture
def production_like():
    if connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"):
        pytest.skip("needs PostgreSQL and REDIS_URL: run by CI's production-profile pass")
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        pytest.skip("needs collected static files (manage.py collectstatic)")


def test_app_servers_and_a_worker_share_sessions_limits_and_the_queue(production_like, mailbox):
    database = connection.settings_dict
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": PUBLIC_HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
            f"{database['NAME']}"
        ),
        "TASKS_BACKEND": "database",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mailbox.port),
        "SITE_URL": "http://127.0.0.1",
    }
    coordinator = user_with_role(
        NetworkFactory(name="INSP!R Bénin"),
        Role.COORDINATOR,
        second_factor=False,
        email="coordination@example.org",
    )
    secret = add_second_factor(coordinator)
    # Hashed as production hashes (the test settings use a fast hasher production lacks).
    hasher = PBKDF2PasswordHasher()
    coordinator.password = hasher.encode(PASSWORD, hasher.salt())
    coordinator.save(update_fields=["password"])
    with app_servers(environment, worker=True) as ports:
        first, second = ports
        browser = Browser()

        # Log in on the first server, password then the authenticator code.
        browser.request(first, "GET", "/en/accounts/login/")
        status, location, _ = browser.request(
            first,
            "POST",
            "/en/accounts/login/",
            {"login": coordinator.email, "password": PASSWORD},
        )
        assert (status, location) == (302, "/en/accounts/2fa/authenticate/")
        browser.request(first, "GET", location)
        code = format_hotp_value(hotp_value(secret, int(time.time() // 30)))
        status, _, _ = browser.request(first, "POST", location, {"code": code})
        assert status == 302

        # The session opened on the first server works on the second.
        status, _, page = browser.request(second, "GET", "/en/accounts/invitations/")
        assert status == 200 and "INSP!R Bénin" in page

        # Work queued on the second server is done by the worker.
        network_id = re.search(r'<option value="(\d+)"[^>]*>INSP!R Bénin', page).group(1)
        status, _, _ = browser.request(
            second,
            "POST",
            "/en/accounts/invitations/",
            {"email": "awa@example.org", "network": network_id, "role": "member", "language": "fr"},
        )
        assert status == 302
        deadline = time.monotonic() + 30
        while not mailbox.to("awa@example.org") and time.monotonic() < deadline:
            time.sleep(0.2)
        assert mailbox.to("awa@example.org"), "the worker did not send the queued e-mail"

        # Failed log-ins count across both servers (the limit lives in Redis): after five
        # failures spread over the two, even the right password is refused for a while.
        stranger = Browser()
        for attempt in range(5):
            port = ports[attempt % 2]
            stranger.request(port, "GET", "/en/accounts/login/")
            stranger.request(
                port,
                "POST",
                "/en/accounts/login/",
                {"login": coordinator.email, "password": "wrong password"},
            )
        stranger.request(second, "GET", "/en/accounts/login/")
        _, _, refused = stranger.request(
            second,
            "POST",
            "/en/accounts/login/",
            {"login": coordinator.email, "password": PASSWORD},
        )
        assert "Too many failed login attempts" in refused
