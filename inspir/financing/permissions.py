"""Who may read and write financing's records: its rules, on the shared vocabulary of
`inspir.accounts.permissions` and governance's (docs/permissions.md, rows
`act_for_network` and `view_budgets`).

- Funders and their calls are read by every signed-in member of a network; they are
  written by those who act for the network that tracks the funder (its focal point, its
  coordinators, downward, and its committee: `governance.permissions.acting_network_ids`).
- A funding proposal is read by those who read its network as governance reads it (its
  members, those of the networks below it, its committee) and by the people on its team;
  it is written by those who act for its network and by its team.
- Its amounts (requested, granted) are sensitive: staff, the holders of `view_budgets` on
  its network (coordinators, downward) and the people on its team see them. Everything that
  shows or counts an amount asks `sees_amounts` (one proposal, its team prefetched or
  given) or `amounts_visible_q` (a query): the pages, the board, the totals, the search."""

from typing import Any

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, Value

from inspir.accounts.permissions import Action, AnyUser, is_member_user, network_ids_where
from inspir.governance.permissions import acting_network_ids, governance_readable_network_ids


def person_id_of(user: AnyUser) -> int | None:
    """The reader's person in the network (None: an account without one). No query."""
    if not is_member_user(user):
        return None
    return getattr(user, "person_id", None)


def is_financing_reader(user: AnyUser | None) -> bool:
    """Whether financing belongs in `user`'s navigation, and its funders to them: every
    signed-in member of a network (a role, a committee seat), and staff."""
    if user is None or not is_member_user(user):
        return False
    ids = governance_readable_network_ids(user)
    return ids is None or bool(ids)


def funder_writer_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks whose funders `user` may add and change; None for every one."""
    if not is_member_user(user):
        return frozenset()
    return acting_network_ids(user)


def may_write_funder_of(user: AnyUser, network_id: int) -> bool:
    ids = funder_writer_network_ids(user)
    return is_member_user(user) and (ids is None or network_id in ids)


def proposal_reader_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks whose funding proposals `user` reads (beside their team's)."""
    if not is_member_user(user):
        return frozenset()
    return governance_readable_network_ids(user)


def proposal_writer_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks whose funding proposals `user` prepares (beside their team's)."""
    if not is_member_user(user):
        return frozenset()
    return acting_network_ids(user)


def budget_network_ids(user: AnyUser) -> frozenset[int] | None:
    """Ids of the networks whose proposals' amounts `user` sees (beside their team's); None
    for every one (staff). No query."""
    if not is_member_user(user):
        return frozenset()
    return network_ids_where(user, Action.VIEW_BUDGETS)


def on_team_q(user: AnyUser, prefix: str = "") -> Q:
    """Proposals whose team names the reader's person (a subquery, no join)."""
    from inspir.financing.models import FundingProposal

    person_id = person_id_of(user)
    if person_id is None:
        return Q(pk__in=[])
    team = FundingProposal.team.through.objects.filter(
        fundingproposal_id=OuterRef(f"{prefix}pk"), person_id=person_id
    )
    return Q(Exists(team))


def _scoped(ids: frozenset[int] | None, user: AnyUser, prefix: str = "") -> Q:
    """Proposals of the networks `ids` (None: every one), or on the reader's team."""
    if ids is None:
        return Q()
    return Q(**{f"{prefix}network_id__in": sorted(ids)}) | on_team_q(user, prefix)


def readable_proposals_q(user: AnyUser, prefix: str = "") -> Q:
    if not is_member_user(user):
        return Q(pk__in=[])
    return _scoped(proposal_reader_network_ids(user), user, prefix)


def writable_proposals_q(user: AnyUser, prefix: str = "") -> Q:
    if not is_member_user(user):
        return Q(pk__in=[])
    return _scoped(proposal_writer_network_ids(user), user, prefix)


def amounts_visible_q(user: AnyUser, prefix: str = "") -> Q:
    """The proposals whose amounts `user` sees, as a condition on a proposals query (the one
    rule, as a query: the totals and the lists count and show amounts only where it holds)."""
    if not is_member_user(user):
        return Q(pk__in=[])
    return _scoped(budget_network_ids(user), user, prefix)


def sees_amounts(user: AnyUser, proposal: object, team_ids: set[int] | None = None) -> bool:
    """Whether `user` sees `proposal`'s amounts (the one rule, for one record): staff, the
    holders of `view_budgets` on its network, the people on its team. `team_ids` are the
    ids of its team's people when already read; else its `team` is read (prefetched by the
    selectors)."""
    if not is_member_user(user):
        return False
    ids = budget_network_ids(user)
    if ids is None or getattr(proposal, "network_id", None) in ids:
        return True
    person_id = person_id_of(user)
    if person_id is None:
        return False
    if team_ids is None:
        team_ids = {person.pk for person in proposal.team.all()}  # type: ignore[attr-defined]
    return person_id in team_ids


def may_write_proposal(user: AnyUser, proposal: object, team_ids: set[int] | None = None) -> bool:
    """Whether `user` may change `proposal`: those who act for its network, its team."""
    if not is_member_user(user):
        return False
    ids = proposal_writer_network_ids(user)
    if ids is None or getattr(proposal, "network_id", None) in ids:
        return True
    person_id = person_id_of(user)
    if person_id is None:
        return False
    if team_ids is None:
        team_ids = {person.pk for person in proposal.team.all()}  # type: ignore[attr-defined]
    return person_id in team_ids


def may_propose(user: AnyUser) -> bool:
    """Whether `user` may start a funding proposal: they act for some network."""
    ids = proposal_writer_network_ids(user)
    return is_member_user(user) and (ids is None or bool(ids))


def may_track_funders(user: AnyUser) -> bool:
    ids = funder_writer_network_ids(user)
    return is_member_user(user) and (ids is None or bool(ids))


def amounts_visible_expression(user: AnyUser, prefix: str = "") -> Any:
    """`amounts_visible_q` as a boolean column of a proposals query (`annotate`), so that a
    list knows for each row whether the reader sees its amounts without a query per row."""
    if not is_member_user(user):
        return Value(False)
    ids = budget_network_ids(user)
    if ids is None:
        return Value(True)
    return ExpressionWrapper(amounts_visible_q(user, prefix), output_field=BooleanField())
