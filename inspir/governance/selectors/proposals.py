"""Reads about proposals. Every read goes through `visible_proposals(user)`, so that what a
user may not read is simply not found."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from inspir.accounts.permissions import Action, AnyUser, networks_where
from inspir.core.collation import name_order
from inspir.governance.models import (
    Decision,
    Domain,
    Meeting,
    MeetingStatus,
    Proposal,
    ProposalComment,
    ProposalEvent,
    ProposalEventKind,
    ProposalStatus,
)
from inspir.governance.permissions import governance_readable_networks, governing_networks
from inspir.governance.rules import PENDING, RAISING_LEVELS
from inspir.governance.selectors.access import visible_proposals
from inspir.network.models import Level, Membership, MembershipRole, Network, Organisation

LEVEL_ORDER = {Level.NATIONAL: 0, Level.CONTINENTAL: 1, Level.INTERCONTINENTAL: 2}


@dataclass(frozen=True)
class ProposalFilters:
    status: str = ""
    domain: str = ""
    network: str = ""  # a network's slug: raised by it or now with it
    awaiting: bool = False  # waiting for a committee the reader acts for


def proposal_list(*, user: AnyUser, filters: ProposalFilters) -> QuerySet[Proposal]:
    proposals = visible_proposals(user).select_related(
        "network", "origin_network", "origin_organisation", "author"
    )
    if filters.status:
        proposals = proposals.filter(status=filters.status)
    if filters.domain:
        proposals = proposals.filter(domain=filters.domain)
    if filters.network:
        proposals = proposals.filter(
            Q(network__slug=filters.network) | Q(origin_network__slug=filters.network)
        )
    if filters.awaiting:
        proposals = proposals.filter(
            status__in=PENDING, network__in=governing_networks(user).values("pk")
        )
    return proposals.order_by("-updated_at", "-pk")


def proposal_filter_choices(user: AnyUser) -> dict[str, list[tuple[str, Any]]]:
    networks = governance_readable_networks(user).order_by("level", name_order())
    return {
        "status": list(ProposalStatus.choices),
        "domain": list(Domain.choices),
        "network": [(network.slug, network.name) for network in networks],
    }


def proposal_get(*, user: AnyUser, pk: int) -> Proposal:
    """The proposal if `user` may read it; Proposal.DoesNotExist otherwise."""
    return (
        visible_proposals(user)
        .select_related(
            "network",
            "network__parent",
            "origin_network",
            "origin_network__parent",
            "origin_network__parent__parent",
            "origin_organisation",
            "author",
            "decision",
        )
        .get(pk=pk)
    )


def draftable_networks(user: AnyUser) -> QuerySet[Network]:
    """The national and continental networks in which `user` may raise a proposal."""
    return (
        networks_where(user, Action.VIEW_INTERNAL)
        .filter(level__in=RAISING_LEVELS)
        .order_by("level", name_order())
    )


def draftable_organisations(networks: QuerySet[Network]) -> list[tuple[Organisation, Network]]:
    """Current member organisations of `networks`, each with its network."""
    memberships = (
        Membership.objects.current()
        .filter(network__in=networks, role=MembershipRole.MEMBER)
        .select_related("organisation", "network")
        .order_by(name_order("organisation__"), name_order("network__"))
    )
    return [(membership.organisation, membership.network) for membership in memberships]


def proposal_path(proposal: Proposal) -> list[dict[str, Any]]:
    """The levels from the network that raised it up to the intercontinental one, with the
    level where it is now marked."""
    path = []
    network: Network | None = proposal.origin_network
    while network is not None:
        path.append(
            {
                "network": network,
                "current": network.pk == proposal.network_id,
                "passed": LEVEL_ORDER[Level(network.level)]
                < LEVEL_ORDER[Level(proposal.network.level)],
            }
        )
        network = network.parent
    return path


@dataclass(frozen=True)
class ProposalActions:
    edit: bool = False
    submit: bool = False
    take_up: bool = False
    forward: bool = False
    schedule: bool = False
    withdraw: bool = False
    taken_up_here: bool = False
    governs: bool = False

    @property
    def any(self) -> bool:
        return any((self.submit, self.take_up, self.forward, self.schedule, self.withdraw))


def proposal_actions(
    *, proposal: Proposal, user: AnyUser, events: list[ProposalEvent]
) -> ProposalActions:
    """What `user` may do now with `proposal` (the services check it again)."""
    governed = set(
        governing_networks(user)
        .filter(pk__in=[proposal.origin_network_id, proposal.network_id])
        .values_list("pk", flat=True)
    )
    author = user.is_authenticated and proposal.author_id == user.pk
    for_origin = author or proposal.origin_network_id in governed
    governs = proposal.network_id in governed
    draft = proposal.status == ProposalStatus.DRAFT
    pending = proposal.status in PENDING
    taken_up = any(
        event.kind == ProposalEventKind.ANSWERED and event.network_id == proposal.network_id
        for event in events
    )
    return ProposalActions(
        edit=draft and for_origin,
        submit=draft and for_origin,
        take_up=pending and governs and not taken_up,
        forward=pending and governs and not taken_up and proposal.network.parent_id is not None,
        schedule=pending and governs,
        withdraw=not proposal.is_closed and for_origin,
        taken_up_here=taken_up,
        governs=governs,
    )


def _to_the_second(moment: datetime.datetime) -> datetime.datetime:
    # Shown to the second: HTML's <time datetime> accepts at most three decimals.
    return moment.replace(microsecond=0)


def proposal_events(proposal: Proposal) -> list[ProposalEvent]:
    events = list(
        proposal.events.select_related("network", "to_network", "actor").order_by("at", "pk")
    )
    for event in events:
        event.at = _to_the_second(event.at)
    return events


def proposal_comments(proposal: Proposal) -> list[ProposalComment]:
    comments = list(proposal.comments.select_related("author").order_by("created_at", "pk"))
    for comment in comments:
        comment.created_at = _to_the_second(comment.created_at)
    return comments


def upcoming_meetings(network: Network) -> QuerySet[Meeting]:
    """Meetings of `network`'s committee still to come, on which a proposal may be put."""
    return Meeting.objects.filter(
        committee__network=network,
        status=MeetingStatus.SCHEDULED,
        starts_at__gt=timezone.now(),
    ).order_by("starts_at", "pk")


def proposal_meetings(proposal: Proposal) -> list[Meeting]:
    """The upcoming meetings of the committee now holding the proposal."""
    return list(upcoming_meetings(proposal.network)[:20])


def proposal_decision(proposal: Proposal) -> Decision | None:
    """The decision taken on it, if any (fetched with the proposal by `proposal_get`)."""
    try:
        return proposal.decision
    except Decision.DoesNotExist:
        return None
