"""What the library holds about a person, for "download all my data" and erasure
(core/personal_data.py's registry): the resources and needs they wrote, the files they
attached. The library is the networks' record: erasure keeps every resource, need and file,
with the person removed (no writer, no uploader)."""

from typing import Any

from inspir.core.personal_data import PersonalDataProvider, Subject
from inspir.learning.models import Attachment, Need, Resource


def _export(subject: Subject) -> dict[str, Any]:
    user = subject.user
    return {
        "library_resources": list(
            Resource.objects.filter(created_by=user)
            .order_by("pk")
            .values("pk", "kind", "title", "network__name", "created_at")
        ),
        "library_attachments": list(
            Attachment.objects.filter(uploaded_by=user)
            .order_by("pk")
            .values("pk", "original_name", "size", "resource__title", "uploaded_at")
        ),
        "library_needs": list(
            Need.objects.filter(created_by=user)
            .order_by("pk")
            .values("pk", "title", "network__name", "created_at")
        ),
    }


def _erase(subject: Subject) -> None:
    """Resource, Need: kept, without their writer. Attachment: kept, without its uploader."""
    user = subject.user
    Resource.objects.filter(created_by=user).update(created_by=None)
    Need.objects.filter(created_by=user).update(created_by=None)
    Attachment.objects.filter(uploaded_by=user).update(uploaded_by=None)


LEARNING_PROVIDER = PersonalDataProvider(
    name="learning",
    models=("learning.Resource", "learning.Attachment", "learning.Need"),
    export=_export,
    erase=_erase,
)
