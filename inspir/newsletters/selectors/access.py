"""The scoped querysets the editors' pages fetch through: an issue of a network the reader
does not edit is simply not found (a 404). Composing and sending a network's newsletter is
`edit_content` of that network (docs/permissions.md)."""

from django.db.models import QuerySet

from inspir.accounts.permissions import Action, AnyUser, network_ids_where, networks_with_ids
from inspir.core.errors import NotFound
from inspir.network.models import Network, top_down
from inspir.newsletters.models import Issue


def editing_network_ids(user: AnyUser) -> frozenset[int] | None:
    """The networks whose newsletter `user` composes and sends; None: every one (staff)."""
    return network_ids_where(user, Action.EDIT_CONTENT)


def is_editor(user: AnyUser | None) -> bool:
    """Whether the editors' pages belong in `user`'s navigation (None: a request that never
    reached the authentication middleware, such as an early error page)."""
    if user is None or not user.is_authenticated:
        return False
    ids = editing_network_ids(user)
    return ids is None or bool(ids)


def editing_networks(user: AnyUser) -> QuerySet[Network]:
    return networks_with_ids(editing_network_ids(user)).order_by(top_down(), "name")


def edited_issues(user: AnyUser) -> QuerySet[Issue]:
    ids = editing_network_ids(user)
    if not user.is_authenticated:
        return Issue.objects.none()
    issues = Issue.objects.all()
    return issues if ids is None else issues.filter(network_id__in=ids)


def edited_issue(user: AnyUser, pk: int) -> Issue:
    """The issue `pk` if `user` edits its network's newsletter; else NotFound (404)."""
    issue = edited_issues(user).select_related("network").filter(pk=pk).first()
    if issue is None:
        raise NotFound
    return issue
