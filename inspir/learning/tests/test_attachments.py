"""Files of a resource: what governance's rule for documents refuses is refused with a clear
message and nothing written; what is accepted is downloaded by the library's readers."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from inspir.core.models import AuditEntry
from inspir.learning.models import Attachment
from inspir.learning.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def resource(w):
    return ResourceFactory(network=w.benin, title="Visite à Lomé")


def upload(client, resource, name: str, content: bytes):
    return client.post(
        f"/en/library/resources/{resource.pk}/attachments/new/",
        {"file": SimpleUploadedFile(name, content)},
    )


def written(resource) -> tuple[int, list[str], int]:
    """What an upload to `resource` writes: its files' rows, its stored files, the audit
    entries of attachments. Compared before and after: the media folder is shared, and the
    walks' uploads leave files in it under the same resource ids."""
    folder = f"learning/resources/{resource.pk}"
    stored = default_storage.listdir(folder)[1] if default_storage.exists(folder) else []
    return (
        Attachment.objects.filter(resource=resource).count(),
        sorted(stored),
        AuditEntry.objects.filter(action__startswith="learning.attachment").count(),
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ\x90\x00", "This type of file is not accepted."),
        ("report.pdf", b"MZ\x90\x00 not a pdf", "The content of this file does not match its name"),
    ],
)
def test_a_file_of_the_wrong_type_is_refused_and_nothing_is_written(
    client, w, resource, name, content, message
):
    client.force_login(w.focal_point)
    before = written(resource)

    response = upload(client, resource, name, content)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert written(resource) == before
    assert before[0] == 0


def test_a_file_over_the_limit_is_refused_and_nothing_is_written(client, w, resource, settings):
    settings.GOVERNANCE_DOCUMENT_MAX_BYTES = 1024
    client.force_login(w.focal_point)
    before = written(resource)

    response = upload(client, resource, "report.pdf", b"%PDF-1.7\n" + b"x" * 2000)

    assert "The file is too big" in response.content.decode()
    assert written(resource) == before
    assert before[0] == 0


def test_an_attached_file_is_listed_with_its_type_and_size_and_read_by_members(client, w, resource):
    client.force_login(w.focal_point)

    response = upload(client, resource, "rapport.pdf", b"%PDF-1.7\n" + b"x" * 2000)

    attachment = Attachment.objects.get()
    assert response.status_code == 302
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "rapport.pdf" in page and "PDF" in page and "2.0\xa0KB" in page
    client.force_login(w.latin_member)
    download = client.get(f"/en/library/attachments/{attachment.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-1.7")
    assert download["Content-Type"] == "application/pdf"
    client.force_login(w.nobody)
    assert client.get(f"/en/library/attachments/{attachment.pk}/").status_code == 404


def test_only_those_who_write_the_resource_remove_its_files(client, w, resource):
    client.force_login(w.focal_point)
    upload(client, resource, "notes.txt", b"Notes of the visit")
    attachment = Attachment.objects.get()
    client.force_login(w.latin_focal_point)

    refused = client.post(f"/en/library/attachments/{attachment.pk}/delete/")
    client.force_login(w.coordinator)
    removed = client.post(f"/en/library/attachments/{attachment.pk}/delete/")

    assert refused.status_code == 404
    assert removed.status_code == 302
    assert not Attachment.objects.exists()
