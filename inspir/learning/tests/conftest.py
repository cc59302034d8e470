import pytest

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.network.tests.factories import NetworkFactory, continental, national


class World:
    """The intercontinental network, Africa with Bénin, Latin America; Bénin's focal point
    (who acts for Bénin), Africa's coordinator (who acts for Africa and Bénin), a member of
    Latin America (who reads the library, writes for nobody) and someone with no role."""

    def __init__(self) -> None:
        self.world = NetworkFactory(name="INSP!R", slug="inspir")
        self.africa = continental(self.world, name="INSP!R Afrique", slug="afrique")
        self.benin = national(self.africa, name="INSP!R Bénin", slug="benin")
        self.latin = continental(self.world, name="INSP!R América Latina", slug="latina")
        self.focal_point = user_with_role(self.benin, Role.FOCAL_POINT)
        self.coordinator = user_with_role(self.africa, Role.COORDINATOR)
        self.latin_member = user_with_role(self.latin, Role.MEMBER)
        self.latin_focal_point = user_with_role(self.latin, Role.FOCAL_POINT)
        self.nobody = UserFactory()


@pytest.fixture
def w(db) -> World:
    return World()
