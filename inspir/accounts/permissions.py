"""Who may do what in which network: the one place that answers it.

A role held in a network also applies to every network below it: the coordinator of a
continental network coordinates its national networks too. Staff may do everything.
Views never check roles themselves; they fetch through `networks_where` or ask `can`,
so that anything outside a user's reach is simply not found.

A user's reach (their role in each network, the tree of networks, the committees they sit
on) is read once, in one query, and kept on the user object for the rest of the request
(`request.user` is loaded for each request). The scoped querysets then name the networks by
id instead of nesting the role lookups as subqueries, which Django would compile again for
every queryset built from them. Any write to roles, networks or mandates makes every kept
reach stale (`reach_changed`), so a reach read before a change is read again after it."""

import datetime
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, cast

from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AnonymousUser
from django.db import connections, router
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.utils import timezone

from inspir.accounts.models import NetworkRole, Role, User
from inspir.network.models import Level, Network, Organisation

# What counts as a second factor (recovery codes alone do not).
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


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
    # Act for a network, at its level and below: give its input to a consultation, report on
    # its follow-ups, draft, submit and endorse its proposals; write its positions and record
    # their submissions, its campaigns and alliances, add to the library, prepare its funding
    # proposals. Its focal point and its
    # coordinators may; so may the members of its committee (governance/permissions.py).
    ACT_FOR_NETWORK = "act_for_network"
    # Look after the platform's e-mail that did not arrive: send it again or set it aside.
    # It holds every network's messages and personal ones (password resets), so only those
    # who hold it in the intercontinental network, and staff, may (see `may_oversee_mail`).
    OVERSEE_MAIL = "oversee_mail"
    # Own the network's part of the operational plan and its context analysis: write and
    # change its actions, decide on the suggestions made to it. Coordinators may; so may the
    # offices of the network's own committee (planning/permissions.py).
    PLAN = "plan"
    # See what the funding proposals of the network ask for and were granted: budgets are
    # sensitive. Coordinators may, downward; so do the people a proposal names on its team,
    # whatever their role (financing/permissions.py).
    VIEW_BUDGETS = "view_budgets"


ROLE_ACTIONS: dict[str, frozenset[Action]] = {
    Role.MEMBER: frozenset({Action.VIEW_INTERNAL, Action.VIEW_PEOPLE}),
    Role.FOCAL_POINT: frozenset(
        {
            Action.VIEW_INTERNAL,
            Action.VIEW_PEOPLE,
            Action.EDIT_CONTENT,
            Action.EDIT_ORGANISATION,
            Action.ACT_FOR_NETWORK,
        }
    ),
    Role.COORDINATOR: frozenset(Action),
}

AnyUser = User | AnonymousUser


def roles_granting(action: Action) -> list[str]:
    return [role for role, actions in ROLE_ACTIONS.items() if action in actions]


@dataclass(frozen=True)
class Reach:
    """What one user's permissions rest on, read in one query (see the module's doc)."""

    generation: int
    roles: dict[int, str]  # network id -> the role held there directly
    parents: dict[int, int | None]  # network id -> its parent's id, for every network
    levels: dict[int, str]  # network id -> its level
    seated: frozenset[int]  # networks whose committee the user sits on today
    # Networks on whose committee the user holds an office today (chair, secretariat).
    offices: frozenset[int]
    has_second_factor: bool  # an authenticator app or a security key (the log-in's rule)

    def below(self, network_ids: frozenset[int]) -> frozenset[int]:
        """The networks given and every network below them (the tree is three levels deep)."""
        found = set()
        for network, parent in self.parents.items():
            grandparent = self.parents.get(parent) if parent is not None else None
            if network in network_ids or parent in network_ids or grandparent in network_ids:
                found.add(network)
        return frozenset(found)

    def above(self, network_ids: frozenset[int]) -> frozenset[int]:
        """The networks given and the networks above them."""
        found = set(network_ids)
        for network in network_ids:
            parent = self.parents.get(network)
            while parent is not None and parent not in found:
                found.add(parent)
                parent = self.parents.get(parent)
        return frozenset(found)


_generation = itertools.count(1)
_current_generation = next(_generation)


def reach_changed(**_signal_arguments: Any) -> None:
    """Make every reach kept on a user object stale (a role, a network or a mandate changed)."""
    global _current_generation
    _current_generation = next(_generation)


# Whether a person sits on a network's committee is part of the reach, but committees are a
# domain's (governance): the domain registers, from its AppConfig, the condition on a network
# row that says whether the person sits on its committee (governance/permissions.py), so that
# this vocabulary names no domain.
SeatSource = Callable[[int], Q | Exists]
_seat_source: SeatSource | None = None
_office_source: SeatSource | None = None


def register_seat_source(source: SeatSource, *, offices: SeatSource | None = None) -> None:
    """Set how a person's committee seats are found, and those of their seats that hold an
    office (one source each; new ones replace them)."""
    global _seat_source, _office_source
    _seat_source = source
    _office_source = offices
    _compiled_reach.clear()


# The reach query's SQL is compiled once per process, database and day, and then run with the
# reader's ids: building and compiling its subqueries through the ORM cost several times more
# than running it, on every logged-in page. It is compiled with these stand-ins for the
# reader's ids (values no row ever has), which are then replaced in its parameters.
_USER_STAND_IN = -7_340_033
_PERSON_STAND_IN = -7_340_034
_compiled_reach: dict[tuple[str, bool, datetime.date], tuple[str, tuple[Any, ...]]] = {}


def _reach_queryset(user_id: int, person_id: int | None) -> QuerySet[Any, tuple[Any, ...]]:
    roles = NetworkRole.objects.filter(user_id=user_id, network=OuterRef("pk"))
    # The two-factor rule (accounts/middleware.py) asks whether the user has a second factor
    # on every page: it is read in the same query.
    second_factor = Authenticator.objects.filter(user_id=user_id, type__in=SECOND_FACTORS)
    networks = Network.objects.order_by().annotate(
        held=Subquery(roles.values("role")[:1]), second_factor=Exists(second_factor)
    )
    if person_id is not None and _seat_source is not None:
        networks = networks.annotate(seated=_seat_source(person_id))
    else:
        networks = networks.annotate(seated=Value(False))
    if person_id is not None and _office_source is not None:
        networks = networks.annotate(office=_office_source(person_id))
    else:
        networks = networks.annotate(office=Value(False))
    return networks.values_list(
        "pk", "parent_id", "level", "held", "seated", "second_factor", "office"
    )


def _reach_rows(member: User) -> list[tuple[Any, ...]]:
    """Every network with the reader's role there, seat and second factor (one query)."""
    seated = member.person_id is not None and _seat_source is not None
    alias = router.db_for_read(Network)
    key = (alias, seated, timezone.localdate())
    compiled = _compiled_reach.get(key)
    if compiled is None:
        stand_ins = _reach_queryset(_USER_STAND_IN, _PERSON_STAND_IN if seated else None)
        sql, params = stand_ins.query.sql_with_params()
        compiled = (sql, tuple(params))
        if timezone.localdate() == key[2]:  # the day did not turn while compiling
            for past in [kept for kept in _compiled_reach if kept[2] != key[2]]:
                _compiled_reach.pop(past, None)  # another day's: not asked again
            _compiled_reach[key] = compiled
    sql, params = compiled
    values = {_USER_STAND_IN: member.pk, _PERSON_STAND_IN: member.person_id}
    with connections[alias].cursor() as cursor:
        cursor.execute(
            sql, [values.get(param, param) if type(param) is int else param for param in params]
        )
        return list(cursor.fetchall())


def _reach(user: AnyUser) -> Reach:
    kept: Reach | None = getattr(user, "_inspir_reach", None)
    if kept is not None and kept.generation == _current_generation:
        return kept
    generation = _current_generation
    member = cast(User, user)  # the callers let only active, signed-in users through
    rows = _reach_rows(member)
    reach = Reach(
        generation=generation,
        roles={row[0]: row[3] for row in rows if row[3]},
        parents={row[0]: row[1] for row in rows},
        levels={row[0]: row[2] for row in rows},
        seated=frozenset(row[0] for row in rows if row[4]),
        offices=frozenset(row[0] for row in rows if row[6]),
        # Without any network yet (a new installation), it is asked on its own.
        has_second_factor=(
            bool(rows[0][5])
            if rows
            else Authenticator.objects.filter(user=member, type__in=SECOND_FACTORS).exists()
        ),
    )
    user._inspir_reach = reach  # type: ignore[union-attr]  # kept for the request
    return reach


def second_factor_standing(user: User) -> tuple[bool, bool]:
    """(must have a second factor, has one) for a signed-in user: coordinators, the holders
    of a committee office (who cancel, record and publish) and staff must. Read with the
    user's reach, which the page's own permission checks then reuse."""
    reach = _reach(user)
    coordinates = Role.COORDINATOR in reach.roles.values()
    return bool(user.is_staff or coordinates or reach.offices), reach.has_second_factor


def _is_member_user(user: AnyUser) -> bool:
    return bool(user.is_authenticated and user.is_active)


def network_ids_where(user: AnyUser, action: Action) -> frozenset[int] | None:
    """The ids of the networks where `user` may perform `action`; None means every network
    (staff)."""
    if not _is_member_user(user):
        return frozenset()
    if user.is_staff:
        return None
    reach = _reach(user)
    granted = frozenset(
        network for network, role in reach.roles.items() if action in ROLE_ACTIONS[role]
    )
    return reach.below(granted) if granted else frozenset()


def _networks(ids: frozenset[int] | None) -> QuerySet[Network]:
    if ids is None:
        return Network.objects.all()
    return Network.objects.filter(pk__in=sorted(ids))


def networks_where(user: AnyUser, action: Action) -> QuerySet[Network]:
    """Every network in which `user` may perform `action`."""
    return _networks(network_ids_where(user, action))


def can(user: AnyUser, action: Action, network: Network) -> bool:
    ids = network_ids_where(user, action)
    return _is_member_user(user) and (ids is None or network.pk in ids)


def organisations_where(user: AnyUser, action: Action) -> QuerySet[Organisation]:
    """Organisations with a membership in a network where `user` may perform `action`."""
    ids = network_ids_where(user, action)
    if ids is None:
        return Organisation.objects.filter(memberships__isnull=False).distinct()
    return Organisation.objects.filter(memberships__network__in=sorted(ids)).distinct()


def can_edit_organisation(user: AnyUser, organisation: Organisation) -> bool:
    return organisations_where(user, Action.EDIT_ORGANISATION).filter(pk=organisation.pk).exists()


def is_network_member(user: AnyUser) -> bool:
    ids = network_ids_where(user, Action.VIEW_INTERNAL)
    return Network.objects.exists() if ids is None else bool(ids)


def may_oversee_mail(user: AnyUser) -> bool:
    """Whether `user` sees the platform's undelivered e-mail and may send it again: staff,
    and those whose role in the intercontinental network grants it (its coordinators)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    reach = _reach(user)
    return any(
        reach.levels[network] == Level.INTERCONTINENTAL and reach.parents[network] is None
        for network in network_ids_where(user, Action.OVERSEE_MAIL) or ()
    )


# --- For the domains' own rules (governance/permissions.py) ----------------------------------


def reach_of(user: AnyUser) -> Reach:
    """The signed-in, active `user`'s reach, read once per request."""
    return _reach(user)


def permission_key(user: AnyUser) -> tuple[Any, ...]:
    """Everything the signed-in `user`'s permissions rest on, as plain values: for the key of
    what is kept for them (their "my work"), so that a role given or taken away, a seat
    won or lost, shows at once. The networks' tree is the registry's (its version is in
    such keys already)."""
    if not _is_member_user(user):
        return (None,)
    reach = _reach(user)
    member = cast(User, user)
    return (
        member.pk,
        member.person_id,
        member.is_staff,
        member.is_superuser,
        tuple(sorted(reach.roles.items())),
        tuple(sorted(reach.seated)),
        tuple(sorted(reach.offices)),
    )


def is_member_user(user: AnyUser) -> bool:
    """Whether `user` is signed in and active: the only users who may do anything."""
    return _is_member_user(user)


def networks_with_ids(ids: frozenset[int] | None) -> QuerySet[Network]:
    """The networks with these ids; every network for None (staff)."""
    return _networks(ids)


def people_with_roles_in(networks: QuerySet[Network]) -> QuerySet[Any]:
    """The ids of the people whose account holds a role in one of `networks`, for a query
    over people (`pk__in`). A person belongs to a network through their organisation's
    membership or through their own role there (someone invited into a network, whatever
    their organisation): the registry's people selectors ask both."""
    return NetworkRole.objects.filter(network__in=networks, user__person__isnull=False).values(
        "user__person"
    )
