import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.utils import timezone

from inspir.accounts.models import Invitation, NetworkRole, Role, User
from inspir.accounts.services import (
    InvitationUnusableError,
    invitation_accept,
    invitation_create,
    invitation_get_by_token,
    invitation_revoke,
)
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.core.errors import Refused
from inspir.core.models import AuditEntry
from inspir.network.tests.factories import NetworkFactory, continental, national

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "solidarity across continents"


@pytest.fixture
def benin():
    return national(continental(NetworkFactory(name="INSP!R")), name="INSP!R Bénin")


@pytest.fixture
def coordinator(benin):
    return user_with_role(benin, Role.COORDINATOR, first_name="Aïcha", last_name="Bio")


def test_an_invitation_is_e_mailed_in_the_chosen_language_with_a_working_link(
    mailbox, benin, coordinator
):
    invitation, token = invitation_create(
        network=benin,
        email="New.Member@Example.org",
        role=Role.FOCAL_POINT,
        language="fr",
        actor=coordinator,
    )

    [message] = mailbox.to("new.member@example.org")
    body = mailbox.body(message)
    assert message["Subject"] == "Vous êtes invité·e à rejoindre INSP!R Bénin sur INSP!R"
    assert "avec le rôle : Point focal." in body
    link = re.search(r"https?://\S+", body).group(0)
    assert link.endswith(f"/fr/accounts/invitation/{token}/")
    assert token not in invitation.token_digest
    assert invitation_get_by_token(token) == invitation


def test_only_coordinators_of_the_network_may_invite(benin):
    member = user_with_role(benin, Role.MEMBER)
    sibling = user_with_role(national(benin.parent), Role.COORDINATOR)

    for actor in (member, sibling):
        with pytest.raises(Refused):
            invitation_create(
                network=benin, email="x@example.org", role=Role.MEMBER, language="en", actor=actor
            )
    assert not Invitation.objects.exists()


def test_accepting_creates_a_verified_account_with_the_role(benin, coordinator):
    invitation, token = invitation_create(
        network=benin,
        email="ana@example.org",
        role=Role.FOCAL_POINT,
        language="es",
        actor=coordinator,
    )

    user = invitation_accept(
        invitation=invitation_get_by_token(token),
        first_name="Ana",
        last_name="Quispe",
        password=PASSWORD,
    )

    assert user.check_password(PASSWORD)
    assert NetworkRole.objects.get(user=user, network=benin).role == Role.FOCAL_POINT
    assert EmailAddress.objects.get(user=user).verified
    assert list(AuditEntry.objects.values_list("action", flat=True).order_by("pk")) == [
        "accounts.invitation.created",
        "accounts.invitation.accepted",
    ]


def test_a_link_works_only_once(benin, coordinator):
    invitation, token = invitation_create(
        network=benin, email="ana@example.org", role=Role.MEMBER, language="en", actor=coordinator
    )
    invitation_accept(invitation=invitation, password=PASSWORD)

    with pytest.raises(InvitationUnusableError, match="already been used"):
        invitation_get_by_token(token)


def test_an_expired_or_withdrawn_link_says_why(benin, coordinator):
    expired, expired_token = invitation_create(
        network=benin, email="a@example.org", role=Role.MEMBER, language="en", actor=coordinator
    )
    Invitation.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    withdrawn, withdrawn_token = invitation_create(
        network=benin, email="b@example.org", role=Role.MEMBER, language="en", actor=coordinator
    )
    invitation_revoke(invitation=withdrawn, actor=coordinator)

    with pytest.raises(InvitationUnusableError, match="expired"):
        invitation_get_by_token(expired_token)
    with pytest.raises(InvitationUnusableError, match="withdrawn"):
        invitation_get_by_token(withdrawn_token)
    with pytest.raises(InvitationUnusableError, match="not valid"):
        invitation_get_by_token("made-up")


def test_a_new_invitation_replaces_the_pending_one(benin, coordinator):
    _first, first_token = invitation_create(
        network=benin, email="a@example.org", role=Role.MEMBER, language="en", actor=coordinator
    )
    invitation_create(
        network=benin,
        email="a@example.org",
        role=Role.FOCAL_POINT,
        language="en",
        actor=coordinator,
    )

    with pytest.raises(InvitationUnusableError, match="withdrawn"):
        invitation_get_by_token(first_token)


def test_a_weak_password_is_refused_and_no_account_is_created(benin, coordinator):
    invitation, _token = invitation_create(
        network=benin, email="a@example.org", role=Role.MEMBER, language="en", actor=coordinator
    )

    with pytest.raises(ValidationError):
        invitation_accept(invitation=invitation, password="12345678")

    assert not User.objects.filter(email="a@example.org").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_an_existing_account_joins_by_accepting_while_logged_in(benin, coordinator):
    someone = UserFactory(email="known@example.org")
    NetworkRole.objects.create(user=someone, network=benin, role=Role.COORDINATOR)
    invitation, _token = invitation_create(
        network=benin, email="known@example.org", role=Role.MEMBER, language="en", actor=coordinator
    )

    with pytest.raises(InvitationUnusableError, match="Log in first"):
        invitation_accept(invitation=invitation, password=PASSWORD)
    invitation_accept(invitation=invitation, user=someone)

    # Accepting never lowers a role the person already holds.
    assert NetworkRole.objects.get(user=someone, network=benin).role == Role.COORDINATOR
