"""Every page checked: crawl the site from each language's home page, anonymously and as each
demo role, and check every page reached (see e2e/crawler.py for what is checked and how the
crawl is bounded). The error pages (ERROR_PAGES) are visited and checked too.

One test per role crawls the three languages (the bounds apply to each language) and runs the
W3C checker once on all the HTML it collected; a failure lists every problem, grouped by page.
Each role and language gets test-artifacts/crawl-<role>-<language>.json; run with -s to see a
one-line summary of each. A last test checks the crawler itself on a small site with one
problem of each kind, so that a green crawl means something.
"""

import hashlib
import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from e2e.conftest import ARTIFACTS, AXE_JS, DESKTOP, PHONE, VNU_JAR, require
from e2e.crawler import (
    Bounds,
    BrowserVisitor,
    CrawlResult,
    LinkChecker,
    crawl,
    format_problems,
    is_login,
    language_of,
    page_problems,
    path_and_query,
    report,
    validate_html,
)

LANGUAGES = ("fr", "en", "es")
# The demo roles. The site administrator is left out to keep the run short: the crawl never
# enters the admin site, and the network roles reach the platform's pages.
ROLES = {
    "anonymous": None,
    "coordinator": "coordinator@example.org",
    "continental-coordinator": "continental.coordinator@example.org",
    "steering-member": "steering.member@example.org",
    "focal-point": "focal.point@example.org",
}
# Error pages are pages too: each role sees a missing page in every language, and once each a
# server error, a refused action and a form refused for lacking its token (from test-only
# views, see inspir/core/tests/urls_with_failing_views.py).
FAILING_URLS = "inspir.core.tests.urls_with_failing_views"
ERROR_PAGES = {
    **{f"/{language}/no-such-page/": 404 for language in LANGUAGES},
    "/fr/broken/": 500,
    "/es/forbidden/": 403,
    "/en/form/": 403,
}
POSTED = ["/en/form/"]  # sent without the form's token
SEARCHED = "sante"  # finds organisations, networks and, for members, more
# Pages a link reaches too deep for the bounds, started from directly: the demo's 2020 annual
# report with its editions, for every member, and its preview for those who produce it.
REPORT = "reports/inspir/2020/"
DEEP_STARTS = {
    "coordinator": [REPORT, REPORT + "preview/"],
    "continental-coordinator": [REPORT],
    "steering-member": [REPORT],
    "focal-point": [REPORT],
}
BOUNDS = Bounds(
    total=60,
    per_route=2,  # e.g. two network pages per level, two organisation edit forms
    overrides={"network:organisation_detail": 3},
    filtered=2,  # two filter combinations of the directory
    max_page=2,
)


def django_route(levels: dict[str, str]) -> Callable[[str], str]:
    """The route of a path as Django resolves it (network pages told apart by level)."""
    from django.urls import Resolver404, resolve
    from django.utils import translation

    def route_of(path: str) -> str:
        with translation.override(language_of(path) or "en"):
            try:
                match = resolve(path)
            except Resolver404:
                return f"unresolved:{path}"
        if match.view_name == "network:network_detail":
            return f"{match.view_name}[{levels.get(match.kwargs.get('slug', ''), '?')}]"
        return match.view_name

    return route_of


def summary(role: str, language: str, result: CrawlResult, problems: int) -> str:
    weight, heaviest = result.max_weight
    return (
        f"crawl {role}/{language}: {len(result.pages)} pages visited, "
        f"{len(result.links)} more links checked, max weight {weight} B "
        f"({path_and_query(heaviest)}), {problems} problem(s)"
    )


@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_reachable_from_home_passes_every_check(browsing, role, settings):
    require("java", "vnu", "axe")
    from inspir.network.models import Network

    settings.ROOT_URLCONF = FAILING_URLS

    email = ROLES[role]
    page = browsing.new_page()
    if email:
        browsing.log_in(page, email)
        assert not is_login(page.url) and "/2fa/" not in page.url, f"could not log in as {email}"
    route_of = django_route(dict(Network.objects.values_list("slug", "level")))
    gate = threading.Lock()  # one request at a time for the test server (see LinkChecker)
    visitor = BrowserVisitor(
        page,
        axe_source=AXE_JS.read_text(),
        desktop=DESKTOP,
        phone=PHONE,
        gate=gate,
        posts=[browsing.base_url + path for path in POSTED],
    )
    cookies = {
        cookie["name"]: cookie["value"] for cookie in page.context.cookies(browsing.base_url)
    }
    checker = LinkChecker(cookies, gate=gate)

    try:
        result = crawl(
            [f"{browsing.base_url}/{language}/" for language in LANGUAGES]
            # The search is reached by a form, never a link: its results are a start.
            + [f"{browsing.base_url}/{language}/search/?q={SEARCHED}" for language in LANGUAGES]
            + [
                f"{browsing.base_url}/{language}/{path}"
                for language in LANGUAGES
                for path in DEEP_STARTS.get(role, [])
            ],
            visit=visitor.visit,
            check=checker,
            scope=lambda url: language_of(url, LANGUAGES) is not None,
            route_of=route_of,
            bounds=BOUNDS,
            group_of=lambda url: language_of(url, LANGUAGES) or "",
            finish=visitor.finish,
            error_pages={browsing.base_url + path: status for path, status in ERROR_PAGES.items()},
        )
    finally:
        checker.close()
    documents = {
        visit.url: visit.html for visit in result.pages if visit.checked and visit.html is not None
    }
    began = time.perf_counter()
    problems = page_problems(result, anonymous=email is None) + validate_html(documents, VNU_JAR)
    vnu_seconds = time.perf_counter() - began

    ARTIFACTS.mkdir(exist_ok=True)
    for language in LANGUAGES:
        part = result.part(lambda url, language=language: language_of(url) == language)
        found = [problem for problem in problems if language_of(problem.url) == language]
        print(summary(role, language, part, len(found)))
        data = report(part, found, role=role, email=email, language=language)
        path = ARTIFACTS / f"crawl-{role}-{language}.json"
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    weight, heaviest = result.max_weight
    print(
        f"crawl {role}: {len(result.pages)} pages, {len(result.links)} more links, "
        f"max weight {weight} B ({path_and_query(heaviest)}), {len(problems)} problem(s), "
        f"crawl {result.seconds:.1f} s, vnu {vnu_seconds:.1f} s"
    )

    assert not problems, format_problems(problems, f"Crawl as {email or role}")


# ---------------------------------------------------------------------------------------------
# The crawler checks itself: on a small site with one problem of each kind, it must see them all
# (so that a green crawl of the platform means something).

BIG_SCRIPT = (
    "/*" + "".join(hashlib.sha256(str(n).encode()).hexdigest() for n in range(2_000)) + "*/"
)
CLEAN = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<link rel="icon" href="/static/icon.svg" type="image/svg+xml"></head>
<body><main><h1>{title}</h1>{body}</main></body></html>"""
BAD_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bad</title>
<link rel="stylesheet" href="/static/wide.css"><script src="/static/big.js"></script></head>
<body><main><h1>Bad</h1><img src="/static/icon.svg"><div class="wide">wide</div>
<script>document.title = "inline";</script></main></body></html>"""
FAKE_SITE = {
    "/en/": (
        200,
        "text/html",
        CLEAN.format(
            title="Home",
            body='<ul><li><a href="/en/bad/">bad</a></li><li><a href="/en/missing/">missing</a>'
            '</li><li><a href="/en/list/?page=5">page 5</a></li>'
            '<li><a href="/en/report.csv" download>csv</a></li>'
            '<li><a href="/en/accounts/logout/">log out</a></li><li><a href="/fr/">fr</a></li>'
            '<li><a href="mailto:a@example.org">mail</a></li>'
            '<li><a href="https://example.org/">elsewhere</a></li></ul>',
        ),
    ),
    "/en/bad/": (200, "text/html", BAD_PAGE),
    "/fr/": (200, "text/html", CLEAN.format(title="Accueil", body="<p>Bonjour</p>")),
    "/en/gone/": (404, "text/html", CLEAN.format(title="Not found", body="<p>Gone.</p>")),
    "/en/report.csv": (200, "text/csv", "a,b\n1,2\n"),
    "/static/wide.css": (200, "text/css", ".wide { width: 2000px; }"),
    "/static/big.js": (200, "text/javascript", BIG_SCRIPT),
    "/static/icon.svg": (
        200,
        "image/svg+xml",
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/>'
        "</svg>",
    ),
}


class FakeSite(BaseHTTPRequestHandler):
    requested: list[str] = []

    def do_GET(self):  # the name http.server calls
        path = self.path.split("?", 1)[0]
        FakeSite.requested.append(self.path)
        status, content_type, body = FAKE_SITE.get(path, (404, "text/html", "not found"))
        self.answer(status, content_type, body)

    def do_POST(self):  # the name http.server calls
        FakeSite.requested.append(f"POST {self.path}")
        self.answer(403, "text/html", CLEAN.format(title="Refused", body="<p>Expired.</p>"))

    def answer(self, status: int, content_type: str, body: str) -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Content-Security-Policy", "script-src 'self'; style-src 'self'")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeSite.requested = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_crawler_sees_every_kind_of_problem(playwright_browser, fake_site):
    require("java", "vnu", "axe")
    context = playwright_browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        visitor = BrowserVisitor(
            page,
            axe_source=AXE_JS.read_text(),
            desktop=DESKTOP,
            phone=PHONE,
            posts=[f"{fake_site}/en/form/"],
        )
        checker = LinkChecker({})
        try:
            result = crawl(
                [f"{fake_site}/en/"],
                visit=visitor.visit,
                check=checker,
                scope=lambda url: language_of(url) == "en",
                route_of=lambda path: path,
                bounds=Bounds(),
                finish=visitor.finish,
                error_pages={f"{fake_site}/en/gone/": 404, f"{fake_site}/en/form/": 403},
            )
        finally:
            checker.close()
        documents = {
            visit.url: visit.html for visit in result.pages if visit.checked and visit.html
        }
        problems = page_problems(result, anonymous=True) + validate_html(documents, VNU_JAR)
    finally:
        context.close()

    seen = {(path_and_query(problem.url), problem.kind) for problem in problems}
    assert seen == {
        ("/en/", "broken-link"),  # /en/list/?page=5 answers 404
        ("/en/missing/", "status"),
        ("/en/bad/", "console"),  # the inline script, refused by the CSP
        ("/en/bad/", "axe"),  # the image without alt text
        ("/en/bad/", "html"),  # the same image, for the W3C checker
        ("/en/bad/", "weight"),  # big.js does not compress
        ("/en/bad/", "scroll"),  # .wide is 2000 px wide
    }, format_problems(problems, "self-test")
    messages = " ".join(problem.message for problem in problems)
    assert "image-alt" in messages and "Content Security Policy" in messages
    assert "/en/accounts/logout/" not in FakeSite.requested  # never requested, not even checked
    assert "POST /en/form/" in FakeSite.requested  # the error pages asked for: checked, no problem
    assert {path_and_query(page.url) for page in result.pages if page.checked} >= {
        "/en/gone/",
        "/en/form/",
    }
    checked = {path_and_query(link.url): link.status for link in result.links}
    assert checked == {"/en/list/?page=5": 404, "/en/report.csv": 200, "/fr/": 200}
    home = result.pages[0]
    assert home.asset_sizes == {
        f"{fake_site}/static/icon.svg": home.asset_sizes[f"{fake_site}/static/icon.svg"]
    }
