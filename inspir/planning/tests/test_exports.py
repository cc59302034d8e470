"""The plan as CSV and XLSX, read back as a spreadsheet program reads them, and the printed
plan: content round-trips, formulas stay text, the reader's scope holds, queries are fixed."""

import csv
import datetime
import io
import re
from decimal import Decimal

import openpyxl
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
from inspir.governance.tests.factories import DecisionFactory
from inspir.network.tests.factories import (
    OrganisationFactory,
    PersonFactory,
)
from inspir.planning import exports
from inspir.planning.models import ActionStatus, PlanAction
from inspir.planning.tests.factories import (
    IndicatorFactory,
    PlanActionFactory,
    StakeholderFactory,
)

pytestmark = pytest.mark.django_db

HEADER = [
    "Period",
    "Network",
    "Level",
    "Domain",
    "Title",
    "Description",
    "Lead",
    "Kind of lead",
    "Partner networks",
    "Partner organisations",
    "Starts on",
    "Ends on",
    "Status",
    "Progress (%)",
    "Indicators (reached/target)",
    "Decisions",
    "Strengthens",
    "Stakeholders targeted",
    "Last changed",
]
DESCRIPTION = "Première ligne : échanges à Cotonou.\nDeuxième ligne, « entre guillemets », ñ."
FORMULAS = [
    '=HYPERLINK("http://x","y")',
    "+1",
    "@SUM(A1)",
    "-2+3",
    "=1+1",
    "\t=cmd",
]


@pytest.fixture
def w(tree):
    return tree


def full_action(w, network=None, **fields: object) -> PlanAction:
    """An action with every field and link filled."""
    values: dict[str, object] = {
        "network": network or w.benin,
        "domain": Domain.LEARNING,
        "title": "Échanges entre mutuelles",
        "description": DESCRIPTION,
        "starts_on": datetime.date(2020, 3, 1),
        "ends_on": datetime.date(2021, 6, 30),
        "status": ActionStatus.ONGOING,
        "progress": 45,
        "lead_organisation": OrganisationFactory(name="Mutuelle de santé de Cotonou"),
    }
    values.update(fields)
    action = PlanActionFactory(**values)
    action.partner_networks.add(w.africa, w.top)
    action.partner_organisations.add(
        OrganisationFactory(name="Syndicat des enseignants"), OrganisationFactory(name="Caritas")
    )
    IndicatorFactory(action=action, name="Membres formés", unit="personnes", target=100, actual=40)
    IndicatorFactory(action=action, name="Ateliers", unit="", target=Decimal("12.5"), actual=None)
    action.decisions.add(
        DecisionFactory(title="Adopter le plan 2020", meeting__committee__network=action.network)
    )
    below = PlanActionFactory(network=w.benin, title="Campagne nationale")
    action.strengthens.add(below)
    action.stakeholders.add(StakeholderFactory(network=action.network, name="Ministère du Travail"))
    return action


def download(client, user, name: str, language: str = "en", **query: object):
    client.force_login(user)
    with translation.override(language):
        url = reverse(name)
    response = client.get(url, query)
    assert response.status_code == 200
    return response


def csv_table(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content, newline="")))


def xlsx_sheet(response):
    assert response["Content-Type"] == exports.XLSX_CONTENT_TYPE
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert len(workbook.worksheets) == 1
    return workbook.worksheets[0]


def filename(response) -> str:
    return response["Content-Disposition"].split("filename=")[1].strip('"')


def by_header(header: list, row: list) -> dict:
    return dict(zip(header, row, strict=True))


# --- CSV -----------------------------------------------------------------------------------------


def test_the_csv_holds_one_row_per_action_with_every_field(client, w):
    action = full_action(w)
    member = user_with_role(w.benin, Role.MEMBER)

    response = download(client, member, "planning:export_csv")

    assert filename(response) == "inspir-plan-2020-2021.csv"
    table = csv_table(response)
    assert table[0] == HEADER
    rows = {row[4]: by_header(HEADER, row) for row in table[1:]}
    assert set(rows) == {"Échanges entre mutuelles", "Campagne nationale"}
    row = rows["Échanges entre mutuelles"]
    assert row == {
        "Period": "2020–2021",
        "Network": "INSP!R Bénin",
        "Level": "National",
        "Domain": "Learning and capacity building",
        "Title": "Échanges entre mutuelles",
        "Description": DESCRIPTION,
        "Lead": "Mutuelle de santé de Cotonou",
        "Kind of lead": "organisation",
        "Partner networks": "INSP!R Afrique; INSP!R International",
        "Partner organisations": "Caritas; Syndicat des enseignants",
        "Starts on": "2020-03-01",
        "Ends on": "2021-06-30",
        "Status": "ongoing",
        "Progress (%)": "45",
        "Indicators (reached/target)": "Membres formés: 40/100 personnes; Ateliers: ?/12.5",
        "Decisions": "Adopter le plan 2020",
        "Strengthens": "Campagne nationale",
        "Stakeholders targeted": "Ministère du Travail",
        "Last changed": timezone.localdate(action.updated_at).isoformat(),
    }


def test_the_csv_header_is_in_the_reader_s_language_and_the_texts_as_written(client, w):
    full_action(w)

    table = csv_table(
        download(client, user_with_role(w.benin, Role.MEMBER), "planning:export_csv", "fr")
    )

    assert {"Réseau", "Domaine", "Titre", "Statut", "Décisions"} <= set(table[0])
    assert "Échanges entre mutuelles" in [row[4] for row in table[1:]]


def test_a_person_or_a_network_may_lead(client, w):
    PlanActionFactory(
        network=w.benin, title="Led by a person", lead_person=PersonFactory(name="Awa")
    )
    PlanActionFactory(network=w.benin, title="Led by a network", lead_network=w.africa)
    PlanActionFactory(network=w.benin, title="Led by nobody")

    table = csv_table(download(client, user_with_role(w.benin, Role.MEMBER), "planning:export_csv"))

    leads = {row[4]: (row[6], row[7]) for row in table[1:]}
    assert leads == {
        "Led by a person": ("Awa", "person"),
        "Led by a network": ("INSP!R Afrique", "network"),
        "Led by nobody": ("", ""),
    }


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_csv_cell_that_would_be_a_formula_is_text(client, w, formula):
    PlanActionFactory(network=w.benin, title=formula, description=formula)
    PlanActionFactory(network=w.benin, title="-12", description="Negative numbers stay numbers")

    table = csv_table(download(client, user_with_role(w.benin, Role.MEMBER), "planning:export_csv"))

    cells = {row[4]: row[5] for row in table[1:]}
    assert cells == {"'" + formula: "'" + formula, "-12": "Negative numbers stay numbers"}


# --- XLSX ----------------------------------------------------------------------------------------


def test_the_xlsx_holds_the_same_rows_with_numbers_and_dates_typed(client, w):
    action = full_action(w)

    response = download(client, user_with_role(w.benin, Role.MEMBER), "planning:export_xlsx")

    assert filename(response) == "inspir-plan-2020-2021.xlsx"
    sheet = xlsx_sheet(response)
    rows = list(sheet.iter_rows())
    assert [cell.value for cell in rows[0]] == HEADER
    assert all(cell.data_type == "s" for cell in rows[0])
    found = {row[4].value: dict(zip(HEADER, row, strict=True)) for row in rows[1:]}
    assert set(found) == {"Échanges entre mutuelles", "Campagne nationale"}
    cells = found["Échanges entre mutuelles"]
    assert cells["Description"].value == DESCRIPTION
    assert cells["Description"].data_type == "s"
    assert cells["Progress (%)"].value == 45
    assert cells["Progress (%)"].data_type == "n"
    assert cells["Starts on"].is_date and cells["Starts on"].value.date() == datetime.date(
        2020, 3, 1
    )
    assert cells["Ends on"].value.date() == datetime.date(2021, 6, 30)
    assert cells["Last changed"].value.date() == timezone.localdate(action.updated_at)
    assert cells["Period"].value == "2020–2021"
    assert cells["Level"].value == "National"
    assert cells["Partner organisations"].value == "Caritas; Syndicat des enseignants"
    assert cells["Indicators (reached/target)"].value == (
        "Membres formés: 40/100 personnes; Ateliers: ?/12.5"
    )
    assert cells["Strengthens"].value == "Campagne nationale"
    assert cells["Stakeholders targeted"].value == "Ministère du Travail"
    # Nothing in the workbook is a formula.
    assert not any(cell.data_type == "f" for row in rows for cell in row)


def test_an_action_with_nothing_linked_leaves_its_cells_empty(client, w):
    PlanActionFactory(
        network=w.benin, title="Bare", description="", starts_on=None, ends_on=None, progress=0
    )

    sheet = xlsx_sheet(
        download(client, user_with_role(w.benin, Role.MEMBER), "planning:export_xlsx")
    )

    cells = dict(zip(HEADER, next(sheet.iter_rows(min_row=2, values_only=True)), strict=True))
    assert cells["Title"] == "Bare"
    assert cells["Progress (%)"] == 0
    for empty in ("Description", "Lead", "Starts on", "Ends on", "Decisions", "Strengthens"):
        assert cells[empty] is None


@pytest.mark.parametrize("formula", [*FORMULAS, "-12", "12", "2020-03-01", "TRUE"])
def test_an_xlsx_cell_that_looks_like_a_formula_or_a_number_is_text_unchanged(client, w, formula):
    PlanActionFactory(network=w.benin, title=formula, description=formula)

    sheet = xlsx_sheet(
        download(client, user_with_role(w.benin, Role.MEMBER), "planning:export_xlsx")
    )

    title, description = sheet.cell(row=2, column=5), sheet.cell(row=2, column=6)
    for cell in (title, description):
        assert cell.data_type == "s"
        assert cell.value == formula


def as_a_spreadsheet_reads(text: str) -> str:
    """OOXML writes control characters as _xHHHH_, which spreadsheet programs read back."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda found: chr(int(found.group(1), 16)), text)


def test_line_breaks_typed_in_a_browser_come_back_unchanged(client, w):
    typed = "Ligne un\r\nLigne deux\r\n\r\n=Ligne quatre"
    PlanActionFactory(network=w.benin, title="Typed", description=typed)
    member = user_with_role(w.benin, Role.MEMBER)

    sheet = xlsx_sheet(download(client, member, "planning:export_xlsx"))
    table = csv_table(download(client, member, "planning:export_csv"))

    assert as_a_spreadsheet_reads(sheet.cell(row=2, column=6).value) == typed
    assert table[1][5] == typed


def test_the_file_names_the_period_and_the_network_chosen(client, w):
    PlanActionFactory(network=w.benin)
    member = user_with_role(w.benin, Role.MEMBER)

    response = download(client, member, "planning:export_xlsx", network="benin")

    assert filename(response) == "inspir-plan-2020-2021-benin.xlsx"
    assert xlsx_sheet(response).title == "Plan 2020–2021"
    csv_response = download(client, member, "planning:export_csv", network="benin")
    assert filename(csv_response) == "inspir-plan-2020-2021-benin.csv"


# --- Scope ---------------------------------------------------------------------------------------


def test_the_exports_hold_only_what_the_reader_reads(client, w):
    mine = full_action(w, title="Benin's action")
    secret = PlanActionFactory(network=w.nepal, title="Nepal's action")
    # An intercontinental action the member reads, strengthening Nepal's and Benin's: only
    # Benin's is named; a decision of Nepal's committee is not named either.
    serving = PlanActionFactory(network=w.top, title="Serving both")
    serving.strengthens.add(secret, mine)
    serving.decisions.add(
        DecisionFactory(title="Nepal's decision", meeting__committee__network=w.nepal)
    )
    member = user_with_role(w.benin, Role.MEMBER)

    for query in ({}, {"network": "nepal"}):
        table = csv_table(download(client, member, "planning:export_csv", **query))
        text = repr(table)
        assert "Nepal's action" not in text and "Nepal's decision" not in text
        assert "INSP!R Nepal" not in text
        rows = {row[4]: by_header(HEADER, row) for row in table[1:]}
        assert rows["Serving both"]["Strengthens"] == "Benin's action"
        assert rows["Serving both"]["Decisions"] == ""

    sheet = xlsx_sheet(download(client, member, "planning:export_xlsx"))
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "Nepal's action" not in values and "Nepal's decision" not in values


def test_one_network_chosen_exports_its_actions_only(client, w):
    PlanActionFactory(network=w.benin, title="Benin's")
    PlanActionFactory(network=w.africa, title="Africa's")

    table = csv_table(
        download(
            client, user_with_role(w.benin, Role.MEMBER), "planning:export_csv", network="afrique"
        )
    )

    assert [row[4] for row in table[1:]] == ["Africa's"]


def test_an_outsider_downloads_a_header_and_nothing_else(client, w):
    full_action(w)
    outsider = UserFactory()

    assert csv_table(download(client, outsider, "planning:export_csv")) == [HEADER]
    sheet = xlsx_sheet(download(client, outsider, "planning:export_xlsx"))
    assert list(sheet.iter_rows(values_only=True)) == [tuple(HEADER)]


def test_an_outsider_reading_another_network_sees_only_theirs(client, w):
    full_action(w)
    PlanActionFactory(network=w.nepal, title="Nepal's own")

    table = csv_table(download(client, user_with_role(w.nepal, Role.MEMBER), "planning:export_csv"))

    assert [row[4] for row in table[1:]] == ["Nepal's own"]


@pytest.mark.parametrize(
    "name", ["planning:export_csv", "planning:export_xlsx", "planning:plan_print"]
)
def test_the_plan_is_for_signed_in_readers(client, w, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert "login" in response["Location"]


# --- The printed plan ----------------------------------------------------------------------------


def printed(client, user, language: str = "en", **query: object) -> BeautifulSoup:
    return BeautifulSoup(
        download(client, user, "planning:plan_print", language, **query).content, "html.parser"
    )


def translate(record, field: str, language: str, text: str) -> None:
    original = TextOriginal.objects.get(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_id=record.pk,
        field=field,
    )
    TextTranslation.objects.create(
        original=original,
        language=language,
        text=text,
        source_revision=original.revision,
        source_text=getattr(record, field),
        status=TextStatus.TRANSLATED,
    )


def test_the_printed_plan_groups_the_actions_by_domain(client, w):
    full_action(w, title="Exchanges", domain=Domain.LEARNING)
    PlanActionFactory(network=w.africa, title="Advocacy days", domain=Domain.ADVOCACY)
    PlanActionFactory(network=w.nepal, title="Nepal's", domain=Domain.ADVOCACY)

    soup = printed(client, user_with_role(w.benin, Role.MEMBER))

    sections = {
        section.h2.get_text(strip=True): [h3.get_text(strip=True) for h3 in section.select("h3")]
        for section in soup.select("main section")
    }
    assert list(sections) == [
        "Learning and capacity building",
        "Advocacy",
        "Communication",
        "Financing social protection",
    ]
    # From the top network down: Afrique before Bénin (whose action strengthened by the other).
    assert sections["Advocacy"] == ["Advocacy days", "Campagne nationale"]
    assert "Exchanges" in sections["Learning and capacity building"]
    assert sections["Communication"] == []
    assert "Nepal's" not in soup.get_text()
    action = soup.find("h3", string="Exchanges").find_parent("article")
    facts = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in action.select("dt")
    }
    assert facts["Network"] == "INSP!R Bénin (National)"
    assert facts["Lead"] == "Mutuelle de santé de Cotonou"
    assert facts["Progress"] == "45\xa0%"
    assert facts["Status"] == "ongoing"
    assert facts["Indicators"] == "Membres formés : 40 / 100 personnes Ateliers : ? / 12.5"
    assert facts["Decisions"] == "Adopter le plan 2020"
    assert facts["Strengthens"] == "Campagne nationale (INSP!R Bénin)"
    assert facts["Stakeholders targeted"] == "Ministère du Travail"
    assert "Deuxième ligne" in action.get_text()


def test_the_printed_plan_says_its_period_and_date_at_the_top_outside_what_print_hides(client, w):
    PlanActionFactory(network=w.benin)

    soup = printed(client, user_with_role(w.benin, Role.MEMBER))

    note = soup.select_one("main dl.facts")
    assert note.find_parent(["form", "nav"]) is None
    text = note.get_text(" ", strip=True)
    assert "2020–2021" in text
    assert "All the networks you read" in text
    assert timezone.localdate().strftime("%Y") in text
    # Links and the scope's form are in what the print style sheet leaves out.
    for link in soup.select("main a[href*='export']"):
        assert link.find_parent("nav") is not None


def test_the_printed_plan_reads_texts_in_the_reader_s_language(client, w):
    with translation.override("en"):
        action = PlanActionFactory(
            network=w.benin, title="Exchange visits", description="Visits between networks."
        )
        untranslated = PlanActionFactory(
            network=w.benin, title="Advocacy days", domain=action.domain
        )
    translate(action, "title", "fr", "Visites d'échange")
    translate(action, "description", "fr", "Des visites entre réseaux.")

    soup = printed(client, user_with_role(w.benin, Role.MEMBER), "fr")

    titles = [h3.get_text(" ", strip=True) for h3 in soup.select("main h3")]
    assert "Visites d'échange" in titles
    assert "Des visites entre réseaux." in soup.get_text()
    assert "Visits between networks." not in soup.get_text()
    other = next(h3 for h3 in soup.select("main h3") if "Advocacy days" in h3.get_text())
    assert other.find(lang="en") is not None  # the original, marked with its language
    assert untranslated.title in other.get_text()


def test_a_reader_who_reads_no_network_gets_an_empty_plan_that_says_so(client, w):
    full_action(w)

    soup = printed(client, UserFactory())

    assert "You do not read the plan of any network yet" in soup.get_text()
    assert not soup.select("main article")


# --- Queries -------------------------------------------------------------------------------------


def fill(w, count: int) -> None:
    for number in range(count):
        full_action(
            w, network=(w.top, w.africa, w.benin)[number % 3], domain=Domain.values[number % 4]
        )


def count_queries(client, user, name: str) -> int:
    client.force_login(user)
    url = reverse(name)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        assert response.status_code == 200
        if response.streaming:
            b"".join(response.streaming_content)
    return len(queries)


@pytest.mark.parametrize(
    "name", ["planning:export_csv", "planning:export_xlsx", "planning:plan_print"]
)
def test_the_same_queries_for_3_and_30_actions(client, w, name):
    member = user_with_role(w.benin, Role.MEMBER)
    fill(w, 3)
    few = count_queries(client, member, name)

    fill(w, 27)
    many = count_queries(client, member, name)

    assert few == many
