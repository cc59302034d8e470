"""Reads for decisions, consent records and follow-ups.

Every read starts from `visible_decisions(user)`: what a user may not read is not found.
Each page reads a fixed number of queries whatever the number of rows."""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from inspir.accounts.permissions import AnyUser
from inspir.core.collation import name_order
from inspir.core.page_cache import shared_value
from inspir.governance.models import (
    Committee,
    ConsentRecord,
    Decision,
    FollowUp,
    FollowUpStatus,
    Mandate,
    Meeting,
    Position,
)
from inspir.governance.permissions import (
    acting_as,
    acting_network_ids,
    acting_networks,
    can_govern,
    governance_readable_network_ids,
    governing_network_ids,
)
from inspir.governance.rules import follow_up_overdue
from inspir.governance.selectors.access import visible_decisions
from inspir.network.models import Level, Network, Person


def decision_list(
    *, user: AnyUser, committee: Committee | None = None, domain: str = "", outcome: str = ""
) -> QuerySet[Decision]:
    decisions = visible_decisions(user)
    if committee is not None:
        decisions = decisions.filter(committee=committee)
    if domain:
        decisions = decisions.filter(domain=domain)
    if outcome:
        decisions = decisions.filter(outcome=outcome)
    return (
        decisions.select_related("committee__network", "meeting")
        .annotate(
            follow_up_count=Count("follow_ups", distinct=True),
            acted_count=Count(
                "follow_ups",
                filter=~Q(follow_ups__status=FollowUpStatus.PENDING),
                distinct=True,
            ),
        )
        .order_by("-decided_at", "-pk")
    )


def committee_choices() -> QuerySet[Committee]:
    return Committee.objects.select_related("network").order_by(
        "network__level", name_order("network__")
    )


def decision_get(*, user: AnyUser, pk: int) -> Decision:
    """A decision the user may read, with its consents and concerned networks."""
    return (
        visible_decisions(user)
        .select_related("committee__network", "meeting", "proposal", "item")
        .prefetch_related(
            Prefetch("consents", queryset=ConsentRecord.objects.select_related("person")),
            Prefetch("concerns", queryset=Network.objects.order_by(name_order())),
        )
        .get(pk=pk)
    )


def decision_for_board(*, user: AnyUser, pk: int) -> Decision:
    """A decision the user may read, without its consents: what the board needs."""
    return visible_decisions(user).select_related("committee__network", "meeting").get(pk=pk)


def consent_summary(decision: Decision) -> list[dict[str, Any]]:
    """How many took each position (from the prefetched consents)."""
    counts = Counter(consent.position for consent in decision.consents.all())
    return [
        {"position": position, "label": label, "count": counts.get(position, 0)}
        for position, label in Position.choices
    ]


@dataclass
class BoardRow:
    """One network's follow-up on the board, with the follow-ups it opened below it."""

    follow_up: FollowUp
    # The reader governs the network: passes the decision on to the networks below it.
    governed: bool
    # The reader acts for the network: reports on its follow-up, in this capacity
    # (models.ActingAs; empty when they may not).
    acting_as: str = ""
    # Past its due date without being done or declared not applicable.
    overdue: bool = False
    children: list["BoardRow"] = field(default_factory=list)
    cascade_choices: list[Network] = field(default_factory=list)

    @property
    def acted(self) -> bool:
        return self.follow_up.status != FollowUpStatus.PENDING


@dataclass
class Board:
    rows: list[BoardRow]
    total: int
    acted: int
    governed_any: bool
    # The reader reports for more than one network on this board: each row says which.
    reports_for_several: bool = False


def follow_up_board(*, decision: Decision, user: AnyUser) -> Board:
    """The report-back board of a decision: at most two queries whatever its size (the
    follow-ups, and the networks below those the user governs). Who reports and who governs
    is read from the user's reach (no query): a network without a committee reports through
    its focal point, or through those acting for it from above ("on behalf of")."""
    follow_ups = list(
        FollowUp.objects.filter(decision=decision)
        .select_related("network", "reported_by__person")
        .order_by(name_order("network__"), "pk")
    )
    network_ids = {follow_up.network_id for follow_up in follow_ups}
    governed: set[int] = set()
    acting: set[int] = set()
    if network_ids and user.is_authenticated:
        governing = governing_network_ids(user)
        governed = set(network_ids) if governing is None else network_ids & governing
        acts_for = acting_network_ids(user)
        acting = set(network_ids) if acts_for is None else network_ids & acts_for
    today = timezone.localdate()
    rows = {
        follow_up.pk: BoardRow(
            follow_up=follow_up,
            governed=follow_up.network_id in governed,
            acting_as=acting_as(user, follow_up.network) if follow_up.network_id in acting else "",
            overdue=follow_up_overdue(follow_up, today),
        )
        for follow_up in follow_ups
    }
    # Networks below the governed ones that do not follow the decision up yet: what the
    # cascade form offers.
    if governed:
        for network in Network.objects.filter(parent__in=governed).order_by(name_order()):
            if network.pk in network_ids:
                continue
            for row in rows.values():
                if row.governed and row.follow_up.network_id == network.parent_id:
                    row.cascade_choices.append(network)
    roots: list[BoardRow] = []
    for follow_up in follow_ups:
        row = rows[follow_up.pk]
        parent = rows.get(follow_up.parent_id or 0)
        (parent.children if parent is not None else roots).append(row)
    return Board(
        rows=roots,
        total=len(follow_ups),
        acted=sum(1 for row in rows.values() if row.acted),
        governed_any=bool(governed),
        reports_for_several=len(acting) > 1,
    )


def reportable_follow_ups(user: AnyUser) -> QuerySet[FollowUp]:
    """The follow-ups of networks the user acts for (committee or not), on decisions they
    may read: those they may report on, and whose reports' history they may open."""
    return FollowUp.objects.filter(
        network__in=acting_networks(user).values("pk"),
        decision__in=visible_decisions(user).values("pk"),
    ).select_related("network", "decision__committee__network", "decision__meeting", "reported_by")


def follow_up_for_reporter(*, user: AnyUser, pk: int) -> FollowUp:
    """A follow-up of a network the user acts for, on a decision they may read."""
    return reportable_follow_ups(user).get(pk=pk)


def decisions_context(*, meeting: Meeting, user: AnyUser) -> dict[str, Any]:
    """What `governance/partials/meeting_decisions.html` needs on the meeting page."""
    # The same for every reader of the same networks: kept until governance changes
    # (core/page_cache.py).
    readable = governance_readable_network_ids(user)
    decisions = shared_value(
        "meeting-decisions",
        (meeting.pk, "every network" if readable is None else sorted(readable)),
        lambda: list(
            visible_decisions(user)
            .filter(meeting=meeting)
            .annotate(follow_up_count=Count("follow_ups"))
            .order_by("decided_at", "pk")
        ),
    )
    # `meeting_get` annotates whether the reader governs the meeting; ask otherwise.
    may_govern = getattr(meeting, "may_govern", None)
    if may_govern is None:
        may_govern = user.is_authenticated and can_govern(user, meeting.committee.network)
    governs = bool(may_govern)
    may_record = governs and not meeting.is_cancelled and meeting.starts_at <= timezone.now()
    # Those who govern see every decision of the meeting, so the list tells which agenda
    # items are decided; the items themselves are prefetched on the meeting page.
    decided = {decision.item_id for decision in decisions}
    return {
        "meeting_decisions": decisions,
        # Decisions are recorded once the meeting has started, never at a cancelled one.
        "may_record_decision": may_record,
        # Agenda items on a proposal still waiting for its decision.
        "items_to_decide": sorted(
            (
                item
                for item in meeting.items.all()
                if item.proposal_id is not None and item.pk not in decided
            ),
            key=lambda item: (item.position, item.pk),
        )
        if may_record
        else [],
        "decisions_not_yet": governs
        and not meeting.is_cancelled
        and meeting.starts_at > timezone.now(),
        # What the part varies on besides the data, for `{% shared_part %}`.
        "decisions_sharing": (
            "every network" if readable is None else sorted(readable),
            may_record,
            governs and meeting.starts_at > timezone.now(),
        ),
    }


# --- Reads the services, the forms and the views share -----------------------------------------


def consent_givers(meeting: Meeting) -> QuerySet[Person]:
    """Whose consent may be recorded: the meeting's participants and the committee's
    current members."""
    seats = Mandate.objects.current().filter(committee_id=meeting.committee_id).values("person_id")
    return (
        Person.objects.filter(Q(participations__meeting=meeting) | Q(pk__in=seats))
        .distinct()
        .order_by("name", "pk")
    )


def networks_below(network: Network) -> QuerySet[Network]:
    """The networks a decision of `network`'s committee may concern."""
    return Network.objects.subtree_of([network.pk]).exclude(pk=network.pk)


def default_concerns(network: Network) -> QuerySet[Network]:
    """An adopted intercontinental decision concerns every continental network by default."""
    if network.level != Level.INTERCONTINENTAL:
        return Network.objects.none()
    return Network.objects.filter(parent=network).order_by("name")


def child_towards(network: Network, descendant_id: int) -> int | None:
    """The id of the network directly below `network` that is `descendant_id` or lies above
    it; None when that network is not below `network` (the tree is three levels deep)."""
    child = (
        Network.objects.filter(parent=network)
        .filter(Q(pk=descendant_id) | Q(children__pk=descendant_id))
        .values_list("pk", flat=True)
        .first()
    )
    return child


def cascade_choices(follow_up: FollowUp) -> QuerySet[Network]:
    """The networks directly below `follow_up`'s network that have no follow-up yet."""
    return (
        Network.objects.filter(parent_id=follow_up.network_id)
        .exclude(
            pk__in=FollowUp.objects.filter(decision_id=follow_up.decision_id).values("network_id")
        )
        .order_by("name")
    )
