import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.core.audit import audit_log
from inspir.governance.models import ProposalStatus
from inspir.governance.tests.factories import ProposalFactory
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
        "The platform invited — to Benin as —",
        "The platform updated the organisation Union of Cotonou",
    ]
    assert "acronym: — → UC" in listed[1][3]


def test_the_log_filters_by_action_prefix_and_network(client, tree):
    client.force_login(UserFactory(is_staff=True))

    listed = rows(client.get(f"/en/activity/?action=network&network={tree['nepal'].pk}"))

    assert [(row[1], row[2]) for row in listed] == [
        ("The platform updated the organisation GEFONT", "Nepal")
    ]


def test_staff_also_see_entries_attached_to_no_network(client, tree):
    client.force_login(UserFactory(is_staff=True))

    assert "The platform core.maintenance (action not described)" in [
        row[1] for row in rows(client.get("/en/activity/"))
    ]


def test_members_and_editors_have_no_access(client, tree):
    client.force_login(user_with_role(tree["benin"], Role.FOCAL_POINT))

    assert client.get("/en/activity/").status_code == 404


def test_a_reversed_date_range_is_explained(client, tree):
    client.force_login(user_with_role(tree["africa"], Role.COORDINATOR))

    response = client.get("/fr/activity/?since=2026-02-01&until=2026-01-01")

    assert "La date de fin est antérieure à la date de début." in response.content.decode()


def forwarded(tree, *, title="Exchange visits between mutuals"):
    """A proposal from Benin, forwarded to Africa by a focal point, as the log records it."""
    proposal = ProposalFactory(
        title=title, origin_network=tree["benin"], network=tree["africa"], status="forwarded"
    )
    author = UserFactory(first_name="Valère", last_name="Koffi")
    audit_log(
        action="governance.proposal.forwarded",
        actor=author,
        obj=proposal,
        network=tree["benin"],
        changes={
            "network": [tree["benin"].pk, tree["africa"].pk],
            "status": [ProposalStatus.SUBMITTED, ProposalStatus.FORWARDED],
        },
    )
    return proposal


@pytest.mark.parametrize(
    ("language", "sentence", "change"),
    [
        (
            "fr",
            "Valère Koffi a transmis la proposition Exchange visits between mutuals "
            "du réseau Benin au réseau Africa",
            "entre les mains de: Benin → Africa",
        ),
        (
            "es",
            "Valère Koffi remitió la propuesta Exchange visits between mutuals de Benin a Africa",
            "en manos de: Benin → Africa",
        ),
        (
            "en",
            "Valère Koffi forwarded the proposal Exchange visits between mutuals "
            "from Benin to Africa",
            "held by: Benin → Africa",
        ),
    ],
)
def test_the_log_reads_as_sentences_in_the_readers_language(
    client, tree, language, sentence, change
):
    proposal = forwarded(tree)
    client.force_login(user_with_role(tree["africa"], Role.COORDINATOR))

    response = client.get(f"/{language}/activity/")

    row = rows(response)[0]
    assert row[1] == sentence
    assert change in row[3]
    page = BeautifulSoup(response.content, "html.parser")
    assert "governance.proposal" not in page.get_text()  # neither the rows nor the filter
    link = page.select_one("tbody a")
    assert link is not None
    assert link.get_text() == proposal.title
    assert link["href"] == f"/{language}/governance/proposals/{proposal.pk}/"
    assert client.get(link["href"]).status_code == 200


def test_an_object_that_is_gone_is_named_without_a_link(client, tree):
    proposal = forwarded(tree)
    proposal.delete()
    client.force_login(user_with_role(tree["africa"], Role.COORDINATOR))

    response = client.get("/en/activity/")

    assert rows(response)[0][1] == (
        "Valère Koffi forwarded the proposal Exchange visits between mutuals from Benin to Africa"
    )
    assert not BeautifulSoup(response.content, "html.parser").select("tbody a[href*=proposals]")


def test_recorded_text_is_shown_as_text_never_as_markup(client, tree):
    forwarded(tree, title="<script>alert(1)</script>")
    client.force_login(user_with_role(tree["africa"], Role.COORDINATOR))

    page = BeautifulSoup(client.get("/en/activity/").content, "html.parser")

    assert not page.select("tbody script")
    assert "<script>alert(1)</script>" in page.select_one("tbody a").get_text()


def test_an_undescribed_code_is_shown_marked(client, tree):
    audit_log(action="network.retired.code", actor=None, network=tree["benin"])
    client.force_login(user_with_role(tree["africa"], Role.COORDINATOR))

    page = BeautifulSoup(client.get("/fr/activity/").content, "html.parser")

    marked = page.select("tbody tr.unregistered")
    assert [row.select_one("code").get_text() for row in marked] == ["network.retired.code"]
    assert "(action non décrite)" in marked[0].get_text()


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_log_page_makes_a_fixed_number_of_queries(client, tree):
    client.force_login(user_with_role(tree["africa"], Role.COORDINATOR))
    client.get("/en/activity/")
    few = _count(client, "/en/activity/")
    for _ in range(30):
        audit_log(action="network.organisation.updated", actor=None, network=tree["benin"])

    # Within the budget of a logged-in page, whatever the number of entries.
    assert _count(client, "/en/activity/") == few <= 10


def test_names_and_links_cost_the_same_queries_for_one_entry_or_a_full_page(client, tree):
    client.force_login(user_with_role(tree["africa"], Role.COORDINATOR))
    forwarded(tree)
    client.get("/en/activity/")
    one = _count(client, "/en/activity/")
    for number in range(40):
        forwarded(tree, title=f"Proposal {number}")

    assert _count(client, "/en/activity/") == one


def test_dates_and_labels_of_changes_read_in_the_readers_language(client, tree):
    audit_log(
        action="governance.meeting.updated",
        actor=None,
        network=tree["benin"],
        changes={
            "starts_at": ["2026-12-10T13:00:00+00:00", "2026-12-11T09:30:00+00:00"],
            "format": ["virtual", "in_person"],
        },
    )
    client.force_login(user_with_role(tree["africa"], Role.COORDINATOR))

    changes = rows(client.get("/fr/activity/"))[0][3]

    assert "10 décembre 2026 13:00 UTC → 11 décembre 2026 09:30 UTC" in changes
    assert "starts_at" not in changes
    assert "in_person" not in changes
