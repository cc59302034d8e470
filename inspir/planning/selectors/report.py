"""Reads of the plan for the annual report (`planning/report.py`): the actions of a network
and those below it as they stood at the end of a year, and the actions planned for after it.

An action's status, progress, domain, dates and lead are read as of the year's end from its
change history (`planning/history.py`): the last state saved on or before 31 December. An
action with no state saved by then (entered afterwards, or from before histories were kept)
is read in the earliest state known, else as it stands, so that what the network did in
2021 never changes what the 2020 report says. The states come with the actions, in the same
query (two subqueries on `Revision`); titles and leads take a fixed number of queries more.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import JSONField, OuterRef, QuerySet, Subquery
from django.utils import timezone

from inspir.core.collation import sort_key
from inspir.core.i18n import current_language
from inspir.core.models import Revision
from inspir.core.report_sections import ReportScope
from inspir.core.texts import Shown, key, shown_all
from inspir.network.models import Level, Network, Organisation, Person
from inspir.planning.models import ActionStatus, PlanAction
from inspir.planning.rules import OPEN_STATUSES

_LEVEL_RANK: dict[str, int] = {Level.INTERCONTINENTAL: 0, Level.CONTINENTAL: 1, Level.NATIONAL: 2}


def year_end_cutoff(year: int) -> datetime.datetime:
    """The first moment after the year: what was saved before it counts for that year."""
    return datetime.datetime(year + 1, 1, 1, tzinfo=timezone.get_default_timezone())


@dataclass(frozen=True)
class ActionAtYearEnd:
    """A plan action as it stood at a year's end, with its texts read for the reader."""

    action: PlanAction
    domain: str
    status: str
    progress: int
    starts_on: datetime.date | None  # the action's own dates, else its period's
    ends_on: datetime.date | None
    lead: str  # the lead's name, "" when nobody leads it
    title: Shown
    description: Shown | None  # read only when asked for


def _with_year_end_state(actions: QuerySet[PlanAction], year: int) -> QuerySet[PlanAction]:
    """`actions` with the state last saved before the end of `year` (`state_then`) and the
    earliest state saved (`state_first`), both None when nothing was saved."""
    content_type = ContentType.objects.get_for_model(PlanAction, for_concrete_model=False)
    saved = Revision.objects.filter(content_type=content_type, object_id=OuterRef("pk"))
    then = saved.filter(created_at__lt=year_end_cutoff(year)).order_by("-version", "-pk")
    first = saved.order_by("version", "pk")
    return actions.annotate(
        state_then=Subquery(then.values("snapshot")[:1], output_field=JSONField()),
        state_first=Subquery(first.values("snapshot")[:1], output_field=JSONField()),
    )


def _state(action: Any) -> dict[str, Any]:
    state = action.state_then if action.state_then is not None else action.state_first
    return state if isinstance(state, dict) else {}


def _day(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and value:
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


_LEAD_FIELDS = ("lead_network", "lead_organisation", "lead_person")
_LEAD_MODELS: dict[str, Any] = {
    "lead_network": Network,
    "lead_organisation": Organisation,
    "lead_person": Person,
}


def _leads(states: list[tuple[PlanAction, dict[str, Any]]]) -> dict[tuple[str, int], str]:
    """The names of the leads the states name, by (field, id): one query per kind of lead
    named (three at most)."""
    wanted: dict[str, set[int]] = {name: set() for name in _LEAD_FIELDS}
    for action, state in states:
        for name in _LEAD_FIELDS:
            value = state[name] if name in state else getattr(action, f"{name}_id")
            if isinstance(value, int):
                wanted[name].add(value)
    names: dict[tuple[str, int], str] = {}
    for name, ids in wanted.items():
        if ids:
            for pk, record in _LEAD_MODELS[name]._default_manager.in_bulk(sorted(ids)).items():
                names[(name, pk)] = str(record)
    return names


def _read(
    actions: QuerySet[PlanAction], year: int, *, descriptions: bool = False
) -> list[ActionAtYearEnd]:
    """`actions` as they stood at the end of `year`, from the top of the network down, then
    by start: one query for the actions and their states, two for their texts, one per kind
    of lead."""
    found = list(
        _with_year_end_state(actions.select_related("network", "period"), year).order_by("pk")
    )
    states = [(action, _state(action)) for action in found]
    lead_names = _leads(states)
    fields = ("title", "description") if descriptions else ("title",)
    texts = shown_all((action, field) for action in found for field in fields)
    read = []
    for action, state in states:
        lead = ""
        for name in _LEAD_FIELDS:
            value = state[name] if name in state else getattr(action, f"{name}_id")
            if isinstance(value, int) and (name, value) in lead_names:
                lead = lead_names[(name, value)]
                break
        starts_on = _day(state["starts_on"]) if "starts_on" in state else action.starts_on
        ends_on = _day(state["ends_on"]) if "ends_on" in state else action.ends_on
        progress = state.get("progress", action.progress)
        read.append(
            ActionAtYearEnd(
                action=action,
                domain=str(state.get("domain") or action.domain),
                status=str(state.get("status") or action.status),
                progress=int(progress) if isinstance(progress, int) else action.progress,
                starts_on=starts_on or action.period.starts_on,
                ends_on=ends_on or action.period.ends_on,
                lead=lead,
                title=texts[key(action, "title")],
                description=texts.get(key(action, "description")) if descriptions else None,
            )
        )
    read.sort(
        key=lambda one: (
            _LEVEL_RANK.get(one.action.network.level, 3),
            sort_key(one.action.network.name, current_language()),
            one.starts_on or datetime.date.min,
            one.action.pk,
        )
    )
    return read


def actions_of_year(scope: ReportScope) -> list[ActionAtYearEnd]:
    """The actions of the scope's networks whose dates, as they stood at the year's end,
    overlap the year (the plan's periods that overlap it)."""
    candidates = PlanAction.objects.filter(
        network_id__in=scope.network_ids,
        period__starts_on__lte=scope.end,
        period__ends_on__gte=scope.start,
    )
    return [
        one
        for one in _read(candidates, scope.year)
        if (one.starts_on is None or one.starts_on <= scope.end)
        and (one.ends_on is None or one.ends_on >= scope.start)
    ]


@dataclass(frozen=True)
class Perspectives:
    """What the plan held, at a year's end, for after it."""

    new: list[ActionAtYearEnd]  # to start after the year
    continuing: list[ActionAtYearEnd]  # started, still open, ending after the year


def perspectives_of_year(scope: ReportScope) -> Perspectives:
    """The priority actions the plan held at the year's end for after it, in the plan
    periods still running after the year or starting by the end of the next one: those to
    start after the year (with their descriptions), and those still open that go on after
    it. Dropped and finished ones are left out."""
    next_year_end = datetime.date(scope.year + 1, 12, 31)
    candidates = PlanAction.objects.filter(
        network_id__in=scope.network_ids,
        period__ends_on__gt=scope.end,
        period__starts_on__lte=next_year_end,
    )
    found = _read(candidates, scope.year, descriptions=True)
    return Perspectives(
        new=[
            one
            for one in found
            if one.starts_on is not None
            and one.starts_on > scope.end
            and one.status != ActionStatus.DROPPED
        ],
        continuing=[
            one
            for one in found
            if one.status in OPEN_STATUSES
            and (one.starts_on is None or one.starts_on <= scope.end)
            and one.ends_on is not None
            and one.ends_on > scope.end
        ],
    )
