"""The deployment's environment file: the one way to select the settings profile.

Every entry point (`manage.py`, hence the worker and every command, and `config/wsgi.py`)
calls `load_environment()` before Django reads its settings. The file holds `KEY=VALUE`
lines, the same syntax as systemd's `EnvironmentFile=`, so the service units and a
command typed by hand see the same configuration. A deployment's file says
`DJANGO_SETTINGS_MODULE=config.settings.production`; without a file, `manage.py` keeps the
development settings (and `check --deploy` says so loudly, see `inspir/core/checks.py`).

Where the file is looked for, first match wins:
1. `INSPIR_ENV_FILE` (an empty value means: no file at all);
2. `/etc/inspir/inspir.env`, if it exists;
3. `.env` in the project's root, if it exists.

Variables already set in the process's environment win over the file, so a one-off
`DJANGO_LOG_LEVEL=INFO manage.py ...` still works."""

import os
import re
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SYSTEM_ENV_FILE = Path("/etc/inspir/inspir.env")
LOCAL_ENV_FILE = PROJECT_ROOT / ".env"
VARIABLE = "INSPIR_ENV_FILE"

_LINE = re.compile(r"^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")


class EnvironmentFileError(Exception):
    pass


def environment_file() -> Path | None:
    """The file this process reads, or None."""
    explicit = os.environ.get(VARIABLE)
    if explicit is not None:
        if not explicit:
            return None
        path = Path(explicit)
        if not path.is_file():
            raise EnvironmentFileError(f"{VARIABLE}={explicit}: no such file.")
        return path
    for candidate in (SYSTEM_ENV_FILE, LOCAL_ENV_FILE):
        if candidate.is_file():
            return candidate
    return None


def parse(text: str, source: str = "environment file") -> dict[str, str]:
    """`KEY=VALUE` lines; blank lines and lines starting with `#` are ignored; a value may be
    wrapped in single or double quotes, which are removed (as systemd does)."""
    values: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if match is None:
            raise EnvironmentFileError(f"{source}, line {number}: expected KEY=VALUE: {line!r}")
        key, value = match.group(1), match.group(2).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key] = value
    return values


def load_environment() -> Path | None:
    """Read the environment file into `os.environ`, never overriding a variable already set.
    Returns the file read, or None when there is none."""
    path = environment_file()
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except PermissionError as error:
        raise EnvironmentFileError(
            f"{path} is not readable by this user: run the command as the service's user "
            f"(sudo -u inspir ...), or set {VARIABLE} to another file."
        ) from error
    for key, value in parse(text, str(path)).items():
        os.environ.setdefault(key, value)
    return path
