import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from inspir.core.encryption import GENERATE_KEY_COMMAND

ROOT = Path(__file__).resolve().parents[3]


def start_production(**variables: str) -> subprocess.CompletedProcess:
    """Load the production settings in a fresh process with only these key variables set."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") and not name.endswith("ENCRYPTION_KEY")
    }
    environment = {**inherited, "DJANGO_SECRET_KEY": secrets.token_urlsafe(64), **variables}
    return subprocess.run(
        [sys.executable, "-c", "import config.settings.production"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "variables",
    [
        {},
        {"SECRETS_ENCRYPTION_KEY": "a long passphrase is not a key"},
        {"SECRETS_ENCRYPTION_KEY": f"{Fernet.generate_key().decode()},not-a-key"},
        {"SECRETS_ENCRYPTION_KEY": Fernet.generate_key().decode(), "BACKUP_ENCRYPTION_KEY": "x"},
    ],
    ids=["missing", "not a key", "a former key is not a key", "backup key not a key"],
)
def test_production_refuses_to_start_without_valid_keys_and_says_how_to_make_one(variables):
    result = start_production(**variables)

    assert result.returncode != 0
    assert "ENCRYPTION_KEY" in result.stderr
    assert GENERATE_KEY_COMMAND in result.stderr


def test_production_refuses_the_published_development_key():
    from django.conf import settings

    result = start_production(SECRETS_ENCRYPTION_KEY=settings.DEVELOPMENT_SECRETS_ENCRYPTION_KEY)

    assert result.returncode != 0
    assert "published development key" in result.stderr


def test_production_starts_with_keys_of_its_own():
    keys = ",".join(Fernet.generate_key().decode() for _ in range(2))

    result = start_production(SECRETS_ENCRYPTION_KEY=keys, BACKUP_ENCRYPTION_KEY=keys)

    assert result.returncode == 0, result.stderr


def test_the_key_command_in_the_messages_makes_a_key_production_accepts():
    # The very command line the message tells operators to type.
    made = subprocess.run(  # noqa: S602
        GENERATE_KEY_COMMAND.replace("python", sys.executable, 1),
        shell=True,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()

    assert start_production(SECRETS_ENCRYPTION_KEY=made).returncode == 0
