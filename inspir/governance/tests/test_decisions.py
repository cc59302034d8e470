"""Decisions taken by consent, their follow-ups cascading down, and the report-back board."""

import datetime
import re
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inspir.accounts.models import Role, User
from inspir.accounts.tests.factories import UserFactory, add_second_factor, user_with_role
from inspir.core.models import AuditEntry
from inspir.governance.models import (
    AgendaItem,
    Committee,
    ConsentRecord,
    Decision,
    FollowUp,
    FollowUpStatus,
    Meeting,
    Office,
    Outcome,
    Position,
    ProposalStatus,
)
from inspir.governance.selectors.decisions import decisions_context
from inspir.governance.services.decisions import (
    FollowUpConflictError,
    decision_record,
    follow_up_cascade,
    follow_up_report,
)
from inspir.governance.tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    DecisionFactory,
    FollowUpFactory,
    MeetingFactory,
    ParticipantFactory,
    ProposalFactory,
    seat,
)
from inspir.network.models import Network
from inspir.network.tests.factories import NetworkFactory, PersonFactory, continental, national

pytestmark = pytest.mark.django_db

PAST = timezone.now() - datetime.timedelta(days=2)


def committee_member(committee: Committee, name: str, office: str = "") -> User:
    """A user whose person sits on `committee` today (holding `office`, if given)."""
    person = PersonFactory(name=name)
    seat(committee, person, office=office)
    user = UserFactory(person=person)
    if office:
        add_second_factor(user)  # an office requires one, as a coordinator's role does
    return user


@dataclass
class World:
    inter: Network
    africa: Network
    asia: Network
    benin: Network
    togo: Network
    nepal: Network
    meeting: Meeting
    chair: User  # chairs the intercontinental committee
    second: User  # sits on it, without an office
    africa_member: User
    asia_member: User
    benin_member: User
    benin_reader: User  # a member of the Benin network, on no committee


@pytest.fixture
def world() -> World:
    inter = NetworkFactory(name="INSP!R")
    africa = continental(inter, name="Africa")
    asia = continental(inter, name="Asia")
    benin = national(africa, name="Benin")
    togo = national(africa, name="Togo")
    nepal = national(asia, name="Nepal")
    committees = {
        network.pk: CommitteeFactory(network=network) for network in (inter, africa, asia, benin)
    }
    return World(
        inter=inter,
        africa=africa,
        asia=asia,
        benin=benin,
        togo=togo,
        nepal=nepal,
        meeting=MeetingFactory(
            committee=committees[inter.pk], title="Steering committee", starts_at=PAST
        ),
        chair=committee_member(committees[inter.pk], "Issa Sissouma", Office.CHAIR),
        second=committee_member(committees[inter.pk], "Gabriela Prudencio"),
        africa_member=committee_member(committees[africa.pk], "Niwa Soulima", Office.CHAIR),
        asia_member=committee_member(committees[asia.pk], "Samy Arokiasamy", Office.SECRETARIAT),
        benin_member=committee_member(committees[benin.pk], "Valère Koffi", Office.CHAIR),
        benin_reader=user_with_role(benin, Role.MEMBER),
    )


BLOCKED = "blocked"  # record(..., consents=BLOCKED): the second member blocks


def record(world: World, *, consents=None, actor=None, **kwargs) -> Decision:
    if consents is None:
        consents = [
            (world.chair.person, Position.AGREE, ""),
            (world.second.person, Position.AGREE, ""),
        ]
    elif consents == BLOCKED:
        consents = [
            (world.chair.person, Position.AGREE, ""),
            (world.second.person, Position.BLOCK, "Not consulted."),
        ]
    return decision_record(
        meeting=world.meeting,
        actor=actor or world.chair,
        title=kwargs.pop("title", "Exchange visits"),
        statement=kwargs.pop("statement", "Each continent organises one exchange visit in 2021."),
        consents=consents,
        **kwargs,
    )


def messages_of(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- Consent rules ----------------------------------------------------------------------------


def test_a_block_or_a_concern_needs_a_reason(world):
    for position in (Position.BLOCK, Position.CONCERN):
        with pytest.raises(ValidationError) as refused:
            record(world, consents=[(world.second.person, position, "  ")])
        assert "Gabriela Prudencio has a concern or blocks: write the reason" in messages_of(
            refused.value
        )
    assert not Decision.objects.exists()


def test_a_full_members_block_means_not_adopted_whatever_the_recorder_wants(world):
    consents = [
        (world.chair.person, Position.AGREE, ""),
        (world.second.person, Position.BLOCK, "Latin America was not consulted."),
    ]
    decision = record(world, consents=consents, amended=True)
    assert decision.outcome == Outcome.REJECTED
    assert decision.get_outcome_display() == "not adopted"
    block = ConsentRecord.objects.get(decision=decision, position=Position.BLOCK)
    assert block.reason == "Latin America was not consulted."
    # A rejected decision asks nobody to act.
    assert not FollowUp.objects.exists()


def test_only_participants_and_committee_members_give_consent(world):
    outsider = PersonFactory(name="Someone Else")
    with pytest.raises(ValidationError) as refused:
        record(world, consents=[(outsider, Position.AGREE, "")])
    assert (
        "Someone Else neither takes part in this meeting nor sits on the committee"
        in messages_of(refused.value)
    )
    guest = PersonFactory(name="Invited Guest")
    ParticipantFactory(meeting=world.meeting, person=guest)
    decision = record(world, consents=[(guest, Position.ABSTAIN, "")])
    assert list(decision.consents.values_list("person__name", "position")) == [
        ("Invited Guest", Position.ABSTAIN)
    ]


def test_a_member_whose_mandate_ended_gives_no_consent(world):
    former = PersonFactory(name="Former Member")
    mandate = seat(world.meeting.committee, former)
    mandate.end_date = datetime.date(2020, 12, 31)
    mandate.save()
    with pytest.raises(ValidationError):
        record(world, consents=[(former, Position.AGREE, "")])


def test_only_those_who_govern_the_committee_record_its_decisions(world):
    for outsider in (world.benin_member, world.africa_member, world.benin_reader):
        with pytest.raises(ValidationError) as refused:
            record(world, actor=outsider)
        assert "Only the committee of INSP!R" in messages_of(refused.value)
    coordinator = user_with_role(world.inter, Role.COORDINATOR)
    assert record(world, actor=coordinator).recorded_by == coordinator


def test_no_decision_before_the_meeting_or_at_a_cancelled_one(world):
    world.meeting.starts_at = timezone.now() + datetime.timedelta(days=1)
    world.meeting.ends_at = world.meeting.starts_at + datetime.timedelta(hours=2)
    world.meeting.save()
    with pytest.raises(ValidationError, match="not started yet"):
        record(world)
    Meeting.objects.filter(pk=world.meeting.pk).update(starts_at=PAST, status="cancelled")
    with pytest.raises(ValidationError, match="was cancelled"):
        record(world)
    assert not Decision.objects.exists()


# --- Follow-ups -------------------------------------------------------------------------------


def test_an_adopted_intercontinental_decision_concerns_every_continent_by_default(world):
    decision = record(world)
    assert set(decision.concerns.values_list("name", flat=True)) == {"Africa", "Asia"}
    follow_ups = FollowUp.objects.filter(decision=decision).order_by("network__name")
    assert [(f.network.name, f.status, f.parent_id) for f in follow_ups] == [
        ("Africa", FollowUpStatus.PENDING, None),
        ("Asia", FollowUpStatus.PENDING, None),
    ]
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert actions.count("governance.decision.recorded") == 1
    assert actions.count("governance.follow_up.opened") == 2


def test_follow_ups_only_for_the_networks_chosen(world):
    decision = record(world, concerns=[world.africa, world.benin])
    africa = FollowUp.objects.get(decision=decision, network=world.africa)
    benin = FollowUp.objects.get(decision=decision, network=world.benin)
    assert benin.parent == africa
    assert not FollowUp.objects.filter(network=world.asia).exists()


def test_a_decision_concerns_only_networks_below_the_committee(world):
    elsewhere = continental(NetworkFactory(name="Other"), name="Elsewhere")
    for wrong in (world.inter, elsewhere):
        with pytest.raises(ValidationError) as refused:
            record(world, concerns=[wrong])
        assert "only concern the networks below INSP!R" in messages_of(refused.value)


def test_the_continental_network_passes_the_decision_on_where_relevant(world):
    decision = record(world)
    africa = FollowUp.objects.get(decision=decision, network=world.africa)
    asia = FollowUp.objects.get(decision=decision, network=world.asia)

    with pytest.raises(ValidationError, match="Only the committee of Africa"):
        follow_up_cascade(follow_up=africa, networks=[world.benin], actor=world.asia_member)
    with pytest.raises(ValidationError, match="not part of Africa: Nepal"):
        follow_up_cascade(follow_up=africa, networks=[world.nepal], actor=world.africa_member)

    opened = follow_up_cascade(follow_up=africa, networks=[world.benin], actor=world.africa_member)
    assert [(f.network, f.parent) for f in opened] == [(world.benin, africa)]
    # Togo was not concerned; Asia's networks are Asia's to decide.
    assert not FollowUp.objects.filter(network__in=[world.togo, world.nepal]).exists()
    assert asia.children.count() == 0

    with pytest.raises(ValidationError, match="already follow this decision up: Benin"):
        follow_up_cascade(follow_up=africa, networks=[world.benin], actor=world.africa_member)


def test_reporting_back(world):
    decision = record(world)
    benin = follow_up_cascade(
        follow_up=FollowUp.objects.get(decision=decision, network=world.africa),
        networks=[world.benin],
        actor=world.africa_member,
    )[0]

    with pytest.raises(ValidationError, match="Only those who act for Benin"):
        follow_up_report(
            follow_up=benin, actor=world.benin_reader, status="done", report="", version=1
        )
    with pytest.raises(ValidationError) as refused:
        follow_up_report(
            follow_up=benin,
            actor=world.benin_member,
            status="not_applicable",
            report=" ",
            version=1,
        )
    assert "does not apply to Benin" in messages_of(refused.value)

    saved = follow_up_report(
        follow_up=benin,
        actor=world.benin_member,
        status=FollowUpStatus.IN_PROGRESS,
        report="Visit planned in Cotonou.",
        version=1,
    )
    assert (saved.status, saved.reported_by, saved.version) == (
        "in_progress",
        world.benin_member,
        2,
    )
    assert saved.reported_at is not None
    assert AuditEntry.objects.filter(action="governance.follow_up.reported").count() == 1

    # Someone who loaded the form before that save is refused, and nothing is overwritten:
    # here Africa's coordinator, whose role reaches its national networks.
    with pytest.raises(FollowUpConflictError) as stale:
        follow_up_report(
            follow_up=benin,
            actor=user_with_role(world.africa, Role.COORDINATOR),
            status="done",
            report="Done.",
            version=1,
        )
    assert stale.value.saved.report == "Visit planned in Cotonou."
    benin.refresh_from_db()
    assert benin.status == FollowUpStatus.IN_PROGRESS


# --- Pages ------------------------------------------------------------------------------------


def test_recording_a_decision_through_the_form(client, world):
    ParticipantFactory(meeting=world.meeting, person=PersonFactory(name="Santiago Fischer"))
    url = reverse("governance:decision_create", kwargs={"pk": world.meeting.pk})
    client.force_login(world.chair)
    page = client.get(url).content.decode()
    assert "Santiago Fischer" in page and "Issa Sissouma" in page
    # The continental networks are concerned by default; national ones are reached by cascading.
    checked = set(re.findall(r'name="concerns" value="(\d+)"[^>]*checked', page))
    assert checked == {str(world.africa.pk), str(world.asia.pk)}
    assert f'name="concerns" value="{world.benin.pk}"' not in page

    second = world.second.person.pk
    data = {
        "title": "Exchange visits",
        "statement": "One visit per continent.",
        "domain": "learning",
        "concerns": [world.africa.pk],
        f"position_{world.chair.person.pk}": "agree",
        f"position_{second}": "block",
        f"reason_{second}": "",
    }
    refused = client.post(url, data)
    assert refused.status_code == 200
    body = refused.content.decode()
    assert "A concern or a block needs its reason" in body
    assert "One visit per continent." in body  # what was typed is kept
    assert not Decision.objects.exists()

    data[f"position_{second}"] = "concern"
    data[f"reason_{second}"] = "Latin America was not consulted."
    response = client.post(url, data)
    decision = Decision.objects.get()
    assert response.status_code == 302 and response.url == decision.get_absolute_url()
    # A concern is recorded and does not stop adoption; both positions were heard in the
    # meeting and are marked so; the decision is dated with the meeting.
    assert decision.outcome == Outcome.ADOPTED
    assert decision.decided_at == world.meeting.starts_at
    assert set(decision.consents.values_list("given_orally", flat=True)) == {True}
    assert list(decision.follow_ups.values_list("network__name", flat=True)) == ["Africa"]


def test_the_network_a_proposal_came_from_is_concerned_by_default(client, world):
    committee = Committee.objects.filter(network=world.africa).first() or CommitteeFactory(
        network=world.africa
    )
    meeting = MeetingFactory(committee=committee, starts_at=timezone.now())
    proposal = ProposalFactory(origin_network=world.benin, network=world.africa)
    item = AgendaItemFactory(meeting=meeting, proposal=proposal, title=proposal.title)
    client.force_login(user_with_role(world.africa, Role.COORDINATOR))
    url = reverse("governance:decision_create", kwargs={"pk": meeting.pk})

    with_item = client.get(url, {"item": item.pk}).content.decode()
    without = client.get(url).content.decode()

    checked = r'name="concerns" value="(\d+)"[^>]*checked'
    assert set(re.findall(checked, with_item)) == {str(world.benin.pk)}
    assert set(re.findall(checked, without)) == set()


def test_only_governors_open_the_decision_form(client, world):
    url = reverse("governance:decision_create", kwargs={"pk": world.meeting.pk})
    assert client.get(url).status_code == 302  # anonymous: log in
    client.force_login(world.benin_member)
    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "x"}).status_code == 404
    assert not Decision.objects.exists()


def test_the_detail_shows_counts_and_block_reasons(client, world):
    decision = record(world, consents=BLOCKED)
    client.force_login(world.benin_reader)
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "not adopted" in page
    assert "Not consulted." in page
    assert "Block: <strong>1</strong>" in page and "Agree: <strong>1</strong>" in page
    assert reverse("governance:follow_up_board", kwargs={"pk": decision.pk}) in page


def test_the_public_sees_only_decisions_of_published_minutes(client, world):
    decision = record(world)
    board = reverse("governance:follow_up_board", kwargs={"pk": decision.pk})
    assert client.get(decision.get_absolute_url()).status_code == 404
    assert client.get(board).status_code == 404
    assert "Exchange visits" not in client.get(reverse("governance:decision_list")).content.decode()

    Meeting.objects.filter(pk=world.meeting.pk).update(minutes_published_at=timezone.now())
    assert client.get(decision.get_absolute_url()).status_code == 200
    page = client.get(board).content.decode()
    assert "Africa" in page and "0 of 2 networks have acted" in page
    assert "Report back for" not in page
    assert "Exchange visits" in client.get(reverse("governance:decision_list")).content.decode()


def test_a_network_outside_the_tree_does_not_read_the_decision(client, world):
    decision = record(world)
    stranger = user_with_role(NetworkFactory(name="Elsewhere"), Role.MEMBER)
    client.force_login(stranger)
    assert client.get(decision.get_absolute_url()).status_code == 404


def test_the_board_offers_each_network_its_own_forms(client, world):
    decision = record(world)
    africa = FollowUp.objects.get(decision=decision, network=world.africa)
    asia = FollowUp.objects.get(decision=decision, network=world.asia)
    board = reverse("governance:follow_up_board", kwargs={"pk": decision.pk})

    client.force_login(world.africa_member)
    page = client.get(board).content.decode()
    assert reverse("governance:follow_up_report", kwargs={"pk": africa.pk}) in page
    assert reverse("governance:follow_up_report", kwargs={"pk": asia.pk}) not in page
    # Africa may pass it on to Benin and Togo, not to Nepal.
    assert "Benin" in page and "Togo" in page and "Nepal" not in page
    assert (
        client.get(reverse("governance:follow_up_report", kwargs={"pk": asia.pk})).status_code
        == 404
    )
    refused = client.post(
        reverse("governance:follow_up_report", kwargs={"pk": asia.pk}),
        {"status": "done", "report": "x", "version": 1},
    )
    assert refused.status_code == 404

    client.force_login(world.benin_reader)  # members read, without forms
    page = client.get(board).content.decode()
    assert "Africa" in page and "Report back for" not in page


def test_a_stale_report_keeps_what_was_typed(client, world):
    decision = record(world)
    africa = FollowUp.objects.get(decision=decision, network=world.africa)
    url = reverse("governance:follow_up_report", kwargs={"pk": africa.pk})
    client.force_login(world.africa_member)
    assert 'name="version" value="1"' in client.get(url).content.decode()
    follow_up_report(
        follow_up=africa,
        actor=user_with_role(world.africa, Role.COORDINATOR),
        status="in_progress",
        report="Started.",
        version=1,
    )
    response = client.post(url, {"status": "done", "report": "Three visits held.", "version": 1})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else reported on this follow-up" in page
    assert "Three visits held." in page and "Started." in page
    assert 'name="version" value="2"' in page
    assert "Saved by" in page
    africa.refresh_from_db()
    assert africa.report == "Started."

    response = client.post(url, {"status": "not_applicable", "report": "", "version": 2})
    assert "Say why the decision does not apply" in response.content.decode()
    response = client.post(url, {"status": "done", "report": "Three visits held.", "version": 2})
    assert response.status_code == 302
    africa.refresh_from_db()
    assert (africa.status, africa.report) == ("done", "Three visits held.")


def test_a_rewritten_report_keeps_every_earlier_one(client, world):
    decision = record(world)
    africa = FollowUp.objects.get(decision=decision, network=world.africa)
    coordinator = user_with_role(world.africa, Role.COORDINATOR)
    for version, (status, text) in enumerate(
        [("in_progress", "Two visits planned."), ("done", "One visit held; the other cancelled.")],
        start=1,
    ):
        follow_up_report(
            follow_up=africa, actor=coordinator, status=status, report=text, version=version
        )
    history_url = reverse("core:history_list", kwargs={"kind": "report", "pk": africa.pk})

    client.force_login(world.africa_member)
    board = client.get(reverse("governance:follow_up_board", kwargs={"pk": decision.pk}))
    assert history_url in board.content.decode()
    page = client.get(history_url).content.decode()
    assert "Version 3" in page and "Version 2" in page
    first = client.get(history_url + "2/").content.decode()
    assert "Two visits planned." in first and "in progress" in first

    # Restoring the first report saves it again, as a new version that says where it came from.
    restore = reverse(
        "core:revision_restore", kwargs={"kind": "report", "pk": africa.pk, "version": 2}
    )
    response = client.post(restore, {"version": 3})
    assert response.status_code == 302
    africa.refresh_from_db()
    assert (africa.status, africa.report, africa.version) == (
        "in_progress",
        "Two visits planned.",
        4,
    )
    assert africa.reported_by == world.africa_member

    # Only those who report for the network open its report's history.
    client.force_login(world.benin_member)
    assert client.get(history_url).status_code == 404
    assert (
        history_url
        not in client.get(
            reverse("governance:follow_up_board", kwargs={"pk": decision.pk})
        ).content.decode()
    )


def test_the_cascade_page(client, world):
    decision = record(world)
    africa = FollowUp.objects.get(decision=decision, network=world.africa)
    url = reverse("governance:follow_up_cascade", kwargs={"pk": africa.pk})
    client.force_login(world.benin_member)
    assert client.get(url).status_code == 404
    client.force_login(world.africa_member)
    page = client.get(url).content.decode()
    assert "Benin" in page and "Togo" in page
    assert "Choose at least one network" in client.post(url, {}).content.decode()
    response = client.post(url, {"networks": [world.togo.pk]})
    assert response.status_code == 302
    assert FollowUp.objects.get(decision=decision, network=world.togo).parent == africa


def test_the_meeting_page_lists_its_decisions(world):
    decision = record(world)
    context = decisions_context(meeting=world.meeting, user=world.chair)
    assert context["meeting_decisions"] == [decision]
    assert context["may_record_decision"] is True
    assert (
        decisions_context(meeting=world.meeting, user=world.benin_reader)["may_record_decision"]
        is False
    )
    assert decisions_context(meeting=world.meeting, user=AnonymousUser())["meeting_decisions"] == []


def test_the_list_filters(client, world):
    record(world, title="On learning", domain="learning")
    record(world, title="On advocacy", domain="advocacy", consents=BLOCKED)
    client.force_login(world.benin_reader)
    url = reverse("governance:decision_list")
    page = client.get(url, {"domain": "advocacy"}).content.decode()
    assert "On advocacy" in page and "On learning" not in page
    page = client.get(url, {"outcome": "adopted"}).content.decode()
    assert "On learning" in page and "On advocacy" not in page
    assert "0 of 2 acted" in page
    page = client.get(url, {"committee": "nonsense"}).content.decode()
    assert "On learning" in page and "On advocacy" in page


# --- Query counts -----------------------------------------------------------------------------


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_decision_list_reads_a_fixed_number_of_queries(client, world):
    client.force_login(world.benin_reader)
    url = reverse("governance:decision_list")

    def make(count: int) -> None:
        for _ in range(count):
            decision = DecisionFactory(meeting=world.meeting, domain="learning")
            FollowUpFactory(decision=decision, network=world.africa, status="done")
            FollowUpFactory(decision=decision, network=world.asia)

    make(2)
    few = _queries(client, url)
    make(18)
    many = _queries(client, url)
    assert "20 decisions found" in client.get(url).content.decode()
    assert few == many
    assert many <= 10


def test_the_board_reads_a_fixed_number_of_queries(client, world):
    decision = record(world, concerns=[world.africa, world.asia])
    africa = FollowUp.objects.get(decision=decision, network=world.africa)
    client.force_login(world.africa_member)
    url = reverse("governance:follow_up_board", kwargs={"pk": decision.pk})

    def make(count: int) -> None:
        for _ in range(count):
            network = national(world.africa)
            FollowUpFactory(
                decision=decision,
                network=network,
                parent=africa,
                status="done",
                report="ok",
                reported_by=world.africa_member,
                reported_at=timezone.now(),
            )
            national(world.africa)  # one more that may still be passed the decision

    make(2)
    few = _queries(client, url)
    make(18)
    many = _queries(client, url)
    page = client.get(url).content.decode()
    assert "20 of 22 networks have acted" in page
    assert few == many
    assert many <= 10


def test_a_decision_on_an_agenda_item_closes_its_proposal(world):
    proposal = ProposalFactory(
        origin_network=world.benin, network=world.inter, status=ProposalStatus.ON_AGENDA
    )
    item = AgendaItem.objects.create(meeting=world.meeting, title="Visits", proposal=proposal)
    decision = record(world, item=item)
    proposal.refresh_from_db()
    assert (decision.proposal, proposal.status) == (proposal, ProposalStatus.ADOPTED)
    assert decision.domain == proposal.domain
    with pytest.raises(ValidationError, match="already recorded on this proposal"):
        record(world, item=item, consents=BLOCKED)


def test_the_list_answers_htmx_with_its_results_only(client, world):
    record(world, title="On learning", domain="learning")
    client.force_login(world.benin_reader)
    response = client.get(
        reverse("governance:decision_list"), {"domain": "learning"}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert "On learning" in body and "<html" not in body
