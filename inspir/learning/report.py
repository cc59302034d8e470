"""Learning's section of the annual report (`core/report_sections.py`).

`learning.exchanges` (the operational level): what the networks learnt from one another
during the year: the field visits, seminars, studies and experiences of the library dated in
it, by kind, with their dates, place, the network that wrote them and the networks
involved."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from inspir.core.report_sections import (
    Part,
    ReportScope,
    ReportSection,
    day,
    figure,
    register_report_section,
    text_data,
)
from inspir.learning.models import ResourceKind
from inspir.learning.selectors.report import EXCHANGE_KINDS, ExchangesOfYear, exchanges_of_year

# The headings of the kinds, in the plural.
KIND_HEADINGS = {
    ResourceKind.FIELD_VISIT: _("Field visits"),
    ResourceKind.SEMINAR: _("Seminars"),
    ResourceKind.STUDY: _("Studies"),
    ResourceKind.EXPERIENCE: _("Experiences"),
}


# Dates as the report writes them (core/report_sections.py).
_day = day


def _items(found: ExchangesOfYear, kind: str) -> list[dict[str, Any]]:
    items = []
    for resource in found.resources:
        if resource.kind != kind:
            continue
        summary = found.text(resource, "summary")
        items.append(
            {
                "title": text_data(found.text(resource, "title")),
                "summary": text_data(summary) if summary.text.strip() else None,
                "starts_on": _day(resource.starts_on),
                "ends_on": _day(resource.ends_on) if resource.ends_on != resource.starts_on else "",
                "place": resource.place,
                "network": resource.network.name,
                "networks_involved": [
                    network.name
                    for network in resource.networks_involved.all()
                    if network.pk != resource.network_id
                ],
            }
        )
    return items


def collect_exchanges(scope: ReportScope) -> dict[str, Any] | None:
    """The year's exchanges between the networks, by kind."""
    found = exchanges_of_year(scope)
    if not found.resources:
        return None
    kinds = []
    for kind in EXCHANGE_KINDS:
        items = _items(found, kind)
        if items:
            kinds.append(
                {
                    "key": str(kind),
                    "label": str(KIND_HEADINGS[kind]),
                    "count": len(items),
                    "items": items,
                }
            )
    return {
        "kinds": kinds,
        "total": len(found.resources),
        "figures": [
            figure("learning.exchanges", len(found.resources), _("exchanges between the networks"))
        ],
    }


def register_report_sections() -> None:
    register_report_section(
        ReportSection(
            key="learning.exchanges",
            part=Part.OPERATIONAL,
            order=30,
            title=_("Learning, capacity building and capitalisation"),
            collect=collect_exchanges,
            template="learning/report/exchanges.html",
        )
    )
