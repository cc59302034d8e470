"""Whole-platform backup and restore: the database's rows and the uploaded files.

A backup is one file, a gzip-compressed tar archive holding

- `manifest.json`: the format and its version, when it was written, the rows per model and
  the uploaded files it holds;
- `data.json`: every row of every table the platform owns (the registry, accounts, roles,
  the audit trail and every other app's history), serialised by Django with natural keys;
- `media/<name>`: every uploaded file a row refers to, under its name in the storage (the
  media directory or the S3 bucket alike, read through Django's storage API).

When BACKUP_ENCRYPTION_KEY is set the archive is encrypted, authenticated, as a stream
(`inspir.core.encryption.EncryptingWriter`); the restore recognises an encrypted backup and
finds its key among the configured ones by fingerprint. Authenticator secrets are encrypted
at rest already (`inspir.accounts.mfa_adapter`), so even a backup written without a key
holds none in clear; it still holds password hashes and e-mail addresses, so it is written
readable by its owner only.

It restores into an empty, migrated database of either engine (SQLite or PostgreSQL), so it
doubles as a migration path. Backups of the first format (the rows alone, a gzip-compressed
JSON file) still restore."""

import gzip
import io
import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import IO, Any, BinaryIO

from django.apps import apps
from django.conf import settings
from django.core import management
from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import connection, models, transaction
from django.utils import timezone

from inspir.core.encryption import (
    STREAM_MAGIC,
    DecryptingReader,
    DecryptionError,
    EncryptingWriter,
    key_fingerprint,
    key_problem,
)

# Rebuilt by `migrate` on the target, or disposable (form submissions live a few days).
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "core.formsubmission",
]

FORMAT = "inspir-backup"
VERSION = 2
OWNER_ONLY = 0o600
MEDIA = "media/"
_GZIP_MAGIC = b"\x1f\x8b"
# Names `backup --directory` gives its files, and the only files its pruning ever removes.
_STAMP = "%Y-%m-%dT%H%M%SZ"
_NAME_PREFIX = "inspir-"
_SUFFIXES = (".tar.gz.enc", ".tar.gz")


class BackupError(Exception):
    """The backup cannot be written as configured."""


class RestoreRefusedError(Exception):
    """The restore did not start, or was undone: the database is as it was."""


# Checks run after the rows are loaded, inside the restore's transaction: one may raise
# RestoreRefusedError to undo the restore, or finish what the rows need (apps register
# theirs in `AppConfig.ready`; core imports no domain app).
_after_restore: list[Callable[[], None]] = []


def register_restore_check(check: Callable[[], None]) -> None:
    if check not in _after_restore:
        _after_restore.append(check)


# Reference rows an app's migration writes (the branches of social security, say): `migrate`
# rebuilds them on the target, so they are neither backed up nor counted as data there.
_written_by_migrations: set[str] = set()


def register_written_by_migrations(*labels: str) -> None:
    """Mark models ("app.model") whose rows only the app's migrations write."""
    _written_by_migrations.update(label.lower() for label in labels)


def _excluded() -> list[str]:
    return [*EXCLUDED, *sorted(_written_by_migrations)]


def platform_models() -> list:
    excluded_apps = {label for label in _excluded() if "." not in label}
    excluded_models = {label for label in _excluded() if "." in label}
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label not in excluded_apps
        and model._meta.label_lower not in excluded_models
        and model._meta.managed
        and not model._meta.proxy
    ]


def row_counts() -> dict[str, int]:
    return {model._meta.label_lower: model._default_manager.count() for model in platform_models()}


def _file_fields() -> Iterator[tuple[str, models.FileField, type[models.Model]]]:
    for model in platform_models():
        for model_field in model._meta.get_fields():
            if isinstance(model_field, models.FileField):
                yield f"{model._meta.label_lower}.{model_field.name}", model_field, model


def referenced_files() -> dict[str, str]:
    """Every uploaded file a row refers to: its storage name -> the field (`app.model.field`)
    whose storage holds it."""
    files: dict[str, str] = {}
    for label, file_field, model in _file_fields():
        names = (
            model._default_manager.exclude(**{file_field.name: ""})
            .values_list(file_field.name, flat=True)
            .distinct()
        )
        for name in names:
            if name:
                files.setdefault(name, label)
    return dict(sorted(files.items()))


def _storage_of(field_label: str) -> Storage:
    for label, file_field, _model in _file_fields():
        if label == field_label:
            return file_field.storage
    return default_storage


@dataclass(frozen=True)
class BackupSummary:
    rows: dict[str, int]
    files: int
    missing_files: list[str]
    encrypted: bool
    size: int


@contextmanager
def _snapshot() -> Iterator[None]:
    """One consistent view of every table while they are read, so that a backup taken while
    people work restores without a row pointing at one missing (PostgreSQL; SQLite reads
    outside a transaction, so as not to hold the write lock for the whole backup). Inside a
    transaction already begun (tests), the isolation level is that transaction's."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def _add_bytes(archive: tarfile.TarFile, name: str, handle: IO[bytes], size: int) -> None:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = OWNER_ONLY
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, handle)


def _write_archive(archive: tarfile.TarFile, encrypted: bool) -> tuple[dict, int, list[str]]:
    with tempfile.TemporaryFile() as rows:
        with _snapshot():
            text = io.TextIOWrapper(rows, encoding="utf-8")
            management.call_command(
                "dumpdata",
                *[f"--exclude={label}" for label in _excluded()],
                natural_foreign=True,
                natural_primary=False,
                format="json",
                stdout=text,
            )
            text.flush()
            text.detach()  # the rows' file stays open
            counts = row_counts()
            files = referenced_files()
        present = {name: label for name, label in files.items() if _storage_of(label).exists(name)}
        missing = [name for name in files if name not in present]
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "written_at": timezone.now().isoformat(),
            "encrypted": encrypted,
            "rows": counts,
            "files": [{"name": name, "field": label} for name, label in present.items()],
            "missing_files": missing,
        }
        encoded = json.dumps(manifest, indent=1).encode("utf-8")
        _add_bytes(archive, "manifest.json", io.BytesIO(encoded), len(encoded))
        size = rows.seek(0, os.SEEK_END)
        rows.seek(0)
        _add_bytes(archive, "data.json", rows, size)
    for name, label in present.items():
        storage = _storage_of(label)
        with storage.open(name, "rb") as handle:
            _add_bytes(archive, MEDIA + name, handle, storage.size(name))
    return counts, len(present), missing


def backup_write(path: Path) -> BackupSummary:
    """Write a backup to `path`: every row and every uploaded file, encrypted with the first
    key of BACKUP_ENCRYPTION_KEY when one is set. The file is complete or absent: it is
    written under a temporary name and renamed when done."""
    keys = list(settings.BACKUP_ENCRYPTION_KEYS)
    if keys and (problem := key_problem("BACKUP_ENCRYPTION_KEY", keys)):
        raise BackupError(problem)
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    # It holds password hashes and e-mail addresses: readable by its owner only, from the
    # first byte, even where a file of that name existed before with wider rights.
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, OWNER_ONLY)
    os.fchmod(descriptor, OWNER_ONLY)
    try:
        with os.fdopen(descriptor, "wb") as raw:
            encrypter = EncryptingWriter(raw, keys[0]) if keys else None
            with tarfile.open(fileobj=encrypter or raw, mode="w|gz") as archive:
                counts, files, missing = _write_archive(archive, encrypted=bool(keys))
            if encrypter is not None:
                encrypter.finish()
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupSummary(
        rows=counts,
        files=files,
        missing_files=missing,
        encrypted=bool(keys),
        size=path.stat().st_size,
    )


def backup_name(moment: datetime | None = None, *, encrypted: bool) -> str:
    moment = (moment or timezone.now()).astimezone(UTC)
    return f"{_NAME_PREFIX}{moment.strftime(_STAMP)}{_SUFFIXES[0 if encrypted else 1]}"


def _written_at(name: str) -> datetime | None:
    if not name.startswith(_NAME_PREFIX):
        return None
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            stamp = name.removeprefix(_NAME_PREFIX).removesuffix(suffix)
            try:
                return datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
            except ValueError:
                return None
    return None


def backups_prune(directory: Path, *, keep_days: int, now: datetime | None = None) -> list[Path]:
    """Delete the backups `backup --directory` wrote more than `keep_days` days ago (by the
    time in their names; other files are left alone), never the newest. Returns them."""
    now = now or timezone.now()
    dated = sorted(
        (written, entry)
        for entry in Path(directory).iterdir()
        if entry.is_file() and (written := _written_at(entry.name)) is not None
    )
    removed = []
    for written, entry in dated[:-1]:
        if written < now - timedelta(days=keep_days):
            entry.unlink()
            removed.append(entry)
    return removed


# --- Restore ------------------------------------------------------------------------------


@dataclass
class _Unpacked:
    data: Path
    files: list[dict[str, str]] = field(default_factory=list)
    media: Path | None = None


class _Prepended(io.RawIOBase):
    """`head` followed by the rest of `stream`: bytes read to recognise a format, given back."""

    def __init__(self, head: bytes, stream: io.BufferedIOBase) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        chunk = self._stream.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _clear_stream(raw: BinaryIO) -> IO[bytes]:
    """The backup's gzip stream, decrypted if it is encrypted."""
    start = raw.read(len(STREAM_MAGIC))
    raw.seek(0)
    if start == STREAM_MAGIC:
        keys = list(settings.BACKUP_ENCRYPTION_KEYS)
        if not keys:
            raise RestoreRefusedError(
                "This backup is encrypted: set BACKUP_ENCRYPTION_KEY to the key it was "
                "written with (or a list of keys that includes it)."
            )
        if problem := key_problem("BACKUP_ENCRYPTION_KEY", keys):
            raise RestoreRefusedError(problem)
        try:
            return io.BufferedReader(DecryptingReader(raw, keys), buffer_size=1024 * 1024)
        except DecryptionError as error:
            raise RestoreRefusedError(f"This backup cannot be decrypted: {error}") from error
    if start[:2] != _GZIP_MAGIC:
        raise RestoreRefusedError("This file is not a backup of the platform.")
    return raw


def _safe_media_path(root: Path, name: str) -> Path:
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise RestoreRefusedError(f"The backup names a file outside the media: {name!r}.")
    return root.joinpath(*relative.parts)


def _unpack(path: Path, into: Path) -> _Unpacked:
    """Decrypt and unpack the backup at `path` into the private directory `into`, checking it
    whole before anything is restored."""
    with open(path, "rb") as raw:
        stream = gzip.GzipFile(fileobj=_clear_stream(raw), mode="rb")
        try:
            head = stream.read(64)
            if head.lstrip().startswith(b"["):
                # The first format: the rows alone.
                data = into / "data.json"
                with open(data, "wb") as target:
                    target.write(head)
                    shutil.copyfileobj(stream, target)
                return _Unpacked(data=data)
            prepended = io.BufferedReader(_Prepended(head, stream))
            with tarfile.open(fileobj=prepended, mode="r|") as archive:
                archive.extractall(into / "archive", filter="data")
        except RestoreRefusedError:
            raise
        except DecryptionError as error:
            raise RestoreRefusedError(f"This backup cannot be decrypted: {error}") from error
        except (OSError, EOFError, tarfile.TarError, gzip.BadGzipFile) as error:
            raise RestoreRefusedError(
                f"The backup file is damaged or incomplete ({error})."
            ) from error
    root = into / "archive"
    try:
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise RestoreRefusedError("The backup has no readable manifest.") from error
    if manifest.get("format") != FORMAT:
        raise RestoreRefusedError("This file is not a backup of the platform.")
    if manifest.get("version", 0) > VERSION:
        raise RestoreRefusedError(
            f"This backup was written by a newer version of the platform (format "
            f"{manifest['version']}); upgrade the platform before restoring it."
        )
    media = root / "media"
    for entry in manifest["files"]:
        if not _safe_media_path(media, entry["name"]).is_file():
            raise RestoreRefusedError(f"The backup lacks the uploaded file {entry['name']!r}.")
    if not (root / "data.json").is_file():
        raise RestoreRefusedError("The backup holds no rows (data.json is missing).")
    return _Unpacked(data=root / "data.json", files=manifest["files"], media=media)


@dataclass(frozen=True)
class RestoreSummary:
    rows: dict[str, int]
    files: int


def _refuse_unless_empty() -> None:
    occupied = {label: count for label, count in row_counts().items() if count}
    if occupied:
        listing = ", ".join(f"{label}: {count}" for label, count in occupied.items())
        raise RestoreRefusedError(
            f"The database is not empty ({listing}). "
            "Restore into a freshly migrated, empty database."
        )


def _put_file(storage: Storage, name: str, source: Path) -> None:
    if storage.exists(name):
        storage.delete(name)
    with open(source, "rb") as handle:
        saved = storage.save(name, File(handle, name=name))
    if saved != name:
        raise RestoreRefusedError(f"The storage saved {name!r} as {saved!r}; restore undone.")


def backup_restore(path: Path) -> RestoreSummary:
    """Load a backup into this database, which must be migrated and empty, and put its
    uploaded files back into the storage. Nothing is written unless the whole file is
    readable and authentic (the key is right, nothing is damaged)."""
    _refuse_unless_empty()
    with tempfile.TemporaryDirectory(prefix="inspir-restore-") as scratch:
        unpacked = _unpack(Path(path), Path(scratch))
        with transaction.atomic():
            _refuse_unless_empty()
            # loaddata resets the primary-key sequences afterwards.
            management.call_command("loaddata", str(unpacked.data), verbosity=0)
            for check in _after_restore:
                check()
            if unpacked.media is not None:
                for entry in unpacked.files:
                    _put_file(
                        _storage_of(entry["field"]),
                        entry["name"],
                        _safe_media_path(unpacked.media, entry["name"]),
                    )
            return RestoreSummary(rows=row_counts(), files=len(unpacked.files))


def fingerprints() -> list[str]:
    """The fingerprints of the configured backup keys, newest first (for the commands)."""
    return [key_fingerprint(key) for key in settings.BACKUP_ENCRYPTION_KEYS]
