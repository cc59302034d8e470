import datetime

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from inspir.financing.models import ProposalDocument, ProposalStatus
from inspir.financing.services.reminders import deadline_reminders_send
from inspir.financing.tests.factories import FundingProposalFactory
from inspir.notifications.models import Notification

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs: object) -> str:
    with translation.override("en"):
        return reverse(f"financing:{name}", kwargs=kwargs)


@pytest.fixture
def proposal(w):
    return FundingProposalFactory(
        network=w.benin,
        funder=w.funder,
        lead_organisation=w.union,
        deadline=datetime.date(2020, 11, 30),
        team=[w.teammate.person],
    )


def _files() -> set[str]:
    try:
        return set(default_storage.listdir("financing")[0])
    except FileNotFoundError:
        return set()


def test_uploads_refuse_a_wrong_type_and_an_oversize_file(w, proposal, client, settings):
    settings.GOVERNANCE_DOCUMENT_MAX_BYTES = 1024
    client.force_login(w.teammate)
    before = _files()
    wrong = SimpleUploadedFile("budget.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = client.post(url("document_upload", pk=proposal.pk), {"file": wrong})
    assert response.status_code == 200
    assert "This type of file is not accepted" in response.content.decode()
    big = SimpleUploadedFile("budget.txt", b"x" * 2048, content_type="text/plain")
    response = client.post(url("document_upload", pk=proposal.pk), {"file": big})
    assert "The file is too big" in response.content.decode()
    disguised = SimpleUploadedFile("budget.pdf", b"not a pdf", content_type="application/pdf")
    response = client.post(url("document_upload", pk=proposal.pk), {"file": disguised})
    assert "does not match its name" in response.content.decode()
    assert not ProposalDocument.objects.exists()
    assert _files() == before

    good = SimpleUploadedFile("budget.txt", b"Budget lines", content_type="text/plain")
    response = client.post(url("document_upload", pk=proposal.pk), {"file": good, "name": "Budget"})
    assert response.status_code == 302
    document = ProposalDocument.objects.get()
    assert client.get(url("document_download", pk=document.pk)).status_code == 200
    # A member of Togo does not read the proposal, hence not its documents.
    client.force_login(w.togo_member)
    assert client.get(url("document_download", pk=document.pk)).status_code == 404


def test_the_team_is_reminded_once_7_days_and_1_day_before(
    w, proposal, mailbox, django_capture_on_commit_callbacks
):
    submitted = FundingProposalFactory(
        network=w.benin,
        funder=w.funder,
        lead_organisation=w.union,
        deadline=proposal.deadline,
        status=ProposalStatus.SUBMITTED,
        team=[w.teammate.person],
    )
    deadline = proposal.deadline
    assert deadline_reminders_send(today=deadline - datetime.timedelta(days=8)) == 0
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            deadline_reminders_send(today=deadline - datetime.timedelta(days=7))
    notices = Notification.objects.filter(user=w.teammate)
    assert [n.key for n in notices] == [f"funding-proposal:{proposal.pk}:deadline7"]
    # Two days later: still the week's stage, told already.
    assert deadline_reminders_send(today=deadline - datetime.timedelta(days=5)) == 0
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            deadline_reminders_send(today=deadline - datetime.timedelta(days=1))
    assert sorted(n.key for n in Notification.objects.filter(user=w.teammate)) == [
        f"funding-proposal:{proposal.pk}:deadline1",
        f"funding-proposal:{proposal.pk}:deadline7",
    ]
    assert not Notification.objects.filter(key__startswith=f"funding-proposal:{submitted.pk}:")
    messages = mailbox.to("awa@example.org")
    assert len(messages) == 2
    assert proposal.title in mailbox.body(messages[0])
    assert "100000" not in mailbox.body(messages[0]).replace(",", "")  # never an amount


def test_the_command_runs_the_reminders(w, proposal, capsys):
    call_command("send_funding_reminders")
    assert "funding proposal deadlines" in capsys.readouterr().out
