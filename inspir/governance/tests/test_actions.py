"""Governance's audit action codes as the activity log reads them, from real writes: the
keys the services record match the fields the descriptions name."""

import pytest
from bs4 import BeautifulSoup

from inspir.accounts.models import Role, User
from inspir.accounts.tests.factories import user_with_role
from inspir.governance.models import Domain
from inspir.governance.services.proposals import (
    proposal_create,
    proposal_forward,
    proposal_submit,
)
from inspir.governance.tests.factories import CommitteeFactory, seat
from inspir.network.tests.factories import NetworkFactory, PersonFactory, continental, national

pytestmark = pytest.mark.django_db

TITLE = "Exchange visits between mutual health organisations"


@pytest.fixture
def forwarded():
    world = NetworkFactory(name="INSP!R")
    africa = continental(world, name="INSP!R Afrique de l'Ouest")
    benin = national(africa, name="INSP!R Bénin")
    author = user_with_role(benin, Role.FOCAL_POINT, first_name="Awa", last_name="Diallo")
    person = PersonFactory(name="Valère Koffi")
    seat(CommitteeFactory(network=benin), person=person)
    valere = User.objects.create_user(
        email="valere@example.org", first_name="Valère", last_name="Koffi", person=person
    )
    proposal = proposal_create(
        network=benin, author=author, title=TITLE, text="Two visits a year.", domain=Domain.LEARNING
    )
    proposal_submit(proposal=proposal, actor=author)
    proposal_forward(proposal=proposal, actor=valere)
    return {"africa": africa, "proposal": proposal}


def log(client, language):
    page = BeautifulSoup(client.get(f"/{language}/activity/").content, "html.parser")
    return [
        [td.get_text(" ", strip=True) for td in tr.select("td")] for tr in page.select("tbody tr")
    ], page


@pytest.mark.parametrize(
    ("language", "sentences", "status"),
    [
        (
            "fr",
            [
                f"Valère Koffi a transmis la proposition {TITLE} "
                "du réseau INSP!R Bénin au réseau INSP!R Afrique de l'Ouest",
                f"Awa Diallo a soumis la proposition {TITLE} au réseau INSP!R Bénin",
                f"Awa Diallo a rédigé la proposition {TITLE} dans INSP!R Bénin",
            ],
            "soumise → transmise au niveau supérieur",
        ),
        (
            "es",
            [
                f"Valère Koffi remitió la propuesta {TITLE} "
                "de INSP!R Bénin a INSP!R Afrique de l'Ouest",
                f"Awa Diallo presentó la propuesta {TITLE} a INSP!R Bénin",
                f"Awa Diallo redactó la propuesta {TITLE} en INSP!R Bénin",
            ],
            "presentada → remitida al nivel superior",
        ),
    ],
)
def test_a_proposals_way_up_reads_in_the_readers_language(
    client, forwarded, language, sentences, status
):
    client.force_login(user_with_role(forwarded["africa"], Role.COORDINATOR))

    rows, page = log(client, language)

    assert [row[1] for row in rows] == sentences
    assert status in rows[0][3]
    links = {a["href"] for a in page.select("tbody a")}
    assert links == {f"/{language}/governance/proposals/{forwarded['proposal'].pk}/"}
