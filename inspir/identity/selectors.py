"""What the brand kit reads: the networks, whose names give their marks' labels."""

from django.db.models import Q, QuerySet

from inspir.core.collation import name_order
from inspir.network.models import Network, top_down

KIT_FIELDS = ("name", "slug", "level", "parent_id")


def kit_networks() -> QuerySet[Network]:
    """Every network, from the top of the tree down, in the reader's alphabetical order."""
    return Network.objects.only(*KIT_FIELDS).order_by(top_down(), name_order())


def kit_network(*, slug: str) -> Network:
    return Network.objects.only(*KIT_FIELDS).get(slug=slug)


def kit_network_and_members(*, slug: str) -> tuple[Network, list[Network]]:
    """A network and the networks directly in it (a continental network's national ones),
    in the reader's alphabetical order, in one query."""
    rows = list(
        Network.objects.only(*KIT_FIELDS)
        .filter(Q(slug=slug) | Q(parent__slug=slug))
        .order_by(name_order())
    )
    found = [row for row in rows if row.slug == slug]
    if not found:
        raise Network.DoesNotExist(slug)
    return found[0], [row for row in rows if row.slug != slug]
