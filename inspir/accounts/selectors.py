from django.db.models import CharField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast

from inspir.accounts.models import Invitation
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
