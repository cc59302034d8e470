"""The embedded SQLite database takes writes from several processes at once, as when the
demo's server, its task worker and several gunicorn workers share one file (see
docs/decisions/0008-sqlite-concurrent-writes.md).

Four processes start Django with the project's settings against one database file and
each runs many short read-then-write transactions, the pattern of every service (look,
then save). Without `transaction_mode: IMMEDIATE` two such transactions each hold a read
lock and neither may upgrade to write: SQLite fails one at once with "database is
locked", without waiting for the busy timeout."""

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
WRITERS = 4
TRANSACTIONS = 200

# Run in each writer process. It creates its file in `ready/` once Django is set up, then
# waits for `go` so that all writers start together, and prints what its connection uses.
WRITER = """
import json, sys, time
from pathlib import Path

import django

django.setup()

from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.utils import timezone

folder, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
if name == "create":
    with connection.schema_editor() as editor:
        editor.create_model(Session)
    sys.exit()
(folder / "ready" / name).touch()
while not (folder / "go").exists():
    time.sleep(0.01)
for number in range(count):
    with transaction.atomic():
        seen = Session.objects.count()
        Session.objects.create(
            session_key=f"{name}-{number:04d}",
            session_data=str(seen),
            expire_date=timezone.now(),
        )
with connection.cursor() as cursor:
    pragmas = {}
    for pragma in ("journal_mode", "synchronous", "busy_timeout"):
        pragmas[pragma] = cursor.execute(f"PRAGMA {pragma}").fetchone()[0]
print(json.dumps({"transaction_mode": connection.transaction_mode, **pragmas}))
"""


def writer(folder: Path, name: str, count: int = TRANSACTIONS) -> subprocess.Popen:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{folder / 'shared.sqlite3'}",
    }
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), name, str(count)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_several_processes_write_to_one_sqlite_file_without_losing_a_row(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("about the embedded SQLite default; this run uses another database")
    (tmp_path / "ready").mkdir()
    create = writer(tmp_path, "create")
    _, errors = create.communicate(timeout=60)
    assert create.returncode == 0, errors

    processes = [writer(tmp_path, f"w{number}") for number in range(WRITERS)]
    try:
        deadline = time.monotonic() + 60
        while len(list((tmp_path / "ready").iterdir())) < WRITERS:
            assert time.monotonic() < deadline, "the writer processes did not start"
            assert all(process.poll() is None for process in processes), [
                process.communicate()[1] for process in processes if process.poll() is not None
            ]
            time.sleep(0.05)
        (tmp_path / "go").touch()
        outcomes = [process.communicate(timeout=60) for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()

    failures = [
        errors
        for process, (_, errors) in zip(processes, outcomes, strict=True)
        if process.returncode
    ]
    assert failures == []
    used = [json.loads(output) for output, _ in outcomes]
    assert (
        used
        == [
            {
                "transaction_mode": "IMMEDIATE",
                "journal_mode": "wal",
                "synchronous": 1,
                "busy_timeout": 20000,
            }
        ]
        * WRITERS
    )

    with sqlite3.connect(tmp_path / "shared.sqlite3") as database:
        rows = dict(database.execute("SELECT session_key, session_data FROM django_session"))
    assert set(rows) == {f"w{w}-{n:04d}" for w in range(WRITERS) for n in range(TRANSACTIONS)}
    # Each transaction counted the rows before adding its own, and no two saw the same
    # count: the transactions ran one after another, none on a stale read.
    assert sorted(int(seen) for seen in rows.values()) == list(range(WRITERS * TRANSACTIONS))
