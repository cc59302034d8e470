"""Reads of the library for the annual report (`learning/report.py`): the exchanges of a
network and those below it during a year (field visits, seminars, studies and experiences
dated in it, written by one of them or involving one), with their titles and summaries read
for the reader. Four queries, whatever their number."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q

from inspir.core.collation import name_order
from inspir.core.report_sections import ReportScope
from inspir.core.texts import Shown, key, shown_all
from inspir.learning.models import Resource, ResourceKind
from inspir.network.models import Network, top_down

# What the report counts as an exchange between the networks, in the order it lists them
# (toolkits and strategic notes are tools, not exchanges).
EXCHANGE_KINDS = (
    ResourceKind.FIELD_VISIT,
    ResourceKind.SEMINAR,
    ResourceKind.STUDY,
    ResourceKind.EXPERIENCE,
)


@dataclass(frozen=True)
class ExchangesOfYear:
    resources: list[Resource]  # networks involved prefetched
    texts: dict[tuple, Shown]  # titles and summaries, by `core.texts.key`

    def text(self, resource: Resource, field: str) -> Shown:
        return self.texts[key(resource, field)]


def exchanges_of_year(scope: ReportScope) -> ExchangesOfYear:
    """The exchanges whose dates overlap the year (one without an end is a day's), of the
    scope's networks or involving one, by kind, then by date."""
    involving = Resource.networks_involved.through.objects.filter(
        network_id__in=scope.network_ids
    ).values("resource_id")
    resources = list(
        Resource.objects.filter(
            Q(network_id__in=scope.network_ids) | Q(pk__in=involving),
            Q(ends_on__isnull=True, starts_on__gte=scope.start) | Q(ends_on__gte=scope.start),
            kind__in=EXCHANGE_KINDS,
            starts_on__lte=scope.end,
        )
        .select_related("network")
        .prefetch_related(
            Prefetch(
                "networks_involved",
                queryset=Network.objects.order_by(top_down(), name_order(), "pk"),
            )
        )
        .order_by("starts_on", "pk")
    )
    texts = shown_all((resource, field) for resource in resources for field in ("title", "summary"))
    return ExchangesOfYear(resources=resources, texts=texts)
