"""The accounts' e-mails as production sends them: asked for in the request, written by the
worker afterwards, with no request at hand, in the language of the page that asked."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from inspir.accounts.models import Role
from inspir.accounts.services import invitation_create, invitation_revoke
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.core.models import OutgoingEmail
from inspir.network.tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db(transaction=True)

Status = OutgoingEmail.Status


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SITE_URL = "https://platform.inspir.example"


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")


def test_a_password_reset_asked_in_spanish_is_written_by_the_worker_in_spanish(client, mailbox):
    user = UserFactory(email="lucia@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    client.post("/es/accounts/password/reset/", {"email": "lucia@example.org"})

    row = OutgoingEmail.objects.get()
    assert (row.kind, row.language, row.status, row.subject) == (
        "accounts.allauth",
        "es",
        Status.QUEUED,
        "",
    )
    run_worker()

    [message] = mailbox.to("lucia@example.org")
    assert message["Subject"].startswith("[platform.inspir.example] ")
    assert "contraseña" in message["Subject"].lower()
    link = r"https://platform\.inspir\.example/es/accounts/password/reset/key/\S+/"
    assert re.search(link, mailbox.body(message))
    assert OutgoingEmail.objects.get().status == Status.SENT


def test_an_invitation_withdrawn_before_the_worker_comes_is_not_sent(mailbox):
    network = NetworkFactory()
    coordinator = user_with_role(network, Role.COORDINATOR)
    invitation, _token = invitation_create(
        network=network, email="awa@example.org", role=Role.MEMBER, language="fr", actor=coordinator
    )
    invitation_revoke(invitation=invitation, actor=coordinator)

    run_worker()

    assert mailbox.messages == []
    row = OutgoingEmail.objects.get()
    assert row.status == Status.DROPPED
    assert row.last_error == f"not sent: invitation {invitation.pk} was withdrawn or used since"


def test_an_invitation_is_written_by_the_worker_in_the_chosen_language_with_its_link(mailbox):
    network = NetworkFactory()
    coordinator = user_with_role(network, Role.COORDINATOR)
    _invitation, token = invitation_create(
        network=network, email="awa@example.org", role=Role.MEMBER, language="es", actor=coordinator
    )
    assert mailbox.messages == []

    run_worker()

    [message] = mailbox.to("awa@example.org")
    body = mailbox.body(message)
    assert f"https://platform.inspir.example/es/accounts/invitation/{token}/" in body
    assert "Hola" in body
