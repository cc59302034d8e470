"""Real app servers (gunicorn, production settings) with a part of the installation down.

- The cache: Redis at an address where nothing listens yet (a Redis of the test's own, started
  later). Public pages and log-in answer 200, a logged-in page works, wrong passwords are still
  throttled, the health check says "degraded"; once Redis is started it is used again.
- The database: an address where nothing listens. Visitors get the platform's own error page
  in their language, as 503, and the health check takes the server out of the load balancer.

They need collected static files (production serves hashed names) and, for the cache, the
PostgreSQL database the test and the servers share: CI's production-profile pass has both.
`test_cache.py` and `test_health.py` prove the same behaviour in-process in every pass."""

import http.client
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from cryptography.fernet import Fernet
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from inspir.accounts.tests.factories import PASSWORD, UserFactory
from inspir.core.tests.app_servers import app_servers, free_port
from inspir.core.tests.test_multi_process import PUBLIC_HOST, Browser
from inspir.network.tests.factories import NetworkFactory, member_of

HEALTH_TOKEN = "a-monitoring-token-of-forty-characters-00"
PUBLIC_PAGES = ["/en/", "/en/organisations/", "/en/networks/", "/en/map/"]
TOO_MANY = "Too many failed login attempts"


def needs_collected_static() -> None:
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        pytest.skip("needs collected static files (manage.py collectstatic): production pass")


def production(database_url: str, **variables: str) -> dict[str, str]:
    """The environment of a production app server on loopback."""
    environment = {
        **os.environ,
        "INSPIR_ENV_FILE": "",  # this environment only, whatever file the machine has
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY.ljust(50, "x"),
        "SECRETS_ENCRYPTION_KEY": os.environ.get("SECRETS_ENCRYPTION_KEY")
        or Fernet.generate_key().decode(),
        "DJANGO_ALLOWED_HOSTS": PUBLIC_HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "HEALTH_TOKEN": HEALTH_TOKEN,
    }
    environment.pop("REDIS_URL", None)  # each test says which cache, if any
    return {**environment, **variables}


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict, str]:
    """A plain GET with the given headers: (status, headers, body)."""
    connection_ = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    connection_.request("GET", path, headers={"Host": PUBLIC_HOST, **(headers or {})})
    response = connection_.getresponse()
    body = response.read().decode("utf-8", "replace")
    return response.status, dict(response.getheaders()), body


def health(port: int) -> tuple[int, dict]:
    """What monitoring reads, with the token."""
    status, _, body = get(port, "/health/", {"Authorization": f"Bearer {HEALTH_TOKEN}"})
    return status, json.loads(body)


def wait_until(condition: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


# --- the cache down -------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_with_the_cache_down_pages_and_log_in_work_and_limits_hold(own_redis):
    needs_collected_static()
    if connection.vendor != "postgresql":
        pytest.skip("the app servers share the test's database: PostgreSQL only")
    database = connection.settings_dict
    environment = production(
        f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        REDIS_URL=own_redis.url,  # not started: nothing listens there
        REDIS_RETRY_AFTER="1",
        PUBLIC_PAGE_CACHE_SECONDS="300",
    )
    member_of(NetworkFactory(name="INSP!R Bénin"), name="Union of Cotonou", slug="union")
    member = UserFactory(email="awa@example.org")
    hasher = PBKDF2PasswordHasher()  # as production hashes
    member.password = hasher.encode(PASSWORD, hasher.salt())
    member.save(update_fields=["password"])

    with app_servers(environment, count=1) as [port]:
        visitor = Browser()
        for path in PUBLIC_PAGES:
            status, _, page = visitor.request(port, "GET", path)
            assert status == 200, path
            assert "INSP!R" in page

        # Log-in, and a page only a logged-in member sees.
        browser = Browser()
        assert browser.request(port, "GET", "/en/accounts/login/")[0] == 200
        status, location, _ = browser.request(
            port, "POST", "/en/accounts/login/", {"login": member.email, "password": PASSWORD}
        )
        assert (status, location) == (302, "/en/my-work/")
        assert browser.request(port, "GET", "/en/my-work/")[0] == 200
        assert browser.request(port, "GET", "/en/accounts/profile/")[0] == 200

        # Wrong passwords are still counted: after five, the right one is refused.
        stranger = Browser()
        for _attempt in range(5):
            stranger.request(port, "GET", "/en/accounts/login/")
            stranger.request(
                port, "POST", "/en/accounts/login/", {"login": member.email, "password": "no"}
            )
        stranger.request(port, "GET", "/en/accounts/login/")
        _, _, refused = stranger.request(
            port, "POST", "/en/accounts/login/", {"login": member.email, "password": PASSWORD}
        )
        assert TOO_MANY in refused

        # The health check tells monitoring, and keeps the server in the load balancer.
        status, report = health(port)
        assert status == 200
        assert report["components"]["cache"]["status"] == "degraded"

        # Redis comes back: the servers use it again, for pages and for limits.
        own_redis.start()

        def cache_in_use() -> bool:
            visitor.request(port, "GET", "/en/organisations/")
            keys = own_redis.keys()
            return any(key.startswith("inspir-pages:") for key in keys)

        assert wait_until(cache_in_use), own_redis.keys()
        stranger.request(port, "GET", "/en/accounts/login/")
        stranger.request(
            port, "POST", "/en/accounts/login/", {"login": member.email, "password": "no"}
        )
        assert any(":allauth:rl:" in key for key in own_redis.keys())
        status, report = health(port)
        assert (status, report["components"]["cache"]["status"]) == (200, "ok")


# --- the database down ----------------------------------------------------------------------

HEADING = {"fr": "Une erreur s'est produite", "es": "Algo salió mal", "en": "Something went wrong"}


def test_with_the_database_down_visitors_get_the_platforms_page_in_their_language():
    needs_collected_static()
    nowhere = f"postgres://inspir:a-password@127.0.0.1:{free_port()}/inspir"
    with app_servers(production(nowhere), count=1) as [port]:
        for language in ("fr", "es"):
            # The address without a language: the visitor's browser chooses it.
            status, headers, _ = get(port, "/", {"Accept-Language": language})
            assert (status, headers["Location"]) == (302, f"/{language}/")

            for path in (f"/{language}/", f"/{language}/organisations/"):
                status, headers, html = get(port, path, {"Accept-Language": language})
                page = BeautifulSoup(html, "html.parser")
                assert status == 503, path
                assert headers["Retry-After"] == "60"
                assert page.html["lang"] == language
                assert page.h1.get_text(strip=True) == HEADING[language]
                assert "Traceback" not in html and "OperationalError" not in html
                assert "a-password" not in html

        # The load balancer takes the server out; monitoring reads why, and nothing more.
        status, _, body = get(port, "/health/")
        assert (status, json.loads(body)) == (503, {"status": "failing"})
        status, report = health(port)
        assert status == 503
        assert report["components"]["database"]["status"] == "failing"
        assert "a-password" not in json.dumps(report) and "127.0.0.1" not in json.dumps(report)
