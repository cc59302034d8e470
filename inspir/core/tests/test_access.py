"""Core's own pages ask the permission vocabulary through what accounts registered."""

import pytest
from django.urls import reverse

from inspir.core import access

pytestmark = pytest.mark.django_db


def test_until_an_app_says_who_may_nobody_reads_the_log_or_the_mail(monkeypatch, client):
    from inspir.accounts.tests.factories import UserFactory

    monkeypatch.setattr(access, "_access", None)
    staff = UserFactory(is_staff=True)
    client.force_login(staff)

    assert access.audit_networks(staff) is None
    assert not access.may_oversee_mail(staff)
    assert client.get(reverse("core:audit_list")).status_code == 404
    assert client.get(reverse("core:undelivered_mail")).status_code == 404


def test_staff_read_the_log_and_the_mail_as_accounts_says(client):
    from inspir.accounts.tests.factories import UserFactory
    from inspir.network.tests.factories import NetworkFactory

    NetworkFactory()
    client.force_login(UserFactory(is_staff=True))

    assert client.get(reverse("core:audit_list")).status_code == 200
    assert client.get(reverse("core:undelivered_mail")).status_code == 200
