"""Who may see which governance records: the scoped querysets every view fetches through,
so that anything out of reach is simply not found.

Members of the network read their networks' governance and that of the networks above them
(decisions come down from there); the public sees what is published: meetings whose agenda
is published, and the decisions of meetings whose minutes are."""

from django.db.models import Q, QuerySet

from inspir.accounts.permissions import AnyUser
from inspir.governance.models import Committee, Decision, Meeting, Proposal, ProposalStatus
from inspir.governance.permissions import (
    acting_networks,
    governance_readable_network_ids,
    governance_readable_networks,
    governing_networks,
)


def visible_committees(user: AnyUser) -> QuerySet[Committee]:
    # A committee's composition is public, as in the network's activity reports.
    return Committee.objects.all()


def visible_meetings(user: AnyUser) -> QuerySet[Meeting]:
    """Those who read the committee's network see its meetings; the public, those whose
    agenda or minutes are published."""
    readable = governance_readable_networks(user).values("pk")
    return Meeting.objects.filter(
        Q(agenda_published_at__isnull=False)
        | Q(minutes_published_at__isnull=False)
        | Q(committee__network__in=readable)
    )


def meeting_is_visible(meeting: Meeting, user: AnyUser) -> bool:
    """Whether `visible_meetings(user)` holds `meeting` (the same rule, on a loaded meeting:
    its agenda or minutes are published, or it is a committee of a network the reader reads
    in full)."""
    if meeting.agenda_published_at is not None or meeting.minutes_published_at is not None:
        return True
    readable = governance_readable_network_ids(user)
    return readable is None or meeting.committee.network_id in readable


def governed_meetings(user: AnyUser) -> QuerySet[Meeting]:
    return Meeting.objects.filter(committee__network__in=governing_networks(user).values("pk"))


def visible_proposals(user: AnyUser) -> QuerySet[Proposal]:
    """Proposals are internal. A draft is seen by its author and by those who act for the
    network raising it (who submit it); once submitted, by everyone who reads that network
    or the one now holding it."""
    if not user.is_authenticated:
        return Proposal.objects.none()
    readable = governance_readable_networks(user).values("pk")
    acting = acting_networks(user).values("pk")
    return Proposal.objects.filter(
        Q(author=user)
        | Q(origin_network__in=acting)
        | (
            ~Q(status=ProposalStatus.DRAFT)
            & (Q(origin_network__in=readable) | Q(network__in=readable))
        )
    )


def visible_decisions(user: AnyUser) -> QuerySet[Decision]:
    """Those who read the committee's network see its decisions, open rounds included; the
    public sees the outcome of a decision taken: at a meeting whose minutes are published,
    or by a consent round between meetings once it has closed."""
    readable = governance_readable_networks(user).values("pk")
    taken = ~Q(outcome="")
    public = taken & (Q(meeting__minutes_published_at__isnull=False) | Q(meeting__isnull=True))
    return Decision.objects.filter(public | Q(committee__network__in=readable))
