"""Compile the FR, EN and ES message catalogues, or check that they are complete.

Pure Python (Babel), so a fresh machine needs no GNU gettext to run the platform.
`--check` fails on any untranslated or fuzzy entry, on a message in the code that the
catalogues lack (this part needs GNU gettext's xgettext, as makemessages does), and on
placeholders that differ between a message and its translation."""

import os
import re
import shutil
import subprocess  # noqa: S404
import sys
import tempfile
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\{ *\w+ *\}\}|%[sd]")


def catalogue_paths() -> list[Path]:
    paths = []
    for root in settings.LOCALE_PATHS:
        for code, _name in settings.LANGUAGES:
            paths.append(Path(root) / code / "LC_MESSAGES" / "django.po")
    return paths


def catalogue_problems(path: Path) -> list[str]:
    problems = []
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        label = ids[0][:60]
        if message.fuzzy:
            problems.append(f"{path}: fuzzy: {label!r}")
        if not all(strings):
            problems.append(f"{path}: untranslated: {label!r}")
            continue
        wanted = sorted(PLACEHOLDER.findall(str(ids[-1])))
        for string in strings:
            if sorted(PLACEHOLDER.findall(str(string))) != wanted and len(strings) == 1:
                problems.append(f"{path}: placeholders differ: {label!r}")
    return problems


def message_ids(path: Path) -> set[str]:
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    return {
        str(message.id[0] if isinstance(message.id, tuple) else message.id)
        for message in catalogue
        if message.id
    }


def messages_missing_from_catalogues() -> list[str]:
    """Extract the code's messages into a scratch copy and list those the catalogues lack."""
    locale = Path(settings.LOCALE_PATHS[0])
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "locale"
        shutil.copytree(locale, copy)
        command = [sys.executable, "manage.py", "makemessages", "--no-location", "-l", "en"]
        command += ["--ignore", ".venv/*", "--ignore", "node_modules/*"]
        # Without this, makemessages would find ./locale itself and write there.
        command += ["--ignore", "staticfiles/*", "--ignore", "locale"]
        environment = {**os.environ, "INSPIR_LOCALE_DIR": str(copy)}
        subprocess.run(command, check=True, env=environment, capture_output=True)  # noqa: S603
        extracted = message_ids(copy / "en" / "LC_MESSAGES" / "django.po")
    known = message_ids(locale / "en" / "LC_MESSAGES" / "django.po")
    return sorted(extracted - known)


class Command(BaseCommand):
    help = "Compile the translation catalogues; with --check, fail if any is incomplete."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--check", action="store_true")

    def handle(self, *args: Any, check: bool = False, **options: Any) -> None:
        problems: list[str] = []
        for path in catalogue_paths():
            if not path.exists():
                problems.append(f"{path}: missing")
                continue
            if check:
                problems.extend(catalogue_problems(path))
            with path.open("rb") as handle:
                catalogue = read_po(handle)
            with path.with_suffix(".mo").open("wb") as handle:
                write_mo(handle, catalogue, use_fuzzy=False)
        if check:
            problems.extend(
                f"not in the catalogues (run `make messages`): {message[:60]!r}"
                for message in messages_missing_from_catalogues()
            )
        if problems:
            raise CommandError("\n".join(["Translation catalogues are incomplete:", *problems]))
        if check:
            self.stdout.write(f"{len(catalogue_paths())} catalogues complete.")
