import datetime
import re

import pytest
from django.utils import timezone, translation

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.advocacy.tests.factories import PositionFactory
from inspir.governance.models import Outcome
from inspir.governance.tests.factories import CommitteeFactory, DecisionFactory
from inspir.network.tests.factories import NetworkFactory, continental, national

SITE = "https://platform.inspir.example"


class World:
    """The intercontinental network, Africa with Bénin, Latin America; a position of Africa
    published (written in French), a decision adopted by Africa's committee; the focal point
    of the intercontinental network and of Bénin (who compose newsletters), a member of
    Africa (who does not)."""

    def __init__(self) -> None:
        self.world = NetworkFactory(name="INSP!R", slug="inspir", level="intercontinental")
        self.africa = continental(self.world, name="INSP!R Afrique", slug="afrique")
        self.benin = national(self.africa, name="INSP!R Bénin", slug="benin")
        self.latin = continental(self.world, name="INSP!R América Latina", slug="latina")
        with translation.override("fr"):
            self.position = PositionFactory(
                network=self.africa,
                title="Pour un socle de protection sociale",
                summary="Chaque travailleuse y a droit.",
                published_at=timezone.now() - datetime.timedelta(days=3),
            )
        committee = CommitteeFactory(network=self.africa)
        with translation.override("en"):
            self.decision = DecisionFactory(
                meeting=None,
                committee=committee,
                title="Support a Global Fund for Social Protection",
                statement="The committee supports the fund.",
                outcome=Outcome.ADOPTED,
            )
        self.editor = user_with_role(self.world, Role.FOCAL_POINT, email="editor@example.org")
        self.benin_editor = user_with_role(self.benin, Role.FOCAL_POINT)
        self.member = user_with_role(self.africa, Role.MEMBER)


@pytest.fixture
def w(db, settings) -> World:
    settings.SITE_URL = SITE
    return World()


def with_token(html: str, data: dict) -> dict:
    """`data` with the form's one-time token, when it carries one (every form rendered for
    one reader does; pages visitors share through the cache do not)."""
    found = re.search(r'name="form_token" value="([^"]+)"', html)
    return {**data, "form_token": found.group(1)} if found else data
