"""Who may read and produce a network's annual report: the report's rules, on the shared
vocabulary (docs/permissions.md, row `plan`).

Producing it — writing the year's introduction and credits, making and publishing its
editions — belongs to those who own the network's plan (its coordinators, downward, and the
offices of its own committee): the report accounts for the plan. Reading it before it is
published follows governance (a member reads the reports of their networks and of those
above them). A published edition is for everyone."""

from inspir.accounts.permissions import AnyUser, is_member_user
from inspir.governance.permissions import governance_readable_network_ids
from inspir.planning.permissions import owned_network_ids


def producing_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks whose report `user` produces; None for every one (staff)."""
    return owned_network_ids(user)


def produces_report_of(user: AnyUser, network_id: int) -> bool:
    ids = producing_network_ids(user)
    return is_member_user(user) and (ids is None or network_id in ids)


def reading_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks whose unpublished report `user` reads; None for every one."""
    if not is_member_user(user):
        return frozenset()
    produced = producing_network_ids(user)
    readable = governance_readable_network_ids(user)
    if produced is None or readable is None:
        return None
    return produced | readable
