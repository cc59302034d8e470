"""Every spreadsheet the platform serves shows its data and never runs it (CSV injection).

The first test requests every URL pattern, as a role the permission matrix lets in, and
collects each response that is a spreadsheet (CSV, TSV, Excel or OpenDocument, or a ZIP
that holds one). Each must be listed in `EXPORTS` with a function that puts hostile values
into its data through the models; the second test downloads each listed export over HTTP,
reads it as a spreadsheet program would, and checks every cell. A new export fails the
first test until it is listed here, so it cannot ship without this check."""

import csv
import io
import re
import zipfile
from collections.abc import Callable

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import path, reverse

from inspir.accounts.models import User
from inspir.core.tests.permission_matrix import OWN, Rule, outcome, rule_for, url_names
from inspir.core.tests.test_spreadsheet import ISSUE_PAYLOADS
from inspir.core.tests.world import clients, kwargs
from inspir.network.tests.factories import NetworkFactory, member_of

pytestmark = pytest.mark.django_db

# The issue's payloads (the helper's own tests add more edge cases to the same list).
HOSTILE = ISSUE_PAYLOADS
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Plain negative numbers each export must also carry, unchanged.
NUMBERS = ["-12", "-3.5"]
NUMBER = re.compile(r"-[0-9]+(\.[0-9]+)?")

SPREADSHEET_TYPES = {
    "text/csv",
    "text/tab-separated-values",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.spreadsheet",
}
SPREADSHEET_NAMES = (".csv", ".tsv", ".xls", ".xlsx", ".ods")
LOGIN_PATHS = ("/accounts/login/", "/accounts/2fa/", "/admin/login/")


def organisation_directory() -> tuple[str, User | None]:
    network = NetworkFactory(name=HOSTILE[0])
    short = [value for value in HOSTILE if len(value) <= 40]  # acronyms are short
    for number, value in enumerate(HOSTILE):
        member_of(
            network, name=value, website=HOSTILE[number - 1], acronym=short[number % len(short)]
        )
    member_of(network, name="Negative figures", acronym=NUMBERS[0], website=NUMBERS[1])
    return reverse("network:organisation_export"), None


def planning_plan(name: str) -> tuple[str, User | None]:
    """A network's plan whose titles, descriptions and indicators are hostile values."""
    from inspir.accounts.models import Role
    from inspir.accounts.tests.factories import user_with_role
    from inspir.planning.tests.factories import IndicatorFactory, PlanActionFactory

    network = NetworkFactory(name=HOSTILE[0])
    for number, value in enumerate(HOSTILE):
        action = PlanActionFactory(network=network, title=value, description=HOSTILE[number - 1])
        IndicatorFactory(action=action, name=value, unit=HOSTILE[number - 1][:40])
    PlanActionFactory(network=network, title=NUMBERS[0], description=NUMBERS[1])
    return reverse(name), user_with_role(network, Role.MEMBER)


# URL name → a function that fills the export's text with every HOSTILE value and NUMBERS,
# and returns the export's URL and who downloads it (None: an anonymous visitor).
EXPORTS: dict[str, Callable[[], tuple[str, User | None]]] = {
    "network:organisation_export": organisation_directory,
    "planning:export_csv": lambda: planning_plan("planning:export_csv"),
    "planning:export_xlsx": lambda: planning_plan("planning:export_xlsx"),
}


def filename_of(response) -> str:
    found = re.search(r'filename="?([^";]+)', response.get("Content-Disposition", ""))
    return found.group(1).lower() if found else ""


def spreadsheets_in(response) -> dict[str, bytes]:
    """The spreadsheets a response holds, by name: itself, or the members of a ZIP."""
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    name = filename_of(response)
    body = response.getvalue()
    if content_type in SPREADSHEET_TYPES or name.endswith(SPREADSHEET_NAMES):
        return {name or content_type: body}
    if zipfile.is_zipfile(io.BytesIO(body)):
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return {
                member: archive.read(member)
                for member in archive.namelist()
                if member.lower().endswith(SPREADSHEET_NAMES)
            }
    return {}


def xlsx_cells(content: bytes) -> list[str]:
    """Every cell of an XLSX workbook as a spreadsheet program shows it: a formula as
    "=…"; a text cell that starts like a formula as the CSV writes it, quoted (it is shown,
    not run); control characters, which the format writes as _xHHHH_, read back."""
    import openpyxl

    cells = []
    for sheet in openpyxl.load_workbook(io.BytesIO(content)).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                if cell.data_type == "f":
                    cells.append("=" + str(cell.value).lstrip("="))
                elif cell.data_type == "s":
                    text = re.sub(
                        r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), str(cell.value)
                    )
                    quoted = text.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(text)
                    cells.append("'" + text if quoted else text)
                else:
                    cells.append(str(cell.value))
    return cells


def cells_of(name: str, content: bytes) -> list[str]:
    """Every cell of a CSV, TSV or XLSX file, read as a spreadsheet program reads it."""
    if name.endswith(".xlsx"):
        return xlsx_cells(content)
    assert name.endswith((".csv", ".tsv", "text/csv")), (
        f"{name}: teach this test to read the cells of this kind of spreadsheet"
    )
    dialect = "excel-tab" if name.endswith(".tsv") else "excel"
    text = io.StringIO(content.decode("utf-8-sig"), newline="")
    return [cell for row in csv.reader(text, dialect) for cell in row]


def role_that_may_read(rule: Rule) -> str | None:
    if rule.get is None or rule.get is OWN:
        return "staff"
    if not rule.get:
        return None  # answers POST only
    return "staff" if "staff" in rule.get else sorted(rule.get)[0]


def spreadsheets_served(world, urlconf: str | None = None) -> dict[str, list[str]]:
    """URL name → the spreadsheets its page serves, for every URL pattern answering GET."""
    client_for, kwargs_for = clients(world), kwargs(world)
    serving, unreached = {}, []
    for name, pattern in url_names(urlconf):
        rule = rule_for(name)
        role = role_that_may_read(rule) if rule else None
        if rule is None or role is None:
            continue  # the permission matrix reports a pattern missing from it
        url = reverse(name, urlconf=urlconf, kwargs=kwargs_for(rule.kwargs, pattern))
        response = client_for(role).get(url)
        if rule.get and rule.get is not OWN and outcome(response, LOGIN_PATHS) != "allowed":
            unreached.append(f"{name} as {role}: {response.status_code}")
        if files := spreadsheets_in(response):
            serving[name] = sorted(files)
    # A page this walk could not open might hide an export.
    assert unreached == [], "\n".join(unreached)
    return serving


def test_every_spreadsheet_the_platform_serves_is_checked_for_formulas(world):
    serving = spreadsheets_served(world)

    unchecked = {name: files for name, files in serving.items() if name not in EXPORTS}
    assert unchecked == {}, "add these exports to EXPORTS, with hostile values in their data"
    assert set(EXPORTS) <= set(serving), "an export in EXPORTS no longer serves a spreadsheet"


@pytest.mark.parametrize("export", sorted(EXPORTS))
def test_an_export_shows_hostile_values_as_text(export):
    url, user = EXPORTS[export]()
    client = Client()
    if user is not None:
        client.force_login(user)

    response = client.get(url)

    assert response.status_code == 200
    files = spreadsheets_in(response)
    assert files, f"{url} served no spreadsheet"
    for name, content in files.items():
        cells = cells_of(name, content)
        formulas = [
            cell for cell in cells if cell.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(cell)
        ]
        assert formulas == [], f"{name}: cells a spreadsheet would evaluate"
        for value in HOSTILE:
            assert "'" + value in cells, f"{name}: {value!r} missing from the export"
        for number in NUMBERS:
            assert number in cells, f"{name}: {number!r} not kept as a number"


def members_report(request):
    response = HttpResponse("name\r\n=1+1\r\n", content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="members.csv"'
    return response


def members_archive(request):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("README.txt", "Members")
        archive.writestr("members.csv", "name\r\n=1+1\r\n")
    return HttpResponse(buffer.getvalue(), content_type="application/zip")


# This module is also the URL configuration of the test below: two exports nobody listed.
urlpatterns = [
    path("members.csv", members_report, name="members-report"),
    path("members.zip", members_archive, name="members-archive"),
]


def test_an_export_missing_from_the_list_is_found(world, settings, monkeypatch):
    from inspir.core.tests import permission_matrix

    settings.ROOT_URLCONF = __name__
    for name in ("members-report", "members-archive"):
        monkeypatch.setitem(permission_matrix.MATRIX, name, permission_matrix.MEMBERS)

    served = spreadsheets_served(world, urlconf=__name__)

    assert served == {"members-report": ["members.csv"], "members-archive": ["members.csv"]}
    assert not set(served) & set(EXPORTS)
