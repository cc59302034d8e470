"""The coordinating organisation's seat is held by a person of that organisation; anyone
else in it is a violation of the committee's rules, shown on the committee page."""

import pytest
from django.urls import reverse

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.governance.models import Mandate
from inspir.governance.selectors.committees import ViolationKind, committee_composition
from inspir.governance.tests.test_committees import TODAY, page, world  # noqa: F401
from inspir.network.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def wsm(world):  # noqa: F811
    """The facilitation seat is the coordinating organisation WSM's."""
    organisation = OrganisationFactory(name="We Social Movements", acronym="WSM")
    world.facilitation.constituency_organisation = organisation
    world.facilitation.save()
    return organisation


def facilitator(world):  # noqa: F811
    return Mandate.objects.select_related("person").get(rule=world.facilitation).person


def test_the_seat_held_by_a_person_of_the_organisation_is_no_violation(world, wsm):  # noqa: F811
    person = facilitator(world)
    person.organisation = wsm
    person.save()

    assert committee_composition(world.committee, on=TODAY).violations == []


def test_the_seat_held_by_someone_of_another_organisation_is_a_violation(
    client,
    world,  # noqa: F811
    wsm,
):
    composition = committee_composition(world.committee, on=TODAY)

    (violation,) = composition.violations
    assert violation.kind == ViolationKind.NOT_OF_THE_ORGANISATION
    assert violation.mandate.person.name == "Facilitator"
    assert "Facilitator" in violation.message and "WSM" in violation.message

    client.force_login(user_with_role(world.top, Role.MEMBER))
    soup = page(client.get(reverse("governance:committee_detail", kwargs={"slug": "world"})))
    shown = [item["data-violation"] for item in soup.select("[data-violation]")]
    assert shown == [ViolationKind.NOT_OF_THE_ORGANISATION]


def test_someone_of_no_organisation_in_the_seat_is_a_violation(world, wsm):  # noqa: F811
    person = facilitator(world)
    person.organisation = None
    person.save()

    composition = committee_composition(world.committee, on=TODAY)

    assert [v.kind for v in composition.violations] == [ViolationKind.NOT_OF_THE_ORGANISATION]


def test_the_check_adds_no_query(world, wsm, django_assert_num_queries):  # noqa: F811
    with django_assert_num_queries(3):
        committee_composition(world.committee, on=TODAY)
