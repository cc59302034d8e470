"""Encryption with keys the operator keeps in the environment, not in the database.

Keys are Fernet keys (32 random bytes in URL-safe base64, as
`Fernet.generate_key()` makes them). A setting holds a list of them, newest first: the first
key encrypts, every key decrypts, so a key is replaced without losing what the former one
encrypted (rotation: put the new key first, re-encrypt, then drop the old one).

Short secrets stored in the database (authenticator secrets) are Fernet tokens behind a
`fernet:` prefix, so that a value stored in clear before encryption was switched on is told
apart and still read until it is re-encrypted. Files (backups) are encrypted as a stream,
see below. This module imports no model: the settings use it to refuse invalid keys at
start-up."""

import binascii
import hashlib
import io
import os
from base64 import urlsafe_b64decode
from functools import lru_cache
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
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


# --- Files: encrypted as a stream, in memory of one chunk at a time --------------------------
#
# A backup may hold gigabytes of uploaded files, more than Fernet (one token in memory) suits.
# Files are cut into chunks sealed with AES-256-GCM under a key derived for this file alone
# (HKDF from the Fernet key and a random salt). Each chunk's nonce is its position and whether
# it is the last, so chunks cannot be reordered, dropped or the file cut short or extended
# without decryption failing (the STREAM construction of age and Tink). The header names the
# key by its fingerprint, so that a wrong key is reported before anything is decrypted.

STREAM_MAGIC = b"INSPIR-ENCRYPTED-1\n"
_FINGERPRINT_LENGTH = 12
_SALT_LENGTH = 16
_HEADER_LENGTH = len(STREAM_MAGIC) + _FINGERPRINT_LENGTH + _SALT_LENGTH
CHUNK = 64 * 1024
_TAG = 16


class DecryptionError(Exception):
    """The file cannot be decrypted: wrong key, or damaged or altered."""


def _file_cipher(key: str, salt: bytes) -> AESGCM:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"inspir file v1")
    return AESGCM(derived.derive(key_bytes(key)))


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class EncryptingWriter(io.RawIOBase):
    """A binary file-like object that encrypts what is written to it into `sink` with `key`.
    `finish()` seals the last chunk; without it the file is refused as cut short."""

    def __init__(self, sink: BinaryIO, key: str) -> None:
        self._sink = sink
        salt = os.urandom(_SALT_LENGTH)
        self._header = STREAM_MAGIC + key_fingerprint(key).encode("ascii") + salt
        self._cipher = _file_cipher(key, salt)
        self._buffer = bytearray()
        self._counter = 0
        sink.write(self._header)

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._buffer.extend(data)
        while len(self._buffer) > CHUNK:
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def _seal(self, chunk: bytes, last: bool) -> None:
        nonce = _nonce(self._counter, last)
        self._sink.write(self._cipher.encrypt(nonce, chunk, self._header))
        self._counter += 1

    def finish(self) -> None:
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()


def stream_key(header: bytes, keys: list[str]) -> str:
    """The key among `keys` a stream with this header was encrypted with."""
    fingerprint = header[len(STREAM_MAGIC) : len(STREAM_MAGIC) + _FINGERPRINT_LENGTH]
    for key in keys:
        if key_fingerprint(key).encode("ascii") == fingerprint:
            return key
    named = fingerprint.decode("ascii", "replace")
    known = ", ".join(key_fingerprint(key) for key in keys) or "none"
    raise DecryptionError(
        f"The file was encrypted with another key (fingerprint {named}); "
        f"the keys configured have the fingerprints: {known}."
    )


class DecryptingReader(io.RawIOBase):
    """A binary file-like object reading the clear content of a stream `EncryptingWriter`
    wrote into `source`. Raises `DecryptionError` where the stream is not authentic."""

    def __init__(self, source: BinaryIO, keys: list[str]) -> None:
        self._source = source
        header = source.read(_HEADER_LENGTH)
        if len(header) < _HEADER_LENGTH or not header.startswith(STREAM_MAGIC):
            raise DecryptionError("The file is not an encrypted file of this platform.")
        self._header = header
        self._cipher = _file_cipher(stream_key(header, keys), header[-_SALT_LENGTH:])
        self._counter = 0
        self._pending = source.read(CHUNK + _TAG)
        self._clear = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def _next_chunk(self) -> None:
        following = self._source.read(CHUNK + _TAG)
        last = not following
        try:
            self._clear = self._cipher.decrypt(
                _nonce(self._counter, last), self._pending, self._header
            )
        except InvalidTag as error:
            raise DecryptionError(
                f"The file is damaged or was altered (part {self._counter + 1} does not "
                "decrypt), or was cut short."
            ) from error
        self._counter += 1
        self._pending = following
        self._done = last

    def readinto(self, buffer: Any) -> int:
        while not self._clear and not self._done:
            self._next_chunk()
        size = min(len(buffer), len(self._clear))
        buffer[:size] = self._clear[:size]
        self._clear = self._clear[size:]
        return size
