"""The deployment guide, run as written.

`docs/deployment.md` marks the shell blocks a volunteer runs (`<!-- deployment-test: NAME -->`
before a ```sh block). The tests marked `deployment` take those blocks from the guide and run
them with bash, in order, against a fresh PostgreSQL database and Redis, with the service
units' commands (`deploy/systemd/`) started as plain processes, since the test machine has no
init system. The guide's paths are mapped to a temporary directory; everything else (the
environment file's template, the settings it selects, the commands) is the guide's own.

- A new installation: environment file, tables and static files, `check --deploy`, the app
  server and two workers from the units, the health check, the first administrator who
  chooses a password and must set up a second factor; the worker runs without DEBUG and each
  periodic job once.
- An upgrade from each release CHANGELOG.md names with its commit: its code migrates a
  database and loads data; the guide's upgrade steps move it to this version with the data
  intact and people still able to log in with their second factor; the guide's roll-back
  brings that version back from the backup.

They need PostgreSQL (DATABASE_URL) and Redis (REDIS_URL, or Redis on 127.0.0.1:6379); CI
runs them once, in its production-profile pass. The other tests here check the unit files
and the proxy samples, anywhere."""

import configparser
import contextlib
import http.client
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg
import pytest
import redis
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from bs4 import BeautifulSoup
from psycopg import sql

from config.environment import parse
from inspir import __version__
from inspir.core.tests.app_servers import free_port, wait_until_up

ROOT = Path(__file__).resolve().parents[3]
GUIDE = ROOT / "docs" / "deployment.md"
UNITS = ROOT / "deploy" / "systemd"
INSTALL_DIR = "/srv/inspir"
# The commands the service units run, from the code's directory; the tests start exactly these.
WEB_COMMAND = [".venv/bin/gunicorn", "config.wsgi", "--config", "deploy/gunicorn.conf.py"]
WORKER_COMMAND = [".venv/bin/python", "manage.py", "run_worker"]
GUIDE_BLOCKS = {"env-file", "install", "verify", "first-admin", "upgrade-backup", "upgrade"}
GUIDE_BLOCKS |= {"rollback"}
PUBLIC_HOST = "inspir.example.org"
SCHEDULE_INTERVAL = 10  # run_worker's default --schedule-interval
BLOCK = re.compile(
    r"<!-- deployment-test: (?P<name>[\w-]+) -->\n"
    r"(?P<indent>[ ]*)```sh\n(?P<body>.*?)\n(?P=indent)```",
    re.S,
)


# --- The guide, the units and the samples ------------------------------------------------------


def guide_blocks() -> dict[str, str]:
    blocks = {}
    for match in BLOCK.finditer(GUIDE.read_text(encoding="utf-8")):
        indent = len(match["indent"])
        blocks[match["name"]] = "\n".join(line[indent:] for line in match["body"].splitlines())
    return blocks


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # systemd keys are case-sensitive
    parser.read_string((UNITS / name).read_text(encoding="utf-8"))
    return parser


def unit_command(name: str) -> list[str]:
    """The unit's ExecStart, relative to its WorkingDirectory."""
    service = unit(name)["Service"]
    prefix = service["WorkingDirectory"].rstrip("/") + "/"
    return [part.removeprefix(prefix) for part in shlex.split(service["ExecStart"])]


def test_the_guide_marks_the_blocks_the_deployment_test_runs():
    assert set(guide_blocks()) == GUIDE_BLOCKS


@pytest.mark.parametrize(
    ("name", "command"),
    [("inspir-web.service", WEB_COMMAND), ("inspir-worker.service", WORKER_COMMAND)],
)
def test_the_service_units_run_the_commands_the_guide_names_hardened(name, command):
    service = unit(name)["Service"]

    assert unit_command(name) == command
    assert " ".join(command) in GUIDE.read_text(encoding="utf-8")
    assert service["WorkingDirectory"] == INSTALL_DIR
    assert service["EnvironmentFile"] == "/etc/inspir/inspir.env"
    assert (service["User"], service["Group"]) == ("inspir", "inspir")
    assert service["NoNewPrivileges"] == "yes"
    assert service["ProtectSystem"] == "strict"
    assert service["ReadWritePaths"] == "/var/lib/inspir"
    assert service["CapabilityBoundingSet"] == ""
    assert unit(name)["Install"]["WantedBy"] == "multi-user.target"


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="needs systemd-analyze")
def test_systemd_accepts_the_service_units(tmp_path):
    for name in ("inspir-web.service", "inspir-worker.service"):
        text = (UNITS / name).read_text(encoding="utf-8").replace(INSTALL_DIR, str(ROOT))
        (tmp_path / name).write_text(text, encoding="utf-8")

    result = subprocess.run(
        [shutil.which("systemd-analyze") or "", "verify", *sorted(map(str, tmp_path.iterdir()))],
        capture_output=True,
        text=True,
        check=False,
    )

    assert (result.returncode, result.stderr) == (0, "")


def test_the_app_server_listens_on_loopback_and_logs_each_request():
    import runpy

    configuration = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))

    assert configuration["bind"] == "127.0.0.1:8000"
    assert "%({x-request-id}o)s" in configuration["access_log_format"]
    assert "%(s)s" in configuration["access_log_format"]
    assert "%(M)s" in configuration["access_log_format"]


def test_the_proxy_samples_report_the_client_and_keep_the_host():
    nginx = (ROOT / "deploy" / "proxy" / "nginx.conf").read_text(encoding="utf-8")

    # Appended, so that the last entry is the proxy's own view (TRUSTED_PROXY_COUNT=1).
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in nginx
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in nginx
    assert "proxy_set_header Host $host;" in nginx
    assert "client_max_body_size" in nginx
    assert "reverse_proxy 127.0.0.1:8000" in (ROOT / "deploy" / "proxy" / "Caddyfile").read_text()


# --- Running the guide ---------------------------------------------------------------------------


class Machine:
    """The guide's paths mapped into a temporary directory, and the commands run there."""

    def __init__(self, base: Path, code: Path = ROOT) -> None:
        self.base = base
        self.code = code
        self.env_file = base / "etc" / "inspir" / "inspir.env"
        self.var = base / "var" / "lib" / "inspir"
        for directory in (self.env_file.parent, self.var / "media", self.var / "backups"):
            directory.mkdir(parents=True, exist_ok=True)
        self.port = free_port()

    def paths(self, text: str, code: Path | None = None) -> str:
        return (
            text.replace(INSTALL_DIR, str(code or self.code))
            .replace("/etc/inspir", str(self.env_file.parent))
            .replace("/var/lib/inspir", str(self.var))
            .replace("127.0.0.1:8000", f"127.0.0.1:{self.port}")
        )

    def environment(self, **extra: str) -> dict[str, str]:
        """A clean machine's environment: none of the test run's settings, only the file."""
        kept = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "TMPDIR"}}
        return {**kept, "INSPIR_ENV_FILE": str(self.env_file), **extra}

    def run(self, block: str, code: Path | None = None, **environment: str) -> str:
        """Run one of the guide's blocks with bash, stopping at the first failing command."""
        script = self.paths(guide_blocks()[block], code)
        result = subprocess.run(
            [shutil.which("bash") or "bash", "-euo", "pipefail", "-c", script],
            cwd=self.base,
            env=environment or self.environment(),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, f"{block}:\n{script}\n{result.stdout}\n{result.stderr}"
        return result.stdout + result.stderr

    def write_env_file(self, database: str, smtp_port: int) -> dict[str, str]:
        """The guide's template, with what its "# Change" comments ask changed for this test."""
        self.run("env-file")
        template = self.env_file.read_text(encoding="utf-8")
        changes = {
            "DATABASE_URL": database,
            "REDIS_URL": installation_redis_url(),
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_USE_TLS": "0",
            "GUNICORN_WORKERS": "1",
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
        }
        assert set(changes) <= to_change(template), "the test changes what the guide keeps"
        lines = [
            f"{line.split('=', 1)[0]}={changes[line.split('=', 1)[0]]}"
            if line.split("=", 1)[0] in changes
            else line
            for line in self.paths(template).splitlines()
        ]
        self.env_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return parse(self.env_file.read_text(encoding="utf-8"))

    @contextlib.contextmanager
    def services(self, workers: int = 0, code: Path | None = None) -> Iterator[list[Path]]:
        """The units' commands as plain processes; yields the files their output goes to."""
        commands = [unit_command("inspir-web.service")]
        commands += [unit_command("inspir-worker.service")] * workers
        logs = [self.base / f"service-{number}.log" for number in range(len(commands))]
        processes = []
        for command, log in zip(commands, logs, strict=True):
            with log.open("w") as output:
                processes.append(
                    subprocess.Popen(
                        command,
                        cwd=code or self.code,
                        env=self.environment(),
                        stdout=output,
                        stderr=subprocess.STDOUT,
                    )
                )
        try:
            wait_until_up(self.port, processes[0])
            yield logs
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=30)


def to_change(template: str) -> set[str]:
    """The variables under a "# Change" comment of the environment file's template."""
    names, changing = set(), False
    for line in template.splitlines():
        if line.startswith("# Change"):
            changing = True
        elif not line.strip():
            changing = False
        elif changing and not line.startswith("#"):
            names.add(line.split("=", 1)[0])
    return names


def cannot_run(reason: str) -> None:
    """Skip, or fail where the deployment test must run (CI sets INSPIR_REQUIRE_DEPLOYMENT)."""
    if os.environ.get("INSPIR_REQUIRE_DEPLOYMENT"):
        pytest.fail(f"The deployment test cannot run: {reason}")
    pytest.skip(reason)


def redis_url() -> str:
    return os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


# The installations under test keep their cache in a Redis database of their own, emptied
# before each: a two-factor code used by one installation's test is remembered there as
# used, and the next installation's test may log in within the same 30 seconds.
INSTALLATION_REDIS_DB = 13


def installation_redis_url() -> str:
    parts = urlsplit(redis_url())
    return f"{parts.scheme}://{parts.netloc}/{INSTALLATION_REDIS_DB}"


def postgres_server() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        cannot_run("it needs PostgreSQL (DATABASE_URL): CI's production-profile pass runs it")
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def database() -> Iterator[str]:
    """A new, empty PostgreSQL database; its URL."""
    server = postgres_server()
    host, port = urlsplit(redis_url()).hostname or "127.0.0.1", urlsplit(redis_url()).port
    try:
        socket.create_connection((host, port or 6379), timeout=2).close()
    except OSError:
        cannot_run("it needs Redis (REDIS_URL)")
    redis.Redis.from_url(installation_redis_url()).flushdb()
    name = f"inspir_deployment_{os.getpid()}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def recreate(database_url: str) -> None:
    """What the guide's roll-back does as root: drop the database, create it empty."""
    server, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def query(database_url: str, statement: str, *parameters: object) -> list[tuple]:
    with psycopg.connect(database_url) as connection:
        return connection.execute(statement, parameters).fetchall()  # type: ignore[arg-type]


class Browser:
    """Just enough of a browser behind the proxy: the proxy's headers, cookies, CSRF."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {
            # What the guide's nginx sample adds.
            "Host": PUBLIC_HOST,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "203.0.113.7",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        body = None
        if form is not None:
            body = urlencode({**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{PUBLIC_HOST}"
            headers["Referer"] = f"https://{PUBLIC_HOST}{path}"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        page = response.read().decode("utf-8", "replace")
        location = urlsplit(response.getheader("Location", "")).path
        return response.status, location, page, response.getheader("X-Request-ID", "")

    def get(self, path: str) -> tuple[str, str]:
        """Follow redirects; the final path and page."""
        for _hop in range(10):
            status, location, page, _ = self.request("GET", path)
            if status not in {301, 302}:
                assert status == 200, (status, path)
                return path, page
            path = location
        raise AssertionError("too many redirects")


def field(page: str, selector: str) -> str:
    found = BeautifulSoup(page, "html.parser").select_one(selector)
    assert found is not None, selector
    return str(found.get("value", ""))


def code_for(secret: str) -> str:
    """The code an authenticator app shows for the next 30 seconds (accepted now too), so
    that it was never used before."""
    return format_hotp_value(hotp_value(secret, int(time.time() // 30) + 1))


def started_line(log: Path) -> str:
    """The line the worker starts with, naming its version and settings."""
    lines = [line for line in log.read_text().splitlines() if " worker " in line]
    return lines[0] if lines and lines[0].startswith("INSP!R ") else ""


ADMIN_PAGE_SERVED = re.compile(
    r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ INFO gunicorn\.access: \[[0-9a-f]{32}\] "
    r'203\.0\.113\.7 "GET /fr/admin/ HTTP/1\.1" 200 \d+ \d+ms'
)


def wait_for(condition, what: str, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.25)
    raise AssertionError(f"waited {seconds} s for {what}")


# --- A new installation --------------------------------------------------------------------------


@pytest.mark.deployment
def test_a_new_installation_follows_the_guide(tmp_path, database, mailbox):
    machine = Machine(tmp_path)
    settings = machine.write_env_file(database, mailbox.port)
    assert settings["DJANGO_SETTINGS_MODULE"] == "config.settings.production"

    installed = machine.run("install")
    assert "System check identified no issues" in installed

    with machine.services(workers=2) as (web_log, *worker_logs):
        # The health check, as the proxy will ask it.
        assert '"status": "ok"' in machine.run("verify")

        # Each worker runs the production settings, without DEBUG.
        for log in worker_logs:
            first_line = wait_for(lambda log=log: started_line(log), "the worker's first line")
            assert "settings config.settings.production, DEBUG off" in first_line
            assert "task queue database, schedule on" in first_line

        # The first administrator: a link to choose the password, then the second factor.
        output = machine.run("first-admin")
        (link,) = re.findall(
            rf"https://{re.escape(PUBLIC_HOST)}(/\S+/accounts/password/reset/key/\S+/)", output
        )
        browser = Browser(machine.port)
        form_path, _ = browser.get(link)
        password = "a long password only Awa knows"
        status, location, _, _ = browser.request(
            "POST", form_path, {"password1": password, "password2": password}
        )
        assert (status, location) == (302, "/fr/accounts/password/reset/key/done/")

        browser.get("/fr/accounts/login/")
        status, _, _, _ = browser.request(
            "POST", "/fr/accounts/login/", {"login": "it@inspir.example.org", "password": password}
        )
        assert status == 302
        activate = "/fr/accounts/2fa/totp/activate/"
        for internal in ("/fr/", "/fr/admin/", "/fr/accounts/profile/"):
            status, location, _, _ = browser.request("GET", internal)
            assert (status, location) == (302, activate), internal
        _, page = browser.get(activate)
        secret = field(page, "#authenticator_secret")
        status, _, _, _ = browser.request("POST", activate, {"code": code_for(secret)})
        assert status == 302
        admin_path, admin_page = browser.get("/fr/admin/")
        assert admin_path == "/fr/admin/" and __version__ in admin_page

        # Each periodic job runs once, though two workers look at the schedule: the jobs that
        # repeat (mail, reminders, digests) are due at once, and both workers have looked at
        # the schedule again since mail ran.
        finished = wait_for(
            lambda: query(
                database,
                "SELECT last_finished_at, last_outcome FROM core_scheduledjob WHERE name = %s "
                "AND last_finished_at IS NOT NULL",
                "send_pending_mail",
            ),
            "the mail job",
        )
        assert finished[0][1].startswith("succeeded"), finished
        time.sleep(SCHEDULE_INTERVAL + 2)
        runs = query(
            database,
            "SELECT args_kwargs FROM django_tasks_database_dbtaskresult WHERE task_path LIKE %s",
            "%scheduled_job_run",
        )
        jobs = [
            (json.loads(run) if isinstance(run, str) else run)["kwargs"]["job_id"]
            for (run,) in runs
        ]
        assert jobs and len(jobs) == len(set(jobs)), jobs

    # One access line per request, with its time, request id, client, status and duration.
    access = [line for line in web_log.read_text().splitlines() if "gunicorn.access" in line]
    assert any(ADMIN_PAGE_SERVED.match(line) for line in access), access[-5:]


# --- An upgrade from the previous release --------------------------------------------------------


def releases() -> list[tuple[str, str]]:
    """Every release CHANGELOG.md names with its commit (version, commit), newest first: the
    release being prepared, or the one this commit is, has no commit named yet."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return re.findall(r"^## (\d+\.\d+\.\d+) - \S+\n\nCommit `([0-9a-f]{40})`", text, re.M)


@contextlib.contextmanager
def checkout(commit: str, directory: Path) -> Iterator[Path]:
    """The release's code in a git worktree, as `git checkout vX.Y.Z` gives it, with this
    virtual environment."""
    git = shutil.which("git") or "git"
    known = subprocess.run(
        [git, "cat-file", "-e", f"{commit}^{{commit}}"], cwd=ROOT, capture_output=True, check=False
    )
    if known.returncode:
        cannot_run(
            f"the checkout lacks the previous release's commit {commit} (fetch the history: "
            "git fetch --unshallow)"
        )
    subprocess.run(
        [git, "worktree", "add", "--detach", str(directory), commit],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    try:
        (directory / ".venv").symlink_to(ROOT / ".venv")
        yield directory
    finally:
        subprocess.run(
            [git, "worktree", "remove", "--force", str(directory)],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )


COUNTED = [
    "accounts_user",
    "mfa_authenticator",
    "network_network",
    "network_organisation",
    "network_membership",
    "governance_meeting",
    "governance_decision",
    "core_auditentry",
]
DEMO_COORDINATOR = "coordinator@example.org"
DEMO_PASSWORD = "inspir-demo-2020"
DEMO_SECRET = "INSPIRDEMOCODESAJBSWY3DPEHPK3PXP"


def counts(database_url: str) -> dict[str, int]:
    with psycopg.connect(database_url) as connection:
        return {
            table: connection.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
            ).fetchone()[0]  # type: ignore[index]
            for table in COUNTED
        }


@pytest.mark.deployment
@pytest.mark.parametrize("version, commit", releases())
def test_an_upgrade_from_an_earlier_release_follows_the_guide(
    tmp_path, database, mailbox, version, commit
):
    with contextlib.ExitStack() as stack:
        upgrade_from(version, commit, stack, tmp_path, database, mailbox)


def upgrade_from(version, commit, stack, tmp_path, database, mailbox):
    old = stack.enter_context(checkout(commit, tmp_path / f"inspir-{version}"))
    machine = Machine(tmp_path / "machine")
    settings = machine.write_env_file(database, mailbox.port)
    # The previous release reads no environment file: its variables are exported.
    old_environment = {**machine.environment(), **settings}

    # The previous release, installed, with people and their authenticators (the demo).
    subprocess.run(
        [".venv/bin/python", "manage.py", "migrate", "--no-input"],
        cwd=old,
        env=old_environment,
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [".venv/bin/python", "manage.py", "load_demo"],
        cwd=old,
        env={**old_environment, "DJANGO_SETTINGS_MODULE": "config.settings.dev"},
        check=True,
        capture_output=True,
    )
    before = counts(database)
    assert before["mfa_authenticator"] > 0 and before["governance_meeting"] > 0

    # The guide's upgrade: a backup with the release installed, then this version's steps.
    noted = machine.run("upgrade-backup", old, **old_environment)
    assert f"v{version}" in noted or commit[:7] in noted  # the version to go back to
    upgraded = machine.run("upgrade")
    assert "System check identified no issues" in upgraded
    assert counts(database) == before

    # People log in as before, their authenticator app included.
    with machine.services():
        browser = Browser(machine.port)
        browser.get("/en/accounts/login/")
        status, location, _, _ = browser.request(
            "POST", "/en/accounts/login/", {"login": DEMO_COORDINATOR, "password": DEMO_PASSWORD}
        )
        assert (status, location) == (302, "/en/accounts/2fa/authenticate/")
        browser.get(location)
        status, _, _, _ = browser.request("POST", location, {"code": code_for(DEMO_SECRET)})
        assert status == 302
        path, page = browser.get("/en/accounts/invitations/")
        assert path == "/en/accounts/invitations/"

    # The guide's roll-back: the previous release again, from the backup, as it was.
    recreate(database)
    machine.run("rollback", old, **old_environment)
    assert counts(database) == before
