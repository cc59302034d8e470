"""One way to select the settings: the deployment's environment file, read by `manage.py`
(every command, the worker) and by the app server, before Django chooses its settings."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from config.environment import EnvironmentFileError, parse

ROOT = Path(__file__).resolve().parents[3]
SHOW_SETTINGS = (
    "from django.conf import settings; "
    "print(settings.SETTINGS_MODULE, settings.DEBUG, settings.ALLOWED_HOSTS)"
)


def clean_environment(**extra: str) -> dict[str, str]:
    """The process environment without the test run's own Django settings."""
    inherited = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and k not in {"INSPIR_ENV_FILE", "DATABASE_URL"}
    }
    return {**inherited, **extra}


def run(command: list[str], environment: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )


@pytest.fixture
def production_file(tmp_path) -> Path:
    path = tmp_path / "inspir.env"
    path.write_text(
        "# The deployment's settings\n"
        "DJANGO_SETTINGS_MODULE=config.settings.production\n"
        f"DJANGO_SECRET_KEY='{secrets.token_urlsafe(64)}'\n"
        f"SECRETS_ENCRYPTION_KEY={Fernet.generate_key().decode()}\n"
        "\n"
        "DJANGO_ALLOWED_HOSTS=inspir.example.org\n"
        'DEFAULT_FROM_EMAIL="INSP!R <no-reply@inspir.example.org>"\n'
        "EMAIL_HOST=smtp.example.org\n"
        f"DATABASE_URL=sqlite:///{tmp_path / 'db.sqlite3'}\n"
    )
    return path


def test_the_file_says_what_systemd_would_read():
    values = parse(
        "# comment\n\nexport A=1\nB = two words\nC='quoted # not a comment'\nD=\"x=y\"\nE=\n"
    )

    assert values == {
        "A": "1",
        "B": "two words",
        "C": "quoted # not a comment",
        "D": "x=y",
        "E": "",
    }


def test_a_line_that_is_not_a_setting_is_refused_with_its_number():
    with pytest.raises(EnvironmentFileError, match="line 2"):
        parse("A=1\nthis is not a setting\n")


def test_every_command_runs_with_the_settings_the_file_names(production_file):
    result = run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", SHOW_SETTINGS],
        clean_environment(INSPIR_ENV_FILE=str(production_file)),
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "config.settings.production",
        "False",
        "['inspir.example.org']",
    ]


def test_the_app_server_reads_the_same_file(production_file):
    result = run(
        [sys.executable, "-c", f"import config.wsgi; {SHOW_SETTINGS}"],
        clean_environment(INSPIR_ENV_FILE=str(production_file)),
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "config.settings.production"


def test_a_variable_set_in_the_process_wins_over_the_file(production_file):
    result = run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", SHOW_SETTINGS],
        clean_environment(
            INSPIR_ENV_FILE=str(production_file), DJANGO_ALLOWED_HOSTS="other.example.org"
        ),
    )

    assert result.stdout.split()[-1] == "['other.example.org']"


def test_the_deployment_check_passes_with_the_file(production_file):
    result = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        clean_environment(INSPIR_ENV_FILE=str(production_file)),
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_without_a_file_the_deployment_check_says_how_to_select_production():
    result = run(
        [sys.executable, "manage.py", "check", "--deploy"],
        clean_environment(INSPIR_ENV_FILE=""),
    )

    assert result.returncode != 0
    assert "inspir.E001" in result.stderr
    assert "DJANGO_SETTINGS_MODULE=config.settings.production" in result.stderr


def test_a_named_file_that_is_missing_stops_every_command(tmp_path):
    result = run(
        [sys.executable, "manage.py", "check"],
        clean_environment(INSPIR_ENV_FILE=str(tmp_path / "missing.env")),
    )

    assert result.returncode != 0
    assert "missing.env: no such file" in result.stderr


def test_production_refuses_to_start_with_debug_on(production_file):
    with production_file.open("a") as handle:
        handle.write("DJANGO_DEBUG=1\n")

    result = run(
        [sys.executable, "manage.py", "check"],
        clean_environment(INSPIR_ENV_FILE=str(production_file)),
    )

    assert result.returncode != 0
    assert "DJANGO_DEBUG is on" in result.stderr
