"""`manage.py start_installation`: a new installation with the real network and its first
administrator, who has no password anyone knows and sets up a second factor at first log-in."""

import datetime
import io
import re
import time
from urllib.parse import urlsplit

import pytest
from allauth.account.forms import default_token_generator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import resolve, reverse

from inspir.accounts.installation import installation_refusals
from inspir.accounts.models import NetworkRole, Role, User
from inspir.accounts.tests.factories import UserFactory, totp_code
from inspir.core.models import AuditEntry
from inspir.network import founding_data
from inspir.network.models import Country, Membership, Network, Organisation, Person

pytestmark = pytest.mark.django_db

ADMIN = "ada@example.net"
NEW_PASSWORD = "a long password nobody else knows"
LINK = re.compile(r"https?://\S+/accounts/password/reset/key/\S+/")
INTERNAL_PAGES = ("/fr/admin/", "/fr/activity/", "/fr/accounts/profile/")


def start(**options: object) -> str:
    out = io.StringIO()
    call_command("start_installation", admin_email=ADMIN, stdout=out, **options)
    return out.getvalue()


def link_in(output: str) -> str:
    """The path of the one link the output prints to set the password."""
    links = LINK.findall(output)
    assert len(links) == 1, output
    return urlsplit(links[0]).path


def set_password(client: Client, path: str) -> bool:
    """Open the link and choose a password, as the administrator would; whether it worked."""
    page = client.get(path, follow=True)
    if page.context.get("token_fail"):
        return False
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else path
    done = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    return done.status_code == 302 and done["Location"] == reverse(
        "account_reset_password_from_key_done"
    )


def next_totp_code(secret: str) -> str:
    """The code the authenticator app shows in the next 30 seconds (accepted now too)."""
    return format_hotp_value(hotp_value(secret, int(time.time() // 30) + 1))


def registry() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Country, Network, Organisation, Membership, Person, User, NetworkRole)
    }


def test_an_empty_database_gets_the_real_network_and_one_administrator_without_password():
    output = start(admin_name="Ada Lovelace", language="fr")

    assert Country.objects.count() == 30
    assert set(Network.objects.values_list("slug", "name")) == {
        (spec.slug, spec.name) for spec in founding_data.NETWORKS
    }
    assert set(Organisation.objects.values_list("slug", "name")) == {
        (spec.slug, spec.name) for spec in founding_data.ORGANISATIONS
    }
    names = [
        *Organisation.objects.values_list("name", flat=True),
        *Network.objects.values_list("name", flat=True),
    ]
    assert not [name for name in names if "example" in name.lower()]
    assert Person.objects.count() == 0
    assert installation_refusals() == []
    admin = User.objects.get()
    assert (admin.email, admin.get_full_name()) == (ADMIN, "Ada Lovelace")
    assert admin.is_staff and admin.is_superuser
    assert not admin.has_usable_password()
    assert not Client().login(email=ADMIN, password="")
    assert [(r.network.slug, r.role) for r in admin.network_roles.all()] == [
        (founding_data.INTERCONTINENTAL, Role.COORDINATOR)
    ]
    assert link_in(output).startswith("/fr/")
    assert "Next steps" in output
    assert set(AuditEntry.objects.values_list("action", "object_id")) == {
        ("network.founding.loaded", ""),
        ("accounts.administrator.created", str(admin.pk)),
    }


def test_the_link_sets_the_password_once():
    path = link_in(start())

    assert set_password(Client(), path)
    assert User.objects.get(email=ADMIN).check_password(NEW_PASSWORD)
    # The same link, from the same or another browser, is used up.
    assert not set_password(Client(), path)
    assert not set_password(Client(), path.replace("/en/", "/fr/"))


def test_the_link_expires(monkeypatch, settings):
    path = link_in(start())
    later = datetime.datetime.now() + datetime.timedelta(  # noqa: DTZ005 - Django's own clock
        seconds=settings.PASSWORD_RESET_TIMEOUT + 60
    )
    monkeypatch.setattr(default_token_generator, "_now", lambda: later)

    assert not set_password(Client(), path)
    assert not User.objects.get(email=ADMIN).has_usable_password()


# Committed for real, as in production: allauth records the new factor in the session once
# the activation is committed, before the response saves the session.
@pytest.mark.django_db(transaction=True)
def test_first_log_in_leads_to_the_second_factor_and_nothing_internal_opens_before():
    set_password(Client(), link_in(start(language="fr")))
    client = Client()
    activate = "/fr/accounts/2fa/totp/activate/"

    logged_in = client.post(
        "/fr/accounts/login/", {"login": ADMIN, "password": NEW_PASSWORD}, follow=True
    )

    # Straight to setting up the second factor: the password was typed a moment ago, so it
    # is not asked for again.
    assert logged_in.redirect_chain[-1][0] == activate
    for page in INTERNAL_PAGES:
        response = client.get(page)
        assert (response.status_code, response["Location"]) == (302, activate), page
    secret = logged_in.context["form"].secret

    activated = client.post(activate, {"code": totp_code(secret)})

    # The recovery codes are shown to be kept.
    assert resolve(activated["Location"]).url_name == "mfa_view_recovery_codes"
    assert client.get(activated["Location"]).status_code == 200

    admin = User.objects.get(email=ADMIN)
    assert admin.authenticator_set.filter(type="totp").exists()
    # Answering the new authenticator once proved it: the internal pages open.
    for page in INTERNAL_PAGES:
        assert client.get(page).status_code == 200, page


def test_running_again_creates_nothing_and_offers_no_new_link():
    first = start()
    before = registry()

    again = start()

    assert registry() == before
    assert "already exists" in again
    assert not LINK.findall(again)
    assert set_password(Client(), link_in(first))  # the first link still works


def test_a_new_link_replaces_the_earlier_ones():
    first = link_in(start())

    second = link_in(start(resend_link=True))

    assert not set_password(Client(), first)
    assert set_password(Client(), second)
    assert User.objects.count() == 1


def test_another_address_does_not_make_a_second_administrator():
    start()
    before = registry()

    with pytest.raises(CommandError, match=ADMIN):
        call_command("start_installation", admin_email="someone.else@example.net")

    assert registry() == before


def test_an_existing_account_is_not_made_an_administrator():
    member = UserFactory(email=ADMIN)

    with pytest.raises(CommandError, match="not an administrator"):
        start()

    member.refresh_from_db()
    assert not member.is_staff
    assert not Network.objects.exists()  # nothing half done


def test_a_database_with_the_demo_is_refused(demo):
    before = registry()

    with pytest.raises(CommandError, match="demo"):
        start()

    assert registry() == before


def test_a_malformed_address_is_refused():
    with pytest.raises(CommandError, match="not a valid e-mail address"):
        call_command("start_installation", admin_email="ada.example.net")

    assert not User.objects.exists()
    assert not Network.objects.exists()


def test_the_production_settings_allow_it(settings):
    settings.DEMO_DATA_ALLOWED = False

    output = start()

    assert link_in(output)
    assert User.objects.get().is_superuser
