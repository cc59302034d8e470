"""Governance events tell the right people once: an in-app notice each and the e-mail read
from the real SMTP server, in the reader's language; an event told again tells nobody twice.

The world: Bénin is a national network without a committee, acted for by its focal point
(French) and its coordinator (Spanish); Africa has a committee (an English speaker); the
proposal's author is a member of Bénin."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone, translation

from inspir.accounts.models import Role, User
from inspir.accounts.tests.factories import UserFactory, add_second_factor, user_with_role
from inspir.governance import notices
from inspir.governance.models import (
    AgendaItem,
    Committee,
    Consultation,
    FollowUp,
    Meeting,
    MinutesStatus,
    Office,
    Position,
    Proposal,
    ProposalStatus,
)
from inspir.governance.services.decisions import (
    decision_record,
    follow_up_cascade,
    follow_up_report,
)
from inspir.governance.services.meetings import (
    meeting_cancel,
    meeting_create,
    meeting_update,
    minutes_publish,
)
from inspir.governance.services.preparation import consultation_open_national
from inspir.governance.services.proposals import (
    proposal_forward,
    proposal_schedule,
    proposal_submit,
)
from inspir.governance.tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingFactory,
    ParticipantFactory,
    ProposalFactory,
    seat,
)
from inspir.network.models import Network
from inspir.network.tests.factories import NetworkFactory, PersonFactory, continental, national
from inspir.notifications.emails import notice_text
from inspir.notifications.models import Notification

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def person_user(language: str, zone: str = "Africa/Porto-Novo", **user_fields) -> User:
    person = PersonFactory(languages=[language], time_zone=zone)
    return UserFactory(person=person, email=f"{language}{person.pk}@example.org", **user_fields)


def with_role(network: Network, role: str, language: str) -> User:
    person = PersonFactory(languages=[language], time_zone="Africa/Porto-Novo")
    return user_with_role(network, role, person=person, email=f"{role}{person.pk}@example.org")


def on_committee(
    committee: Committee, language: str, zone: str = "Europe/London", office: str = ""
) -> User:
    user = person_user(language, zone)
    seat(committee, user.person, office=office)
    if office:
        add_second_factor(user)
    return user


@dataclass
class World:
    inter: Network
    africa: Network
    benin: Network
    inter_committee: Committee
    africa_committee: Committee
    chair: User  # on the intercontinental committee (English)
    niwa: User  # on Africa's committee (English)
    awa: User  # Bénin's focal point (French)
    kofi: User  # Bénin's coordinator (Spanish)
    sena: User  # a member of Bénin, author of the proposal (French)


@pytest.fixture
def w() -> World:
    inter = NetworkFactory(name="INSP!R")
    africa = continental(inter, name="INSP!R Africa")
    benin = national(africa, name="INSP!R Bénin")
    inter_committee = CommitteeFactory(network=inter)
    africa_committee = CommitteeFactory(network=africa)
    return World(
        inter=inter,
        africa=africa,
        benin=benin,
        inter_committee=inter_committee,
        africa_committee=africa_committee,
        chair=on_committee(inter_committee, "en", office=Office.CHAIR),
        niwa=on_committee(africa_committee, "en", office=Office.SECRETARIAT),
        awa=with_role(benin, Role.FOCAL_POINT, "fr"),
        kofi=with_role(benin, Role.COORDINATOR, "es"),
        sena=with_role(benin, Role.MEMBER, "fr"),
    )


def told(user: User, kind: str | None = None) -> list[str]:
    notices_ = Notification.objects.filter(user=user)
    if kind:
        notices_ = notices_.filter(kind=kind)
    return sorted(notices_.values_list("key", flat=True))


def subjects(mailbox, user: User) -> list[str]:
    return [str(message["Subject"]) for message in mailbox.to(user.email)]


def past_meeting(committee: Committee) -> Meeting:
    return MeetingFactory(
        committee=committee, starts_at=timezone.now() - datetime.timedelta(days=1)
    )


def adopt(w: World, meeting: Meeting, actor: User, **kwargs):
    return decision_record(
        meeting=meeting,
        actor=actor,
        title=kwargs.pop("title", "Visites d'échange"),
        statement="Une visite par continent.",
        consents=kwargs.pop("consents", [(actor.person, Position.AGREE, "")]),
        **kwargs,
    )


# --- Proposals ----------------------------------------------------------------------------------


def test_a_proposal_travels_up_and_its_author_hears_what_became_of_it(
    w, mailbox, django_capture_on_commit_callbacks
):
    with translation.override("fr"):  # written in French, by a member of Bénin
        proposal = ProposalFactory(
            title="Mutuelles", origin_network=w.benin, network=w.benin, author=w.sena
        )
    with django_capture_on_commit_callbacks(execute=True):
        proposal_submit(proposal=proposal, actor=w.awa)
    # Bénin has no committee: those who act for it are told, but not who submitted it.
    assert told(w.kofi) == [f"proposal:{proposal.pk}:submitted"]
    assert told(w.awa) == [] and told(w.niwa) == []
    [message] = mailbox.to(w.kofi.email)
    # Bénin has no committee: the e-mail says so, and what they can do.
    # Its title as written, said to be French for a Spanish reader.
    subject = str(message["Subject"])
    assert subject.startswith("Una propuesta espera a INSP!R Bénin: Mutuelles (original ")
    assert subject.endswith("francés)")
    assert "Puede respaldarla y remitirla al nivel superior" in mailbox.body(message)
    assert f"/es/governance/proposals/{proposal.pk}/" in mailbox.body(message)

    with django_capture_on_commit_callbacks(execute=True):
        proposal_forward(proposal=proposal, actor=w.awa)
    assert told(w.niwa) == [f"proposal:{proposal.pk}:forwarded:{w.africa.pk}"]
    assert told(w.sena) == [f"proposal:{proposal.pk}:forwarded:{w.africa.pk}"]
    [author_mail] = mailbox.to(w.sena.email)
    assert "Votre proposition « Mutuelles » a été transmise" in author_mail["Subject"]
    [africa_mail] = mailbox.to(w.niwa.email)
    assert "A proposal awaits your committee" in africa_mail["Subject"]

    meeting = MeetingFactory(
        committee=w.africa_committee, starts_at=timezone.now() + datetime.timedelta(days=9)
    )
    with django_capture_on_commit_callbacks(execute=True):
        item = proposal_schedule(proposal=proposal, meeting=meeting, actor=w.niwa)
    key = f"proposal:{proposal.pk}:scheduled:{meeting.pk}"
    assert key in told(w.sena) and key in told(w.awa) and key in told(w.kofi)

    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=1),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        decision = adopt(w, Meeting.objects.get(pk=meeting.pk), w.niwa, item=item)
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.ADOPTED
    assert f"proposal:{proposal.pk}:decided" in told(w.sena)
    decided = mailbox.to(w.sena.email)[-1]
    assert "Votre proposition « Mutuelles » a été adoptée" in decided["Subject"]
    assert "/fr/notifications/" in mailbox.body(decided)  # opens the notice, marked read
    notice = Notification.objects.get(user=w.sena, kind=notices.PROPOSAL_DECIDED)
    assert notice_text(notice).url.endswith(f"/governance/decisions/{decision.pk}/")

    # Told again (a retry of the same event): nobody hears twice.
    before = Notification.objects.count(), len(mailbox.messages)
    with django_capture_on_commit_callbacks(execute=True):
        notices.proposal_decided(proposal, decision=decision, actor=w.niwa)
        notices.proposal_awaits(proposal, network=w.benin, actor=w.awa, forwarded=False)
    assert (Notification.objects.count(), len(mailbox.messages)) == before


def test_a_rejected_proposal_is_told_as_rejected(w):
    proposal = ProposalFactory(
        title="Mutuelles",
        origin_network=w.benin,
        network=w.africa,
        author=w.sena,
        status=ProposalStatus.SUBMITTED,
    )
    meeting = past_meeting(w.africa_committee)
    item = AgendaItem.objects.create(meeting=meeting, title="Mutuelles", proposal=proposal)
    adopt(w, meeting, w.niwa, item=item, consents=[(w.niwa.person, Position.BLOCK, "Trop tôt.")])
    notice = Notification.objects.get(user=w.sena, kind=notices.PROPOSAL_DECIDED)
    assert notice_text(notice).title == "Your proposal “Mutuelles” was rejected"


# --- Follow-ups ---------------------------------------------------------------------------------


def test_follow_ups_opened_passed_down_and_reported_tell_each_network(
    w, mailbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        decision = adopt(w, past_meeting(w.inter_committee), w.chair, concerns=[w.africa])
    africa = FollowUp.objects.get(decision=decision, network=w.africa)
    assert told(w.niwa, notices.FOLLOW_UP_OPENED) == [f"followup:{africa.pk}:opened"]
    assert told(w.awa) == []  # Bénin is not concerned yet

    with django_capture_on_commit_callbacks(execute=True):
        [benin] = follow_up_cascade(follow_up=africa, networks=[w.benin], actor=w.niwa)
    for user in (w.awa, w.kofi):
        assert told(user, notices.FOLLOW_UP_OPENED) == [f"followup:{benin.pk}:opened"]
    [awa_mail] = mailbox.to(w.awa.email)
    assert "Le réseau INSP!R Bénin est appelé à agir sur la décision" in awa_mail["Subject"]
    notice = Notification.objects.get(user=w.awa, kind=notices.FOLLOW_UP_OPENED)
    assert notice_text(notice).url.endswith(f"#follow-up-{benin.pk}")

    with django_capture_on_commit_callbacks(execute=True):
        follow_up_report(
            follow_up=benin, actor=w.awa, status="in_progress", report="Visite prévue.", version=1
        )
    # Africa passed it down: Africa hears of the report; Bénin's focal point reported it.
    assert told(w.niwa, notices.FOLLOW_UP_REPORTED) == [f"followup:{benin.pk}:reported:2"]
    assert told(w.awa, notices.FOLLOW_UP_REPORTED) == []
    with django_capture_on_commit_callbacks(execute=True):
        follow_up_report(follow_up=benin, actor=w.awa, status="done", report="Fait.", version=2)
    assert len(told(w.niwa, notices.FOLLOW_UP_REPORTED)) == 2  # each report is news
    # A report on Africa's own follow-up goes to the committee that decided.
    with django_capture_on_commit_callbacks(execute=True):
        follow_up_report(follow_up=africa, actor=w.niwa, status="done", report="OK", version=1)
    assert told(w.chair, notices.FOLLOW_UP_REPORTED) == [f"followup:{africa.pk}:reported:2"]

    before = Notification.objects.count()
    notices.follow_up_opened(benin, actor=w.niwa)
    assert Notification.objects.count() == before


# --- Consultations ------------------------------------------------------------------------------


def test_a_network_without_a_committee_is_asked_for_its_input(
    w, mailbox, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(
        committee=w.inter_committee,
        starts_at=timezone.now() + datetime.timedelta(days=10),
        agenda_circulated_at=timezone.now(),
        preparation_deadline=timezone.now() + datetime.timedelta(days=7),
    )
    AgendaItemFactory(meeting=meeting, title="Pensions")
    africa = Consultation.objects.create(meeting=meeting, network=w.africa)
    with django_capture_on_commit_callbacks(execute=True):
        [benin] = consultation_open_national(consultation=africa, networks=[w.benin], actor=w.niwa)
    for user in (w.awa, w.kofi):
        assert told(user) == [f"consultation:{benin.pk}:opened"]
    [message] = mailbox.to(w.awa.email)  # one e-mail: the consultation's, with its link
    assert f"/fr/governance/meetings/{meeting.pk}/inputs/{w.benin.slug}/" in mailbox.body(message)
    assert "Pensions" in mailbox.body(message)
    assert len(mailbox.to(w.kofi.email)) == 1


# --- Meetings -----------------------------------------------------------------------------------


def meeting_data(**changes) -> dict:
    starts = datetime.datetime(2030, 1, 15, 13, 0, tzinfo=UTC)
    return {
        "title": "Comité de janvier",
        "format": "virtual",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=2),
        "time_zone": "Europe/Brussels",
        "location": "",
        "video_url": "https://meet.example.org/inspir",
    } | changes


def test_meeting_notices_are_the_invitations_with_their_calendar_file(
    w, mailbox, django_capture_on_commit_callbacks
):
    member = on_committee(w.inter_committee, "fr", "Africa/Porto-Novo")
    no_account = PersonFactory(languages=["es"], time_zone="America/La_Paz")
    seat(w.inter_committee, no_account)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = meeting_create(committee=w.inter_committee, actor=w.chair, data=meeting_data())
    assert told(member) == [f"meeting:{meeting.pk}:scheduled"]
    # One e-mail each: the invitation with its .ics, also to the one who scheduled it (their
    # calendar needs it) and to a member without an account.
    [invitation] = mailbox.to(member.email)
    assert "janvier" in mailbox.body(invitation)
    assert any(part.get_filename() == "meeting.ics" for part in invitation.iter_attachments())
    assert len(mailbox.to(w.chair.email)) == 1
    assert len(mailbox.to(no_account.email)) == 1

    with django_capture_on_commit_callbacks(execute=True):
        meeting = meeting_update(
            meeting=meeting,
            actor=w.chair,
            version=meeting.version,
            data={
                "starts_at": datetime.datetime(2030, 1, 15, 14, 0, tzinfo=UTC),
                "ends_at": datetime.datetime(2030, 1, 15, 16, 0, tzinfo=UTC),
            },
        )
    with django_capture_on_commit_callbacks(execute=True):
        meeting = meeting_update(
            meeting=Meeting.objects.get(pk=meeting.pk),
            actor=w.chair,
            version=Meeting.objects.get(pk=meeting.pk).version,
            data={"location": "Bruxelles"},
        )
    assert told(member) == [
        f"meeting:{meeting.pk}:scheduled",
        f"meeting:{meeting.pk}:updated:1",
        f"meeting:{meeting.pk}:updated:2",
    ]
    updated = mailbox.to(member.email)[1]
    ics = next(part for part in updated.iter_attachments()).get_content()
    assert "SEQUENCE:1" in ics

    with django_capture_on_commit_callbacks(execute=True):
        meeting_cancel(meeting=Meeting.objects.get(pk=meeting.pk), actor=w.chair)
        notices.meeting_changed(meeting.pk, kind="cancelled", previous_start=None, actor=None)
    assert f"meeting:{meeting.pk}:cancelled" in told(member)
    assert len(mailbox.to(member.email)) == 4  # scheduled, two changes, cancelled: once each


def test_published_minutes_reach_the_participants_and_the_committee(
    w, mailbox, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(
        committee=w.africa_committee,
        minutes="Nous avons convenu.",
        minutes_status=MinutesStatus.APPROVED,
    )
    guest = person_user("fr")
    ParticipantFactory(meeting=meeting, person=guest.person)
    with django_capture_on_commit_callbacks(execute=True):
        minutes_publish(meeting=meeting, actor=w.niwa)
    for user in (guest, w.niwa):
        assert told(user) == [f"meeting:{meeting.pk}:minutes"]
        assert len(mailbox.to(user.email)) == 1
    assert told(w.awa) == []
