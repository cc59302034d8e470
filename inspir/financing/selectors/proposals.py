"""Reads of the funding proposals: the board, one proposal with everything its page shows,
the totals per year and currency, and what a proposal's form offers. Amounts leave these
selectors only for the proposals whose amounts the reader sees (`permissions`): every other
row carries none, so that no page can show one by mistake."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils import timezone

from inspir.accounts.permissions import AnyUser, reach_of
from inspir.core.collation import name_order
from inspir.financing import rules
from inspir.financing.models import (
    Funder,
    FundingCall,
    FundingProposal,
    ProposalDocument,
    ProposalStatus,
)
from inspir.financing.permissions import (
    amounts_visible_expression,
    amounts_visible_q,
    budget_network_ids,
    may_write_proposal,
    sees_amounts,
)
from inspir.financing.selectors.access import readable_proposals
from inspir.governance.selectors.texts import read_texts
from inspir.network.models import Network, Organisation, Person, top_down
from inspir.planning.selectors.access import readable_actions


@dataclass(frozen=True)
class Amounts:
    """A proposal's amounts, for a reader who may see them."""

    requested: Decimal
    granted: Decimal | None
    currency: str


def amounts_of(proposal: FundingProposal, visible: bool) -> Amounts | None:
    if not visible:
        return None
    return Amounts(
        requested=proposal.amount_requested,
        granted=proposal.amount_granted,
        currency=proposal.currency,
    )


@dataclass(frozen=True)
class Card:
    """A proposal as the board and the lists show it: `amounts` None when the reader may not
    see them."""

    proposal: FundingProposal
    amounts: Amounts | None


@dataclass(frozen=True)
class Column:
    status: str
    label: str
    cards: list[Card]
    count: int

    @property
    def more(self) -> int:
        return self.count - len(self.cards)


def board_proposals(
    user: AnyUser,
    *,
    network: Network | None = None,
    funder: Funder | None = None,
    year: int | None = None,
) -> QuerySet[FundingProposal]:
    proposals = readable_proposals(user)
    if network is not None:
        proposals = proposals.filter(network=network)
    if funder is not None:
        proposals = proposals.filter(funder=funder)
    if year is not None:
        proposals = proposals.filter(year=year)
    return proposals


def _cards(user: AnyUser, proposals: QuerySet[FundingProposal]) -> list[Card]:
    rows = list(
        proposals.select_related("network", "funder", "lead_organisation").annotate(
            amounts_visible=amounts_visible_expression(user)
        )
    )
    return [Card(p, amounts_of(p, bool(p.amounts_visible))) for p in rows]  # type: ignore[attr-defined]


def board(user: AnyUser, proposals: QuerySet[FundingProposal]) -> list[Column]:
    """One column per status of the pipeline, each with its first `COLUMN_LIMIT` proposals
    (being prepared: the nearest deadline first; else the latest year first) and how many it
    holds: one query for every column (a window per status), two for the titles, whatever
    the data."""
    preparing = Case(
        When(status__in=rules.IN_PREPARATION, then=F("deadline")),
        default=None,
        output_field=DateField(),
    )
    by_status = [F("status")]
    rows = list(
        proposals.select_related("network", "funder", "lead_organisation")
        .annotate(
            amounts_visible=amounts_visible_expression(user),
            position=Window(
                RowNumber(),
                partition_by=by_status,
                order_by=[preparing.asc(nulls_last=True), F("year").desc(), "title", "pk"],
            ),
            column_count=Window(Count("pk"), partition_by=by_status),
        )
        .filter(position__lte=rules.COLUMN_LIMIT)
        .order_by("position")
    )
    read_texts((proposal, "title") for proposal in rows)
    columns = []
    for status in rules.COLUMNS:
        mine = [proposal for proposal in rows if proposal.status == status]
        columns.append(
            Column(
                status=status,
                label=str(ProposalStatus(status).label),
                cards=[Card(p, amounts_of(p, bool(p.amounts_visible))) for p in mine],  # type: ignore[attr-defined]
                count=mine[0].column_count if mine else 0,  # type: ignore[attr-defined]
            )
        )
    return columns


def board_filters(user: AnyUser) -> dict[str, Any]:
    """What the board may be narrowed to: the networks whose proposals the reader reads,
    the funders, the years (three queries)."""
    from inspir.financing.permissions import proposal_reader_network_ids
    from inspir.financing.selectors.access import readable_funders
    from inspir.network.models import Network as NetworkModel

    ids = proposal_reader_network_ids(user)
    networks = (
        NetworkModel.objects.all() if ids is None else NetworkModel.objects.filter(pk__in=ids)
    )
    # The years a proposal may count in: those of the plan's periods to the next year (no
    # query: the filter lists them all).
    years = list(range(timezone.localdate().year + 1, rules.FIRST_YEAR - 1, -1))
    return {
        "networks": networks.order_by(top_down(), name_order()),
        "funders": readable_funders(user).order_by("name", "pk"),
        "years": years,
    }


def proposal_for_reader(*, user: AnyUser, pk: int) -> FundingProposal:
    """The proposal with everything its page shows; DoesNotExist when out of reach. Its
    `amounts` (None unless the reader sees them), whether the reader may change it, the plan
    actions it serves that the reader reads."""
    proposal = (
        readable_proposals(user)
        .select_related("network", "funder", "call", "lead_organisation", "created_by")
        .prefetch_related(
            Prefetch("partner_organisations", queryset=Organisation.objects.order_by(name_order())),
            Prefetch(
                "team",
                queryset=Person.objects.select_related("organisation").order_by(name_order()),
            ),
            Prefetch(
                "plan_actions",
                queryset=readable_actions(user)
                .select_related("network", "period")
                .order_by("period__starts_on", "title", "pk"),
            ),
            Prefetch(
                "documents",
                queryset=ProposalDocument.objects.select_related("uploaded_by").order_by(
                    "uploaded_at", "pk"
                ),
            ),
        )
        .get(pk=pk)
    )
    team_ids = {person.pk for person in proposal.team.all()}
    proposal.amounts = amounts_of(proposal, sees_amounts(user, proposal, team_ids))  # type: ignore[attr-defined]
    proposal.writable = may_write_proposal(user, proposal, team_ids)  # type: ignore[attr-defined]
    proposal.next_statuses = next_statuses(proposal)  # type: ignore[attr-defined]
    pairs: list[tuple[Any, str]] = [
        (proposal, "title"),
        (proposal, "summary"),
        (proposal.call, "title"),
    ]
    pairs += [(action, "title") for action in proposal.plan_actions.all()]
    read_texts(pairs)
    return proposal


def writable_proposal(*, user: AnyUser, pk: int) -> FundingProposal:
    """A proposal `user` may change (those who act for its network, its team), with its
    amounts' visibility; DoesNotExist otherwise."""
    proposal = (
        readable_proposals(user)
        .select_related("network", "funder", "call", "lead_organisation")
        .prefetch_related("team", "partner_organisations", "plan_actions")
        .get(pk=pk)
    )
    team_ids = {person.pk for person in proposal.team.all()}
    if not may_write_proposal(user, proposal, team_ids):
        raise FundingProposal.DoesNotExist
    proposal.sees_amounts = sees_amounts(user, proposal, team_ids)  # type: ignore[attr-defined]
    return proposal


# --- Totals -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Total:
    year: int
    currency: str
    count: int
    requested: Decimal
    granted_count: int
    granted: Decimal


@dataclass(frozen=True)
class Totals:
    rows: list[Total]
    # The proposals the reader reads whose amounts they may not see: not counted.
    left_out: int


def totals(user: AnyUser, proposals: QuerySet[FundingProposal]) -> Totals:
    """For each year and currency, how much was requested and granted, and by how many
    proposals, counting only those whose amounts the reader sees; never adding different
    currencies. One aggregate query, whatever the data: grouped by year and currency, the
    proposals whose amounts are hidden counted apart (their amounts never summed)."""
    granted = Q(status=ProposalStatus.GRANTED)
    if budget_network_ids(user) is None:  # staff: every amount
        shown: dict[str, Any] = {
            "count": Count("pk"),
            "hidden": Value(0),
            "requested": Sum("amount_requested"),
            "granted_count": Count("pk", filter=granted),
            "granted": Sum("amount_granted", filter=granted),
        }
    else:
        visible = amounts_visible_q(user)
        shown = {
            "count": Count("pk", filter=visible),
            "hidden": Count("pk", filter=~visible),
            "requested": Sum("amount_requested", filter=visible),
            "granted_count": Count("pk", filter=visible & granted),
            "granted": Sum("amount_granted", filter=visible & granted),
        }
    grouped = (
        proposals.order_by()
        .values("year", "currency")
        .annotate(**shown)
        .order_by("-year", "currency")
    )
    rows = []
    left_out = 0
    for row in cast(list[dict[str, Any]], list(grouped)):
        left_out += row["hidden"]
        if row["count"]:
            rows.append(
                Total(
                    year=row["year"],
                    currency=row["currency"],
                    count=row["count"],
                    requested=row["requested"] or Decimal(0),
                    granted_count=row["granted_count"],
                    granted=row["granted"] or Decimal(0),
                )
            )
    return Totals(rows=rows, left_out=left_out)


# --- What a proposal's form offers ------------------------------------------------------------


def line_ids(user: AnyUser, network: Network) -> frozenset[int]:
    reach = reach_of(user)
    ids = frozenset({network.pk})
    return reach.above(ids) | reach.below(ids)


def proposal_choices(user: AnyUser, *, network: Network) -> dict[str, QuerySet[Any]]:
    """What a proposal of `network` may name: the funders and their calls, the
    organisations of its line (those above and below it) and their people, the plan actions
    of the financing domain the reader reads in its line."""
    from inspir.financing.selectors.access import readable_funders
    from inspir.governance.models import Domain

    line = line_ids(user, network)
    organisations = (
        Organisation.objects.filter(memberships__network_id__in=line)
        .distinct()
        .order_by(name_order())
    )
    return {
        "funder": readable_funders(user).order_by("name", "pk"),
        "call": FundingCall.objects.select_related("funder").order_by(
            "funder__name", "deadline", "pk"
        ),
        "lead_organisation": organisations,
        "partner_organisations": organisations,
        "team": Person.objects.filter(organisation__in=organisations.values("pk"))
        .select_related("organisation")
        .order_by(name_order()),
        "plan_actions": readable_actions(user)
        .filter(network_id__in=line, domain=Domain.FINANCING)
        .select_related("network", "period")
        .order_by("-period__starts_on", top_down("network__"), "title", "pk"),
    }


def upcoming_calls(limit: int = 10) -> list[FundingCall]:
    """The calls whose deadline is to come, nearest first."""
    return list(
        FundingCall.objects.filter(deadline__gte=timezone.localdate())
        .select_related("funder")
        .order_by("deadline", "pk")[:limit]
    )


def next_statuses(proposal: FundingProposal) -> list[tuple[str, Any]]:
    """Where `proposal` may move from its status, in the pipeline's order."""
    return [
        (status, ProposalStatus(status).label)
        for status in rules.COLUMNS
        if rules.may_move(proposal.status, status)
    ]
