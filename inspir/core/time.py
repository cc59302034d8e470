"""Times across the network's dozen time zones, for every app.

Stored times are UTC. They are shown in a zone (the reader's, a participant's, the
meeting's) always with the zone named, since "14:00" alone means nothing to people spread
from La Paz to Jakarta. The tags that show them are `core/templatetags/local_time.py`.

Where a reader's own zone is kept belongs to the app that knows the reader (accounts: the
user's person in the network); it hands core the way to read it from its
`AppConfig.ready()` (`register_reader_zone`), so core names no app (decision 0020)."""

import datetime
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import formats

UTC = datetime.UTC

# The reader's own zone name, or None when they have none; given by accounts.
_reader_zone_source: Callable[[Any], str | None] | None = None


def register_reader_zone(source: Callable[[Any], str | None]) -> None:
    """Say where a signed-in reader's own time zone is read (one source: the last wins)."""
    global _reader_zone_source
    _reader_zone_source = source


def zone_of(name: str | None) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name or "UTC")


def reader_zone(user: Any, fallback: str | None = None) -> zoneinfo.ZoneInfo:
    """The zone a reader sees times in: their own (from the registered source), else
    `fallback` (typically the meeting's zone), else the platform's."""
    if user.is_authenticated and _reader_zone_source is not None:
        own = _reader_zone_source(user)
        if own:
            return zone_of(own)
    return zone_of(fallback or settings.TIME_ZONE)


def machine_time(moment: datetime.datetime) -> str:
    """The instant for a `datetime` attribute: UTC, to the second ("2030-01-15T13:00:00Z").
    Microseconds are dropped: the HTML validator rejects them there, and no reader needs them."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def utc_offset_label(moment: datetime.datetime) -> str:
    """ "UTC+05:45", "UTC−04:00", "UTC" — the offset of an aware local time."""
    offset = moment.utcoffset() or datetime.timedelta(0)
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes > 0 else "−"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


@dataclass(frozen=True)
class LocalTime:
    """A moment as seen in one zone, with what is needed to name the zone."""

    moment: datetime.datetime  # aware, in `zone`
    zone: zoneinfo.ZoneInfo

    @property
    def zone_name(self) -> str:
        return self.zone.key

    @property
    def abbreviation(self) -> str:
        return self.moment.tzname() or ""

    @property
    def offset(self) -> str:
        return utc_offset_label(self.moment)

    @property
    def label(self) -> str:
        """ "Europe/Brussels, UTC+01:00": the IANA name is unambiguous; the offset is what
        a reader compares. Abbreviations such as "IST" are ambiguous and left out."""
        return f"{self.zone_name}, {self.offset}"

    def day_shift(self, reference: datetime.datetime) -> int:
        """How many calendar days this local date differs from `reference`'s (in UTC)."""
        return (self.moment.date() - reference.astimezone(UTC).date()).days


def local(moment: datetime.datetime, zone: zoneinfo.ZoneInfo | str) -> LocalTime:
    if isinstance(zone, str):
        zone = zone_of(zone)
    if moment.tzinfo is None:
        raise ValueError("naive datetime: stored times are aware (UTC)")
    return LocalTime(moment.astimezone(zone), zone)


def moment_text(moment: datetime.datetime | None, zone: zoneinfo.ZoneInfo | str) -> str:
    """A moment as plain text in `zone`, in the active language, with the zone named
    ("24 December 2026 14:00 (Africa/Porto-Novo, UTC+01:00)"): for e-mails and notices,
    where the `local_time` tag's HTML does not go. Empty for no moment."""
    if moment is None:
        return ""
    seen = local(moment, zone)
    return f"{formats.date_format(seen.moment, 'DATETIME_FORMAT')} ({seen.label})"


def to_utc(naive_local: datetime.datetime, zone: zoneinfo.ZoneInfo | str) -> datetime.datetime:
    """A wall-clock time typed in `zone` as a UTC instant. In the hour repeated when clocks
    go back the first occurrence is taken (fold=0); a time skipped when clocks go forward
    does not exist and is refused, so that nobody is invited at a time that never comes."""
    if isinstance(zone, str):
        zone = zone_of(zone)
    aware = naive_local.replace(tzinfo=zone, fold=0)
    round_trip = aware.astimezone(UTC).astimezone(zone)
    if round_trip.replace(tzinfo=None) != naive_local:
        raise NonexistentLocalTime(naive_local, zone)
    return aware.astimezone(UTC)


class NonexistentLocalTime(ValueError):
    def __init__(self, naive_local: datetime.datetime, zone: zoneinfo.ZoneInfo) -> None:
        super().__init__(f"{naive_local:%Y-%m-%d %H:%M} does not exist in {zone.key}")
        self.naive_local = naive_local
        self.zone = zone
