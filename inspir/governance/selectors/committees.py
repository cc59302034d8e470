"""Reads of committees, their seat rules and mandates.

`committee_composition` evaluates a committee against its own rules (kept as data in
`SeatRule`): who fills each seat, which seats are vacant, which rules are broken and which
mandates end soon. It runs a fixed number of queries, whatever the size of the committee."""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    FilteredRelation,
    IntegerField,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from inspir.accounts.permissions import Action, AnyUser, network_ids_where, networks_where
from inspir.core.collation import name_order
from inspir.core.time import reader_zone, zone_of
from inspir.governance.models import Committee, Mandate, SeatKind, SeatRole, SeatRule
from inspir.governance.permissions import governance_readable_network_ids
from inspir.governance.selectors.joins import joined
from inspir.network.models import Level, Network, Organisation, Person
from inspir.network.selectors import KeyFigure, current_memberships, people_visible_to

ENDING_SOON_DAYS = 60


class ViolationKind:
    TOO_MANY = "too_many"
    TOO_FEW = "too_few"
    NOT_ON_NETWORK_COMMITTEE = "not_on_network_committee"
    NOT_OF_THE_ORGANISATION = "not_of_the_organisation"


@dataclass(frozen=True)
class Violation:
    kind: str
    rule: SeatRule
    message: str
    mandate: Mandate | None = None


@dataclass
class RuleSeats:
    """One rule of the composition and the mandates that fill it on the day."""

    rule: SeatRule
    holders: list[Mandate] = field(default_factory=list)

    @property
    def filled(self) -> int:
        return len(self.holders)

    @property
    def vacancies(self) -> int:
        return max(0, self.rule.seats - self.filled)

    @property
    def vacant_seats(self) -> range:
        return range(self.vacancies)


@dataclass
class ConstituencyGroup:
    """The seats that speak for one network or organisation (or for nobody in particular):
    its voting seats first, then the advisory seats that accompany them."""

    name: str
    network: Network | None
    seats: list[RuleSeats] = field(default_factory=list)


@dataclass
class Composition:
    committee: Committee
    on: datetime.date
    groups: list[ConstituencyGroup]
    facilitation: list[RuleSeats]
    violations: list[Violation]
    ending_soon: list[Mandate]

    @property
    def all_seats(self) -> list[RuleSeats]:
        return [seats for group in self.groups for seats in group.seats] + self.facilitation

    @property
    def vacancies(self) -> list[RuleSeats]:
        return [seats for seats in self.all_seats if seats.vacancies]

    @property
    def vacancy_count(self) -> int:
        return sum(seats.vacancies for seats in self.all_seats)

    @property
    def members(self) -> int:
        """People holding a voting or advisory seat (the facilitator is not a member)."""
        return len(
            {
                mandate.person_id
                for group in self.groups
                for seats in group.seats
                for mandate in seats.holders
            }
        )


def _constituency_name(rule: SeatRule) -> str:
    if rule.constituency_network is not None:
        return rule.constituency_network.name
    if rule.constituency_organisation is not None:
        organisation = rule.constituency_organisation
        return organisation.acronym or organisation.name
    return ""


def _current(queryset: QuerySet[Mandate], on: datetime.date) -> QuerySet[Mandate]:
    return queryset.filter(Q(end_date__isnull=True) | Q(end_date__gte=on), start_date__lte=on)


def _violations(seats: RuleSeats, on_network_committee: set[tuple[int, int]]) -> list[Violation]:
    rule = seats.rule
    found = []
    context = {
        "seat": rule.get_role_display(),
        "constituency": _constituency_name(rule) or _("the committee"),
        "count": seats.filled,
        "seats": rule.seats,
        "minimum": rule.minimum,
    }
    if seats.filled > rule.seats:
        found.append(
            Violation(
                ViolationKind.TOO_MANY,
                rule,
                ngettext(
                    "Too many people hold a seat of %(seat)s for %(constituency)s: "
                    "%(count)s for %(seats)s seat.",
                    "Too many people hold a seat of %(seat)s for %(constituency)s: "
                    "%(count)s for %(seats)s seats.",
                    rule.seats,
                )
                % context,
            )
        )
    elif seats.filled < rule.minimum:
        found.append(
            Violation(
                ViolationKind.TOO_FEW,
                rule,
                _(
                    "Too few people hold a seat of %(seat)s for %(constituency)s: "
                    "%(count)s, while the rules require at least %(minimum)s."
                )
                % context,
            )
        )
    if rule.from_network_committee and rule.constituency_network_id:
        for mandate in seats.holders:
            if (rule.constituency_network_id, mandate.person_id) not in on_network_committee:
                found.append(
                    Violation(
                        ViolationKind.NOT_ON_NETWORK_COMMITTEE,
                        rule,
                        _(
                            "%(person)s holds a seat for %(network)s but does not sit on "
                            "the committee of %(network)s, as the rules require."
                        )
                        % {
                            "person": mandate.person.name,
                            "network": rule.constituency_network.name,  # type: ignore[union-attr]
                        },
                        mandate,
                    )
                )
    if rule.role == SeatRole.COORDINATING_ORGANISATION and rule.constituency_organisation_id:
        # The coordinating organisation's seat is held by one of its own people (read from
        # the holders' organisations, already fetched with them: no query).
        organisation = rule.constituency_organisation
        for mandate in seats.holders:
            if mandate.person.organisation_id != rule.constituency_organisation_id:
                found.append(
                    Violation(
                        ViolationKind.NOT_OF_THE_ORGANISATION,
                        rule,
                        _(
                            "%(person)s holds the seat of the coordinating organisation "
                            "%(organisation)s but is not a person of %(organisation)s, as the "
                            "rules require."
                        )
                        % {
                            "person": mandate.person.name,
                            "organisation": organisation.acronym or organisation.name,  # type: ignore[union-attr]
                        },
                        mandate,
                    )
                )
    return found


def committee_composition(committee: Committee, on: datetime.date | None = None) -> Composition:
    """The committee on day `on` (today by default), measured against its rules.

    Three queries: the rules, the mandates current on the day, and (only when a rule asks
    for it) who sits on the constituency networks' own committees."""
    on = on or timezone.localdate()
    if "rules" in getattr(committee, "_prefetched_objects_cache", {}):
        rules = list(committee.rules.all())  # read with the committee (`committee_get`)
    else:
        rules = list(
            SeatRule.objects.filter(committee=committee)
            .select_related("constituency_network", "constituency_organisation")
            .order_by("position", "pk")
        )
    mandates = list(
        _current(Mandate.objects.filter(committee=committee), on)
        .select_related("person__organisation", "person__country")
        .order_by("start_date", name_order("person__"), "pk")
    )
    checked_networks = {
        rule.constituency_network_id
        for rule in rules
        if rule.from_network_committee and rule.constituency_network_id
    }
    on_network_committee: set[tuple[int, int]] = set()
    if checked_networks:
        on_network_committee = set(
            _current(Mandate.objects.filter(committee__network__in=checked_networks), on)
            .exclude(rule__kind=SeatKind.FACILITATION)
            .values_list("committee__network_id", "person_id")
        )

    by_rule = {rule.pk: RuleSeats(rule) for rule in rules}
    for mandate in mandates:
        if mandate.rule_id in by_rule:
            mandate.rule = by_rule[mandate.rule_id].rule  # already fetched, with its network
            by_rule[mandate.rule_id].holders.append(mandate)

    groups: dict[tuple[str, int | None], ConstituencyGroup] = {}
    facilitation: list[RuleSeats] = []
    violations: list[Violation] = []
    for rule in rules:
        seats = by_rule[rule.pk]
        violations.extend(_violations(seats, on_network_committee))
        if rule.kind == SeatKind.FACILITATION:
            facilitation.append(seats)
            continue
        if rule.constituency_network_id:
            key: tuple[str, int | None] = ("network", rule.constituency_network_id)
        elif rule.constituency_organisation_id:
            key = ("organisation", rule.constituency_organisation_id)
        else:
            key = ("none", None)
        if key not in groups:
            groups[key] = ConstituencyGroup(_constituency_name(rule), rule.constituency_network)
        groups[key].seats.append(seats)
    for group in groups.values():
        # Voting seats first; the advisory seats accompany them (stable: rule order kept).
        group.seats.sort(key=lambda seats: seats.rule.kind == SeatKind.ADVISORY)

    soon = on + datetime.timedelta(days=ENDING_SOON_DAYS)
    ending_soon = sorted(
        (m for m in mandates if m.end_date is not None and m.end_date <= soon),
        key=lambda m: (m.end_date, m.person.name),
    )
    return Composition(
        committee=committee,
        on=on,
        groups=list(groups.values()),
        facilitation=facilitation,
        violations=violations,
        ending_soon=ending_soon,
    )


def _member_filter(on: datetime.date, prefix: str = "") -> Q:
    return (
        Q(**{f"{prefix}start_date__lte": on})
        & (Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": on}))
        & ~Q(**{f"{prefix}rule__kind": SeatKind.FACILITATION})
    )


def committee_list(on: datetime.date | None = None) -> QuerySet[Committee]:
    """Every committee, intercontinental first, with how many members it has today."""
    on = on or timezone.localdate()
    level_order = {Level.INTERCONTINENTAL: 0, Level.CONTINENTAL: 1, Level.NATIONAL: 2}
    return (
        Committee.objects.select_related("network", "network__parent")
        .annotate(
            level_rank=Case(
                *[
                    When(network__level=level, then=Value(rank))
                    for level, rank in level_order.items()
                ],
                output_field=IntegerField(),
            ),
            member_count=Count(
                "mandates__person", filter=_member_filter(on, "mandates__"), distinct=True
            ),
        )
        .order_by("level_rank", name_order("network__"))
    )


def committee_get(*, slug: str, user: AnyUser) -> Committee:
    """The committee of the network `slug` (public), with what `user` may do there:
    `readable` (vacancies, violations, ending mandates) and `manageable` (add and end
    mandates: coordinators of the network or above, staff), answered from the reader's
    reach."""
    committees = Committee.objects.filter(network__slug=slug)
    person_id = getattr(user, "person_id", None) if user.is_authenticated else None
    if person_id is not None:
        # The reader's own zone, read with the committee rather than by a query of its own.
        own_zone = Person.objects.filter(pk=person_id).values("time_zone")[:1]
        committees = committees.annotate(reader_time_zone=Subquery(own_zone))
    # With its seat rules, in the same query (`committee_composition` reads them there).
    rows = (
        committees.annotate(rule=FilteredRelation("rules"))  # type: ignore[misc]  # a FilteredRelation, unknown to the stubs
        .select_related(
            "network",
            "network__parent",
            "rule__constituency_network",
            "rule__constituency_organisation",
        )
        .order_by("rule__position", "rule__pk")
    )
    found = joined(rows, "rule", "rules")
    if not found:
        raise Committee.DoesNotExist
    committee = found[0]
    # The reader's reach is read once per request: these need no query.
    readable = governance_readable_network_ids(user)
    governed = network_ids_where(user, Action.GOVERN)
    network = committee.network_id
    committee.readable = readable is None or network in readable  # type: ignore[attr-defined]
    committee.manageable = governed is None or network in governed  # type: ignore[attr-defined]
    return committee


def committee_reader_zone(committee: Committee, user: AnyUser) -> zoneinfo.ZoneInfo:
    """The zone the reader sees the committee's times in (`reader_zone`), from what
    `committee_get` read with the committee when it could."""
    own = getattr(committee, "reader_time_zone", None)
    return zone_of(own) if own else reader_zone(user, committee.time_zone)


def steering_committee_members(on: datetime.date | None = None) -> int:
    """People holding a current voting or advisory seat on the intercontinental committee."""
    on = on or timezone.localdate()
    return (
        Mandate.objects.filter(_member_filter(on), committee__network__level=Level.INTERCONTINENTAL)
        .values("person")
        .distinct()
        .count()
    )


def governance_key_figures(on: datetime.date | None = None) -> tuple[KeyFigure, ...]:
    """The home page's figures that come from governance (registered in `core/figures.py`)."""
    return (
        KeyFigure(
            "steering_committee",
            steering_committee_members(on),
            _("members of the intercontinental steering committee"),
        ),
    )


def managed_committee_get(*, user: AnyUser, slug: str) -> Committee:
    """The committee whose mandates `user` may manage (coordinators or above, staff);
    `Committee.DoesNotExist` otherwise."""
    return Committee.objects.select_related("network").get(
        network__slug=slug, network__in=networks_where(user, Action.GOVERN)
    )


def managed_mandate_get(*, user: AnyUser, pk: int) -> Mandate:
    return Mandate.objects.select_related(
        "committee__network", "rule", "person", "rule__constituency_network"
    ).get(pk=pk, committee__network__in=networks_where(user, Action.GOVERN))


def managed_rule_get(*, user: AnyUser, pk: int) -> SeatRule:
    return SeatRule.objects.select_related(
        "committee__network", "constituency_network", "constituency_organisation"
    ).get(pk=pk, committee__network__in=networks_where(user, Action.GOVERN))


def rule_network_choices(*, committee: Committee) -> QuerySet[Network]:
    """Networks a seat may speak for: the committee's network and those below it."""
    return Network.objects.subtree_of([committee.network_id]).order_by("level", name_order())


def rule_organisation_choices(*, committee: Committee) -> QuerySet[Organisation]:
    """Organisations a seat may speak for: the current members of the committee's own
    network (for the intercontinental committee, the coordinating organisation)."""
    members = current_memberships().filter(network=committee.network).values("organisation")
    return Organisation.objects.filter(pk__in=members).order_by(name_order())


def mandate_rule_choices(*, committee: Committee) -> QuerySet[SeatRule]:
    return SeatRule.objects.filter(committee=committee).select_related(
        "constituency_network", "constituency_organisation"
    )


def mandate_person_choices(*, committee: Committee, everyone: bool) -> QuerySet[Person]:
    """The people of the committee's network and the networks below it, or everyone."""
    if everyone:
        return Person.objects.select_related("organisation").order_by(name_order(), "pk")
    networks = Network.objects.subtree_of([committee.network_id])
    return people_visible_to(networks=networks)


def mandates_of(*, committee: Committee) -> QuerySet[Mandate]:
    """Every standing mandate of the committee, past, current and future, newest first."""
    return (
        Mandate.objects.filter(committee=committee)
        .select_related(
            "person", "rule", "rule__constituency_network", "rule__constituency_organisation"
        )
        .order_by("-start_date", name_order("person__"))
    )


def withdrawn_mandates_of(*, committee: Committee) -> QuerySet[Mandate]:
    """The committee's mandates withdrawn as entered by mistake, the latest first: gone from
    the composition, kept in its log with who withdrew them, when and why."""
    return (
        Mandate.all_entered.filter(committee=committee, withdrawn_at__isnull=False)
        .select_related(
            "person",
            "rule",
            "rule__constituency_network",
            "rule__constituency_organisation",
            "withdrawn_by",
        )
        .order_by("-withdrawn_at", "-pk")
    )
