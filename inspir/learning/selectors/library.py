"""Reads of the library: the resources matching a query and facets, the count of each
facet's values among them, one resource with everything it links to, and what a writer may
link a resource to. Every read is a fixed number of queries, whatever the library's size."""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Func, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, ExtractYear

from inspir.accounts.permissions import AnyUser
from inspir.core.collation import name_order
from inspir.core.search import matching_ids, query_terms
from inspir.core.texts import Shown, key, shown_all
from inspir.governance.selectors.texts import read_texts
from inspir.learning import rules
from inspir.learning.models import Need, Resource, ResourceKind
from inspir.learning.reference import BRANCH_CHOICES, PRINCIPLE_CHOICES
from inspir.learning.selectors.access import readable_needs, readable_resources
from inspir.network.models import Network, Organisation, top_down
from inspir.planning.models import PlanAction
from inspir.planning.permissions import readable_network_ids
from inspir.planning.selectors.access import readable_actions

SEARCH_KIND = "learning.resource"
INVOLVED = Resource.networks_involved.through
BRANCH_LINKS = Resource.branches.through
PRINCIPLE_LINKS = Resource.principles.through


@dataclass(frozen=True)
class Filters:
    """What the library's form asks for; empty values leave a facet open."""

    q: str = ""
    kind: str = ""
    branch: str = ""
    principle: str = ""
    network: str = ""  # a network's slug: the resource's own or one involved
    year: int | None = None

    @property
    def any(self) -> bool:
        return any((self.q, self.kind, self.branch, self.principle, self.network, self.year))


def _of_network(slug: str) -> Q:
    involved = INVOLVED.objects.filter(network__slug=slug).values("resource_id")
    return Q(network__slug=slug) | Q(pk__in=involved)


def matching(user: AnyUser, filters: Filters) -> QuerySet[Resource]:
    """The resources `user` reads that match every facet chosen (AND between facets) and
    every word of the query, in any language the resource is read in (the search index,
    `core/search.py`: FTS5 on SQLite, full-text search on PostgreSQL)."""
    resources = readable_resources(user)
    if query_terms(filters.q):
        resources = resources.filter(pk__in=matching_ids(SEARCH_KIND, filters.q))
    if filters.kind:
        resources = resources.filter(kind=filters.kind)
    if filters.branch:
        resources = resources.filter(
            pk__in=BRANCH_LINKS.objects.filter(branch_id=filters.branch).values("resource_id")
        )
    if filters.principle:
        resources = resources.filter(
            pk__in=PRINCIPLE_LINKS.objects.filter(principle_id=filters.principle).values(
                "resource_id"
            )
        )
    if filters.network:
        resources = resources.filter(_of_network(filters.network))
    if filters.year:
        resources = resources.filter(starts_on__year=filters.year)
    return resources


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class Facets:
    """Each facet's values with their count among the current results."""

    total: int = 0
    kinds: list[FacetValue] = field(default_factory=list)
    branches: list[FacetValue] = field(default_factory=list)
    principles: list[FacetValue] = field(default_factory=list)
    networks: list[FacetValue] = field(default_factory=list)
    years: list[FacetValue] = field(default_factory=list)


class _Count(Func):
    """COUNT(…) as a plain expression: in a correlated subquery, one count per outer row
    without a GROUP BY."""

    function = "COUNT"
    output_field = IntegerField()


def facets(results: QuerySet[Resource], filters: Filters) -> Facets:
    """The count of every facet value among `results`: four queries (kinds and years
    together, branches, principles, networks), whatever the library's size. A value is
    listed when some result has it, or when it is the one chosen."""
    ids = results.order_by().values("pk")
    combos = (
        Resource.objects.filter(pk__in=ids)
        .order_by()
        .values("kind", year=ExtractYear("starts_on"))
        .annotate(n=Count("pk"))
    )
    kinds: Counter[str] = Counter()
    years: Counter[int] = Counter()
    for row in combos:
        kinds[row["kind"]] += row["n"]
        years[row["year"]] += row["n"]
    branches = dict(
        BRANCH_LINKS.objects.filter(resource_id__in=ids)
        .order_by()
        .values_list("branch_id")
        .annotate(n=Count("resource_id"))
    )
    principles = dict(
        PRINCIPLE_LINKS.objects.filter(resource_id__in=ids)
        .order_by()
        .values_list("principle_id")
        .annotate(n=Count("resource_id"))
    )
    # Each network's resources among the results: its own and those it took part in.
    involved = INVOLVED.objects.filter(network_id=OuterRef(OuterRef("pk"))).values("resource_id")
    of_network = (
        Resource.objects.filter(pk__in=ids)
        .filter(Q(network_id=OuterRef("pk")) | Q(pk__in=involved))
        .order_by()
        .annotate(n=_Count("pk"))
        .values("n")
    )
    networks = list(
        Network.objects.annotate(n=Coalesce(Subquery(of_network), 0))
        .filter(Q(n__gt=0) | Q(slug=filters.network))
        .order_by(top_down(), name_order())
        .values_list("slug", "name", "n")
    )

    def listed(choices: Any, counted: Any, chosen: str) -> list[FacetValue]:
        return [
            FacetValue(str(value), str(label), counted.get(value, 0))
            for value, label in choices
            if counted.get(value) or str(value) == chosen
        ]

    return Facets(
        total=sum(kinds.values()),
        kinds=listed(ResourceKind.choices, kinds, filters.kind),
        branches=listed(BRANCH_CHOICES, branches, filters.branch),
        principles=listed(PRINCIPLE_CHOICES, principles, filters.principle),
        networks=[FacetValue(slug, name, n) for slug, name, n in networks],
        years=[
            FacetValue(str(year), str(year), years[year])
            for year in sorted(set(years) | ({filters.year} if filters.year else set()))
            if year is not None
        ][::-1],
    )


@dataclass(frozen=True)
class Listed:
    resource: Resource
    title: Shown
    summary: Shown


def library_page(
    results: QuerySet[Resource], *, page: str | None, total: int | None = None
) -> tuple[Page, list[Listed]]:
    """A page of `results`, latest first: three queries (page, texts and their translations),
    and one more to count them unless `total` (the facets' count) is given."""
    ordered = results.select_related("network").order_by("-starts_on", "-pk")
    paginator = Paginator(ordered, rules.PAGE_SIZE)
    if total is not None:
        paginator.__dict__["count"] = total  # Paginator.count is a cached property
    found = paginator.get_page(page)
    rows = list(found.object_list)
    texts = shown_all((resource, name) for resource in rows for name in ("title", "summary"))
    return found, [
        Listed(
            resource=resource,
            title=texts[key(resource, "title")],
            summary=texts[key(resource, "summary")],
        )
        for resource in rows
    ]


def resource_for_reader(*, user: AnyUser, pk: int) -> Resource:
    """The resource with everything its page shows; DoesNotExist when out of reach."""
    resource = (
        readable_resources(user)
        .select_related("network")
        .prefetch_related(
            Prefetch("networks_involved", queryset=Network.objects.order_by(top_down())),
            Prefetch("organisations_involved", queryset=Organisation.objects.order_by("name")),
            "branches",
            "principles",
            Prefetch(
                "plan_actions",
                queryset=PlanAction.objects.select_related("network", "period").order_by(
                    top_down("network__"), "pk"
                ),
            ),
            Prefetch("needs", queryset=Need.objects.select_related("network")),
            "attachments",
        )
        .get(pk=pk)
    )
    # The plan actions of the plans the reader reads (the others would not open).
    readable = readable_network_ids(user)
    resource.linked_actions = [  # type: ignore[attr-defined]
        action
        for action in resource.plan_actions.all()
        if readable is None or action.network_id in readable
    ]
    return resource


def resource_texts(resource: Resource) -> None:
    """Every text the resource's page shows, in the reader's language: two queries."""
    pairs: list[tuple[Any, str]] = [
        (resource, "title"),
        (resource, "summary"),
        (resource, "lessons"),
    ]
    pairs += [(action, "title") for action in resource.linked_actions]  # type: ignore[attr-defined]
    pairs += [(need, "title") for need in resource.needs.all()]
    read_texts(pairs)


def link_choices(user: AnyUser) -> dict[str, QuerySet[Any]]:
    """What a writer may link a resource to: any network and member organisation, the plan
    actions of the plans they read, every network's needs."""
    return {
        "networks_involved": Network.objects.order_by(top_down(), name_order()),
        "organisations_involved": Organisation.objects.filter(memberships__isnull=False)
        .distinct()
        .order_by(name_order()),
        "plan_actions": readable_actions(user)
        .select_related("network", "period")
        .order_by(top_down("network__"), name_order("network__"), "-period__starts_on", "pk"),
        "needs": readable_needs(user)
        .select_related("network")
        .order_by(top_down("network__"), name_order("network__"), "priority", "pk"),
    }


def needs_page(
    user: AnyUser, *, network: str, page: str | None
) -> tuple[Page, list[Network], Network | None]:
    """A page of the networks' needs, from the top down then by priority, with each need's
    texts and the resources answering it (fixed queries), the networks that have needs (to
    choose one) and the one chosen."""
    networks = list(
        Network.objects.filter(pk__in=readable_needs(user).values("network_id")).order_by(
            top_down(), name_order()
        )
    )
    chosen = next((n for n in networks if n.slug == network), None)
    needs = readable_needs(user).select_related("network")
    if chosen is not None:
        needs = needs.filter(network=chosen)
    ordered = needs.prefetch_related(
        Prefetch("resources", queryset=Resource.objects.order_by("-starts_on", "-pk"))
    ).order_by(top_down("network__"), name_order("network__"), "priority", "pk")
    found = Paginator(ordered, rules.PAGE_SIZE).get_page(page)
    found.object_list = list(found.object_list)
    pairs: list[tuple[Any, str]] = []
    for need in found.object_list:
        pairs += [(need, "title"), (need, "description")]
        pairs += [(resource, "title") for resource in need.resources.all()]
    read_texts(pairs)
    return found, networks, chosen
