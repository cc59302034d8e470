"""Reads of advocacy for the annual report (`advocacy/report.py`): the positions a network
and those below it adopted during a year (or endorsed), where positions were taken that
year, and the campaigns they took part in. Everything is dated (a position's `adopted_on`, a
submission's `submitted_on`, a campaign's dates), so a later year never changes what these
read. Six queries for the records, two for every member text they hold."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from inspir.advocacy.models import Campaign, Demand, Position, Submission
from inspir.core.collation import name_order
from inspir.core.report_sections import ReportScope
from inspir.core.texts import Shown, key, shown_all
from inspir.network.models import Network, top_down


@dataclass(frozen=True)
class AdvocacyOfYear:
    positions: list[Position]  # adopted during the year, demands and endorsers prefetched
    submissions: list[Submission]  # made during the year
    campaigns: list[Campaign]  # running during the year, participants prefetched
    texts: dict[tuple, Shown]  # every member text above, by `core.texts.key`
    network_ids: frozenset[int]  # the scope's networks (to tell own positions from endorsed)

    def text(self, record: object, field: str) -> Shown:
        return self.texts[key(record, field)]  # type: ignore[arg-type]


def _adopted_by_year_end(scope: ReportScope) -> Q:
    """Positions a decision adopted on or before the year's end (whatever became of them
    since: archived later, they were still adopted that year)."""
    return Q(decision__isnull=False, adopted_on__isnull=False, adopted_on__lte=scope.end)


def _of_scope(scope: ReportScope) -> Q:
    """Positions of the scope's networks, or endorsed by one of them."""
    endorsed = Position.endorsing_networks.through.objects.filter(
        network_id__in=scope.network_ids
    ).values("position_id")
    return Q(network_id__in=scope.network_ids) | Q(pk__in=endorsed)


def _ordered_networks() -> QuerySet[Network]:
    return Network.objects.order_by(top_down(), name_order(), "pk")


def advocacy_of_year(scope: ReportScope) -> AdvocacyOfYear:
    positions = list(
        Position.objects.filter(
            _of_scope(scope),
            _adopted_by_year_end(scope),
            adopted_on__gte=scope.start,
        )
        .select_related("network", "decision")
        .prefetch_related(
            Prefetch("demands", queryset=Demand.objects.order_by("order", "pk")),
            Prefetch("endorsing_networks", queryset=_ordered_networks()),
        )
        .order_by(top_down("network__"), "adopted_on", "pk")
    )
    submissions = list(
        Submission.objects.filter(
            submitted_on__gte=scope.start,
            submitted_on__lte=scope.end,
            position__in=Position.objects.filter(_of_scope(scope), _adopted_by_year_end(scope)),
        )
        .select_related("position", "stakeholder", "alliance")
        .order_by("submitted_on", "pk")
    )
    taking_part = Campaign.participants.through.objects.filter(
        network_id__in=scope.network_ids
    ).values("campaign_id")
    campaigns = list(
        Campaign.objects.filter(
            Q(network_id__in=scope.network_ids) | Q(pk__in=taking_part),
            Q(ends_on__isnull=True) | Q(ends_on__gte=scope.start),
            starts_on__lte=scope.end,
        )
        .prefetch_related(Prefetch("participants", queryset=_ordered_networks()))
        .order_by("starts_on", "pk")
    )
    pairs: list[tuple[object, str]] = []
    for position in positions:
        pairs += [(position, "title"), (position, "summary")]
        pairs += [(demand, "text") for demand in position.demands.all()]
        if position.decision is not None:
            pairs.append((position.decision, "title"))
    for submission in submissions:
        pairs += [(submission.position, "title"), (submission, "outcome_notes")]
    for campaign in campaigns:
        pairs += [(campaign, "title"), (campaign, "description")]
    return AdvocacyOfYear(
        positions=positions,
        submissions=submissions,
        campaigns=campaigns,
        texts=shown_all(pairs),  # type: ignore[arg-type]
        network_ids=frozenset(scope.network_ids),
    )
