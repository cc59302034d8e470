"""Who may be given a seat: the people of the committee's network, including those who
belong to it through their own role (someone invited there, with no member organisation)."""

import pytest

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import NetworkRoleFactory, UserFactory
from inspir.governance.selectors.committees import mandate_person_choices
from inspir.governance.tests.factories import CommitteeFactory
from inspir.network.tests.factories import NetworkFactory, PersonFactory, continental, national

pytestmark = pytest.mark.django_db


def test_a_person_invited_into_a_network_may_be_given_a_seat_on_its_committee():
    west_africa = continental(NetworkFactory(name="INSP!R"), name="INSP!R Afrique de l'Ouest")
    benin = national(west_africa, name="INSP!R Bénin")
    peru = national(continental(west_africa.parent), name="INSP!R Pérou")
    invited = UserFactory(person=PersonFactory(name="Awa Diop", organisation=None))
    NetworkRoleFactory(user=invited, network=benin, role=Role.MEMBER)
    elsewhere = UserFactory(person=PersonFactory(name="Rosa Quispe", organisation=None))
    NetworkRoleFactory(user=elsewhere, network=peru, role=Role.MEMBER)

    # The continental committee seats the people of its network and of those below it.
    offered = {
        p.name
        for p in mandate_person_choices(
            committee=CommitteeFactory(network=west_africa), everyone=False
        )
    }

    assert "Awa Diop" in offered
    assert "Rosa Quispe" not in offered
