from django.db.models import QuerySet

from inspir.accounts.models import Invitation
from inspir.network.models import Network

RECENT_INVITATIONS = 50


def invitations_for(*, networks: QuerySet[Network]) -> QuerySet[Invitation]:
    """The latest invitations into `networks`, pending and past."""
    return Invitation.objects.filter(network__in=networks).select_related(
        "network", "invited_by", "accepted_by"
    )[:RECENT_INVITATIONS]
