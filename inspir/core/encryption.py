"""Encryption with keys the operator keeps in the environment, not in the database.

Keys are Fernet keys (32 random bytes in URL-safe base64, as
`Fernet.generate_key()` makes them). A setting holds a list of them, newest first: the first
key encrypts, every key decrypts, so a key is replaced without losing what the former one
encrypted (rotation: put the new key first, re-encrypt, then drop the old one).

Short secrets stored in the database (authenticator secrets) are Fernet tokens behind a
`fernet:` prefix, so that a value stored in clear before encryption was switched on is told
apart and still read until it is re-encrypted. This module imports no model: the settings
use it to refuse invalid keys at start-up."""

import binascii
import hashlib
from base64 import urlsafe_b64decode
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "fernet:"
GENERATE_KEY_COMMAND = (
    'python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
)


class SecretUnreadableError(ImproperlyConfigured):
    """A stored secret was encrypted with a key the configuration no longer holds."""


def key_problem(setting: str, keys: list[str]) -> str | None:
    """What is wrong with the keys given for `setting` (None if they are all valid), in words
    an operator can act on."""
    if not keys:
        return f"Set {setting} to a Fernet key; make one with: {GENERATE_KEY_COMMAND}"
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except (ValueError, binascii.Error):
            return (
                f"Key number {position} of {setting} is not a Fernet key (32 random bytes in "
                f"URL-safe base64, 44 characters); make one with: {GENERATE_KEY_COMMAND}"
            )
    return None


def key_bytes(key: str) -> bytes:
    """The 32 random bytes of a Fernet key."""
    return urlsafe_b64decode(key.encode("ascii"))


def key_fingerprint(key: str) -> str:
    """A short name for a key that reveals nothing of it, for messages and logs."""
    return hashlib.sha256(b"inspir key fingerprint\x00" + key_bytes(key)).hexdigest()[:12]


@lru_cache(maxsize=8)
def _box(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])


@lru_cache(maxsize=8)
def _newest(key: str) -> Fernet:
    return Fernet(key)


def _keys() -> tuple[str, ...]:
    keys = tuple(settings.SECRETS_ENCRYPTION_KEYS)
    problem = key_problem("SECRETS_ENCRYPTION_KEY", list(keys))
    if problem:
        raise ImproperlyConfigured(problem)
    return keys


def encrypt_secret(text: str) -> str:
    """`text` encrypted with the newest key of SECRETS_ENCRYPTION_KEY, prefixed."""
    return PREFIX + _box(_keys()).encrypt(text.encode("utf-8")).decode("ascii")


def is_encrypted(value: str) -> bool:
    return value.startswith(PREFIX)


def decrypt_secret(value: str) -> str:
    """The clear text of a value `encrypt_secret` returned; a value stored in clear before
    encryption was switched on is returned as it is."""
    if not is_encrypted(value):
        return value
    try:
        return _box(_keys()).decrypt(value.removeprefix(PREFIX).encode("ascii")).decode("utf-8")
    except InvalidToken as error:
        raise SecretUnreadableError(
            "A stored authenticator secret was encrypted with a key that "
            "SECRETS_ENCRYPTION_KEY does not hold: add the former key after the current one."
        ) from error


def is_current(value: str) -> bool:
    """Whether `value` is encrypted with the newest key (nothing left to re-encrypt)."""
    if not is_encrypted(value):
        return False
    try:
        _newest(_keys()[0]).decrypt(value.removeprefix(PREFIX).encode("ascii"))
    except InvalidToken:
        return False
    return True


def reencrypt_secret(value: str) -> str:
    """`value` (clear, or encrypted with any configured key) encrypted with the newest key."""
    return encrypt_secret(decrypt_secret(value))
