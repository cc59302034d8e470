import datetime

import pytest

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.governance.models import Outcome
from inspir.governance.tests.factories import CommitteeFactory, DecisionFactory, MeetingFactory
from inspir.network.tests.factories import NetworkFactory, continental, national

UTC = datetime.UTC


class World:
    """The intercontinental network, Africa with Bénin, Latin America; Africa's committee
    adopted a decision on 10 December 2020 and rejected another; Africa's coordinator, its
    focal point, Bénin's focal point and a member, a member of Latin America."""

    def __init__(self) -> None:
        self.world = NetworkFactory(name="INSP!R", slug="inspir")
        self.africa = continental(self.world, name="INSP!R Afrique", slug="afrique")
        self.benin = national(self.africa, name="INSP!R Bénin", slug="benin")
        self.latin = continental(self.world, name="INSP!R América Latina", slug="latina")
        committee = CommitteeFactory(network=self.africa)
        meeting = MeetingFactory(
            committee=committee,
            title="Committee of Africa",
            starts_at=datetime.datetime(2020, 12, 10, 13, 0, tzinfo=UTC),
        )
        self.decision = DecisionFactory(
            meeting=meeting,
            title="Support a Global Fund for Social Protection",
            outcome=Outcome.ADOPTED,
            decided_at=datetime.datetime(2020, 12, 10, 13, 0, tzinfo=UTC),
        )
        self.rejected = DecisionFactory(
            meeting=meeting, title="A rejected decision", outcome=Outcome.REJECTED
        )
        self.coordinator = user_with_role(self.africa, Role.COORDINATOR)
        self.africa_focal_point = user_with_role(self.africa, Role.FOCAL_POINT)
        self.focal_point = user_with_role(self.benin, Role.FOCAL_POINT)
        self.member = user_with_role(self.africa, Role.MEMBER)
        self.latin_member = user_with_role(self.latin, Role.MEMBER)


@pytest.fixture
def w(db) -> World:
    return World()
