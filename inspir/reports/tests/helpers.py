"""A small network to report on: an intercontinental network, a continental one with a
national network and two members, and the people who read and produce its report."""

import datetime
from dataclasses import dataclass

from django.test import Client

from inspir.accounts.models import Role, User
from inspir.accounts.tests.factories import record_completed_login, user_with_role
from inspir.network.models import Network
from inspir.network.tests.factories import MembershipFactory, NetworkFactory, continental, national

YEAR = 2020


@dataclass
class World:
    top: Network
    africa: Network
    benin: Network
    coordinator: User  # of the intercontinental network: produces every report
    africa_coordinator: User  # produces Africa's report only
    focal_point: User  # of Benin: reads the reports above it, produces none
    member: User  # of Benin


def world() -> World:
    top = NetworkFactory(name="INSP!R", slug="inspir", start_date=datetime.date(2019, 11, 29))
    africa = continental(top, name="INSP!R Afrique", slug="afrique")
    benin = national(africa, name="INSP!R Bénin", slug="benin")
    for _ in range(2):
        MembershipFactory(network=benin, start_date=datetime.date(2019, 12, 1))
    return World(
        top=top,
        africa=africa,
        benin=benin,
        coordinator=user_with_role(top, Role.COORDINATOR),
        africa_coordinator=user_with_role(africa, Role.COORDINATOR),
        focal_point=user_with_role(benin, Role.FOCAL_POINT),
        member=user_with_role(benin, Role.MEMBER),
    )


def signed_in(user: User | None) -> Client:
    """A browser of `user` (None: a visitor) past the log-in and its second factor."""
    client = Client()
    if user is not None:
        client.force_login(user)
        session = client.session
        record_completed_login(session, user)
        session.save()
    return client
