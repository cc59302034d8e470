"""Whole-platform backup and restore.

A backup is every row of every table the platform owns (the registry, accounts, roles,
the audit trail and, as they come, every other app's history), serialised by Django with
natural keys into one gzip-compressed JSON file. It restores into an empty, migrated
database of either engine (SQLite or PostgreSQL), so it doubles as a migration path."""

import gzip
import io
import os
from pathlib import Path

from django.apps import apps
from django.core import management
from django.db import transaction

# Rebuilt by `migrate` on the target, or disposable (form submissions live a few days).
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "core.formsubmission",
]


OWNER_ONLY = 0o600


class RestoreRefusedError(Exception):
    pass


def platform_models() -> list:
    excluded_apps = {label for label in EXCLUDED if "." not in label}
    excluded_models = {label for label in EXCLUDED if "." in label}
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


def backup_write(path: Path) -> dict[str, int]:
    """Write a backup to `path` and return the number of rows per model it holds."""
    buffer = io.StringIO()
    management.call_command(
        "dumpdata",
        *[f"--exclude={label}" for label in EXCLUDED],
        natural_foreign=True,
        natural_primary=False,
        format="json",
        stdout=buffer,
    )
    # It holds password hashes and e-mail addresses: readable by its owner only, even where
    # the file existed before with wider rights.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, OWNER_ONLY)
    os.fchmod(descriptor, OWNER_ONLY)
    with os.fdopen(descriptor, "wb") as raw, gzip.open(raw, "wt", encoding="utf-8") as handle:
        handle.write(buffer.getvalue())
    return row_counts()


@transaction.atomic
def backup_restore(path: Path) -> dict[str, int]:
    """Load a backup into this database, which must be migrated and empty."""
    occupied = {label: count for label, count in row_counts().items() if count}
    if occupied:
        listing = ", ".join(f"{label}: {count}" for label, count in occupied.items())
        raise RestoreRefusedError(
            f"The database is not empty ({listing}). "
            "Restore into a freshly migrated, empty database."
        )
    # loaddata reads .json.gz itself and resets the primary-key sequences afterwards.
    management.call_command("loaddata", str(path), verbosity=0)
    return row_counts()
