"""What the annual report reads of governance (`governance/report.py`): a network's own
committee as it stood at the year's end, the meetings it held and the decisions it adopted
that year, and its founding meeting, whenever that was.

A meeting belongs to the year it ended in, on the calendar of its own zone (a meeting in
Lima on the evening of 31 December is of that year, though it ends on 1 January in UTC),
and counts once it is held: scheduled, not cancelled, and over. A decision belongs to the
year it was taken in, in its meeting's zone (a round's, its committee's). Every read is a
fixed number of queries, whatever the number of meetings, decisions or mandates."""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils import timezone

from inspir.core.report_sections import ReportScope
from inspir.core.texts import Shown, key, shown_all
from inspir.core.time import local, zone_of
from inspir.governance.models import (
    Committee,
    Decision,
    Mandate,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Outcome,
    SeatKind,
)
from inspir.governance.selectors.committees import Composition, committee_composition

# Outcomes that adopted the text put to consent.
ADOPTED = (Outcome.ADOPTED, Outcome.AMENDED)
# Time zones are at most 14 hours from UTC: a day on either side of the year in UTC holds
# every moment of the year on any local calendar.
_MARGIN = datetime.timedelta(days=1)


@dataclass(frozen=True)
class HeldMeeting:
    meeting: Meeting
    title: Shown
    starts_on: datetime.date  # in the meeting's own zone
    ends_on: datetime.date


@dataclass(frozen=True)
class AdoptedDecision:
    decision: Decision
    title: Shown
    decided_on: datetime.date  # in its meeting's zone, else its committee's


@dataclass(frozen=True)
class GovernanceYear:
    """A committee's year, as the report's organisational section tells it."""

    committee: Committee
    founding: HeldMeeting | None  # the network's founding meeting, that year or before
    general_assemblies: list[HeldMeeting]
    committee_meetings: list[HeldMeeting]
    decisions: list[AdoptedDecision]
    description: Shown | None  # the committee's own words on its role, when it wrote some
    members: int  # people in a full or advisory seat on the year's last day


def report_committee(scope: ReportScope) -> Committee | None:
    """The committee of the report's own network (not those below it), or None."""
    return Committee.objects.select_related("network").filter(network_id=scope.network_id).first()


def _year_bounds(scope: ReportScope) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime.combine(scope.start, datetime.time(), datetime.UTC)
    end = datetime.datetime.combine(
        scope.end + datetime.timedelta(days=1), datetime.time(), datetime.UTC
    )
    return start - _MARGIN, end + _MARGIN


def _in_year(day: datetime.date, scope: ReportScope) -> bool:
    return scope.start <= day <= scope.end


def committee_members_on(committee: Committee, on: datetime.date) -> int:
    """People holding a full or advisory seat on `on` (the facilitator is not a member):
    counted as `committees.steering_committee_members` counts the intercontinental one."""
    return (
        Mandate.objects.filter(committee=committee, start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .exclude(rule__kind=SeatKind.FACILITATION)
        .values("person")
        .distinct()
        .count()
    )


def governance_year(scope: ReportScope, committee: Committee) -> GovernanceYear:
    """`committee`'s founding meeting, its meetings held and decisions adopted in the year,
    its description and its members at the year's end: five queries (six the first time a
    kind of record's texts are read in the process)."""
    lower, upper = _year_bounds(scope)
    now = timezone.now()
    meetings = list(
        Meeting.objects.filter(
            committee=committee, status=MeetingStatus.SCHEDULED, ends_at__lte=now
        )
        .filter(
            Q(kind=MeetingKind.FOUNDING, ends_at__lt=upper)
            | Q(ends_at__gte=lower, ends_at__lt=upper)
        )
        .only(
            "committee_id",
            "title",
            "kind",
            "format",
            "location",
            "starts_at",
            "ends_at",
            "time_zone",
        )
        .order_by("starts_at", "pk")
    )
    committee_zone = zone_of(committee.time_zone)
    decisions = list(
        Decision.objects.filter(
            committee=committee,
            outcome__in=ADOPTED,
            decided_at__gte=lower,
            decided_at__lt=upper,
            decided_at__lte=now,
        )
        .select_related("meeting")
        .only("committee_id", "title", "decided_at", "meeting__time_zone")
        .order_by("decided_at", "pk")
    )
    pairs: list[tuple[models.Model, str]] = [(meeting, "title") for meeting in meetings]
    pairs += [(decision, "title") for decision in decisions]
    if committee.description:
        pairs.append((committee, "description"))
    texts = shown_all(pairs)

    founding = None
    assemblies: list[HeldMeeting] = []
    of_committee: list[HeldMeeting] = []
    for meeting in meetings:
        held = HeldMeeting(
            meeting=meeting,
            title=texts[key(meeting, "title")],
            starts_on=local(meeting.starts_at, meeting.zone).moment.date(),
            ends_on=local(meeting.ends_at, meeting.zone).moment.date(),
        )
        if meeting.kind == MeetingKind.FOUNDING:
            # The first one founded the network, whenever it was, if it was by the year's end.
            if founding is None and held.ends_on <= scope.end:
                founding = held
        elif not _in_year(held.ends_on, scope):
            continue
        elif meeting.kind == MeetingKind.GENERAL_ASSEMBLY:
            assemblies.append(held)
        else:
            of_committee.append(held)

    adopted = []
    for decision in decisions:
        zone: zoneinfo.ZoneInfo = (
            decision.meeting.zone if decision.meeting is not None else committee_zone
        )
        decided_on = local(decision.decided_at, zone).moment.date()
        if _in_year(decided_on, scope):
            adopted.append(AdoptedDecision(decision, texts[key(decision, "title")], decided_on))

    return GovernanceYear(
        committee=committee,
        founding=founding,
        general_assemblies=assemblies,
        committee_meetings=of_committee,
        decisions=adopted,
        description=texts.get(key(committee, "description")),
        members=committee_members_on(committee, scope.end),
    )


def composition_at_year_end(scope: ReportScope, committee: Committee) -> Composition:
    """`committee` on the year's last day, measured against its rules (the committee page's
    reading, `committee_composition`): its seats, grouped by whom they speak for, and the
    standing mandates current that day. Three queries, four when a rule asks that its
    holders sit on their network's own committee."""
    return committee_composition(committee, on=scope.end)
