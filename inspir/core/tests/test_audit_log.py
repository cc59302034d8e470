import pytest
from bs4 import BeautifulSoup

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.core.audit import audit_log
from inspir.network.tests.factories import NetworkFactory, continental, member_of, national

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    world = NetworkFactory(name="INSP!R")
    africa = continental(world, name="Africa")
    benin = national(africa, name="Benin")
    nepal = national(continental(world, name="Asia"), name="Nepal")
    audit_log(
        action="network.organisation.updated",
        actor=None,
        network=benin,
        obj=member_of(benin, name="Union of Cotonou"),
        changes={"acronym": ["", "UC"]},
    )
    audit_log(action="accounts.invitation.created", actor=None, network=benin)
    audit_log(
        action="network.organisation.updated",
        actor=None,
        network=nepal,
        obj=member_of(nepal, name="GEFONT"),
    )
    audit_log(action="core.maintenance", actor=None)
    return {"africa": africa, "benin": benin, "nepal": nepal}


def rows(response) -> list[list[str]]:
    page = BeautifulSoup(response.content, "html.parser")
    return [
        [td.get_text(" ", strip=True) for td in tr.select("td")] for tr in page.select("tbody tr")
    ]


def test_a_coordinator_reads_the_log_of_their_networks_only(client, tree):
    client.force_login(user_with_role(tree["africa"], Role.COORDINATOR))

    listed = rows(client.get("/en/activity/"))

    assert [row[1] for row in listed] == [
        "accounts.invitation.created",
        "network.organisation.updated",
    ]
    assert "acronym: — → UC" in listed[1][5]


def test_the_log_filters_by_action_prefix_and_network(client, tree):
    client.force_login(UserFactory(is_staff=True))

    listed = rows(client.get(f"/en/activity/?action=network&network={tree['nepal'].pk}"))

    assert [(row[1], row[4]) for row in listed] == [("network.organisation.updated", "GEFONT")]


def test_staff_also_see_entries_attached_to_no_network(client, tree):
    client.force_login(UserFactory(is_staff=True))

    assert "core.maintenance" in [row[1] for row in rows(client.get("/en/activity/"))]


def test_members_and_editors_have_no_access(client, tree):
    client.force_login(user_with_role(tree["benin"], Role.EDITOR))

    assert client.get("/en/activity/").status_code == 404


def test_a_reversed_date_range_is_explained(client, tree):
    client.force_login(user_with_role(tree["africa"], Role.COORDINATOR))

    response = client.get("/fr/activity/?since=2026-02-01&until=2026-01-01")

    assert "La date de fin est antérieure à la date de début." in response.content.decode()


def test_the_log_page_makes_a_fixed_number_of_queries(client, tree, django_assert_num_queries):
    client.force_login(user_with_role(tree["africa"], Role.COORDINATOR))
    client.get("/en/activity/")
    for _ in range(30):
        audit_log(action="network.organisation.updated", actor=None, network=tree["benin"])

    with django_assert_num_queries(8):
        client.get("/en/activity/")
