import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern

from inspir.accounts.models import Role
from inspir.accounts.services import invitation_create
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.core.tests.permission_matrix import ROLES, Rule, check_matrix
from inspir.network.tests.factories import NetworkFactory, continental, member_of, national

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    intercontinental = NetworkFactory(name="INSP!R", slug="inspir")
    africa = continental(intercontinental, name="Africa", slug="africa")
    benin = national(africa, name="Benin", slug="benin")
    togo = national(africa, name="Togo", slug="togo")
    nepal = national(continental(intercontinental, name="Asia"), name="Nepal", slug="nepal")
    union = member_of(benin, name="Union of Cotonou", slug="union")
    users = {
        "outsider": user_with_role(nepal, Role.MEMBER),
        "member": user_with_role(benin, Role.MEMBER),
        "editor": user_with_role(benin, Role.EDITOR),
        "coordinator": user_with_role(benin, Role.COORDINATOR),
        "sibling_coordinator": user_with_role(togo, Role.COORDINATOR),
        "continental_coordinator": user_with_role(africa, Role.COORDINATOR),
        "intercontinental_coordinator": user_with_role(intercontinental, Role.COORDINATOR),
        "staff": UserFactory(is_staff=True, is_superuser=True),
    }
    # One invitation to withdraw, another whose link stays valid throughout.
    invitation, _token = invitation_create(
        network=benin,
        email="withdrawn@example.org",
        role=Role.MEMBER,
        language="en",
        actor=users["coordinator"],
    )
    _valid, token = invitation_create(
        network=benin,
        email="new@example.org",
        role=Role.MEMBER,
        language="en",
        actor=users["coordinator"],
    )
    return {
        "users": users,
        "benin": benin,
        "union": union,
        "invitation": invitation,
        "token": token,
    }


def clients(world):
    def client_for(role: str) -> Client:
        client = Client()
        if role != "anonymous":
            client.force_login(world["users"][role])
        return client

    return client_for


def kwargs(world):
    def kwargs_for(kind: str, pattern: URLPattern) -> dict[str, object]:
        values = {
            "network": {"slug": world["benin"].slug},
            "organisation": {"slug": world["union"].slug},
            "invitation": {"pk": world["invitation"].pk},
            "token": {"token": world["token"]},
            "key": {"key": "not-a-real-key"},
            "reset_key": {"uidb36": "1", "key": "not-a-real-key"},
            "pk": {"pk": 999_999},
        }
        if kind == "admin":
            # Object ids are the staff user's own, so that pages about an existing user
            # (password change) have one to show.
            staff_pk = str(world["users"]["staff"].pk)
            return {
                name: "network" if name == "app_label" else staff_pk
                for name in pattern.pattern.regex.groupindex
            }
        return values.get(kind, {})

    return kwargs_for


def test_every_url_answers_each_role_as_the_matrix_says(world):
    problems = check_matrix(clients(world), kwargs(world))

    assert problems == [], "\n".join(problems)


def unprotected(request):
    return HttpResponse("internal figures")


def test_an_unlisted_url_fails_the_matrix(world, settings):
    settings.ROOT_URLCONF = "inspir.core.tests.urls_with_unprotected_view"

    problems = check_matrix(
        clients(world), kwargs(world), urlconf=settings.ROOT_URLCONF, only=set()
    )

    assert problems == ["unprotected-figures: not in the permission matrix"]


def test_an_unprotected_view_declared_internal_fails_the_matrix(world, settings, monkeypatch):
    from inspir.core.tests import permission_matrix

    settings.ROOT_URLCONF = "inspir.core.tests.urls_with_unprotected_view"
    coordinators = permission_matrix.COORDINATORS_OF_TARGET
    monkeypatch.setitem(
        permission_matrix.MATRIX, "unprotected-figures", Rule(coordinators, coordinators)
    )

    problems = check_matrix(
        clients(world), kwargs(world), urlconf=settings.ROOT_URLCONF, only={"unprotected-figures"}
    )

    leaks = {line.split(" as ")[1].split(":")[0] for line in problems}
    assert leaks == set(ROLES) - coordinators
    assert all(line.startswith("unprotected-figures") for line in problems)
