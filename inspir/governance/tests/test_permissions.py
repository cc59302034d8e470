"""Governance's own rules (governance/permissions.py), on the shared vocabulary."""

import pytest

from inspir.accounts.models import Role
from inspir.accounts.permissions import Action, can, second_factor_standing
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.governance.models import Office
from inspir.governance.permissions import (
    can_act_for,
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


def test_a_plain_committee_member_reads_and_acts_but_does_not_govern(tree):
    member = UserFactory(person=PersonFactory())
    seat(CommitteeFactory(network=tree["africa"]), person=member.person)
    member.refresh_from_db()

    assert committee_network_ids(member) == {tree["africa"].pk}
    assert can_act_for(member, tree["africa"])
    # Scheduling, cancelling, recording: for the committee's offices, not every member.
    assert governing_network_ids(member) == frozenset()
    assert not can_govern(member, tree["africa"])
    # They read the governance of their committee's network and of the networks above it.
    assert governance_readable_network_ids(member) == {tree["africa"].pk, tree["world"].pk}
    assert second_factor_standing(member)[0] is False


@pytest.mark.parametrize("office", [Office.CHAIR, Office.SECRETARIAT])
def test_an_office_governs_the_committees_network_only_and_needs_a_second_factor(tree, office):
    holder = UserFactory(person=PersonFactory())
    committee = CommitteeFactory(network=tree["africa"])
    seat(committee, person=holder.person, office=office)
    holder.refresh_from_db()

    assert governing_network_ids(holder) == {tree["africa"].pk}
    assert can_govern(holder, tree["africa"])
    assert not can_govern(holder, tree["benin"])  # not below, unlike a coordinator's role
    assert second_factor_standing(holder) == (True, False)
    # The office is data: taken away from the seat rule, the power goes with it.
    rule = committee.rules.get()
    rule.office = Office.NONE
    rule.save()
    assert not can_govern(holder, tree["africa"])


def test_a_coordinator_governs_below_without_a_seat(tree):
    coordinator = user_with_role(tree["africa"], Role.COORDINATOR)

    assert can_govern(coordinator, tree["togo"])
    assert not can_govern(coordinator, tree["world"])
    assert committee_network_ids(coordinator) == frozenset()


def test_seats_are_read_with_the_readers_roles_in_one_query(tree, django_assert_num_queries):
    user = user_with_role(tree["africa"], Role.COORDINATOR, person=PersonFactory())
    seat(CommitteeFactory(network=tree["world"]), person=user.person, office=Office.CHAIR)
    user.refresh_from_db()  # as the request loads it

    with django_assert_num_queries(1):
        assert can(user, Action.EDIT_CONTENT, tree["benin"])
        assert can_govern(user, tree["togo"])
        assert can_govern(user, tree["world"])
        governance_readable_network_ids(user)
