import re

import pytest
from bs4 import BeautifulSoup

from inspir.accounts.models import Invitation, NetworkRole, Role, User
from inspir.accounts.tests.factories import user_with_role
from inspir.network.tests.factories import NetworkFactory, continental, national

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def benin():
    return national(continental(NetworkFactory()), name="INSP!R Bénin")


def invite(
    client, mailbox, network, email="nouvelle@example.org", language="fr", role=Role.MEMBER
) -> str:
    client.force_login(user_with_role(network, Role.COORDINATOR))
    response = client.post(
        "/en/accounts/invitations/",
        {"email": email, "network": network.pk, "role": role, "language": language},
    )
    assert response.status_code == 302
    client.logout()
    body = mailbox.body(mailbox.to(email)[-1])
    return re.search(r"https?://[^/]+(/\S+)", body).group(1)


def test_an_invited_person_creates_their_account_and_lands_logged_in(client, mailbox, benin):
    link = invite(client, mailbox, benin)

    page = client.get(link)
    assert "INSP!R Bénin" in page.content.decode()
    response = client.post(
        link,
        {
            "first_name": "Awa",
            "password1": "protection sociale 2020",
            "password2": "protection sociale 2020",
        },
    )

    assert response.status_code == 302
    assert client.get("/fr/accounts/profile/").status_code == 200
    user = User.objects.get(email="nouvelle@example.org")
    assert NetworkRole.objects.get(user=user).network == benin


def test_an_invited_coordinator_goes_straight_to_setting_up_a_second_factor(client, mailbox, benin):
    link = invite(client, mailbox, benin, role=Role.COORDINATOR)
    password = "protection sociale 2020"
    client.post(link, {"first_name": "Awa", "password1": password, "password2": password})

    response = client.get("/fr/accounts/profile/")

    # The password chosen a moment ago is not asked for again before the authenticator app.
    assert response["Location"] == "/fr/accounts/2fa/totp/activate/"
    setup = client.get(response["Location"])
    assert setup.status_code == 200
    assert "authenticator_secret" in setup.content.decode()


def test_mistakes_in_the_form_keep_what_was_typed(client, mailbox, benin):
    link = invite(client, mailbox, benin)

    response = client.post(
        link, {"first_name": "Awa", "password1": "short", "password2": "different"}
    )

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("#id_first_name")["value"] == "Awa"
    assert page.select(".errorlist")
    assert not User.objects.filter(email="nouvelle@example.org").exists()


def test_a_used_link_explains_itself(client, mailbox, benin):
    link = invite(client, mailbox, benin, language="en")
    client.post(
        link,
        {
            "first_name": "Awa",
            "password1": "protection sociale 2020",
            "password2": "protection sociale 2020",
        },
    )
    client.logout()

    response = client.get(link)

    assert response.status_code == 410
    assert "already been used" in response.content.decode()


def test_only_coordinators_reach_the_invitation_page(client, benin):
    client.force_login(user_with_role(benin, Role.FOCAL_POINT))

    assert client.get("/en/accounts/invitations/").status_code == 404


def test_a_coordinator_cannot_invite_into_a_network_outside_their_reach(client, benin):
    client.force_login(user_with_role(benin, Role.COORDINATOR))
    elsewhere = national(continental(NetworkFactory()))

    response = client.post(
        "/en/accounts/invitations/",
        {"email": "x@example.org", "network": elsewhere.pk, "role": Role.MEMBER, "language": "en"},
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_coordinator_withdraws_a_pending_invitation(client, mailbox, benin):
    link = invite(client, mailbox, benin)
    invitation = Invitation.objects.get()
    client.force_login(user_with_role(benin, Role.COORDINATOR))

    client.post(f"/en/accounts/invitations/{invitation.pk}/withdraw/")

    client.logout()
    assert "withdrawn" in client.get(link.replace("/fr/", "/en/")).content.decode()
