"""With the shared cache (Redis) unreachable the platform carries on: public pages are
rendered uncached, log-in works, and log-in limits are kept in each process's memory, never
lifted. When Redis answers again it is used again, and nothing changed meanwhile is hidden
behind a page cached before.

These tests run in every pass: "unreachable" is a loopback port where nothing listens, or a
Redis server of the test's own (`own_redis`) stopped or cut off."""

import logging

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from inspir.accounts.tests.factories import PASSWORD, UserFactory
from inspir.network.tests.factories import NetworkFactory, member_of

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/en/", "/en/organisations/", "/en/networks/", "/en/map/"]
TOO_MANY = "Too many failed login attempts"


@pytest.fixture
def union():
    return member_of(NetworkFactory(name="INSP!R Bénin"), name="Union of Cotonou", slug="union")


def queries_for(client: Client, path: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    return status, len(queries)


def wrong_passwords(client: Client, email: str, times: int) -> None:
    for _attempt in range(times):
        client.post("/en/accounts/login/", {"login": email, "password": "wrong password"})


# --- the cache down -----------------------------------------------------------------------


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_are_rendered_for_each_visitor_while_the_cache_is_down(
    cache_down, union, client, path
):
    assert client.get(path).status_code == 200

    status, queries = queries_for(client, path)

    assert status == 200
    assert queries > 0, "served from a cache that cannot exist: Redis is down"


def test_log_in_works_while_the_cache_is_down(cache_down, client):
    member = UserFactory(email="awa@example.org")

    response = client.post("/en/accounts/login/", {"login": member.email, "password": PASSWORD})

    assert response.status_code == 302
    assert client.get("/en/accounts/profile/").status_code == 200


def test_sessions_are_kept_in_the_database_not_in_the_cache(settings):
    # In the cache, a session would live in one process's memory while Redis is away: a
    # member logged in on one app server would be a stranger to the next.
    from importlib import import_module

    from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

    store = import_module(settings.SESSION_ENGINE).SessionStore
    assert issubclass(store, DatabaseSessionStore)
    assert "cache" not in settings.SESSION_ENGINE


def test_wrong_passwords_are_still_throttled_while_the_cache_is_down(cache_down, client):
    member = UserFactory(email="awa@example.org")
    wrong_passwords(client, member.email, 5)

    refused = client.post("/en/accounts/login/", {"login": member.email, "password": PASSWORD})

    assert TOO_MANY in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_used_two_factor_code_is_still_refused_while_the_cache_is_down(cache_down):
    # allauth marks a code used with add(); a second add must fail, as with Redis.
    key = "allauth.mfa.totp.used?user=1&code=123456"

    assert cache.add(key, "y", timeout=30) is True
    assert cache.add(key, "y", timeout=30) is False


def test_the_unreachable_cache_is_reported_once_per_period_not_per_call(cache_down, caplog):
    with caplog.at_level(logging.WARNING, logger="inspir.core.cache"):
        for attempt in range(20):
            cache.get(f"key-{attempt}")
            caches["pages"].set(f"page-{attempt}", "html")

    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "cannot be reached" in warnings[0].getMessage()


# --- the cache back -------------------------------------------------------------------------


def test_the_cache_is_used_again_once_redis_answers(own_redis, use_redis_at, client):
    use_redis_at(own_redis.url, retry_after=0)  # no waiting between tries in a test
    member = UserFactory(email="awa@example.org")
    wrong_passwords(client, member.email, 1)  # counted in this process while Redis is down

    own_redis.start()
    wrong_passwords(client, member.email, 1)

    assert any(":allauth:rl:" in key for key in own_redis.keys())


def test_limits_counted_in_redis_hold_across_an_outage_and_back(own_redis, use_redis_at, client):
    own_redis.start()
    use_redis_at(own_redis.url, retry_after=0)
    member = UserFactory(email="awa@example.org")
    wrong_passwords(client, member.email, 3)
    own_redis.cut()
    wrong_passwords(client, member.email, 5)  # the process's own count refuses the right one
    assert (
        TOO_MANY
        in client.post(
            "/en/accounts/login/", {"login": member.email, "password": PASSWORD}
        ).content.decode()
    )

    own_redis.restore()
    wrong_passwords(client, member.email, 2)  # with the 3 Redis kept: the limit is reached

    refused = client.post("/en/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert TOO_MANY in refused.content.decode()


def test_a_change_made_while_the_cache_was_cut_off_shows_once_it_is_back(
    own_redis, use_redis_at, union, client
):
    own_redis.start()
    use_redis_at(own_redis.url, retry_after=0)
    client.get("/en/organisations/union/")
    assert queries_for(client, "/en/organisations/union/") == (200, 0)  # cached in Redis

    own_redis.cut()
    union.name = "Union of Cotonou-Sud"
    union.save()  # this process cannot tell Redis that the cached pages are stale
    assert "Cotonou-Sud" in client.get("/en/organisations/union/").content.decode()
    own_redis.restore()

    assert "Cotonou-Sud" in client.get("/en/organisations/union/").content.decode()
    client.get("/en/organisations/union/")
    assert queries_for(client, "/en/organisations/union/") == (200, 0)  # and cached again
