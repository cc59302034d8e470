"""Spreadsheet exports of the registry's public data."""

from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

from inspir.core.spreadsheet import csv_lines
from inspir.network.models import Organisation
from inspir.network.selectors import DirectoryFilters, organisation_directory


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


def organisation_export(*, filters: DirectoryFilters) -> Iterator[list[object]]:
    """The directory's rows, with the same filters as the page, read in chunks."""
    return organisation_rows(organisation_directory(filters=filters).iterator(chunk_size=500))


def organisations_csv(*, filters: DirectoryFilters) -> Iterator[str]:
    """The directory as the CSV lines the download streams."""
    return csv_lines(organisation_export(filters=filters))
