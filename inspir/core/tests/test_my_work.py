""" "My work" (core/my_work.py): after log-in each person lands on what is waiting for them,
exactly that, with one click to act on each; in their language, in a fixed number of queries."""

import datetime
import re
from dataclasses import dataclass

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from inspir.accounts.models import Invitation, NetworkRole, Role, User
from inspir.accounts.services import invitation_create, invitation_revoke
from inspir.accounts.tests.factories import PASSWORD, record_completed_login, user_with_role
from inspir.governance.models import (
    AgendaInput,
    AgendaItem,
    AvailableHours,
    Consultation,
    ProposalStatus,
)
from inspir.governance.tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    DecisionFactory,
    FollowUpFactory,
    MeetingFactory,
    ProposalFactory,
    seat,
)
from inspir.network.models import Network
from inspir.network.tests.factories import NetworkFactory, PersonFactory, continental, national

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
STARTS = datetime.datetime(2030, 1, 15, 13, 0, tzinfo=UTC)
DEADLINE = datetime.datetime(2030, 1, 12, 16, 0, tzinfo=UTC)
# One query per section a domain adds (governance's five, planning's suggestions), and the
# reader's account, reach and person.
QUERY_BUDGET = 13
NOTHING = "Nothing is waiting for you here."


@dataclass
class World:
    top: Network
    africa: Network
    benin: Network
    focal_point: User
    continental_coordinator: User
    committee_member: User
    member_with_gaps: User
    member: User


def person(**fields: object):
    """A person with a complete profile (zone, languages, meeting hours) unless told."""
    hours = fields.pop("hours", True)
    made = PersonFactory(**fields)
    if hours:
        AvailableHours.objects.create(person=made)
    return made


def add_waiting_things(w: "World", copies: int) -> None:
    """`copies` more of each thing waiting for the personas (to hold the query count)."""
    for n in range(copies):
        meeting = MeetingFactory(
            committee=CommitteeFactory(network=w.top),
            title=f"Steering committee {n}",
            starts_at=STARTS + datetime.timedelta(days=n + 1),
            agenda_circulated_at=timezone.now(),
            preparation_deadline=DEADLINE + datetime.timedelta(days=n + 1),
        )
        AgendaItemFactory(meeting=meeting)
        parent = Consultation.objects.create(meeting=meeting, network=w.africa)
        Consultation.objects.create(meeting=meeting, network=w.benin, parent=parent)
        decision = DecisionFactory(meeting=meeting, title=f"Decision {n}")
        FollowUpFactory(decision=decision, network=w.benin)
        ProposalFactory(
            title=f"Proposal {n}",
            origin_network=w.benin,
            network=w.africa,
            status=ProposalStatus.FORWARDED,
        )
        invitation_create(
            network=w.benin,
            email=f"invited{n}@example.org",
            role=Role.MEMBER,
            language="fr",
            actor=w.continental_coordinator,
        )


@pytest.fixture
def w() -> World:
    top = NetworkFactory(name="INSP!R")
    africa = continental(top, name="INSP!R Afrique de l'Ouest")
    benin = national(africa, name="INSP!R Bénin")
    meeting = MeetingFactory(
        committee=CommitteeFactory(network=top),
        title="Steering committee — regular meeting",
        starts_at=STARTS,
        agenda_circulated_at=timezone.now(),
        preparation_deadline=DEADLINE,
    )
    AgendaItemFactory(meeting=meeting, title="Budget 2030")
    # The committee consulted West Africa, which consulted Bénin in turn.
    africa_consulted = Consultation.objects.create(meeting=meeting, network=africa)
    Consultation.objects.create(meeting=meeting, network=benin, parent=africa_consulted)
    decision = DecisionFactory(meeting=meeting, title="Support a Global Fund")
    FollowUpFactory(
        decision=decision,
        network=benin,
        due_on=timezone.localdate(timezone.now()) + datetime.timedelta(days=30),
    )
    ProposalFactory(
        title="Health cover for informal workers",
        origin_network=benin,
        network=africa,
        status=ProposalStatus.FORWARDED,
    )
    focal_point = user_with_role(
        benin,
        Role.FOCAL_POINT,
        email="focal.point@example.org",
        person=person(time_zone="Africa/Porto-Novo"),
    )
    continental_coordinator = user_with_role(
        africa,
        Role.COORDINATOR,
        email="continental.coordinator@example.org",
        person=person(time_zone="Africa/Lome"),
    )
    invitation_create(
        network=benin,
        email="awa@example.org",
        role=Role.MEMBER,
        language="fr",
        actor=continental_coordinator,
    )
    member_person = person(time_zone="America/La_Paz")
    seat(meeting.committee, person=member_person)
    committee_member = user_with_role(
        top, Role.MEMBER, email="steering.member@example.org", person=member_person
    )
    member_with_gaps = user_with_role(
        benin, Role.MEMBER, person=person(time_zone="UTC", languages=[], hours=False)
    )
    member = user_with_role(benin, Role.MEMBER, person=person())
    return World(
        top,
        africa,
        benin,
        focal_point,
        continental_coordinator,
        committee_member,
        member_with_gaps,
        member,
    )


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    session = client.session
    record_completed_login(session, user)  # coordinators log in with their second factor
    session.save()
    return client


def waiting(html: str) -> dict[str, list[str]]:
    """{section heading: the texts of its items} as the page shows them."""
    found: dict[str, list[str]] = {}
    for section in re.findall(r"<section class=\"work-section\".*?</section>", html, re.S):
        heading = re.search(r"<h2[^>]*>(.*?)</h2>", section, re.S)
        title = re.sub(r"<[^>]+>|\s*\(\d+\+?\)", "", heading.group(1)).strip()
        texts = re.findall(r'<span class="work-text">(.*?)</span>', section)
        found[title] = texts or ([NOTHING] if NOTHING in section else [])
    return found


def page(user: User, language: str = "en") -> str:
    response = client_for(user).get(f"/{language}/my-work/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_focal_point_sees_the_input_due_and_the_follow_up_to_report(w):
    html = page(w.focal_point)

    assert waiting(html) == {
        "Inputs due": ["Steering committee — regular meeting"],
        "Proposals awaiting your network": [NOTHING],
        "Follow-ups to report": ["Support a Global Fund"],
    }
    # The deadline in her own zone, the one click that gives the input.
    assert 'Jan. 12, 2030, 5 p.m. <span class="zone">(Africa/Porto-Novo, UTC+01:00)' in html
    assert f'href="/en/governance/meetings/{w.top.committee.meetings.get().pk}/inputs/' in html
    assert "Give its input" in html and "Report on it" in html


def test_the_continental_coordinator_sees_the_proposal_awaiting_and_the_invitation(w):
    found = waiting(page(w.continental_coordinator))

    assert found["Proposals awaiting your network"] == ["Health cover for informal workers"]
    assert found["Invitations not accepted yet"] == ["awa@example.org"]
    # West Africa's own input; Bénin's waits for Bénin's focal point, not for the level above.
    assert found["Inputs due"] == ["Steering committee — regular meeting"]
    assert "Your profile" not in found


def test_the_committee_member_sees_the_meeting_coming_in_her_time_with_its_calendar(w):
    html = page(w.committee_member)
    meeting = w.top.committee.meetings.get()

    assert waiting(html)["Meetings coming"] == ["Steering committee — regular meeting"]
    assert 'Jan. 15, 2030, 9 a.m. <span class="zone">(America/La_Paz, UTC−04:00)' in html
    assert f'href="/en/governance/meetings/{meeting.pk}/meeting.ics"' in html


def test_a_plain_member_sees_only_the_gaps_of_their_profile_each_with_where_to_fix_it(w):
    html = page(w.member_with_gaps)

    assert waiting(html) == {
        "Your profile": [
            "You have not given your time zone: times are shown in UTC.",
            "You have not said which languages you speak.",
            "You have not said at which hours you accept to meet.",
        ]
    }
    assert 'href="/en/governance/my-hours/"' in html


def test_a_member_with_nothing_waiting_is_told_so(w):
    html = page(w.member)

    assert waiting(html) == {}
    assert NOTHING in html
    assert "<h1>My work</h1>" in html


def test_anonymous_visitors_are_sent_to_log_in_first(client):
    response = client.get("/en/my-work/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/my-work/"


def test_logging_in_lands_on_my_work_unless_another_page_was_asked_for(w):
    client = Client()
    response = client.post("/fr/accounts/login/", {"login": w.member.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/fr/my-work/"

    client = Client()
    response = client.post(
        "/en/accounts/login/?next=/en/networks/", {"login": w.member.email, "password": PASSWORD}
    )
    assert response["Location"] == "/en/networks/"


def test_the_header_links_to_my_work_for_those_logged_in_only(w, client):
    assert 'href="/en/my-work/"' not in client.get("/en/networks/").content.decode()
    assert 'href="/en/my-work/"' in client_for(w.member).get("/en/networks/").content.decode()


@pytest.mark.parametrize(
    ("language", "title", "section", "action", "nothing"),
    [
        (
            "fr",
            "Mon travail",
            "Comptes rendus de suivi attendus",
            "Donner sa contribution",
            "Rien ne vous attend ici.",
        ),
        (
            "es",
            "Mi trabajo",
            "Informes de seguimiento pendientes",
            "Dar su contribución",
            "Nada le espera aquí.",
        ),
    ],
)
def test_the_page_speaks_french_and_spanish(w, language, title, section, action, nothing):
    html = page(w.continental_coordinator, language)

    assert f"<h1>{title}</h1>" in html
    assert section in waiting(html)
    assert action in html
    assert nothing in page(w.member, language)


def count_queries(user: User) -> int:
    client = client_for(user)
    client.get("/en/my-work/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/my-work/").status_code == 200
    return len(queries)


def test_the_page_reads_the_same_queries_with_ten_times_the_waiting_things(w):
    personas = [
        w.focal_point,
        w.continental_coordinator,
        w.committee_member,
        w.member_with_gaps,
        w.member,
    ]
    before = [count_queries(user) for user in personas]
    add_waiting_things(w, 10)
    after = [count_queries(user) for user in personas]

    assert after == before
    assert max(after) <= QUERY_BUDGET


# --- Kept for its reader (core/my_work.py, decision 0021) -----------------------------------
# A second visit reads no domain data, yet a change to the data, to the reader's roles or the
# mere passing of a deadline shows at once, and nobody ever gets someone else's list.

KEPT_MEETING = "Steering committee — regular meeting"


@pytest.fixture
def kept(settings):
    """The page cache on, as in production: "my work" is kept for its reader."""
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()


def visit(client) -> tuple[int, dict[str, list[str]]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/en/my-work/")
    assert response.status_code == 200
    return len(captured), waiting(response.content.decode())


def test_a_second_visit_reads_less_and_shows_the_same(w, kept):
    client = client_for(w.focal_point)
    first, sections = visit(client)
    again, same = visit(client)

    assert again < first
    assert same == sections and sections["Inputs due"] == [KEPT_MEETING]


def test_each_reader_gets_their_own_list(w, kept):
    visit(client_for(w.focal_point))

    _, coordinator = visit(client_for(w.continental_coordinator))
    _, member = visit(client_for(w.member))

    assert "awa@example.org" in coordinator["Invitations not accepted yet"]
    assert "Inputs due" not in member and "Invitations not accepted yet" not in member


def test_the_input_given_leaves_the_list_at_once(w, kept):
    client = client_for(w.focal_point)
    visit(client)

    AgendaInput.objects.create(
        item=AgendaItem.objects.get(title="Budget 2030"), network=w.benin, text="Agreed."
    )

    assert visit(client)[1]["Inputs due"] == ["Nothing is waiting for you here."]


def test_a_withdrawn_invitation_leaves_its_senders_list_at_once(w, kept):
    client = client_for(w.continental_coordinator)
    assert "awa@example.org" in visit(client)[1]["Invitations not accepted yet"]

    invitation_revoke(
        invitation=Invitation.objects.get(email="awa@example.org"),
        actor=w.continental_coordinator,
    )

    assert "awa@example.org" not in visit(client)[1].get("Invitations not accepted yet", [])


def test_a_role_given_shows_its_work_at_once(w, kept):
    client = client_for(w.member)
    assert "Inputs due" not in visit(client)[1]

    NetworkRole.objects.filter(user=w.member, network=w.benin).update(role=Role.FOCAL_POINT)
    # An update sends no signal: only the reader's own permissions changed.

    assert visit(client)[1]["Inputs due"] == [KEPT_MEETING]


def test_an_input_stops_being_due_when_its_deadline_passes(w, kept, monkeypatch):
    before = DEADLINE - datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: before)
    client = client_for(w.focal_point)
    visit(client)
    kept, sections = visit(client)
    assert sections["Inputs due"] == [KEPT_MEETING]

    after = DEADLINE + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: after)
    read_again, sections = visit(client)

    assert sections["Inputs due"] == ["Nothing is waiting for you here."]
    assert read_again > kept  # computed again, not served from what was kept


def test_a_network_losing_its_focal_point_shows_on_the_work_of_those_above_at_once(w, kept):
    client = client_for(w.continental_coordinator)
    assert "Input of INSP!R Bénin" not in str(client.get("/en/my-work/").content.decode())

    NetworkRole.objects.get(user=w.focal_point, network=w.benin).delete()

    assert "Input of INSP!R Bénin" in client.get("/en/my-work/").content.decode()


def test_a_focal_point_deactivated_shows_her_networks_work_above_at_once(w, kept):
    client = client_for(w.continental_coordinator)
    assert "Input of INSP!R Bénin" not in client.get("/en/my-work/").content.decode()

    w.focal_point.is_active = False
    w.focal_point.save()

    assert "Input of INSP!R Bénin" in client.get("/en/my-work/").content.decode()
