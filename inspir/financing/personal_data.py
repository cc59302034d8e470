"""What financing holds about a person, for "download all my data" and erasure
(core/personal_data.py's registry): the funding proposals they are on the team of or
started, the documents they uploaded. The proposals are the network's record: erasure keeps
every proposal and document, with the person removed (off the team, no author, no
uploader). The export lists the person's own proposals with their amounts: whoever is on a
proposal's team sees them (`permissions.sees_amounts`)."""

from typing import Any

from django.db.models import Q

from inspir.core.personal_data import PersonalDataProvider, Subject
from inspir.financing.models import FundingProposal, ProposalDocument


def _export(subject: Subject) -> dict[str, Any]:
    user = subject.user
    on_team = Q(team=subject.person) if subject.person is not None else Q(pk__in=[])
    started = Q(created_by=user)
    return {
        "funding_proposals_on_team": list(
            FundingProposal.objects.filter(on_team)
            .order_by("pk")
            .values(
                "pk",
                "title",
                "network__name",
                "funder__name",
                "status",
                "amount_requested",
                "amount_granted",
                "currency",
                "deadline",
            )
        ),
        "funding_proposals_started": list(
            FundingProposal.objects.filter(started)
            .order_by("pk")
            .values("pk", "title", "network__name", "created_by_id", "created_at")
        ),
        "funding_proposal_documents": list(
            ProposalDocument.objects.filter(uploaded_by=user)
            .order_by("pk")
            .values("pk", "name", "proposal__title", "size", "uploaded_at")
        ),
    }


def _erase(subject: Subject) -> None:
    """FundingProposal: kept, the person taken off its team, without who started it.
    ProposalDocument: kept, without who uploaded it."""
    user = subject.user
    if subject.person is not None:
        FundingProposal.team.through.objects.filter(person=subject.person).delete()
    FundingProposal.objects.filter(created_by=user).update(created_by=None)
    ProposalDocument.objects.filter(uploaded_by=user).update(uploaded_by=None)


FINANCING_PROVIDER = PersonalDataProvider(
    name="financing",
    models=("financing.FundingProposal", "financing.ProposalDocument"),
    export=_export,
    erase=_erase,
)
