"""The scoped querysets every library view fetches through: what the reader may not reach
is simply not found (a 404)."""

from django.db.models import QuerySet

from inspir.accounts.permissions import AnyUser, networks_with_ids
from inspir.core.collation import name_order
from inspir.learning.models import Attachment, Need, Resource
from inspir.learning.permissions import reads_library, writing_network_ids
from inspir.network.models import Network, top_down


def readable_resources(user: AnyUser) -> QuerySet[Resource]:
    """Every resource for a member of the platform; none for anyone else."""
    return Resource.objects.all() if reads_library(user) else Resource.objects.none()


def writable_resources(user: AnyUser) -> QuerySet[Resource]:
    """The resources of the networks `user` acts for."""
    ids = writing_network_ids(user)
    return Resource.objects.all() if ids is None else Resource.objects.filter(network_id__in=ids)


def readable_attachments(user: AnyUser) -> QuerySet[Attachment]:
    return Attachment.objects.all() if reads_library(user) else Attachment.objects.none()


def writable_attachments(user: AnyUser) -> QuerySet[Attachment]:
    ids = writing_network_ids(user)
    if ids is None:
        return Attachment.objects.all()
    return Attachment.objects.filter(resource__network_id__in=ids)


def readable_needs(user: AnyUser) -> QuerySet[Need]:
    return Need.objects.all() if reads_library(user) else Need.objects.none()


def writable_needs(user: AnyUser) -> QuerySet[Need]:
    ids = writing_network_ids(user)
    return Need.objects.all() if ids is None else Need.objects.filter(network_id__in=ids)


def writing_networks(user: AnyUser) -> QuerySet[Network]:
    """The networks `user` writes resources and needs for, from the top down."""
    return networks_with_ids(writing_network_ids(user)).order_by(top_down(), name_order())
