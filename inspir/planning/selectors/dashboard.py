"""What the plan's dashboard shows, and the scope every plan summary shares (the dashboard,
the printed plan, the exports): one period, and one network or every network the reader
reads, of the actions the reader may read.

The figures are counted by the database (one query per table, whatever the number of
actions); the lists of actions that need attention are cut at `LIST_LIMIT`, with the number
left out, and their titles are read in the reader's language in two queries."""

import datetime
import math
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Sum,
)

from inspir.accounts.permissions import AnyUser
from inspir.core.collation import name_order
from inspir.core.texts import Shown, shown_many
from inspir.governance.models import Domain
from inspir.network.models import Level, Network, top_down
from inspir.planning import rules
from inspir.planning.models import ActionStatus, PlanAction, PlanPeriod
from inspir.planning.selectors.access import readable_actions, readable_networks
from inspir.planning.selectors.plan import period_chosen, periods

# How many actions each list of the dashboard shows; the rest are counted.
LIST_LIMIT = 20
# --- Scope ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """The part of the plan a page summarises."""

    periods: list[PlanPeriod]
    period: PlanPeriod | None
    networks: list[Network]  # every network whose plan the reader reads, top level first
    network: Network | None  # the one chosen; None for all of `networks`

    @property
    def reads_nothing(self) -> bool:
        return not self.networks

    @property
    def query(self) -> dict[str, str]:
        """The scope as the address's parameters, for links to the other summaries."""
        query = {"period": str(self.period.pk)} if self.period else {}
        if self.network:
            query["network"] = self.network.slug
        return query


def scope_chosen(user: AnyUser, *, period: str | None, network: str | None) -> Scope:
    """The period `period` (an id) names, else the current or latest one; the network
    `network` (a slug) names among those `user` reads, else all of them (an unknown or
    unreadable slug, an old link, is ignored). Two queries."""
    choices = periods()
    networks = list(readable_networks(user).order_by(top_down(), name_order(), "pk"))
    chosen = next((item for item in networks if network and item.slug == network), None)
    return Scope(
        periods=choices,
        period=period_chosen(period, choices),
        networks=networks,
        network=chosen,
    )


def scoped_actions(user: AnyUser, scope: Scope) -> QuerySet[PlanAction]:
    """The actions of the scope that `user` reads."""
    if scope.period is None or scope.reads_nothing:
        return PlanAction.objects.none()
    actions = readable_actions(user).filter(period=scope.period)
    if scope.network is not None:
        actions = actions.filter(network=scope.network)
    return actions


# --- What needs attention, as the database asks it -----------------------------------------------
# Each condition says in SQL what a predicate of `planning/rules.py` says of one action;
# tests/test_dashboard.py holds them to the same answers.


def overdue_q(today: datetime.date) -> Q:
    """`rules.is_overdue`."""
    return Q(ends_on__isnull=False, ends_on__lt=today, status__in=rules.OPEN_STATUSES)


def lacks_lead_q() -> Q:
    """`rules.lacks_lead`."""
    return Q(
        lead_network__isnull=True,
        lead_organisation__isnull=True,
        lead_person__isnull=True,
        status__in=rules.OPEN_STATUSES,
    )


def subsidiary_levels() -> list[str]:
    """The levels whose actions must strengthen actions below (`rules.must_strengthen`)."""
    return [level for level in Level.values if rules.must_strengthen(level)]


def strengthens_none_q() -> Q:
    """Actions of a level that must strengthen actions below, which strengthen none."""
    strengthened = PlanAction.strengthens.through.objects.filter(from_planaction=OuterRef("pk"))
    return Q(~Exists(strengthened), network__level__in=subsidiary_levels())


# --- The dashboard -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """How far the actions of a domain or a network have come."""

    key: str  # the domain's value or the network's slug
    label: str
    count: int
    done: int
    mean: int | None  # the mean progress, in whole percent; None without actions
    network: Network | None = None


@dataclass(frozen=True)
class Listed:
    action: PlanAction
    title: Shown  # in the reader's language, else the original marked as such


@dataclass(frozen=True)
class Flagged:
    """A list of actions needing attention, cut at `LIST_LIMIT`."""

    items: list[Listed]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.items)


@dataclass(frozen=True)
class Dashboard:
    count: int
    done: int
    mean: int | None
    domains: list[Progress]
    networks: list[Progress]  # the networks with actions in the scope
    networks_without: list[Network]  # the networks of the scope with none
    overdue: Flagged
    without_lead: Flagged
    strengthening_none: Flagged
    today: datetime.date


def _percent(mean: float | None) -> int | None:
    # Halves up, as people round: 62.5 is 63.
    return None if mean is None else math.floor(mean + 0.5)


@dataclass
class _Sum:
    count: int = 0
    done: int = 0
    progress: int = 0

    def add(self, row: Mapping[str, Any]) -> None:
        self.count += row["count"]
        self.done += row["done"]
        self.progress += row["progress"] or 0

    def as_progress(self, key: str, label: str, network: Network | None = None) -> Progress:
        mean = self.progress / self.count if self.count else None
        return Progress(
            key=key,
            label=label,
            count=self.count,
            done=self.done,
            mean=_percent(mean),
            network=network,
        )


def dashboard(user: AnyUser, *, scope: Scope, today: datetime.date) -> Dashboard:
    """The scope's figures by domain and by network, and the actions overdue on `today`,
    without a lead, or that should strengthen actions below and strengthen none. Four
    queries, whatever the number of actions: the figures counted by domain and network at
    once (the totals and each side summed from them), one read of the actions to list, and
    their titles (two)."""
    actions = scoped_actions(user, scope)
    overdue, no_lead, unstrengthened = overdue_q(today), lacks_lead_q(), strengthens_none_q()
    rows: list[Any] = list(
        actions.order_by()
        .values("domain", "network")
        .annotate(
            count=Count("pk"),
            done=Count("pk", filter=Q(status=ActionStatus.DONE)),
            progress=Sum("progress"),
            overdue=Count("pk", filter=overdue),
            no_lead=Count("pk", filter=no_lead),
            unstrengthened=Count("pk", filter=unstrengthened),
        )
    )
    totals = _Sum()
    by_domain: defaultdict[str, _Sum] = defaultdict(_Sum)
    by_network: defaultdict[int, _Sum] = defaultdict(_Sum)
    flags = {"overdue": 0, "no_lead": 0, "unstrengthened": 0}
    for row in rows:
        totals.add(row)
        by_domain[row["domain"]].add(row)
        by_network[row["network"]].add(row)
        for name in flags:
            flags[name] += row[name]
    # One read for the three lists: the actions needing attention, each marked with why,
    # at most LIST_LIMIT of each kind shown (the counts above say how many there are).
    needing = list(
        actions.filter(overdue | no_lead | unstrengthened)
        .annotate(
            is_overdue=ExpressionWrapper(overdue, output_field=BooleanField()),
            has_no_lead=ExpressionWrapper(no_lead, output_field=BooleanField()),
            is_unstrengthened=ExpressionWrapper(unstrengthened, output_field=BooleanField()),
        )
        .select_related("network")
        .order_by("ends_on", "domain", "starts_on", top_down("network__"), "pk")[: 3 * LIST_LIMIT]
    )
    titles = shown_many(needing, "title")

    def flagged(marked: str, total: str, order: Callable[[PlanAction], Any]) -> Flagged:
        chosen = sorted((a for a in needing if getattr(a, marked)), key=order)[:LIST_LIMIT]
        return Flagged(
            items=[Listed(action, titles[action.pk]) for action in chosen], total=flags[total]
        )

    in_scope = [scope.network] if scope.network else scope.networks
    return Dashboard(
        count=totals.count,
        done=totals.done,
        mean=totals.as_progress("", "").mean,
        domains=[
            by_domain[domain.value].as_progress(domain.value, str(domain.label))
            for domain in Domain
        ],
        networks=[
            by_network[network.pk].as_progress(network.slug, network.name, network)
            for network in in_scope
            if network.pk in by_network
        ],
        networks_without=[network for network in in_scope if network.pk not in by_network],
        overdue=flagged("is_overdue", "overdue", lambda a: (a.ends_on, a.pk)),
        without_lead=flagged("has_no_lead", "no_lead", lambda a: (_day(a.starts_on), a.pk)),
        strengthening_none=flagged(
            "is_unstrengthened", "unstrengthened", lambda a: (a.domain, _day(a.starts_on), a.pk)
        ),
        today=today,
    )


def _day(day: datetime.date | None) -> datetime.date:
    return day or datetime.date.max
