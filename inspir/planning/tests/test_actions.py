"""The plan's actions: written and changed by the plan's owners only, concurrent edits
refused, links checked, every state kept; the plan's pages in a fixed number of queries."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from inspir.core.errors import Invalid, Refused
from inspir.core.history import revisions
from inspir.core.versioning import EditConflict
from inspir.governance.models import Domain
from inspir.network.tests.factories import OrganisationFactory
from inspir.planning.models import ActionStatus, Indicator, PlanAction, PlanPeriod
from inspir.planning.services import actions as services
from inspir.planning.tests.factories import (
    IndicatorFactory,
    PlanActionFactory,
    StakeholderFactory,
)

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def edit_data(action: PlanAction, **changes) -> dict:
    data = {
        "version": action.version,
        "title": action.title,
        "description": action.description,
        "domain": action.domain,
        "status": action.status,
        "progress": action.progress,
        "starts_on": action.starts_on.isoformat() if action.starts_on else "",
        "ends_on": action.ends_on.isoformat() if action.ends_on else "",
        "note": "",
    }
    data.update(changes)
    return data


def test_the_owner_adds_an_action_and_the_plan_lists_it(client, w):
    client.force_login(w.coordinator)
    url = reverse("planning:action_create") + f"?network={w.africa.slug}"
    form = soup(client.get(url))
    assert form.find("input", attrs={"name": "title"})
    response = client.post(
        url,
        {
            "network": w.africa.pk,
            "period": w.period.pk,
            "title": "Study on informal workers' coverage",
            "description": "",
            "domain": Domain.LEARNING,
            "status": ActionStatus.PLANNED,
            "progress": 0,
            "lead_network": w.benin.pk,
            "strengthens": [],
            "note": "Decided at the Lomé meeting",
        },
    )
    assert response.status_code == 302
    action = PlanAction.objects.get(title="Study on informal workers' coverage")
    assert (action.network, action.lead_network, action.created_by) == (
        w.africa,
        w.benin,
        w.coordinator,
    )
    assert revisions(action).get().note == "Decided at the Lomé meeting"
    client.force_login(w.member)
    listed = soup(client.get(reverse("planning:plan") + f"?period={w.period.pk}"))
    assert "Study on informal workers' coverage" in listed.get_text()


def test_only_the_owners_change_an_action(client, w):
    for user, action, allowed in [
        (w.coordinator, w.africa_action, True),
        (w.coordinator, w.world_action, False),  # a role applies downward only
        (w.secretariat, w.world_action, True),  # the intercontinental committee's office
        (w.secretariat, w.africa_action, False),  # an office is for its network only
        (w.focal_point, w.africa_action, False),
        (w.member, w.africa_action, False),
    ]:
        client.force_login(user)
        response = client.get(reverse("planning:action_edit", args=[action.pk]))
        assert response.status_code == (200 if allowed else 404), (user, action)
        if not allowed:
            with pytest.raises(Refused):
                services.action_update(
                    action=action, actor=user, version=action.version, data={"progress": 90}
                )


def test_a_stale_save_is_refused_and_what_was_typed_is_kept(client, w):
    action = w.africa_action
    seen = edit_data(action, progress=60, description="Mine: three visits.")
    services.action_update(
        action=action, actor=w.coordinator, version=action.version, data={"progress": 55}
    )
    client.force_login(w.coordinator)
    response = client.post(reverse("planning:action_edit", args=[action.pk]), seen)
    page = soup(response)
    assert "Someone else saved this action" in page.get_text()
    assert "Mine: three visits." in page.find("textarea", attrs={"name": "description"}).text
    conflict = page.find(class_="edit-conflict") or page
    assert "55" in conflict.get_text()
    action.refresh_from_db()
    assert action.progress == 55 and action.description == "What the action does."
    with pytest.raises(EditConflict):
        services.action_update(
            action=action, actor=w.coordinator, version=action.version - 1, data={"progress": 1}
        )


def test_an_action_strengthens_actions_below_it_in_the_same_period_only(w):
    national = PlanActionFactory(period=w.period, network=w.benin, title="Bénin's own")
    services.action_update(
        action=w.world_action,
        actor=w.secretariat,
        version=w.world_action.version,
        data={"strengthens": [w.africa_action, national]},
    )
    assert set(w.world_action.strengthens.all()) == {w.africa_action, national}
    later = PlanPeriod.objects.create(
        name="2022–2023", starts_on=datetime.date(2022, 1, 1), ends_on=datetime.date(2023, 12, 31)
    )
    other_period = PlanActionFactory(period=later, network=w.africa)
    w.africa_action.refresh_from_db()
    for wrong in (w.world_action, other_period, w.africa_action):
        with pytest.raises(Invalid):
            services.action_update(
                action=w.africa_action,
                actor=w.coordinator,
                version=w.africa_action.version,
                data={"strengthens": [wrong]},
            )
    elsewhere = StakeholderFactory(network=w.latin)
    with pytest.raises(Invalid):
        services.action_update(
            action=w.africa_action,
            actor=w.coordinator,
            version=w.africa_action.version,
            data={"stakeholders": [elsewhere]},
        )


def test_one_lead_at_most(w):
    with pytest.raises(Invalid):
        services.action_update(
            action=w.africa_action,
            actor=w.coordinator,
            version=w.africa_action.version,
            data={"lead_network": w.benin, "lead_organisation": OrganisationFactory()},
        )


def test_links_are_kept_in_the_history_and_restored(client, w):
    action = w.world_action
    services.action_update(
        action=action,
        actor=w.secretariat,
        version=action.version,
        data={"strengthens": [w.africa_action], "progress": 70},
    )
    action.refresh_from_db()
    first = revisions(action).order_by("version").first()
    client.force_login(w.secretariat)
    detail = soup(client.get(reverse("core:revision_detail", args=["plan-action", action.pk, 2])))
    assert "Exchange visits in West Africa" in detail.get_text()
    client.post(
        reverse("core:revision_restore", args=["plan-action", action.pk, first.version]),
        {"version": action.version},
    )
    action.refresh_from_db()
    assert list(action.strengthens.all()) == [] and action.progress == 40


def test_indicators_are_saved_together_and_a_stale_page_is_refused(client, w):
    action = w.africa_action
    kept = IndicatorFactory(action=action, name="Visits held", target=6, actual=2)
    removed = IndicatorFactory(action=action, name="Old one")
    url = reverse("planning:action_indicators", args=[action.pk])
    client.force_login(w.coordinator)
    form = soup(client.get(url))
    assert form.find("input", attrs={"value": "Visits held"})
    data = {
        "version": action.version,
        "indicators-TOTAL_FORMS": "4",
        "indicators-INITIAL_FORMS": "2",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "50",
        "indicators-0-pk": kept.pk,
        "indicators-0-name": "Visits held",
        "indicators-0-target": "6",
        "indicators-0-actual": "4",
        "indicators-1-pk": removed.pk,
        "indicators-1-name": "Old one",
        "indicators-1-delete": "on",
        "indicators-2-name": "People trained",
        "indicators-2-unit": "people",
        "indicators-2-target": "120",
        "indicators-3-name": "",
    }
    assert client.post(url, data).status_code == 302
    assert {(i.name, i.actual) for i in action.indicators.all()} == {
        ("Visits held", 4),
        ("People trained", None),
    }
    # Figures with no name are refused, and nothing is written.
    action.refresh_from_db()
    bad = dict(data, version=action.version, **{"indicators-3-target": "9"})
    bad.pop("indicators-1-pk")
    response = client.post(url, bad)
    assert "Name the indicator" in response.content.decode()
    assert Indicator.objects.filter(action=action).count() == 2
    # A page loaded before another change is refused.
    response = client.post(url, dict(data, version=action.version - 1))
    assert "Someone else changed this action" in response.content.decode()


def test_periods_are_opened_by_the_owners_of_the_intercontinental_plan(client, w):
    with pytest.raises(Refused):
        services.period_create(
            actor=w.coordinator,
            name="2022–2023",
            starts_on=datetime.date(2022, 1, 1),
            ends_on=datetime.date(2023, 12, 31),
        )
    with pytest.raises(Invalid):
        services.period_create(
            actor=w.secretariat,
            name="2021–2022",
            starts_on=datetime.date(2021, 1, 1),
            ends_on=datetime.date(2022, 12, 31),
        )
    client.force_login(w.secretariat)
    response = client.post(
        reverse("planning:periods"),
        {"name": "2022–2023", "starts_on": "2022-01-01", "ends_on": "2023-12-31"},
    )
    assert response.status_code == 302
    assert PlanPeriod.objects.filter(name="2022–2023").exists()
    client.force_login(w.coordinator)
    assert (
        soup(client.get(reverse("planning:periods"))).find("input", attrs={"name": "starts_on"})
        is None
    )


def test_the_plan_flags_what_the_dashboard_flags(client, w):
    w.world_action.lead_network = None
    w.world_action.save()
    PlanActionFactory(
        period=w.period,
        network=w.africa,
        title="Late one",
        ends_on=datetime.date(2021, 1, 31),
        status=ActionStatus.ONGOING,
        lead_network=w.benin,
    )
    client.force_login(w.member)
    page = soup(client.get(reverse("planning:plan") + f"?period={w.period.pk}"))
    rows = {
        row.th.a.get_text(strip=True): row.th.get_text(" ", strip=True)
        for row in page.select("tbody tr")
    }
    assert "strengthens no action below" in rows["Work with the ILO"]
    assert "no lead" in rows["Work with the ILO"]
    assert "overdue" in rows["Late one"]
    assert "strengthens no action below" not in rows["Late one"]


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_plan_and_an_action_read_in_a_fixed_number_of_queries(client, w):
    action = w.world_action
    client.force_login(w.secretariat)
    urls = [
        reverse("planning:plan") + f"?period={w.period.pk}",
        action.get_absolute_url(),
        reverse("planning:action_edit", args=[action.pk]),
        reverse("planning:suggestion_list") + "?show=all",
    ]
    _queries(client, urls[0])
    few = [_queries(client, url) for url in urls]
    for number in range(12):
        other = PlanActionFactory(period=w.period, network=w.africa, title=f"More {number}")
        IndicatorFactory(action=action)
        action.strengthens.add(other)
        action.stakeholders.add(StakeholderFactory(network=w.africa))
    many = [_queries(client, url) for url in urls]
    assert many == few


def test_the_plan_reads_in_french_and_spanish(client, w):
    client.force_login(w.member)
    for language, word in (("fr", "Plan opérationnel"), ("es", "Plan operativo")):
        with translation.override(language):
            url = reverse("planning:plan")
        assert word in soup(client.get(url)).get_text(), language


def test_a_decisions_page_lists_the_plan_actions_that_came_from_it(client, w):
    from inspir.governance.tests.factories import CommitteeFactory, DecisionFactory

    decision = DecisionFactory(committee=CommitteeFactory(network=w.africa), title="Visits")
    w.africa_action.decisions.add(decision)
    client.force_login(w.member)
    page = soup(client.get(decision.get_absolute_url()))
    section = page.find("h2", string="Plan actions from this decision").find_parent("section")
    assert section.a["href"] == w.africa_action.get_absolute_url()
    assert "Exchange visits in West Africa" in section.get_text()
    # A decision of the intercontinental committee, linked to Africa's action: Latin America
    # reads the decision, not Africa's plan, and sees no section.
    top = DecisionFactory(committee=CommitteeFactory(network=w.world), title="For all")
    w.africa_action.decisions.add(top)
    client.force_login(w.latin_member)
    page = soup(client.get(top.get_absolute_url()))
    assert "Plan actions from this decision" not in page.get_text()
    client.force_login(w.member)
    assert "Plan actions from this decision" in soup(client.get(top.get_absolute_url())).get_text()


def test_the_plan_is_owned_as_the_table_of_who_may_do_what_says(w):
    from inspir.accounts.models import Role
    from inspir.accounts.permissions import Action
    from inspir.accounts.tests.factories import user_with_role
    from inspir.accounts.tests.permission_table import (
        COMMITTEE_MEMBER,
        COMMITTEE_OFFICE,
        COORDINATOR,
        FOCAL_POINT,
        MEMBER,
        SEAT_ONLY,
        YES,
        read_table,
    )
    from inspir.governance.models import Committee
    from inspir.governance.tests.factories import seat
    from inspir.network.tests.factories import PersonFactory
    from inspir.planning.permissions import owns_plan_of

    row = read_table()[Action.PLAN]
    for column, role in (
        (MEMBER, Role.MEMBER),
        (FOCAL_POINT, Role.FOCAL_POINT),
        (COORDINATOR, Role.COORDINATOR),
    ):
        user = user_with_role(w.africa, role)
        granted = row[column] == YES
        assert owns_plan_of(user, w.africa.pk) == granted, column
        assert owns_plan_of(user, w.benin.pk) == granted, column  # downward
        assert not owns_plan_of(user, w.world.pk), column  # never upward
    plain = user_with_role(w.benin, Role.MEMBER)
    plain.person = PersonFactory()
    plain.save()
    seat(Committee.objects.get(network=w.world), plain.person)
    assert owns_plan_of(plain, w.world.pk) == (row[COMMITTEE_MEMBER] == SEAT_ONLY)
    # The secretariat of the intercontinental committee: that network only.
    assert owns_plan_of(w.secretariat, w.world.pk) == (row[COMMITTEE_OFFICE] == SEAT_ONLY)
    assert not owns_plan_of(w.secretariat, w.africa.pk)


def test_the_search_finds_an_action_by_a_word_of_its_translation(client, w):
    from django.contrib.contenttypes.models import ContentType

    from inspir.core.models import TextOriginal, TextStatus, TextTranslation

    original = TextOriginal.objects.get(
        content_type=ContentType.objects.get_for_model(PlanAction),
        object_id=w.africa_action.pk,
        field="title",
    )
    TextTranslation.objects.create(
        original=original,
        language="es",
        text="Visitas de intercambio en África occidental",
        status=TextStatus.TRANSLATED,
        source_revision=original.revision,
        source_text=w.africa_action.title,
    )
    client.force_login(w.member)
    found = soup(client.get(reverse("core:search") + "?q=intercambio")).get_text()
    assert "Exchange visits in West Africa" in found
    client.force_login(w.latin_member)  # reads no plan of Africa
    found = soup(client.get(reverse("core:search") + "?q=intercambio")).get_text()
    assert "Exchange visits in West Africa" not in found


def test_an_action_links_only_to_what_its_reader_may_open(client, w):
    w.world_action.strengthens.add(w.africa_action)
    client.force_login(w.latin_member)  # reads the intercontinental plan, not Africa's
    page = soup(client.get(w.world_action.get_absolute_url()))
    assert not page.find("a", href=w.africa_action.get_absolute_url())
    client.force_login(w.member)  # Bénin reads Africa's plan
    page = soup(client.get(w.world_action.get_absolute_url()))
    assert page.find("a", href=w.africa_action.get_absolute_url())
