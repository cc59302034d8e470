import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache

from inspir.accounts.models import Role, User
from inspir.accounts.permissions import Action, can
from inspir.demo import data
from inspir.demo.loader import load_demo
from inspir.demo.totp import demo_totp_code
from inspir.network.models import Network

pytestmark = pytest.mark.django_db


def roles_of(email: str) -> set[tuple[str, str]]:
    user = User.objects.get(email=email)
    return {(role.network.slug, role.role) for role in user.network_roles.all()}


def needs_second_factor(login: data.LoginSpec) -> bool:
    """Coordinators, staff and the holders of a committee office (the steering-committee
    member chairs the Latin American committee)."""
    chairs = {
        mandate.person
        for committee in data.COMMITTEES
        for mandate in committee.mandates
        if committee.rules[mandate.rule].office
    }
    coordinates = any(role == Role.COORDINATOR for _slug, role in login.roles)
    return login.is_superuser or coordinates or login.person in chairs


@pytest.mark.parametrize("login", data.DEMO_LOGINS, ids=lambda login: login.email)
def test_every_demo_log_in_works_with_the_shared_password(demo, client, login):
    response = client.post(
        "/en/accounts/login/", {"login": login.email, "password": data.DEMO_PASSWORD}
    )
    if needs_second_factor(login):
        assert response["Location"] == "/en/accounts/2fa/authenticate/"
        cache.clear()  # a code is accepted once; other tests may have used this one
        response = client.post(response["Location"], {"code": demo_totp_code()})

    assert response.status_code == 302
    assert client.get("/en/accounts/profile/").status_code == 200


def test_demo_addresses_are_verified_for_allauth(demo):
    for login in data.DEMO_LOGINS:
        address = EmailAddress.objects.get(email=login.email)
        assert address.verified and address.primary


def test_each_persona_has_its_role(demo):
    assert roles_of("coordinator@example.org") == {("inspir", Role.COORDINATOR)}
    assert roles_of("continental.coordinator@example.org") == {(data.WEST_AFRICA, Role.COORDINATOR)}
    assert roles_of("steering.member@example.org") == {("inspir", Role.MEMBER)}
    assert roles_of("focal.point@example.org") == {("inspir-benin", Role.FOCAL_POINT)}


def test_the_steering_committee_log_in_is_gabriela_prudencio(demo):
    user = User.objects.get(email="steering.member@example.org")

    assert user.person.name == "Gabriela Prudencio"
    assert user.person.country.code == "BO"


def test_the_continental_coordinator_reaches_west_africa_only(demo):
    user = User.objects.get(email="continental.coordinator@example.org")

    assert user.person.country.code == "TG"
    assert can(user, Action.EDIT_ORGANISATION, Network.objects.get(slug="inspir-togo"))
    assert not can(user, Action.VIEW_INTERNAL, Network.objects.get(slug="inspir-nepal"))


def test_the_focal_point_edits_benin_and_its_organisations_and_acts_for_it(demo):
    user = User.objects.get(email="focal.point@example.org")
    benin = Network.objects.get(slug="inspir-benin")

    assert can(user, Action.EDIT_CONTENT, benin)
    assert can(user, Action.EDIT_ORGANISATION, benin)
    assert can(user, Action.ACT_FOR_NETWORK, benin)
    assert not can(user, Action.MANAGE_MEMBERS, benin)
    assert not can(user, Action.VIEW_INTERNAL, Network.objects.get(slug="inspir-togo"))


def test_the_admin_is_a_staff_superuser(demo, client):
    admin = User.objects.get(email="admin@example.org")

    assert admin.is_staff and admin.is_superuser
    response = client.post(
        "/en/accounts/login/?next=/en/admin/",
        {"login": "admin@example.org", "password": data.DEMO_PASSWORD},
    )
    cache.clear()  # a code is accepted once; other tests may have used this one
    response = client.post(response["Location"], {"code": demo_totp_code()})
    assert response["Location"] == "/en/admin/"
    assert client.get("/en/admin/").status_code == 200


def test_loading_again_keeps_one_account_and_role_per_persona(demo):
    load_demo()

    assert User.objects.count() == len(data.DEMO_LOGINS)
    assert EmailAddress.objects.count() == len(data.DEMO_LOGINS)
    assert roles_of("focal.point@example.org") == {("inspir-benin", Role.FOCAL_POINT)}


def test_demo_logins_prints_every_log_in(capsys):
    from django.core.management import call_command

    call_command("demo_logins")
    output = capsys.readouterr().out

    for login in data.DEMO_LOGINS:
        assert login.email in output
    assert data.DEMO_PASSWORD in output
    assert "Public visitor" in output
