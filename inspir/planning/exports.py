"""The plan as a spreadsheet: one row per action, the same columns in CSV and XLSX.

Cells hold what members wrote as they wrote it (the original, not a translation), under a
header row in the reader's language. Nothing a member wrote is ever evaluated: the CSV goes
through `core.spreadsheet` (a cell that would start a formula gets a leading quote), and the
XLSX is written cell by cell with `write_string`, `write_number` and `write_datetime` (never
xlsxwriter's `write`, which would turn "=…" into a formula or "+1" into a number)."""

import datetime
import io
import re
import zoneinfo
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import xlsxwriter
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from inspir.planning.models import Indicator, PlanAction, PlanPeriod

Cell = str | int | datetime.date | None

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SEPARATOR = "; "
# Excel's limits: a sheet's name, and the characters it may not hold.
SHEET_NAME_MAX = 31
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\']")


def _names(records: Iterable[Any], attribute: str = "name") -> str:
    return SEPARATOR.join(getattr(record, attribute) for record in records)


def _figure(value: Decimal | None) -> str:
    """12.50 → "12.5", 100.00 → "100"; an unknown value "?"."""
    if value is None:
        return "?"
    return format(value.normalize(), "f")


def indicator_text(indicator: Indicator) -> str:
    """ "Members trained: 40/100 people" (reached/target, unit)."""
    reached = f"{_figure(indicator.actual)}/{_figure(indicator.target)}"
    return f"{indicator.name}: {reached} {indicator.unit}".rstrip()


def _lead_kind(action: PlanAction) -> str:
    if action.lead_network_id:
        return gettext("network")
    if action.lead_organisation_id:
        return gettext("organisation")
    if action.lead_person_id:
        return gettext("person")
    return ""


@dataclass(frozen=True)
class Column:
    header: Promise
    value: Callable[[PlanAction, zoneinfo.ZoneInfo], Cell]
    width: int = 14  # in characters, for the XLSX
    wrap: bool = False


COLUMNS: tuple[Column, ...] = (
    Column(_("Period"), lambda a, z: a.period.name, 11),
    Column(_("Network"), lambda a, z: a.network.name, 24),
    Column(_("Level"), lambda a, z: a.network.get_level_display(), 14),
    Column(_("Domain"), lambda a, z: a.get_domain_display(), 22),
    Column(_("Title"), lambda a, z: a.title, 36, wrap=True),
    Column(_("Description"), lambda a, z: a.description, 50, wrap=True),
    Column(_("Lead"), lambda a, z: a.lead.name if a.lead else "", 24),
    Column(_("Kind of lead"), lambda a, z: _lead_kind(a), 12),
    Column(_("Partner networks"), lambda a, z: _names(a.partner_networks.all()), 24, wrap=True),
    Column(
        _("Partner organisations"),
        lambda a, z: _names(a.partner_organisations.all()),
        30,
        wrap=True,
    ),
    Column(_("Starts on"), lambda a, z: a.starts_on, 12),
    Column(_("Ends on"), lambda a, z: a.ends_on, 12),
    Column(_("Status"), lambda a, z: a.get_status_display(), 12),
    Column(_("Progress (%)"), lambda a, z: a.progress, 10),
    Column(
        _("Indicators (reached/target)"),
        lambda a, z: SEPARATOR.join(indicator_text(i) for i in a.indicators.all()),
        40,
        wrap=True,
    ),
    Column(_("Decisions"), lambda a, z: _names(a.decisions.all(), "title"), 36, wrap=True),
    Column(_("Strengthens"), lambda a, z: _names(a.strengthens.all(), "title"), 36, wrap=True),
    Column(_("Stakeholders targeted"), lambda a, z: _names(a.stakeholders.all()), 30, wrap=True),
    Column(_("Last changed"), lambda a, z: timezone.localdate(a.updated_at, z), 12),
)


def header() -> list[str]:
    """The columns' names in the active language."""
    return [str(column.header) for column in COLUMNS]


def row(action: PlanAction, zone: zoneinfo.ZoneInfo) -> list[Cell]:
    """An action's cells, typed: text, whole numbers, dates or None; the last change's date
    in `zone` (the reader's)."""
    return [column.value(action, zone) for column in COLUMNS]


def csv_rows(actions: Iterable[PlanAction], zone: zoneinfo.ZoneInfo) -> list[list[Cell]]:
    """The header and a row per action for `core.spreadsheet.csv_download`, dates as
    ISO 8601 (2020-03-01), which every spreadsheet program reads as a date."""
    rows: list[list[Cell]] = [list(header())]
    for action in actions:
        cells = row(action, zone)
        rows.append([c.isoformat() if isinstance(c, datetime.date) else c for c in cells])
    return rows


def sheet_name(text: str) -> str:
    return SHEET_NAME_FORBIDDEN.sub(" ", text).strip()[:SHEET_NAME_MAX] or "Plan"


def xlsx_bytes(
    actions: Sequence[PlanAction], zone: zoneinfo.ZoneInfo, *, title: str, sheet: str
) -> bytes:
    """The plan as an XLSX workbook titled `title`, of one sheet named `sheet`: a bold header
    row that stays in view, filters on every column, numbers as numbers, dates as dates."""
    buffer = io.BytesIO()
    # The conversions below only apply to `write()`, which is never called: a second lock.
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    workbook.set_properties({"title": title})
    worksheet = workbook.add_worksheet(sheet_name(sheet))
    bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    plain = workbook.add_format({"valign": "top"})
    wrapped = workbook.add_format({"valign": "top", "text_wrap": True})
    date = workbook.add_format({"valign": "top", "num_format": "yyyy-mm-dd"})
    for column, (name, spec) in enumerate(zip(header(), COLUMNS, strict=True)):
        worksheet.write_string(0, column, name, bold)
        worksheet.set_column(column, column, spec.width)
    for number, action in enumerate(actions, start=1):
        for column, (cell, spec) in enumerate(zip(row(action, zone), COLUMNS, strict=True)):
            if cell is None or cell == "":
                continue
            if isinstance(cell, bool):  # never a column's value, but never a number either
                worksheet.write_string(number, column, str(cell), plain)
            elif isinstance(cell, int | float | Decimal):
                worksheet.write_number(number, column, cell, plain)
            elif isinstance(cell, datetime.date):
                worksheet.write_datetime(number, column, cell, date)
            else:
                worksheet.write_string(number, column, str(cell), wrapped if spec.wrap else plain)
    worksheet.freeze_panes(1, 0)
    worksheet.autofilter(0, 0, max(len(actions), 1), len(COLUMNS) - 1)
    workbook.close()
    return buffer.getvalue()


def filename(period: PlanPeriod | None, network_slug: str | None, extension: str) -> str:
    """inspir-plan-2020-2021.csv, inspir-plan-2020-2021-insp-r-afrique.xlsx."""
    parts = ["inspir-plan"]
    if period is not None:
        # An en dash between the years is a hyphen in a file's name.
        parts.append(slugify(re.sub(r"[\u2010-\u2015]", "-", period.name)))
    if network_slug:
        parts.append(slugify(network_slug))
    return "-".join(part for part in parts if part) + "." + extension
