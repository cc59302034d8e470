"""Proposals: raised by a national or continental network, endorsed and forwarded level by
level, or answered where they can be decided."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inspir.accounts.models import Role, User
from inspir.accounts.tests.factories import add_second_factor, user_with_role
from inspir.core.models import AuditEntry
from inspir.governance.models import (
    AgendaItem,
    Domain,
    MeetingStatus,
    Office,
    Outcome,
    Proposal,
    ProposalEventKind,
    ProposalStatus,
)
from inspir.governance.services.proposals import (
    ProposalEditConflictError,
    proposal_comment,
    proposal_create,
    proposal_forward,
    proposal_mark_decided,
    proposal_schedule,
    proposal_submit,
    proposal_take_up,
    proposal_update,
    proposal_withdraw,
)
from inspir.governance.tests.factories import (
    CommitteeFactory,
    DecisionFactory,
    MeetingFactory,
    ProposalFactory,
    seat,
)
from inspir.network.models import Network
from inspir.network.tests.factories import (
    NetworkFactory,
    PersonFactory,
    continental,
    member_of,
    national,
)

pytestmark = pytest.mark.django_db

SOON = timezone.now() + datetime.timedelta(days=20)


@dataclass
class World:
    world: Network
    africa: Network
    benin: Network
    asia: Network
    nepal: Network
    author: User
    focal_point: User
    benin_gov: User
    africa_gov: User
    world_gov: User
    asia_member: User


def committee_member(
    network: Network, language: str = "fr", office: str = Office.CHAIR, **person_fields: object
) -> User:
    """A user holding `office` on `network`'s committee (its chair by default: those who
    take proposals up and put them on agendas), and nothing else."""
    person = PersonFactory(languages=[language], **person_fields)
    seat(CommitteeFactory(network=network), person=person, office=office)
    user = User.objects.create_user(email=f"seat-{person.pk}@example.org", person=person)
    if office:
        add_second_factor(user)  # an office requires one
    return user


@pytest.fixture
def w() -> World:
    world = NetworkFactory(name="INSP!R", slug="inspir")
    africa = continental(world, name="Africa", slug="africa")
    benin = national(africa, name="Benin", slug="benin")
    asia = continental(world, name="Asia", slug="asia")
    nepal = national(asia, name="Nepal", slug="nepal")
    return World(
        world=world,
        africa=africa,
        benin=benin,
        asia=asia,
        nepal=nepal,
        author=user_with_role(benin, Role.MEMBER),
        focal_point=user_with_role(benin, Role.FOCAL_POINT),
        benin_gov=committee_member(benin, "fr"),
        africa_gov=committee_member(africa, "en"),
        world_gov=committee_member(world, "es"),
        asia_member=user_with_role(nepal, Role.MEMBER),
    )


def draft(w: World, **fields: object) -> Proposal:
    values = {
        "network": w.benin,
        "author": w.author,
        "title": "Exchange visits between mutual health organisations",
        "text": "Two visits a year between the mutuals of Benin and Togo.",
        "domain": Domain.LEARNING,
        **fields,
    }
    return proposal_create(**values)  # type: ignore[arg-type]


def submitted(w: World) -> Proposal:
    proposal = draft(w)
    # A member drafts it; those who act for the network (here its focal point) submit it.
    proposal_submit(proposal=proposal, actor=w.focal_point)
    return proposal


def kinds(proposal: Proposal) -> list[str]:
    return list(proposal.events.order_by("at", "pk").values_list("kind", flat=True))


# --- Lifecycle ----------------------------------------------------------------------------------


def test_lifecycle_from_a_national_network_up_to_the_intercontinental_committee(
    w, mailbox, django_capture_on_commit_callbacks
):
    organisation = member_of(w.benin, name="Mutuelle de Cotonou")
    proposal = draft(w, organisation=organisation)
    assert proposal.status == ProposalStatus.DRAFT
    assert proposal.origin_organisation == organisation

    with django_capture_on_commit_callbacks(execute=True):
        proposal_submit(proposal=proposal, actor=w.focal_point)
    assert proposal.status == ProposalStatus.SUBMITTED
    # The Benin committee member reads French: the e-mail is rendered in French (its link
    # opens the French page; the catalogues are compiled centrally), and names the proposal.
    [message] = mailbox.to(w.benin_gov.email)
    assert proposal.title in message["Subject"]
    assert f"/fr/governance/proposals/{proposal.pk}/" in mailbox.body(message)
    assert not mailbox.to(w.africa_gov.email)

    with django_capture_on_commit_callbacks(execute=True):
        proposal_forward(proposal=proposal, actor=w.benin_gov, note="Needs the continent.")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.network) == (ProposalStatus.FORWARDED, w.africa)
    # The continental committee is told in its member's language (English).
    [message] = mailbox.to(w.africa_gov.email)
    assert "A proposal awaits your committee" in message["Subject"]
    assert f"/en/governance/proposals/{proposal.pk}/" in mailbox.body(message)

    proposal_forward(proposal=proposal, actor=w.africa_gov)
    proposal.refresh_from_db()
    assert (proposal.status, proposal.network) == (ProposalStatus.FORWARDED, w.world)

    meeting = MeetingFactory(committee=CommitteeFactory(network=w.world), starts_at=SOON)
    item = proposal_schedule(proposal=proposal, meeting=meeting, actor=w.world_gov)
    assert (item.meeting, item.proposal, item.title) == (meeting, proposal, proposal.title)
    assert item.description == proposal.text
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ON_AGENDA

    decision = DecisionFactory(meeting=meeting, item=item, outcome=Outcome.AMENDED)
    proposal_mark_decided(
        proposal=proposal, outcome=Outcome.AMENDED, actor=w.world_gov, decision=decision
    )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.AMENDED
    assert kinds(proposal) == [
        ProposalEventKind.CREATED,
        ProposalEventKind.SUBMITTED,
        ProposalEventKind.ENDORSED,
        ProposalEventKind.ENDORSED,
        ProposalEventKind.SCHEDULED,
        ProposalEventKind.DECIDED,
    ]
    # Each step names who acted and at which level.
    steps = [(e.actor, e.network, e.to_network) for e in proposal.events.order_by("at", "pk")]
    assert steps[2] == (w.benin_gov, w.benin, w.africa)
    assert steps[3] == (w.africa_gov, w.africa, w.world)
    assert steps[4][:2] == (w.world_gov, w.world)
    actions = set(
        AuditEntry.objects.filter(object_id=str(proposal.pk)).values_list("action", flat=True)
    )
    assert {
        "governance.proposal.created",
        "governance.proposal.submitted",
        "governance.proposal.forwarded",
        "governance.proposal.scheduled",
        "governance.proposal.decided",
    } <= actions


def test_a_continental_committee_takes_a_proposal_up_and_decides_it(w):
    proposal = submitted(w)
    proposal_forward(proposal=proposal, actor=w.benin_gov)
    proposal_take_up(proposal=proposal, actor=w.africa_gov, note="We can decide this.")
    proposal.refresh_from_db()
    # Taking up does not schedule it: it waits for a meeting of the continental committee.
    assert (proposal.status, proposal.network) == (ProposalStatus.FORWARDED, w.africa)
    event = proposal.events.get(kind=ProposalEventKind.ANSWERED)
    assert (event.actor, event.network) == (w.africa_gov, w.africa)
    assert event.note == "We can decide this."
    # Once answered here, it is no longer forwarded further up.
    with pytest.raises(ValidationError, match="taken this proposal up"):
        proposal_forward(proposal=proposal, actor=w.africa_gov)
    meeting = MeetingFactory(committee=CommitteeFactory(network=w.africa), starts_at=SOON)
    proposal_schedule(proposal=proposal, meeting=meeting, actor=w.africa_gov)
    proposal_mark_decided(proposal=proposal, outcome=Outcome.REJECTED, actor=w.africa_gov)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.REJECTED
    assert AuditEntry.objects.filter(action="governance.proposal.taken_up").exists()


def test_the_author_withdraws_until_it_is_decided(w):
    proposal = submitted(w)
    proposal_withdraw(proposal=proposal, actor=w.author, note="Merged with another one.")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.WITHDRAWN
    assert proposal.events.get(kind=ProposalEventKind.WITHDRAWN).actor == w.author
    with pytest.raises(ValidationError, match="closed"):
        proposal_withdraw(proposal=proposal, actor=w.author)
    decided = submitted(w)
    meeting = MeetingFactory(committee=CommitteeFactory(network=w.benin), starts_at=SOON)
    proposal_schedule(proposal=decided, meeting=meeting, actor=w.benin_gov)
    proposal_mark_decided(proposal=decided, outcome=Outcome.ADOPTED, actor=w.benin_gov)
    with pytest.raises(ValidationError, match="closed"):
        proposal_withdraw(proposal=decided, actor=w.benin_gov)


def test_a_draft_is_edited_with_optimistic_locking(w):
    proposal = draft(w)
    stale = Proposal.objects.get(pk=proposal.pk)
    proposal_update(proposal=proposal, actor=w.author, version=proposal.version, title="New title")
    assert Proposal.objects.get(pk=proposal.pk).title == "New title"
    with pytest.raises(ProposalEditConflictError) as conflict:
        proposal_update(proposal=stale, actor=w.benin_gov, version=stale.version, title="Mine")
    assert conflict.value.saved.title == "New title"
    assert Proposal.objects.get(pk=proposal.pk).title == "New title"
    proposal_submit(proposal=proposal, actor=w.focal_point)
    with pytest.raises(ValidationError, match="Only a draft"):
        proposal_update(proposal=proposal, actor=w.author, version=proposal.version, text="x")


# --- Refusals -----------------------------------------------------------------------------------


def test_a_member_cannot_forward_nor_take_up(w):
    proposal = submitted(w)
    with pytest.raises(ValidationError, match="Only those who act for Benin"):
        proposal_forward(proposal=proposal, actor=w.author)
    # The continental committee does not act for the national one.
    with pytest.raises(ValidationError, match="Only the committee of Benin"):
        proposal_take_up(proposal=proposal, actor=w.africa_gov)
    assert Proposal.objects.get(pk=proposal.pk).network == w.benin


def test_forwarding_is_refused_at_the_top_and_for_drafts(w):
    with pytest.raises(ValidationError, match="still a draft"):
        proposal_forward(proposal=draft(w), actor=w.benin_gov)
    proposal = submitted(w)
    proposal_forward(proposal=proposal, actor=w.benin_gov)
    proposal_forward(proposal=proposal, actor=w.africa_gov)
    with pytest.raises(ValidationError, match="highest level"):
        proposal_forward(proposal=proposal, actor=w.world_gov)


def test_scheduling_on_another_committees_meeting_is_refused(w):
    proposal = submitted(w)
    coordinator = user_with_role(w.world, Role.COORDINATOR)  # governs every level
    africa_meeting = MeetingFactory(committee=CommitteeFactory(network=w.africa), starts_at=SOON)
    with pytest.raises(ValidationError, match="not one of the committee of Benin"):
        proposal_schedule(proposal=proposal, meeting=africa_meeting, actor=coordinator)
    past = MeetingFactory(
        committee=CommitteeFactory(network=w.benin),
        starts_at=timezone.now() - datetime.timedelta(days=1),
    )
    cancelled = MeetingFactory(
        committee=CommitteeFactory(network=w.benin), starts_at=SOON, status=MeetingStatus.CANCELLED
    )
    for meeting in (past, cancelled):
        with pytest.raises(ValidationError, match="upcoming meeting"):
            proposal_schedule(proposal=proposal, meeting=meeting, actor=w.benin_gov)
    assert not AgendaItem.objects.exists()
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.SUBMITTED


def test_acting_twice_is_refused(w):
    proposal = submitted(w)
    coordinator = user_with_role(w.world, Role.COORDINATOR)
    # Two people look at the same page; the first forwards it.
    seen_by_second = Proposal.objects.get(pk=proposal.pk)
    proposal_forward(proposal=proposal, actor=coordinator)
    # The second, who also governs the level above, must not forward it once more.
    with pytest.raises(ValidationError, match="changed while you were looking"):
        proposal_forward(proposal=seen_by_second, actor=coordinator)
    assert Proposal.objects.get(pk=proposal.pk).network == w.africa
    # A double click carries the same version twice.
    version = Proposal.objects.get(pk=proposal.pk).version
    fresh = Proposal.objects.get(pk=proposal.pk)
    proposal_take_up(proposal=fresh, actor=w.africa_gov, version=version)
    again = Proposal.objects.get(pk=proposal.pk)
    with pytest.raises(ValidationError):
        proposal_take_up(proposal=again, actor=w.africa_gov, version=version)
    with pytest.raises(ValidationError, match="already taken"):
        proposal_take_up(proposal=again, actor=w.africa_gov)
    assert proposal.events.filter(kind=ProposalEventKind.ANSWERED).count() == 1
    with pytest.raises(ValidationError, match="already submitted"):
        proposal_submit(proposal=again, actor=w.focal_point)


def test_drafting_is_refused_outside_ones_networks_and_at_the_top(w):
    with pytest.raises(ValidationError, match="member of"):
        draft(w, network=w.nepal)
    with pytest.raises(ValidationError, match="national or continental"):
        draft(w, network=w.world, author=user_with_role(w.world, Role.MEMBER))
    with pytest.raises(ValidationError, match="not a current member organisation"):
        draft(w, organisation=member_of(w.nepal))
    with pytest.raises(ValidationError):
        draft(w, title="  ", domain="cooking")
    assert not Proposal.objects.exists()


def test_mark_decided_refuses_drafts_unknown_outcomes_and_deciding_twice(w):
    with pytest.raises(ValidationError, match="draft cannot be decided"):
        proposal_mark_decided(proposal=draft(w), outcome=Outcome.ADOPTED, actor=w.benin_gov)
    proposal = submitted(w)
    with pytest.raises(ValidationError, match="Unknown outcome"):
        proposal_mark_decided(proposal=proposal, outcome="maybe", actor=w.benin_gov)
    with pytest.raises(ValidationError, match="Only the committee"):
        proposal_mark_decided(proposal=proposal, outcome=Outcome.ADOPTED, actor=w.author)
    proposal_mark_decided(proposal=proposal, outcome=Outcome.ADOPTED, actor=w.benin_gov)
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.ADOPTED
    with pytest.raises(ValidationError, match="closed"):
        proposal_mark_decided(proposal=proposal, outcome=Outcome.REJECTED, actor=w.benin_gov)


# --- Comments and visibility --------------------------------------------------------------------


def test_readers_comment_and_others_cannot(w):
    proposal = submitted(w)
    # Members of the continental network read (and comment on) the proposals below them.
    reader = user_with_role(w.africa, Role.MEMBER)
    comment = proposal_comment(proposal=proposal, author=reader, text="  Good idea.  ")
    assert comment.text == "Good idea."
    assert AuditEntry.objects.filter(action="governance.proposal.commented").exists()
    with pytest.raises(ValidationError, match="cannot read"):
        proposal_comment(proposal=proposal, author=w.asia_member, text="Hello")
    with pytest.raises(ValidationError):
        proposal_comment(proposal=proposal, author=w.author, text="   ")


def test_a_draft_is_seen_only_by_its_author_and_the_committee(w, client):
    proposal = draft(w, title="Secret draft")
    url = reverse("governance:proposal_detail", args=[proposal.pk])
    other_member = user_with_role(w.benin, Role.MEMBER)
    client.force_login(other_member)
    assert client.get(url).status_code == 404
    assert "Secret draft" not in client.get(reverse("governance:proposal_list")).text
    client.force_login(w.benin_gov)
    assert client.get(url).status_code == 200
    client.force_login(w.author)
    assert "Secret draft" in client.get(reverse("governance:proposal_list")).text


def test_another_continents_member_cannot_read_and_anonymous_is_sent_to_log_in(w, client):
    proposal = submitted(w)
    url = reverse("governance:proposal_detail", args=[proposal.pk])
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(w.asia_member)
    assert client.get(url).status_code == 404
    post = reverse("governance:proposal_action", args=[proposal.pk, "withdraw"])
    assert client.post(post, {"version": proposal.version}).status_code == 404
    # A member of the continent above reads it once submitted.
    client.force_login(user_with_role(w.africa, Role.MEMBER))
    assert client.get(url).status_code == 200


# --- Pages --------------------------------------------------------------------------------------


def test_raising_a_proposal_through_the_form(w, client):
    organisation = member_of(w.benin, name="Mutuelle de Cotonou")
    client.force_login(w.author)
    url = reverse("governance:proposal_create")
    page = client.get(url).text
    assert "Benin" in page and "Mutuelle de Cotonou (Benin)" in page
    assert ">Nepal<" not in page
    # An empty text is refused and what was typed is kept.
    response = client.post(
        url, {"network": w.benin.pk, "title": "Visits", "text": "", "domain": Domain.LEARNING}
    )
    assert response.status_code == 200 and 'value="Visits"' in response.text
    response = client.post(
        url,
        {
            "network": w.benin.pk,
            "organisation": organisation.pk,
            "title": "Visits",
            "text": "Exchange visits.",
            "domain": Domain.LEARNING,
        },
    )
    proposal = Proposal.objects.get()
    assert response["Location"] == proposal.get_absolute_url()
    assert (proposal.author, proposal.origin_organisation) == (w.author, organisation)
    # Someone who sits on a committee only, without membership, has nowhere to raise one.
    client.force_login(w.world_gov)
    assert client.get(url).status_code == 404


def test_detail_shows_the_path_timeline_and_offers_deciding_here_first(w, client):
    proposal = submitted(w)
    proposal_forward(proposal=proposal, actor=w.benin_gov, note="For the continent.")
    MeetingFactory(
        committee=CommitteeFactory(network=w.africa), starts_at=SOON, title="Africa meeting"
    )
    url = reverse("governance:proposal_detail", args=[proposal.pk])
    client.force_login(w.africa_gov)
    page = client.get(url).text
    # The path: Benin (endorsed) → Africa (here now) → INSP!R.
    path = page[page.index("Its path up the levels") : page.index("What you can do")]
    assert path.index("Benin") < path.index("Africa") < path.index("it is here now")
    assert path.index("it is here now") < path.index("INSP!R")
    assert 'aria-current="step"' in page
    # The timeline names who and when, with the reader's zone named.
    assert "endorsed and forwarded" in page and "For the continent." in page
    assert "Europe/Brussels" in page
    # "Decide here" comes before "forward".
    assert page.index("1. Decide it here") < page.index("2. Or endorse it and forward it")
    assert "Africa meeting" in page
    # A plain member sees no action buttons.
    client.force_login(user_with_role(w.africa, Role.MEMBER))
    page = client.get(url).text
    assert "Decide it here" not in page and "Withdraw the proposal" not in page


def test_actions_through_the_pages(w, client):
    proposal = draft(w)
    action = lambda name: reverse("governance:proposal_action", args=[proposal.pk, name])  # noqa: E731
    # The author, a plain member, may not submit it: refused with a message.
    client.force_login(w.author)
    response = client.post(action("submit"), {"version": proposal.version}, follow=True)
    assert "Only those who act for Benin" in response.text
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.DRAFT
    # The network's focal point submits it.
    client.force_login(w.focal_point)
    response = client.post(action("submit"), {"version": proposal.version})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    # The author may not forward: refused with a message, nothing changes.
    client.force_login(w.author)
    response = client.post(action("forward"), {"version": proposal.version}, follow=True)
    assert "Only those who act for Benin" in response.text
    assert Proposal.objects.get(pk=proposal.pk).network == w.benin
    client.force_login(w.benin_gov)
    meeting = MeetingFactory(committee=CommitteeFactory(network=w.benin), starts_at=SOON)
    client.post(action("schedule"), {"version": proposal.version, "meeting": meeting.pk})
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ON_AGENDA
    assert meeting.items.get().proposal == proposal
    # A stale form (the version it was shown with) is refused.
    response = client.post(action("withdraw"), {"version": proposal.version - 1}, follow=True)
    assert "changed while you were looking" in response.text
    assert client.post(action("explode"), {"version": proposal.version}).status_code == 404
    assert client.get(action("submit")).status_code == 405


def test_editing_a_draft_keeps_what_was_typed_on_a_conflict(w, client):
    proposal = draft(w)
    url = reverse("governance:proposal_edit", args=[proposal.pk])
    client.force_login(w.author)
    assert "Exchange visits" in client.get(url).text
    proposal_update(proposal=proposal, actor=w.benin_gov, version=proposal.version, title="Theirs")
    response = client.post(
        url,
        {"title": "Mine", "text": "My text", "domain": Domain.ADVOCACY, "version": 1},
    )
    assert response.status_code == 200
    assert "Someone else saved this proposal" in response.text
    assert 'value="Mine"' in response.text and "Theirs" in response.text
    assert Proposal.objects.get(pk=proposal.pk).title == "Theirs"
    # Saving again, after seeing the difference, goes through.
    response = client.post(
        url, {"title": "Mine", "text": "My text", "domain": Domain.ADVOCACY, "version": 2}
    )
    assert response.status_code == 302
    assert Proposal.objects.get(pk=proposal.pk).title == "Mine"
    # Someone who may read it but not act for its network cannot edit it.
    client.force_login(user_with_role(w.benin, Role.MEMBER))
    assert client.get(url).status_code == 404


def test_comments_through_the_page(w, client):
    proposal = submitted(w)
    url = reverse("governance:proposal_comment", args=[proposal.pk])
    client.force_login(user_with_role(w.africa, Role.MEMBER))
    response = client.post(url, {"text": "We support it."}, follow=True)
    assert "We support it." in response.text
    response = client.post(url, {"text": ""})
    assert response.status_code == 400 and "This field is required" in response.text
    client.force_login(w.asia_member)
    assert client.post(url, {"text": "Hi"}).status_code == 404


def test_the_list_filters_and_awaits_my_committee(w, client):
    waiting = submitted(w)
    learning = ProposalFactory(
        origin_network=w.benin, status=ProposalStatus.ADOPTED, domain=Domain.ADVOCACY
    )
    client.force_login(w.benin_gov)
    url = reverse("governance:proposal_list")
    page = client.get(url, {"awaiting": "on"}).text
    assert waiting.title in page and learning.title not in page
    page = client.get(url, {"domain": Domain.ADVOCACY}).text
    assert learning.title in page and waiting.title not in page
    page = client.get(url, {"status": "bogus"}).text  # an old link is not an error
    assert learning.title in page and waiting.title in page
    # htmx gets only the results.
    partial = client.get(url, {"domain": Domain.ADVOCACY}, headers={"HX-Request": "true"}).text
    assert "<h1>" not in partial and learning.title in partial


def test_the_list_query_count_does_not_grow_with_the_data(w, client):
    def load(count: int) -> None:
        for _ in range(count):
            organisation = member_of(w.benin)
            ProposalFactory(
                origin_network=w.benin,
                origin_organisation=organisation,
                status=ProposalStatus.SUBMITTED,
                author=w.author,
            )

    url = reverse("governance:proposal_list")
    client.force_login(w.benin_gov)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {"awaiting": "on"})
        assert response.status_code == 200
        return len(queries)

    load(2)
    small = count()
    load(18)
    large = count()
    assert small == large == 8  # the proposals' titles in the reader's language: two


def test_the_detail_query_count_does_not_grow_with_comments_and_events(w, client):
    proposal = submitted(w)
    url = reverse("governance:proposal_detail", args=[proposal.pk])
    client.force_login(w.benin_gov)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    def comment(times: int) -> None:
        for number in range(times):
            proposal_comment(proposal=proposal, author=w.author, text=f"Comment {number}")

    comment(2)
    small = count()
    comment(18)
    large = count()
    # Eight, and the original of its title and text with their translations (core/texts.py).
    assert small == large == 10


def test_the_detail_links_to_the_decision_taken_on_it(w, client):
    proposal = submitted(w)
    meeting = MeetingFactory(committee=CommitteeFactory(network=w.benin), starts_at=SOON)
    proposal_schedule(proposal=proposal, meeting=meeting, actor=w.benin_gov)
    DecisionFactory(meeting=meeting, proposal=proposal, title="Visits adopted")
    proposal_mark_decided(proposal=proposal, outcome=Outcome.ADOPTED, actor=w.benin_gov)
    client.force_login(w.author)
    page = client.get(reverse("governance:proposal_detail", args=[proposal.pk])).text
    assert "Visits adopted" in page
    # Closed: nothing left to do on it.
    assert "What you can do" not in page and "where it ended" in page
