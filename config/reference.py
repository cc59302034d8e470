"""The configuration reference, `docs/configuration.md`, generated from the code so that it
cannot drift: every environment variable the settings (and the entry points and the app
server's configuration) read is found in their source, with its default, and described once,
in `VARIABLES` below.

    python -m config.reference           # rewrite docs/configuration.md (make configuration)
    python -m config.reference --check   # fail if it is not what the code says

`inspir/core/tests/test_configuration_reference.py` fails when a variable is read without a
description here, described without being read, or when the document is out of date."""

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = ROOT / "docs" / "configuration.md"
# Where variables are read, and what each file is called in the reference.
SOURCES = {
    "manage.py": "commands",
    "config/wsgi.py": "app server",
    "config/environment.py": "every entry point",
    "config/settings/base.py": "every profile",
    "config/settings/dev.py": "development",
    "config/settings/production.py": "production",
    "config/settings/test.py": "tests",
    "config/settings/test_production.py": "tests (production profile)",
    "config/settings/bench.py": "benchmarks",
    "deploy/gunicorn.conf.py": "gunicorn",
}
# Profiles that only adjust another's reads for the test suite or the benchmarks: shown in the
# reference only for variables nothing else reads.
AUXILIARY = {
    "config/settings/test.py",
    "config/settings/test_production.py",
    "config/settings/bench.py",
}
# Calls that read the variable named by their first argument.
READERS = {"os.environ.get", "os.getenv", "os.environ.setdefault"}
READER_PREFIX = "env_"  # the settings' own helpers: env_bool, env_list...
# Calls that read a variable without naming it.
IMPLICIT = {"dj_database_url.config": "DATABASE_URL"}


@dataclass(frozen=True)
class Variable:
    section: str
    meaning: str
    example: str = ""


SECTIONS = [
    "Selecting the settings",
    "Required in production",
    "Web and reverse proxy",
    "Database",
    "Shared cache (Redis)",
    "E-mail",
    "Errors and logs",
    "Worker and health",
    "Uploaded files",
    "Machine translation",
    "Secrets and backups",
    "Privacy and retention",
    "App server (gunicorn)",
    "Development, tests and benchmarks",
]

VARIABLES: dict[str, Variable] = {
    # Selecting the settings
    "INSPIR_ENV_FILE": Variable(
        "Selecting the settings",
        "The environment file every entry point reads (KEY=VALUE lines, as systemd's "
        "`EnvironmentFile=`). Unset: `/etc/inspir/inspir.env` if it exists, else `.env` in the "
        "project's directory if it exists. Empty: no file. Variables already set in the "
        "process's environment win over the file.",
        "/etc/inspir/inspir.env",
    ),
    "DJANGO_SETTINGS_MODULE": Variable(
        "Selecting the settings",
        "The settings profile. A deployment's environment file must say "
        "`config.settings.production`: without it, commands run with the development "
        "settings and `check --deploy` fails with `inspir.E001`.",
        "config.settings.production",
    ),
    # Required in production
    "DJANGO_SECRET_KEY": Variable(
        "Required in production",
        "Signs sessions and links. Production refuses to start without one of 50 characters "
        'or more. Make one with `python -c "import secrets; print(secrets.token_urlsafe(64))"`.',
        "(64 random characters)",
    ),
    "SECRETS_ENCRYPTION_KEY": Variable(
        "Required in production",
        "Fernet key(s), comma-separated, newest first, that encrypt the authenticator secrets "
        "stored in the database; the first encrypts, all decrypt (rotation). Production "
        "refuses to start without one, or with the published development key. Losing it "
        "means everyone sets up their second factor again: keep a copy off the server.",
        "(44 characters from Fernet.generate_key())",
    ),
    "DJANGO_ALLOWED_HOSTS": Variable(
        "Required in production",
        "Host names the platform answers to, comma-separated.",
        "inspir.example.org",
    ),
    "SITE_URL": Variable(
        "Required in production",
        "The address people reach the platform at, for the links in e-mails and calendar "
        "files. `make demo` sets it from `PORT` (`http://127.0.0.1:8000`) unless it is set.",
        "https://inspir.example.org",
    ),
    "DATABASE_URL": Variable(
        "Required in production",
        "The database. PostgreSQL in production; without it, SQLite in `db.sqlite3`.",
        "postgres://inspir:password@127.0.0.1:5432/inspir",
    ),
    "REDIS_URL": Variable(
        "Required in production",
        "The shared cache (log-in limits, used codes, public pages), so that every app process "
        "agrees. Without it, each process has a cache of its own.",
        "redis://127.0.0.1:6379/0",
    ),
    "TASKS_BACKEND": Variable(
        "Required in production",
        "`database` queues background work (e-mail) for the worker (`manage.py run_worker`); "
        "`immediate`, the default, does it inline, in the request.",
        "database",
    ),
    # Web and reverse proxy
    "TRUSTED_PROXY_COUNT": Variable(
        "Web and reverse proxy",
        "How many reverse proxies stand in front of the app servers and append to "
        "`X-Forwarded-For`; log-in limits count the address the nearest of them reports. `0` "
        "only when clients reach gunicorn directly: behind a proxy, `0` makes every visitor "
        "share the proxy's address, and ten wrong passwords from anyone would lock out everyone.",
        "1",
    ),
    "DJANGO_CSRF_TRUSTED_ORIGINS": Variable(
        "Web and reverse proxy",
        "The public origin(s), comma-separated, for forms sent over HTTPS through the proxy.",
        "https://inspir.example.org",
    ),
    "DJANGO_SECURE_SSL_REDIRECT": Variable(
        "Web and reverse proxy",
        "Redirect plain HTTP to HTTPS. Leave on; the proxy usually redirects first anyway.",
        "1",
    ),
    "DJANGO_HSTS_SECONDS": Variable(
        "Web and reverse proxy",
        "How long browsers must use HTTPS only (Strict-Transport-Security).",
        "31536000",
    ),
    "PUBLIC_PAGE_CACHE_SECONDS": Variable(
        "Web and reverse proxy",
        "Public pages are cached for anonymous visitors until the registry changes, and at "
        "most this long; `0` turns the page cache off.",
        "300",
    ),
    "INVITATION_VALID_DAYS": Variable(
        "Web and reverse proxy",
        "How long an invitation link works.",
        "14",
    ),
    # Database
    "DATABASE_CONN_MAX_AGE": Variable(
        "Database",
        "Seconds a database connection is kept open between requests (checked before reuse).",
        "60",
    ),
    # Shared cache
    "REDIS_CONNECT_TIMEOUT": Variable(
        "Shared cache (Redis)",
        "Seconds to wait for a connection to Redis before carrying on without it.",
        "0.5",
    ),
    "REDIS_TIMEOUT": Variable(
        "Shared cache (Redis)",
        "Seconds to wait for an answer from Redis before carrying on without it.",
        "1",
    ),
    "REDIS_RETRY_AFTER": Variable(
        "Shared cache (Redis)",
        "After a failure, Redis is left alone this many seconds: log-in limits are kept in "
        "each process's memory meanwhile (never lifted) and pages are rendered uncached.",
        "30",
    ),
    # E-mail
    "EMAIL_HOST": Variable(
        "E-mail",
        "The SMTP server. Without it, e-mails are written to the console (development only: "
        "`check --deploy` refuses it).",
        "smtp.example.org",
    ),
    "EMAIL_PORT": Variable("E-mail", "The SMTP server's port.", "587"),
    "EMAIL_HOST_USER": Variable("E-mail", "SMTP user name, if the server wants one.", ""),
    "EMAIL_HOST_PASSWORD": Variable("E-mail", "SMTP password, if the server wants one.", ""),
    "EMAIL_USE_TLS": Variable("E-mail", "Use STARTTLS with the SMTP server.", "1"),
    "DEFAULT_FROM_EMAIL": Variable(
        "E-mail", "The sender of the platform's e-mails.", "INSP!R <no-reply@inspir.example.org>"
    ),
    "EMAIL_MAX_ATTEMPTS": Variable(
        "E-mail",
        "How many times a message is tried, with growing delays (1, 5, 15 minutes… about a "
        "day in all for 8), before it is reported as not delivered.",
        "8",
    ),
    "SENT_EMAIL_RETENTION_DAYS": Variable(
        "E-mail",
        "Days the content of sent e-mails is kept (to look into a message or send it again); "
        "`apply_retention` empties it afterwards.",
        "30",
    ),
    # Errors and logs
    "DJANGO_ADMINS": Variable(
        "Errors and logs",
        "Who receives a report of each server error (500) by e-mail, with its traceback and "
        "request id: addresses, comma-separated. Empty: no reports.",
        "it@inspir.example.org",
    ),
    "SERVER_EMAIL": Variable(
        "Errors and logs",
        "The sender of the error reports; `DEFAULT_FROM_EMAIL` when unset.",
        "INSP!R errors <errors@inspir.example.org>",
    ),
    "DJANGO_LOG_LEVEL": Variable(
        "Errors and logs",
        "How much the platform writes to standard output: `WARNING` (default), `INFO`, `DEBUG`.",
        "WARNING",
    ),
    "DJANGO_DEBUG": Variable(
        "Errors and logs",
        "Django's debug pages (tracebacks, settings) for developers. Production refuses to "
        "start with it on.",
        "",
    ),
    # Worker and health
    "HEALTH_TOKEN": Variable(
        "Worker and health",
        "`/health/` tells everyone the overall status; requests with `Authorization: Bearer "
        "<HEALTH_TOKEN>` also get the report on each component. Empty: nobody gets it.",
        "(random characters)",
    ),
    "HEALTH_QUEUE_MAX_AGE": Variable(
        "Worker and health",
        "A queued task waiting longer than this many seconds makes `/health/` report the "
        "worker as not running.",
        "300",
    ),
    "HEALTH_MAIL_MAX_AGE": Variable(
        "Worker and health",
        "An e-mail waiting longer than this many seconds makes `/health/` report that mail is "
        "not leaving.",
        "3600",
    ),
    # Uploaded files
    "DJANGO_MEDIA_ROOT": Variable(
        "Uploaded files",
        "Directory of uploaded files (meeting documents) when no S3 bucket is set.",
        "/var/lib/inspir/media",
    ),
    "MEDIA_S3_BUCKET": Variable(
        "Uploaded files",
        "Keep uploaded files in this S3-compatible bucket instead of on disk.",
        "inspir-media",
    ),
    "MEDIA_S3_ENDPOINT_URL": Variable(
        "Uploaded files", "The S3 service's address, for providers other than AWS.", ""
    ),
    "MEDIA_S3_REGION": Variable("Uploaded files", "The bucket's region.", ""),
    "MEDIA_S3_ACCESS_KEY_ID": Variable("Uploaded files", "The S3 access key.", ""),
    "MEDIA_S3_SECRET_ACCESS_KEY": Variable("Uploaded files", "The S3 secret key.", ""),
    # Machine translation
    "MACHINE_TRANSLATION_URL": Variable(
        "Machine translation",
        "The base address (http or https) of a LibreTranslate server, which translators may "
        "ask for a draft of a member's text; a person reviews every draft. Prefer a server of "
        "your own: each text asked for is sent to it. Empty, the default: machine translation "
        "is off and no text is sent anywhere. Another scheme stops `manage.py check` "
        "(`translations.E001`).",
        "https://translate.inspir.example.org",
    ),
    "MACHINE_TRANSLATION_API_KEY": Variable(
        "Machine translation",
        "The API key the LibreTranslate server asks for, if it asks for one (sent with each "
        "request, never logged).",
        "(the key the server's operator gave)",
    ),
    "MACHINE_TRANSLATION_TIMEOUT": Variable(
        "Machine translation",
        "Seconds to wait for the machine translation service before telling the translator "
        "it did not answer.",
        "20",
    ),
    # Secrets and backups
    "DJANGO_SECRET_KEY_FALLBACKS": Variable(
        "Secrets and backups",
        "Former secret keys, comma-separated, still accepted for what they signed while a new "
        "key takes over (see Rotating the secret key in docs/deployment.md).",
        "",
    ),
    "BACKUP_ENCRYPTION_KEY": Variable(
        "Secrets and backups",
        "Fernet key(s), comma-separated, newest first: backups are encrypted with the first, "
        "and every one decrypts older backups. Empty: backups are not encrypted. Keep a copy "
        "off the server, apart from the backups.",
        "(44 characters from Fernet.generate_key())",
    ),
    "BACKUP_DIR": Variable(
        "Secrets and backups",
        "Where `manage.py backup` without a file name writes (a file named after the time).",
        "/var/backups/inspir",
    ),
    "BACKUP_KEEP_DAYS": Variable(
        "Secrets and backups",
        "Days the backups written to `BACKUP_DIR` are kept before `backup` deletes them.",
        "14",
    ),
    # Privacy and retention
    "ACCOUNT_RETENTION_DAYS": Variable(
        "Privacy and retention",
        "Accounts unused this long are erased by `apply_retention` (run daily by the worker).",
        "730",
    ),
    "NEWSLETTER_UNCONFIRMED_RETENTION_DAYS": Variable(
        "Privacy and retention",
        "Newsletter subscriptions never confirmed are dropped after this many days.",
        "30",
    ),
    # App server
    "GUNICORN_BIND": Variable(
        "App server (gunicorn)",
        "Where gunicorn listens: keep it on loopback, behind the proxy.",
        "127.0.0.1:8000",
    ),
    "GUNICORN_WORKERS": Variable(
        "App server (gunicorn)",
        "Worker processes of the app server: about two per processor core.",
        "3",
    ),
    "GUNICORN_TIMEOUT": Variable(
        "App server (gunicorn)",
        "Seconds a request may take before its worker is restarted.",
        "30",
    ),
    # Development, tests and benchmarks
    "MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN": Variable(
        "Development, tests and benchmarks",
        "Allow security keys over plain HTTP (the demo on 127.0.0.1). Never in production.",
        "",
    ),
    "INSPIR_LOCALE_DIR": Variable(
        "Development, tests and benchmarks",
        "Where the translation catalogues are read from; the catalogue check points it at a "
        "scratch copy. Leave unset.",
        "",
    ),
    "INSPIR_BENCH_DATABASE_URL": Variable(
        "Development, tests and benchmarks",
        "The database of the performance suite (`make bench`).",
        "",
    ),
    "INSPIR_BENCH_STATIC_ROOT": Variable(
        "Development, tests and benchmarks",
        "Where the performance suite collects the static files its gunicorn serves, content-"
        "hashed and compressed as in production (set by `make bench` itself).",
        "",
    ),
    "PYTEST_XDIST_WORKER": Variable(
        "Development, tests and benchmarks",
        "Set by the parallel test run in each of its processes (gw0, gw1…): with the "
        "production profile, each process then uses its own Redis database, the one after "
        "REDIS_URL's plus its number. Never set by hand.",
        "",
    ),
}


@dataclass(frozen=True)
class Read:
    name: str
    source: str  # a key of SOURCES
    line: int
    default: str | None  # the default's source text; None: no default (unset, or required)


class UnreadableVariableError(Exception):
    """A read whose variable cannot be told from the source."""


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level `NAME = "text"` assignments, to resolve `os.environ.get(NAME)`."""
    found = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            found[node.targets[0].id] = node.value.value
    return found


def _reads_in(source: str) -> list[Read]:
    tree = ast.parse((ROOT / source).read_text(encoding="utf-8"))
    constants = _constants(tree)
    # Generic helpers (env_bool's body, the environment file's loader) read variables whose
    # names their callers give: those calls are found at the callers.
    inside_functions = {
        id(node)
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
    }
    reads = []
    for node in ast.walk(tree):
        argument: ast.expr | None = None
        default: ast.expr | None = None
        if isinstance(node, ast.Call):
            called = ast.unparse(node.func)
            if called in IMPLICIT:
                reads.append(Read(IMPLICIT[called], source, node.lineno, None))
                continue
            if called in READERS or called.startswith(READER_PREFIX):
                if not node.args:
                    continue
                argument = node.args[0]
                default = node.args[1] if len(node.args) > 1 else None
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            argument = node.slice
        elif isinstance(node, ast.Compare) and any(
            ast.unparse(comparator) == "os.environ" for comparator in node.comparators
        ):
            argument = node.left
        if argument is None:
            continue
        line = argument.lineno
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            name = argument.value
        elif isinstance(argument, ast.Name) and argument.id in constants:
            name = constants[argument.id]
        elif id(node) in inside_functions:
            continue
        else:
            raise UnreadableVariableError(
                f"{source}:{line}: cannot tell which variable `{ast.unparse(node)}` "
                "reads: name it with a string."
            )
        reads.append(Read(name, source, line, None if default is None else ast.unparse(default)))
    return reads


def reads() -> list[Read]:
    """Every read of an environment variable in the sources, in file and line order."""
    found = [read for source in SOURCES for read in _reads_in(source)]
    return sorted(found, key=lambda read: (list(SOURCES).index(read.source), read.line))


def _default_text(default: str | None) -> str:
    if default is None:
        return "unset"
    try:
        value = ast.literal_eval(default)
    except ValueError:
        return f"`{default}`"
    if value is None:
        return "unset"
    if isinstance(value, bool):
        return "on" if value else "off"
    if value == "":
        return "empty"
    return f"`{value}`"


def _defaults(variable_reads: list[Read]) -> str:
    """The default in each place that gives one, e.g. `0` (every profile), `60` (production)."""
    by_default: dict[str, list[str]] = {}
    for read in variable_reads:
        if read.default is None:
            continue
        by_default.setdefault(_default_text(read.default), [])
        where = SOURCES[read.source]
        if where not in by_default[_default_text(read.default)]:
            by_default[_default_text(read.default)].append(where)
    if not by_default:
        return "unset"
    if len(by_default) == 1:
        return next(iter(by_default))
    return "; ".join(f"{text} ({', '.join(where)})" for text, where in by_default.items())


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render() -> str:
    found = reads()
    lines = [
        "# Configuration reference",
        "",
        "<!-- Generated by `python -m config.reference` (`make configuration`) from the code:",
        "     edit the descriptions in config/reference.py, never this file. -->",
        "",
        "Every setting of the platform that comes from the environment. In a deployment they",
        "are set in the environment file, `/etc/inspir/inspir.env` (see",
        "[deployment.md](deployment.md)); a variable set in the process's environment wins",
        "over the file. *Read by* names the settings profiles or programs that read it;",
        "*default* is what applies when it is unset.",
        "",
    ]
    for section in SECTIONS:
        names = [name for name, variable in VARIABLES.items() if variable.section == section]
        if not names:
            continue
        lines += [
            f"## {section}",
            "",
            "| variable | read by | default | example | meaning |",
            "|---|---|---|---|---|",
        ]
        for name in names:
            variable = VARIABLES[name]
            variable_reads = [read for read in found if read.name == name]
            if any(read.source not in AUXILIARY for read in variable_reads):
                variable_reads = [read for read in variable_reads if read.source not in AUXILIARY]
            read_by = ", ".join(dict.fromkeys(SOURCES[read.source] for read in variable_reads))
            example = f"`{variable.example}`" if variable.example else ""
            lines.append(
                f"| `{name}` | {read_by} | {_cell(_defaults(variable_reads))} | "
                f"{_cell(example)} | {_cell(variable.meaning)} |"
            )
        lines.append("")
    return "\n".join(lines)


def problems() -> list[str]:
    """Variables read without a description, or described without being read."""
    read_names = {read.name for read in reads()}
    missing = sorted(read_names - VARIABLES.keys())
    unread = sorted(VARIABLES.keys() - read_names)
    unsorted = sorted(name for name, v in VARIABLES.items() if v.section not in SECTIONS)
    return (
        [
            f"{name}: read by the settings but not described in config/reference.py"
            for name in missing
        ]
        + [f"{name}: described in config/reference.py but read nowhere" for name in unread]
        + [f"{name}: its section is not one of SECTIONS" for name in unsorted]
    )


def main(arguments: list[str]) -> int:
    found = problems()
    if found:
        print("\n".join(found), file=sys.stderr)
        return 1
    text = render()
    if "--check" in arguments:
        if not DOCUMENT.exists() or DOCUMENT.read_text(encoding="utf-8") != text:
            print(
                f"{DOCUMENT.relative_to(ROOT)} is out of date: run python -m config.reference",
                file=sys.stderr,
            )
            return 1
        return 0
    DOCUMENT.write_text(text, encoding="utf-8")
    print(f"Wrote {DOCUMENT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
