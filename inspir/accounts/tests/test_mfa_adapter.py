"""Authenticator secrets are stored encrypted, rotate with the key, and still log people in."""

import json

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import generate_totp_secret
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from inspir.accounts.mfa_adapter import decrypt_stored_secrets
from inspir.accounts.models import Role
from inspir.accounts.tests.factories import PASSWORD, add_second_factor, totp_code, user_with_role
from inspir.core.encryption import decrypt_secret
from inspir.core.models import AuditEntry
from inspir.network.tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db

FORMER_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


def stored_column(user) -> str:
    """What the database itself holds in the authenticators' `data` column for `user`."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT data FROM mfa_authenticator WHERE user_id = %s ORDER BY id", [user.pk]
        )
        return " ".join(str(row[0]) for row in cursor.fetchall())


def log_in_with_code(client, user, code: str):
    """The real log-in pages: the password, then the authenticator's code."""
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response["Location"].startswith("/en/accounts/2fa/authenticate/")
    return client.post("/en/accounts/2fa/authenticate/", {"code": code})


@pytest.fixture
def coordinator():
    return user_with_role(NetworkFactory(), Role.COORDINATOR, second_factor=False)


def test_the_database_holds_no_authenticator_secret_in_clear(coordinator):
    secret = add_second_factor(coordinator)
    recovery = RecoveryCodes.activate(coordinator)
    seed = decrypt_secret(recovery.instance.data["seed"])

    column = stored_column(coordinator)

    assert secret not in column
    assert seed not in column
    assert column.count("fernet:") == 2


def test_a_person_logs_in_with_the_code_of_an_encrypted_secret(client, coordinator):
    secret = add_second_factor(coordinator)

    response = log_in_with_code(client, coordinator, totp_code(secret))

    assert response.status_code == 302
    assert client.get("/en/organisations/").status_code == 200


def test_recovery_codes_still_log_in_from_an_encrypted_seed(client, coordinator):
    add_second_factor(coordinator)
    code = RecoveryCodes.activate(coordinator).get_unused_codes()[0]

    log_in_with_code(client, coordinator, code)

    assert client.get("/en/organisations/").status_code == 200


def test_a_new_key_takes_over_while_the_former_one_still_decrypts(client, settings, coordinator):
    settings.SECRETS_ENCRYPTION_KEYS = [FORMER_KEY]
    secret = add_second_factor(coordinator)
    before = stored_column(coordinator)

    settings.SECRETS_ENCRYPTION_KEYS = [NEW_KEY, FORMER_KEY]
    log_in_with_code(client, coordinator, totp_code(secret))
    assert client.get("/en/organisations/").status_code == 200
    call_command("encrypt_secrets")

    after = stored_column(coordinator)
    assert after != before and secret not in after
    # Once re-encrypted, the former key can go.
    settings.SECRETS_ENCRYPTION_KEYS = [NEW_KEY]
    client.logout()
    log_in_with_code(client, coordinator, totp_code(secret))
    assert client.get("/en/organisations/").status_code == 200


def test_a_secret_whose_key_was_dropped_too_early_is_named_not_guessed(settings, coordinator):
    settings.SECRETS_ENCRYPTION_KEYS = [FORMER_KEY]
    add_second_factor(coordinator)
    settings.SECRETS_ENCRYPTION_KEYS = [NEW_KEY]

    with pytest.raises(CommandError, match="add the former key after the current one"):
        call_command("encrypt_secrets")


def test_the_command_encrypts_secrets_stored_in_clear_before(client, coordinator, capsys):
    """Installations from before encryption at rest hold their secrets in clear."""
    secret = generate_totp_secret()
    Authenticator.objects.create(
        user=coordinator, type=Authenticator.Type.TOTP, data={"secret": secret}
    )
    assert secret in stored_column(coordinator)
    # A secret in clear is still read until it is re-encrypted: nobody is locked out.
    log_in_with_code(client, coordinator, totp_code(secret))
    assert client.get("/en/organisations/").status_code == 200
    client.logout()

    call_command("encrypt_secrets")

    assert "1 of 1 authenticator(s) re-encrypted" in capsys.readouterr().out
    assert secret not in stored_column(coordinator)
    assert AuditEntry.objects.filter(action="accounts.authenticator_secrets.encrypted").exists()
    log_in_with_code(client, coordinator, totp_code(secret))
    assert client.get("/en/organisations/").status_code == 200


def test_running_the_command_again_changes_nothing(coordinator, capsys):
    add_second_factor(coordinator)
    RecoveryCodes.activate(coordinator)
    before = stored_column(coordinator)

    call_command("encrypt_secrets")

    assert "0 of 2 authenticator(s) re-encrypted" in capsys.readouterr().out
    assert stored_column(coordinator) == before
    assert not AuditEntry.objects.filter(action="accounts.authenticator_secrets.encrypted")


def test_security_keys_are_left_alone(coordinator):
    """A security key stores a public key and no secret: nothing to encrypt."""
    data = {"name": "Key", "credential": {"id": "abc", "public_key": "xyz"}}
    Authenticator.objects.create(user=coordinator, type=Authenticator.Type.WEBAUTHN, data=data)

    call_command("encrypt_secrets")

    assert json.loads(stored_column(coordinator)) == data


def test_rolling_the_migration_back_leaves_secrets_an_older_version_reads(coordinator):
    secret = add_second_factor(coordinator)

    decrypt_stored_secrets()

    assert Authenticator.objects.get(user=coordinator).data == {"secret": secret}
