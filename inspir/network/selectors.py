"""Reads of the network registry. Each function fixes its own query shape, so that a page's
query count does not grow with the data."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from inspir.accounts.permissions import people_with_roles_in
from inspir.core.collation import collated, name_contains, name_order
from inspir.core.search import matching_ids
from inspir.network.models import (
    BeneficiaryCount,
    Country,
    Level,
    Membership,
    MembershipRole,
    Network,
    Organisation,
    OrganisationKind,
    Person,
)


@dataclass(frozen=True)
class KeyFigure:
    key: str
    value: int
    label: str | Promise


@dataclass(frozen=True)
class KeyFigures:
    """The network's headline numbers, always computed from the registry, never stored."""

    member_organisations: int
    social_movements: int
    strategic_partners: int
    national_networks: int
    continental_networks: int
    direct_beneficiaries: int
    countries: int

    def as_list(self) -> list[KeyFigure]:
        return [
            KeyFigure("member_organisations", self.member_organisations, _("member organisations")),
            KeyFigure("social_movements", self.social_movements, _("of which social movements")),
            KeyFigure(
                "strategic_partners", self.strategic_partners, _("continental strategic partners")
            ),
            KeyFigure("national_networks", self.national_networks, _("national networks")),
            KeyFigure("continental_networks", self.continental_networks, _("continental networks")),
            KeyFigure("direct_beneficiaries", self.direct_beneficiaries, _("direct beneficiaries")),
            KeyFigure("countries", self.countries, _("countries")),
        ]


def current_memberships(on: datetime.date | None = None) -> QuerySet[Membership]:
    return Membership.objects.current(on)


def networks_in_scope(
    on: datetime.date | None = None, network_ids: Iterable[int] | None = None
) -> QuerySet[Network]:
    """The networks that exist on day `on` (today by default) among `network_ids` (every
    network for None)."""
    networks = Network.objects.existing(on)
    if network_ids is not None:
        networks = networks.filter(pk__in=list(network_ids))
    return networks


def member_organisations(
    on: datetime.date | None = None, network_ids: Iterable[int] | None = None
) -> QuerySet[Organisation]:
    """Organisations that are members, on day `on` (today by default), of at least one of the
    networks `network_ids` existing that day (of any network for None)."""
    member_ids = (
        current_memberships(on)
        .filter(role=MembershipRole.MEMBER, network__in=networks_in_scope(on, network_ids))
        .values("organisation")
    )
    return Organisation.objects.filter(pk__in=member_ids)


def beneficiaries_in(year: int) -> Case:
    """An organisation's number of direct beneficiaries for `year`: its latest figure for that
    year or an earlier one. The figures kept year by year (`BeneficiaryCount`, which the
    profile's service writes) are read with a subquery; the profile's own figure counts as one
    of them, for a figure written without that service (the demo's loader, bulk copies)."""
    kept = BeneficiaryCount.objects.filter(organisation=OuterRef("pk"), year__lte=year).order_by(
        "-year"
    )
    kept_year = Coalesce(Subquery(kept.values("year")[:1]), 0, output_field=IntegerField())
    kept_figure = Subquery(kept.values("beneficiaries")[:1], output_field=IntegerField())
    # The profile's figure when it is for `year` or before, and later than any kept one.
    profile_is_latest = Q(beneficiaries_year__lte=year, beneficiaries_year__gt=kept_year)
    return Case(
        When(profile_is_latest, then=F("beneficiaries")),
        default=kept_figure,
        output_field=IntegerField(),
    )


def key_figures(
    on: datetime.date | None = None, network_ids: Iterable[int] | None = None
) -> KeyFigures:
    """The headline numbers as of day `on` (today by default) for the networks `network_ids`
    (a network and those below it; every network for None), in three queries."""
    day = on or timezone.localdate()
    networks = networks_in_scope(day, network_ids)
    members = member_organisations(day, network_ids).aggregate(
        total=Count("pk"),
        movements=Count("pk", filter=Q(is_social_movement=True)),
        beneficiaries=Sum(beneficiaries_in(day.year)),
        countries=Count("country", distinct=True),
    )
    partners = (
        current_memberships(day)
        .filter(
            role=MembershipRole.STRATEGIC_PARTNER,
            network__in=networks.filter(level=Level.CONTINENTAL),
        )
        .values("organisation")
        .distinct()
        .count()
    )
    counts = networks.aggregate(
        national=Count("pk", filter=Q(level=Level.NATIONAL)),
        continental=Count("pk", filter=Q(level=Level.CONTINENTAL)),
    )
    return KeyFigures(
        member_organisations=members["total"],
        social_movements=members["movements"],
        strategic_partners=partners,
        national_networks=counts["national"],
        continental_networks=counts["continental"],
        direct_beneficiaries=members["beneficiaries"] or 0,
        countries=members["countries"],
    )


@dataclass(frozen=True)
class KindCount:
    kind: str  # an `OrganisationKind`
    label: str | Promise
    organisations: int


def members_by_kind(
    on: datetime.date | None = None, network_ids: Iterable[int] | None = None
) -> list[KindCount]:
    """How many member organisations of each kind (only the kinds there are), the most
    numerous first, in one query."""
    rows = (
        member_organisations(on, network_ids)
        .order_by()
        .values("kind")
        .annotate(organisations=Count("pk"))
    )
    labels = dict(OrganisationKind.choices)
    counts = [
        KindCount(
            kind=row["kind"],
            label=labels.get(row["kind"], row["kind"]),
            organisations=row["organisations"],
        )
        for row in rows
    ]
    order = list(OrganisationKind.values)
    return sorted(
        counts,
        key=lambda item: (
            -item.organisations,
            order.index(item.kind) if item.kind in order else len(order),
        ),
    )


@dataclass(frozen=True)
class BranchCount:
    """The member organisations of a network and of those below it, each counted once."""

    network: Network | None  # None: the members of the network in scope itself
    organisations: int
    social_movements: int


def members_by_branch(*, network: Network, on: datetime.date | None = None) -> list[BranchCount]:
    """The member organisations on day `on` of each network directly below `network` that
    exists that day (its branch: that network and those below it), in the reader's order,
    then those that are members of `network` itself, in two queries."""
    day = on or timezone.localdate()
    existing = Network.objects.existing(day)

    def organisations_counted(networks: QuerySet[Network, Any], **organisation: Any) -> Subquery:
        memberships = (
            current_memberships(day)
            .filter(
                role=MembershipRole.MEMBER,
                network__in=networks,
                **{f"organisation__{name}": value for name, value in organisation.items()},
            )
            .order_by()
            .values(
                count=Func(
                    "organisation",
                    function="COUNT",
                    template="%(function)s(DISTINCT %(expressions)s)",
                    output_field=IntegerField(),
                )
            )
        )
        return Subquery(memberships, output_field=IntegerField())

    branch = existing.filter(
        Q(pk=OuterRef(OuterRef("pk")))
        | Q(parent=OuterRef(OuterRef("pk")))
        | Q(parent__parent=OuterRef(OuterRef("pk")))
    ).values("pk")
    children = (
        existing.filter(parent=network)
        .annotate(
            organisations=Coalesce(organisations_counted(branch), 0),
            movements=Coalesce(organisations_counted(branch, is_social_movement=True), 0),
        )
        .order_by(name_order(), "pk")
    )
    rows = [
        BranchCount(
            network=child,
            organisations=child.organisations,  # type: ignore[attr-defined]
            social_movements=child.movements,  # type: ignore[attr-defined]
        )
        for child in children
    ]
    own = (
        current_memberships(day)
        .filter(role=MembershipRole.MEMBER, network=network)
        .aggregate(
            organisations=Count("organisation", distinct=True),
            movements=Count(
                "organisation", distinct=True, filter=Q(organisation__is_social_movement=True)
            ),
        )
    )
    if own["organisations"]:
        rows.append(
            BranchCount(
                network=None,
                organisations=own["organisations"],
                social_movements=own["movements"],
            )
        )
    return rows


@dataclass
class TreeNode:
    network: Network
    member_count: int
    children: list["TreeNode"]
    # Member organisations of the network and of every network below it, each counted once.
    total_count: int = 0


def network_tree() -> list[TreeNode]:
    """Every network with its number of current member organisations, its own and with the
    networks below it (an organisation in two of them counted once), as a tree, in one query."""
    today = timezone.localdate()

    # Both counts are subqueries over the network's memberships found by their index: joined
    # to the networks and grouped, the branch's count ran once per membership of the registry
    # (minutes at 100× the demo).
    def organisations_counted(networks: QuerySet[Network, Any]) -> Subquery:
        memberships = (
            current_memberships(today)
            .filter(role=MembershipRole.MEMBER, network__in=networks)
            .order_by()
            .values(
                count=Func(
                    "organisation",
                    function="COUNT",
                    template="%(function)s(DISTINCT %(expressions)s)",
                    output_field=IntegerField(),
                )
            )
        )
        return Subquery(memberships, output_field=IntegerField())

    branch = Network.objects.filter(
        Q(pk=OuterRef(OuterRef("pk")))
        | Q(parent=OuterRef(OuterRef("pk")))
        | Q(parent__parent=OuterRef(OuterRef("pk")))
    ).values("pk")
    own = Network.objects.filter(pk=OuterRef(OuterRef("pk"))).values("pk")
    networks = Network.objects.annotate(
        member_count=Coalesce(organisations_counted(own), 0),
        total_count=Coalesce(organisations_counted(branch), 0),
    ).order_by(name_order(), "pk")
    nodes = {
        n.pk: TreeNode(
            network=n, member_count=n.member_count, total_count=n.total_count, children=[]
        )
        for n in networks
    }
    roots: list[TreeNode] = []
    for node in nodes.values():
        parent = nodes.get(node.network.parent_id) if node.network.parent_id else None
        (parent.children if parent else roots).append(node)
    return roots


def network_get(*, slug: str) -> Network:
    return Network.objects.select_related("parent", "parent__parent").get(slug=slug)


def network_children(*, network: Network) -> QuerySet[Network]:
    return network.children.order_by(name_order(), "pk")


def network_countries(*, network: Network) -> list[Country]:
    """The network's countries, in the reader's alphabetical order."""
    return collated(network.countries.all(), name=lambda country: country.name)


def network_memberships(*, network: Network, role: str) -> QuerySet[Membership]:
    """Current memberships of the network itself and of every network below it."""
    return (
        current_memberships()
        .filter(network__in=Network.objects.subtree_of([network.pk]), role=role)
        .select_related("organisation", "organisation__country", "network")
        .order_by(name_order("organisation__"), name_order("network__"), "pk")
    )


@dataclass(frozen=True)
class DirectoryFilters:
    country: str = ""
    kind: str = ""
    network: str = ""
    movement: str = ""  # "yes", "no" or "" for both
    q: str = ""


def organisation_directory(*, filters: DirectoryFilters) -> QuerySet[Organisation]:
    """Organisations currently in the network, narrowed by every filter given (they combine)."""
    current = current_memberships()
    organisations = Organisation.objects.filter(pk__in=current.values("organisation"))
    if filters.country:
        organisations = organisations.filter(country__code=filters.country)
    if filters.kind:
        organisations = organisations.filter(kind=filters.kind)
    if filters.network:
        in_subtree = current.filter(
            network__in=Network.objects.subtree_of(
                Network.objects.filter(slug=filters.network).values("pk")
            )
        )
        organisations = organisations.filter(pk__in=in_subtree.values("organisation"))
    if filters.movement in {"yes", "no"}:
        organisations = organisations.filter(is_social_movement=filters.movement == "yes")
    if filters.q:
        for word in filters.q.split()[:8]:
            organisations = organisations.filter(
                name_contains(word)
                | Q(acronym__icontains=word)
                | Q(description__icontains=word)
                # The search index: descriptions too, in every language they are translated
                # into, without accents or case ("sante").
                | Q(pk__in=matching_ids("network.organisation", word))
            )
    return (
        organisations.select_related("country")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=current.select_related("network").order_by(name_order("network__")),
                to_attr="current_memberships",
            )
        )
        .order_by(name_order(), "pk")
    )


def directory_choices() -> dict[str, list[tuple[str, str | Promise]]]:
    """Options for the directory's filters: only values that some organisation has."""
    used_countries = Country.objects.filter(organisations__isnull=False).distinct()
    countries: list[tuple[str, str | Promise]] = collated(
        ((c.code, c.name) for c in used_countries), name=lambda pair: pair[1]
    )
    networks: list[tuple[str, str | Promise]] = [
        (n.slug, n.name) for n in Network.objects.order_by("level", name_order())
    ]
    return {
        "country": countries,
        "kind": list(OrganisationKind.choices),
        "network": networks,
    }


def organisation_get(*, slug: str) -> Organisation:
    return Organisation.objects.select_related("country").get(slug=slug)


def organisation_memberships(*, organisation: Organisation) -> QuerySet[Membership]:
    return (
        organisation.memberships.current()  # type: ignore[attr-defined]
        .select_related("network")
        .order_by("network__level", name_order("network__"))
    )


def organisation_people(*, organisation: Organisation) -> QuerySet[Person]:
    return organisation.people.select_related("country").order_by(name_order(), "pk")


def people_visible_to(*, networks: QuerySet[Network]) -> QuerySet[Person]:
    """People of `networks`: those whose organisation is currently in one of them, and those
    who hold a role in one of them themselves (someone invited there, with an organisation
    elsewhere or none)."""
    # A correlated EXISTS rather than IN (list of organisations): the database walks the
    # people in name order (the sort key's index) and stops at the page's last row, instead
    # of gathering and sorting everyone visible; the count needs no list either. Those with
    # a role are few: their ids are read once (IN), not looked up for every person.
    in_networks = current_memberships().filter(
        network__in=networks, organisation=OuterRef("organisation_id")
    )
    return (
        Person.objects.filter(Exists(in_networks) | Q(pk__in=people_with_roles_in(networks)))
        .select_related("organisation", "country")
        .order_by(name_order(), "pk")
    )


def person_with_details(*, pk: int) -> Person | None:
    """A person with their organisation and country, for their own account page."""
    return Person.objects.select_related("organisation", "country").filter(pk=pk).first()


def profile_organisations(*, network_ids: frozenset[int] | None, keep: int | None = None):
    """The organisations a person of these networks may say they belong to: the current
    members of the networks and of those below them (every member organisation for None),
    and the one they already chose (`keep`), in the reader's order."""
    current = current_memberships()
    if network_ids is not None:
        current = current.filter(network__in=Network.objects.subtree_of(sorted(network_ids)))
    chosen = Q(pk__in=current.values("organisation"))
    if keep is not None:
        chosen |= Q(pk=keep)
    return (
        Organisation.objects.filter(chosen).select_related("country").order_by(name_order(), "pk")
    )


def profile_network_countries(*, network_ids: frozenset[int] | None) -> list[Country]:
    """The countries of these networks and of those below them, in the reader's order (none
    for None, every network: they would suggest nothing)."""
    if not network_ids:
        return []
    networks = Network.objects.subtree_of(sorted(network_ids))
    countries = Country.objects.filter(networks__in=networks).distinct()
    return collated(countries, name=lambda country: country.name)


@dataclass(frozen=True)
class CountryPresence:
    country: Country
    organisations: int
    social_movements: int


def countries_with_members(
    on: datetime.date | None = None, network_ids: Iterable[int] | None = None
) -> list[CountryPresence]:
    """Countries that have member organisations on day `on` (today by default) in the
    networks `network_ids` (every network for None), with how many, for the members map."""
    rows = (
        member_organisations(on, network_ids)
        .order_by()
        .values("country")
        .annotate(total=Count("pk"), movements=Count("pk", filter=Q(is_social_movement=True)))
    )
    counts = {row["country"]: row for row in rows}
    countries = Country.objects.filter(pk__in=counts.keys())
    presence = [
        CountryPresence(
            country=country,
            organisations=counts[country.pk]["total"],
            social_movements=counts[country.pk]["movements"],
        )
        for country in countries
    ]
    return collated(presence, name=lambda item: item.country.name)
