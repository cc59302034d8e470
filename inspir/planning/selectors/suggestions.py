"""Reads of the suggestions: the lists (awaiting my decision, mine, every one to the plans
I read), one suggestion with what it would change, and what waits on "my work"."""

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet

from inspir.accounts.models import NetworkRole
from inspir.accounts.permissions import ROLE_ACTIONS, Action, AnyUser, reach_of, roles_granting
from inspir.core import history
from inspir.governance.models import Mandate, Office
from inspir.governance.permissions import office_network_ids
from inspir.planning import rules
from inspir.planning.models import PlanAction, PlanPeriod, Suggestion, SuggestionStatus
from inspir.planning.permissions import owned_network_ids
from inspir.planning.selectors.access import (
    decidable_suggestions,
    owned_actions,
    readable_suggestions,
)

TO_DECIDE, MINE, ALL = "decide", "mine", "all"


def _shaped(suggestions: QuerySet[Suggestion]) -> QuerySet[Suggestion]:
    return suggestions.select_related(
        "network", "from_network", "action", "result", "author__person", "period"
    )


def suggestions_listed(
    user: AnyUser, *, show: str, period: PlanPeriod | None
) -> QuerySet[Suggestion]:
    if show == TO_DECIDE:
        found = decidable_suggestions(user).filter(status=SuggestionStatus.PENDING)
    elif show == MINE:
        found = Suggestion.objects.filter(author_id=user.pk)
    else:
        found = readable_suggestions(user)
    if period is not None:
        found = found.filter(period=period)
    return _shaped(found).order_by("-created_at", "-pk")


def suggestion_page(suggestions: QuerySet[Suggestion], *, page: str | None) -> Page:
    return Paginator(suggestions, rules.PAGE_SIZE).get_page(page)


def suggestion_for_reader(*, user: AnyUser, pk: int) -> Suggestion:
    return _shaped(readable_suggestions(user)).get(pk=pk)


def changes_suggested(suggestion: Suggestion) -> list[history.Change]:
    """What a change would do to its action as it stands now, field by field (long text
    line by line); for a new action, every field it fills."""
    suggested = {name: getattr(suggestion, name) for name in rules.SUGGESTED_FIELDS}
    suggested = {
        name: value.isoformat() if hasattr(value, "isoformat") else value
        for name, value in suggested.items()
    }
    current = (
        history.snapshot(suggestion.action, rules.SUGGESTED_FIELDS)
        if suggestion.action is not None
        else None
    )
    return history.changes(PlanAction, current, suggested, fields=rules.SUGGESTED_FIELDS)


def merge_choices(suggestion: Suggestion) -> QuerySet[PlanAction]:
    return PlanAction.objects.filter(
        network_id=suggestion.network_id, period_id=suggestion.period_id
    ).order_by("domain", "title", "pk")


def deciding(user: AnyUser) -> Q | None:
    """The condition on a suggestion's `network_id` that makes it the reader's to decide:
    a plan they own as their own (a coordinator's role held at that network, an office on
    its committee), or one below them whose plan has no owner of its own, so that a
    network without its people is not forgotten (as governance's `answering`). None: every
    network (staff). Adds no query: it joins the row's own."""
    owned = owned_network_ids(user)
    if owned is None or not user.is_authenticated or user.is_staff:
        return None
    held = reach_of(user).roles
    own = {
        network_id
        for network_id, role in held.items()
        if Action.PLAN in ROLE_ACTIONS.get(role, frozenset())
    } | office_network_ids(user)
    condition = Q(network_id__in=sorted(own))
    below = owned - own
    if below:
        roles = NetworkRole.objects.filter(
            network_id=OuterRef("network_id"),
            role__in=roles_granting(Action.PLAN),
            user__is_active=True,
        )
        offices = Mandate.objects.current().filter(
            committee__network_id=OuterRef("network_id"),
            rule__office__in=[Office.CHAIR, Office.SECRETARIAT],
        )
        condition |= Q(Q(network_id__in=sorted(below)), ~Exists(roles), ~Exists(offices))
    return condition


def awaiting(user: AnyUser, *, limit: int) -> list[Suggestion]:
    """The pending suggestions that are the reader's to decide (`deciding`), oldest first:
    one query."""
    pending = decidable_suggestions(user).filter(status=SuggestionStatus.PENDING)
    condition = deciding(user)
    if condition is not None:
        pending = pending.filter(condition)
    return list(_shaped(pending).order_by("created_at", "pk")[:limit])


def owns_any_plan(user: AnyUser) -> bool:
    return owned_actions(user).exists() or decidable_suggestions(user).exists()


def initial_of(suggestion: Suggestion) -> dict[str, Any]:
    return {name: getattr(suggestion, name) for name in rules.SUGGESTED_FIELDS}
