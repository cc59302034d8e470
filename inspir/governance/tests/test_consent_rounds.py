"""Consent rounds: a committee decides between meetings, each member stating their own
position from their account before the round closes; the outcome is computed at the close
(quorum of full members, full members' blocks), dated with the close, and told."""

import datetime
import re
import zoneinfo
from dataclasses import dataclass

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from inspir.accounts.models import User
from inspir.accounts.tests.factories import UserFactory, add_second_factor
from inspir.core.models import AuditEntry
from inspir.governance import consent
from inspir.governance.consent_notices import ROUND_CLOSED, ROUND_CLOSING, ROUND_OPENED
from inspir.governance.models import (
    Capacity,
    Committee,
    ConsentRecord,
    Decision,
    FollowUp,
    Office,
    Outcome,
    Position,
    ProposalStatus,
    QuorumRule,
    SeatKind,
)
from inspir.governance.services.consent import (
    position_record,
    position_state,
    round_open,
    rounds_close_due,
    rounds_remind,
)
from inspir.governance.tests.factories import (
    CommitteeFactory,
    MeetingFactory,
    ParticipantFactory,
    ProposalFactory,
    seat,
)
from inspir.network.models import Network
from inspir.network.tests.factories import NetworkFactory, PersonFactory, continental
from inspir.notifications.models import Notification

pytestmark = pytest.mark.django_db


def member(committee: Committee, name: str, language: str, **rule: object) -> User:
    person = PersonFactory(name=name, languages=[language], time_zone="America/Lima")
    seat(committee, person, **rule)
    user = UserFactory(person=person, email=f"{name.split()[0].lower()}@example.org")
    if rule.get("office"):
        add_second_factor(user)
    return user


@dataclass
class World:
    inter: Network
    africa: Network
    committee: Committee
    secretariat: User  # WSM's facilitation: the secretariat, not a full member
    awa: User  # full members, in three languages
    gabriela: User
    samy: User
    issa: User
    kofi: User
    advisor: User  # an advisory seat


@pytest.fixture
def w() -> World:
    inter = NetworkFactory(name="INSP!R")
    africa = continental(inter, name="Africa")
    committee = CommitteeFactory(network=inter, time_zone="Europe/Brussels")
    return World(
        inter=inter,
        africa=africa,
        committee=committee,
        secretariat=member(
            committee,
            "Hélène Vermeulen",
            "fr",
            kind=SeatKind.FACILITATION,
            office=Office.SECRETARIAT,
        ),
        awa=member(committee, "Awa Diallo", "fr"),
        gabriela=member(committee, "Gabriela Prudencio", "es"),
        samy=member(committee, "Samy Arokiasamy", "en"),
        issa=member(committee, "Issa Sissouma", "fr"),
        kofi=member(committee, "Kofi Mensah", "en"),
        advisor=member(committee, "Ana Advisor", "es", kind=SeatKind.ADVISORY),
    )


def open_round(w: World, **kwargs: object) -> Decision:
    return round_open(
        committee=w.committee,
        actor=kwargs.pop("actor", w.secretariat),
        title=kwargs.pop("title", "Exchange visits in 2021"),
        statement="Each continent organises one exchange visit in 2021.",
        closes_at=kwargs.pop("closes_at", timezone.now() + datetime.timedelta(days=3)),
        **kwargs,
    )


def close(decision: Decision) -> Decision:
    Decision.objects.filter(pk=decision.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert rounds_close_due() == 1
    decision.refresh_from_db()
    return decision


def kinds_told(user: User) -> list[str]:
    return sorted(Notification.objects.filter(user=user).values_list("kind", flat=True))


# --- The rules, alone -------------------------------------------------------------------------


def test_quorum_is_the_committees_rule_over_the_full_seats_filled():
    assert consent.quorum_needed(QuorumRule.MAJORITY, 13) == 7
    assert consent.quorum_needed(QuorumRule.MAJORITY, 12) == 7
    assert consent.quorum_needed(QuorumRule.TWO_THIRDS, 12) == 8
    assert consent.quorum_needed(QuorumRule.ALL, 5) == 5
    assert consent.quorum_needed(QuorumRule.MAJORITY, 0) == 1  # nobody seated: no decision


def test_only_full_members_count_and_only_their_blocks_stop_adoption():
    def outcome(*stated: tuple[str, str]) -> str:
        positions = [consent.Stated(position, capacity) for position, capacity in stated]
        return consent.tally(positions, rule=QuorumRule.MAJORITY, full_seats_filled=4).outcome()

    full, guest = Capacity.FULL, Capacity.GUEST
    agree, block = Position.AGREE, Position.BLOCK
    # One position out of four full seats: no quorum, however many guests agree.
    assert outcome((agree, full), (agree, guest), (agree, guest), (agree, guest)) == "no_quorum"
    assert outcome((agree, full), (agree, full), (Position.CONCERN, full)) == Outcome.ADOPTED
    assert outcome((agree, full), (agree, full), (Position.ABSTAIN, full)) == Outcome.ADOPTED
    assert outcome((agree, full), (agree, full), (agree, full), (block, guest)) == Outcome.ADOPTED
    assert outcome((agree, full), (agree, full), (agree, full), (block, Capacity.ADVISORY)) == (
        Outcome.ADOPTED
    )
    assert outcome((agree, full), (agree, full), (block, full)) == Outcome.REJECTED


# --- The journey ------------------------------------------------------------------------------


def test_a_round_between_meetings_heard_in_three_languages_is_adopted_with_a_concern(client, w):
    # The secretariat opens it from the committee's page: the members are told.
    client.force_login(w.secretariat)
    url = reverse("governance:round_create", kwargs={"slug": w.inter.slug})
    # Typed in the secretariat's own zone (Lima here), kept in UTC.
    lima = zoneinfo.ZoneInfo("America/Lima")
    closes_on = timezone.localtime(timezone.now(), lima).date() + datetime.timedelta(days=2)
    response = client.post(
        url,
        {
            "title": "Exchange visits in 2021",
            "statement": "Each continent organises one exchange visit in 2021.",
            "closes_on": closes_on.isoformat(),
            "closes_time": "12:00",
            "concerns": [w.africa.pk],
        },
    )
    decision = Decision.objects.get()
    assert response.status_code == 302 and response.url == decision.get_absolute_url()
    assert decision.is_open and decision.meeting is None and decision.opened_at is not None
    assert decision.closes_at == datetime.datetime.combine(
        closes_on, datetime.time(12, 0), tzinfo=lima
    ).astimezone(datetime.UTC)
    for user in (w.awa, w.gabriela, w.samy, w.issa, w.kofi, w.advisor):
        assert ROUND_OPENED in kinds_told(user)

    # Three members state their own positions, each in their language; one has a concern.
    answers = (
        (w.awa, "fr", Position.AGREE, ""),
        (w.gabriela, "es", Position.CONCERN, "El presupuesto de viajes es justo."),
        (w.samy, "en", Position.AGREE, ""),
    )
    for user, language, position, reason in answers:
        client.force_login(user)
        page = client.get(f"/{language}" + decision.get_absolute_url()[3:])
        assert page.status_code == 200 and 'name="position"' in page.text
        stated = client.post(
            f"/{language}" + reverse("governance:position_state", kwargs={"pk": decision.pk})[3:],
            {"position": position, "reason": reason},
        )
        assert stated.status_code == 302
    # A concern without its reason is refused, and what was typed stays on the page.
    client.force_login(w.issa)
    refused = client.post(
        reverse("governance:position_state", kwargs={"pk": decision.pk}),
        {"position": Position.CONCERN, "reason": ""},
    )
    assert refused.status_code == 200 and "needs its reason" in refused.text
    # What the member chose is kept.
    assert re.search(
        r'<input type="radio" name="position" value="concern"[^>]*checked', refused.text
    )
    records = {r.person_id: r for r in ConsentRecord.objects.filter(decision=decision)}
    assert len(records) == 3
    assert all(not r.given_orally and r.capacity == Capacity.FULL for r in records.values())
    # The members see who said what; the count so far shows 3 of the 3 needed (5 full seats).
    client.force_login(w.kofi)
    page = client.get(decision.get_absolute_url()).text
    assert "El presupuesto de viajes es justo." in page
    assert "Quorum: 3 full members of 5 must give a position. 3 have so far." in page

    # The round closes on time: adopted, dated with its close, followed up, everyone told.
    decision = close(decision)
    assert decision.outcome == Outcome.ADOPTED
    assert decision.decided_at == decision.closes_at
    assert list(decision.follow_ups.values_list("network__name", flat=True)) == ["Africa"]
    for user in (w.awa, w.gabriela, w.kofi):
        assert ROUND_CLOSED in kinds_told(user)
    # Closing again does nothing: the outcome is computed once.
    assert rounds_close_due() == 0
    assert AuditEntry.objects.filter(action="governance.round.closed").count() == 1


def test_the_decision_is_dated_with_the_rounds_close_not_the_day_it_was_typed(w):
    decision = open_round(w)
    for user in (w.awa, w.gabriela, w.samy):
        position_state(decision=decision, actor=user, position=Position.AGREE, reason="")
    closes_at = timezone.now() - datetime.timedelta(hours=5)
    Decision.objects.filter(pk=decision.pk).update(closes_at=closes_at)
    rounds_close_due()
    decision.refresh_from_db()
    assert decision.decided_at == closes_at
    assert decision.recorded_at < decision.decided_at + datetime.timedelta(days=1)


def test_a_round_without_quorum_ends_no_quorum_and_leaves_its_proposal_open(w):
    proposal = ProposalFactory(
        origin_network=w.inter, network=w.inter, status=ProposalStatus.SUBMITTED
    )
    decision = open_round(w, proposal=proposal)
    # Two of five full members, however many others speak: no quorum.
    position_state(decision=decision, actor=w.awa, position=Position.AGREE, reason="")
    position_state(decision=decision, actor=w.samy, position=Position.AGREE, reason="")
    position_state(decision=decision, actor=w.advisor, position=Position.AGREE, reason="")
    decision = close(decision)
    assert decision.outcome == Outcome.NO_QUORUM
    assert not FollowUp.objects.filter(decision=decision).exists()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED  # open for another decision
    again = open_round(w, proposal=proposal, title="Exchange visits, again")
    assert again.proposal == proposal


def test_a_guests_and_an_advisors_block_do_not_stop_adoption_a_full_members_does(w):
    meeting = MeetingFactory(committee=w.committee)
    guest = UserFactory(person=PersonFactory(name="Invited Guest"))
    ParticipantFactory(meeting=meeting, person=guest.person)
    decision = open_round(w, meeting=meeting)
    for user in (w.awa, w.gabriela, w.samy):
        position_state(decision=decision, actor=user, position=Position.AGREE, reason="")
    position_state(decision=decision, actor=guest, position=Position.BLOCK, reason="Too soon.")
    position_state(decision=decision, actor=w.advisor, position=Position.BLOCK, reason="Costly.")
    assert ConsentRecord.objects.get(decision=decision, person=guest.person).capacity == (
        Capacity.GUEST
    )
    assert close(decision).outcome == Outcome.ADOPTED

    blocked = open_round(w, title="Another text")
    for user in (w.awa, w.gabriela):
        position_state(decision=blocked, actor=user, position=Position.AGREE, reason="")
    position_state(decision=blocked, actor=w.samy, position=Position.BLOCK, reason="Not yet.")
    assert close(blocked).outcome == Outcome.REJECTED
    assert not blocked.follow_ups.exists()


def test_members_change_their_position_until_the_round_closes_and_not_after(w):
    decision = open_round(w)
    position_state(decision=decision, actor=w.awa, position=Position.BLOCK, reason="Too soon.")
    position_state(decision=decision, actor=w.awa, position=Position.AGREE, reason="")
    record = ConsentRecord.objects.get(decision=decision)
    assert (record.position, record.reason) == (Position.AGREE, "")
    Decision.objects.filter(pk=decision.pk).update(
        closes_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    with pytest.raises(ValidationError, match="positions can no longer be given"):
        position_state(decision=decision, actor=w.awa, position=Position.BLOCK, reason="No.")


def test_the_secretariat_records_a_position_given_orally_never_over_a_members_own(w):
    decision = open_round(w)
    record = position_record(
        decision=decision,
        actor=w.secretariat,
        person=w.issa.person,
        position=Position.AGREE,
        reason="",
    )
    assert record.given_orally and record.recorded_by == w.secretariat
    # The member may state it themselves afterwards; then it is theirs.
    position_state(decision=decision, actor=w.issa, position=Position.ABSTAIN, reason="")
    assert not ConsentRecord.objects.get(pk=record.pk).given_orally
    with pytest.raises(ValidationError, match="stated their position themselves"):
        position_record(
            decision=decision,
            actor=w.secretariat,
            person=w.issa.person,
            position=Position.AGREE,
            reason="",
        )
    # A plain member records nobody's position.
    with pytest.raises(ValidationError, match="Only the chair, the secretariat"):
        position_record(
            decision=decision, actor=w.awa, person=w.kofi.person, position="agree", reason=""
        )


def test_only_offices_and_coordinators_open_a_round_and_only_members_state(client, w):
    with pytest.raises(ValidationError, match="Only the chair, the secretariat"):
        open_round(w, actor=w.awa)
    client.force_login(w.awa)
    url = reverse("governance:round_create", kwargs={"slug": w.inter.slug})
    assert client.get(url).status_code == 404
    decision = open_round(w)
    outsider = UserFactory(person=PersonFactory(name="Not Seated"))
    with pytest.raises(ValidationError, match="neither sits on the committee"):
        position_state(decision=decision, actor=outsider, position=Position.AGREE, reason="")


def test_a_round_closes_within_sixty_days_and_not_within_the_hour(w):
    for closes_at, message in (
        (timezone.now() + datetime.timedelta(minutes=20), "at least an hour"),
        (timezone.now() + datetime.timedelta(days=61), "within 60 days"),
    ):
        with pytest.raises(ValidationError, match=message):
            open_round(w, closes_at=closes_at)
    assert not Decision.objects.exists()


def test_members_without_a_position_are_reminded_once_the_day_before(w):
    decision = open_round(w, closes_at=timezone.now() + datetime.timedelta(hours=20))
    position_state(decision=decision, actor=w.awa, position=Position.AGREE, reason="")
    assert rounds_remind() == 6  # every seat but Awa's (the secretariat included)
    assert rounds_remind() == 0
    assert ROUND_CLOSING not in kinds_told(w.awa)
    assert ROUND_CLOSING in kinds_told(w.gabriela)


def test_visitors_see_the_outcome_not_the_positions_nor_an_open_round(client, w):
    decision = open_round(w)
    assert client.get(decision.get_absolute_url()).status_code == 404
    for user in (w.awa, w.gabriela, w.samy):
        position_state(
            decision=decision, actor=user, position=Position.CONCERN, reason=f"Worry {user.pk}."
        )
    close(decision)
    page = client.get(decision.get_absolute_url())
    assert page.status_code == 200
    assert "adopted" in page.text
    assert "Awa Diallo" not in page.text and "Worry" not in page.text
    assert "Concern: <strong>3</strong>" in page.text
