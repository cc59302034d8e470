"""Reads for the reader's "my work" page (governance/my_work.py): what governance has waiting
for them. Each read is one query, at most `limit + 1` rows, whatever the data."""

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from inspir.accounts.models import NetworkRole
from inspir.accounts.permissions import Action, AnyUser, roles_granting
from inspir.governance.models import (
    AgendaInput,
    AgendaItem,
    AvailableHours,
    Consultation,
    FollowUp,
    Mandate,
    Meeting,
    MeetingStatus,
    Participant,
    Proposal,
)
from inspir.governance.permissions import acting_network_ids, own_acting_network_ids
from inspir.governance.rules import FOLLOW_UP_OPEN
from inspir.governance.selectors.access import visible_meetings
from inspir.governance.selectors.decisions import reportable_follow_ups
from inspir.governance.selectors.proposals import ProposalFilters, proposal_list


def _count(rows: QuerySet) -> Subquery:
    """The number of `rows` (correlated to the outer query) as a subquery."""
    # COUNT as a plain function, not an aggregate: no GROUP BY, one row even when none match.
    counted = rows.order_by().values(n=Func("pk", function="COUNT", output_field=IntegerField()))
    return Subquery(counted, output_field=IntegerField())


def answering(user: AnyUser) -> Q | None:
    """The condition on a row's `network_id` that says its network's waiting work is the
    reader's: a network they act for as their own (`own_acting_network_ids`), or one below
    them they may act for that has nobody of its own to act (no active focal point or
    coordinator there, no committee member), so that a network without its people is not
    forgotten. None: every network (staff). Adds no query: it joins the row's own."""
    own = own_acting_network_ids(user)
    acting = acting_network_ids(user)
    if own is None or acting is None:
        return None
    below = acting - own
    condition = Q(network_id__in=sorted(own))
    if below:
        roles = NetworkRole.objects.filter(
            network_id=OuterRef("network_id"),
            role__in=roles_granting(Action.ACT_FOR_NETWORK),
            user__is_active=True,
        )
        seats = Mandate.objects.current().filter(committee__network_id=OuterRef("network_id"))
        condition |= Q(Q(network_id__in=sorted(below)), ~Exists(roles), ~Exists(seats))
    return condition


def inputs_due(*, user: AnyUser, limit: int) -> list[Consultation]:
    """Consultations of the networks the reader answers for (`answering`) still open for inputs and
    with an agenda item the network has not given its input on yet, the soonest to close
    first; each with `closes_at` (the preparation deadline, never after the meeting starts),
    `item_count` and `answered_count`."""
    now = timezone.now()
    # An item of the consultation's meeting without this network's input (the consultation
    # is two queries up: OuterRef of OuterRef).
    network_input = AgendaInput.objects.filter(
        item_id=OuterRef("pk"), network_id=OuterRef(OuterRef("network_id"))
    )
    unanswered = AgendaItem.objects.filter(meeting_id=OuterRef("meeting_id")).filter(
        ~Exists(network_input)
    )
    consultations = Consultation.objects.filter(
        Q(meeting__preparation_deadline__isnull=True) | Q(meeting__preparation_deadline__gt=now),
        Exists(unanswered),
        meeting__agenda_circulated_at__isnull=False,
        meeting__starts_at__gt=now,
    ).exclude(meeting__status=MeetingStatus.CANCELLED)
    condition = answering(user)
    if condition is not None:
        consultations = consultations.filter(condition)
    return list(
        consultations.annotate(
            closes_at=Least(
                Coalesce("meeting__preparation_deadline", "meeting__starts_at"),
                "meeting__starts_at",
            ),
            item_count=_count(AgendaItem.objects.filter(meeting_id=OuterRef("meeting_id"))),
            answered_count=_count(
                AgendaInput.objects.filter(
                    item__meeting_id=OuterRef("meeting_id"), network_id=OuterRef("network_id")
                )
            ),
        )
        .select_related("meeting__committee__network", "network")
        .order_by("closes_at", "pk")[: limit + 1]
    )


def proposals_awaiting(*, user: AnyUser, limit: int) -> list[Proposal]:
    """Proposals submitted or forwarded to a network the reader answers for (`answering`),
    oldest first."""
    awaiting = proposal_list(user=user, filters=ProposalFilters(awaiting=True))
    condition = answering(user)
    if condition is not None:
        awaiting = awaiting.filter(condition)
    return list(awaiting.order_by("updated_at", "pk")[: limit + 1])


def follow_ups_to_report(*, user: AnyUser, limit: int) -> list[FollowUp]:
    """Follow-ups of the networks the reader answers for (`answering`), not done yet, the
    soonest due first (those without a due date last)."""
    open_ones = reportable_follow_ups(user).filter(status__in=FOLLOW_UP_OPEN)
    condition = answering(user)
    if condition is not None:
        open_ones = open_ones.filter(condition)
    return list(open_ones.order_by(F("due_on").asc(nulls_last=True), "pk")[: limit + 1])


def meetings_coming(*, user: AnyUser, person_id: int, limit: int) -> list[Meeting]:
    """Meetings not over yet of the committees where the person sits today, and those they are
    invited to, that the reader may open; the soonest first. Each says whether the person's
    invitation waits for their answer (`answer_awaited`: invited, not answered, not started)
    and whether the person gave the hours at which they accept to meet (`hours_given`, read
    here rather than by a query of its own when there is a meeting)."""
    now = timezone.now()
    seats = Mandate.objects.current().filter(person_id=person_id).values("committee_id")
    invited = Participant.objects.filter(person_id=person_id).values("meeting_id")
    unanswered = Participant.objects.filter(
        meeting_id=OuterRef("pk"), person_id=person_id, answer=""
    )
    meetings = (
        visible_meetings(user)
        .filter(Q(committee_id__in=seats) | Q(pk__in=invited), ends_at__gt=now)
        .exclude(status=MeetingStatus.CANCELLED)
        .annotate(
            answer_awaited=ExpressionWrapper(
                Q(Exists(unanswered), starts_at__gt=now), output_field=BooleanField()
            ),
            hours_given=Exists(AvailableHours.objects.filter(person_id=person_id)),
        )
        .select_related("committee__network")
        .order_by("starts_at", "pk")
    )
    return list(meetings[: limit + 1])


def has_available_hours(*, person_id: int) -> bool:
    return AvailableHours.objects.filter(person_id=person_id).exists()
