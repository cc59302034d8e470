"""Who reads and writes the library: learning's rules, on the shared vocabulary of
`inspir.accounts.permissions` and governance's acting for a network (docs/permissions.md,
row `act_for_network`: "add to the library and record its needs").

Reading is for every signed-in member of the platform — whoever holds a role in a network,
sits on a committee, or is staff: the library is for the exchange between continents, so a
member of Asia reads what Latin America learnt. Writing a resource (and its attachments)
belongs to those who act for the resource's network (`Action.ACT_FOR_NETWORK`: its focal
point, its coordinators and those above, the members of its committee), as do a network's
needs and priorities, which every member reads."""

from inspir.accounts.permissions import AnyUser, is_member_user, reach_of
from inspir.governance.permissions import acting_network_ids, committee_network_ids


def reads_library(user: AnyUser | None) -> bool:
    """Whether `user` reads the library (and the networks' needs): signed in, and staff or
    holding a role or a committee seat somewhere. No query: the reach is read once per
    request. (None: a request that never reached the authentication.)"""
    if user is None or not is_member_user(user):
        return False
    if user.is_staff:
        return True
    return bool(reach_of(user).roles) or bool(committee_network_ids(user))


def library_key(user: AnyUser) -> bool:
    """What the library's visibility rests on, for the search's shared SQL."""
    return reads_library(user)


def writing_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks whose resources and needs `user` writes; None for every one."""
    if not is_member_user(user):
        return frozenset()
    return acting_network_ids(user)


def writes_for(user: AnyUser, network_id: int) -> bool:
    ids = writing_network_ids(user)
    return is_member_user(user) and (ids is None or network_id in ids)


def writes_any(user: AnyUser) -> bool:
    ids = writing_network_ids(user)
    return is_member_user(user) and (ids is None or bool(ids))
