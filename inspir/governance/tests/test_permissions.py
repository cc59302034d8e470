"""Governance's own rules (governance/permissions.py), on the shared vocabulary."""

import pytest

from inspir.accounts.models import Role
from inspir.accounts.permissions import Action, can
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.governance.permissions import (
    can_govern,
    committee_network_ids,
    governance_readable_network_ids,
    governing_network_ids,
)
from inspir.governance.tests.factories import CommitteeFactory, seat
from inspir.network.tests.factories import NetworkFactory, PersonFactory, continental, national

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    world = NetworkFactory(name="World")
    africa = continental(world, name="Africa")
    return {
        "world": world,
        "africa": africa,
        "benin": national(africa, name="Benin"),
        "togo": national(africa, name="Togo"),
    }


def test_a_committee_member_governs_the_committees_network_only(tree):
    member = UserFactory(person=PersonFactory())
    seat(CommitteeFactory(network=tree["africa"]), person=member.person)
    member.refresh_from_db()

    assert committee_network_ids(member) == {tree["africa"].pk}
    assert governing_network_ids(member) == {tree["africa"].pk}
    assert can_govern(member, tree["africa"])
    assert not can_govern(member, tree["benin"])
    # They read the governance of their committee's network and of the networks above it.
    assert governance_readable_network_ids(member) == {tree["africa"].pk, tree["world"].pk}


def test_a_coordinator_governs_below_without_a_seat(tree):
    coordinator = user_with_role(tree["africa"], Role.COORDINATOR)

    assert can_govern(coordinator, tree["togo"])
    assert not can_govern(coordinator, tree["world"])
    assert committee_network_ids(coordinator) == frozenset()


def test_seats_are_read_with_the_readers_roles_in_one_query(tree, django_assert_num_queries):
    user = user_with_role(tree["africa"], Role.COORDINATOR, person=PersonFactory())
    seat(CommitteeFactory(network=tree["world"]), person=user.person)
    user.refresh_from_db()  # as the request loads it

    with django_assert_num_queries(1):
        assert can(user, Action.EDIT_CONTENT, tree["benin"])
        assert can_govern(user, tree["togo"])
        assert can_govern(user, tree["world"])
        governance_readable_network_ids(user)
