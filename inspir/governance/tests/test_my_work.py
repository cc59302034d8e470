"""What governance puts on the reader's "my work" page (governance/my_work.py): inputs their
networks owe, proposals awaiting their committees, follow-ups to report, meetings coming with
their calendar file, and the meeting hours they have not given."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from inspir.accounts.models import Role, User
from inspir.accounts.tests.factories import user_with_role
from inspir.core.my_work import ITEM_LIMIT, WorkSection
from inspir.governance.models import (
    AgendaInput,
    AvailableHours,
    Consultation,
    FollowUpStatus,
    Meeting,
    MeetingStatus,
    ProposalStatus,
)
from inspir.governance.my_work import governance_work
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

UTC = datetime.UTC
STARTS = datetime.datetime(2030, 1, 15, 13, 0, tzinfo=UTC)
DEADLINE = datetime.datetime(2030, 1, 12, 16, 0, tzinfo=UTC)


@dataclass
class World:
    top: Network
    africa: Network
    benin: Network
    togo: Network
    meeting: Meeting
    coordinator: User  # coordinates West Africa, and so acts for Bénin and Togo too


@pytest.fixture
def w() -> World:
    top = NetworkFactory(name="INSP!R")
    africa = continental(top, name="INSP!R Afrique de l'Ouest")
    benin = national(africa, name="INSP!R Bénin")
    togo = national(africa, name="INSP!R Togo")
    meeting = MeetingFactory(
        committee=CommitteeFactory(network=top),
        title="Steering committee",
        starts_at=STARTS,
        agenda_circulated_at=timezone.now(),
        agenda_published_at=timezone.now(),
        preparation_deadline=DEADLINE,
    )
    AgendaItemFactory(meeting=meeting, title="Budget")
    person = PersonFactory(time_zone="Africa/Lome")
    AvailableHours.objects.create(person=person)
    coordinator = user_with_role(africa, Role.COORDINATOR, person=person)
    return World(top, africa, benin, togo, meeting, coordinator)


def sections(user: User) -> dict[str, WorkSection]:
    return {section.key: section for section in governance_work(user)}


def texts(section: WorkSection) -> list[str]:
    return [f"{item.text} | {item.detail}" for item in section.items]


def test_inputs_due_are_the_open_consultations_of_networks_one_acts_for_without_input(w):
    Consultation.objects.create(meeting=w.meeting, network=w.benin)
    Consultation.objects.create(meeting=w.meeting, network=w.togo)
    elsewhere = national(continental(w.top), name="INSP!R Bolivia")
    Consultation.objects.create(meeting=w.meeting, network=elsewhere)
    AgendaInput.objects.create(item=w.meeting.items.get(), network=w.togo, text="Ready.")

    [item] = sections(w.coordinator)["inputs"].items

    assert item.text == "Steering committee"
    assert (
        item.detail == "Input of INSP!R Bénin, for the committee of INSP!R; items answered: 0 of 1"
    )
    assert item.url == f"/en/governance/meetings/{w.meeting.pk}/inputs/{w.benin.slug}/"
    assert item.action == "Give its input"
    # The deadline, shown in the reader's own zone.
    assert item.when == DEADLINE and item.zone.key == "Africa/Lome"


def test_a_network_below_waits_for_its_own_focal_point_once_it_has_one(w):
    Consultation.objects.create(meeting=w.meeting, network=w.benin)

    # Bénin has nobody of its own yet: its input waits for West Africa's coordinator.
    [item] = sections(w.coordinator)["inputs"].items
    assert "INSP!R Bénin" in item.detail

    focal_point = user_with_role(w.benin, Role.FOCAL_POINT)
    assert sections(w.coordinator)["inputs"].items == []
    [item] = sections(focal_point)["inputs"].items
    assert "INSP!R Bénin" in item.detail


def test_an_input_stays_due_until_every_item_is_answered(w):
    Consultation.objects.create(meeting=w.meeting, network=w.benin)
    budget = w.meeting.items.get()
    website = AgendaItemFactory(meeting=w.meeting, title="Website")
    AgendaInput.objects.create(item=budget, network=w.benin, text="Agreed.")

    [item] = sections(w.coordinator)["inputs"].items
    assert item.detail.endswith("; items answered: 1 of 2")

    AgendaInput.objects.create(item=website, network=w.benin, text="One site for all.")
    assert sections(w.coordinator)["inputs"].items == []


@pytest.mark.parametrize(
    "change",
    [
        {"preparation_deadline": datetime.datetime(2020, 1, 1, tzinfo=UTC)},
        {"status": MeetingStatus.CANCELLED},
        {"agenda_circulated_at": None},
    ],
    ids=["deadline passed", "cancelled", "agenda not circulated"],
)
def test_no_input_is_due_once_closed_cancelled_or_before_the_agenda_is_out(w, change):
    Consultation.objects.create(meeting=w.meeting, network=w.benin)
    Meeting.objects.filter(pk=w.meeting.pk).update(**change)
    assert sections(w.coordinator)["inputs"].items == []


def test_proposals_awaiting_are_those_submitted_or_forwarded_to_ones_committee(w):
    ProposalFactory(
        title="Health insurance for informal workers",
        origin_network=w.benin,
        network=w.africa,
        status=ProposalStatus.FORWARDED,
    )
    ProposalFactory(title="Still a draft", origin_network=w.africa, status=ProposalStatus.DRAFT)
    ProposalFactory(title="Decided", origin_network=w.africa, status=ProposalStatus.ADOPTED)
    ProposalFactory(title="With the level above", origin_network=w.top, status="submitted")

    section = sections(w.coordinator)["proposals"]

    assert texts(section) == [
        "Health insurance for informal workers | "
        "Awaiting INSP!R Afrique de l'Ouest; raised by INSP!R Bénin"
    ]
    assert section.items[0].action == "Answer the proposal"


def test_follow_ups_to_report_are_the_open_ones_soonest_due_first_overdue_marked(w):
    decision = DecisionFactory(meeting=w.meeting, title="Global Fund for Social Protection")
    yesterday = timezone.localdate(timezone.now()) - datetime.timedelta(days=1)
    later = timezone.localdate(timezone.now()) + datetime.timedelta(days=30)
    FollowUpFactory(decision=decision, network=w.togo, due_on=later)
    late = FollowUpFactory(
        decision=decision, network=w.benin, due_on=yesterday, status=FollowUpStatus.IN_PROGRESS
    )
    FollowUpFactory(decision=decision, network=w.africa, status=FollowUpStatus.DONE, report="Done.")
    Meeting.objects.filter(pk=w.meeting.pk).update(minutes_published_at=timezone.now())

    section = sections(w.coordinator)["follow-ups"]

    assert texts(section) == [
        "Global Fund for Social Protection | Report of INSP!R Bénin (in progress)",
        "Global Fund for Social Protection | Report of INSP!R Togo (not reported yet)",
    ]
    first, second = section.items
    assert (first.when, first.overdue) == (yesterday, True)
    assert (second.when, second.overdue) == (later, False)
    assert first.url == f"/en/governance/follow-ups/{late.pk}/report/"


def test_meetings_coming_are_those_of_ones_committees_and_invitations_with_the_ics(w):
    person = PersonFactory(time_zone="America/La_Paz")
    AvailableHours.objects.create(person=person)
    seat(w.meeting.committee, person=person)
    member = User.objects.create_user(email="seat@example.org", person=person)
    # Invited to another committee's meeting, whose agenda is out.
    other = MeetingFactory(
        title="Working group",
        starts_at=STARTS + datetime.timedelta(days=1),
        agenda_published_at=timezone.now(),
    )
    ParticipantFactory(meeting=other, person=person)
    MeetingFactory(
        committee=w.meeting.committee,
        title="Last year",
        starts_at=datetime.datetime(2020, 1, 15, 13, 0, tzinfo=UTC),
    )
    MeetingFactory(committee=w.meeting.committee, title="Called off", status="cancelled")

    meetings = sections(member)["meetings"]

    assert [item.text for item in meetings.items] == ["Steering committee", "Working group"]
    item = meetings.items[0]
    assert item.when == STARTS and item.zone.key == "America/La_Paz"
    assert [link.url for link in item.links] == [
        f"/en/governance/meetings/{w.meeting.pk}/meeting.ics"
    ]


def test_a_meeting_one_is_invited_to_is_listed_only_when_one_may_open_it(w):
    person = PersonFactory()
    AvailableHours.objects.create(person=person)
    invited = User.objects.create_user(email="guest@example.org", person=person)
    ParticipantFactory(meeting=w.meeting, person=person)
    unpublished = MeetingFactory(title="Not announced", starts_at=STARTS)
    ParticipantFactory(meeting=unpublished, person=person)

    # Invited, with no seat: only what is waiting (no empty sections for others' work),
    # the invitation to answer among it.
    assert {key: [i.text for i in s.items] for key, s in sections(invited).items()} == {
        "invitations-to-answer": ["Steering committee"],
        "meetings": ["Steering committee"],
    }


def test_missing_meeting_hours_are_a_profile_gap_pointing_at_the_hours_page(w):
    person = PersonFactory()
    member = user_with_role(w.benin, Role.MEMBER, person=person)

    [gap] = sections(member)["profile"].items
    assert gap.url == "/en/governance/my-hours/"
    AvailableHours.objects.create(person=person)
    assert sections(member) == {}


def test_a_plain_member_without_person_has_nothing_from_governance(w):
    assert sections(user_with_role(w.benin, Role.MEMBER)) == {}


def test_each_section_shows_a_limited_number_and_says_where_the_rest_are(w):
    for _n in range(ITEM_LIMIT + 1):
        ProposalFactory(origin_network=w.benin, network=w.africa, status="submitted")

    section = sections(w.coordinator)["proposals"]

    assert len(section.items) == ITEM_LIMIT
    assert section.more_url == "/en/governance/proposals/?awaiting=on"
