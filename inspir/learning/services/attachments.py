"""Files attached to the library's resources: accepted by governance's rule for documents
(`governance.rules.document_check`: the type by the name's extension and the first bytes,
the size limit, a clear message), written by those who write the resource."""

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from inspir.accounts.permissions import AnyUser
from inspir.core.audit import audit_log
from inspir.core.errors import Refused
from inspir.governance.rules import document_check
from inspir.learning.models import Attachment, Resource
from inspir.learning.permissions import writes_for


def _check_writer(actor: AnyUser, resource: Resource) -> None:
    if not writes_for(actor, resource.network_id):
        raise Refused(_("Only those who act for this network may change its resources."))


@transaction.atomic
def attachment_upload(*, resource: Resource, actor: AnyUser, upload: UploadedFile) -> Attachment:
    """Attach `upload` to `resource`; nothing is written when it is refused."""
    _check_writer(actor, resource)
    content_type = document_check(upload)
    original_name = (upload.name or "document").replace("\\", "/").rsplit("/", 1)[-1][:255]
    attachment = Attachment(
        resource=resource,
        original_name=original_name,
        content_type=content_type,
        size=upload.size or 0,
        uploaded_by=actor if actor.is_authenticated else None,
    )
    attachment.file.save(original_name, upload, save=False)
    try:
        attachment.save()
    except Exception:
        attachment.file.delete(save=False)
        raise
    audit_log(
        action="learning.attachment.uploaded",
        actor=actor,
        obj=attachment,
        network=resource.network,
        changes={
            "original_name": [None, attachment.original_name],
            "size": [None, attachment.size],
            "resource": [None, resource.pk],
        },
    )
    return attachment


@transaction.atomic
def attachment_delete(*, attachment: Attachment, actor: AnyUser) -> None:
    resource = attachment.resource
    _check_writer(actor, resource)
    audit_log(
        action="learning.attachment.deleted",
        actor=actor,
        obj=attachment,
        network=resource.network,
        changes={
            "original_name": [attachment.original_name, None],
            "size": [attachment.size, None],
            "resource": [resource.pk, None],
        },
    )
    stored = attachment.file
    attachment.delete()
    transaction.on_commit(lambda: stored.delete(save=False))
