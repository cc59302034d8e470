"""A proposal's documents: added and removed by those who may change the proposal; what is
accepted is governance's rule (`governance.rules.document_check`: type by the name and the
first bytes, size), so a refused file leaves nothing written."""

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from inspir.accounts.permissions import AnyUser
from inspir.core.audit import audit_log
from inspir.core.errors import Invalid, Refused
from inspir.financing.models import FundingProposal, ProposalDocument
from inspir.financing.permissions import may_write_proposal
from inspir.governance.rules import document_check


def _check(actor: AnyUser, proposal: FundingProposal) -> None:
    if not may_write_proposal(actor, proposal, set(proposal.team.values_list("pk", flat=True))):
        raise Refused(
            _("Only those who act for its network and its team may change this proposal.")
        )


@transaction.atomic
def document_upload(
    *, proposal: FundingProposal, actor: AnyUser, upload: UploadedFile, name: str = ""
) -> ProposalDocument:
    """Attach `upload` to `proposal` (for those who read the proposal)."""
    _check(actor, proposal)
    try:
        content_type = document_check(upload)
    except Exception as error:
        raise Invalid({"file": getattr(error, "messages", [str(error)])}) from error
    original = (upload.name or "document").rsplit("/", 1)[-1][:200]
    document = ProposalDocument(
        proposal=proposal,
        name=(name.strip() or original)[:255],
        content_type=content_type,
        size=upload.size or 0,
        uploaded_by=actor if actor.is_authenticated else None,
    )
    document.file.save(original, upload, save=False)
    try:
        document.full_clean()
        document.save()
    except Exception:
        document.file.delete(save=False)
        raise
    audit_log(
        action="financing.document.uploaded",
        actor=actor,
        obj=document,
        network=proposal.network,
        changes={"name": [None, document.name], "size": [None, document.size]},
    )
    return document


@transaction.atomic
def document_delete(*, document: ProposalDocument, actor: AnyUser) -> None:
    proposal = document.proposal
    _check(actor, proposal)
    name, pk = document.name, document.pk
    storage, path = document.file.storage, document.file.name
    document.delete()
    if path:
        transaction.on_commit(lambda: storage.delete(path))
    document.pk = pk
    audit_log(
        action="financing.document.deleted",
        actor=actor,
        obj=document,
        network=proposal.network,
        changes={"name": [name, None]},
    )
