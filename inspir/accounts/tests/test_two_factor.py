import pytest
from allauth.mfa.models import Authenticator

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import (
    PASSWORD,
    UserFactory,
    add_second_factor,
    totp_code,
    user_with_role,
)
from inspir.network.tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return NetworkFactory()


def log_in(client, user, language="en"):
    response = client.post(
        f"/{language}/accounts/login/", {"login": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    return response


def test_a_coordinator_without_a_second_factor_is_sent_to_set_one_up(client, network):
    log_in(client, user_with_role(network, Role.COORDINATOR, second_factor=False), "fr")

    response = client.get("/fr/organisations/")

    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/2fa/totp/activate/"
    # The password was typed a moment ago: it is not asked for again.
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "authentification à deux facteurs" in page.content.decode()


def test_staff_need_a_second_factor_too(client):
    staff = UserFactory(is_staff=True)
    Authenticator.objects.filter(user=staff).delete()
    client.force_login(staff)

    assert client.get("/en/").status_code == 302


def test_with_a_second_factor_coordinators_work_normally(client, network):
    coordinator = user_with_role(network, Role.COORDINATOR, second_factor=False)
    add_second_factor(coordinator)
    client.force_login(coordinator)

    assert client.get("/en/").status_code == 200


def test_members_may_but_need_not_use_a_second_factor(client, network):
    client.force_login(user_with_role(network, Role.MEMBER))

    assert client.get("/en/").status_code == 200
    assert client.get("/en/accounts/2fa/").status_code == 200


def test_setting_it_up_and_logging_out_stay_reachable(client, network):
    log_in(client, user_with_role(network, Role.COORDINATOR, second_factor=False))

    assert client.get("/en/accounts/2fa/totp/activate/").status_code == 200
    assert client.get("/en/accounts/reauthenticate/").status_code == 200
    assert client.post("/en/accounts/logout/").status_code == 302


def test_a_session_opened_with_the_password_alone_must_pass_the_second_factor(client):
    """Having an authenticator is not enough: this session must have used it."""
    staff = UserFactory(is_superuser=True)
    secret = add_second_factor(staff)
    staff.is_staff = True
    staff.save()
    # Django's own log-in, with the password only, as the admin's log-in page used to do.
    assert client.login(email=staff.email, password=PASSWORD)

    for internal in ("/fr/admin/", "/fr/activity/", "/fr/organisations/"):
        response = client.get(internal)
        assert response.status_code == 302, internal
        assert response["Location"].startswith("/fr/accounts/2fa/reauthenticate/?next=")

    page = client.get("/fr/accounts/2fa/reauthenticate/?next=/fr/admin/")
    assert "Saisissez un code de votre application" in page.content.decode()
    response = client.post(
        "/fr/accounts/2fa/reauthenticate/?next=/fr/admin/", {"code": totp_code(secret)}
    )
    assert response["Location"] == "/fr/admin/"
    assert client.get("/fr/admin/").status_code == 200


# Outside a test transaction, as in production: allauth reports the new authenticator once
# the database has committed it, while the request is still being answered.
@pytest.mark.django_db(transaction=True)
def test_setting_up_the_second_factor_counts_as_passing_it(client, network):
    coordinator = user_with_role(network, Role.COORDINATOR, second_factor=False)
    log_in(client, coordinator)
    page = client.get("/en/accounts/2fa/totp/activate/")
    secret = page.context["form"].secret

    client.post("/en/accounts/2fa/totp/activate/", {"code": totp_code(secret)})

    assert client.get("/en/organisations/").status_code == 200


def test_changing_a_factor_that_existed_before_this_session_asks_for_the_password(client, network):
    coordinator = user_with_role(network, Role.COORDINATOR)
    client.force_login(coordinator)
    totp = Authenticator.objects.get(user=coordinator, type=Authenticator.Type.TOTP)

    removal = client.post("/en/accounts/2fa/totp/deactivate/")

    assert removal["Location"].startswith("/en/accounts/reauthenticate/")
    assert Authenticator.objects.filter(pk=totp.pk).exists()


def test_removing_ones_second_factor_sends_a_coordinator_back_to_set_one_up(client, network):
    coordinator = user_with_role(network, Role.COORDINATOR)
    client.force_login(coordinator)
    assert client.get("/en/organisations/").status_code == 200

    Authenticator.objects.filter(user=coordinator).delete()

    assert client.get("/en/organisations/")["Location"] == "/en/accounts/2fa/totp/activate/"


def test_the_admin_log_in_page_hands_over_to_the_platforms(client):
    staff = UserFactory(is_staff=True, is_superuser=True)

    page = client.get("/en/admin/login/?next=/en/admin/")
    assert page.status_code == 302
    assert page["Location"] == "/en/accounts/login/?next=%2Fen%2Fadmin%2F"

    # The admin's form, sent anyway, checks nothing and logs nobody in.
    response = client.post(
        "/en/admin/login/?next=/en/admin/", {"username": staff.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert "_auth_user_id" not in client.session
    assert client.get("/en/admin/")["Location"].startswith("/en/admin/login/")


def test_the_platforms_log_in_asks_staff_for_the_second_factor_before_the_admin(client):
    staff = UserFactory(is_staff=True, is_superuser=True)

    response = client.post(
        "/en/accounts/login/?next=/en/admin/", {"login": staff.email, "password": PASSWORD}
    )

    assert response["Location"].startswith("/en/accounts/2fa/authenticate/")
    assert client.get("/en/admin/")["Location"].startswith("/en/admin/login/")


def test_a_logged_in_person_who_is_not_staff_is_refused_the_admin_log_in(client, network):
    client.force_login(user_with_role(network, Role.MEMBER))

    assert client.get("/en/admin/login/").status_code == 403


def test_the_admins_password_change_is_the_platforms_rate_limited_one(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get("/en/admin/password_change/")

    assert response["Location"] == "/en/accounts/password/change/"
