import pytest

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.network.tests.factories import NetworkFactory, continental, national


class World:
    """The intercontinental network (with a coordinator, who receives the contact form),
    Africa with Bénin and Togo; Bénin's focal point writes Bénin's news, its member does not,
    Togo's coordinator writes Togo's."""

    def __init__(self) -> None:
        self.world = NetworkFactory(name="INSP!R", slug="inspir")
        self.africa = continental(self.world, name="INSP!R Afrique", slug="afrique")
        self.benin = national(self.africa, name="INSP!R Bénin", slug="benin")
        self.togo = national(self.africa, name="INSP!R Togo", slug="togo")
        self.top_coordinator = user_with_role(
            self.world, Role.COORDINATOR, email="coordination@example.org"
        )
        self.focal_point = user_with_role(self.benin, Role.FOCAL_POINT)
        self.member = user_with_role(self.benin, Role.MEMBER)
        self.togo_coordinator = user_with_role(self.togo, Role.COORDINATOR)


@pytest.fixture
def world(db, settings, tmp_path) -> World:
    settings.MEDIA_ROOT = tmp_path / "media"
    return World()
