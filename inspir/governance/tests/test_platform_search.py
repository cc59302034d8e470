"""Governance's kinds in the platform-wide search (governance/search.py): meetings,
proposals and decisions are found only by those who may open them, through the same scoped
querysets as their pages, and only by words every such reader may read."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from inspir.accounts.models import NetworkRole, Role, User
from inspir.accounts.tests.factories import user_with_role
from inspir.core.search import search, search_entries
from inspir.governance.models import ProposalStatus
from inspir.governance.tests.factories import (
    CommitteeFactory,
    DecisionFactory,
    MeetingFactory,
    ProposalFactory,
)
from inspir.network.tests.factories import NetworkFactory, continental, national

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)


def titles(kind: str, query: str, user=None) -> list[str]:
    return [entry.title for entry in search_entries(user or AnonymousUser(), query, kind=kind)]


@pytest.fixture
def networks():
    top = NetworkFactory(name="INSP!R")
    africa = continental(top)
    return {"benin": national(africa, name="INSP!R Bénin"), "togo": national(africa)}


def test_a_meeting_of_a_committee_the_reader_may_not_see_is_not_found(networks):
    MeetingFactory(committee=CommitteeFactory(network=networks["benin"]), title="Réunion santé")
    togo_member = user_with_role(networks["togo"], Role.MEMBER)
    benin_member = user_with_role(networks["benin"], Role.MEMBER)

    assert titles("governance.meeting", "sante") == []
    assert titles("governance.meeting", "sante", togo_member) == []
    assert titles("governance.meeting", "SANTE", benin_member) == ["Réunion santé"]


def test_a_meeting_whose_agenda_is_published_is_found_by_everyone(networks):
    meeting = MeetingFactory(
        committee=CommitteeFactory(network=networks["benin"]), title="Réunion santé"
    )
    meeting.agenda_published_at = PUBLISHED
    meeting.save()

    assert titles("governance.meeting", "reunion sante") == ["Réunion santé"]


def test_minutes_not_published_are_not_searched(networks):
    meeting = MeetingFactory(
        committee=CommitteeFactory(network=networks["benin"]),
        agenda_published_at=PUBLISHED,
        minutes="Confidential budget discussion",
    )

    assert titles("governance.meeting", "confidential") == []
    assert titles("governance.meeting", meeting.title) == [meeting.title]


def test_decisions_are_public_once_the_minutes_are(networks):
    meeting = MeetingFactory(committee=CommitteeFactory(network=networks["benin"]))
    DecisionFactory(meeting=meeting, title="Fonds mondial", statement="Soutenir la santé.")
    benin_member = user_with_role(networks["benin"], Role.MEMBER)

    assert titles("governance.decision", "fonds") == []
    assert titles("governance.decision", "sante", benin_member) == ["Fonds mondial"]

    meeting.minutes_published_at = PUBLISHED
    meeting.save()
    assert titles("governance.decision", "fonds mondial") == ["Fonds mondial"]


def test_a_draft_proposal_is_found_by_its_author_and_those_who_govern(networks):
    author = user_with_role(networks["benin"], Role.MEMBER)
    ProposalFactory(
        origin_network=networks["benin"],
        author=author,
        status=ProposalStatus.DRAFT,
        title="Visites d'échange",
    )
    other_member = user_with_role(networks["benin"], Role.MEMBER)
    coordinator = user_with_role(networks["benin"], Role.COORDINATOR)

    assert titles("governance.proposal", "echange", author) == ["Visites d'échange"]
    assert titles("governance.proposal", "echange", coordinator) == ["Visites d'échange"]
    assert titles("governance.proposal", "echange", other_member) == []
    assert titles("governance.proposal", "echange") == []


def test_a_submitted_proposal_is_found_by_the_networks_readers(networks):
    ProposalFactory(
        origin_network=networks["benin"],
        status=ProposalStatus.SUBMITTED,
        title="Visites d'échange",
    )

    assert titles(
        "governance.proposal", "visites", user_with_role(networks["benin"], Role.MEMBER)
    ) == ["Visites d'échange"]
    assert (
        titles("governance.proposal", "visites", user_with_role(networks["togo"], Role.MEMBER))
        == []
    )


def test_the_index_follows_a_renamed_and_a_deleted_meeting(networks):
    benin_member = user_with_role(networks["benin"], Role.MEMBER)
    meeting = MeetingFactory(committee=CommitteeFactory(network=networks["benin"]), title="Budget")

    meeting.title = "Plan d'action"
    meeting.save()
    assert titles("governance.meeting", "budget", benin_member) == []
    assert titles("governance.meeting", "plan action", benin_member) == ["Plan d'action"]

    meeting.delete()
    assert titles("governance.meeting", "plan", benin_member) == []


def test_a_meeting_hit_names_its_network_and_day_in_the_readers_language(client, networks):
    MeetingFactory(
        committee=CommitteeFactory(network=networks["benin"]),
        title="Réunion santé",
        agenda_published_at=PUBLISHED,
        starts_at=datetime.datetime(2030, 3, 12, 9, 0, tzinfo=datetime.UTC),
    )

    assert "INSP!R Bénin · 12 mars 2030" in client.get("/fr/search/?q=sante").content.decode()
    assert (
        "INSP!R Bénin · 12 de marzo de 2030" in client.get("/es/search/?q=sante").content.decode()
    )


@pytest.fixture(params=[0, 300], ids=["results-computed", "results-shared"])
def shared_results(request, settings):
    """With the page cache off, and on (readers of the same networks share results)."""
    settings.PUBLIC_PAGE_CACHE_SECONDS = request.param


def kinds_found(query: str, user) -> dict[str, list[str]]:
    """The results page's search (its SQL compiled once per shape of visibility)."""
    return {results.kind: [hit.title for hit in results.hits] for results in search(user, query)}


def test_the_compiled_search_keeps_a_draft_to_its_author_among_readers_of_the_same_networks(
    networks, shared_results
):
    author = user_with_role(networks["benin"], Role.MEMBER)
    other_member = user_with_role(networks["benin"], Role.MEMBER)
    ProposalFactory(
        origin_network=networks["benin"],
        author=author,
        status=ProposalStatus.DRAFT,
        title="Visites d'échange",
    )

    for _ in range(2):  # compiled for each, then run from what was compiled
        assert kinds_found("echange", author) == {"governance.proposal": ["Visites d'échange"]}
        assert kinds_found("echange", other_member) == {}
        assert kinds_found("visites echange", author) == {
            "governance.proposal": ["Visites d'échange"]
        }


def test_the_compiled_search_follows_a_role_given_and_taken_away_at_once(networks, shared_results):
    MeetingFactory(committee=CommitteeFactory(network=networks["benin"]), title="Réunion santé")
    reader = user_with_role(networks["togo"], Role.MEMBER)
    assert kinds_found("sante", User.objects.get(pk=reader.pk)) == {}

    role = NetworkRole.objects.create(user=reader, network=networks["benin"], role=Role.MEMBER)
    assert kinds_found("sante", User.objects.get(pk=reader.pk)) == {
        "governance.meeting": ["Réunion santé"]
    }

    role.delete()
    assert kinds_found("sante", User.objects.get(pk=reader.pk)) == {}


def test_a_search_asked_again_finds_what_was_written_since(networks, shared_results):
    reader = user_with_role(networks["benin"], Role.MEMBER)
    committee = CommitteeFactory(network=networks["benin"])
    MeetingFactory(committee=committee, title="Réunion santé")
    assert kinds_found("sante", reader) == {"governance.meeting": ["Réunion santé"]}

    MeetingFactory(committee=committee, title="Santé des femmes")
    assert kinds_found("sante", reader) == {
        "governance.meeting": ["Santé des femmes", "Réunion santé"]
    }
