"""The slot finder: which meeting times burden the committee least, and share the burden
fairly over its recent meetings.

Pure functions, no database. Input: the committee's members (their zone, the local hours in
which they accept to meet, their hard limits, and the burden each already bore over the
committee's recent meetings), a date range and a meeting duration. Output: candidate slots
ranked by score, each carrying, per member, the local start and end, how many minutes fall
early or late, and the weighted burden of those minutes.

A member's night is the time between the end of one day's hours and the start of the next
(21:00 → 07:00 by default). It is built from each local date's wall clock, so daylight-saving
changes inside the range are followed: the same UTC time is 14:00 in Brussels in winter and
15:00 in summer, and a meeting at 23:00 UTC is judged on the next day's date in Jakarta. The
night is split at its middle (02:00 by default, 03:00 for someone whose hours are 08:00–22:00):
a minute before the middle is "late" (the evening ran on), after it "early" (the morning came
too soon).

Burden, for one member: every minute of the meeting inside their night weighs
1 + DEPTH_PER_HOUR × (hours from the nearest edge of their hours), so the weight grows the
deeper into the night the minute falls and is heaviest at its middle; and a meeting that takes
any minute of their night adds DISTURBANCE (90, what the first hour past the edge weighs). With
the default hours, 21:00–22:00 weighs 90 + 90 = 180, 22:00–23:00 150 + 90 = 240, 02:00–03:00
(the deepest) 330 + 90 = 420 and 03:00–04:00 360: a 03:00 start costs twice a 21:00 one. Why
the fixed part: without it the ranking shaved a quarter of an hour off the evenings of many
members at every meeting, and the same members were outside their hours every time; with it,
leaving some members wholly alone is cheaper, and who is left alone rotates.

Hard limits: a member may set `never_after` (a clock time in the evening half of their night)
and `never_before` (one in the morning half). No minute of a suggestion falls between them;
when only one is set, the other end of the forbidden stretch is the middle of the night. A time
that breaks anyone's hard limit is never suggested, however good otherwise.

Fairness over a series: each member carries `burden_so_far`, the burden they bore over the
committee's last RECENT_MEETINGS (6) meetings of the last RECENT_DAYS (365) days before the
range (not cancelled ones; a meeting counts for its participants, or for every current member
when it has none recorded), judged against their hours as they are now. A slot's score is the
sum over members of (so_far + this)^POWER − so_far^POWER: how much it raises the sum of every
member's total to the fourth power. The more a member has already borne, the more a new burden
costs them, so the burden moves to whoever has borne least, and between members with nothing
yet two small burdens still beat one large one. This replaces a rotation that remembered only
the last meeting (minutes outside counted three times for whoever had the inconvenient slot):
with it, two members eight hours apart alternated forever while the third was never burdened,
and a 4-hour meeting took the same slot every time.

Why these numbers: `tests/test_slot_fairness.py` measures the issue's criterion. Six meetings
are scheduled in a row from the top suggestion, each becoming history for the next search; then
nobody may be outside their hours in every meeting, and the most burdened member may bear at
most twice what the least burdened among those ever burdened bears. A simulation over
DISTURBANCE 0–120, DEPTH_PER_HOUR 0.5–2, POWER 2–6 and starting dates through the year chose
90, 1 and 4. With squares (POWER 2) the one member at an edge of the demo committee (Luis,
Guatemala) bore twice what each of the two at the other edge (Jakarta) bore, since two people's
squares grow together; fourth powers bring them within 10%. Powers of 5 or more, or a
DISTURBANCE of 120, passed too, except with an older meeting in the history (the demo's
December 2020 one, before RECENT_DAYS): there they gave a member never burdened a small burden
once to spare the others, which breaks the ratio (14 to 16 times). Measured: the demo
committee, 2 hours: ratio 1.08, nobody always outside; three members eight hours apart: 1.14 (2
hours) and 1.15 (4 hours), nobody always outside. The demo committee with 4-hour meetings keeps
the ratio (1.91), but Luis, Alexandra (Lima) and the two members in Jakarta are outside their
hours every time, and no weighting can avoid it: Guatemala's 07:00 is 13:00 UTC and Jakarta's
21:00 is 14:00 UTC, so a 4-hour meeting that spares Jakarta starts by 10:00 UTC, an hour early
for Gabriela (La Paz) and three for Luis, more than twice hers, every time (or it puts the
seven members in Africa and Europe in the middle of their night).

Candidate starts step by STEP_MINUTES = 15, not 30: in Kathmandu (UTC+05:45) a half-hour grid
never starts at 07:00 or ends at 21:00 local, so the members there would always lose a quarter
of an hour at the edges; a quarter-hour grid lets every zone in use start on its own hour.

Ties keep the earlier slot first, so the ranking is the same every time it is asked for."""

import dataclasses
import datetime
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

UTC = datetime.UTC
STEP_MINUTES = 15
DEPTH_PER_HOUR = 1
DISTURBANCE = 90
POWER = 4
RECENT_MEETINGS = 6
RECENT_DAYS = 365
DEFAULT_EARLIEST = datetime.time(7, 0)
DEFAULT_LATEST = datetime.time(21, 0)
MAX_DAYS = 31
SATURDAY = 5
DAY_MINUTES = 24 * 60


@dataclass(frozen=True)
class Member:
    key: int
    name: str
    zone: zoneinfo.ZoneInfo
    earliest: datetime.time = DEFAULT_EARLIEST
    latest: datetime.time = DEFAULT_LATEST
    # Hard limits, local clock times in the night; None: no limit on that side.
    never_before: datetime.time | None = None
    never_after: datetime.time | None = None
    # Over the committee's recent meetings: the weighted burden borne, and in how many of
    # those meetings (of those they took part in) some minutes fell outside their hours.
    burden_so_far: int = 0
    times_outside: int = 0
    meetings: int = 0

    @property
    def has_limits(self) -> bool:
        return self.never_before is not None or self.never_after is not None


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
    burden: int = 0  # weighted, this meeting

    @property
    def total(self) -> int:
        """The member's burden over the recent meetings with this one."""
        return self.member.burden_so_far + self.burden

    @property
    def score(self) -> int:
        return int(self.total**POWER - self.member.burden_so_far**POWER)

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

    @cached_property
    def burden(self) -> int:
        return sum(seen.burden for seen in self.members)

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
        "burden": seen.burden,
    }
    if seen.outside.kind == "early":
        text = _(
            "%(name)s: %(duration)s too early (%(start)s–%(end)s local time), burden %(burden)s."
        )
    else:
        text = _(
            "%(name)s: %(duration)s too late (%(start)s–%(end)s local time), burden %(burden)s."
        )
    text %= values
    if seen.member.burden_so_far:
        text += " " + _(
            "Already bore %(so_far)s over the recent meetings, so this counts more."
        ) % {"so_far": seen.member.burden_so_far}
    return text


# --- A member's night ---------------------------------------------------------------------------


def _clock(at: datetime.time) -> int:
    return at.hour * 60 + at.minute


def night_minutes(earliest: datetime.time, latest: datetime.time) -> int:
    """How long the night between `latest` and the next day's `earliest` lasts on the wall
    clock."""
    return DAY_MINUTES - (_clock(latest) - _clock(earliest))


def night_middle(earliest: datetime.time, latest: datetime.time) -> datetime.time:
    """The wall-clock middle of the night: where late turns early, and the deepest point."""
    minutes = (_clock(latest) + night_minutes(earliest, latest) // 2) % DAY_MINUTES
    return datetime.time(minutes // 60, minutes % 60)


def _into_night(at: datetime.time, latest: datetime.time) -> int:
    """Wall-clock minutes from the start of the night (`latest`) to `at`."""
    return (_clock(at) - _clock(latest)) % DAY_MINUTES


def hard_limit_errors(
    *,
    earliest: datetime.time,
    latest: datetime.time,
    never_before: datetime.time | None,
    never_after: datetime.time | None,
) -> dict[str, str]:
    """What is wrong with hard limits, by field: "never after" must fall in the evening half
    of the night (from the end of the hours to its middle), "never before" in the morning
    half (from the middle to the start of the hours). Assumes valid hours."""
    errors = {}
    length = night_minutes(earliest, latest)
    values = {
        "earliest": f"{earliest:%H:%M}",
        "latest": f"{latest:%H:%M}",
        "middle": f"{night_middle(earliest, latest):%H:%M}",
    }
    if never_after is not None and _into_night(never_after, latest) * 2 > length:
        errors["never_after"] = (
            _(
                "“Never after” must fall between the end of your hours (%(latest)s) and the "
                "middle of your night (%(middle)s)."
            )
            % values
        )
    if never_before is not None:
        position = _into_night(never_before, latest)
        if position * 2 < length or position > length:
            errors["never_before"] = (
                _(
                    "“Never before” must fall between the middle of your night (%(middle)s) "
                    "and the start of your hours (%(earliest)s)."
                )
                % values
            )
    return errors


def _overlap(
    start: datetime.datetime,
    end: datetime.datetime,
    other_start: datetime.datetime,
    other_end: datetime.datetime,
) -> int:
    seconds = (min(end, other_end) - max(start, other_start)).total_seconds()
    return max(0, int(seconds) // 60)


def _weighted(from_edge: float, to_edge: float) -> float:
    """The burden of the minutes lying `from_edge` to `to_edge` minutes from the edge of the
    member's hours: the integral of 1 + DEPTH_PER_HOUR × minutes / 60."""
    return (to_edge - from_edge) + DEPTH_PER_HOUR * (to_edge**2 - from_edge**2) / 120


def _minutes(delta: datetime.timedelta) -> float:
    return delta.total_seconds() / 60


@dataclass(frozen=True)
class Judged:
    outside: Outside
    burden: int
    forbidden: bool  # breaks a hard limit


class _Nights:
    """A member's nights as UTC instants (start, middle, end, and the hard-limit stretch),
    built once per local date."""

    def __init__(self, member: Member) -> None:
        self.member = member
        self.cache: dict[datetime.date, tuple[datetime.datetime, ...]] = {}

    def _wall(self, day: datetime.date, at: datetime.time) -> datetime.datetime:
        return datetime.datetime.combine(day, at, tzinfo=self.member.zone).astimezone(UTC)

    def _in_night(self, day: datetime.date, at: datetime.time) -> datetime.datetime:
        """`at` in the night that begins on `day`: that day's evening or the next morning."""
        on = day if _clock(at) >= _clock(self.member.latest) else day + datetime.timedelta(1)
        return self._wall(on, at)

    def night_after(self, day: datetime.date) -> tuple[datetime.datetime, ...]:
        """(begins, middle, ends, never_from, never_until) of the night after `day`; the last
        two are equal when the member set no hard limit."""
        if day not in self.cache:
            member = self.member
            begins = self._wall(day, member.latest)
            ends = self._wall(day + datetime.timedelta(days=1), member.earliest)
            middle = begins + (ends - begins) / 2
            never_from = never_until = middle
            if member.never_after is not None:
                never_from = self._in_night(day, member.never_after)
            if member.never_before is not None:
                never_until = self._in_night(day, member.never_before)
            self.cache[day] = (begins, middle, ends, never_from, never_until)
        return self.cache[day]

    def judge(self, starts_at: datetime.datetime, ends_at: datetime.datetime) -> Judged:
        first = starts_at.astimezone(self.member.zone).date() - datetime.timedelta(days=1)
        last = ends_at.astimezone(self.member.zone).date()
        early = late = 0
        burden = 0.0
        forbidden = False
        day = first
        while day <= last:
            begins, middle, ends, never_from, never_until = self.night_after(day)
            late += _overlap(starts_at, ends_at, begins, middle)
            early += _overlap(starts_at, ends_at, middle, ends)
            low, high = max(starts_at, begins), min(ends_at, middle)
            if low < high:
                burden += _weighted(_minutes(low - begins), _minutes(high - begins))
            low, high = max(starts_at, middle), min(ends_at, ends)
            if low < high:
                burden += _weighted(_minutes(ends - high), _minutes(ends - low))
            if max(starts_at, never_from) < min(ends_at, never_until):
                forbidden = True
            day += datetime.timedelta(days=1)
        outside = Outside(early=early, late=late)
        if outside.minutes:
            burden += DISTURBANCE
        return Judged(outside, round(burden), forbidden)


def outside_hours(
    member: Member, starts_at: datetime.datetime, ends_at: datetime.datetime
) -> Outside:
    """How many minutes of a meeting fall early or late for `member`."""
    return _Nights(member).judge(starts_at, ends_at).outside


def judge(member: Member, starts_at: datetime.datetime, ends_at: datetime.datetime) -> Judged:
    """How a meeting falls for `member`: minutes outside, weighted burden, hard limits."""
    return _Nights(member).judge(starts_at, ends_at)


def with_history(
    member: Member,
    meetings: Iterable[tuple[datetime.datetime, datetime.datetime]],
) -> Member:
    """`member` with the burden borne over `meetings` (their starts and ends, UTC), judged
    against the member's hours as they are now."""
    nights = _Nights(member)
    burden = outside = count = 0
    for starts_at, ends_at in meetings:
        judged = nights.judge(starts_at, ends_at)
        burden += judged.burden
        outside += bool(judged.outside.minutes)
        count += 1
    return dataclasses.replace(member, burden_so_far=burden, times_outside=outside, meetings=count)


# --- Ranking ------------------------------------------------------------------------------------


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
    """Candidate slots in the UTC date range that break nobody's hard limits, best first
    (lowest score, then earliest)."""
    length = datetime.timedelta(minutes=minutes)
    ordered = sorted(members, key=lambda m: (m.name, m.key))
    nights = [_Nights(member) for member in ordered]
    slots = []
    for starts_at in candidate_starts(first_day, last_day, step):
        if not include_weekends and on_weekend(starts_at, ordered):
            continue
        ends_at = starts_at + length
        seen = []
        for night in nights:
            judged = night.judge(starts_at, ends_at)
            if judged.forbidden:
                break
            seen.append(
                MemberTime(
                    member=night.member,
                    starts=starts_at.astimezone(night.member.zone),
                    ends=ends_at.astimezone(night.member.zone),
                    outside=judged.outside,
                    burden=judged.burden,
                )
            )
        else:
            slots.append(Slot(starts_at=starts_at, ends_at=ends_at, members=tuple(seen)))
    slots.sort(key=lambda slot: (slot.score, slot.starts_at))
    return slots if limit is None else slots[:limit]
