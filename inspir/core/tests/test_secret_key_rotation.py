"""A new secret key, with the former one kept as a fallback, logs nobody out."""

import pytest

from inspir.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORMER = "f" * 64
NEW = "n" * 64


@pytest.fixture
def logged_in_under_the_former_key(client, settings):
    settings.SECRET_KEY = FORMER
    client.force_login(UserFactory())
    assert client.get("/en/accounts/profile/").status_code == 200
    return client


def test_a_rotated_key_keeps_sessions_through_the_fallback(
    logged_in_under_the_former_key, settings
):
    settings.SECRET_KEY = NEW
    settings.SECRET_KEY_FALLBACKS = [FORMER]

    assert logged_in_under_the_former_key.get("/en/accounts/profile/").status_code == 200


def test_without_the_fallback_the_former_sessions_end(logged_in_under_the_former_key, settings):
    settings.SECRET_KEY = NEW
    settings.SECRET_KEY_FALLBACKS = []

    response = logged_in_under_the_former_key.get("/en/accounts/profile/")
    assert response["Location"].startswith("/en/accounts/login/")
