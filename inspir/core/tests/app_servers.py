"""Real app servers for the tests that need several processes: gunicorn on loopback ports,
with the environment the test chooses (database, mail server, settings)."""

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the server on port {port} stopped: {process.args}"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing answered on port {port}")


@contextlib.contextmanager
def app_servers(
    environment: dict[str, str], count: int = 2, threads: int = 1, worker: bool = False
) -> Iterator[list[int]]:
    """Start `count` gunicorn processes (and a task worker if asked); yield their ports once
    every one answers, and stop them all afterwards."""
    ports = [free_port() for _ in range(count)]
    commands = [
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers=1", f"--threads={threads}"]
        + [f"--bind=127.0.0.1:{port}"]
        for port in ports
    ]
    if worker:
        commands.append([sys.executable, "manage.py", "run_worker", "--interval", "0.2"])
    processes = [
        subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for command in commands
    ]
    try:
        for port, process in zip(ports, processes, strict=False):
            wait_until_up(port, process)
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)
