"""The plan's dashboard: figures by domain and by network, the lists of actions needing
attention, the reader's scope, and a fixed number of queries."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.core.models import TextOriginal, TextStatus, TextTranslation
from inspir.governance.models import Domain
from inspir.network.tests.factories import (
    NetworkFactory,
    OrganisationFactory,
    national,
)
from inspir.planning import rules
from inspir.planning.charts import BAR_SPACE
from inspir.planning.models import ActionStatus, PlanAction
from inspir.planning.selectors.dashboard import (
    LIST_LIMIT,
    lacks_lead_q,
    overdue_q,
    strengthens_none_q,
    subsidiary_levels,
)
from inspir.planning.tests.factories import PlanActionFactory, PlanPeriodFactory

pytestmark = pytest.mark.django_db

SVG = "http://www.w3.org/2000/svg"


@pytest.fixture
def w(tree):
    return tree


def today() -> datetime.date:
    return timezone.localdate()


def calm(**fields: object) -> PlanAction:
    """An action that needs no attention: led, ending in the future, of a national network."""
    values: dict[str, object] = {
        "status": ActionStatus.ONGOING,
        "ends_on": today() + datetime.timedelta(days=60),
        "starts_on": today() - datetime.timedelta(days=60),
    }
    values.update(fields)
    if "lead_network" not in values and "lead_person" not in values:
        values.setdefault("lead_organisation", OrganisationFactory())
    return PlanActionFactory(**values)


def page(client, user, language: str = "en", **query: object) -> BeautifulSoup:
    client.force_login(user)
    with translation.override(language):
        url = reverse("planning:dashboard")
    response = client.get(url, query)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def table_rows(soup: BeautifulSoup, caption: str) -> dict[str, list[str]]:
    table = next(t for t in soup.select("table") if t.caption.get_text(strip=True) == caption)
    return {
        row.th.get_text(" ", strip=True): [td.get_text(" ", strip=True) for td in row.select("td")]
        for row in table.select("tbody tr")
    }


def listed_titles(soup: BeautifulSoup, heading_id: str) -> list[str]:
    """The titles listed under a heading, up to the next heading."""
    titles = []
    for sibling in soup.find(id=heading_id).find_next_siblings():
        if sibling.name == "h2":
            break
        titles += [a.get_text(strip=True) for a in sibling.select("li a")]
    return titles


# --- Figures -------------------------------------------------------------------------------------


def test_each_domain_shows_the_mean_progress_and_counts_of_its_actions(client, w):
    calm(network=w.benin, domain=Domain.ADVOCACY, progress=20)
    calm(network=w.benin, domain=Domain.ADVOCACY, progress=60, status=ActionStatus.DONE)
    calm(network=w.africa, domain=Domain.ADVOCACY, progress=70)
    calm(network=w.benin, domain=Domain.LEARNING, progress=100, status=ActionStatus.DONE)
    calm(network=w.nepal, domain=Domain.LEARNING, progress=0)  # not the reader's to read

    soup = page(client, user_with_role(w.benin, Role.MEMBER))

    rows = table_rows(soup, "Mean progress by domain")
    assert rows["Advocacy"] == ["3", "1", "50\xa0%"]
    assert rows["Learning and capacity building"] == ["1", "1", "100\xa0%"]
    assert rows["Communication"] == ["0", "0", "—"]
    assert rows["Financing social protection"] == ["0", "0", "—"]
    figures = [li.get_text(" ", strip=True) for li in soup.select(".figures li")]
    assert figures == ["4 actions", "2 done", "63\xa0% mean progress"]


def test_each_network_shows_its_figures_and_the_networks_without_actions_are_named(client, w):
    calm(network=w.benin, progress=30)
    calm(network=w.benin, progress=50, status=ActionStatus.DONE)
    calm(network=w.top, progress=10)

    soup = page(client, user_with_role(w.benin, Role.MEMBER))

    rows = table_rows(soup, "Mean progress by network")
    assert list(rows) == [
        "INSP!R International (Intercontinental)",
        "INSP!R Bénin (National)",
    ]  # from the top down
    assert rows["INSP!R Bénin (National)"] == ["2", "1", "40\xa0%"]
    assert rows["INSP!R International (Intercontinental)"] == ["1", "0", "10\xa0%"]
    assert "No action yet in the plan of: INSP!R Afrique" in soup.get_text()


def test_the_charts_draw_the_table_s_figures_as_images(client, w):
    calm(network=w.benin, domain=Domain.ADVOCACY, progress=50)
    calm(network=w.benin, domain=Domain.LEARNING, progress=100)

    soup = page(client, user_with_role(w.benin, Role.MEMBER))

    charts = soup.select("svg")
    assert [svg["role"] for svg in charts] == ["img", "img"]
    domains = charts[0]
    assert domains.title.get_text() == "Mean progress by domain"
    widths = {
        group.find("text").get_text(): float(group.find("rect", class_="chart-bar")["width"])
        for group in domains.find_all("g")
        if group.find("rect", class_="chart-bar")
    }
    assert widths == {
        "Learning and capacity building": pytest.approx(BAR_SPACE),
        "Advocacy": pytest.approx(BAR_SPACE / 2),
    }
    # Each chart is followed by its table.
    assert charts[0].find_next("table").caption.get_text() == "Mean progress by domain"
    assert charts[1].find_next("table").caption.get_text() == "Mean progress by network"


def test_the_page_reads_in_french(client, w):
    calm(network=w.benin, domain=Domain.ADVOCACY, progress=50)

    soup = page(client, user_with_role(w.benin, Role.MEMBER), language="fr")

    assert soup.html["lang"] == "fr"
    assert "Advocacy" not in table_rows(soup, soup.select("table caption")[0].get_text(strip=True))


# --- What needs attention ------------------------------------------------------------------------


def test_overdue_actions_are_listed_and_others_are_not(client, w):
    late = calm(network=w.benin, title="Late one", ends_on=today() - datetime.timedelta(days=3))
    calm(
        network=w.benin,
        title="Finished late",
        ends_on=today() - datetime.timedelta(days=3),
        status=ActionStatus.DONE,
    )
    calm(network=w.benin, title="On time")

    soup = page(client, user_with_role(w.benin, Role.MEMBER))

    assert listed_titles(soup, "overdue") == ["Late one"]
    item = soup.find(id="overdue").find_next("ul").li
    assert item.a["href"] == late.get_absolute_url()
    assert "INSP!R Bénin" in item.get_text()
    assert soup.find(id="overdue").get_text(strip=True) == "Overdue actions (1)"


def test_actions_without_a_lead_are_listed_and_led_ones_are_not(client, w):
    calm(network=w.benin, title="Nobody leads", lead_organisation=None)
    calm(
        network=w.benin,
        title="Dropped, nobody leads",
        lead_organisation=None,
        status=ActionStatus.DROPPED,
    )
    calm(network=w.benin, title="Led by a network", lead_network=w.africa)
    calm(network=w.benin, title="Led by an organisation")

    soup = page(client, user_with_role(w.benin, Role.MEMBER))

    assert listed_titles(soup, "without-lead") == ["Nobody leads"]


def test_international_actions_that_strengthen_nothing_below_are_flagged(client, w):
    below = calm(network=w.benin, title="Benin's campaign")
    serving = calm(network=w.top, title="Serves Benin")
    serving.strengthens.add(below)
    calm(network=w.top, title="Serves nobody")
    calm(network=w.africa, title="Continental, serves nobody")  # not a subsidiary level

    soup = page(client, user_with_role(w.benin, Role.MEMBER))

    assert listed_titles(soup, "subsidiarity") == ["Serves nobody"]
    explained = soup.find(id="subsidiarity").find_next("p").get_text()
    assert explained == (
        "What is done internationally should strengthen the continental and national "
        "networks' actions: these strengthen none yet."
    )


def test_a_long_list_is_cut_and_says_how_many_more(client, w):
    for number in range(LIST_LIMIT + 3):
        calm(network=w.benin, title=f"Late {number}", ends_on=today() - datetime.timedelta(days=1))

    soup = page(client, user_with_role(w.benin, Role.MEMBER))

    assert len(listed_titles(soup, "overdue")) == LIST_LIMIT
    assert "And 3 more." in soup.find(id="overdue").find_next("ul").find_next("p").get_text()


def test_the_lists_conditions_say_what_the_rules_say():
    """The database's conditions and `planning/rules.py` agree on every kind of action."""
    top, low = NetworkFactory(), national()
    now = today()
    lead = OrganisationFactory()
    for network in (top, low):
        for status in ActionStatus.values:
            for ends_on in (
                None,
                now - datetime.timedelta(days=1),
                now,
                now + datetime.timedelta(days=1),
            ):
                for led in (True, False):
                    PlanActionFactory(
                        network=network,
                        status=status,
                        ends_on=ends_on,
                        starts_on=None,
                        lead_organisation=lead if led else None,
                    )
    below = PlanActionFactory(network=low)
    PlanAction.objects.filter(network=top).first().strengthens.add(below)
    actions = list(PlanAction.objects.select_related("network"))

    assert set(PlanAction.objects.filter(overdue_q(now)).values_list("pk", flat=True)) == {
        a.pk for a in actions if rules.is_overdue(a, now)
    }
    assert set(PlanAction.objects.filter(lacks_lead_q()).values_list("pk", flat=True)) == {
        a.pk for a in actions if rules.lacks_lead(a)
    }
    assert set(PlanAction.objects.filter(strengthens_none_q()).values_list("pk", flat=True)) == {
        a.pk
        for a in actions
        if rules.must_strengthen(a.network.level) and not a.strengthens.exists()
    }
    assert subsidiary_levels() == ["intercontinental"]


def test_titles_are_read_in_the_reader_s_language(client, w):
    action = calm(network=w.benin, title="Exchange visits", lead_organisation=None)
    original = TextOriginal.objects.get(
        content_type=ContentType.objects.get_for_model(PlanAction),
        object_id=action.pk,
        field="title",
    )
    TextTranslation.objects.create(
        original=original,
        language="fr",
        text="Visites d'échange",
        source_revision=original.revision,
        source_text=action.title,
        status=TextStatus.TRANSLATED,
    )
    untranslated = calm(network=w.benin, title="Advocacy days", lead_organisation=None)

    soup = page(client, user_with_role(w.benin, Role.MEMBER), language="fr")

    items = soup.find(id="without-lead").find_next("ul").select("li")
    texts = [li.a.get_text(" ", strip=True) for li in items]
    assert "Visites d'échange" in texts
    marked = next(li for li in items if li.a["href"] == untranslated.get_absolute_url())
    assert marked.a.find(lang="en").get_text() == "Advocacy days"  # the original, marked
    assert "(EN)" in marked.a.get_text()


# --- Scope ---------------------------------------------------------------------------------------


def test_actions_of_networks_the_reader_cannot_read_never_appear(client, w):
    calm(
        network=w.nepal,
        title="Nepal's secret",
        lead_organisation=None,
        ends_on=today() - datetime.timedelta(days=1),
    )
    calm(network=w.benin, title="Benin's own", progress=80)
    member = user_with_role(w.benin, Role.MEMBER)

    for query in ({}, {"network": "nepal"}, {"network": "asia"}):
        soup = page(client, member, **query)
        text = soup.get_text()
        assert "Nepal's secret" not in text
        assert "INSP!R Nepal" not in text
        assert "INSP!R Asia" not in text
        assert table_rows(soup, "Mean progress by network") == {
            "INSP!R Bénin (National)": ["1", "0", "80\xa0%"]
        }
    options = [option["value"] for option in page(client, member).select("#id_network option")]
    assert options == ["", "international", "afrique", "benin"]


def test_one_network_chosen_shows_its_actions_only(client, w):
    calm(network=w.benin, progress=80)
    calm(network=w.africa, progress=20)

    soup = page(client, user_with_role(w.benin, Role.MEMBER), network="afrique")

    assert table_rows(soup, "Mean progress by network") == {
        "INSP!R Afrique (Continental)": ["1", "0", "20\xa0%"]
    }
    assert soup.select_one("#id_network option[selected]")["value"] == "afrique"


def test_another_period_is_chosen_by_its_id(client, w):
    later = PlanPeriodFactory(
        name="2022–2023", starts_on=datetime.date(2022, 1, 1), ends_on=datetime.date(2023, 12, 31)
    )
    calm(network=w.benin, period=w.period, progress=10)
    calm(network=w.benin, period=later, progress=90)
    member = user_with_role(w.benin, Role.MEMBER)

    def progress(period) -> str:
        rows = table_rows(page(client, member, period=period.pk), "Mean progress by network")
        return rows["INSP!R Bénin (National)"][-1]

    assert progress(w.period) == "10\xa0%"
    assert progress(later) == "90\xa0%"


@pytest.mark.parametrize("value", ["x", "99999999999999999999", "1 OR 1=1", "<b>"])
def test_a_strange_period_or_network_shows_the_default_scope(client, w, value):
    calm(network=w.benin, progress=10)

    soup = page(client, user_with_role(w.benin, Role.MEMBER), period=value, network=value)

    assert table_rows(soup, "Mean progress by network")["INSP!R Bénin (National)"][-1] == "10\xa0%"


def test_a_reader_who_reads_no_network_is_told_so(client, w):
    calm(network=w.benin)

    soup = page(client, UserFactory())

    assert "You do not read the plan of any network yet" in soup.get_text()
    assert not soup.select("svg") and not soup.select("table")


def test_the_dashboard_is_for_signed_in_readers(client, w):
    response = client.get(reverse("planning:dashboard"))

    assert response.status_code == 302
    assert "login" in response["Location"]


# --- Queries -------------------------------------------------------------------------------------


def fill(w, count: int) -> None:
    """`count` actions of every kind: overdue, without a lead, international serving nobody."""
    for number in range(count):
        network = (w.top, w.africa, w.benin)[number % 3]
        calm(
            network=network,
            domain=Domain.values[number % 4],
            progress=number % 100,
            lead_organisation=None if number % 2 else w.organisation,
            ends_on=today() - datetime.timedelta(days=1 + number),
            starts_on=None,
        )


def count_queries(client, user) -> int:
    client.force_login(user)
    url = reverse("planning:dashboard")
    client.get(url)  # the session and the reader's reach, as on any page
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_dashboard_reads_the_same_queries_for_3_and_30_actions(client, w):
    member = user_with_role(w.benin, Role.MEMBER)
    fill(w, 3)
    few = count_queries(client, member)

    fill(w, 27)
    many = count_queries(client, member)

    assert few == many
