"""The annual report's sections, contributed by the apps (the `reports` app lays them out).

Core writes no section itself: each app registers, from its ``AppConfig.ready()``, the
sections it answers for, as it registers its key figures (`figures.py`) and its search
results (`search.py`). A section has two halves:

- ``collect(scope)`` reads the records for a network and a year and returns plain data
  (dicts, lists, strings, numbers, booleans, ``None``), already in the active language
  (dates formatted, member texts read through their translations). That data is the
  section's input: the report's fingerprint is computed from it, and an edition keeps it,
  so a frozen edition is drawn again from exactly what it was made from.
- ``template`` draws that data (context: ``data``, ``scope``, ``section``), the same
  fragment on the report's web page and in its PDF; charts are inline SVG drawn by the
  template from the data, with presentation attributes only (no ``style``).

``collect`` reads as of the year's end (``scope.end``): what existed, who was a member, who
sat on a committee on that day, and figures recorded for that year, so that a year's report
does not move when later years' data does. It returns ``None`` when it has nothing to say
for that network and year, and the section is left out (and out of the table of contents).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise


class Part:
    """Where a section goes in the report, in this order."""

    OPENING = 10  # introduction, key figures
    IDENTITY = 20  # mission, vision and principles, values, history
    ORGANISATIONAL = 30  # meetings, the committee's rules and members
    OPERATIONAL = 40  # the four domains' work
    PERSPECTIVES = 50  # the next period's priorities
    CLOSING = 60  # composition, contact, credits


@dataclass(frozen=True)
class ReportScope:
    """A report's subject: a network (with those below it) and a calendar year."""

    network_id: int
    network_ids: tuple[int, ...]  # the network and every network below it
    level: str  # the network's level ("intercontinental", "continental", "national")
    year: int

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 1, 1)

    @property
    def end(self) -> datetime.date:
        """The day the report's figures are counted on."""
        return datetime.date(self.year, 12, 31)

    def moments(self) -> tuple[datetime.datetime, datetime.datetime]:
        """The first instant of the year and the first of the next (UTC), for records
        dated to the second."""
        start = datetime.datetime(self.year, 1, 1, tzinfo=datetime.UTC)
        return start, datetime.datetime(self.year + 1, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class ReportSection:
    key: str  # unique, "<app>.<name>": the anchor and the table of contents' entry
    part: int  # a `Part`
    order: int  # its place inside the part
    title: str | Promise  # lazily translated
    collect: Callable[[ReportScope], dict[str, Any] | None]
    template: str
    # Laid out in two columns in the PDF (running text reads better so; tables do not).
    columns: int = 1


_sections: dict[str, ReportSection] = {}


def register_report_section(section: ReportSection) -> None:
    """Add (or replace, by key) a section of the annual report."""
    _sections[section.key] = section


def report_sections() -> list[ReportSection]:
    """Every registered section, in the report's order."""
    return sorted(
        _sections.values(), key=lambda section: (section.part, section.order, section.key)
    )


def text_data(shown: Any) -> dict[str, Any]:
    """A member text as read (`texts.Shown`), as plain data a section returns: what
    ``components/member_title.html`` draws (``{% include … with shown=item.title %}``),
    the original marked with its language when the reader's is missing."""
    return {
        "text": shown.text,
        "language": shown.language,
        "original_language": shown.original_language,
        "in_reader_language": shown.in_reader_language,
    }


def figure(key: str, value: int, label: str | Promise) -> dict[str, Any]:
    """One key figure a section adds to the report's key-figures page: a section's data may
    hold ``"figures": [figure(...), ...]``; the report gathers them, sections in order."""
    return {"key": key, "value": value, "label": str(label)}


def day(value: datetime.date | None) -> str:
    """A date as the report writes it, in the active language ("10 décembre 2020"); "" for
    none."""
    from django.utils.formats import date_format

    return date_format(value, "DATE_FORMAT") if value is not None else ""
