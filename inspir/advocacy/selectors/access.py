"""The scoped querysets every advocacy view fetches through: what the reader may not reach
is simply not found (a 404)."""

from django.db.models import Q, QuerySet

from inspir.accounts.permissions import AnyUser, networks_with_ids
from inspir.advocacy.models import Alliance, Campaign, Position, Submission
from inspir.advocacy.permissions import (
    adopting_network_ids,
    readable_network_ids,
    writing_network_ids,
)
from inspir.network.models import Network


def _in[M: Position | Campaign | Alliance](
    queryset: QuerySet[M], ids: frozenset[int] | None
) -> QuerySet[M]:
    return queryset if ids is None else queryset.filter(network_id__in=ids)


def readable_networks(user: AnyUser) -> QuerySet[Network]:
    return networks_with_ids(readable_network_ids(user))


def writing_networks(user: AnyUser) -> QuerySet[Network]:
    return networks_with_ids(writing_network_ids(user))


def readable_positions(user: AnyUser) -> QuerySet[Position]:
    """Positions of the networks `user` reads, in any status, and every published one."""
    ids = readable_network_ids(user)
    if ids is None:
        return Position.objects.all()
    return Position.objects.filter(Q(network_id__in=ids) | Q(published_at__isnull=False))


def public_positions() -> QuerySet[Position]:
    return Position.objects.filter(published_at__isnull=False)


def internal_positions(user: AnyUser) -> QuerySet[Position]:
    """Positions of the networks `user` reads in full (published or not)."""
    ids = readable_network_ids(user)
    if not user.is_authenticated:
        return Position.objects.none()
    return _in(Position.objects.all(), ids)


def written_positions(user: AnyUser) -> QuerySet[Position]:
    return _in(Position.objects.all(), writing_network_ids(user))


def adoptable_positions(user: AnyUser) -> QuerySet[Position]:
    return _in(Position.objects.all(), adopting_network_ids(user))


def readable_submissions(user: AnyUser) -> QuerySet[Submission]:
    ids = readable_network_ids(user)
    if ids is None:
        return Submission.objects.all()
    return Submission.objects.filter(position__network_id__in=ids)


def written_submissions(user: AnyUser) -> QuerySet[Submission]:
    ids = writing_network_ids(user)
    if ids is None:
        return Submission.objects.all()
    return Submission.objects.filter(position__network_id__in=ids)


def readable_campaigns(user: AnyUser) -> QuerySet[Campaign]:
    if not user.is_authenticated:
        return Campaign.objects.none()
    return _in(Campaign.objects.all(), readable_network_ids(user))


def written_campaigns(user: AnyUser) -> QuerySet[Campaign]:
    return _in(Campaign.objects.all(), writing_network_ids(user))


def readable_alliances(user: AnyUser) -> QuerySet[Alliance]:
    if not user.is_authenticated:
        return Alliance.objects.none()
    return _in(Alliance.objects.all(), readable_network_ids(user))


def written_alliances(user: AnyUser) -> QuerySet[Alliance]:
    return _in(Alliance.objects.all(), writing_network_ids(user))
