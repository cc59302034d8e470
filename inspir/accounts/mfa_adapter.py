"""Authenticator secrets encrypted at rest.

allauth stores the secret of an authenticator app (`data["secret"]`) and the seed of the
recovery codes (`data["seed"]`, and codes migrated from elsewhere in `data["migrated_codes"]`)
in the database, through its adapter's `encrypt`/`decrypt` hooks. Here they are encrypted with
SECRETS_ENCRYPTION_KEY (`inspir.core.encryption`), so that the database, a copy of it or a
backup does not hand out everyone's second factor. Security keys (WebAuthn) store only a
public key: nothing to hide."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.db import transaction

from inspir.core.audit import audit_log
from inspir.core.backup import RestoreRefusedError
from inspir.core.encryption import (
    SecretUnreadableError,
    decrypt_secret,
    encrypt_secret,
    is_current,
    is_encrypted,
    reencrypt_secret,
)


class EncryptingMFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        return encrypt_secret(text)

    def decrypt(self, encrypted_text: str) -> str:
        return decrypt_secret(encrypted_text)


# Security keys hold a public key only. A string, as historical models in migrations have no
# Authenticator.Type.
WEBAUTHN = "webauthn"
SECRET_KEYS = ("secret", "seed")
SECRET_LISTS = ("migrated_codes",)


def stored_secrets(data: dict[str, Any]) -> list[str]:
    """Every secret value held in an authenticator's `data`."""
    values = [data[key] for key in SECRET_KEYS if isinstance(data.get(key), str)]
    for key in SECRET_LISTS:
        values.extend(value for value in data.get(key) or [] if isinstance(value, str))
    return values


def _transformed(data: dict[str, Any], transform: Callable[[str], str]) -> dict[str, Any]:
    updated = dict(data)
    for key in SECRET_KEYS:
        if isinstance(data.get(key), str):
            updated[key] = transform(data[key])
    for key in SECRET_LISTS:
        if data.get(key):
            updated[key] = [transform(value) for value in data[key]]
    return updated


def _rewrite_stored_secrets(
    authenticators: Any, transform: Callable[[str], str], needed: Callable[[str], bool]
) -> int:
    manager = authenticators if authenticators is not None else Authenticator.objects
    changed = 0
    with transaction.atomic():
        for authenticator in manager.select_for_update().exclude(type=WEBAUTHN).order_by("pk"):
            if any(needed(value) for value in stored_secrets(authenticator.data)):
                authenticator.data = _transformed(authenticator.data, transform)
                authenticator.save(update_fields=["data"])
                changed += 1
    return changed


def encrypt_stored_secrets(authenticators: Any = None) -> int:
    """Encrypt with the newest key every authenticator secret stored in clear or under a
    former key; returns how many authenticators changed. Safe to run any number of times.

    `authenticators` is the model's manager; migrations pass their historical one."""
    return _rewrite_stored_secrets(
        authenticators, reencrypt_secret, lambda value: not is_current(value)
    )


def decrypt_stored_secrets(authenticators: Any = None) -> int:
    """Store every authenticator secret in clear again (rolling the migration back, for a
    version of the platform that does not decrypt)."""
    return _rewrite_stored_secrets(authenticators, decrypt_secret, is_encrypted)


@dataclass(frozen=True)
class SecretsSummary:
    encrypted: int
    authenticators: int


@transaction.atomic
def authenticator_secrets_encrypt() -> SecretsSummary:
    """The operator's re-encryption (`manage.py encrypt_secrets`), audited when it changed
    anything."""
    changed = encrypt_stored_secrets()
    if changed:
        audit_log(
            action="accounts.authenticator_secrets.encrypted",
            actor=None,
            changes={"authenticators_encrypted": [None, changed]},
        )
    return SecretsSummary(
        encrypted=changed,
        authenticators=Authenticator.objects.exclude(type=WEBAUTHN).count(),
    )


def encrypted_with_unknown_key() -> int:
    """How many authenticators hold a secret none of the configured keys decrypts (after a
    restore from an installation with other keys)."""
    unreadable = 0
    for data in Authenticator.objects.exclude(type=WEBAUTHN).values_list("data", flat=True):
        try:
            for value in stored_secrets(data):
                decrypt_secret(value)
        except SecretUnreadableError:
            unreadable += 1
    return unreadable


def restore_check() -> None:
    """Run by `restore` once the rows are loaded: a backup from an installation whose
    SECRETS_ENCRYPTION_KEY this one lacks would leave its people unable to pass the second
    factor, so it is undone; secrets from a backup written before encryption at rest are
    encrypted."""
    unreadable = encrypted_with_unknown_key()
    if unreadable:
        raise RestoreRefusedError(
            f"{unreadable} authenticator(s) in the backup were encrypted with a key that "
            "SECRETS_ENCRYPTION_KEY does not hold: add the SECRETS_ENCRYPTION_KEY of the "
            "installation the backup comes from, after this one's, and restore again."
        )
    encrypt_stored_secrets()
