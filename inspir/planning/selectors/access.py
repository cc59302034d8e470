"""The scoped querysets every planning view fetches through: what the reader may not reach
is simply not found (a 404)."""

from django.db.models import Q, QuerySet

from inspir.accounts.permissions import AnyUser, networks_with_ids
from inspir.network.models import Network
from inspir.planning.models import ContextNote, PlanAction, Stakeholder, Suggestion
from inspir.planning.permissions import owned_network_ids, readable_network_ids


def _in[M: PlanAction | Stakeholder | Suggestion | ContextNote](
    queryset: QuerySet[M], ids: frozenset[int] | None
) -> QuerySet[M]:
    return queryset if ids is None else queryset.filter(network_id__in=ids)


def readable_networks(user: AnyUser) -> QuerySet[Network]:
    """Networks whose plan and context analysis `user` reads."""
    return networks_with_ids(readable_network_ids(user))


def owned_networks(user: AnyUser) -> QuerySet[Network]:
    """Networks whose part of the plan `user` owns."""
    return networks_with_ids(owned_network_ids(user))


def readable_actions(user: AnyUser) -> QuerySet[PlanAction]:
    return _in(PlanAction.objects.all(), readable_network_ids(user))


def owned_actions(user: AnyUser) -> QuerySet[PlanAction]:
    return _in(PlanAction.objects.all(), owned_network_ids(user))


def readable_stakeholders(user: AnyUser) -> QuerySet[Stakeholder]:
    return _in(Stakeholder.objects.all(), readable_network_ids(user))


def owned_stakeholders(user: AnyUser) -> QuerySet[Stakeholder]:
    return _in(Stakeholder.objects.all(), owned_network_ids(user))


def owned_context_notes(user: AnyUser) -> QuerySet[ContextNote]:
    return _in(ContextNote.objects.all(), owned_network_ids(user))


def readable_suggestions(user: AnyUser) -> QuerySet[Suggestion]:
    """Suggestions to the plans `user` reads (the plan's members see what was suggested to
    it and what became of it), and their own."""
    ids = readable_network_ids(user)
    if ids is None:
        return Suggestion.objects.all()

    own = Q(author_id=user.pk) if user.is_authenticated else Q(pk__in=[])
    return Suggestion.objects.filter(Q(network_id__in=ids) | own)


def decidable_suggestions(user: AnyUser) -> QuerySet[Suggestion]:
    """Suggestions `user` may accept, merge or decline: those to the plans they own."""
    return _in(Suggestion.objects.all(), owned_network_ids(user))
