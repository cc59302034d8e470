from django.db.models import CharField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast

from inspir.accounts.models import Invitation, User
from inspir.accounts.rules import INVITATION_TOPIC
from inspir.core.models import OutgoingEmail
from inspir.network.models import Network

RECENT_INVITATIONS = 50


def invitations_for(*, networks: QuerySet[Network]) -> QuerySet[Invitation]:
    """The latest invitations into `networks`, pending and past, each with the delivery
    status of its latest e-mail (`email_status`)."""
    latest_email = OutgoingEmail.objects.filter(
        topic=INVITATION_TOPIC, object_id=Cast(OuterRef("pk"), CharField())
    ).order_by("-created_at", "-pk")
    return (
        Invitation.objects.filter(network__in=networks)
        .select_related("network", "invited_by", "accepted_by")
        .annotate(email_status=Subquery(latest_email.values("status")[:1]))[:RECENT_INVITATIONS]
    )


def pending_invitations_sent(
    *, user: User, network_ids: frozenset[int] | None, limit: int
) -> list[Invitation]:
    """The invitations `user` sent that nobody has accepted yet, still valid and not
    withdrawn, into networks where they still manage members (None: every network); the
    soonest to expire first, at most `limit + 1`."""
    invitations = Invitation.objects.pending().filter(invited_by=user)
    if network_ids is not None:
        invitations = invitations.filter(network_id__in=sorted(network_ids))
    return list(invitations.select_related("network").order_by("expires_at", "pk")[: limit + 1])
