"""Reads for the reader's "my work" page (governance/my_work.py): what governance has waiting
for them. Each read is one query, at most `limit + 1` rows, whatever the data."""

from django.db.models import Exists, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from inspir.accounts.permissions import AnyUser
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
from inspir.governance.rules import FOLLOW_UP_OPEN
from inspir.governance.selectors.access import visible_meetings
from inspir.governance.selectors.decisions import reportable_follow_ups
from inspir.governance.selectors.proposals import ProposalFilters, proposal_list


def _count(rows: QuerySet) -> Subquery:
    """The number of `rows` (correlated to the outer query) as a subquery."""
    # COUNT as a plain function, not an aggregate: no GROUP BY, one row even when none match.
    counted = rows.order_by().values(n=Func("pk", function="COUNT", output_field=IntegerField()))
    return Subquery(counted, output_field=IntegerField())


def inputs_due(*, network_ids: frozenset[int] | None, limit: int) -> list[Consultation]:
    """Consultations of the networks given (None: every network) still open for inputs and
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
        meeting__agenda_published_at__isnull=False,
        meeting__starts_at__gt=now,
    ).exclude(meeting__status=MeetingStatus.CANCELLED)
    if network_ids is not None:
        consultations = consultations.filter(network_id__in=sorted(network_ids))
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
    """Proposals submitted or forwarded to a committee the reader acts for, oldest first."""
    awaiting = proposal_list(user=user, filters=ProposalFilters(awaiting=True))
    return list(awaiting.order_by("updated_at", "pk")[: limit + 1])


def follow_ups_to_report(*, user: AnyUser, limit: int) -> list[FollowUp]:
    """Follow-ups of the networks the reader reports for, not done yet, the soonest due first
    (those without a due date last)."""
    open_ones = reportable_follow_ups(user).filter(status__in=FOLLOW_UP_OPEN)
    return list(open_ones.order_by(F("due_on").asc(nulls_last=True), "pk")[: limit + 1])


def meetings_coming(*, user: AnyUser, person_id: int, limit: int) -> list[Meeting]:
    """Meetings not over yet of the committees where the person sits today, and those they are
    invited to, that the reader may open; the soonest first."""
    seats = Mandate.objects.current().filter(person_id=person_id).values("committee_id")
    invited = Participant.objects.filter(person_id=person_id).values("meeting_id")
    meetings = (
        visible_meetings(user)
        .filter(Q(committee_id__in=seats) | Q(pk__in=invited), ends_at__gt=timezone.now())
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("committee__network")
        .order_by("starts_at", "pk")
    )
    return list(meetings[: limit + 1])


def invitations_to_answer(*, user: AnyUser, person_id: int, limit: int) -> list[Participant]:
    """The person's invitations to meetings the reader may open, not started yet (nor
    cancelled), that they have not answered, the soonest first."""
    return list(
        Participant.objects.filter(
            person_id=person_id,
            answer="",
            meeting__starts_at__gt=timezone.now(),
            meeting__in=visible_meetings(user).values("pk"),
        )
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .select_related("meeting__committee__network")
        .order_by("meeting__starts_at", "pk")[: limit + 1]
    )


def has_available_hours(*, person_id: int) -> bool:
    return AvailableHours.objects.filter(person_id=person_id).exists()
