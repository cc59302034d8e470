"""Times across the network's dozen time zones.

Stored times are UTC. They are shown in a zone (the reader's, a participant's, the
meeting's) always with the zone named, since "14:00" alone means nothing to a committee
spread from La Paz to Jakarta."""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.conf import settings

from inspir.accounts.permissions import AnyUser

UTC = datetime.UTC


def zone_of(name: str | None) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name or "UTC")


def reader_zone(user: AnyUser, fallback: str | None = None) -> zoneinfo.ZoneInfo:
    """The zone a reader sees times in: their own (from their person in the network), else
    `fallback` (typically the meeting's zone), else the platform's."""
    person = getattr(user, "person", None) if user.is_authenticated else None
    if person is not None:
        return person.zone
    return zone_of(fallback or settings.TIME_ZONE)


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
