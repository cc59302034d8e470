"""Reads of positions as their pages show them: the lists (the members' and the public's),
one position with everything its page shows, and what an editor may choose from. Every
query's shape is fixed here: a page's count does not grow with the records."""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet

from inspir.accounts.permissions import AnyUser, reach_of
from inspir.advocacy import rules
from inspir.advocacy.models import Alliance, Campaign, Demand, Position, Submission
from inspir.advocacy.permissions import readable_network_ids, reads_advocacy_of
from inspir.advocacy.selectors.access import (
    public_positions,
    readable_positions,
)
from inspir.core.collation import name_order
from inspir.governance.models import Decision
from inspir.governance.selectors.access import visible_decisions
from inspir.governance.selectors.texts import read_texts
from inspir.network.models import Network, top_down
from inspir.planning.models import PlanAction, Stakeholder
from inspir.planning.selectors.access import readable_actions, readable_stakeholders


def position_networks(user: AnyUser) -> QuerySet[Network]:
    """The networks whose positions the list may be filtered on: those the reader reads,
    from the top down."""
    ids = readable_network_ids(user)
    networks = Network.objects.all() if ids is None else Network.objects.filter(pk__in=ids)
    return networks.order_by(top_down(), name_order(), "pk")


def positions(
    user: AnyUser, *, network: Network | None = None, status: str = ""
) -> QuerySet[Position]:
    found = readable_positions(user)
    if network is not None:
        found = found.filter(network=network)
    if status:
        found = found.filter(status=status)
    return found


def position_page(found: QuerySet[Position], *, page: str | None) -> Page:
    """A page of `found`, from the top down, newest first, with their titles and summaries
    in the reader's language: four queries (count, page, texts), whatever their number."""
    ordered = found.select_related("network").order_by(
        top_down("network__"), "network__pk", "-created_at", "-pk"
    )
    listed = Paginator(ordered, rules.PAGE_SIZE).get_page(page)
    listed.object_list = list(listed.object_list)
    read_texts(
        (position, field) for position in listed.object_list for field in ("title", "summary")
    )
    return listed


def public_page(*, page: str | None) -> Page:
    """A page of the published positions, latest published first."""
    ordered = public_positions().select_related("network").order_by("-published_at", "-pk")
    listed = Paginator(ordered, rules.PAGE_SIZE).get_page(page)
    listed.object_list = list(listed.object_list)
    read_texts(
        (position, field) for position in listed.object_list for field in ("title", "summary")
    )
    return listed


def _demands() -> Prefetch:
    return Prefetch("demands", queryset=Demand.objects.order_by("order", "pk"))


def _endorsing() -> Prefetch:
    return Prefetch(
        "endorsing_networks", queryset=Network.objects.order_by(top_down(), name_order(), "pk")
    )


@dataclass(frozen=True)
class PositionPage:
    position: Position
    demands: list[Demand]
    endorsing: list[Network]
    reads_network: bool  # the reader reads the network's advocacy in full
    submissions: list[Submission]
    campaigns: list[Campaign]
    plan_actions: list[PlanAction]
    decision_public: bool  # the decision's page is open to the reader


def position_for_reader(*, user: AnyUser, pk: int) -> PositionPage:
    """The position with everything its page shows; DoesNotExist when out of reach. The
    submissions, campaigns and plan actions only for those who read the network."""
    position = (
        readable_positions(user)
        .select_related("network", "decision__committee__network", "created_by")
        .prefetch_related(_demands(), _endorsing())
        .get(pk=pk)
    )
    reads = reads_advocacy_of(user, position.network_id)
    submissions: list[Submission] = []
    campaigns: list[Campaign] = []
    actions: list[PlanAction] = []
    if reads:
        submissions = list(
            position.submissions.select_related("stakeholder", "alliance").order_by(
                "-submitted_on", "-pk"
            )[: rules.SHOWN_ON_POSITION]
        )
        campaigns = list(
            position.campaigns.select_related("network").order_by("-starts_on", "-pk")[
                : rules.SHOWN_ON_POSITION
            ]
        )
        actions = list(
            readable_actions(user)
            .filter(pk__in=position.plan_actions.values("pk"))
            .select_related("network", "period")
            .order_by("pk")
        )
    decision = position.decision
    decision_public = decision is not None and (
        reads or visible_decisions(user).filter(pk=decision.pk).exists()
    )
    demands = list(position.demands.all())
    read_texts(
        [
            (position, "title"),
            (position, "summary"),
            (position, "body"),
            *((demand, "text") for demand in demands),
            (decision, "title"),
            *(
                (submission, name)
                for submission in submissions
                for name in ("outcome_notes", "follow_up")
            ),
            *((campaign, "title") for campaign in campaigns),
            *((action, "title") for action in actions),
        ]
    )
    return PositionPage(
        position=position,
        demands=demands,
        endorsing=list(position.endorsing_networks.all()),
        reads_network=reads,
        submissions=submissions,
        campaigns=campaigns,
        plan_actions=actions,
        decision_public=decision_public,
    )


def public_position(*, pk: int) -> PositionPage:
    """A published position as the public page and its PDF show it: its texts, demands,
    endorsing networks and the decision that adopted it."""
    position = (
        public_positions()
        .select_related("network", "decision__committee__network")
        .prefetch_related(_demands(), _endorsing())
        .get(pk=pk)
    )
    demands = list(position.demands.all())
    read_texts(
        [
            (position, "title"),
            (position, "summary"),
            (position, "body"),
            *((demand, "text") for demand in demands),
            (position.decision, "title"),
        ]
    )
    return PositionPage(
        position=position,
        demands=demands,
        endorsing=list(position.endorsing_networks.all()),
        reads_network=False,
        submissions=[],
        campaigns=[],
        plan_actions=[],
        decision_public=False,
    )


def position_for_pdf(*, user: AnyUser, pk: int) -> PositionPage:
    """A position as its PDF shows it: a published one for anyone, any other for those who
    read its network."""
    position = (
        readable_positions(user)
        .select_related("network", "decision__committee__network")
        .prefetch_related(_demands(), _endorsing())
        .get(pk=pk)
    )
    demands = list(position.demands.all())
    read_texts(
        [
            (position, "title"),
            (position, "summary"),
            (position, "body"),
            *((demand, "text") for demand in demands),
            (position.decision, "title"),
        ]
    )
    return PositionPage(
        position=position,
        demands=demands,
        endorsing=list(position.endorsing_networks.all()),
        reads_network=False,
        submissions=[],
        campaigns=[],
        plan_actions=[],
        decision_public=False,
    )


# --- What an editor chooses from ----------------------------------------------------------------


def line_ids(user: AnyUser, network_id: int) -> frozenset[int]:
    """The network, those above it and those below it (no query: the reader's reach)."""
    reach = reach_of(user)
    ids = frozenset({network_id})
    return reach.above(ids) | reach.below(ids)


def position_choices(user: AnyUser, network: Network | None) -> dict[str, QuerySet[Any]]:
    """The networks that may endorse a position (every network, from the top down), and the
    plan actions of its network's line that the reader reads, for it to serve."""
    networks = Network.objects.order_by(top_down(), name_order(), "pk")
    actions = readable_actions(user).select_related("network", "period")
    if network is not None:
        actions = actions.filter(network_id__in=line_ids(user, network.pk))
    return {
        "endorsing_networks": networks,
        "plan_actions": actions.order_by(
            top_down("network__"), "-period__starts_on", "title", "pk"
        ),
    }


def adopting_decisions(user: AnyUser, position: Position) -> QuerySet[Decision]:
    """The decisions that may adopt `position`: adopted ones of the committee of its
    network or of a network above it, that the reader sees."""
    reach = reach_of(user)
    above = reach.above(frozenset({position.network_id}))
    return (
        visible_decisions(user)
        .filter(outcome__in=rules.ADOPTING_OUTCOMES, committee__network_id__in=above)
        .select_related("committee__network")
        .order_by("-decided_at", "-pk")
    )


def submission_choices(user: AnyUser, position: Position) -> dict[str, QuerySet[Any]]:
    """The stakeholders of the position's network's line that the reader reads, and the
    network's alliances."""
    stakeholders: QuerySet[Stakeholder] = (
        readable_stakeholders(user)
        .filter(network_id__in=line_ids(user, position.network_id))
        .order_by("name", "pk")
    )
    alliances = Alliance.objects.filter(network_id=position.network_id).order_by("name", "pk")
    return {"stakeholders": stakeholders, "alliances": alliances}


def submission_for_writer(*, user: AnyUser, pk: int) -> Submission:
    from inspir.advocacy.selectors.access import written_submissions

    return written_submissions(user).select_related("position__network", "stakeholder").get(pk=pk)
