"""Who may do what in which network: the one place that answers it.

A role held in a network also applies to every network below it: the coordinator of a
continental network coordinates its national networks too. Staff may do everything.
Views never check roles themselves; they fetch through `networks_where` or ask `can`,
so that anything outside a user's reach is simply not found."""

from enum import StrEnum

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from inspir.accounts.models import NetworkRole, Role, User
from inspir.network.models import Level, Network, Organisation


class Action(StrEnum):
    VIEW_INTERNAL = "view_internal"
    VIEW_PEOPLE = "view_people"
    EDIT_CONTENT = "edit_content"
    EDIT_ORGANISATION = "edit_organisation"
    MANAGE_MEMBERS = "manage_members"
    VIEW_AUDIT = "view_audit"
    # Act for a network in its governance: prepare its committee's meetings, record its
    # decisions, endorse or answer proposals, give its input, report back on follow-ups.
    # Coordinators may; so may the members of the network's own committee (see `governing`).
    GOVERN = "govern"
    # Look after the platform's e-mail that did not arrive: send it again or set it aside.
    # It holds every network's messages and personal ones (password resets), so only those
    # who hold it in the intercontinental network, and staff, may (see `may_oversee_mail`).
    OVERSEE_MAIL = "oversee_mail"


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


def may_oversee_mail(user: AnyUser) -> bool:
    """Whether `user` sees the platform's undelivered e-mail and may send it again: staff,
    and those whose role in the intercontinental network grants it (its coordinators)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return bool(user.is_staff) or (
        networks_where(user, Action.OVERSEE_MAIL)
        .filter(level=Level.INTERCONTINENTAL, parent__isnull=True)
        .exists()
    )


# --- Governance -------------------------------------------------------------------------------
# A committee member acts for the committee's own network only (not the networks below it);
# a coordinator's role applies downward as everywhere else.


def committee_networks(user: AnyUser) -> QuerySet[Network]:
    """Networks whose committee `user` sits on today (through their person in the network)."""
    from inspir.governance.models import Mandate

    if not user.is_authenticated or not user.is_active or user.person_id is None:
        return Network.objects.none()
    seats = Mandate.objects.current().filter(person_id=user.person_id)
    return Network.objects.filter(committee__mandates__in=seats).distinct()


def governing_networks(user: AnyUser) -> QuerySet[Network]:
    """Every network for which `user` may act in governance (Action.GOVERN)."""
    if not user.is_authenticated or not user.is_active:
        return Network.objects.none()
    if user.is_staff:
        return Network.objects.all()
    return Network.objects.filter(
        Q(pk__in=networks_where(user, Action.GOVERN).values("pk"))
        | Q(pk__in=committee_networks(user).values("pk"))
    )


def can_govern(user: AnyUser, network: Network) -> bool:
    return governing_networks(user).filter(pk=network.pk).exists()


def governance_readable_networks(user: AnyUser) -> QuerySet[Network]:
    """Networks whose committee, meetings, proposals and decisions `user` may read in full:
    those where they may see internal pages, the ones they govern, and the networks above
    them, since decisions taken there come down to them."""
    if not user.is_authenticated or not user.is_active:
        return Network.objects.none()
    if user.is_staff:
        return Network.objects.all()
    reach = Network.objects.filter(
        Q(pk__in=networks_where(user, Action.VIEW_INTERNAL).values("pk"))
        | Q(pk__in=committee_networks(user).values("pk"))
    ).values("pk")
    return Network.objects.filter(
        Q(pk__in=reach) | Q(children__in=reach) | Q(children__children__in=reach)
    ).distinct()
