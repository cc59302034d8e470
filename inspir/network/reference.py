"""Reference data that the network registry is built on: the countries.

`data/countries.csv` lists the countries the platform knows, with the IANA zone of each
capital and, where one was found, the SDG 1.3.1 coverage figure with its source (see
`shared/data/SOURCES.md`). Country names are not stored: they come from CLDR
through Babel in the reader's language.

The other zones of a country come from the IANA table shipped in the `tzdata` package, so
they follow the installed tz release rather than a list typed by hand. `zone.tab` is read
first because it names every zone after a place in the country itself (Benin gets
`Africa/Porto-Novo`); `zone1970.tab` groups countries under one canonical zone (Benin under
`Africa/Lagos`), which would show readers a foreign city. It is only the fallback."""

import csv
import zoneinfo
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from django.db import transaction

from inspir.network.models import Country

COUNTRIES_CSV = Path(__file__).resolve().parent / "data" / "countries.csv"
ZONE_TABLES = ("zone.tab", "zone1970.tab")


@dataclass(frozen=True)
class CountryRow:
    code: str
    capital_tz: str
    coverage_pct_sdg131: float | None
    coverage_year: int | None
    coverage_source: str


def country_rows(path: Path = COUNTRIES_CSV) -> list[CountryRow]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            CountryRow(
                code=row["iso2"].strip().upper(),
                capital_tz=row["capital_tz"].strip(),
                coverage_pct_sdg131=(
                    float(row["coverage_pct_sdg131"]) if row["coverage_pct_sdg131"] else None
                ),
                coverage_year=int(row["coverage_year"]) if row["coverage_year"] else None,
                coverage_source=row["coverage_source"].strip(),
            )
            for row in csv.DictReader(handle)
        ]


@cache
def zones_by_country() -> dict[str, tuple[str, ...]]:
    """Country code → its IANA zones, in the order of the first table `tzdata` ships."""
    zoneinfo_dir = resources.files("tzdata").joinpath("zoneinfo")
    for table in ZONE_TABLES:
        entry = zoneinfo_dir.joinpath(table)
        if not entry.is_file():
            continue
        zones: dict[str, list[str]] = {}
        for line in entry.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            for code in fields[0].split(","):
                zones.setdefault(code, []).append(fields[2])
        return {code: tuple(names) for code, names in zones.items()}
    raise LookupError(f"tzdata ships none of {', '.join(ZONE_TABLES)}")


@cache
def canonical_zones() -> tuple[str, ...]:
    """The zones a person chooses from: every zone the country table names (a place in its
    own country, as `zones_by_country`) and UTC, sorted. The tz database's other names are
    obsolete aliases kept for old data ("Asia/Calcutta", "US/Eastern"): not offered."""
    zones = {zone for names in zones_by_country().values() for zone in names}
    return tuple(sorted(zones | {"UTC"}))


@cache
def known_zones() -> frozenset[str]:
    # Listing the zones walks the whole tz database: do it once, not once per country.
    return frozenset(zoneinfo.available_timezones())


def country_time_zones(code: str, capital_tz: str) -> list[str]:
    """The capital's zone first, then the country's other zones, each once."""
    if capital_tz not in known_zones():
        raise ValueError(f"{code}: {capital_tz!r} is not a known IANA time zone")
    return list(dict.fromkeys([capital_tz, *zones_by_country().get(code, ())]))


@transaction.atomic
def countries_sync(path: Path = COUNTRIES_CSV) -> int:
    """Create or update a Country for every row of the CSV; returns how many rows were read.

    Running it again changes nothing unless the CSV or the installed tzdata changed."""
    rows = country_rows(path)
    for row in rows:
        Country.objects.update_or_create(
            code=row.code,
            defaults={"time_zones": country_time_zones(row.code, row.capital_tz)},
        )
    return len(rows)
