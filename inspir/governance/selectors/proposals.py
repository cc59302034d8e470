"""Reads about proposals. Every read goes through `visible_proposals(user)`, so that what a
user may not read is simply not found."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

from inspir.accounts.permissions import Action, AnyUser, network_ids_where, networks_with_ids
from inspir.core.collation import name_order
from inspir.governance.models import (
    Committee,
    Decision,
    Domain,
    Meeting,
    MeetingStatus,
    Outcome,
    Proposal,
    ProposalComment,
    ProposalEvent,
    ProposalEventKind,
    ProposalStatus,
)
from inspir.governance.permissions import (
    acting_network_ids,
    acting_networks,
    governance_readable_networks,
    governing_network_ids,
)
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
        # Waiting for a network the reader acts for: to endorse, forward or take it up.
        proposals = proposals.filter(
            status__in=PENDING, network__in=acting_networks(user).values("pk")
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
    """The proposal if `user` may read it, with whether the network now holding it has a
    committee (`has_committee`: one that could take it up and decide it); Proposal.DoesNotExist
    otherwise."""
    standing = Decision.objects.filter(proposal=OuterRef("pk")).exclude(outcome=Outcome.NO_QUORUM)
    return (
        visible_proposals(user)
        .annotate(has_committee=Exists(Committee.objects.filter(network=OuterRef("network"))))
        .select_related(
            "network",
            "network__parent",
            "origin_network",
            "origin_network__parent",
            "origin_network__parent__parent",
            "origin_organisation",
            "author",
        )
        .annotate(
            # Its standing decision, read in the same query (one ended without quorum
            # leaves the proposal open for another).
            decision_pk=Subquery(standing.values("pk")[:1]),
            decision_title=Subquery(standing.values("title")[:1]),
            decision_outcome=Subquery(standing.values("outcome")[:1]),
        )
        .get(pk=pk)
    )


def draftable_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks in which `user` may draft a proposal (before the level rule):
    those they are a member of and those they act for; None for every one. No query."""
    member = network_ids_where(user, Action.VIEW_INTERNAL)
    acting = acting_network_ids(user)
    if member is None or acting is None:
        return None
    return member | acting


def draftable_networks(user: AnyUser) -> QuerySet[Network]:
    """The national and continental networks in which `user` may raise a proposal, the
    lowest level first (national, then continental), each level by name."""
    rank = Case(
        When(level=Level.NATIONAL, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return (
        networks_with_ids(draftable_network_ids(user))
        .filter(level__in=RAISING_LEVELS)
        .order_by(rank, name_order())
    )


def default_drafting_network(user: AnyUser, networks: list[Network]) -> Network | None:
    """Of `networks` (lowest level first), the one a proposal is raised for by default: the
    lowest network the user acts for, else the lowest they are a member of."""
    acting = acting_network_ids(user)
    for network in networks:
        if acting is None or network.pk in acting:
            return network
    return networks[0] if networks else None


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
    # Its author may not submit it: those who act for the network raising it do.
    submit_elsewhere: bool = False
    take_up: bool = False
    forward: bool = False
    schedule: bool = False
    withdraw: bool = False
    taken_up_here: bool = False
    governs: bool = False

    @property
    def any(self) -> bool:
        return any(
            (
                self.submit,
                self.submit_elsewhere,
                self.take_up,
                self.forward,
                self.schedule,
                self.withdraw,
            )
        )


def proposal_actions(
    *, proposal: Proposal, user: AnyUser, events: list[ProposalEvent]
) -> ProposalActions:
    """What `user` may do now with `proposal` (the services check it again). Read from the
    user's reach: no query."""
    concerned = {proposal.origin_network_id, proposal.network_id}
    governing = governing_network_ids(user) if user.is_authenticated else frozenset()
    governed = concerned if governing is None else concerned & governing
    acts_for = acting_network_ids(user) if user.is_authenticated else frozenset()
    acting = concerned if acts_for is None else concerned & acts_for
    author = user.is_authenticated and proposal.author_id == user.pk
    for_origin = author or proposal.origin_network_id in acting
    submits = proposal.origin_network_id in acting
    governs = proposal.network_id in governed
    acts = proposal.network_id in acting
    draft = proposal.status == ProposalStatus.DRAFT
    pending = proposal.status in PENDING
    taken_up = any(
        event.kind == ProposalEventKind.ANSWERED and event.network_id == proposal.network_id
        for event in events
    )
    # A network without a committee cannot decide it itself: it endorses it and forwards it.
    # (`proposal_get` tells; a proposal loaded otherwise is taken to have one.)
    decides = bool(getattr(proposal, "has_committee", True))
    return ProposalActions(
        edit=draft and for_origin,
        submit=draft and submits,
        submit_elsewhere=draft and for_origin and not submits,
        take_up=pending and governs and decides and not taken_up,
        forward=pending and acts and not taken_up and proposal.network.parent_id is not None,
        schedule=pending and governs and decides,
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
    """The decision taken (or being taken by a consent round) on it, if any: not one that
    ended without quorum (read with the proposal by `proposal_get`)."""
    pk = getattr(proposal, "decision_pk", None)
    if pk is None:
        return None
    return Decision(
        pk=pk,
        title=getattr(proposal, "decision_title", ""),
        outcome=getattr(proposal, "decision_outcome", ""),
    )
