"""A committee's quorum rule, changed by its network's coordinators from the committee's
page: audited, never over a change made meanwhile, never while a consent round is open."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import UserFactory, add_second_factor, user_with_role
from inspir.core.models import AuditEntry
from inspir.governance.models import Committee, Office, QuorumRule
from inspir.governance.services.consent import round_open
from inspir.governance.tests.factories import CommitteeFactory, seat
from inspir.network.tests.factories import NetworkFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee() -> Committee:
    return CommitteeFactory(network=NetworkFactory(slug="africa"), time_zone="Africa/Lome")


def quorum_url(committee: Committee) -> str:
    return reverse("governance:committee_quorum", kwargs={"slug": committee.network.slug})


def form_data(client, committee: Committee, **changes: str) -> dict[str, str]:
    """The form as the page renders it, with `changes`."""
    form = (
        BeautifulSoup(client.get(quorum_url(committee)).content, "html.parser")
        .find("main")
        .find("form")
    )
    data = {
        field["name"]: field.get("value", "")
        for field in form.find_all("input")
        if field.get("name")
    }
    data["quorum"] = form.find("option", selected=True)["value"]
    return data | changes


def test_a_coordinator_changes_the_quorum_and_the_committee_page_says_it(client, committee):
    coordinator = user_with_role(committee.network, Role.COORDINATOR)
    client.force_login(coordinator)
    page = client.get(committee.get_absolute_url()).content.decode()
    assert "Quorum: more than half of the full seats filled" in page
    assert f'href="{quorum_url(committee)}"' in page

    response = client.post(
        quorum_url(committee), form_data(client, committee, quorum=QuorumRule.TWO_THIRDS)
    )

    assert response.status_code == 302
    committee.refresh_from_db()
    assert committee.quorum == QuorumRule.TWO_THIRDS
    page = client.get(committee.get_absolute_url()).content.decode()
    assert "Quorum: two thirds of the full seats filled" in page
    entry = AuditEntry.objects.get(action="governance.committee.quorum_changed")
    assert entry.actor == coordinator
    assert entry.changes == {"quorum": ["majority", "two_thirds"]}


def test_a_chair_and_a_member_neither_see_the_link_nor_reach_the_page(client, committee):
    chair_person = PersonFactory(name="Awa")
    seat(committee, chair_person, office=Office.CHAIR)
    chair = UserFactory(person=chair_person)
    add_second_factor(chair)
    for user in (chair, user_with_role(committee.network, Role.MEMBER)):
        client.force_login(user)
        assert (
            f'href="{quorum_url(committee)}"'
            not in client.get(committee.get_absolute_url()).content.decode()
        )
        assert client.get(quorum_url(committee)).status_code == 404
        assert client.post(quorum_url(committee), {"quorum": "all"}).status_code == 404
    committee.refresh_from_db()
    assert committee.quorum == QuorumRule.MAJORITY


def test_a_change_made_meanwhile_is_not_overwritten(client, committee):
    client.force_login(user_with_role(committee.network, Role.COORDINATOR))
    opened = form_data(client, committee, quorum=QuorumRule.ALL)
    Committee.objects.filter(pk=committee.pk).update(quorum=QuorumRule.TWO_THIRDS)

    response = client.post(quorum_url(committee), opened)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else changed the quorum while you were editing it" in html
    assert "two thirds of the full seats filled" in html
    committee.refresh_from_db()
    assert committee.quorum == QuorumRule.TWO_THIRDS
    # The choice is kept; sent again, it is saved.
    again = form_data(client, committee) | {
        "quorum": QuorumRule.ALL,
        "seen_quorum": BeautifulSoup(html, "html.parser").find("input", {"name": "seen_quorum"})[
            "value"
        ],
    }
    assert client.post(quorum_url(committee), again).status_code == 302
    committee.refresh_from_db()
    assert committee.quorum == QuorumRule.ALL


def test_the_quorum_does_not_change_while_a_consent_round_is_open(client, committee):
    coordinator = user_with_role(committee.network, Role.COORDINATOR)
    seat(committee, PersonFactory(name="Issa"))
    round_open(
        committee=committee,
        actor=coordinator,
        title="Exchange visits in 2021",
        statement="Each continent organises one exchange visit in 2021.",
        closes_at=timezone.now() + datetime.timedelta(days=3),
    )
    client.force_login(coordinator)

    response = client.post(
        quorum_url(committee).replace("/en/", "/fr/"),
        form_data(client, committee, quorum=QuorumRule.ALL),
    )

    assert response.status_code == 200
    assert "Un tour de consentement de ce comité est ouvert" in response.content.decode()
    committee.refresh_from_db()
    assert committee.quorum == QuorumRule.MAJORITY
    assert not AuditEntry.objects.filter(action="governance.committee.quorum_changed").exists()


def test_the_quorum_page_reads_the_same_queries_however_full_the_committee(client, committee):
    client.force_login(user_with_role(committee.network, Role.COORDINATOR))

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(quorum_url(committee)).status_code == 200
        return len(queries)

    few = count()
    for number in range(12):
        seat(committee, PersonFactory(name=f"Member {number}"))
    assert count() == few <= 10
