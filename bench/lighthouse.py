"""Lighthouse (the version pinned in package.json) on pages served by the suite's gunicorn,
with its default mobile emulation (a mid-range phone on slow 4G, simulated throttling)."""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)
TIMEOUT_S = 240
# A 2G phone: 256 kbit/s, 800 ms round trips, a CPU four times slower than this machine's,
# under Lighthouse's simulated throttling (Lantern). Lantern counts a DNS look-up (2 round
# trips), the TCP handshake and the request itself before the first byte: 3.2 s for any page
# at all, which the suite measures on the trivial baseline page beside the others.
SLOW_PHONE_FLAGS = (
    "--throttling-method=simulate",
    "--throttling.rttMs=800",
    "--throttling.throughputKbps=256",
    "--throttling.cpuSlowdownMultiplier=4",
)
PAINT_METRICS = ("first-contentful-paint", "largest-contentful-paint")


def chrome_path() -> str | None:
    for candidate in (os.environ.get("CHROME_PATH"), os.environ.get("INSPIR_CHROMIUM")):
        if candidate and Path(candidate).exists():
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def version() -> str:
    try:
        package = json.loads((CLI.parent.parent / "package.json").read_text())
    except OSError:
        return ""
    return str(package.get("version", ""))


def unavailable() -> str | None:
    """Why Lighthouse cannot run here, or None."""
    if not shutil.which("node"):
        return "node is not installed"
    if not CLI.exists():
        return "node_modules/lighthouse is missing (run npm ci)"
    if not chrome_path():
        return "Chromium is not installed (apt-get install -y chromium)"
    return None


def _lighthouse(url: str, options: list[str]) -> dict[str, Any]:
    chrome = chrome_path()
    if not chrome:
        raise FileNotFoundError("Chromium is not installed")
    with tempfile.TemporaryDirectory(
        prefix="inspir-lighthouse-", ignore_cleanup_errors=True
    ) as tmp:
        report = Path(tmp) / "report.json"
        command = [
            "node",
            str(CLI),
            url,
            "--output=json",
            f"--output-path={report}",
            *options,
            f"--chrome-flags={CHROME_FLAGS}",
            "--quiet",
        ]
        env = {**os.environ, "CHROME_PATH": chrome, "TMPDIR": tmp}
        completed = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            cwd=ROOT,
            env=env,
            check=False,
        )
        if completed.returncode != 0 or not report.exists():
            message = (completed.stderr or completed.stdout).strip().splitlines()[-5:]
            raise RuntimeError(f"lighthouse exited with {completed.returncode}: {message}")
        lhr = json.loads(report.read_text())
    if lhr.get("runtimeError"):
        raise RuntimeError(f"lighthouse: {lhr['runtimeError']}")
    return lhr


def paint_on_slow_phone(url: str) -> dict[str, Any]:
    """First and largest contentful paint (ms) of `url` on a 2G phone, and what it loaded."""
    lhr = _lighthouse(url, ["--only-categories=performance", *SLOW_PHONE_FLAGS])
    audits = lhr["audits"]
    requests = (audits.get("network-requests", {}).get("details") or {}).get("items", [])
    return {
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "requests": [
            {"url": item.get("url", ""), "bytes": item.get("transferSize")} for item in requests
        ],
    }


def run(url: str) -> dict[str, object]:
    """Scores 0–1 per category, the metrics and the audits that cost points."""
    lhr = _lighthouse(url, [f"--only-categories={','.join(CATEGORIES)}"])
    categories = lhr["categories"]
    audits = lhr["audits"]
    losing = {
        key: [
            {
                "id": ref["id"],
                "title": audits[ref["id"]].get("title", ""),
                "score": audits[ref["id"]].get("score"),
            }
            for ref in categories[key]["auditRefs"]
            if ref.get("weight", 0) > 0
            and audits[ref["id"]].get("score") is not None
            and audits[ref["id"]]["score"] < 1
        ]
        for key in CATEGORIES
    }
    return {
        "performance": categories["performance"]["score"],
        "accessibility": categories["accessibility"]["score"],
        "best_practices": categories["best-practices"]["score"],
        "seo": categories["seo"]["score"],
        "form_factor": lhr.get("configSettings", {}).get("formFactor", ""),
        "lighthouse_version": lhr.get("lighthouseVersion", ""),
        "metrics": {
            metric: {
                "value": audits[metric].get("numericValue"),
                "display": audits[metric].get("displayValue", ""),
                "score": audits[metric].get("score"),
            }
            for metric in METRICS
            if metric in audits
        },
        "losing_audits": losing,
        "main_thread_ms": audits.get("mainthread-work-breakdown", {}).get("numericValue"),
        "scripts": [
            {
                "url": item.get("url"),
                "total_ms": item.get("total"),
                "scripting_ms": item.get("scripting"),
            }
            for item in (audits.get("bootup-time", {}).get("details") or {}).get("items", [])[:3]
        ],
    }
