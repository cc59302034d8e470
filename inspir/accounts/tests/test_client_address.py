"""Behind the reverse proxy, log-in limits count each person's own address: the one the
trusted proxy appended to X-Forwarded-For, never what a client wrote there itself."""

import pytest
from django.test import Client

from inspir.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"  # every request reaches the app from the proxy
ATTACKER = "203.0.113.5"
NEIGHBOUR = "198.51.100.7"
PER_ADDRESS = 10  # failed log-ins an address may make in a minute (ACCOUNT_RATE_LIMITS)


@pytest.fixture(autouse=True)
def behind_one_proxy(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1


def through_proxy(client_wrote: str | None, address: str) -> dict[str, str]:
    """The headers the app receives: the proxy appends the address it saw."""
    forwarded = f"{client_wrote}, {address}" if client_wrote else address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}


def log_in(email: str, password: str, headers: dict[str, str]) -> bool:
    client = Client(**headers)
    client.post("/en/accounts/login/", {"login": email, "password": password})
    return "_auth_user_id" in client.session


def fail_from(address: str, forged: str | None = None) -> None:
    for attempt in range(PER_ADDRESS):
        wrote = f"{forged}{attempt}" if forged else None
        log_in(f"nobody{attempt}@example.org", "wrong", through_proxy(wrote, address))


def test_one_persons_failures_do_not_lock_out_everyone_behind_the_proxy():
    neighbour = UserFactory()
    fail_from(ATTACKER)

    assert not log_in(neighbour.email, PASSWORD, through_proxy(None, ATTACKER))
    assert log_in(neighbour.email, PASSWORD, through_proxy(None, NEIGHBOUR))


def test_a_forged_forwarding_header_does_not_escape_the_limit():
    victim = UserFactory()
    fail_from(ATTACKER, forged="192.0.2.")

    assert not log_in(victim.email, PASSWORD, through_proxy("192.0.2.200", ATTACKER))


def test_a_forged_forwarding_header_cannot_lock_out_someone_else():
    neighbour = UserFactory()
    fail_from(ATTACKER, forged=f"{NEIGHBOUR}, 10.0.0.")

    assert log_in(neighbour.email, PASSWORD, through_proxy(None, NEIGHBOUR))


def test_without_a_configured_proxy_the_header_is_not_believed(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    someone = UserFactory()
    for attempt in range(PER_ADDRESS):
        log_in(
            f"nobody{attempt}@example.org", "wrong", {"HTTP_X_FORWARDED_FOR": f"10.1.1.{attempt}"}
        )

    assert not log_in(someone.email, PASSWORD, {"HTTP_X_FORWARDED_FOR": "10.9.9.9"})
