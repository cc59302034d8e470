"""Who writes a network's news (docs/permissions.md, row `edit_content`): its focal point
and its coordinators, in that network and the networks below it; staff everywhere. Anyone
reads what is published."""

from inspir.accounts.permissions import Action, AnyUser, is_member_user, network_ids_where


def editing_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks whose posts `user` writes; None for every one (staff). No query:
    the reader's reach is read once per request."""
    return network_ids_where(user, Action.EDIT_CONTENT)


def edits_posts_of(user: AnyUser, network_id: int) -> bool:
    ids = editing_network_ids(user)
    return is_member_user(user) and (ids is None or network_id in ids)


def edits_any(user: AnyUser | None) -> bool:
    """Whether `user` writes some network's news (the editors' pages, their menu entry)."""
    if user is None or not is_member_user(user):
        return False
    ids = editing_network_ids(user)
    return ids is None or bool(ids)
