"""The slot finder: which meeting times hurt the fewest people the least, and fairly.

Pure functions, no database. Input: the committee's members (their zone, the local hours in
which they accept to meet, and whether the last meeting fell outside those hours for them),
a date range and a meeting duration. Output: candidate slots ranked by score, each carrying,
per member, the local start and end and how many minutes fall early or late.

How a slot is judged, for one member:
- Every minute of the meeting that falls outside the member's acceptable hours counts, over
  the whole duration. The time between the end of one day's window and the start of the next
  (21:00 → 07:00 by default) is split at its middle: before the middle it is "late" (the
  evening ran on), after it "early" (the morning came too soon).
- Windows are built from each local date's wall clock, so daylight-saving changes inside the
  range are followed: the same UTC time is 14:00 in Brussels in winter and 15:00 in summer,
  and a meeting at 23:00 UTC is judged on the next day's date in Jakarta.

Rotation: a member for whom the committee's last meeting fell outside their hours is spared
next time. Their minutes outside count ROTATION_WEIGHT times. With 3, an hour early for a
member who already had the early slot weighs as much as an hour early for three others: heavy
enough that the burden moves on when a comparable slot exists, not so heavy that one member's
comfort makes everyone else meet in the middle of the night.

Candidate starts step by STEP_MINUTES = 15, not 30: in Kathmandu (UTC+05:45) a half-hour grid
never starts at 07:00 or ends at 21:00 local, so the members there would always lose a quarter
of an hour at the edges; a quarter-hour grid lets every zone in use start on its own hour.

Ties keep the earlier slot first, so the ranking is the same every time it is asked for."""

import datetime
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

UTC = datetime.UTC
STEP_MINUTES = 15
ROTATION_WEIGHT = 3
DEFAULT_EARLIEST = datetime.time(7, 0)
DEFAULT_LATEST = datetime.time(21, 0)
MAX_DAYS = 31
SATURDAY = 5


@dataclass(frozen=True)
class Member:
    key: int
    name: str
    zone: zoneinfo.ZoneInfo
    earliest: datetime.time = DEFAULT_EARLIEST
    latest: datetime.time = DEFAULT_LATEST
    # How the last meeting fell for them: "early", "late" or "" (within their hours).
    last_time: str = ""

    @property
    def spared(self) -> bool:
        return bool(self.last_time)

    @property
    def weight(self) -> int:
        return ROTATION_WEIGHT if self.spared else 1


@dataclass(frozen=True)
class Outside:
    early: int = 0  # minutes
    late: int = 0

    @property
    def minutes(self) -> int:
        return self.early + self.late

    @property
    def kind(self) -> str:
        """ "early", "late", or "" when the whole meeting is within the member's hours. The
        larger side names a meeting that is both (a very long one)."""
        if not self.minutes:
            return ""
        return "early" if self.early >= self.late else "late"


@dataclass(frozen=True)
class MemberTime:
    member: Member
    starts: datetime.datetime  # aware, in the member's zone
    ends: datetime.datetime
    outside: Outside

    @property
    def score(self) -> int:
        return self.outside.minutes * self.member.weight

    @property
    def rotation_penalty(self) -> int:
        """What the rotation adds to the score for this member."""
        return self.score - self.outside.minutes

    @property
    def day_shift(self) -> int:
        """Days between the member's local date and the UTC date of the start."""
        return (self.starts.date() - self.starts.astimezone(UTC).date()).days


@dataclass(frozen=True)
class Slot:
    starts_at: datetime.datetime  # UTC
    ends_at: datetime.datetime
    members: tuple[MemberTime, ...] = field(default=())

    @cached_property
    def score(self) -> int:
        return sum(seen.score for seen in self.members)

    @property
    def outside(self) -> list[MemberTime]:
        return [seen for seen in self.members if seen.outside.minutes]

    @property
    def reasons(self) -> list[str]:
        """Why the slot ranks where it does, in plain words."""
        if not self.outside:
            return [_("Everyone is within their acceptable hours.")]
        return [reason(seen) for seen in self.outside]


def duration_words(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}
    if hours:
        return ngettext("%(hours)s hour", "%(hours)s hours", hours) % {"hours": hours}
    return ngettext("%(minutes)s minute", "%(minutes)s minutes", rest) % {"minutes": rest}


def reason(seen: MemberTime) -> str:
    values = {
        "name": seen.member.name,
        "duration": duration_words(seen.outside.minutes),
        "start": f"{seen.starts:%H:%M}",
        "end": f"{seen.ends:%H:%M}",
    }
    if seen.outside.kind == "early":
        text = _("%(name)s: %(duration)s too early (%(start)s–%(end)s local time).") % values
    else:
        text = _("%(name)s: %(duration)s too late (%(start)s–%(end)s local time).") % values
    if seen.rotation_penalty:
        last = _("the early slot") if seen.member.last_time == "early" else _("the late slot")
        text += " " + _(
            "Had %(last)s last time, so these minutes count %(weight)s times "
            "(+%(penalty)s to the score)."
        ) % {"last": last, "weight": ROTATION_WEIGHT, "penalty": seen.rotation_penalty}
    return text


def _overlap(
    start: datetime.datetime,
    end: datetime.datetime,
    other_start: datetime.datetime,
    other_end: datetime.datetime,
) -> int:
    seconds = (min(end, other_end) - max(start, other_start)).total_seconds()
    return max(0, int(seconds) // 60)


class _Nights:
    """A member's nights (the time outside their hours between two local days) as UTC
    intervals split at their middle, built once per local date."""

    def __init__(self, member: Member) -> None:
        self.member = member
        self.cache: dict[datetime.date, tuple[datetime.datetime, ...]] = {}

    def _wall(self, day: datetime.date, at: datetime.time) -> datetime.datetime:
        return datetime.datetime.combine(day, at, tzinfo=self.member.zone).astimezone(UTC)

    def night_after(self, day: datetime.date) -> tuple[datetime.datetime, ...]:
        if day not in self.cache:
            begins = self._wall(day, self.member.latest)
            ends = self._wall(day + datetime.timedelta(days=1), self.member.earliest)
            self.cache[day] = (begins, begins + (ends - begins) / 2, ends)
        return self.cache[day]

    def outside(self, starts_at: datetime.datetime, ends_at: datetime.datetime) -> Outside:
        first = starts_at.astimezone(self.member.zone).date() - datetime.timedelta(days=1)
        last = ends_at.astimezone(self.member.zone).date()
        early = late = 0
        day = first
        while day <= last:
            begins, middle, ends = self.night_after(day)
            late += _overlap(starts_at, ends_at, begins, middle)
            early += _overlap(starts_at, ends_at, middle, ends)
            day += datetime.timedelta(days=1)
        return Outside(early=early, late=late)


def outside_hours(
    member: Member, starts_at: datetime.datetime, ends_at: datetime.datetime
) -> Outside:
    """How many minutes of a meeting fall early or late for `member`."""
    return _Nights(member).outside(starts_at, ends_at)


def last_time(member: Member, starts_at: datetime.datetime, ends_at: datetime.datetime) -> str:
    """How a past meeting fell for `member`: "early", "late" or ""."""
    return outside_hours(member, starts_at, ends_at).kind


def candidate_starts(
    first_day: datetime.date, last_day: datetime.date, step: int = STEP_MINUTES
) -> Iterable[datetime.datetime]:
    """Every start from 00:00 UTC on `first_day` to the last step of `last_day` (UTC)."""
    moment = datetime.datetime.combine(first_day, datetime.time(0), tzinfo=UTC)
    stop = datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time(0), UTC)
    while moment < stop:
        yield moment
        moment += datetime.timedelta(minutes=step)


def on_weekend(starts_at: datetime.datetime, members: Sequence[Member]) -> bool:
    """A start falls on a weekend if it is Saturday or Sunday in UTC or on any member's
    local date (Friday evening in La Paz is already Saturday in Jakarta)."""
    if starts_at.weekday() >= SATURDAY:
        return True
    return any(starts_at.astimezone(m.zone).weekday() >= SATURDAY for m in members)


def rank_slots(
    *,
    members: Sequence[Member],
    first_day: datetime.date,
    last_day: datetime.date,
    minutes: int,
    include_weekends: bool = False,
    limit: int | None = 10,
    step: int = STEP_MINUTES,
) -> list[Slot]:
    """Candidate slots in the UTC date range, best first (lowest score, then earliest)."""
    length = datetime.timedelta(minutes=minutes)
    ordered = sorted(members, key=lambda m: (m.name, m.key))
    nights = [_Nights(member) for member in ordered]
    slots = []
    for starts_at in candidate_starts(first_day, last_day, step):
        if not include_weekends and on_weekend(starts_at, ordered):
            continue
        ends_at = starts_at + length
        seen = tuple(
            MemberTime(
                member=night.member,
                starts=starts_at.astimezone(night.member.zone),
                ends=ends_at.astimezone(night.member.zone),
                outside=night.outside(starts_at, ends_at),
            )
            for night in nights
        )
        slots.append(Slot(starts_at=starts_at, ends_at=ends_at, members=seen))
    slots.sort(key=lambda slot: (slot.score, slot.starts_at))
    return slots if limit is None else slots[:limit]
