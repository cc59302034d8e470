"""The scoped querysets every financing view fetches through: what the reader may not
reach is simply not found (a 404)."""

from django.db.models import QuerySet

from inspir.accounts.permissions import AnyUser, networks_with_ids
from inspir.financing.models import Funder, FundingCall, FundingProposal, ProposalDocument
from inspir.financing.permissions import (
    amounts_visible_q,
    funder_writer_network_ids,
    is_financing_reader,
    proposal_writer_network_ids,
    readable_proposals_q,
    writable_proposals_q,
)
from inspir.network.models import Network


def readable_funders(user: AnyUser) -> QuerySet[Funder]:
    """Every funder, for every signed-in member of a network."""
    return Funder.objects.all() if is_financing_reader(user) else Funder.objects.none()


def writable_funders(user: AnyUser) -> QuerySet[Funder]:
    ids = funder_writer_network_ids(user)
    return Funder.objects.all() if ids is None else Funder.objects.filter(network_id__in=ids)


def readable_calls(user: AnyUser) -> QuerySet[FundingCall]:
    if not is_financing_reader(user):
        return FundingCall.objects.none()
    return FundingCall.objects.all()


def writable_calls(user: AnyUser) -> QuerySet[FundingCall]:
    ids = funder_writer_network_ids(user)
    calls = FundingCall.objects.all()
    return calls if ids is None else calls.filter(funder__network_id__in=ids)


def funder_networks(user: AnyUser) -> QuerySet[Network]:
    """The networks whose funders `user` may add (who tracks a new funder)."""
    return networks_with_ids(funder_writer_network_ids(user))


def proposal_networks(user: AnyUser) -> QuerySet[Network]:
    """The networks for which `user` may start a funding proposal."""
    return networks_with_ids(proposal_writer_network_ids(user))


def readable_proposals(user: AnyUser) -> QuerySet[FundingProposal]:
    return FundingProposal.objects.filter(readable_proposals_q(user))


def writable_proposals(user: AnyUser) -> QuerySet[FundingProposal]:
    return FundingProposal.objects.filter(writable_proposals_q(user))


def proposals_with_amounts(user: AnyUser) -> QuerySet[FundingProposal]:
    """The proposals whose amounts `user` sees (among those they read)."""
    return readable_proposals(user).filter(amounts_visible_q(user))


def readable_documents(user: AnyUser) -> QuerySet[ProposalDocument]:
    return ProposalDocument.objects.filter(readable_proposals_q(user, "proposal__"))


def writable_documents(user: AnyUser) -> QuerySet[ProposalDocument]:
    return ProposalDocument.objects.filter(writable_proposals_q(user, "proposal__"))
