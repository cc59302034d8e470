"""What accounts puts on the reader's "my work" page (accounts/my_work.py): the invitations
they sent that nobody has accepted yet, and what their profile in the network lacks."""

import datetime

import pytest
from django.utils import timezone

from inspir.accounts.models import Invitation, Role
from inspir.accounts.my_work import accounts_work
from inspir.accounts.services import invitation_create
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.core.my_work import WorkSection
from inspir.network.tests.factories import NetworkFactory, PersonFactory, continental, national

pytestmark = pytest.mark.django_db


def sections(user) -> dict[str, WorkSection]:
    return {section.key: section for section in accounts_work(user)}


def invite(network, email, actor) -> Invitation:
    invitation, _token = invitation_create(
        network=network, email=email, role=Role.FOCAL_POINT, language="fr", actor=actor
    )
    return invitation


def test_a_coordinator_sees_the_invitations_they_sent_still_pending():
    africa = continental(NetworkFactory(), name="INSP!R Afrique de l'Ouest")
    benin = national(africa, name="INSP!R Bénin")
    person = PersonFactory(time_zone="Africa/Lome")
    coordinator = user_with_role(africa, Role.COORDINATOR, person=person)
    colleague = user_with_role(africa, Role.COORDINATOR)
    pending = invite(benin, "awa@example.org", coordinator)
    for email in ("accepted@example.org", "withdrawn@example.org", "late@example.org"):
        invite(benin, email, coordinator)
    now = timezone.now()
    Invitation.objects.filter(email="accepted@example.org").update(accepted_at=now)
    Invitation.objects.filter(email="withdrawn@example.org").update(revoked_at=now)
    Invitation.objects.filter(email="late@example.org").update(
        expires_at=now - datetime.timedelta(days=1)
    )
    invite(benin, "someone-else@example.org", colleague)

    section = sections(coordinator)["invitations"]

    assert [(item.text, item.detail) for item in section.items] == [
        ("awa@example.org", "Invited to INSP!R Bénin as Focal point")
    ]
    [item] = section.items
    assert item.url == "/en/accounts/invitations/"
    assert item.when == pending.expires_at and item.zone.key == "Africa/Lome"


def test_a_coordinator_with_nothing_pending_has_an_empty_invitations_section():
    coordinator = user_with_role(NetworkFactory(), Role.COORDINATOR, person=PersonFactory())
    assert sections(coordinator)["invitations"].items == []


def test_someone_who_invites_nobody_has_no_invitations_section():
    member = user_with_role(NetworkFactory(), Role.FOCAL_POINT, person=PersonFactory())
    assert "invitations" not in sections(member)


def test_an_account_without_person_is_told_to_complete_its_profile():
    [gap] = sections(UserFactory())["profile"].items
    assert gap.text == "Your account is not linked to a person in the network yet."
    assert gap.url == "/en/accounts/profile/edit/"


def test_the_profile_gaps_are_the_time_zone_and_the_languages_not_given():
    user = UserFactory(person=PersonFactory(time_zone="UTC", languages=[]))
    assert [(gap.action, gap.url) for gap in sections(user)["profile"].items] == [
        ("Give my time zone", "/en/accounts/profile/edit/#id_time_zone"),
        ("Give my languages", "/en/accounts/profile/edit/#id_languages"),
    ]
    complete = UserFactory(person=PersonFactory(time_zone="Africa/Porto-Novo", languages=["fr"]))
    assert sections(complete) == {}
