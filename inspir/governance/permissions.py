"""Who may act and read in governance: governance's own rules, on the shared vocabulary of
`inspir.accounts.permissions` (roles, actions, the reader's reach; decision 0020).

Two powers, kept apart. Governing (Action.GOVERN) is the committee's business: scheduling
and cancelling its meetings, their agenda and minutes, recording its decisions, opening its
consent rounds, consulting networks below, passing follow-ups down. It belongs to the
network's coordinators and to the committee's offices (its chair and its secretariat, as
the committee's seat rules say: `SeatRule.office`), not to every member. Acting for a
network (Action.ACT_FOR_NETWORK) is what a network does as a participant, committee or not:
giving its input to a consultation, reporting on its follow-ups, drafting, submitting and
endorsing its proposals (its focal point does).

A committee member acts for the committee's own network only (not the networks below it),
states their own positions, answers invitations; an office holder governs that network only
too. A role applies downward as everywhere else. Whether a person sits on a committee today,
and in which office, is read with the reader's reach, in the same single query: this module
gives accounts the expressions (`seated`, `in_office`, registered from
`GovernanceConfig.ready()`)."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from inspir.accounts.models import NetworkRole, Role, User
from inspir.accounts.permissions import (
    ROLE_ACTIONS,
    Action,
    AnyUser,
    is_member_user,
    network_ids_where,
    networks_with_ids,
    reach_of,
    roles_granting,
)
from inspir.governance.models import ActingAs, Mandate, Office
from inspir.network.models import Level, Network


def seated(person_id: int) -> Q:
    """Whether the person sits today on the committee of the network (the reach's row).

    A list of the person's networks rather than a correlated EXISTS per network: the
    database finds the person's few mandates by their index once, instead of walking every
    committee's mandates for each network (which grows with the network's history)."""
    return Q(
        pk__in=Mandate.objects.current().filter(person_id=person_id).values("committee__network_id")
    )


def in_office(person_id: int) -> Q:
    """Whether the person holds an office (chair, secretariat) today on the committee of the
    network (the reach's row): the same single list as `seated`."""
    return Q(
        pk__in=Mandate.objects.current()
        .filter(person_id=person_id, rule__office__in=[Office.CHAIR, Office.SECRETARIAT])
        .values("committee__network_id")
    )


def office_network_ids(user: AnyUser) -> frozenset[int]:
    """Ids of the networks on whose committee `user` holds an office today. No query."""
    if not is_member_user(user) or getattr(user, "person_id", None) is None:
        return frozenset()
    return reach_of(user).offices


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
    return governed | office_network_ids(user)


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


# --- Acting for a network ------------------------------------------------------------------------


def acting_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks `user` may act for (Action.ACT_FOR_NETWORK, downward, and the
    networks whose committee they sit on); None for every one (staff). No query: the
    reader's reach is read once per request."""
    acting = network_ids_where(user, Action.ACT_FOR_NETWORK)
    if acting is None:
        return None
    return acting | committee_network_ids(user)


def own_acting_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks `user` acts for as one of their own: by a role held at that
    network itself or a seat on its committee, not on their behalf from above; None for
    every one (staff). No query."""
    if not is_member_user(user):
        return frozenset()
    if user.is_staff:
        return None
    held = reach_of(user).roles
    direct = {
        network_id
        for network_id, role in held.items()
        if Action.ACT_FOR_NETWORK in ROLE_ACTIONS.get(role, frozenset())
    }
    return frozenset(direct) | committee_network_ids(user)


def acting_networks(user: AnyUser) -> QuerySet[Network]:
    """Every network `user` may act for: give its input, report, propose, endorse."""
    return networks_with_ids(acting_network_ids(user))


def can_act_for(user: AnyUser, network: Network) -> bool:
    ids = acting_network_ids(user)
    return is_member_user(user) and (ids is None or network.pk in ids)


LEVEL_RANK = {Level.NATIONAL: 0, Level.CONTINENTAL: 1, Level.INTERCONTINENTAL: 2}


def lowest_first(networks: list[Network]) -> list[Network]:
    """`networks` from the lowest level up (national first), then by name: the first is
    the one a person acting for several acts for by default."""
    return sorted(networks, key=lambda n: (LEVEL_RANK.get(Level(n.level), 3), n.name, n.pk))


def acting_as(user: AnyUser, network: Network) -> str:
    """In which capacity `user` acts for `network` (models.ActingAs): the role they hold at
    that network itself, else their seat on its committee, else on its behalf (a role held
    above it, or staff). Empty when they may not act for it. No query."""
    if not can_act_for(user, network):
        return ""
    if user.is_staff:
        held = None
    else:
        held = reach_of(user).roles.get(network.pk)
    if held is not None and Action.ACT_FOR_NETWORK in ROLE_ACTIONS.get(held, frozenset()):
        return ActingAs.FOCAL_POINT if held == Role.FOCAL_POINT else ActingAs.COORDINATOR
    if network.pk in committee_network_ids(user):
        return ActingAs.COMMITTEE_MEMBER
    return ActingAs.ON_BEHALF


def users_acting_for(network: Network | int) -> QuerySet[User]:
    """The active people who act for `network` at that network itself: those holding a role
    there that grants Action.ACT_FOR_NETWORK (its focal point, its coordinators) and those
    sitting on its committee today. Those acting from above (a continental coordinator) are
    not listed: the network's own people are the ones to tell. `network` may be given by
    its id. One query, with each user's person."""
    network_id = network if isinstance(network, int) else network.pk
    roles = NetworkRole.objects.filter(
        user=OuterRef("pk"),
        network_id=network_id,
        role__in=roles_granting(Action.ACT_FOR_NETWORK),
    )
    seats = Mandate.objects.current().filter(
        committee__network_id=network_id, person_id=OuterRef("person_id")
    )
    return (
        User.objects.filter(is_active=True, erased_at__isnull=True)
        .filter(Exists(roles) | Exists(seats))
        .select_related("person")
        .order_by("pk")
    )


def users_answering_for(network: Network | int) -> list[User]:
    """Those to tell about `network`'s work: its own people (`users_acting_for`), else, for
    a network with nobody of its own, those of the nearest network above it that has
    people, who may act on its behalf (as "my work" lists its work for them). One query,
    and one more for each level climbed."""
    network_id: int | None = network if isinstance(network, int) else network.pk
    while network_id is not None:
        users = list(users_acting_for(network_id))
        if users:
            return users
        network_id = (
            Network.objects.filter(pk=network_id).values_list("parent_id", flat=True).first()
        )
    return []
