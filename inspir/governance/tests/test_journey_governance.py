"""End to end, through the pages: a proposal raised in Benin travels up to the
intercontinental committee, is decided by consent, and its follow-ups come back down to the
networks, each of which reports back."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import UserFactory, add_second_factor, user_with_role
from inspir.governance.models import (
    AgendaItem,
    Decision,
    FollowUp,
    FollowUpStatus,
    Meeting,
    Office,
    Outcome,
    Proposal,
    ProposalStatus,
)
from inspir.governance.tests.factories import CommitteeFactory, MeetingFactory, seat
from inspir.network.tests.factories import NetworkFactory, PersonFactory, continental, national

pytestmark = pytest.mark.django_db


def member_of_committee(committee, name: str, network=None, office: str = Office.CHAIR):
    """A user whose person holds `office` on `committee` (the chair by default: these members
    schedule and record); also a member of `network` if given."""
    first, last = name.split(" ", 1)
    person = PersonFactory(name=name)
    seat(committee, person, office=office)
    if network is not None:
        user = user_with_role(network, Role.MEMBER, person=person, first_name=first, last_name=last)
    else:
        user = UserFactory(person=person, first_name=first, last_name=last)
    if office:
        add_second_factor(user)
    return user


def post(client, user, url: str, data: dict) -> None:
    client.force_login(user)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def act(client, user, proposal: Proposal, action: str, **data: object) -> Proposal:
    proposal.refresh_from_db()
    url = reverse("governance:proposal_action", kwargs={"pk": proposal.pk, "action": action})
    post(client, user, url, {"version": proposal.version, **data})
    proposal.refresh_from_db()
    return proposal


def test_a_proposal_from_benin_is_decided_above_and_followed_up_below(client):
    inter = NetworkFactory(name="INSP!R")
    africa = continental(inter, name="Africa")
    asia = continental(inter, name="Asia")
    benin = national(africa, name="Benin")
    togo = national(africa, name="Togo")
    inter_committee = CommitteeFactory(network=inter)
    africa_committee = CommitteeFactory(network=africa)
    benin_committee = CommitteeFactory(network=benin)
    CommitteeFactory(network=asia)

    benin_drafter = member_of_committee(benin_committee, "Valère Koffi", network=benin)
    benin_chair = member_of_committee(benin_committee, "Aïcha Dossou")
    africa_member = member_of_committee(africa_committee, "Niwa Soulima")
    issa = member_of_committee(inter_committee, "Issa Sissouma")
    gabriela = member_of_committee(inter_committee, "Gabriela Prudencio")
    samy = member_of_committee(inter_committee, "Samy Arokiasamy")
    coordinator = user_with_role(inter, Role.COORDINATOR, first_name="Santiago")
    benin_reader = user_with_role(benin, Role.MEMBER)

    # 1. A member of the Benin committee drafts the proposal and submits it.
    post(
        client,
        benin_drafter,
        reverse("governance:proposal_create"),
        {
            "network": benin.pk,
            "organisation": "",
            "title": "Exchange visits between mutual health organisations",
            "domain": "learning",
            "text": "Each continent hosts one exchange visit in 2021.",
        },
    )
    proposal = Proposal.objects.get()
    assert (proposal.status, proposal.network) == (ProposalStatus.DRAFT, benin)
    proposal = act(client, benin_drafter, proposal, "submit")
    assert proposal.status == ProposalStatus.SUBMITTED

    # 2. The Benin committee forwards it to Africa, whose committee forwards it on.
    proposal = act(client, benin_chair, proposal, "forward")
    assert (proposal.status, proposal.network) == (ProposalStatus.FORWARDED, africa)
    proposal = act(client, africa_member, proposal, "forward")
    assert (proposal.status, proposal.network) == (ProposalStatus.FORWARDED, inter)

    # 3. The intercontinental coordinator puts it on the committee's next meeting.
    starts = timezone.now() + datetime.timedelta(days=10)
    meeting = MeetingFactory(
        committee=inter_committee,
        title="Intercontinental steering committee",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
    )
    proposal = act(client, coordinator, proposal, "schedule", meeting=meeting.pk)
    assert proposal.status == ProposalStatus.ON_AGENDA
    item = AgendaItem.objects.get(meeting=meeting, proposal=proposal)

    # Before the meeting there is nothing to record yet.
    client.force_login(coordinator)
    create_url = reverse("governance:decision_create", kwargs={"pk": meeting.pk})
    early = client.post(create_url, {"title": "Too early", "outcome": "adopted"})
    assert early.status_code == 200
    assert not Decision.objects.exists()

    # 4. The meeting takes place; the coordinator records the decision, adopted by consent.
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    meeting_page = client.get(reverse("governance:meeting_detail", kwargs={"pk": meeting.pk}))
    assert f"{create_url}?item={item.pk}" in meeting_page.content.decode()
    form = client.get(create_url, {"item": item.pk}).content.decode()
    assert 'value="Exchange visits between mutual health organisations"' in form
    checked = set(re.findall(r'name="concerns" value="(\d+)"[^>]*checked', form))
    assert checked == {str(africa.pk), str(asia.pk)}
    post(
        client,
        coordinator,
        create_url,
        {
            "item": item.pk,
            "title": "Exchange visits between mutual health organisations",
            "outcome": "adopted",
            "statement": "Africa, Asia and Latin America each host one exchange visit in 2021.",
            "domain": "learning",
            "concerns": [africa.pk, asia.pk],
            f"position_{issa.person.pk}": "agree",
            f"position_{gabriela.person.pk}": "agree",
            f"position_{samy.person.pk}": "abstain",
            f"reason_{samy.person.pk}": "Asia will host in 2022.",
        },
    )
    decision = Decision.objects.get()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ADOPTED
    assert (decision.proposal, decision.item, decision.outcome) == (proposal, item, Outcome.ADOPTED)

    # 5. Follow-ups appear for the continental networks.
    assert sorted(decision.follow_ups.values_list("network__name", flat=True)) == ["Africa", "Asia"]
    africa_follow_up = FollowUp.objects.get(decision=decision, network=africa)
    board_url = reverse("governance:follow_up_board", kwargs={"pk": decision.pk})

    # 6. Africa passes the decision on to Benin (not to Togo).
    client.force_login(africa_member)
    board = client.get(board_url).content.decode()
    assert "Pass the decision on to networks of Africa" in board
    cascade_url = reverse("governance:follow_up_cascade", kwargs={"pk": africa_follow_up.pk})
    post(client, africa_member, cascade_url, {"networks": [benin.pk]})
    benin_follow_up = FollowUp.objects.get(decision=decision, network=benin)
    assert benin_follow_up.parent == africa_follow_up
    assert not FollowUp.objects.filter(network=togo).exists()

    # 7. Benin and Africa report back, each for its own network.
    benin_report_url = reverse("governance:follow_up_report", kwargs={"pk": benin_follow_up.pk})
    client.force_login(africa_member)  # a continental committee member does not act for Benin
    assert client.get(benin_report_url).status_code == 404
    post(
        client,
        benin_chair,
        benin_report_url,
        {"status": "done", "report": "Visit to Cotonou held in March.", "version": 1},
    )
    post(
        client,
        africa_member,
        reverse("governance:follow_up_report", kwargs={"pk": africa_follow_up.pk}),
        {"status": "in_progress", "report": "Two of three visits held.", "version": 1},
    )
    benin_follow_up.refresh_from_db()
    assert (benin_follow_up.status, benin_follow_up.reported_by) == (
        FollowUpStatus.DONE,
        benin_chair,
    )

    # 8. The board shows it to the members of the networks concerned.
    client.force_login(benin_reader)
    board = client.get(board_url).content.decode()
    assert "2 of 3 networks have acted" in board
    assert "Visit to Cotonou held in March." in board
    assert "Two of three visits held." in board
    assert "reported by Aïcha Dossou" in board
    assert "Europe/Brussels" in board  # times with their zone named
    assert (
        board.index("<h2>Africa</h2>")
        < board.index("<h3>Benin</h3>")
        < board.index("<h2>Asia</h2>")
    )
    assert "Report back for" not in board  # a member reads; the committee acts
    detail = client.get(decision.get_absolute_url()).content.decode()
    assert reverse("governance:proposal_detail", kwargs={"pk": proposal.pk}) in detail
