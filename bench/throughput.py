"""Throughput: gunicorn (2 sync workers, the bench settings, DEBUG off) on loopback, loaded by
wrk for a bounded time. Only 127.0.0.1 is ever a target."""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRK_SCRIPT = Path(__file__).with_name("wrk_report.lua")
HOST = "127.0.0.1"
WORKERS = 2
WRK_THREADS = 2
WRK_CONNECTIONS = 8
ACCEPT_ENCODING = "gzip, deflate, br"  # what every browser sends


class ServerError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def fetch(url: str, timeout: float = 10) -> int:
    if not url.startswith(f"http://{HOST}:"):
        raise ValueError("only loopback is ever fetched")
    request = urllib.request.Request(url, headers={"Accept-Encoding": ACCEPT_ENCODING})  # noqa: S310
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        response.read()
        return int(response.status)


@contextmanager
def gunicorn(database_url: str, log_path: Path) -> Iterator[str]:
    """Serve the platform with the bench settings and its static files collected and
    compressed as production serves them; yields its base URL."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.bench",
        "INSPIR_BENCH_DATABASE_URL": database_url,
        "INSPIR_BENCH_STATIC_ROOT": str(log_path.parent / "static"),
    }
    collected = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity=0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if collected.returncode != 0:
        raise ServerError(f"collectstatic failed: {collected.stderr.strip()[-500:]}")
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        f"--workers={WORKERS}",
        f"--bind={HOST}:{port}",
        "--log-level=warning",
        "--timeout=60",
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    base = f"http://{HOST}:{port}"
    try:
        _wait_until_ready(f"{base}/bench/baseline/", process, log_path)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_ready(url: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(f"gunicorn exited with {process.returncode}: {tail(log_path)}")
        try:
            if fetch(url, timeout=2) == 200:
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    raise ServerError(f"gunicorn did not answer within 60 s: {tail(log_path)}")


def tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def warm(url: str, requests: int = 20) -> None:
    """Let both workers import everything and fill their caches before wrk starts."""
    for _ in range(requests):
        status = fetch(url)
        if status != 200:
            raise ServerError(f"{url} answered {status}")


def wrk_path() -> str | None:
    return shutil.which("wrk")


def wrk_version() -> str:
    wrk = wrk_path()
    if not wrk:
        return ""
    result = subprocess.run([wrk, "-v"], capture_output=True, text=True, check=False)
    lines = (result.stdout + result.stderr).strip().splitlines()
    return lines[0].split(" Copyright")[0].strip() if lines else ""


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _duration_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * UNITS_MS[match.group(2)]


def parse_wrk(output: str) -> dict[str, float | int]:
    """Requests/sec, latency percentiles and errors from wrk's output (with our script)."""
    result: dict[str, float | int] = {}
    if match := re.search(r"Requests/sec:\s+([\d.]+)", output):
        result["rps"] = float(match.group(1))
    for pct, value in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)\s*$", output, re.MULTILINE):
        result[f"p{pct}_ms"] = _duration_ms(value)
    if match := re.search(r"^BENCH (.*)$", output, re.MULTILINE):
        fields = dict(pair.split("=") for pair in match.group(1).split())
        values = {key: int(value) for key, value in fields.items()}
        for pct in ("50", "90", "95", "99"):
            result[f"p{pct}_ms"] = values[f"p{pct}_us"] / 1000
        result["max_ms"] = values["max_us"] / 1000
        result["requests"] = values["requests"]
        result["non2xx"] = values["non2xx"]
        for kind in ("connect", "read", "write", "timeout"):
            result[f"socket_{kind}"] = values[kind]
        result["errors"] = values["non2xx"] + sum(
            values[kind] for kind in ("connect", "read", "write", "timeout")
        )
        if "rps" not in result and values["duration_us"]:
            result["rps"] = values["requests"] / (values["duration_us"] / 1e6)
    else:
        # Without the script's line: p95 interpolated between wrk's 90th and 99th percentiles.
        if "p90_ms" in result and "p99_ms" in result:
            result["p95_ms"] = result["p90_ms"] + (result["p99_ms"] - result["p90_ms"]) * 5 / 9
        non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
        sockets = re.search(
            r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
        )
        result["errors"] = (int(non2xx.group(1)) if non2xx else 0) + (
            sum(int(n) for n in sockets.groups()) if sockets else 0
        )
    return result


def run_wrk(url: str, duration_s: int) -> tuple[dict[str, float | int], str]:
    wrk = wrk_path()
    if not wrk:
        raise FileNotFoundError("wrk is not installed")
    if not url.startswith(f"http://{HOST}:"):
        raise ValueError("wrk only ever targets loopback")
    command = [
        wrk,
        f"-t{WRK_THREADS}",
        f"-c{WRK_CONNECTIONS}",
        f"-d{duration_s}s",
        "--latency",
        "--timeout=10s",
        f"--header=Accept-Encoding: {ACCEPT_ENCODING}",
        f"--script={WRK_SCRIPT}",
        url,
    ]
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=duration_s + 60, check=False
    )
    output = completed.stdout + completed.stderr
    if completed.returncode != 0:
        raise RuntimeError(f"wrk exited with {completed.returncode}: {output.strip()}")
    result = parse_wrk(output)
    if "rps" not in result:
        raise RuntimeError(f"could not read wrk's output: {output.strip()}")
    return result, output
