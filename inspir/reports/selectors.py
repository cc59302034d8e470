"""Reads of the annual report: which networks report, a report's data for a year (every
section's, in one language), its fingerprint, and the editions made."""

import datetime
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import translation

from inspir.core.collation import name_order
from inspir.core.report_sections import ReportScope, report_sections, text_data
from inspir.core.texts import shown_fields
from inspir.identity import charter
from inspir.network.models import Network, top_down
from inspir.reports import rules
from inspir.reports.models import Edition, EditionStatus, ReportText


def reporting_networks() -> QuerySet[Network]:
    """The networks that publish a report, from the top down."""
    return Network.objects.filter(level__in=rules.REPORTING_LEVELS).order_by(
        top_down(), name_order()
    )


def report_network_get(*, slug: str, network_ids: frozenset[int] | None = None) -> Network:
    """The reporting network `slug`, among `network_ids` (None: any);
    `Network.DoesNotExist` otherwise."""
    networks = reporting_networks()
    if network_ids is not None:
        networks = networks.filter(pk__in=network_ids)
    return networks.get(slug=slug)


def default_network() -> Network | None:
    """The intercontinental network, whose report is the network's report."""
    return reporting_networks().first()


def scope_for(network: Network, year: int) -> ReportScope:
    below = Network.objects.subtree_of([network.pk]).order_by("pk").values_list("pk", flat=True)
    return ReportScope(
        network_id=network.pk, network_ids=tuple(below), level=network.level, year=year
    )


def report_text(network: Network, year: int) -> ReportText | None:
    return ReportText.objects.filter(network=network, year=year).first()


def _texts(text: ReportText | None) -> dict[str, Any]:
    if text is None:
        return {"introduction": None, "credits": None}
    read = shown_fields(text, ("introduction", "credits"))
    return {name: text_data(read[name]) if read[name].text else None for name in read}


def report_data(network: Network, year: int, language: str) -> dict[str, Any]:
    """Everything the report of `network` for `year` says, in `language`, as plain data:
    what an edition freezes and its fingerprint is computed from."""
    scope = scope_for(network, year)
    with translation.override(language):
        sections = []
        for section in report_sections():
            data = section.collect(scope)
            if data is None:
                continue
            sections.append(
                {
                    "key": section.key,
                    "part": section.part,
                    "title": str(section.title),
                    "columns": section.columns,
                    "template": section.template,
                    "data": data,
                }
            )
        return {
            "format": rules.FORMAT_VERSION,
            "charter": charter.VERSION,
            "language": language,
            "year": year,
            "complete": rules.is_complete(year),
            "network": {
                "id": network.pk,
                "name": network.name,
                "slug": network.slug,
                "level": network.level,
                "level_label": str(network.get_level_display()),
                "label": charter.label_of(network.name),
            },
            "texts": _texts(report_text(network, year)),
            "sections": sections,
        }


def fingerprint(data: dict[str, Any]) -> str:
    """A digest of the report's data: equal data, equal fingerprint."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class EditionRow:
    edition: Edition
    number: int  # its place among the editions of that report in that language, from 1


def editions_of(network: Network, year: int) -> list[EditionRow]:
    """Every edition of the report of `network` for `year`, the latest first, numbered in
    each language from the first."""
    editions = list(Edition.objects.filter(network=network, year=year).order_by("created_at", "pk"))
    counts: dict[str, int] = {}
    rows = []
    for edition in editions:
        counts[edition.language] = counts.get(edition.language, 0) + 1
        rows.append(EditionRow(edition, counts[edition.language]))
    return rows[::-1]


def shown_edition(rows: list[EditionRow], language: str) -> EditionRow | None:
    """The edition a reader in `language` reads on the report's page: the latest made in
    their language, else the latest in any (shown with its language); None before any."""
    made = [row for row in rows if row.edition.snapshot]
    return next((row for row in made if row.edition.language == language), None) or next(
        iter(made), None
    )


def edition_get(*, pk: int, network_ids: frozenset[int] | None) -> Edition:
    """An edition the reader may download: a published one for anyone, another for those
    who read its network's report (`network_ids`, None: every one);
    `Edition.DoesNotExist` otherwise."""
    editions = Edition.objects.select_related("network").filter(status=EditionStatus.READY)
    published = editions.filter(pk=pk, published_at__isnull=False)
    if network_ids is None:
        return editions.get(pk=pk)
    found = published.first() or editions.filter(pk=pk, network_id__in=network_ids).first()
    if found is None:
        raise Edition.DoesNotExist
    return found


def published_editions() -> list[Edition]:
    """The published editions, by network from the top down, the latest year first."""
    return list(
        Edition.objects.select_related("network")
        .filter(status=EditionStatus.READY, published_at__isnull=False)
        .order_by(top_down("network__"), name_order("network__"), "-year", "language")
    )


def stalled_edition_ids(before: datetime.datetime) -> list[int]:
    return list(
        Edition.objects.filter(
            status__in=(EditionStatus.QUEUED, EditionStatus.RENDERING), progress_at__lt=before
        ).values_list("pk", flat=True)
    )
