"""In-process measurements: server time through the whole middleware stack, and the
compressed weight of a first visit (the HTML and every asset it loads)."""

import gc
import gzip
import re
import statistics
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.http import HttpResponseBase
from django.test import Client

from bench.pages import BROWSER_HEADERS

GZIP_LEVEL = 6
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


@dataclass(frozen=True)
class Timing:
    median_ms: float
    p95_ms: float
    samples_ms: list[float]
    # CPU time of this process (time.process_time): less sensitive than the wall clock to
    # other work on the machine; it leaves out time spent waiting, e.g. on PostgreSQL.
    cpu_median_ms: float


def percentile(values: list[float], pct: float) -> float:
    """Linear interpolation between the closest ranks (numpy's default, Excel's PERCENTILE)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def time_requests(client: Client, url: str, *, warmup: int, repeat: int) -> Timing:
    """Median and p95 server time of `repeat` requests after `warmup` untimed ones."""
    for _ in range(warmup):
        body(client.get(url, headers=BROWSER_HEADERS), url)
    samples, cpu_samples = [], []
    for _ in range(repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        response = client.get(url, headers=BROWSER_HEADERS)
        body(response, url)
        samples.append((time.perf_counter() - start) * 1000)
        cpu_samples.append((time.process_time() - cpu_start) * 1000)
    return Timing(
        median_ms=statistics.median(samples),
        p95_ms=percentile(samples, 95),
        samples_ms=samples,
        cpu_median_ms=statistics.median(cpu_samples),
    )


def time_pair(
    client: Client,
    url: str,
    baseline_client: Client,
    baseline_url: str,
    *,
    warmup: int,
    repeat: int,
) -> tuple[Timing, Timing]:
    """`time_requests` for the baseline, then at once for the page, so that both see the
    same state of the machine. The garbage collector starts each block empty; the requests
    are not interleaved, because a page's garbage would then be collected during the
    baseline's requests and charged to it."""
    gc.collect()
    baseline = time_requests(baseline_client, baseline_url, warmup=warmup, repeat=repeat)
    gc.collect()
    page = time_requests(client, url, warmup=warmup, repeat=repeat)
    return page, baseline


def body(response: HttpResponseBase, url: str) -> bytes:
    """The whole body of a 200 response, streamed or not. The test client closes the
    response itself (a streamed one once read through), as a server would, without ending
    the database connection under a test's transaction; closing it here again would."""
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    if response.streaming:
        return b"".join(response.streaming_content)  # type: ignore[attr-defined]
    return bytes(response.content)  # type: ignore[attr-defined]


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


class _AssetFinder(HTMLParser):
    """Stylesheets, icons, scripts and images that a browser fetches for a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link":
            rel = values.get("rel", "").lower().split()
            if {"stylesheet", "preload", "modulepreload"} & set(rel) or any(
                "icon" in token for token in rel
            ):
                self.urls.append(values.get("href", ""))
        elif tag in {"script", "img", "source", "video", "audio", "iframe"} and values.get("src"):
            self.urls.append(values["src"])
        if tag == "script" and values.get("data-htmx"):
            # Loaded by core/enhance.js once the page has loaded: still part of the visit.
            self.urls.append(values["data-htmx"])


@dataclass
class Weight:
    html_bytes: int
    html_gzip_bytes: int
    assets: list[dict[str, object]] = field(default_factory=list)
    external: list[str] = field(default_factory=list)

    @property
    def total_gzip_bytes(self) -> int:
        return self.html_gzip_bytes + sum(int(str(a["gzip_bytes"])) for a in self.assets)


def _local_path(base: str, reference: str) -> str | None:
    """The path to fetch through the test client, or None for data: and other origins."""
    reference = reference.strip()
    if not reference or reference.startswith(("data:", "#", "about:")):
        return None
    absolute = urlsplit(urljoin(f"http://testserver{base}", reference))
    if absolute.netloc != "testserver":
        return ""
    return absolute.path + (f"?{absolute.query}" if absolute.query else "")


def first_visit_weight(client: Client, url: str) -> Weight:
    """gzip -6 of the HTML plus every asset it loads (and what its stylesheets load)."""
    html = body(client.get(url), url)
    weight = Weight(html_bytes=len(html), html_gzip_bytes=gzipped_size(html))
    finder = _AssetFinder()
    finder.feed(html.decode("utf-8", errors="replace"))
    queue = [(url, reference) for reference in finder.urls]
    seen: set[str] = set()
    while queue:
        base, reference = queue.pop(0)
        path = _local_path(base, reference)
        if path is None:
            continue
        if path == "":
            weight.external.append(reference)
            continue
        if path in seen:
            continue
        seen.add(path)
        data = body(client.get(path), path)
        weight.assets.append({"url": path, "bytes": len(data), "gzip_bytes": gzipped_size(data)})
        if path.split("?")[0].endswith(".css"):
            for match in CSS_URL.finditer(data.decode("utf-8", errors="replace")):
                queue.append((path, match.group(1) or match.group(2)))
    return weight
