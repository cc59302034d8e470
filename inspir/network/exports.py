"""Spreadsheet exports of the registry's public data."""

import csv
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

from inspir.network.models import Organisation
from inspir.network.selectors import DirectoryFilters, organisation_directory


class _Echo:
    """A file-like object that hands each written line back, for streaming."""

    def write(self, value: str) -> str:
        return value


def organisation_rows(organisations: Iterable[Organisation]) -> Iterator[list[object]]:
    yield [
        _("Name"),
        _("Acronym"),
        _("Kind"),
        _("Social movement"),
        _("Country"),
        _("Networks"),
        _("Direct beneficiaries"),
        _("Year"),
        _("Website"),
    ]
    for organisation in organisations:
        networks = "; ".join(m.network.name for m in organisation.current_memberships)  # type: ignore[attr-defined]
        yield [
            organisation.name,
            organisation.acronym,
            organisation.get_kind_display(),
            _("yes") if organisation.is_social_movement else _("no"),
            organisation.country.name,
            networks,
            organisation.beneficiaries if organisation.beneficiaries is not None else "",
            organisation.beneficiaries_year or "",
            organisation.website,
        ]


def organisations_csv(*, filters: DirectoryFilters) -> Iterator[str]:
    """The directory as CSV lines, with the same filters as the page, streamed in chunks."""
    writer = csv.writer(_Echo())
    organisations = organisation_directory(filters=filters).iterator(chunk_size=500)
    yield "\ufeff"  # lets spreadsheet programs recognise UTF-8 (accents in names)
    for row in organisation_rows(organisations):
        yield writer.writerow(row)
