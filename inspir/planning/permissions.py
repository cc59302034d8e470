"""Who may read and own the plan and the context analysis: planning's rules, on the shared
vocabulary of `inspir.accounts.permissions` (docs/permissions.md, row `plan`).

Owning a network's part of the plan (Action.PLAN) — writing and changing its actions, its
stakeholders and context note, deciding on the suggestions made to it — belongs to the
network's coordinators (downward, as every role) and to the offices of the network's own
committee (its chair and its secretariat, for that network only): the intercontinental plan
is the intercontinental committee's secretariat's, with the coordinating organisation.

Reading follows governance: a member reads the plans of their networks and of those above
them (what is planned above is meant to serve them), a coordinator those below too.
Suggesting is for members of a network, from that network: a role held there or a seat on
its committee."""

from django.db.models import Exists, OuterRef

from inspir.accounts.models import NetworkRole, User
from inspir.accounts.permissions import (
    Action,
    AnyUser,
    is_member_user,
    network_ids_where,
    reach_of,
    roles_granting,
)
from inspir.governance.models import Mandate, Office
from inspir.governance.permissions import (
    committee_network_ids,
    governance_readable_network_ids,
    office_network_ids,
)
from inspir.network.models import Network


def owned_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks whose part of the plan `user` owns; None for every one (staff).
    No query: the reader's reach is read once per request."""
    owned = network_ids_where(user, Action.PLAN)
    if owned is None:
        return None
    return owned | office_network_ids(user)


def owns_plan_of(user: AnyUser, network_id: int) -> bool:
    ids = owned_network_ids(user)
    return is_member_user(user) and (ids is None or network_id in ids)


def readable_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks whose plan and context analysis `user` reads; None for every
    one."""
    return governance_readable_network_ids(user)


def suggesting_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks `user` may suggest from: where they hold a role themselves or
    sit on the committee (their own networks, not those a role above reaches); None for
    staff, who may suggest from any."""
    if not is_member_user(user):
        return frozenset()
    if user.is_staff:
        return None
    return frozenset(reach_of(user).roles) | committee_network_ids(user)


def may_suggest(user: AnyUser) -> bool:
    ids = suggesting_network_ids(user)
    return ids is None or bool(ids)


def has_plan(user: AnyUser | None) -> bool:
    """Whether the plan belongs in `user`'s navigation: they read at least one network's
    (None: a request that never reached the authentication, such as an early error page)."""
    if user is None or not is_member_user(user):
        return False
    ids = readable_network_ids(user)
    return ids is None or bool(ids)


def plan_owners(network_id: int) -> list[User]:
    """The active people who own `network_id`'s part of the plan, to tell of a suggestion:
    its coordinators and those above it (roles apply downward), and the offices of its own
    committee today. Two queries."""
    line = (
        Network.objects.filter(pk=network_id)
        .values_list("pk", "parent_id", "parent__parent_id")
        .first()
    )
    above = [pk for pk in line or () if pk is not None]
    roles = NetworkRole.objects.filter(
        user=OuterRef("pk"), network_id__in=above, role__in=roles_granting(Action.PLAN)
    )
    offices = Mandate.objects.current().filter(
        committee__network_id=network_id,
        person_id=OuterRef("person_id"),
        rule__office__in=[Office.CHAIR, Office.SECRETARIAT],
    )
    return list(
        User.objects.filter(is_active=True, erased_at__isnull=True)
        .filter(Exists(roles) | Exists(offices))
        .select_related("person")
        .order_by("pk")
    )
