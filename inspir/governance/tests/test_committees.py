"""Committees: composition against the rules, the committee pages, managing mandates."""

import datetime
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import UserFactory, add_second_factor, user_with_role
from inspir.core.models import AuditEntry
from inspir.governance.models import Mandate, SeatKind, SeatRole
from inspir.governance.permissions import can_govern
from inspir.governance.selectors.committees import (
    ViolationKind,
    committee_composition,
    steering_committee_members,
)
from inspir.governance.services import committees as services
from inspir.governance.tests.factories import (
    CommitteeFactory,
    MandateFactory,
    SeatRuleFactory,
)
from inspir.network.models import Level, Person
from inspir.network.tests.factories import (
    NetworkFactory,
    PersonFactory,
    continental,
    member_of,
    national,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


@pytest.fixture
def world():
    """An intercontinental committee with 2 representative seats (at least 1) for Africa,
    who must sit on Africa's own committee, an advisory coordinator and a facilitator."""
    top = NetworkFactory(level=Level.INTERCONTINENTAL, slug="world")
    africa = continental(top, slug="africa", name="Africa network")
    committee = CommitteeFactory(network=top)
    africa_committee = CommitteeFactory(network=africa)
    africa_member_rule = SeatRuleFactory(committee=africa_committee, role=SeatRole.MEMBER, seats=5)
    reps = SeatRuleFactory(
        committee=committee,
        constituency_network=africa,
        seats=2,
        minimum=1,
        from_network_committee=True,
        position=0,
    )
    advisory = SeatRuleFactory(
        committee=committee,
        role=SeatRole.THEMATIC_COORDINATOR,
        kind=SeatKind.ADVISORY,
        constituency_network=africa,
        position=1,
    )
    facilitation = SeatRuleFactory(
        committee=committee,
        role=SeatRole.COORDINATING_ORGANISATION,
        kind=SeatKind.FACILITATION,
        minimum=1,
        position=2,
    )
    organisation = member_of(africa)
    people = [PersonFactory(organisation=organisation, name=f"Rep {n}") for n in range(2)]
    for person in people:
        MandateFactory(rule=reps, person=person)
        MandateFactory(rule=africa_member_rule, person=person)
    coordinator = PersonFactory(name="Advisor")
    MandateFactory(rule=advisory, person=coordinator)
    facilitator = PersonFactory(name="Facilitator")
    MandateFactory(rule=facilitation, person=facilitator)
    return SimpleNamespace(
        top=top,
        africa=africa,
        committee=committee,
        africa_committee=africa_committee,
        africa_member_rule=africa_member_rule,
        reps=reps,
        advisory=advisory,
        facilitation=facilitation,
        people=people,
        organisation=organisation,
    )


def kinds(composition) -> list[str]:
    return [violation.kind for violation in composition.violations]


# --- Composition -------------------------------------------------------------------------------


def test_a_committee_filled_by_its_rules_has_no_violation_and_no_vacancy(world):
    composition = committee_composition(world.committee, on=TODAY)

    assert composition.violations == []
    assert composition.vacancy_count == 0
    assert composition.members == 3  # two representatives and the advisor; not the facilitator
    assert [group.name for group in composition.groups] == ["Africa network"]
    assert [seats.rule for seats in composition.groups[0].seats] == [world.reps, world.advisory]
    assert [seats.rule for seats in composition.facilitation] == [world.facilitation]


def test_one_representative_short_of_the_seats_but_at_the_minimum_is_a_vacancy(world):
    Mandate.objects.filter(person=world.people[0], rule=world.reps).delete()

    composition = committee_composition(world.committee, on=TODAY)

    assert composition.violations == []
    assert [(seats.rule, seats.vacancies) for seats in composition.vacancies] == [(world.reps, 1)]


def test_below_the_minimum_is_a_violation(world):
    Mandate.objects.filter(rule=world.reps).delete()

    composition = committee_composition(world.committee, on=TODAY)

    assert kinds(composition) == [ViolationKind.TOO_FEW]
    assert "at least 1" in composition.violations[0].message


def test_a_third_representative_for_a_network_is_a_violation(world):
    extra = PersonFactory(name="Third")
    MandateFactory(rule=world.reps, person=extra)
    MandateFactory(rule=world.africa_member_rule, person=extra)

    composition = committee_composition(world.committee, on=TODAY)

    assert kinds(composition) == [ViolationKind.TOO_MANY]
    assert "3 for 2 seats" in composition.violations[0].message


def test_a_representative_who_left_the_network_committee_is_a_violation(world):
    Mandate.objects.filter(person=world.people[1], rule=world.africa_member_rule).update(
        end_date=TODAY - datetime.timedelta(days=1)
    )

    composition = committee_composition(world.committee, on=TODAY)

    assert kinds(composition) == [ViolationKind.NOT_ON_NETWORK_COMMITTEE]
    assert composition.violations[0].mandate.person == world.people[1]
    assert "Rep 1" in composition.violations[0].message


def test_mandates_ending_within_60_days_are_listed_and_ended_ones_are_gone(world):
    Mandate.objects.filter(person=world.people[0], rule=world.reps).update(
        end_date=TODAY + datetime.timedelta(days=60)
    )
    Mandate.objects.filter(person=world.people[1], rule=world.reps).update(
        end_date=TODAY + datetime.timedelta(days=61)
    )

    soon = committee_composition(world.committee, on=TODAY).ending_soon
    later = committee_composition(world.committee, on=TODAY + datetime.timedelta(days=62))

    assert [mandate.person for mandate in soon] == [world.people[0]]
    assert later.members == 1 and kinds(later) == [ViolationKind.TOO_FEW]


def test_the_composition_takes_a_fixed_number_of_queries(world, django_assert_num_queries):
    with django_assert_num_queries(3):
        committee_composition(world.committee, on=TODAY)


def test_the_steering_committee_figure_counts_voting_and_advisory_seats_only(world):
    assert steering_committee_members(TODAY) == 3

    MandateFactory(rule=world.facilitation, person=PersonFactory())
    assert steering_committee_members(TODAY) == 3

    Mandate.objects.filter(rule=world.advisory).update(end_date=TODAY - datetime.timedelta(days=1))
    assert steering_committee_members(TODAY) == 2


# --- Pages -------------------------------------------------------------------------------------


def page(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_governance_home_lists_committees_intercontinental_first_with_member_counts(
    client, world
):
    soup = page(client.get(reverse("governance:committee_list")))

    headings = [h.get_text(strip=True) for h in soup.select("main h2")]
    assert headings == ["Intercontinental", "Continental"]
    assert soup.select_one('[data-members="world"]').get_text() == "3"
    assert soup.select_one('[data-members="africa"]').get_text() == "2"


def test_the_public_sees_the_composition_but_not_the_checks(client, world):
    url = reverse("governance:committee_detail", kwargs={"slug": "world"})
    Mandate.objects.filter(rule=world.reps, person=world.people[0]).delete()

    soup = page(client.get(url))

    names = [th.get_text(strip=True) for th in soup.select("table th[scope=row]")]
    assert names == ["Rep 1", "Advisor", "Facilitator"]
    assert not soup.select("[data-vacancy]")
    assert "Checks against the rules" not in soup.get_text()
    assert "Add a mandate" not in soup.get_text()


def test_members_of_the_network_see_vacancies_violations_and_ending_mandates(client, world):
    Mandate.objects.filter(rule=world.reps, person=world.people[0]).update(
        end_date=timezone.localdate() + datetime.timedelta(days=10)
    )
    Mandate.objects.filter(rule=world.africa_member_rule, person=world.people[1]).delete()
    client.force_login(user_with_role(world.africa, Role.MEMBER))

    soup = page(client.get(reverse("governance:committee_detail", kwargs={"slug": "world"})))

    assert [li["data-violation"] for li in soup.select("[data-violation]")] == [
        ViolationKind.NOT_ON_NETWORK_COMMITTEE
    ]
    assert len(soup.select("[data-ending]")) == 1
    assert "Add a mandate" not in soup.get_text()  # members read; coordinators manage


def test_an_unknown_committee_is_not_found(client, world):
    response = client.get(reverse("governance:committee_detail", kwargs={"slug": "nowhere"}))

    assert response.status_code == 404


def test_committee_pages_keep_their_query_count_with_ten_times_the_mandates(client, world):
    """N rows and 10×N rows give the same number of queries, within budget."""

    def add_members(count: int) -> None:
        rule = SeatRuleFactory(committee=world.africa_committee, seats=100)
        for _ in range(count):
            MandateFactory(rule=rule, person=PersonFactory(organisation=world.organisation))
        CommitteeFactory(network=continental(world.top))

    coordinator = user_with_role(world.top, Role.COORDINATOR)
    client.force_login(coordinator)
    urls = [
        reverse("governance:committee_list"),
        reverse("governance:committee_detail", kwargs={"slug": "africa"}),
    ]

    def counts() -> list[int]:
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    add_members(3)
    small = counts()
    add_members(30)
    large = counts()

    assert small == large
    assert max(large) <= 10


# --- Managing mandates -------------------------------------------------------------------------


@pytest.fixture
def coordinator_client(client, world):
    client.force_login(user_with_role(world.top, Role.COORDINATOR))
    return client


def test_a_coordinator_adds_a_mandate_and_it_is_audited(coordinator_client, world):
    newcomer = PersonFactory(organisation=world.organisation, name="Newcomer")
    url = reverse("governance:mandate_create", kwargs={"slug": "world"})
    assert "Newcomer" in coordinator_client.get(url).content.decode()

    response = coordinator_client.post(
        url,
        {"rule": world.advisory.pk, "person": newcomer.pk, "start_date": "2026-01-01"},
    )

    assert response.status_code == 302
    assert Mandate.objects.filter(person=newcomer, committee=world.committee).exists()
    assert AuditEntry.objects.filter(action="governance.mandate.created").count() == 1


def test_an_overlapping_mandate_is_refused_and_the_form_keeps_what_was_typed(
    coordinator_client, world
):
    url = reverse("governance:mandate_create", kwargs={"slug": "world"})

    response = coordinator_client.post(
        url,
        {
            "rule": world.advisory.pk,
            "person": world.people[0].pk,
            "start_date": "2025-03-04",
            "note": "kept note",
        },
    )

    soup = page(response)
    assert "cannot overlap" in soup.get_text()
    assert soup.select_one("#id_start_date")["value"] == "2025-03-04"
    assert soup.select_one("#id_note")["value"] == "kept note"
    assert Mandate.objects.filter(person=world.people[0], committee=world.committee).count() == 1


def test_a_mandate_ending_before_it_starts_is_refused(coordinator_client, world):
    url = reverse("governance:mandate_create", kwargs={"slug": "world"})

    soup = page(
        coordinator_client.post(
            url,
            {
                "rule": world.advisory.pk,
                "person": PersonFactory(organisation=world.organisation).pk,
                "start_date": "2026-03-04",
                "end_date": "2026-03-03",
            },
        )
    )

    assert "cannot end before it starts" in soup.get_text()
    assert not Mandate.objects.filter(start_date=datetime.date(2026, 3, 4)).exists()


def test_a_person_outside_the_network_is_chosen_from_everyone(coordinator_client, world):
    outsider = PersonFactory(name="Outsider")
    url = reverse("governance:mandate_create", kwargs={"slug": "africa"})

    assert "Outsider" not in coordinator_client.get(url).content.decode()
    assert "Outsider" in coordinator_client.get(url + "?people=all").content.decode()
    response = coordinator_client.post(
        url + "?people=all",
        {"rule": world.africa_member_rule.pk, "person": outsider.pk, "start_date": "2026-01-01"},
    )
    assert response.status_code == 302


def test_a_coordinator_ends_a_mandate(coordinator_client, world):
    mandate = Mandate.objects.get(person=world.people[0], rule=world.reps)
    url = reverse("governance:mandate_end", kwargs={"pk": mandate.pk})
    assert page(coordinator_client.get(url)).select_one("#id_end_date")

    response = coordinator_client.post(url, {"end_date": "2026-02-01", "seen_end_date": ""})

    assert response.status_code == 302
    mandate.refresh_from_db()
    assert mandate.end_date == datetime.date(2026, 2, 1)
    entry = AuditEntry.objects.get(action="governance.mandate.ended")
    assert entry.changes == {"end_date": [None, "2026-02-01"]}


def test_ending_a_mandate_someone_changed_meanwhile_overwrites_nothing(coordinator_client, world):
    mandate = Mandate.objects.get(person=world.people[0], rule=world.reps)
    url = reverse("governance:mandate_end", kwargs={"pk": mandate.pk})
    Mandate.objects.filter(pk=mandate.pk).update(end_date=datetime.date(2026, 5, 1))

    soup = page(coordinator_client.post(url, {"end_date": "2026-02-01", "seen_end_date": ""}))

    assert "Someone else changed the end of this mandate" in soup.get_text()
    assert soup.select_one("#id_end_date")["value"] == "2026-02-01"
    mandate.refresh_from_db()
    assert mandate.end_date == datetime.date(2026, 5, 1)
    # Saving again, having seen the new date, goes through.
    coordinator_client.post(url, {"end_date": "2026-02-01", "seen_end_date": "2026-05-01"})
    mandate.refresh_from_db()
    assert mandate.end_date == datetime.date(2026, 2, 1)


def test_ending_before_the_start_is_refused(coordinator_client, world):
    mandate = Mandate.objects.get(person=world.people[0], rule=world.reps)
    url = reverse("governance:mandate_end", kwargs={"pk": mandate.pk})

    soup = page(coordinator_client.post(url, {"end_date": "2019-01-01", "seen_end_date": ""}))

    assert "cannot end before it starts" in soup.get_text()
    mandate.refresh_from_db()
    assert mandate.end_date is None


@pytest.mark.parametrize("who", ["committee_member", "network_member", "other_coordinator"])
def test_only_coordinators_of_the_network_manage_mandates(client, world, who):
    if who == "committee_member":
        user = UserFactory(person=world.people[0])  # sits on the committee, no role
    elif who == "network_member":
        user = user_with_role(world.top, Role.MEMBER)
    else:
        user = user_with_role(world.africa, Role.COORDINATOR)  # below the top network
    client.force_login(user)
    mandate = Mandate.objects.get(person=world.people[0], rule=world.reps)

    create = reverse("governance:mandate_create", kwargs={"slug": "world"})
    end = reverse("governance:mandate_end", kwargs={"pk": mandate.pk})

    assert client.get(create).status_code == 404
    assert client.post(end, {"end_date": "2026-02-01", "seen_end_date": ""}).status_code == 404
    mandate.refresh_from_db()
    assert mandate.end_date is None


def test_anonymous_visitors_are_sent_to_log_in_to_manage_mandates(client, world):
    response = client.get(reverse("governance:mandate_create", kwargs={"slug": "world"}))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_services_refuse_those_who_may_not_govern(world):
    member = user_with_role(world.top, Role.MEMBER)

    with pytest.raises(ValidationError):
        services.mandate_create(
            actor=member,
            committee=world.committee,
            rule=world.advisory,
            person=PersonFactory(),
            start_date=TODAY,
        )


def test_seat_rules_are_changed_with_a_check_of_the_minimum(world):
    staff = UserFactory(is_staff=True)

    with pytest.raises(ValidationError) as refused:
        services.seat_rule_update(actor=staff, rule=world.reps, seats=1, minimum=2)
    assert "minimum" in refused.value.message_dict

    services.seat_rule_update(actor=staff, rule=world.reps, seats=3, minimum=1)
    rule = services.seat_rule_create(actor=staff, committee=world.committee, seats=1, minimum=1)

    assert committee_composition(world.committee, on=TODAY).vacancy_count == 2
    assert rule in [seats.rule for seats in committee_composition(world.committee).all_seats]
    assert AuditEntry.objects.filter(action__startswith="governance.seat_rule.").count() == 2


def test_staff_find_mandates_in_the_admin(client, world):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    listing = client.get(reverse("admin:governance_mandate_changelist") + "?q=Advisor")
    committee = client.get(reverse("admin:governance_committee_change", args=[world.committee.pk]))

    assert listing.status_code == 200 and "Advisor" in listing.content.decode()
    assert "Rep 0" not in listing.content.decode()
    assert committee.status_code == 200


def test_a_coordinator_adds_a_seat_and_it_shows_as_a_vacancy(coordinator_client, world):
    url = reverse("governance:seat_rule_create", kwargs={"slug": "world"})
    assert "Africa network" in coordinator_client.get(url).content.decode()

    response = coordinator_client.post(
        url,
        {
            "role": SeatRole.REPRESENTATIVE,
            "kind": SeatKind.VOTING,
            "constituency_network": world.africa.pk,
            "seats": "1",
            "minimum": "0",
            "position": "5",
        },
    )

    assert response.status_code == 302
    soup = page(coordinator_client.get(reverse("governance:committee_detail", args=["world"])))
    assert len(soup.select("[data-vacancy]")) == 1
    assert AuditEntry.objects.filter(action="governance.seat_rule.created").exists()


def test_a_seat_whose_minimum_exceeds_its_seats_is_refused_keeping_the_input(
    coordinator_client, world
):
    url = reverse("governance:seat_rule_create", kwargs={"slug": "world"})

    soup = page(
        coordinator_client.post(
            url,
            {
                "role": SeatRole.CHAIR,
                "kind": SeatKind.VOTING,
                "seats": "1",
                "minimum": "3",
                "position": "7",
            },
        )
    )

    assert "cannot be more than the number of seats" in soup.get_text()
    assert soup.select_one("#id_minimum")["value"] == "3"
    assert not world.committee.rules.filter(role=SeatRole.CHAIR).exists()


def test_changing_a_seat_someone_changed_meanwhile_overwrites_nothing(coordinator_client, world):
    url = reverse("governance:seat_rule_edit", kwargs={"pk": world.reps.pk})
    form = page(coordinator_client.get(url))
    assert form.select_one("#id_seen_seats")["value"] == "2"
    type(world.reps).objects.filter(pk=world.reps.pk).update(seats=4)

    soup = page(
        coordinator_client.post(
            url, {"seats": "3", "minimum": "1", "seen_seats": "2", "seen_minimum": "1"}
        )
    )

    assert "Someone else changed this seat" in soup.get_text()
    assert soup.select_one("#id_seats")["value"] == "3"
    world.reps.refresh_from_db()
    assert world.reps.seats == 4
    response = coordinator_client.post(
        url, {"seats": "3", "minimum": "1", "seen_seats": "4", "seen_minimum": "1"}
    )
    assert response.status_code == 302
    world.reps.refresh_from_db()
    assert world.reps.seats == 3


def test_members_cannot_change_seats(client, world):
    client.force_login(user_with_role(world.top, Role.MEMBER))

    assert client.get(reverse("governance:seat_rule_create", args=["world"])).status_code == 404
    response = client.post(
        reverse("governance:seat_rule_edit", args=[world.reps.pk]),
        {"seats": "9", "minimum": "1", "seen_seats": "2", "seen_minimum": "1"},
    )
    assert response.status_code == 404
    world.reps.refresh_from_db()
    assert world.reps.seats == 2


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("member", False),
        ("focal_point", False),
        ("sibling_coordinator", False),
        ("coordinator", True),
        ("continental_coordinator", True),
        ("staff", True),
    ],
)
def test_managing_a_national_committee_follows_the_coordinators_of_the_network(
    client, world, role, allowed
):
    benin, togo = national(world.africa, slug="benin"), national(world.africa, slug="togo")
    committee = CommitteeFactory(network=benin)
    rule = SeatRuleFactory(committee=committee)
    mandate = MandateFactory(rule=rule)
    users = {
        "member": lambda: user_with_role(benin, Role.MEMBER),
        "focal_point": lambda: user_with_role(benin, Role.FOCAL_POINT),
        "sibling_coordinator": lambda: user_with_role(togo, Role.COORDINATOR),
        "coordinator": lambda: user_with_role(benin, Role.COORDINATOR),
        "continental_coordinator": lambda: user_with_role(world.africa, Role.COORDINATOR),
        "staff": lambda: UserFactory(is_staff=True, is_superuser=True),
    }
    client.force_login(users[role]())
    urls = [
        reverse("governance:mandate_create", args=["benin"]),
        reverse("governance:mandate_end", args=[mandate.pk]),
        reverse("governance:seat_rule_create", args=["benin"]),
        reverse("governance:seat_rule_edit", args=[rule.pk]),
    ]

    statuses = {client.get(url).status_code for url in urls}
    posted = {client.post(url, {}).status_code for url in urls}  # empty: refused by the form

    assert statuses == posted == ({200} if allowed else {404})
    # Everyone may read the committee page.
    assert client.get(reverse("governance:committee_detail", args=["benin"])).status_code == 200


def test_the_coordinator_gives_a_seat_its_office_and_its_holders_govern(coordinator_client, world):
    """An office is data on the seat rule: given to the facilitation seat, its holder becomes
    the secretariat and schedules the committee's meetings; taken away, they no longer do."""
    facilitator = UserFactory(person=Person.objects.get(name="Facilitator"))
    add_second_factor(facilitator)
    url = reverse("governance:seat_rule_edit", kwargs={"pk": world.facilitation.pk})
    assert not can_govern(facilitator, world.top)

    response = coordinator_client.post(
        url,
        {
            "seats": "1",
            "minimum": "1",
            "office": "secretariat",
            "seen_seats": "1",
            "seen_minimum": "1",
        },
    )

    assert response.status_code == 302
    facilitator = type(facilitator).objects.get(pk=facilitator.pk)  # a new request's user
    assert can_govern(facilitator, world.top)
    entry = AuditEntry.objects.get(action="governance.seat_rule.updated")
    assert entry.changes["office"] == ["", "secretariat"]
    coordinator_client.post(
        url, {"seats": "1", "minimum": "1", "office": "", "seen_seats": "1", "seen_minimum": "1"}
    )
    facilitator = type(facilitator).objects.get(pk=facilitator.pk)
    assert not can_govern(facilitator, world.top)
