import pytest
from allauth.mfa.models import Authenticator

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import (
    PASSWORD,
    UserFactory,
    add_second_factor,
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
    # Changing one's second factor asks for the password again (allauth's reauthentication).
    confirm = client.get(response["Location"])
    assert confirm["Location"].startswith("/fr/accounts/reauthenticate/")
    client.post(confirm["Location"], {"password": PASSWORD})
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

    assert client.get("/en/accounts/2fa/totp/activate/").status_code == 302
    assert client.get("/en/accounts/reauthenticate/").status_code == 200
    assert client.post("/en/accounts/logout/").status_code == 302
