"""Who may act and read in governance: governance's own rules, on the shared vocabulary of
`inspir.accounts.permissions` (roles, actions, the reader's reach; decision 0020).

A committee member acts for the committee's own network only (not the networks below it);
a coordinator's role applies downward as everywhere else. Whether a person sits on a
committee today is read with the reader's reach, in the same single query: this module
gives accounts the expression (`seated`, registered from `GovernanceConfig.ready()`)."""

from django.db.models import Q, QuerySet

from inspir.accounts.permissions import (
    Action,
    AnyUser,
    is_member_user,
    network_ids_where,
    networks_with_ids,
    reach_of,
)
from inspir.governance.models import Mandate
from inspir.network.models import Network


def seated(person_id: int) -> Q:
    """Whether the person sits today on the committee of the network (the reach's row).

    A list of the person's networks rather than a correlated EXISTS per network: the
    database finds the person's few mandates by their index once, instead of walking every
    committee's mandates for each network (which grows with the network's history)."""
    return Q(
        pk__in=Mandate.objects.current().filter(person_id=person_id).values("committee__network_id")
    )


def committee_network_ids(user: AnyUser) -> frozenset[int]:
    """Ids of the networks whose committee `user` sits on today."""
    if not is_member_user(user) or getattr(user, "person_id", None) is None:
        return frozenset()
    return reach_of(user).seated


def committee_networks(user: AnyUser) -> QuerySet[Network]:
    """Networks whose committee `user` sits on today (through their person in the network)."""
    return networks_with_ids(committee_network_ids(user))


def governing_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of every network for which `user` may act in governance; None for every one."""
    governed = network_ids_where(user, Action.GOVERN)
    if governed is None:
        return None
    return governed | committee_network_ids(user)


def governing_networks(user: AnyUser) -> QuerySet[Network]:
    """Every network for which `user` may act in governance (Action.GOVERN)."""
    return networks_with_ids(governing_network_ids(user))


def can_govern(user: AnyUser, network: Network) -> bool:
    ids = governing_network_ids(user)
    return is_member_user(user) and (ids is None or network.pk in ids)


def governance_readable_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks `governance_readable_networks` returns; None for every one."""
    internal = network_ids_where(user, Action.VIEW_INTERNAL)
    if internal is None:
        return None
    reach = internal | committee_network_ids(user)
    if not reach:
        return frozenset()
    return reach_of(user).above(reach)


def governance_readable_networks(user: AnyUser) -> QuerySet[Network]:
    """Networks whose committee, meetings, proposals and decisions `user` may read in full:
    those where they may see internal pages, the ones they govern, and the networks above
    them, since decisions taken there come down to them."""
    return networks_with_ids(governance_readable_network_ids(user))
