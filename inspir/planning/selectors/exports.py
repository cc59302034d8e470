"""The plan of a scope (selectors/dashboard.py's `Scope`) whole, for the spreadsheets and the
printed plan: every action with what it links to, read in a fixed number of queries (one for
the actions, one per kind of link), whatever the number of actions.

What an action links to is shown only as far as the reader may read it: decisions as
governance shows them (`visible_decisions`), strengthened actions and stakeholders of the
plans the reader reads."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Model, Prefetch, QuerySet
from django.utils.formats import number_format

from inspir.accounts.permissions import AnyUser
from inspir.core.collation import name_order
from inspir.core.texts import ORIGINAL, Shown, key, shown_all
from inspir.governance.models import Domain
from inspir.governance.selectors.access import visible_decisions
from inspir.network.models import Network, Organisation, top_down
from inspir.planning.models import Indicator, PlanAction
from inspir.planning.selectors.access import readable_actions, readable_stakeholders


def plan_actions(user: AnyUser, actions: QuerySet[PlanAction]) -> list[PlanAction]:
    """`actions` (already scoped to what `user` reads) with their period, network, lead,
    partners, indicators, decisions, the actions they strengthen and the stakeholders they
    target: seven queries. Ordered from the top network down, then by domain and start."""
    return list(
        actions.select_related(
            "period", "network", "lead_network", "lead_organisation", "lead_person"
        )
        .prefetch_related(
            Prefetch("partner_networks", queryset=Network.objects.order_by(name_order(), "pk")),
            Prefetch(
                "partner_organisations",
                queryset=Organisation.objects.order_by(name_order(), "pk"),
            ),
            Prefetch("indicators", queryset=Indicator.objects.order_by("pk")),
            Prefetch("decisions", queryset=visible_decisions(user).order_by("decided_at", "pk")),
            Prefetch(
                "strengthens",
                queryset=readable_actions(user)
                .select_related("network")
                .order_by(top_down("network__"), name_order("network__"), "starts_on", "pk"),
            ),
            Prefetch("stakeholders", queryset=readable_stakeholders(user).order_by("name", "pk")),
        )
        .order_by(
            top_down("network__"),
            name_order("network__"),
            "network_id",
            "domain",
            "starts_on",
            "pk",
        )
    )


# --- The printed plan ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintedIndicator:
    indicator: Indicator
    name: Shown
    unit: Shown

    @property
    def reached(self) -> str:
        return figure(self.indicator.actual)

    @property
    def target(self) -> str:
        return figure(self.indicator.target)


def figure(value: Decimal | None) -> str:
    """A measure as the reader writes numbers, without trailing zeros: "12,5" in French,
    "100" for 100.00; "?" when unknown."""
    if value is None:
        return "?"
    return number_format(Decimal(format(value.normalize(), "f")))


@dataclass(frozen=True)
class Linked:
    """A record an action links to, and its title as the reader sees it."""

    record: Model
    title: Shown


@dataclass(frozen=True)
class PrintedAction:
    action: PlanAction
    title: Shown
    description: Shown
    indicators: list[PrintedIndicator]
    decisions: list[Linked]
    strengthens: list[Linked]


@dataclass(frozen=True)
class DomainPlan:
    domain: str
    label: str
    actions: list[PrintedAction]


def _as_written(record: Model, field: str) -> Shown:
    return Shown(
        text=getattr(record, field) or "", language=None, original_language=None, status=ORIGINAL
    )


def printed_plan(actions: Iterable[PlanAction]) -> list[DomainPlan]:
    """`actions` (from `plan_actions`) by domain, in the domains' order, every domain named
    even without actions; their titles, descriptions, indicators, and the titles of the
    decisions and actions they link to read in the reader's language (two queries)."""
    actions = list(actions)
    pairs: list[tuple[Model, str]] = []
    for action in actions:
        pairs += [(action, "title"), (action, "description")]
        for indicator in action.indicators.all():
            pairs += [(indicator, "name"), (indicator, "unit")]
        pairs += [(decision, "title") for decision in action.decisions.all()]
        pairs += [(strengthened, "title") for strengthened in action.strengthens.all()]
    found = shown_all(pairs)

    def read(record: Model, field: str) -> Shown:
        return found.get(key(record, field)) or _as_written(record, field)

    by_domain: dict[str, list[PrintedAction]] = {domain.value: [] for domain in Domain}
    for action in actions:
        by_domain.setdefault(action.domain, []).append(
            PrintedAction(
                action=action,
                title=read(action, "title"),
                description=read(action, "description"),
                indicators=[
                    PrintedIndicator(indicator, read(indicator, "name"), read(indicator, "unit"))
                    for indicator in action.indicators.all()
                ],
                decisions=[
                    Linked(decision, read(decision, "title")) for decision in action.decisions.all()
                ],
                strengthens=[
                    Linked(strengthened, read(strengthened, "title"))
                    for strengthened in action.strengthens.all()
                ],
            )
        )
    labels = dict(Domain.choices)
    return [
        DomainPlan(domain=domain, label=str(labels.get(domain, domain)), actions=printed)
        for domain, printed in by_domain.items()
    ]
