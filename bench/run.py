"""The performance suite: `make bench`, or `python -m bench.run --help`.

Builds a throwaway database, loads the demo and scales it 1×, 10× and 100×; at each scale it
times every main page in-process through the full middleware stack against a trivial baseline
view, counts its queries and weighs its first visit; at the largest scale it serves the
platform with gunicorn and loads it with wrk, and runs Lighthouse. It writes
bench/results.json and docs/benchmarks.md. Missed budgets are reported, not fatal
(`--strict` makes them fail the run)."""

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JSON = ROOT / "bench" / "results.json"
DEFAULT_MARKDOWN = ROOT / "docs" / "benchmarks.md"
LIGHTHOUSE_PAGES = ("home", "directory", "organisation")
# Painted on a 2G phone (bench/lighthouse.py), each the median of PAINT_RUNS runs, beside the
# trivial baseline page that shows what the network alone costs.
PAINT_PAGES = ("home", "directory", "network", "news-post", "newsletter-archive")
PAINT_RUNS = 3
THROUGHPUT_PAGES = ("home", "directory")

_START = time.monotonic()


def log(message: str) -> None:
    elapsed = time.monotonic() - _START
    print(f"[bench {elapsed:6.1f}s] {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--scales", default="1,10,100", help="factors (default 1,10,100)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per page")
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per page")
    parser.add_argument("--csv-repeat", type=int, default=3, help="CSV exports per scale")
    parser.add_argument(
        "--report-repeat", type=int, default=3, help="annual report PDFs laid out per scale"
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument("--no-throughput", action="store_true", help="skip gunicorn and wrk")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="results file")
    parser.add_argument("--markdown", type=Path, default=DEFAULT_MARKDOWN, help="report file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is missed")
    args = parser.parse_args(argv)
    args.scales = sorted({int(factor) for factor in args.scales.split(",")})
    if args.repeat < 2 or args.warmup < 0 or args.scales[0] < 1:
        parser.error("--repeat must be 2 or more, --warmup 0 or more, scales 1 or more")
    return args


def _command_version(command: list[str]) -> str:
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    lines = (completed.stdout or completed.stderr).strip().splitlines()
    return lines[0].strip() if lines else ""


def machine(database_description: str) -> dict[str, Any]:
    import django
    from django.db import connection

    from bench import lighthouse, throughput

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
        else:
            cursor.execute("select version()")
        row = cursor.fetchone()
    server = str(row[0]).split(" on ")[0] if row else ""
    chrome = lighthouse.chrome_path()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory_gib,
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": f"{connection.vendor} {server}".strip(),
        "database_setup": database_description,
        "gunicorn": _package_version("gunicorn"),
        "wrk": throughput.wrk_version(),
        "lighthouse": lighthouse.version(),
        "chromium": (
            _command_version([chrome, "--version"]).split(" built on ")[0] if chrome else ""
        ),
    }


def _package_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version

    try:
        return package_version(name)
    except PackageNotFoundError:
        return ""


def timed(function: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


class Suite:
    def __init__(self, args: argparse.Namespace, database_url: str, tmpdir: Path) -> None:
        self.args = args
        self.database_url = database_url
        self.tmpdir = tmpdir
        self.pages: list[dict[str, Any]] = []
        self.tasks: list[dict[str, Any]] = []
        self.throughput: list[dict[str, Any]] = []
        self.lighthouse: list[dict[str, Any]] = []
        self.paint: list[dict[str, Any]] = []
        self.notes: dict[str, Any] = {}

    def run(self) -> None:
        from django.core.management import call_command

        from inspir.demo.loader import load_demo

        log("migrating the throwaway database")
        call_command("migrate", interactive=False, verbosity=0)
        seconds, _ = timed(load_demo)
        self.tasks.append({"name": "load_demo", "scale": 1, "seconds": round(seconds, 3)})
        log(f"load_demo: {seconds:.2f} s")
        for factor in self.args.scales:
            self.at_scale(factor)
        largest = self.args.scales[-1]
        self.served(largest)

    def at_scale(self, factor: int) -> None:
        from inspir.demo.scale import build_scaled

        seconds, summary = timed(lambda: build_scaled(factor))
        self.tasks.append(
            {
                "name": "build_scaled",
                "scale": factor,
                "seconds": round(seconds, 3),
                "organisations_added": getattr(summary, "organisations", None),
            }
        )
        log(f"build_scaled({factor}): {seconds:.2f} s")
        self.measure_pages(factor)
        self.time_csv(factor)
        self.time_report(factor)

    def measure_pages(self, factor: int) -> None:
        from django.test import override_settings

        from bench.measure import first_visit_weight, time_pair
        from bench.pages import (
            BASELINE_URL,
            PAGES,
            anonymous_client,
            captured_queries,
            count_queries,
            member_client,
        )

        anonymous, member, baseline_client = anonymous_client(), member_client(), anonymous_client()
        baseline_queries = count_queries(baseline_client, BASELINE_URL)

        def timed(client, url):  # type: ignore[no-untyped-def]
            return time_pair(
                client,
                url,
                baseline_client,
                BASELINE_URL,
                warmup=self.args.warmup,
                repeat=self.args.repeat,
            )

        for page in PAGES:
            client = member if page.logged_in else anonymous
            url = page.url
            # Queries and the rendering time are measured with the public page cache off;
            # the served time (the budget's) with it on, as visitors get the page.
            with override_settings(PUBLIC_PAGE_CACHE_SECONDS=0):
                captured = captured_queries(client, url)
                rendered, rendered_baseline = timed(client, url)
            queries = len(captured)
            sql_ms = sum(float(query["time"]) for query in captured) * 1000
            timing, baseline = timed(client, url)
            weight = first_visit_weight(
                member_client() if page.logged_in else anonymous_client(), url
            )
            row = {
                "page": page.name,
                "title": page.title,
                "url": url,
                "scale": factor,
                "logged_in": page.logged_in,
                "cached": page.cached,
                "queries": queries,
                "query_budget": page.query_budget,
                "sql_ms": round(sql_ms, 1),
                "median_ms": round(timing.median_ms, 3),
                "p95_ms": round(timing.p95_ms, 3),
                "baseline_median_ms": round(baseline.median_ms, 3),
                "baseline_p95_ms": round(baseline.p95_ms, 3),
                "baseline_queries": baseline_queries,
                "ratio": round(timing.median_ms / baseline.median_ms, 2),
                "rendered_median_ms": round(rendered.median_ms, 3),
                "rendered_ratio": round(rendered.median_ms / rendered_baseline.median_ms, 2),
                "cpu_median_ms": round(timing.cpu_median_ms, 3),
                "baseline_cpu_median_ms": round(baseline.cpu_median_ms, 3),
                "cpu_ratio": round(timing.cpu_median_ms / max(baseline.cpu_median_ms, 1e-3), 2),
                "weight_bytes": weight.total_gzip_bytes,
                "html_bytes": weight.html_bytes,
                "html_gzip_bytes": weight.html_gzip_bytes,
                "assets": weight.assets,
                "external_assets": weight.external,
                "requests_timed": self.args.repeat,
            }
            self.pages.append(row)
            log(
                f"{factor:>4}× {page.name:<13} {queries:>2} queries, "
                f"median {timing.median_ms:7.2f} ms (baseline {baseline.median_ms:.2f} ms, "
                f"×{row['ratio']}), p95 {timing.p95_ms:7.2f} ms, "
                f"{weight.total_gzip_bytes / 1024:.1f} KiB"
            )

    def time_csv(self, factor: int) -> None:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from django.utils import translation

        from inspir.network.exports import organisations_csv
        from inspir.network.selectors import DirectoryFilters

        runs: list[float] = []
        lines = size = queries = 0
        with translation.override("en"):
            for _ in range(max(1, self.args.csv_repeat)):
                with CaptureQueriesContext(connection) as captured:
                    start = time.perf_counter()
                    lines = size = 0
                    for chunk in organisations_csv(filters=DirectoryFilters()):
                        lines += chunk.count("\n")
                        size += len(chunk.encode())
                    runs.append(time.perf_counter() - start)
                queries = len(captured)
        seconds = statistics.median(runs)
        self.tasks.append(
            {
                "name": "organisations_csv",
                "scale": factor,
                "seconds": round(seconds, 3),
                "runs_seconds": [round(run, 3) for run in runs],
                "rows": lines - 1,
                "bytes": size,
                "queries": queries,
            }
        )
        log(f"organisations_csv at {factor}×: {seconds:.3f} s, {lines - 1} rows, {queries} queries")

    def time_report(self, factor: int) -> None:
        """The 2020 annual report of the intercontinental network, as the worker makes an
        edition: its data read from every app, then the PDF laid out (median of the runs)."""
        import datetime

        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from inspir.network.models import Level, Network
        from inspir.reports import selectors
        from inspir.reports.pdf import render_pdf

        network = Network.objects.get(level=Level.INTERCONTINENTAL)
        runs: list[tuple[float, float]] = []
        pages = size = queries = 0
        # Laid out several times at 1× (the budget), once at the larger scales (reported).
        for _ in range(max(1, self.args.report_repeat if factor == 1 else 1)):
            with CaptureQueriesContext(connection) as captured:
                read, data = timed(lambda: selectors.report_data(network, 2020, "en"))
            queries = len(captured)
            laid_out, (content, pages) = timed(
                lambda: render_pdf(data, made_on=datetime.date(2021, 3, 1))  # noqa: B023
            )
            size = len(content)
            runs.append((read, laid_out))
        totals = [read + laid_out for read, laid_out in runs]
        seconds = statistics.median(totals)
        self.tasks.append(
            {
                "name": "annual_report_pdf",
                "scale": factor,
                "seconds": round(seconds, 3),
                "runs_seconds": [round(total, 3) for total in totals],
                "read_seconds": round(statistics.median(read for read, _ in runs), 3),
                "layout_seconds": round(statistics.median(laid for _, laid in runs), 3),
                "pages": pages,
                "bytes": size,
                "queries": queries,
            }
        )
        log(
            f"annual_report_pdf at {factor}×: {seconds:.2f} s, {pages} pages, "
            f"{size / 1024:.0f} KiB, {queries} queries"
        )

    def served(self, factor: int) -> None:
        """gunicorn against the database at `factor`: wrk, then Lighthouse."""
        from django.db import connections

        from bench import lighthouse, throughput
        from bench.pages import BASELINE_URL, page

        skip_throughput = (
            "--no-throughput given"
            if self.args.no_throughput
            else None
            if throughput.wrk_path()
            else "wrk is not installed (apt-get install -y wrk)"
        )
        skip_lighthouse = (
            "--no-lighthouse given" if self.args.no_lighthouse else lighthouse.unavailable()
        )
        targets = [(name, page(name).url) for name in THROUGHPUT_PAGES] + [
            ("baseline", BASELINE_URL)
        ]
        if skip_throughput:
            self.skip_throughput(targets, factor, skip_throughput)
        if skip_lighthouse:
            self.lighthouse = [
                {"page": name, "url": page(name).url, "scale": factor, "error": skip_lighthouse}
                | dict.fromkeys(("performance", "accessibility", "best_practices", "seo"))
                for name in LIGHTHOUSE_PAGES
            ]
        if skip_throughput and skip_lighthouse:
            log(f"throughput skipped: {skip_throughput}; Lighthouse skipped: {skip_lighthouse}")
            return
        connections.close_all()
        log_path = self.tmpdir / "gunicorn.log"
        try:
            with throughput.gunicorn(self.database_url, log_path) as base:
                log(f"gunicorn ({throughput.WORKERS} workers) serving {factor}× at {base}")
                if not skip_throughput:
                    self.measure_throughput(base, targets, factor)
                if not skip_lighthouse:
                    self.run_lighthouse(base, factor)
                    self.run_paint(base, factor)
        except throughput.ServerError as error:
            log(f"gunicorn failed: {error}")
            if not skip_throughput:
                self.skip_throughput(targets, factor, f"gunicorn failed: {error}")
            if not skip_lighthouse:
                self.lighthouse = [
                    {"page": name, "url": page(name).url, "scale": factor, "error": str(error)}
                    | dict.fromkeys(("performance", "accessibility", "best_practices", "seo"))
                    for name in LIGHTHOUSE_PAGES
                ]

    def skip_throughput(self, targets: list[tuple[str, str]], factor: int, reason: str) -> None:
        self.throughput = [
            {
                "page": name,
                "url": url,
                "scale": factor,
                "rps": None,
                "baseline_rps": None,
                "p95_ms": None,
                "errors": None,
                "skipped": reason,
            }
            for name, url in targets
        ]

    def measure_throughput(self, base: str, targets: list[tuple[str, str]], factor: int) -> None:
        from bench import throughput

        measured: dict[str, dict[str, Any]] = {}
        # The baseline first, so that every page's row can name it.
        for name, url in [targets[-1], *targets[:-1]]:
            row: dict[str, Any] = {"page": name, "url": url, "scale": factor}
            try:
                throughput.warm(base + url)
                figures, output = throughput.run_wrk(base + url, self.args.duration)
            except (OSError, RuntimeError, subprocess.SubprocessError) as error:
                row |= {"rps": None, "p95_ms": None, "errors": None, "error": str(error)}
                log(f"wrk on {name} failed: {error}")
            else:
                row |= {
                    "rps": round(float(figures["rps"]), 1),
                    "p95_ms": round(float(figures.get("p95_ms", 0)), 2),
                    "p50_ms": round(float(figures.get("p50_ms", 0)), 2),
                    "p99_ms": round(float(figures.get("p99_ms", 0)), 2),
                    "errors": int(figures.get("errors", 0)),
                    "requests": figures.get("requests"),
                    "non2xx": figures.get("non2xx"),
                    "socket_errors": {
                        kind: figures.get(f"socket_{kind}")
                        for kind in ("connect", "read", "write", "timeout")
                    },
                    "p95_source": "wrk latency:percentile(95)"
                    if "requests" in figures
                    else "interpolated between wrk's p90 and p99",
                    "wrk_output": output.strip().splitlines(),
                }
                log(
                    f"wrk {name}: {row['rps']} req/s, p95 {row['p95_ms']} ms, "
                    f"{row['errors']} errors"
                )
            measured[name] = row
        baseline_rps = measured["baseline"].get("rps")
        for name, _url in targets:
            measured[name]["baseline_rps"] = baseline_rps
            self.throughput.append(measured[name])
        self.notes["throughput"] = {
            "server": f"gunicorn {throughput.WORKERS} sync workers, config.settings.bench",
            "load": (
                f"wrk -t{throughput.WRK_THREADS} -c{throughput.WRK_CONNECTIONS} "
                f"-d{self.args.duration}s --latency "
                f"-H 'Accept-Encoding: {throughput.ACCEPT_ENCODING}'"
            ),
        }

    def run_paint(self, base: str, factor: int) -> None:
        import statistics
        import urllib.request

        from bench import lighthouse
        from bench.pages import BASELINE_URL, page

        targets = [("baseline", BASELINE_URL)] + [(name, page(name).url) for name in PAINT_PAGES]
        for name, url in targets:
            row: dict[str, Any] = {"page": name, "url": url, "scale": factor}
            try:
                # Rendered once before, as the page a visitor reaches usually is.
                with urllib.request.urlopen(base + url, timeout=60) as response:  # noqa: S310
                    response.read()
                runs = [lighthouse.paint_on_slow_phone(base + url) for _ in range(PAINT_RUNS)]
            except (
                OSError,
                RuntimeError,
                LookupError,
                ValueError,
                subprocess.SubprocessError,
            ) as e:
                row |= {"fcp_ms": None, "lcp_ms": None, "error": str(e)}
                log(f"paint on a slow phone, {name}: failed: {e}")
            else:
                row |= {
                    "fcp_ms": round(statistics.median(int(r["fcp_ms"]) for r in runs)),
                    "lcp_ms": round(statistics.median(int(r["lcp_ms"]) for r in runs)),
                    "runs": [[r["fcp_ms"], r["lcp_ms"]] for r in runs],
                    "requests": runs[0]["requests"],
                }
                log(
                    f"paint on a slow phone, {name}: FCP {row['fcp_ms']} ms, LCP {row['lcp_ms']} ms"
                )
            self.paint.append(row)

    def run_lighthouse(self, base: str, factor: int) -> None:
        from bench import lighthouse
        from bench.pages import page

        for name in LIGHTHOUSE_PAGES:
            url = page(name).url
            row: dict[str, Any] = {"page": name, "url": url, "scale": factor}
            try:
                row |= lighthouse.run(base + url)
            except (
                OSError,
                RuntimeError,
                LookupError,
                ValueError,
                subprocess.SubprocessError,
            ) as e:
                row |= dict.fromkeys(("performance", "accessibility", "best_practices", "seo"))
                row["error"] = str(e)
                log(f"Lighthouse on {name} failed: {e}")
            else:
                log(
                    f"Lighthouse {name}: performance {row['performance']}, accessibility "
                    f"{row['accessibility']}, best practices {row['best_practices']}, "
                    f"SEO {row['seo']}"
                )
            self.lighthouse.append(row)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    from bench import database, report

    load_at_start = round(os.getloadavg()[0], 2)
    if load_at_start > 0.5:
        log(f"load average {load_at_start}: other work is running, the times will be noisier")
    with tempfile.TemporaryDirectory(prefix="inspir-bench-") as tmp:
        db = database.choose(Path(tmp))
        os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
        os.environ["INSPIR_BENCH_DATABASE_URL"] = db.url
        log(f"database: {db.description}")
        db.create()
        try:
            import django

            django.setup()
            info = machine(db.description)
            suite = Suite(args, db.url, Path(tmp))
            suite.run()
        finally:
            from django.db import connections

            connections.close_all()
            db.drop()
    info["load_average_at_start"] = load_at_start
    info["load_average_at_end"] = round(os.getloadavg()[0], 2)
    results: dict[str, Any] = {
        "machine": info,
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "runtime_seconds": round(time.monotonic() - _START, 1),
        "settings": {
            "module": "config.settings.bench",
            "scales": args.scales,
            "warmup": args.warmup,
            "repeat": args.repeat,
            "wrk_duration_s": args.duration,
        }
        | suite.notes,
        "pages": suite.pages,
        "throughput": suite.throughput,
        "tasks": suite.tasks,
        "lighthouse": suite.lighthouse,
        "paint": suite.paint,
    }
    results["budgets"] = [check.as_dict() for check in report.checks(results)]
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    report.write_markdown(results, args.markdown)
    missed = [check for check in results["budgets"] if not check["ok"]]
    log(
        f"done in {results['runtime_seconds']} s: {len(results['budgets']) - len(missed)} of "
        f"{len(results['budgets'])} budgets met; wrote {args.json} and {args.markdown}"
    )
    for check in missed:
        log(f"MISS {check['area']}: {check['item']}: {check['figure']} (budget {check['budget']})")
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
