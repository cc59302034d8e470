"""What financing lets people find in the platform-wide search (core/search.py): the
funders (every member) and the funding proposals (those who read them, through the same
scoped querysets as their pages). A proposal's summary names its network, funder and
status, never an amount: the search's readers are not all allowed to see amounts."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from inspir.accounts.permissions import AnyUser, is_member_user
from inspir.core.search import (
    SearchDocument,
    SearchProvider,
    every_language_words,
    summary_lines,
)
from inspir.financing.models import Funder, FundingProposal
from inspir.financing.permissions import is_financing_reader, proposal_reader_network_ids
from inspir.financing.selectors.access import readable_funders, readable_proposals


def funder_document(funder: Funder) -> SearchDocument:
    return SearchDocument(
        object_id=funder.pk,
        title=str(funder),
        text=" ".join([funder.name, funder.acronym, every_language_words(funder, "notes")]),
        summaries=summary_lines(funder.get_kind_display(), funder.network.name),
        url_name="financing:funder_detail",
        url_kwargs={"pk": funder.pk},
    )


def proposal_document(proposal: FundingProposal) -> SearchDocument:
    return SearchDocument(
        object_id=proposal.pk,
        title=proposal.title,
        text=every_language_words(proposal, "title", "summary"),
        summaries=summary_lines(
            proposal.network.name, proposal.funder.name, proposal.get_status_display()
        ),
        url_name="financing:proposal_detail",
        url_kwargs={"pk": proposal.pk},
    )


def funder_key(user: AnyUser) -> Any:
    return is_financing_reader(user)


def proposal_key(user: AnyUser) -> Any:
    # The team's part names the reader's person: keyed by it too.
    person = getattr(user, "person_id", None) if is_member_user(user) else None
    return (proposal_reader_network_ids(user), person)


PROVIDERS = [
    SearchProvider(
        kind="financing.funder",
        label=_("Funders"),
        order=110,
        model=Funder,
        document=funder_document,
        visible=readable_funders,
        visibility_key=funder_key,
        queryset=lambda: Funder.objects.select_related("network"),
    ),
    SearchProvider(
        kind="financing.proposal",
        label=_("Funding proposals"),
        order=111,
        model=FundingProposal,
        document=proposal_document,
        visible=readable_proposals,
        visibility_key=proposal_key,
        queryset=lambda: FundingProposal.objects.select_related("network", "funder"),
    ),
]
