"""Every way in: each page of the URL map that takes a password or a code is throttled, and
none of them ends in an internal page for a session that has not passed the second factor.

The pages are found, not listed by hand: every URL pattern is requested as a visitor, a member
without a second factor and a staff member, and any form with a password field or a code
field must be in `WAYS_IN` below, with the proof that applies to it. A new log-in page, or a
new form asking for a secret, fails here until someone has thought about it."""

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from inspir.accounts.models import Role
from inspir.accounts.services import invitation_create
from inspir.accounts.tests.factories import (
    PASSWORD,
    UserFactory,
    add_second_factor,
    totp_code,
    user_with_role,
)
from inspir.core.tests.hostile_input import open_page
from inspir.core.tests.permission_matrix import rule_for, url_names
from inspir.core.tests.world import build_world, kwargs, reset_key
from inspir.network.tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db

# What a field asking for a secret looks like: a password field, or a one-time code.
SECRET_AUTOCOMPLETE = {"current-password", "one-time-code"}
INTERNAL_PAGES = ("/en/admin/", "/en/activity/", "/en/accounts/profile/")
WRONG_CODE = "000000"


def forms_asking_for_a_secret(html: str) -> bool:
    for form in BeautifulSoup(html, "html.parser").find_all("form"):
        for field in form.find_all("input"):
            if field.get("type") == "password" or field.get("autocomplete") in SECRET_AUTOCOMPLETE:
                return True
    return False


def staff_with_authenticator() -> tuple[object, str]:
    staff = UserFactory(is_superuser=True)
    secret = add_second_factor(staff)
    staff.is_staff = True
    staff.save()
    return staff, secret


def password_only_session(user) -> Client:
    """A session that proved the password and nothing else (Django's own log-in)."""
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def reaches_nothing_internal(client: Client) -> bool:
    return all(client.get(page).status_code != 200 for page in INTERNAL_PAGES)


# Each check proves two things for its page: wrong secrets are throttled (after the allowed
# number of failures even the right secret is refused), and a right secret alone does not
# open an internal page without the second factor.


def check_login() -> None:
    staff, _secret = staff_with_authenticator()
    client = Client()
    for _attempt in range(5):
        client.post("/en/accounts/login/", {"login": staff.email, "password": "wrong"})
    refused = client.post("/en/accounts/login/", {"login": staff.email, "password": PASSWORD})
    assert refused.status_code in {200, 429}
    assert "_auth_user_id" not in client.session

    client = Client(REMOTE_ADDR="10.0.0.2")
    cache.clear()
    response = client.post("/en/accounts/login/", {"login": staff.email, "password": PASSWORD})
    assert response["Location"].startswith("/en/accounts/2fa/authenticate/")
    assert reaches_nothing_internal(client)


def check_admin_login() -> None:
    """The admin's log-in page checks nothing itself: it hands over to the platform's."""
    staff, _secret = staff_with_authenticator()
    client = Client()
    for method in (client.get, client.post):
        response = method("/en/admin/login/", {"username": staff.email, "password": PASSWORD})
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")
    assert "_auth_user_id" not in client.session
    assert reaches_nothing_internal(client)


def check_login_code() -> None:
    staff, secret = staff_with_authenticator()
    client = Client()
    client.post("/en/accounts/login/", {"login": staff.email, "password": PASSWORD})
    for _attempt in range(5):
        client.post("/en/accounts/2fa/authenticate/", {"code": WRONG_CODE})
    refused = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert refused.status_code == 200  # the form again, with the refusal
    assert reaches_nothing_internal(client)


def check_reauthenticate_with_password() -> None:
    staff, _secret = staff_with_authenticator()
    client = password_only_session(staff)
    client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})
    assert reaches_nothing_internal(client)  # the password again is still not the code
    for _attempt in range(10):
        client.post("/en/accounts/reauthenticate/", {"password": "wrong"})
    assert client.post("/en/accounts/reauthenticate/", {"password": PASSWORD}).status_code == 429


def check_reauthenticate_with_code() -> None:
    staff, secret = staff_with_authenticator()
    client = password_only_session(staff)
    for _attempt in range(5):
        client.post("/en/accounts/2fa/reauthenticate/", {"code": WRONG_CODE})
    refused = client.post("/en/accounts/2fa/reauthenticate/", {"code": totp_code(secret)})
    assert refused.status_code == 200
    assert reaches_nothing_internal(client)


def check_change_password() -> None:
    staff, _secret = staff_with_authenticator()
    # Without the second factor the page itself is out of reach.
    assert password_only_session(staff).get("/en/accounts/password/change/").status_code == 302
    client = Client()
    client.force_login(staff)
    new = {"password1": "another long password", "password2": "another long password"}
    for _attempt in range(5):
        client.post("/en/accounts/password/change/", {"oldpassword": "wrong", **new})
    response = client.post("/en/accounts/password/change/", {"oldpassword": PASSWORD, **new})
    assert response.status_code == 429


def check_set_up_authenticator() -> None:
    member = user_with_role(NetworkFactory(), Role.MEMBER)
    client = Client()
    client.force_login(member)
    client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})
    page = client.get("/en/accounts/2fa/totp/activate/")
    secret = page.context["form"].secret
    for _attempt in range(5):
        client.post("/en/accounts/2fa/totp/activate/", {"code": WRONG_CODE})
    client.post("/en/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert not member.authenticator_set.exists()


def check_invitation() -> None:
    network = NetworkFactory()
    coordinator = user_with_role(network, Role.COORDINATOR)
    _invitation, token = invitation_create(
        network=network,
        email="new.coordinator@example.org",
        role=Role.COORDINATOR,
        language="en",
        actor=coordinator,
    )
    url = reverse("accounts_invitation_accept", kwargs={"token": token})
    fields = {
        "first_name": "Ama",
        "password1": "a brand new long password",
        "password2": "a brand new long password",
    }
    client = Client()
    client.post(url, fields)
    # A new coordinator's first stop is setting up the second factor.
    assert reaches_nothing_internal(client)
    assert client.get("/en/organisations/")["Location"] == "/en/accounts/2fa/totp/activate/"

    guesser = Client(REMOTE_ADDR="10.0.0.3")
    for attempt in range(20):
        guesser.get(reverse("accounts_invitation_accept", kwargs={"token": f"guess-{attempt}"}))
    assert guesser.get(url).status_code == 429


def check_erase_account() -> None:
    """Erasing one's account asks for the password; a session that has not passed its
    second factor may not even see the page."""
    staff, _secret = staff_with_authenticator()
    assert password_only_session(staff).get("/en/accounts/my-data/").status_code == 302
    client = Client()
    client.force_login(staff)
    for _attempt in range(10):
        client.post("/en/accounts/my-data/", {"password": "wrong", "confirm": "on"})
    response = client.post("/en/accounts/my-data/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 429
    staff.refresh_from_db()
    assert staff.email


def check_reset_password_from_key() -> None:
    """A new password chosen from the e-mailed link logs nobody in; sending the form with
    made-up links is throttled."""
    staff, _secret = staff_with_authenticator()
    link = reverse("account_reset_password_from_key", kwargs=reset_key(staff))
    client = Client()
    _page, form_url = open_page(client, link, "account_reset_password_from_key")
    new = {"password1": "a brand new long password", "password2": "a brand new long password"}
    response = client.post(form_url, new)
    assert response["Location"] == reverse("account_reset_password_from_key_done")
    assert "_auth_user_id" not in client.session
    assert reaches_nothing_internal(client)

    guesser = Client(REMOTE_ADDR="10.0.0.4")
    for attempt in range(20):
        made_up = {"uidb36": "1", "key": f"guess-{attempt}"}
        guesser.post(reverse("account_reset_password_from_key", kwargs=made_up), new)
    link = reverse("account_reset_password_from_key", kwargs=reset_key(staff))
    assert guesser.post(link, new).status_code == 429


def check_admin_sets_a_password() -> None:
    """The admin pages that set someone's password check no secret (nothing to throttle);
    they are staff pages, out of reach until the session has passed the second factor."""
    staff, _secret = staff_with_authenticator()
    client = password_only_session(staff)
    for name, kwargs_ in (
        ("admin:auth_user_password_change", {"id": staff.pk}),
        ("admin:accounts_user_add", {}),
    ):
        assert client.get(reverse(name, kwargs=kwargs_)).status_code == 302


WAYS_IN: dict[str, Callable[[], None]] = {
    "account_login": check_login,
    "admin:login": check_admin_login,
    "mfa_authenticate": check_login_code,
    "account_reauthenticate": check_reauthenticate_with_password,
    "mfa_reauthenticate": check_reauthenticate_with_code,
    "account_change_password": check_change_password,
    "mfa_activate_totp": check_set_up_authenticator,
    "accounts_invitation_accept": check_invitation,
    "accounts_my_data": check_erase_account,
    "account_reset_password_from_key": check_reset_password_from_key,
    "admin:auth_user_password_change": check_admin_sets_a_password,
    "admin:accounts_user_add": check_admin_sets_a_password,
}
# Log-in pages that show no form of their own (they hand over or need a log-in in progress).
DOORS_WITHOUT_THEIR_OWN_FORM = {"admin:login", "mfa_authenticate"}


@pytest.mark.walk
def test_every_page_taking_a_password_or_a_code_is_a_known_way_in():
    world = build_world()
    kwargs_for = kwargs(world)
    found = set()
    for name, pattern in url_names():
        rule = rule_for(name)
        assert rule is not None, f"{name}: not in the permission matrix"
        url = reverse(name, kwargs=kwargs_for(rule.kwargs, pattern))
        # A member without a second factor, new for each page (some pages change the
        # account: opening the e-mail page records the address as unverified, after which
        # allauth lets nobody add an authenticator), and a staff member.
        member = user_with_role(world["benin"], Role.MEMBER)  # type: ignore[arg-type]
        for user in (None, member, world["users"]["staff"]):  # type: ignore[index]
            client = Client()
            if user is not None:
                client.force_login(user)
                # Pages that change one's authenticators ask for the password again first
                # (with a fresh rate limit: this walk asks it of the same people many times).
                cache.clear()
                client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})
            response, _url = open_page(client, url, name)
            if response.status_code == 200 and "html" in response.get("Content-Type", ""):
                if forms_asking_for_a_secret(response.content.decode()):
                    found.add(name)

    assert found | DOORS_WITHOUT_THEIR_OWN_FORM == set(WAYS_IN)


@pytest.mark.parametrize("name", sorted(WAYS_IN))
def test_each_way_in_is_throttled_and_leads_nowhere_internal_without_the_second_factor(name):
    WAYS_IN[name]()
