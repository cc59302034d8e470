"""Links in e-mails lead to the configured site address (`SITE_URL`), on whatever port the
platform runs: `make demo PORT=8123` sets it from the port, production from its environment."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress

from inspir.accounts.models import Role
from inspir.accounts.services import invitation_create
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.network.tests.factories import NetworkFactory, national

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[3]
SITE_URL = "http://127.0.0.1:8123"


def links(body: str) -> list[str]:
    return re.findall(r"https?://\S+", body)


def test_an_invitation_links_to_the_configured_site_and_port(mailbox, settings):
    settings.SITE_URL = SITE_URL
    benin = national(NetworkFactory(name="INSP!R"), name="INSP!R Bénin")
    coordinator = user_with_role(benin, Role.COORDINATOR)

    _, token = invitation_create(
        network=benin,
        email="awa@example.org",
        role=Role.FOCAL_POINT,
        language="es",
        actor=coordinator,
    )

    [message] = mailbox.to("awa@example.org")
    assert links(mailbox.body(message)) == [f"{SITE_URL}/es/accounts/invitation/{token}/"]


def test_a_password_reset_links_to_the_configured_site_not_the_requests_host(
    client, mailbox, settings
):
    settings.SITE_URL = SITE_URL
    user = UserFactory(email="kofi@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    client.post(
        "/fr/accounts/password/reset/", {"email": "kofi@example.org"}, HTTP_HOST="localhost"
    )

    [message] = mailbox.to("kofi@example.org")
    body = mailbox.body(message)
    [link] = [url for url in links(body) if "/password/reset/key/" in url]
    assert link.startswith(f"{SITE_URL}/fr/accounts/password/reset/key/")
    assert "localhost" not in body and "testserver" not in body
    assert "127.0.0.1:8123" in body.replace(link, "")  # the site it names, too


def run_demo(tmp_path: Path, **environment: str) -> list[str]:
    """`make demo PORT=8123` with every manage.py command replaced by one that prints the
    SITE_URL it was given (the virtual environment is taken as installed). The worker and the
    web server run at once: each line is written in one go, so that they do not mix, and the
    web server stays up a moment, as it does until stopped, since the worker stops with it."""
    probe = tmp_path / "manage.py"
    probe.write_text(
        "import os, sys, time\n"
        "os.write(1, f\"{sys.argv[1]} {os.environ.get('SITE_URL')}\\n\".encode())\n"
        "time.sleep(3 if sys.argv[1] == 'runserver' else 0)\n"
    )
    make = shutil.which("make")
    assert make is not None
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"} | environment
    result = subprocess.run(
        [make, "--no-print-directory", "-s", "-o", "install", "demo", "PORT=8123",
         f"MANAGE={sys.executable} {probe}"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    return result.stdout.splitlines()


def test_make_demo_on_another_port_builds_links_on_that_port(tmp_path):
    lines = run_demo(tmp_path)

    assert "runserver http://127.0.0.1:8123" in lines
    assert "run_worker http://127.0.0.1:8123" in lines  # the worker writes the e-mails
    assert all(line.endswith(" http://127.0.0.1:8123") for line in lines), lines


def test_make_demo_keeps_a_site_url_given_by_the_operator(tmp_path):
    lines = run_demo(tmp_path, SITE_URL="https://inspir.example.org")

    assert "runserver https://inspir.example.org" in lines
