import datetime
import io
import json
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from inspir.accounts.models import NetworkRole, Role, User
from inspir.accounts.privacy import retention_apply
from inspir.accounts.tests.factories import PASSWORD, UserFactory, user_with_role
from inspir.core.audit import audit_log
from inspir.core.models import AuditEntry, FormSubmission
from inspir.network.tests.factories import NetworkFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    network = NetworkFactory(name="INSP!R")
    user = user_with_role(network, Role.MEMBER, email="awa@example.org", first_name="Awa")
    user.person = PersonFactory(name="Awa Diop", email="awa@example.org")
    user.save()
    audit_log(
        action="network.organisation.updated",
        actor=user,
        network=network,
        changes={"acronym": ["", "UC"]},
    )
    return user


def test_a_person_downloads_everything_held_about_them(client, member):
    client.force_login(member)

    response = client.get("/en/accounts/my-data/download/")

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert {"README.txt", "account.json", "roles.json", "person.json", "activity.json"} <= set(
        archive.namelist()
    )
    assert json.loads(archive.read("account.json"))["email"] == "awa@example.org"
    assert json.loads(archive.read("person.json"))["name"] == "Awa Diop"
    assert json.loads(archive.read("activity.json"))[0]["action"] == "network.organisation.updated"


def test_erasure_removes_the_person_but_keeps_what_the_network_recorded(client, member):
    client.force_login(member)
    FormSubmission.objects.create(token="a" * 32, user=member, path="/en/governance/")

    response = client.post("/en/accounts/my-data/", {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    assert not FormSubmission.objects.filter(user=member).exists()
    member.refresh_from_db()
    assert member.email.endswith("@invalid")
    assert (member.first_name, member.is_active, member.has_usable_password()) == ("", False, False)
    assert not NetworkRole.objects.filter(user=member).exists()
    assert str(member) == "former member"
    edit = AuditEntry.objects.get(action="network.organisation.updated")
    assert edit.actor == member
    assert AuditEntry.objects.filter(action="accounts.user.erased").exists()
    assert client.get("/en/accounts/profile/").status_code == 302  # logged out
    assert not client.login(email="awa@example.org", password=PASSWORD)


def test_the_mail_sent_to_a_person_is_in_their_data_and_erased_with_them(client, member):
    from inspir.core.mail import send_email
    from inspir.core.models import OutgoingEmail

    send_email(subject="Your invitation", body="Join us", recipients=["Awa@example.org"])
    send_email(subject="For someone else", body="Hello", recipients=["kofi@example.org"])
    client.force_login(member)

    response = client.get("/en/accounts/my-data/download/")

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    [received] = json.loads(archive.read("emails_received.json"))
    assert (received["subject"], received["body"]) == ("Your invitation", "Join us")

    client.post("/en/accounts/my-data/", {"password": PASSWORD, "confirm": "on"})

    assert list(OutgoingEmail.objects.values_list("recipient", flat=True)) == ["kofi@example.org"]


def test_erasure_needs_the_password_and_a_confirmation(client, member):
    client.force_login(member)

    response = client.post("/fr/accounts/my-data/", {"password": "wrong"})

    assert response.status_code == 200
    assert "Ce n'est pas votre mot de passe." in BeautifulSoup(response.content, "html.parser").text
    member.refresh_from_db()
    assert member.is_active


def test_accounts_unused_past_the_retention_period_are_erased(settings):
    settings.ACCOUNT_RETENTION_DAYS = 365
    long_ago = timezone.now() - datetime.timedelta(days=400)
    dormant = UserFactory(last_login=long_ago)
    never_came = UserFactory()
    User.objects.filter(pk=never_came.pk).update(date_joined=long_ago)
    active = UserFactory(last_login=timezone.now())
    staff = UserFactory(is_staff=True, last_login=long_ago)

    assert retention_apply() == 2

    erased = set(User.objects.filter(erased_at__isnull=False).values_list("pk", flat=True))
    assert erased == {dormant.pk, never_came.pk}
    assert active.pk not in erased and staff.pk not in erased
