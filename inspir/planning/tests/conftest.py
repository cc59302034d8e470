import pytest

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.governance.models import Office
from inspir.governance.tests.factories import CommitteeFactory, seat
from inspir.network.tests.factories import (
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    continental,
    national,
)
from inspir.planning.tests.factories import PlanActionFactory, PlanPeriodFactory


class World:
    """The intercontinental network, Africa with Bénin, Latin America; the intercontinental
    committee's secretariat, Africa's coordinator, Bénin's focal point and a member, a plain
    member of Latin America."""

    def __init__(self) -> None:
        self.world = NetworkFactory(name="INSP!R", slug="inspir")
        self.africa = continental(self.world, name="INSP!R Afrique", slug="afrique")
        self.benin = national(self.africa, name="INSP!R Bénin", slug="benin")
        self.latin = continental(self.world, name="INSP!R América Latina", slug="latina")
        self.period = PlanPeriodFactory()
        self.secretariat = user_with_role(self.world, Role.MEMBER, second_factor=True)
        self.secretariat.person = PersonFactory(name="Secretariat person")
        self.secretariat.save()
        committee = CommitteeFactory(network=self.world)
        seat(committee, self.secretariat.person, office=Office.SECRETARIAT)
        self.coordinator = user_with_role(self.africa, Role.COORDINATOR)
        self.focal_point = user_with_role(self.benin, Role.FOCAL_POINT)
        self.member = user_with_role(self.benin, Role.MEMBER)
        self.latin_member = user_with_role(self.latin, Role.MEMBER)
        self.world_action = PlanActionFactory(
            period=self.period, network=self.world, title="Work with the ILO"
        )
        self.africa_action = PlanActionFactory(
            period=self.period, network=self.africa, title="Exchange visits in West Africa"
        )


@pytest.fixture
def w(db) -> World:
    return World()


@pytest.fixture
def tree(db):
    """International above Afrique (Bénin below it) and Asia (Nepal below it), a period and
    an organisation: the plan's summaries (dashboard, exports) read across them."""

    class Tree:
        top = NetworkFactory(name="INSP!R International", slug="international")
        africa = continental(top, name="INSP!R Afrique", slug="afrique")
        benin = national(africa, name="INSP!R Bénin", slug="benin")
        asia = continental(top, name="INSP!R Asia", slug="asia")
        nepal = national(asia, name="INSP!R Nepal", slug="nepal")
        period = PlanPeriodFactory()
        organisation = OrganisationFactory(name="Mutuelle de santé")

    return Tree
