"""Who may do what in which network: the one place that answers it.

A role held in a network also applies to every network below it: the coordinator of a
continental network coordinates its national networks too. Staff may do everything.
Views never check roles themselves; they fetch through `networks_where` or ask `can`,
so that anything outside a user's reach is simply not found."""

from enum import StrEnum

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from inspir.accounts.models import NetworkRole, Role, User
from inspir.network.models import Network, Organisation


class Action(StrEnum):
    VIEW_INTERNAL = "view_internal"
    VIEW_PEOPLE = "view_people"
    EDIT_CONTENT = "edit_content"
    EDIT_ORGANISATION = "edit_organisation"
    MANAGE_MEMBERS = "manage_members"
    VIEW_AUDIT = "view_audit"


ROLE_ACTIONS: dict[str, frozenset[Action]] = {
    Role.MEMBER: frozenset({Action.VIEW_INTERNAL, Action.VIEW_PEOPLE}),
    Role.EDITOR: frozenset({Action.VIEW_INTERNAL, Action.VIEW_PEOPLE, Action.EDIT_CONTENT}),
    Role.COORDINATOR: frozenset(Action),
}

AnyUser = User | AnonymousUser


def roles_granting(action: Action) -> list[str]:
    return [role for role, actions in ROLE_ACTIONS.items() if action in actions]


def networks_where(user: AnyUser, action: Action) -> QuerySet[Network]:
    """Every network in which `user` may perform `action`."""
    if not user.is_authenticated or not user.is_active:
        return Network.objects.none()
    if user.is_staff:
        return Network.objects.all()
    granted = NetworkRole.objects.filter(user=user, role__in=roles_granting(action)).values(
        "network_id"
    )
    return Network.objects.subtree_of(granted)


def can(user: AnyUser, action: Action, network: Network) -> bool:
    return networks_where(user, action).filter(pk=network.pk).exists()


def organisations_where(user: AnyUser, action: Action) -> QuerySet[Organisation]:
    """Organisations with a membership in a network where `user` may perform `action`."""
    return Organisation.objects.filter(
        memberships__network__in=networks_where(user, action)
    ).distinct()


def can_edit_organisation(user: AnyUser, organisation: Organisation) -> bool:
    return organisations_where(user, Action.EDIT_ORGANISATION).filter(pk=organisation.pk).exists()


def is_network_member(user: AnyUser) -> bool:
    return networks_where(user, Action.VIEW_INTERNAL).exists()
