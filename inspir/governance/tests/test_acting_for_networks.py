"""Every network acts for itself, committee or not: a national network without a committee
gives its input, reports on its follow-ups and submits its proposals through its focal point;
a coordinator above may act for it, and the record says "on behalf of"; someone acting for
several networks is told for which one they act, and chooses."""

import datetime
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from inspir.accounts.models import Role, User
from inspir.accounts.permissions import Action, can
from inspir.accounts.tests.factories import UserFactory, add_second_factor, user_with_role
from inspir.accounts.tests.permission_table import (
    COMMITTEE_MEMBER,
    COMMITTEE_OFFICE,
    SEAT_ONLY,
    read_table,
)
from inspir.governance.forms.preparation import input_field_name, version_field_name
from inspir.governance.models import (
    ActingAs,
    AgendaInput,
    Committee,
    Consultation,
    FollowUp,
    FollowUpStatus,
    Office,
    Proposal,
    ProposalEventKind,
    ProposalStatus,
)
from inspir.governance.permissions import (
    acting_as,
    acting_network_ids,
    can_act_for,
    can_govern,
    users_acting_for,
    users_answering_for,
)
from inspir.governance.services.proposals import proposal_create, proposal_take_up
from inspir.governance.tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    DecisionFactory,
    FollowUpFactory,
    MeetingFactory,
    seat,
)
from inspir.network.models import Network
from inspir.network.tests.factories import NetworkFactory, PersonFactory, continental, national

pytestmark = pytest.mark.django_db

STARTS = timezone.now() + datetime.timedelta(days=20)


@dataclass
class World:
    world: Network
    africa: Network
    benin: Network
    nepal: Network
    focal_point: User  # Bénin's focal point (Bénin has no committee)
    member: User  # a plain member of Bénin
    continental: User  # the continental coordinator of Africa
    africa_seat: User  # sits on Africa's committee, no role


def person_user(name: str, **fields: object) -> User:
    first, last = name.split(" ", 1)
    return UserFactory(first_name=first, last_name=last, **fields)


@pytest.fixture
def w() -> World:
    world = NetworkFactory(name="INSP!R", slug="inspir")
    africa = continental(world, name="INSP!R Afrique de l'Ouest", slug="africa")
    benin = national(africa, name="INSP!R Bénin", slug="benin")
    nepal = national(continental(world, name="Asia", slug="asia"), name="Nepal", slug="nepal")
    seated = PersonFactory(name="Niwa Soulima")
    # The chair of Africa's committee: governs it (consults, passes decisions on).
    seat(CommitteeFactory(network=africa), person=seated, office=Office.CHAIR)
    return World(
        world=world,
        africa=africa,
        benin=benin,
        nepal=nepal,
        focal_point=user_with_role(
            benin, Role.FOCAL_POINT, first_name="Rodrigue", last_name="Hounkpatin"
        ),
        member=user_with_role(benin, Role.MEMBER, first_name="Awa", last_name="Diallo"),
        continental=user_with_role(
            africa, Role.COORDINATOR, first_name="Valère", last_name="Koffi"
        ),
        africa_seat=_with_second_factor(
            UserFactory(person=seated, first_name="Niwa", last_name="Soulima")
        ),
    )


def _with_second_factor(user: User) -> User:
    add_second_factor(user)  # an office requires one
    return user


def seat_for(user: User, network: Network) -> None:
    """Give `user` a seat on `network`'s committee (through a person of their own)."""
    if user.person is None:
        user.person = PersonFactory(name=user.get_full_name() or user.email)
        user.save(update_fields=["person"])
    seat(CommitteeFactory(network=network), person=user.person)


# --- Who acts for which network ---------------------------------------------------------------


def test_the_focal_point_acts_for_benin_without_governing_it(w):
    assert can_act_for(w.focal_point, w.benin)
    assert acting_as(w.focal_point, w.benin) == ActingAs.FOCAL_POINT
    assert not can_act_for(w.focal_point, w.africa)
    assert not can_govern(w.focal_point, w.benin)
    assert not can_act_for(w.member, w.benin)
    # A continental coordinator acts for the networks below: on their behalf.
    assert acting_as(w.continental, w.benin) == ActingAs.ON_BEHALF
    assert acting_as(w.continental, w.africa) == ActingAs.COORDINATOR
    assert acting_as(w.africa_seat, w.africa) == ActingAs.COMMITTEE_MEMBER
    assert acting_as(w.africa_seat, w.benin) == ""
    assert acting_network_ids(w.africa_seat) == frozenset({w.africa.pk})


def test_a_committee_seat_and_an_office_give_what_the_table_says_for_that_network_only(w):
    table = read_table()
    plain = UserFactory(person=PersonFactory(name="Plain Member"))
    seat(Committee.objects.get(network=w.africa), person=plain.person)
    for user, column in ((plain, COMMITTEE_MEMBER), (w.africa_seat, COMMITTEE_OFFICE)):
        for action in Action:
            if action == Action.GOVERN:
                granted = can_govern(user, w.africa)
                assert not can_govern(user, w.benin)
            elif action == Action.ACT_FOR_NETWORK:
                granted = can_act_for(user, w.africa)
                assert not can_act_for(user, w.benin)
            elif action == Action.PLAN:
                continue  # planning's rule, held to the table by planning's own test
            else:
                granted = can(user, action, w.africa)
            assert granted == (table[action][column] == SEAT_ONLY), (column, action)


def test_users_acting_for_a_network_are_its_own_focal_point_coordinators_and_committee(w):
    benin_coordinator = user_with_role(w.benin, Role.COORDINATOR)
    inactive = user_with_role(w.benin, Role.FOCAL_POINT, is_active=False)

    assert set(users_acting_for(w.benin)) == {w.focal_point, benin_coordinator}
    assert inactive not in set(users_acting_for(w.benin.pk))
    # Africa: its coordinator and its committee's member, not Bénin's focal point.
    assert set(users_acting_for(w.africa)) == {w.continental, w.africa_seat}


def test_a_network_with_nobody_of_its_own_is_answered_for_by_the_level_above(w):
    togo = national(w.africa, name="INSP!R Togo", slug="togo")

    # Togo has no focal point, coordinator or committee: Africa's people hear of its work.
    assert set(users_answering_for(togo)) == {w.continental, w.africa_seat}
    # Bénin has its own focal point: it alone is told.
    assert users_answering_for(w.benin.pk) == [w.focal_point]


# --- Inputs -------------------------------------------------------------------------------------


@pytest.fixture
def consulted(w):
    """An intercontinental meeting whose agenda is published: Africa consulted, and Bénin
    consulted in turn by Africa."""
    committee = CommitteeFactory(network=w.world)
    meeting = MeetingFactory(committee=committee, starts_at=STARTS, title="Steering committee")
    item = AgendaItemFactory(meeting=meeting, position=1, title="Advocacy at the ILO")
    meeting.agenda_circulated_at = meeting.agenda_published_at = timezone.now()
    meeting.preparation_deadline = STARTS - datetime.timedelta(days=3)
    meeting.save()
    africa = Consultation.objects.create(meeting=meeting, network=w.africa)
    Consultation.objects.create(meeting=meeting, network=w.benin, parent=africa)
    return meeting, item


def input_url(meeting, network: Network) -> str:
    return reverse("governance:input_edit", kwargs={"pk": meeting.pk, "network": network.slug})


def test_the_focal_point_gives_benins_input_and_a_plain_member_cannot(client, w, consulted):
    meeting, item = consulted
    client.force_login(w.member)
    assert client.get(input_url(meeting, w.benin)).status_code == 404

    client.force_login(w.focal_point)
    page = client.get(meeting.get_absolute_url()).text
    assert input_url(meeting, w.benin) in page
    assert input_url(meeting, w.africa) not in page
    form = client.get(input_url(meeting, w.benin))
    assert form.status_code == 200
    assert "You act for INSP!R Bénin (as its focal point)" in form.text
    # Consulting the networks below is not for a focal point.
    assert "Consult the national networks" not in form.text
    response = client.post(
        input_url(meeting, w.benin),
        {
            input_field_name(item.pk): "Social protection floors first.",
            version_field_name(item.pk): "",
        },
    )
    assert response.status_code == 302
    given = AgendaInput.objects.get(item=item, network=w.benin)
    assert (given.text, given.author, given.author_as) == (
        "Social protection floors first.",
        w.focal_point,
        ActingAs.FOCAL_POINT,
    )
    # The meeting page shows who gave it, and as what.
    table = BeautifulSoup(client.get(meeting.get_absolute_url()).text, "html.parser")
    national = table.select_one(".prep-national").get_text(" ", strip=True)
    assert "Social protection floors first. Rodrigue Hounkpatin (focal point)" in national


def test_someone_acting_for_several_consulted_networks_gets_a_link_for_each(client, w, consulted):
    meeting, _item = consulted
    client.force_login(w.continental)
    page = BeautifulSoup(client.get(meeting.get_absolute_url()).text, "html.parser")
    links = [li.get_text(" ", strip=True) for li in page.select(".prep-links li")]
    assert len(links) == 2
    africa_link = next(link for link in links if link.startswith("Give INSP!R Afrique"))
    benin_link = next(link for link in links if link.startswith("Give INSP!R Bénin"))
    assert "as its coordinator" in africa_link
    assert "Consult the national networks" in africa_link
    assert "on its behalf" in benin_link


# --- Follow-ups -------------------------------------------------------------------------------


@pytest.fixture
def follow_ups(w):
    decision = DecisionFactory(
        meeting=MeetingFactory(committee=CommitteeFactory(network=w.world), starts_at=STARTS),
        title="Exchange visits",
    )
    africa = FollowUpFactory(decision=decision, network=w.africa)
    benin = FollowUpFactory(decision=decision, network=w.benin, parent=africa)
    return decision, africa, benin


def report_url(follow_up: FollowUp) -> str:
    return reverse("governance:follow_up_report", kwargs={"pk": follow_up.pk})


def board_url(decision) -> str:
    return reverse("governance:follow_up_board", kwargs={"pk": decision.pk})


def test_the_focal_point_reports_on_benins_follow_up_and_a_plain_member_cannot(
    client, w, follow_ups
):
    decision, _africa, benin = follow_ups
    client.force_login(w.member)
    assert client.get(report_url(benin)).status_code == 404

    client.force_login(w.focal_point)
    board = BeautifulSoup(client.get(board_url(decision)).text, "html.parser")
    [acting] = [p.get_text(" ", strip=True) for p in board.select(".acting-for")]
    assert acting == "You report for INSP!R Bénin (as its focal point)"
    # Passing the decision on further is not a focal point's business.
    assert reverse("governance:follow_up_cascade", kwargs={"pk": benin.pk}) not in str(board)
    assert (
        client.get(reverse("governance:follow_up_cascade", kwargs={"pk": benin.pk})).status_code
        == 404
    )
    response = client.post(
        report_url(benin),
        {"status": FollowUpStatus.DONE, "report": "Two visits held.", "version": benin.version},
    )
    assert response.status_code == 302
    benin.refresh_from_db()
    assert (benin.status, benin.reported_by, benin.reported_as) == (
        FollowUpStatus.DONE,
        w.focal_point,
        ActingAs.FOCAL_POINT,
    )
    board = client.get(board_url(decision)).text
    assert "reported by Rodrigue Hounkpatin (focal point)" in board


def test_a_continental_coordinator_reporting_for_benin_is_marked_on_behalf(client, w, follow_ups):
    decision, _africa, benin = follow_ups
    client.force_login(w.continental)
    form = client.get(report_url(benin)).text
    assert "You report for INSP!R Bénin (on its behalf" in form
    client.post(
        report_url(benin),
        {"status": FollowUpStatus.IN_PROGRESS, "report": "Under way.", "version": benin.version},
    )
    benin.refresh_from_db()
    assert (benin.reported_by, benin.reported_as) == (w.continental, ActingAs.ON_BEHALF)
    client.force_login(w.focal_point)
    board = BeautifulSoup(client.get(board_url(decision)).text, "html.parser")
    row = board.select_one(f"#follow-up-{benin.pk}").get_text(" ", strip=True)
    assert "reported by Valère Koffi on behalf of INSP!R Bénin" in row


def test_the_board_says_for_which_network_each_report_form_is(client, w, follow_ups):
    decision, africa, benin = follow_ups
    seat_for(w.focal_point, w.africa)  # Bénin's focal point also sits on Africa's committee
    client.force_login(w.focal_point)
    board = BeautifulSoup(client.get(board_url(decision)).text, "html.parser")
    said = {
        row["id"]: row.select_one(".acting-for").get_text(" ", strip=True)
        for row in board.select(".decision-board-row")
    }
    assert said[f"follow-up-{africa.pk}"] == (
        "You report for INSP!R Afrique de l'Ouest (as a member of its committee)"
    )
    assert said[f"follow-up-{benin.pk}"] == "You report for INSP!R Bénin (as its focal point)"


# --- Proposals ----------------------------------------------------------------------------------


def test_the_focal_point_submits_a_proposal_for_benin_and_a_plain_member_cannot(client, w):
    proposal = proposal_create(
        network=w.benin, author=w.member, title="Exchange visits", text="Two.", domain="learning"
    )
    action = reverse("governance:proposal_action", args=[proposal.pk, "submit"])
    client.force_login(w.member)
    page = client.get(proposal.get_absolute_url()).text
    assert "Submit for INSP!R Bénin" not in page
    assert "Those who act for INSP!R Bénin (its focal point" in page
    response = client.post(action, {"version": proposal.version}, follow=True)
    assert "Only those who act for INSP!R Bénin" in response.text
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.DRAFT

    client.force_login(w.focal_point)
    page = client.get(proposal.get_absolute_url()).text
    assert "Submit for INSP!R Bénin" in page
    client.post(action, {"version": proposal.version})
    proposal.refresh_from_db()
    assert (proposal.status, proposal.network) == (ProposalStatus.SUBMITTED, w.benin)
    event = proposal.events.get(kind=ProposalEventKind.SUBMITTED)
    assert (event.actor, event.acting_as) == (w.focal_point, ActingAs.FOCAL_POINT)
    page = client.get(proposal.get_absolute_url()).text
    assert "Rodrigue Hounkpatin (focal point)" in page

    # Bénin has no committee: nobody decides it there (even its coordinator, who governs
    # Bénin, is offered no "decide it here"); its focal point endorses and forwards it.
    assert "Endorse it for INSP!R Bénin and forward it to the level above" in page
    client.force_login(user_with_role(w.benin, Role.COORDINATOR))
    page = client.get(proposal.get_absolute_url()).text
    assert "Decide it here" not in page and "Put it on a meeting" not in page
    with pytest.raises(ValidationError, match="INSP!R Bénin has no committee to decide"):
        proposal_take_up(proposal=proposal, actor=user_with_role(w.benin, Role.COORDINATOR))
    client.force_login(w.focal_point)
    forward = reverse("governance:proposal_action", args=[proposal.pk, "forward"])
    client.post(forward, {"version": proposal.version, "note": "For the region."})
    proposal.refresh_from_db()
    assert (proposal.status, proposal.network) == (ProposalStatus.FORWARDED, w.africa)


def test_a_continental_coordinator_endorsing_for_benin_is_marked_on_behalf(client, w):
    proposal = proposal_create(
        network=w.benin, author=w.focal_point, title="Visits", text="Two.", domain="learning"
    )
    client.force_login(w.continental)
    for name in ("submit", "forward"):
        client.post(
            reverse("governance:proposal_action", args=[proposal.pk, name]),
            {"version": Proposal.objects.get(pk=proposal.pk).version},
        )
    proposal.refresh_from_db()
    assert proposal.network == w.africa
    endorsed = proposal.events.get(kind=ProposalEventKind.ENDORSED)
    assert endorsed.acting_as == ActingAs.ON_BEHALF
    page = BeautifulSoup(client.get(proposal.get_absolute_url()).text, "html.parser")
    timeline = page.select_one(".proposal-timeline").get_text(" ", strip=True)
    assert "Valère Koffi on behalf of INSP!R Bénin" in timeline


def test_someone_acting_for_two_networks_chooses_for_which_one_they_propose(client, w):
    seat_for(w.focal_point, w.africa)
    client.force_login(w.focal_point)
    url = reverse("governance:proposal_create")
    page = BeautifulSoup(client.get(url).text, "html.parser")
    options = page.select("select[name=network] option")
    assert [option.get_text() for option in options] == [
        "INSP!R Bénin",
        "INSP!R Afrique de l'Ouest",
    ]
    # The lowest level they act for is chosen by default.
    assert [option.get_text() for option in options if option.has_attr("selected")] == [
        "INSP!R Bénin"
    ]
    said = [li.get_text(" ", strip=True) for li in page.select(".acting-for li")]
    assert said == [
        "You act for INSP!R Bénin (as its focal point)",
        "You act for INSP!R Afrique de l'Ouest (as a member of its committee)",
    ]
    # A network they neither act for nor belong to is refused, in French too, and what was
    # typed is kept.
    typed = {"network": w.nepal.pk, "title": "Regional fund", "text": "Why.", "domain": "learning"}
    response = client.post(url.replace("/en/", "/fr/"), typed)
    page = BeautifulSoup(response.text, "html.parser")
    assert "Vous ne pouvez porter une proposition que pour un réseau" in page.get_text()
    assert page.select_one("input[name=title]")["value"] == "Regional fund"
    assert not Proposal.objects.exists()
    # Choosing Africa raises it there.
    client.post(url, {**typed, "network": w.africa.pk})
    assert Proposal.objects.get().origin_network == w.africa
