"""The person who sent an invitation hears when it is accepted: once, in the app and by
e-mail over real SMTP (`mailbox`), in their own language. Accounts only sends a signal
(it sits below notifications); notifications makes the notice."""

import pytest

from inspir.accounts.models import NetworkRole, Role
from inspir.accounts.services import invitation_accept, invitation_create, invitation_get_by_token
from inspir.network.tests.factories import NetworkFactory, continental, national
from inspir.notifications.accounts_notices import INVITATION_ACCEPTED
from inspir.notifications.emails import notice_text
from inspir.notifications.models import Notification
from inspir.notifications.tests.fixtures import person_user

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "solidarity across continents"


@pytest.fixture
def invited():
    benin = national(continental(NetworkFactory(name="INSP!R")), name="INSP!R Bénin")
    aicha = person_user("fr", email="aicha@example.org")  # reads French
    NetworkRole.objects.create(user=aicha, network=benin, role=Role.COORDINATOR)
    invitation, token = invitation_create(
        network=benin, email="ana@example.org", role=Role.MEMBER, language="es", actor=aicha
    )
    return aicha, invitation, token


def test_accepting_tells_the_inviter_once_in_the_app_and_by_email_in_french(mailbox, invited):
    aicha, invitation, token = invited

    ana = invitation_accept(
        invitation=invitation_get_by_token(token),
        first_name="Ana",
        last_name="Quispe",
        password=PASSWORD,
    )

    (notice,) = Notification.objects.all()
    assert (notice.user, notice.kind) == (aicha, INVITATION_ACCEPTED)
    assert notice.key == f"invitation:{invitation.pk}:accepted"
    assert notice.user != ana
    (message,) = mailbox.to("aicha@example.org")
    assert message["Subject"] == "Ana Quispe a accepté votre invitation à INSP!R Bénin"
    assert f"/fr/notifications/{notice.pk}/" in mailbox.body(message)
    # The invited person got the invitation, not the notice.
    assert [m["Subject"] for m in mailbox.to("ana@example.org")] != []
    assert not Notification.objects.filter(user=ana).exists()
    text = notice_text(notice)
    assert text.title == "Ana Quispe accepted your invitation to INSP!R Bénin"


def test_the_same_acceptance_told_again_tells_nobody_twice(mailbox, invited):
    from inspir.accounts.signals import invitation_accepted

    aicha, invitation, token = invited
    ana = invitation_accept(invitation=invitation_get_by_token(token), password=PASSWORD)
    invitation.refresh_from_db()

    invitation_accepted.send(sender=type(invitation), invitation=invitation, user=ana)

    assert Notification.objects.filter(user=aicha).count() == 1
    assert len(mailbox.to("aicha@example.org")) == 1
