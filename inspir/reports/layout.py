"""What the report's web page and its PDF draw from a report's data: the sections in
their parts, the key figures gathered from every section, the table of contents."""

from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from inspir.core.report_sections import Part, ReportScope

PART_TITLES: dict[int, str | Promise] = {
    Part.OPENING: _("The year in brief"),
    Part.IDENTITY: _("Who we are"),
    Part.ORGANISATIONAL: _("The year at the organisational level"),
    Part.OPERATIONAL: _("The year at the operational level"),
    Part.PERSPECTIVES: _("Perspectives"),
    Part.CLOSING: _("The network"),
}


@dataclass
class PartLayout:
    part: int
    title: str
    sections: list[dict[str, Any]] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"part-{self.part}"


@dataclass(frozen=True)
class Layout:
    data: dict[str, Any]
    parts: list[PartLayout]
    figures: list[dict[str, Any]]
    scope: ReportScope


def layout_of(data: dict[str, Any]) -> Layout:
    """The report's parts (each with its sections, in order) and its key figures."""
    parts: dict[int, PartLayout] = {}
    figures: list[dict[str, Any]] = []
    for section in data["sections"]:
        part = parts.setdefault(
            section["part"],
            PartLayout(section["part"], str(PART_TITLES.get(section["part"], ""))),
        )
        part.sections.append(section)
        figures.extend(section["data"].get("figures") or ())
    scope = ReportScope(
        network_id=data["network"]["id"],
        network_ids=(),
        level=data["network"]["level"],
        year=data["year"],
    )
    return Layout(
        data=data, parts=sorted(parts.values(), key=lambda p: p.part), figures=figures, scope=scope
    )
