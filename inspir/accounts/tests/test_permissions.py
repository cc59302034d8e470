import pytest
from django.contrib.auth.models import AnonymousUser

from inspir.accounts.models import Role
from inspir.accounts.permissions import (
    Action,
    can,
    can_edit_organisation,
    networks_where,
    organisations_where,
)
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.network.tests.factories import NetworkFactory, continental, member_of, national

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    world = NetworkFactory(name="World")
    africa = continental(world, name="Africa")
    asia = continental(world, name="Asia")
    benin = national(africa, name="Benin")
    togo = national(africa, name="Togo")
    nepal = national(asia, name="Nepal")
    return {
        "world": world,
        "africa": africa,
        "asia": asia,
        "benin": benin,
        "togo": togo,
        "nepal": nepal,
    }


def test_a_role_reaches_the_networks_below_but_not_above_or_beside(tree):
    coordinator = user_with_role(tree["africa"], Role.COORDINATOR)

    reachable = set(networks_where(coordinator, Action.EDIT_ORGANISATION))

    assert reachable == {tree["africa"], tree["benin"], tree["togo"]}
    assert not can(coordinator, Action.EDIT_ORGANISATION, tree["world"])
    assert not can(coordinator, Action.EDIT_ORGANISATION, tree["nepal"])


def test_members_read_but_do_not_edit(tree):
    member = user_with_role(tree["benin"], Role.MEMBER)

    assert can(member, Action.VIEW_INTERNAL, tree["benin"])
    assert not can(member, Action.EDIT_ORGANISATION, tree["benin"])
    assert not can(member, Action.VIEW_INTERNAL, tree["togo"])


def test_the_coordinators_and_focal_point_of_an_organisations_network_may_edit_it(tree):
    union = member_of(tree["benin"])
    benin_coordinator = user_with_role(tree["benin"], Role.COORDINATOR)
    togo_coordinator = user_with_role(tree["togo"], Role.COORDINATOR)
    focal_point = user_with_role(tree["benin"], Role.FOCAL_POINT)
    togo_focal_point = user_with_role(tree["togo"], Role.FOCAL_POINT)
    member = user_with_role(tree["benin"], Role.MEMBER)

    assert can_edit_organisation(benin_coordinator, union)
    assert not can_edit_organisation(togo_coordinator, union)
    assert can_edit_organisation(focal_point, union)
    assert not can_edit_organisation(togo_focal_point, union)
    assert not can_edit_organisation(member, union)


def test_a_focal_point_acts_for_its_network_and_those_below_but_does_not_govern(tree):
    focal_point = user_with_role(tree["africa"], Role.FOCAL_POINT)

    assert can(focal_point, Action.ACT_FOR_NETWORK, tree["africa"])
    assert can(focal_point, Action.ACT_FOR_NETWORK, tree["benin"])
    assert not can(focal_point, Action.ACT_FOR_NETWORK, tree["world"])
    assert not can(focal_point, Action.ACT_FOR_NETWORK, tree["nepal"])
    assert not can(focal_point, Action.GOVERN, tree["benin"])
    assert not can(focal_point, Action.MANAGE_MEMBERS, tree["benin"])


def test_anonymous_and_inactive_users_may_do_nothing(tree):
    inactive = user_with_role(tree["world"], Role.COORDINATOR, is_active=False)

    assert not networks_where(AnonymousUser(), Action.VIEW_INTERNAL).exists()
    assert not networks_where(inactive, Action.VIEW_INTERNAL).exists()


def test_staff_may_act_everywhere(tree):
    staff = UserFactory(is_staff=True)

    assert can(staff, Action.EDIT_ORGANISATION, tree["nepal"])


def test_a_readers_networks_and_roles_are_read_once_per_request(tree, django_assert_num_queries):
    user = user_with_role(tree["africa"], Role.COORDINATOR)
    user.refresh_from_db()  # as the request loads it

    with django_assert_num_queries(1):
        assert can(user, Action.EDIT_CONTENT, tree["benin"])
        assert not can(user, Action.EDIT_CONTENT, tree["nepal"])
        networks_where(user, Action.VIEW_PEOPLE)
        organisations_where(user, Action.EDIT_ORGANISATION)


def test_a_role_given_or_taken_during_a_request_counts_at_once(tree):
    from inspir.accounts.models import NetworkRole

    user = UserFactory()
    assert not can(user, Action.EDIT_CONTENT, tree["benin"])

    role = NetworkRole.objects.create(user=user, network=tree["africa"], role=Role.FOCAL_POINT)
    assert can(user, Action.EDIT_CONTENT, tree["benin"])

    role.delete()
    assert not can(user, Action.EDIT_CONTENT, tree["benin"])
