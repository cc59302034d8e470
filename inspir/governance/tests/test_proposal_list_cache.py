"""The proposals page keeps its parts until governance or the registry changes
(core/page_cache.py's shared parts): the filters for every reader of the same networks, the
list for its reader, whose own drafts it holds."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.governance.models import ProposalStatus
from inspir.governance.tests.factories import ProposalFactory
from inspir.network.tests.factories import NetworkFactory, national

pytestmark = pytest.mark.django_db

URL = reverse("governance:proposal_list")


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()


@pytest.fixture
def networks():
    world = NetworkFactory(name="INSP!R", slug="inspir")
    return {
        "world": world,
        "benin": national(world, name="INSP!R Bénin", slug="benin"),
        "togo": national(world, name="INSP!R-Togo", slug="togo"),
    }


def test_a_readers_own_draft_is_never_shown_to_another_reader(client, networks):
    author = user_with_role(networks["benin"], Role.MEMBER)
    colleague = user_with_role(networks["benin"], Role.MEMBER)
    ProposalFactory(title="My own draft", origin_network=networks["benin"], author=author)
    ProposalFactory(
        title="Submitted by Benin",
        origin_network=networks["benin"],
        status=ProposalStatus.SUBMITTED,
    )

    client.force_login(author)
    mine = client.get(URL).text
    client.force_login(colleague)
    theirs = client.get(URL).text

    assert "My own draft" in mine and "Submitted by Benin" in mine
    assert "My own draft" not in theirs and "Submitted by Benin" in theirs


def test_readers_of_other_networks_get_their_own_filters_and_list(client, networks):
    ProposalFactory(
        title="Submitted by Benin",
        origin_network=networks["benin"],
        status=ProposalStatus.SUBMITTED,
    )
    client.force_login(user_with_role(networks["benin"], Role.MEMBER))
    benin = client.get(URL).text

    client.force_login(user_with_role(networks["togo"], Role.MEMBER))
    togo = client.get(URL).text

    assert "Submitted by Benin" in benin and 'value="benin"' in benin
    assert "Submitted by Benin" not in togo and 'value="benin"' not in togo


def test_a_change_shows_at_once(client, networks):
    proposal = ProposalFactory(
        title="Before", origin_network=networks["benin"], status=ProposalStatus.SUBMITTED
    )
    client.force_login(user_with_role(networks["benin"], Role.MEMBER))
    assert "Before" in client.get(URL).text

    proposal.title = "After"
    proposal.save()

    page = client.get(URL).text
    assert "After" in page and "Before" not in page


def test_htmx_gets_the_same_results_alone(client, networks):
    ProposalFactory(
        title="Submitted by Benin",
        origin_network=networks["benin"],
        status=ProposalStatus.SUBMITTED,
    )
    client.force_login(user_with_role(networks["benin"], Role.MEMBER))
    client.get(URL)

    partial = client.get(URL, headers={"HX-Request": "true"}).text

    assert "<h1>" not in partial and "Submitted by Benin" in partial
    assert partial.strip().startswith('<div id="results"')
