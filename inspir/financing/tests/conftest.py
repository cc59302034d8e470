import pytest

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.financing.tests.factories import FunderFactory
from inspir.network.tests.factories import (
    NetworkFactory,
    PersonFactory,
    continental,
    member_of,
    national,
)


class World:
    """The intercontinental network, Africa with Bénin and Togo; Bénin's coordinator (sees
    budgets), its focal point (acts for it, no budgets), a plain member, a member of Bénin
    who is on a proposal's team, a member of Togo; an organisation of Bénin with people, a
    funder followed by Bénin."""

    def __init__(self) -> None:
        self.world = NetworkFactory(name="INSP!R", slug="inspir")
        self.africa = continental(self.world, name="INSP!R Afrique", slug="afrique")
        self.benin = national(self.africa, name="INSP!R Bénin", slug="benin")
        self.togo = national(self.africa, name="INSP!R Togo", slug="togo")
        self.union = member_of(self.benin, name="Union des mutuelles")
        self.partner = member_of(self.togo, name="Mutuelle de Lomé")
        self.coordinator = user_with_role(self.benin, Role.COORDINATOR)
        self.focal_point = user_with_role(self.benin, Role.FOCAL_POINT)
        self.member = user_with_role(self.benin, Role.MEMBER)
        self.teammate = user_with_role(self.benin, Role.MEMBER, email="awa@example.org")
        self.teammate.person = PersonFactory(name="Awa", organisation=self.union)
        self.teammate.save()
        self.togo_member = user_with_role(self.togo, Role.MEMBER)
        self.funder = FunderFactory(network=self.benin, name="ILO", acronym="ILO")


@pytest.fixture
def w(db) -> World:
    return World()
