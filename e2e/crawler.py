"""The "every page checked" crawler.

It starts at the home pages (one per language), follows every same-origin `<a href>` it
finds, breadth first, and checks each page it visits: the status, the HTML (W3C Nu HTML
Checker, run once on the whole batch of documents), accessibility (axe-core, WCAG 2.1 A and
AA), console errors (Content Security Policy violations included), the first visit's
compressed weight and, at phone width, horizontal scrolling. Every internal link it does not
visit (a download, a page beyond the bounds) is still requested once, cheaply, so that no
broken link goes unseen. Links that change state (log-out, the language form's endpoint, the
admin site, delete…) are never requested, and no form is ever submitted (the only POSTs are
the empty ones a test asks for, to see the page a form sent without its token gets). Error
pages asked for (a missing address, a server error…) are checked like any other page.

The crawl is bounded so that it stays fast however big the network grows: at most a few
distinct URLs per route (three organisation pages, two network pages per level, two filter
combinations of the directory…), no page after page 2, and a total cap, for each language.

The URL logic, the bounding, the crawl loop, the weight arithmetic, the reading of vnu's
report and the problem report are plain functions and dataclasses, tested without a browser
in test_crawler_unit.py. `BrowserVisitor` drives Playwright; `LinkChecker` makes the cheap
requests over HTTP in a background thread.
"""

import gzip
import http.client
import json
import re
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

WEIGHT_BUDGET = 51_200  # bytes: the first visit's HTML and same-origin assets, gzipped
GZIP_LEVEL = 6
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LOGIN_PATH_SUFFIX = "/accounts/login/"

# Links the crawler never requests: they change state (or lead to the admin site).
STATE_CHANGING = re.compile(
    r"/accounts/logout/|/i18n/setlang/|/admin/"
    r"|/(delete|remove|erase|revoke|cancel|resend|approve|reject|deactivate|generate"
    r"|confirm-email|reauthenticate|unsubscribe)(?=[/_-]|$)",
    re.IGNORECASE,
)
DOWNLOAD_EXTENSIONS = (".csv", ".xlsx", ".xls", ".ods", ".pdf", ".zip", ".json", ".txt", ".ics")
DEFAULT_PORTS = {"http": 80, "https": 443}

# ---------------------------------------------------------------------------------------------
# URLs


def origin_of(url: str) -> str:
    """'http://localhost:8000/fr/x?y' → 'http://localhost:8000' (default ports dropped)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port is None or DEFAULT_PORTS.get(scheme) == port:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def normalise(href: str, base: str) -> str | None:
    """An absolute, comparable URL for `href` found on page `base`, or None when it is not a
    web page (mailto:, tel:, javascript:, data:…).

    The fragment is dropped, the scheme and host are lower-cased, a default port is removed,
    an empty path becomes "/" and the query string is kept with its parameters sorted (so that
    `?b=1&a=2` and `?a=2&b=1` are one URL); blank values are kept, they mean something to a
    form."""
    href = href.strip() or base
    absolute = urljoin(base, href)
    parts = urlsplit(absolute)
    if parts.scheme.lower() not in DEFAULT_PORTS:
        return None
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    origin = urlsplit(origin_of(absolute))
    return urlunsplit((origin.scheme, origin.netloc, parts.path or "/", query, ""))


def same_origin(url: str, origin: str) -> bool:
    return origin_of(url) == origin_of(origin)


def path_of(url: str) -> str:
    return urlsplit(url).path


def language_of(url: str, languages: Iterable[str] = ("fr", "en", "es")) -> str | None:
    """The language prefix of a URL's path ('/fr/…' → 'fr'), or None."""
    first = path_of(url).lstrip("/").split("/", 1)[0]
    return first if first in set(languages) else None


def is_state_changing(url: str) -> bool:
    return bool(STATE_CHANGING.search(path_of(url)))


def is_login(url: str) -> bool:
    return path_of(url).endswith(LOGIN_PATH_SUFFIX)


def page_number(url: str) -> int | None:
    """The `page` query parameter as a number (None when absent or not a number)."""
    for key, value in parse_qsl(urlsplit(url).query):
        if key == "page":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def filter_parameters(url: str) -> list[tuple[str, str]]:
    """The query parameters other than `page`, blank ones left out (a blank filter is none)."""
    return [
        (k, v)
        for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True)
        if v and k != "page"
    ]


# ---------------------------------------------------------------------------------------------
# Links in a page


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    download: bool = False


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: list[tuple[str, bool]] = []
        self.icons: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value for name, value in attrs}
        href = values.get("href")
        if href is None:
            href = values.get("xlink:href")
        if href is None:
            return
        if tag == "a":
            self.anchors.append((href, "download" in values))
        elif tag == "link" and any(
            rel.endswith("icon") for rel in (values.get("rel") or "").lower().split()
        ):
            self.icons.append(href)

    handle_startendtag = handle_starttag


def extract_links(html: str, base: str) -> tuple[list[Link], list[str]]:
    """The `<a href>` links (HTML and inline SVG alike) and the icons (`<link rel=icon>`) of a
    page, normalised and in document order, without duplicates."""
    parser = _LinkParser()
    parser.feed(html)
    parser.close()
    links: dict[str, Link] = {}
    for href, download in parser.anchors:
        url = normalise(href, base)
        if url is None:
            continue
        link = Link(url, download or is_download(url))
        if url not in links or (link.download and not links[url].download):
            links[url] = link
    icons = list(dict.fromkeys(u for h in parser.icons if (u := normalise(h, base))))
    return list(links.values()), icons


def is_download(url: str) -> bool:
    return path_of(url).lower().endswith(DOWNLOAD_EXTENSIONS)


# ---------------------------------------------------------------------------------------------
# Bounds


@dataclass(frozen=True)
class Bounds:
    """How much of the site one crawl visits.

    URLs are put in buckets: the route (a name given by `route_of`, e.g.
    "network:organisation_detail", or "network:network_detail[national]" when the caller
    tells levels apart), plus "?filtered" when the query string has a filter or "?page" when it
    only turns pages. Each bucket takes at most `per_route` URLs (`overrides` for some routes,
    `filtered` for filtered ones); no page after `max_page` is visited (nor page 1, which is
    the list without `?page=`), and no more than `total` pages. A crawl that covers several
    groups (languages) applies these bounds to each group."""

    total: int = 40
    per_route: int = 2
    overrides: Mapping[str, int] = field(default_factory=dict)
    filtered: int = 2
    max_page: int = 2

    def limit(self, bucket: str) -> int:
        route, _, kind = bucket.partition("?")
        if kind == "filtered":
            return self.filtered
        base = route.split("[", 1)[0]
        return self.overrides.get(route, self.overrides.get(base, self.per_route))


def bucket_of(url: str, route_of: Callable[[str], str]) -> str:
    route = route_of(path_of(url))
    if filter_parameters(url):
        return f"{route}?filtered"
    if page_number(url) is not None:
        return f"{route}?page"
    return route


def no_group(url: str) -> str:
    return ""


class Frontier:
    """What one crawl has visited, still has to visit, and only has to check.

    `offer()` sorts every link: "external" (another origin: ignored), "denied"
    (state-changing: never requested), "known" (already sorted), "queued" (will be visited)
    and "extra" (a download, out of scope or over the bounds: requested once by the link
    check)."""

    def __init__(
        self,
        *,
        origin: str,
        scope: Callable[[str], bool],
        route_of: Callable[[str], str],
        bounds: Bounds,
        group_of: Callable[[str], str] = no_group,
    ) -> None:
        self.origin = origin
        self.scope = scope
        self.route_of = route_of
        self.bounds = bounds
        self.group_of = group_of
        self.queue: deque[str] = deque()
        self.seen: set[str] = set()
        self.visited: set[str] = set()
        self.buckets: Counter[tuple[str, str]] = Counter()  # (group, bucket) → URLs queued
        self.totals: Counter[str] = Counter()  # group → URLs queued
        self.extras: dict[str, str] = {}  # URL → why it is only checked
        self.found_on: dict[str, list[str]] = {}
        self.denied: set[str] = set()

    def offer(self, link: Link, found_on: str | None = None) -> str:
        url = link.url
        if not same_origin(url, self.origin):
            return "external"
        if found_on is not None:
            pages = self.found_on.setdefault(url, [])
            if found_on not in pages:
                pages.append(found_on)
        if is_state_changing(url):
            self.denied.add(url)
            return "denied"
        if url in self.seen:
            return "known"
        self.seen.add(url)
        reason = self._reason_not_to_visit(link)
        if reason:
            self.extras[url] = reason
            return "extra"
        group = self.group_of(url)
        self.buckets[group, bucket_of(url, self.route_of)] += 1
        self.totals[group] += 1
        self.queue.append(url)
        return "queued"

    def _reason_not_to_visit(self, link: Link) -> str | None:
        if link.download:
            return "download"
        if not self.scope(link.url):
            return "out of scope"
        number = page_number(link.url)
        if number is not None and number > self.bounds.max_page:
            return f"beyond page {self.bounds.max_page}"
        if number == 1:
            return "page 1 (the list is visited without ?page=)"
        group = self.group_of(link.url)
        if self.totals[group] >= self.bounds.total:
            return f"over the total of {self.bounds.total} pages"
        bucket = bucket_of(link.url, self.route_of)
        if self.buckets[group, bucket] >= self.bounds.limit(bucket):
            return f"over the bound of {self.bounds.limit(bucket)} for {bucket}"
        return None

    def next(self) -> str | None:
        return self.queue.popleft() if self.queue else None

    def mark_visited(self, *urls: str) -> None:
        for url in urls:
            self.visited.add(url)
            self.seen.add(url)
            self.extras.pop(url, None)


# ---------------------------------------------------------------------------------------------
# Results


@dataclass
class PageVisit:
    url: str
    final_url: str
    status: int
    html: str | None = None  # the server's HTML, when the page was checked
    links: list[Link] = field(default_factory=list)
    asset_sizes: dict[str, int] = field(default_factory=dict)  # URL → gzipped bytes
    html_size: int = 0  # gzipped bytes
    console_errors: list[str] = field(default_factory=list)
    axe_violations: list[dict] = field(default_factory=list)
    horizontal_scroll: bool | None = None
    # False for a redirect to a page checked on its own, and for an error page nobody asked
    # for (its status is the problem; its HTML is not checked, nor its links followed).
    checked: bool = True
    expected_status: int = 200  # an error page visited on purpose: 404, 500…
    error: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # time spent, by step

    @property
    def weight(self) -> int:
        return page_weight(self.html_size, self.asset_sizes)

    @property
    def redirected(self) -> bool:
        return self.final_url != self.url


@dataclass
class LinkCheck:
    url: str
    status: int
    final_url: str
    reason: str = ""
    found_on: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class CrawlResult:
    starts: list[str]
    pages: list[PageVisit] = field(default_factory=list)
    links: list[LinkCheck] = field(default_factory=list)
    denied: list[str] = field(default_factory=list)
    found_on: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0

    def part(self, keep: Callable[[str], bool]) -> "CrawlResult":
        """The pages whose URL `keep` keeps, and the links first found on one of them."""
        return CrawlResult(
            starts=[start for start in self.starts if keep(start)],
            pages=[page for page in self.pages if keep(page.url)],
            links=[link for link in self.links if keep((link.found_on or [link.url])[0])],
            denied=[url for url in self.denied if keep(url)],
            found_on=self.found_on,
            seconds=self.seconds,
        )

    @property
    def max_weight(self) -> tuple[int, str]:
        weighed = [(page.weight, page.url) for page in self.pages if page.checked and page.html]
        return max(weighed, default=(0, ""))


def crawl(
    starts: Iterable[str],
    *,
    visit: Callable[[str], PageVisit],
    check: Callable[[str], LinkCheck | Future[LinkCheck]],
    scope: Callable[[str], bool],
    route_of: Callable[[str], str],
    bounds: Bounds,
    group_of: Callable[[str], str] = no_group,
    finish: Callable[[], None] | None = None,
    error_pages: Mapping[str, int] | None = None,
) -> CrawlResult:
    """Visit the `starts` and what they link to, breadth first, within `scope` and `bounds`
    (applied to each group, e.g. each language), and check every other internal link once.

    `error_pages` are addresses visited on purpose for the error page they show (a missing
    page, a server error…), each with the status it must answer: such a page is checked like
    any other, and its links followed. Any other page answering an error is a problem.

    `visit` and `check` make the requests. `visit` must return the page's status and links at
    once, but may complete its other results later, until `finish()` is called; `check` may
    return a future (see `LinkChecker`), so that links are checked while pages are visited."""
    began = time.perf_counter()
    starts = [normalise(start, start) or start for start in starts]
    expected = {normalise(url, url) or url: status for url, status in (error_pages or {}).items()}
    frontier = Frontier(
        origin=origin_of(starts[0]),
        scope=scope,
        route_of=route_of,
        bounds=bounds,
        group_of=group_of,
    )
    for start in [*starts, *expected]:
        frontier.offer(Link(start))
    result = CrawlResult(starts=starts)
    checks: dict[str, LinkCheck | Future[LinkCheck]] = {}
    while (url := frontier.next()) is not None:
        if url in frontier.visited:  # reached already, through a redirect
            continue
        page = visit(url)
        page.expected_status = expected.get(url, 200)
        final = normalise(page.final_url, page.final_url) or page.final_url
        if page.redirected and (final in frontier.visited or is_login(final)):
            page.checked = False  # the page it leads to is (or will be) checked on its own
        failed = page.status != page.expected_status
        if failed:
            page.checked = False  # the status is the problem: nothing else to check or follow
        frontier.mark_visited(url, final)
        result.pages.append(page)
        if failed:
            continue
        for link in page.links:
            if frontier.offer(link, found_on=url) == "extra":
                checks[link.url] = check(link.url)
    if finish is not None:
        finish()
    for url, reason in frontier.extras.items():
        pending = checks.get(url) or check(url)
        outcome = pending.result() if isinstance(pending, Future) else pending
        outcome.reason = reason
        outcome.found_on = frontier.found_on.get(url, [])
        result.links.append(outcome)
    result.denied = sorted(frontier.denied)
    result.found_on = frontier.found_on
    result.seconds = time.perf_counter() - began
    return result


# ---------------------------------------------------------------------------------------------
# Weight


def compressed_size(body: bytes) -> int:
    """The size of `body` gzipped at level 6, as a server would send it."""
    return len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))


def page_weight(html_size: int, asset_sizes: Mapping[str, int]) -> int:
    """A first visit's compressed weight: the HTML and every distinct asset, counted once."""
    return html_size + sum(asset_sizes.values())


# ---------------------------------------------------------------------------------------------
# Problems


@dataclass(frozen=True)
class Problem:
    kind: str  # status, redirect, broken-link, html, axe, console, weight, scroll
    url: str  # the page the problem is on (for a broken link: the page linking to it)
    message: str
    element: str = ""


def page_problems(
    result: CrawlResult, *, anonymous: bool, budget: int = WEIGHT_BUDGET
) -> list[Problem]:
    """Everything wrong that the crawl itself saw (vnu's findings come separately)."""
    problems: list[Problem] = []
    for page in result.pages:
        if page.error:
            problems.append(Problem("status", page.url, f"could not be loaded: {page.error}"))
            continue
        if page.redirected and is_login(page.final_url) and not is_login(page.url):
            if not anonymous:
                problems.append(
                    Problem("redirect", page.url, f"sends a logged-in user to {page.final_url}")
                )
            continue
        if page.status != page.expected_status:
            linked_from = ", ".join(result.found_on.get(page.url, [])[:3])
            instead = f" instead of {page.expected_status}" if page.expected_status != 200 else ""
            problems.append(
                Problem(
                    "status",
                    page.url,
                    f"answers {page.status}{instead}"
                    + (f" (linked from {linked_from})" if linked_from else ""),
                )
            )
        if not page.checked:
            continue
        problems.extend(
            Problem("console", page.url, error)
            for error in page.console_errors
            if not _reports_own_status(error, page)
        )
        for violation in page.axe_violations:
            for node in violation.get("nodes", []) or [{}]:
                problems.append(
                    Problem(
                        "axe",
                        page.url,
                        f"{violation['id']} ({violation.get('impact')}): {violation.get('help')}",
                        _element(node),
                    )
                )
        if page.html is not None and page.weight > budget:
            biggest = sorted(page.asset_sizes.items(), key=lambda item: -item[1])[:3]
            parts = ", ".join(f"{path_of(url)} {size} B" for url, size in biggest)
            problems.append(
                Problem(
                    "weight",
                    page.url,
                    f"first visit weighs {page.weight} B gzipped, over the {budget} B budget "
                    f"(HTML {page.html_size} B; {parts})",
                )
            )
        if page.horizontal_scroll:
            problems.append(Problem("scroll", page.url, "scrolls horizontally at 360 px wide"))
    for link in result.links:
        if link.error or link.status >= 400:
            what = link.error or f"answers {link.status}"
            for source in link.found_on or [""]:
                problems.append(Problem("broken-link", source, f"link to {link.url} {what}"))
        elif not anonymous and is_login(link.final_url) and not is_login(link.url):
            for source in link.found_on or [""]:
                problems.append(
                    Problem(
                        "redirect", source, f"link to {link.url} sends a logged-in user to log in"
                    )
                )
    return problems


def _reports_own_status(error: str, page: PageVisit) -> bool:
    """Chromium logs the error status of a document as a console error: expected of an error
    page asked for, and no problem then."""
    return (
        page.status == page.expected_status != 200
        and f"the server responded with a status of {page.status}" in error
        and error.endswith((f"({page.url})", f"({page.final_url})"))
    )


def _element(node: Mapping) -> str:
    target = " ".join(str(part) for part in node.get("target", []))
    return _short(f"{target} {node.get('html', '')}")


def format_problems(problems: Iterable[Problem], title: str) -> str:
    """One readable message: a count by kind, then the problems grouped by page."""
    problems = list(problems)
    if not problems:
        return f"{title}: no problem"
    by_page: dict[str, list[Problem]] = {}
    for problem in problems:
        by_page.setdefault(problem.url, []).append(problem)
    kinds = Counter(problem.kind for problem in problems)
    lines = [
        f"{title}: {len(problems)} problem(s) on {len(by_page)} page(s) "
        f"({', '.join(f'{kind}: {count}' for kind, count in sorted(kinds.items()))})"
    ]
    for url in sorted(by_page):
        lines.append(f"  {path_and_query(url) or '(no page)'}")
        for problem in sorted(by_page[url], key=lambda p: (p.kind, p.message, p.element)):
            lines.append(f"    - [{problem.kind}] {problem.message}")
            if problem.element:
                lines.append(f"        element: {problem.element}")
    return "\n".join(lines)


def path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


# ---------------------------------------------------------------------------------------------
# W3C Nu HTML Checker


# A bigger thread stack (vnu needs 512k or more) and the quick JIT only: it halves the start-up
# time of a short run.
JAVA_OPTIONS = ["-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def vnu_command(jar: Path, files: Iterable[Path]) -> list[str]:
    return [
        "java",
        *JAVA_OPTIONS,
        "-jar",
        str(jar),
        "--errors-only",
        "--format",
        "json",
        "--stdout",
        *map(str, files),
    ]


def parse_vnu(output: str, file_to_url: Mapping[str, str]) -> list[Problem]:
    """vnu's JSON report as problems, each on the page its file came from; the element is the
    part of the source that vnu highlights."""
    problems = []
    for message in json.loads(output or '{"messages": []}').get("messages", []):
        if message.get("type") not in {"error", "non-document-error"}:
            continue
        name = Path(urlsplit(message.get("url", "")).path).name
        url = file_to_url.get(name, message.get("url", ""))
        line = message.get("lastLine")
        where = f"line {line}: " if line else ""
        extract = str(message.get("extract", ""))
        start, length = message.get("hiliteStart"), message.get("hiliteLength")
        if isinstance(start, int) and isinstance(length, int) and length > 0:
            extract = extract[start : start + length]
        problems.append(Problem("html", url, where + message.get("message", ""), _short(extract)))
    return problems


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def validate_html(documents: Mapping[str, str], jar: Path, *, timeout: int = 300) -> list[Problem]:
    """Check every document (URL → HTML) with one run of vnu."""
    if not documents:
        return []
    with tempfile.TemporaryDirectory(prefix="inspir-vnu-") as folder:
        file_to_url = {}
        files = []
        for number, (url, html) in enumerate(documents.items()):
            name = f"page-{number:04d}.html"
            (Path(folder) / name).write_text(html, encoding="utf-8")
            file_to_url[name] = url
            files.append(Path(folder) / name)
        run = subprocess.run(
            vnu_command(jar, files), capture_output=True, text=True, timeout=timeout, check=False
        )
        if run.returncode not in (0, 1) or not run.stdout.strip():
            return [Problem("html", "", f"vnu failed ({run.returncode}): {run.stderr[-500:]}")]
        return parse_vnu(run.stdout, file_to_url)


# ---------------------------------------------------------------------------------------------
# Report


def report(result: CrawlResult, problems: list[Problem], **about: object) -> dict:
    weight, heaviest = result.max_weight
    return {
        **about,
        "starts": result.starts,
        "seconds": round(result.seconds, 1),
        "summary": {
            "pages": len(result.pages),
            "checked": sum(1 for page in result.pages if page.checked),
            "links_checked": len(result.links),
            "max_weight": weight,
            "max_weight_url": heaviest,
            "problems": len(problems),
        },
        "pages": [
            {
                "url": page.url,
                "final_url": page.final_url,
                "status": page.status,
                "checked": page.checked,
                "weight": page.weight if page.html else None,
                "html_gzip": page.html_size,
                "assets_gzip": page.asset_sizes,
                "links": len(page.links),
                "console_errors": page.console_errors,
                "axe_violations": [v.get("id") for v in page.axe_violations],
                "horizontal_scroll": page.horizontal_scroll,
                "error": page.error,
                "seconds": {step: round(value, 3) for step, value in page.seconds.items()},
            }
            for page in result.pages
        ],
        "links": [asdict(link) for link in result.links],
        "not_followed": result.denied,
        "problems": [asdict(problem) for problem in problems],
    }


# ---------------------------------------------------------------------------------------------
# The browser side


AXE_OPTIONS = {"resultTypes": ["violations"], "iframes": False}
# Starts axe in the page and returns at once; AXE_RESULT waits for the violations.
AXE_START = """([tags, options]) => {
  window.__crawlerAxe = axe.run(document, {runOnly: {type: 'tag', values: tags}, ...options})
    .then(results => results.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary})),
    })));
}"""
AXE_RESULT = "() => window.__crawlerAxe"
HAS_HORIZONTAL_SCROLL = (
    "document.documentElement.scrollWidth > document.documentElement.clientWidth"
)


@dataclass(eq=False)
class _Tab:
    """One browser tab, with what it has seen since its last navigation."""

    page: Any  # a playwright.sync_api.Page
    console: list[str] = field(default_factory=list)
    responses: list = field(default_factory=list)
    began: float = 0.0


class BrowserVisitor:
    """Visits pages in a Playwright browser context and checks each one.

    Every visit is a first visit: the context is routed, which turns Chromium's HTTP cache off,
    so that the responses seen are everything the page loads.

    axe-core is added to every document as an init script (sent once, run by Chromium through
    the DevTools protocol, which the page's CSP `script-src 'self'` does not govern). A
    `<script>` tag (`add_script_tag`) would be blocked by the policy and reported as a CSP
    violation; this way the same context, with its CSP enforced, serves both the console check
    and axe, and no second visit with `bypass_csp` is needed.

    Pages are checked in a pipeline of `tabs` tabs: while axe runs in one tab (in its own
    renderer process, so on another core when there is one), the next page loads in another.
    `visit()` returns once the page has loaded, with its status and links; its axe, console
    and phone-width results are filled in before its tab is reused, and all of them by
    `finish()`.

    The addresses in `posts` are loaded with an empty POST, as a form sent without its
    protection token would be, to check the page such a refused form gets."""

    def __init__(
        self,
        page: Any,  # a playwright.sync_api.Page; more tabs open in its context
        *,
        axe_source: str,
        desktop: Mapping[str, int],
        phone: Mapping[str, int] | None,
        gate: AbstractContextManager | None = None,
        tabs: int = 2,
        posts: Iterable[str] = (),
    ) -> None:
        context = page.context
        self.posts = {normalise(url, url) for url in posts}
        self.context = context
        self.gate = gate or threading.Lock()
        self.desktop = dict(desktop)
        self.phone = dict(phone) if phone else None
        self.size_cache: dict[str, int] = {}
        context.add_init_script(script=axe_source)
        context.route("**/*", lambda route: route.continue_())
        self.idle: deque[_Tab] = deque()
        for each in [page, *(context.new_page() for _ in range(tabs - 1))]:
            tab = _Tab(each)
            each.set_default_timeout(15_000)
            each.set_viewport_size(self.desktop)
            each.on("console", lambda message, tab=tab: self._on_console(tab, message))
            each.on("pageerror", lambda error, tab=tab: tab.console.append(f"uncaught: {error}"))
            each.on("response", lambda response, tab=tab: tab.responses.append(response))
            if self.posts:
                each.route(lambda url: normalise(url, url) in self.posts, self._post)
            self.idle.append(tab)
        self.pending: deque[tuple[_Tab, PageVisit]] = deque()

    @staticmethod
    def _post(route: Any) -> None:
        if route.request.is_navigation_request():
            route.continue_(method="POST", post_data="")
        else:
            route.continue_()

    @staticmethod
    def _on_console(tab: _Tab, message: Any) -> None:
        if message.type == "error":
            where = message.location.get("url", "") if message.location else ""
            tab.console.append(message.text + (f" ({where})" if where else ""))

    def visit(self, url: str) -> PageVisit:
        if not self.idle:
            self._complete(*self.pending.popleft())
        tab = self.idle.popleft()
        began = time.perf_counter()
        with self.gate:
            waited = time.perf_counter()
            visit = self._load(tab, url)
        tab.began = time.perf_counter()
        visit.seconds = {"wait": waited - began, "load": tab.began - waited}
        if visit.html is None:
            self.idle.append(tab)
            return visit
        tab.page.evaluate(AXE_START, [AXE_TAGS, AXE_OPTIONS])
        self.pending.append((tab, visit))
        return visit

    def finish(self) -> None:
        """Wait for the checks still running."""
        while self.pending:
            self._complete(*self.pending.popleft())

    def _complete(self, tab: _Tab, visit: PageVisit) -> None:
        page = tab.page
        visit.axe_violations = page.evaluate(AXE_RESULT)
        checked = time.perf_counter()
        visit.seconds["axe"] = checked - tab.began
        if self.phone:
            page.set_viewport_size(self.phone)
            visit.horizontal_scroll = page.evaluate(HAS_HORIZONTAL_SCROLL)
            page.set_viewport_size(self.desktop)
            visit.seconds["phone"] = time.perf_counter() - checked
        visit.console_errors = list(dict.fromkeys(tab.console))
        self.idle.append(tab)

    def _load(self, tab: _Tab, url: str) -> PageVisit:
        tab.console.clear()
        tab.responses.clear()
        try:
            response = tab.page.goto(url, wait_until="load")
        except Exception as error:  # reported as a problem of the page
            return PageVisit(url=url, final_url=url, status=0, error=str(error).splitlines()[0])
        if response is None:
            return PageVisit(url=url, final_url=url, status=0, error="no response")
        visit = PageVisit(url=url, final_url=response.url, status=response.status)
        content_type = response.headers.get("content-type", "")
        # Error pages are read too: the crawl visits some on purpose (see `crawl`).
        if "html" not in content_type:
            return visit
        body = response.body()
        visit.html = body.decode("utf-8", errors="replace")
        visit.html_size = compressed_size(body)
        visit.links, icons = extract_links(visit.html, response.url)
        visit.asset_sizes = self._asset_sizes(tab, response.url, icons)
        return visit

    def _asset_sizes(self, tab: _Tab, document_url: str, icons: list[str]) -> dict[str, int]:
        """Gzipped size of each same-origin asset the page loaded (and of its icons, which
        headless Chromium does not fetch)."""
        sizes: dict[str, int] = {}
        for response in list(tab.responses):
            url = response.url
            if response.request.resource_type == "document" or not same_origin(url, document_url):
                continue
            if not 200 <= response.status < 300:
                continue
            if url not in self.size_cache:
                try:
                    self.size_cache[url] = compressed_size(response.body())
                except Exception:  # noqa: S112 - a body gone with a redirect
                    continue
            sizes[url] = self.size_cache[url]
        for url in icons:
            if not same_origin(url, document_url) or url in sizes:
                continue
            if url not in self.size_cache:
                answer = self.context.request.get(url, fail_on_status_code=False)
                self.size_cache[url] = compressed_size(answer.body()) if answer.ok else 0
            sizes[url] = self.size_cache[url]
        return sizes


class LinkChecker:
    """Requests links over HTTP in a background thread, with the browser's cookies, while the
    browser visits pages: the server answers them while Chromium renders and runs axe.

    A plain GET, redirects followed, the body read and thrown away: the cheap request that
    tells a broken link (>= 400) from a working one.

    `gate` is held for each request, and by `BrowserVisitor` while the browser loads a page:
    the test server's threads share one in-memory SQLite connection, which cannot serve two
    requests at once (they fail with errors 500), so links are checked while the browser
    renders and runs axe, never while it loads."""

    def __init__(
        self,
        cookies: Mapping[str, str],
        *,
        gate: AbstractContextManager | None = None,
        timeout: float = 15,
    ) -> None:
        self.headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())}
        self.gate = gate or threading.Lock()
        self.timeout = timeout
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="link-check")
        # No proxy from the environment: the server is on this machine.
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        self.requested: dict[str, Future[LinkCheck]] = {}

    def __call__(self, url: str) -> Future[LinkCheck]:
        """The check of `url`, requested once however often it is asked for."""
        if url not in self.requested:
            self.requested[url] = self.executor.submit(self.get, url)
        return self.requested[url]

    def get(self, url: str) -> LinkCheck:
        with self.gate:
            return self._get(url)

    def _get(self, url: str) -> LinkCheck:
        request = urllib.request.Request(url, headers=self.headers)  # noqa: S310 - http(s) only
        try:
            with self.opener.open(request, timeout=self.timeout) as answer:
                answer.read()
                return LinkCheck(url=url, status=answer.status, final_url=answer.url)
        except urllib.error.HTTPError as error:
            error.close()
            return LinkCheck(url=url, status=error.code, final_url=error.url or url)
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            return LinkCheck(url=url, status=0, final_url=url, error=str(error))

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
