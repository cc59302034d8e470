"""Reads of the funders and their calls: the list, one funder's page (its calls, the
proposals to it the reader reads, amounts only where they may see them)."""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from inspir.accounts.permissions import AnyUser
from inspir.financing import rules
from inspir.financing.models import Funder, FundingCall
from inspir.financing.permissions import may_write_funder_of
from inspir.financing.selectors.access import readable_funders, readable_proposals
from inspir.financing.selectors.proposals import Card, _cards
from inspir.governance.selectors.texts import read_texts


def funder_page(user: AnyUser, *, kind: str = "", page: str | None = None) -> Page:
    """A page of the funders, by name, each with its number of calls and its next deadline:
    two queries (count, page)."""
    today = timezone.localdate()
    funders = readable_funders(user).select_related("network")
    if kind:
        funders = funders.filter(kind=kind)
    funders = funders.annotate(
        calls_count=Count("calls", distinct=True),
        next_deadline=Min("calls__deadline", filter=Q(calls__deadline__gte=today)),
    ).order_by("name", "pk")
    return Paginator(funders, rules.FUNDER_PAGE_SIZE).get_page(page)


@dataclass(frozen=True)
class FunderPage:
    funder: Funder
    calls: list[FundingCall]
    proposals: list[Card]
    more_proposals: int
    writable: bool


def funder_for_reader(*, user: AnyUser, pk: int) -> FunderPage:
    """A funder with its calls (by deadline) and the proposals to it the reader reads (the
    latest years first, at most a page); DoesNotExist when out of reach."""
    funder = readable_funders(user).select_related("network").get(pk=pk)
    calls = list(funder.calls.order_by("-deadline", "pk"))
    proposals: QuerySet[Any] = readable_proposals(user).filter(funder=funder)
    count = proposals.count()
    cards = _cards(user, proposals.order_by("-year", "title", "pk")[: rules.PAGE_SIZE])
    pairs: list[tuple[Any, str]] = [(funder, "notes")]
    pairs += [(call, field) for call in calls for field in ("title", "description")]
    pairs += [(card.proposal, "title") for card in cards]
    read_texts(pairs)
    return FunderPage(
        funder=funder,
        calls=calls,
        proposals=cards,
        more_proposals=count - len(cards),
        writable=may_write_funder_of(user, funder.network_id),
    )


def writable_call(*, user: AnyUser, pk: int) -> FundingCall:
    from inspir.financing.selectors.access import writable_calls

    return writable_calls(user).select_related("funder__network").get(pk=pk)


def writable_funder(*, user: AnyUser, pk: int) -> Funder:
    from inspir.financing.selectors.access import writable_funders

    return writable_funders(user).select_related("network").get(pk=pk)
