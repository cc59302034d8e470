import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import PASSWORD, UserFactory, user_with_role
from inspir.network.tests.factories import NetworkFactory

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_pages_carry_the_security_headers(client):
    response = client.get("/en/")

    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def _style_sources(csp: str) -> list[str]:
    directive = next(d.strip() for d in csp.split(";") if d.strip().startswith("style-src "))
    return directive.split()[1:]


@pytest.mark.django_db
def test_a_visitor_gets_the_stylesheet_inside_the_page_allowed_by_its_hash_only(client):
    import base64
    import hashlib

    response = client.get("/en/")
    html = response.content.decode()

    styles = re.findall(r"<style>(.*?)</style>", html, flags=re.DOTALL)
    assert len(styles) == 1 and "body" in styles[0]
    digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()
    assert _style_sources(response["Content-Security-Policy"]) == ["'self'", f"'sha256-{digest}'"]
    assert 'rel="stylesheet"' not in html
    # The icon is in the page too: no request of its own while the page paints.
    assert 'rel="icon" href="data:image/svg+xml,' in html


@pytest.mark.django_db
def test_a_signed_in_member_loads_the_stylesheet_as_a_file_kept_by_the_browser(client):
    member = user_with_role(NetworkFactory(), Role.MEMBER)
    client.force_login(member)

    html = client.get("/en/").content.decode()

    assert "<style>" not in html
    assert re.search(r'<link rel="stylesheet" href="/static/core/inspir[.\w]*css">', html)


def test_the_production_settings_pass_djangos_deployment_checks():
    # Only what a real deployment sets: no test-run relaxations (plain-HTTP test servers,
    # Playwright's async override) leak into the check.
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "SECRETS_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "DJANGO_ALLOWED_HOSTS": "inspir.example.org",
        "EMAIL_HOST": "smtp.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    environment.pop("DJANGO_SECRET_KEY", None)

    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


# --- Personal pages stay out of caches ---------------------------------------------------------


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address", ["/en/", "/fr/organisations/", "/en/accounts/profile/", "/en/no-such-page/"]
)
def test_every_page_a_logged_in_member_gets_is_kept_out_of_caches(client, address):
    client.force_login(UserFactory())

    response = client.get(address)

    assert {"private", "no-store"} <= directives(response)


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["/en/accounts/2fa/authenticate/", "/en/"])
def test_pages_seen_part_way_through_a_log_in_are_kept_out_of_caches(client, address):
    # Not logged in yet, but the session already holds whose log-in this is.
    coordinator = user_with_role(NetworkFactory(), Role.COORDINATOR)
    answer = client.post("/en/accounts/login/", {"login": coordinator.email, "password": PASSWORD})
    assert answer["Location"] == "/en/accounts/2fa/authenticate/"

    response = client.get(address)

    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["/en/", "/fr/organisations/", "/en/no-such-page/"])
def test_anonymous_visitors_public_pages_stay_cacheable(client, address):
    response = client.get(address)

    assert "no-store" not in directives(response) and "private" not in directives(response)


@pytest.mark.django_db
def test_logging_out_leaves_pages_cacheable_again(client):
    client.force_login(UserFactory())
    client.post("/en/accounts/logout/")

    response = client.get("/en/")

    assert "no-store" not in directives(response)


@pytest.mark.django_db
def test_static_files_keep_their_caching_for_logged_in_members(client):
    client.force_login(UserFactory())

    response = client.get("/static/core/inspir.css")

    assert response.status_code == 200
    assert "no-store" not in directives(response)
