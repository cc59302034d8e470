import pytest

from inspir.demo import data
from inspir.demo.loader import load_demo
from inspir.demo.scale import build_scaled
from inspir.network.models import Membership, Network, Organisation, Person
from inspir.planning.models import Assessment, PlanAction, Stakeholder

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    return load_demo()


def test_scaling_by_ten_multiplies_organisations_memberships_and_people(demo):
    organisations = Organisation.objects.count()
    memberships = Membership.objects.count()
    people = Person.objects.count()
    actions, stakeholders = PlanAction.objects.count(), Stakeholder.objects.count()
    assessments = Assessment.objects.count()

    build_scaled(10)

    assert Organisation.objects.count() == 10 * organisations
    assert Membership.objects.count() == 10 * memberships
    assert Person.objects.count() == 10 * people
    # The plan and the power maps grow too (demo/planning.py).
    assert actions and PlanAction.objects.count() == 10 * actions
    assert Stakeholder.objects.count() == 10 * stakeholders
    assert Assessment.objects.count() == 10 * assessments


def test_scaled_copies_use_the_same_networks_and_are_marked_as_examples(demo):
    networks = Network.objects.count()

    build_scaled(3)

    copies = Organisation.objects.filter(slug__startswith="scaled-")
    assert Network.objects.count() == networks
    assert all(name.endswith(data.EXAMPLE_SUFFIX) for name in copies.values_list("name", flat=True))
    assert copies.get(slug="scaled-3-cstt").memberships.get().network.slug == "inspir-togo"


def test_building_again_replaces_the_previous_copies(demo):
    build_scaled(4)
    build_scaled(2)

    assert Organisation.objects.count() == 2 * len(data.ORGANISATIONS)
    assert PlanAction.objects.filter(title__startswith="scaled-").count() == (
        PlanAction.objects.exclude(title__startswith="scaled-").count()
    )


def test_scaling_needs_the_demo():
    with pytest.raises(LookupError):
        build_scaled(2)
