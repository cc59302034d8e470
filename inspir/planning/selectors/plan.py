"""Reads of the plan: which period a page shows, the plan's actions as the list shows them,
one action with everything it links to, and what an owner may link an action to."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from inspir.accounts.permissions import AnyUser, reach_of
from inspir.core.collation import name_order
from inspir.core.texts import Shown, key, shown_all
from inspir.governance.models import Decision, Meeting
from inspir.governance.selectors.access import visible_decisions, visible_meetings
from inspir.governance.selectors.texts import read_texts
from inspir.network.models import Network, Organisation, Person, top_down
from inspir.planning import rules
from inspir.planning.models import PlanAction, PlanPeriod, Suggestion, SuggestionStatus
from inspir.planning.permissions import readable_network_ids
from inspir.planning.selectors.access import (
    readable_actions,
    readable_networks,
    readable_stakeholders,
)

# A decision or meeting may have led to an action up to a year before its period.
LINK_LEAD_TIME = datetime.timedelta(days=366)


def periods() -> list[PlanPeriod]:
    """Every period, latest first (a handful: one per two years)."""
    return list(PlanPeriod.objects.order_by("-starts_on", "-pk"))


def period_chosen(value: str | None, choices: list[PlanPeriod]) -> PlanPeriod | None:
    """The period `value` (an id from the address) names among `choices`, else the one
    that holds today, else the latest; None when there is no period yet."""
    if value and value.isdigit() and len(value) < 12:
        for period in choices:
            if period.pk == int(value):
                return period
    today = timezone.localdate()
    for period in choices:
        if period.starts_on <= today <= period.ends_on:
            return period
    return choices[0] if choices else None


@dataclass(frozen=True)
class Listed:
    """An action as the plan's list shows it, with what the dashboard would flag."""

    action: PlanAction
    title: Shown
    overdue: bool
    no_lead: bool
    unlinked: bool


def _for_list(actions: QuerySet[PlanAction]) -> QuerySet[PlanAction]:
    return actions.select_related(
        "network", "lead_network", "lead_organisation", "lead_person"
    ).annotate(strengthens_count=Count("strengthens", distinct=True))


def plan_actions(
    user: AnyUser,
    *,
    period: PlanPeriod,
    network: Network | None = None,
    domain: str = "",
    status: str = "",
) -> QuerySet[PlanAction]:
    actions = readable_actions(user).filter(period=period)
    if network is not None:
        actions = actions.filter(network=network)
    if domain:
        actions = actions.filter(domain=domain)
    if status:
        actions = actions.filter(status=status)
    return actions


def plan_page(actions: QuerySet[PlanAction], *, page: str | None) -> tuple[Page, list[Listed]]:
    """A page of `actions`, by domain, then level from the top down, then start: four
    queries (count, page, titles and their translations), whatever the plan's size."""
    ordered = _for_list(actions).order_by("domain", top_down("network__"), "starts_on", "pk")
    found = Paginator(ordered, rules.PAGE_SIZE).get_page(page)
    rows = list(found.object_list)
    titles = shown_all((action, "title") for action in rows)
    today = timezone.localdate()
    listed = [
        Listed(
            action=action,
            title=titles[key(action, "title")],
            overdue=rules.is_overdue(action, today),
            no_lead=rules.lacks_lead(action),
            unlinked=rules.must_strengthen(action.network.level) and action.strengthens_count == 0,  # type: ignore[attr-defined]
        )
        for action in rows
    ]
    return found, listed


def action_for_reader(*, user: AnyUser, pk: int) -> PlanAction:
    """The action with everything its page shows; DoesNotExist when out of reach."""
    action = (
        readable_actions(user)
        .select_related(
            "period", "network", "lead_network", "lead_organisation", "lead_person", "created_by"
        )
        .prefetch_related(
            "partner_networks",
            "partner_organisations",
            "indicators",
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related("committee__network").order_by(
                    "decided_at"
                ),
            ),
            Prefetch(
                "meetings",
                queryset=Meeting.objects.select_related("committee__network").order_by("starts_at"),
            ),
            "stakeholders",
        )
        .get(pk=pk)
    )
    # Both directions of subsidiarity in one read, and the suggestions it came from or
    # awaits in another.
    links = PlanAction.strengthens.through.objects.filter(
        Q(from_planaction_id=action.pk) | Q(to_planaction_id=action.pk)
    ).select_related("from_planaction__network", "to_planaction__network")
    # Only what the reader may open: an international action strengthens actions of every
    # continent, and a member of one reads its own and those above it.
    readable = readable_network_ids(user)

    def reads(network_id: int) -> bool:
        return readable is None or network_id in readable

    action.strengthening = [  # type: ignore[attr-defined]
        link.to_planaction
        for link in links
        if link.from_planaction_id == action.pk and reads(link.to_planaction.network_id)
    ]
    action.strengthened = [  # type: ignore[attr-defined]
        link.from_planaction
        for link in links
        if link.to_planaction_id == action.pk and reads(link.from_planaction.network_id)
    ]
    # The decisions and meetings of the committees the reader reads, the stakeholders of the
    # analyses they read (the prefetched lists, narrowed without a query).
    action.linked_decisions = [  # type: ignore[attr-defined]
        d for d in action.decisions.all() if reads(d.committee.network_id)
    ]
    action.linked_meetings = [  # type: ignore[attr-defined]
        m for m in action.meetings.all() if reads(m.committee.network_id)
    ]
    action.linked_stakeholders = [  # type: ignore[attr-defined]
        s for s in action.stakeholders.all() if reads(s.network_id)
    ]
    suggestions = (
        Suggestion.objects.filter(
            Q(result_id=action.pk) | Q(action_id=action.pk, status=SuggestionStatus.PENDING)
        )
        .select_related("from_network")
        .order_by("created_at", "pk")
    )
    action.came_from = [s for s in suggestions if s.result_id == action.pk]  # type: ignore[attr-defined]
    action.pending_suggestions = [  # type: ignore[attr-defined]
        s for s in suggestions if s.status == SuggestionStatus.PENDING and s.action_id == action.pk
    ]
    return action


def action_texts(action: PlanAction) -> None:
    """Read every text the action's page shows in the reader's language, into each
    record's `texts` (governance's `read_texts`): two queries."""
    pairs: list[tuple[Any, str]] = [(action, "title"), (action, "description")]
    for indicator in action.indicators.all():
        pairs += [(indicator, "name"), (indicator, "unit")]
    pairs += [(decision, "title") for decision in action.linked_decisions]  # type: ignore[attr-defined]
    pairs += [(meeting, "title") for meeting in action.linked_meetings]  # type: ignore[attr-defined]
    pairs += [(other, "title") for other in action.strengthening]  # type: ignore[attr-defined]
    pairs += [(other, "title") for other in action.strengthened]  # type: ignore[attr-defined]
    read_texts(pairs)


def _line(user: AnyUser, network: Network) -> tuple[frozenset[int], frozenset[int]]:
    """The ids of `network` with those above it, and of the networks strictly below it."""
    reach = reach_of(user)
    ids = frozenset({network.pk})
    return reach.above(ids), reach.below(ids) - ids


def link_choices(
    user: AnyUser, *, network: Network | None, period: PlanPeriod | None
) -> dict[str, QuerySet[Any]]:
    """What an owner may link an action of `network` in `period` to: its lead and partners
    among the networks and the organisations and people of its line, the decisions and
    meetings of its committee and those above it around the period, the stakeholders of
    its line's analyses, and the actions of the networks below it in the same period. With
    no network yet (a new action), every network's the reader owns."""
    networks = Network.objects.order_by(top_down(), name_order())
    above: frozenset[int] = frozenset()
    below: frozenset[int] = frozenset()
    if network is None:
        line = frozenset(reach_of(user).parents)
    else:
        above, below = _line(user, network)
        line = above | below
    organisations = (
        Organisation.objects.filter(memberships__network_id__in=line)
        .distinct()
        .order_by(name_order())
    )
    since = (
        datetime.datetime.combine(period.starts_on, datetime.time(), tzinfo=datetime.UTC)
        - LINK_LEAD_TIME
        if period
        else None
    )
    until = (
        datetime.datetime.combine(period.ends_on, datetime.time.max, tzinfo=datetime.UTC)
        if period
        else None
    )
    decisions = visible_decisions(user).filter(committee__network_id__in=above or line)
    meetings = visible_meetings(user).filter(committee__network_id__in=above or line)
    if since and until:
        decisions = decisions.filter(decided_at__range=(since, until))
        meetings = meetings.filter(starts_at__range=(since, until))
    return {
        "lead_network": networks,
        "partner_networks": networks,
        "lead_organisation": organisations,
        "partner_organisations": organisations,
        "lead_person": Person.objects.filter(organisation__in=organisations.values("pk"))
        .select_related("organisation")
        .order_by(name_order()),
        "decisions": decisions.select_related("committee__network").order_by("-decided_at"),
        "meetings": meetings.select_related("committee__network").order_by("-starts_at"),
        "stakeholders": readable_stakeholders(user)
        .filter(network_id__in=line)
        .order_by("name", "pk"),
        "strengthens": PlanAction.objects.filter(period=period, network_id__in=below)
        .select_related("network")
        .order_by(top_down("network__"), name_order("network__"), "pk")
        if network is not None and period is not None
        else PlanAction.objects.none(),
    }


def readable_plan_networks(user: AnyUser) -> QuerySet[Network]:
    """The networks whose plan the reader may filter on, from the top down."""
    return readable_networks(user).order_by(top_down(), name_order())
