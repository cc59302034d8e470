"""Who reads and writes the network's advocacy: advocacy's rules, on the shared vocabulary
of `inspir.accounts.permissions` and governance's (docs/permissions.md, rows
`act_for_network` and `govern`).

Reading a network's advocacy (its positions in any status, their submissions, its campaigns
and alliances) follows governance: a member reads their networks' and those above them, a
coordinator those below too. Published positions are public: anyone reads them.

Writing — drafting and editing positions and their demands, recording their submissions and
what came of them, the campaigns and the alliances — belongs to those who act for the
network (Action.ACT_FOR_NETWORK as governance reads it: its focal point, its coordinators,
its committee's members).

Adopting a position (linking it to the decision that adopted it), publishing and archiving
it belong to those who govern the network (its coordinators, its committee's offices):
what the network says in public is the committee's business."""

from inspir.accounts.permissions import AnyUser, is_member_user
from inspir.governance.permissions import (
    acting_network_ids,
    governance_readable_network_ids,
    governing_network_ids,
)


def readable_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks whose advocacy `user` reads in full; None for every one. No
    query: the reader's reach is read once per request."""
    return governance_readable_network_ids(user)


def writing_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks whose advocacy `user` writes; None for every one (staff)."""
    return acting_network_ids(user)


def adopting_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks whose positions `user` adopts, publishes and archives."""
    return governing_network_ids(user)


def _within(ids: frozenset[int] | None, network_id: int) -> bool:
    return ids is None or network_id in ids


def reads_advocacy_of(user: AnyUser, network_id: int) -> bool:
    return is_member_user(user) and _within(readable_network_ids(user), network_id)


def writes_advocacy_of(user: AnyUser, network_id: int) -> bool:
    return is_member_user(user) and _within(writing_network_ids(user), network_id)


def adopts_positions_of(user: AnyUser, network_id: int) -> bool:
    return is_member_user(user) and _within(adopting_network_ids(user), network_id)


def writes_any(user: AnyUser) -> bool:
    ids = writing_network_ids(user)
    return is_member_user(user) and (ids is None or bool(ids))


def has_advocacy(user: AnyUser | None) -> bool:
    """Whether advocacy belongs in `user`'s navigation: they read some network's."""
    if user is None or not is_member_user(user):
        return False
    ids = readable_network_ids(user)
    return ids is None or bool(ids)
