"""The crawler's own logic, without a browser, a server or a database: URLs, links, bounds,
the crawl loop (on a fake site), weights, problems, and the reading of vnu's report."""

import gzip
import json
import threading
from concurrent.futures import Future
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from e2e.crawler import (
    WEIGHT_BUDGET,
    Bounds,
    CrawlResult,
    Frontier,
    Link,
    LinkCheck,
    LinkChecker,
    PageVisit,
    Problem,
    bucket_of,
    compressed_size,
    crawl,
    extract_links,
    filter_parameters,
    format_problems,
    is_download,
    is_login,
    is_state_changing,
    language_of,
    normalise,
    origin_of,
    page_number,
    page_problems,
    page_weight,
    parse_vnu,
    report,
    same_origin,
    vnu_command,
)

BASE = "http://localhost:8000"

# ---------------------------------------------------------------------------------------------
# URLs


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("/fr/networks/#main", f"{BASE}/fr/networks/"),
        ("#main", f"{BASE}/fr/organisations/"),
        ("", f"{BASE}/fr/organisations/"),
        ("cstt/", f"{BASE}/fr/organisations/cstt/"),
        ("../map/", f"{BASE}/fr/map/"),
        ("?page=2", f"{BASE}/fr/organisations/?page=2"),
        ("?q=&country=BJ", f"{BASE}/fr/organisations/?country=BJ&q="),
        ("?b=2&a=1#results", f"{BASE}/fr/organisations/?a=1&b=2"),
        ("HTTP://LOCALHOST:8000/en/", f"{BASE}/en/"),
        ("http://example.org:80/x", "http://example.org/x"),
        ("https://example.org", "https://example.org/"),
        ("mailto:someone@example.org", None),
        ("tel:+32", None),
        ("javascript:void(0)", None),
        ("data:text/plain,hi", None),
    ],
)
def test_normalise_makes_links_absolute_and_comparable(href, expected):
    assert normalise(href, f"{BASE}/fr/organisations/") == expected


def test_normalise_keeps_the_query_string_but_not_the_fragment():
    assert normalise(f"{BASE}/fr/organisations/?country=BJ#x", BASE) == (
        f"{BASE}/fr/organisations/?country=BJ"
    )


@pytest.mark.parametrize(
    ("url", "origin", "expected"),
    [
        (f"{BASE}/fr/", BASE, True),
        ("http://LOCALHOST:8000/x", BASE, True),
        ("http://localhost:8001/fr/", BASE, False),
        ("https://localhost:8000/fr/", BASE, False),
        ("http://127.0.0.1:8000/fr/", BASE, False),
        ("https://example.org/", BASE, False),
        ("http://example.org:80/a", "http://example.org/b", True),
    ],
)
def test_same_origin_compares_scheme_host_and_port(url, origin, expected):
    assert same_origin(url, origin) is expected


def test_origin_of_drops_the_path_and_a_default_port():
    assert origin_of("https://Example.org:443/fr/?x=1") == "https://example.org"
    assert origin_of(f"{BASE}/fr/") == BASE


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"{BASE}/fr/", "fr"),
        (f"{BASE}/es/organisations/", "es"),
        (f"{BASE}/en", "en"),
        (f"{BASE}/", None),
        (f"{BASE}/static/core/inspir.css", None),
        (f"{BASE}/french/", None),
        (f"{BASE}/i18n/setlang/", None),
    ],
)
def test_language_of_reads_the_path_prefix(url, expected):
    assert language_of(url) == expected


@pytest.mark.parametrize(
    "path",
    [
        "/fr/accounts/logout/",
        "/i18n/setlang/",
        "/en/admin/",
        "/en/admin/network/organisation/",
        "/fr/organisations/cstt/delete/",
        "/en/accounts/2fa/totp/deactivate/",
        "/en/accounts/my-data/erase/",
        "/en/accounts/confirm-email/abc/",
        "/en/accounts/invitations/3/revoke/",
    ],
)
def test_links_that_change_state_are_recognised(path):
    assert is_state_changing(BASE + path)


@pytest.mark.parametrize(
    "path",
    [
        "/fr/",
        "/fr/organisations/cstt/edit/",
        "/fr/accounts/login/",
        "/fr/accounts/password/change/",
        "/fr/organisations/removal-workers-example/",
        "/fr/networks/inspir-administration-example/",
    ],
)
def test_ordinary_links_are_followed(path):
    assert not is_state_changing(BASE + path)


def test_page_number_and_filters_are_read_from_the_query_string():
    assert page_number(f"{BASE}/fr/organisations/?page=3") == 3
    assert page_number(f"{BASE}/fr/organisations/?page=last") is None
    assert page_number(f"{BASE}/fr/organisations/") is None
    assert filter_parameters(f"{BASE}/fr/organisations/?country=BJ&page=2&q=") == [
        ("country", "BJ")
    ]


def test_downloads_and_the_log_in_page_are_recognised():
    assert is_download(f"{BASE}/fr/organisations/export.csv?country=BJ")
    assert not is_download(f"{BASE}/fr/organisations/")
    assert is_login(f"{BASE}/fr/accounts/login/?next=/fr/people/")
    assert not is_login(f"{BASE}/fr/people/")


# ---------------------------------------------------------------------------------------------
# Links in a page

PAGE = """<!DOCTYPE html><html lang="fr"><head>
<link rel="stylesheet" href="/static/core/inspir.css">
<link rel="icon" href="/static/core/favicon.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="/static/core/touch.png">
</head><body>
<a class="skip-link" href="#main">Aller au contenu</a>
<a href="/fr/networks/">Réseaux</a>
<a href="/fr/networks/#top">Réseaux encore</a>
<a href="/fr/organisations/export.csv?country=BJ" download>CSV</a>
<a href="/fr/organisations/export.csv?country=BJ">CSV sans attribut</a>
<a href="mailto:a@example.org">Écrire</a>
<a href="https://example.org/">Ailleurs</a>
<a>Sans lien</a>
<svg><a href="/fr/organisations/?country=BJ"><title>Bénin</title><path d="M0 0"/></a></svg>
<form method="post" action="/fr/accounts/logout/"><button>Quitter</button></form>
</body></html>"""


def test_extract_links_finds_html_and_svg_links_once_each_in_document_order():
    links, icons = extract_links(PAGE, f"{BASE}/fr/")

    assert links == [
        Link(f"{BASE}/fr/"),
        Link(f"{BASE}/fr/networks/"),
        Link(f"{BASE}/fr/organisations/export.csv?country=BJ", download=True),
        Link("https://example.org/"),
        Link(f"{BASE}/fr/organisations/?country=BJ"),
    ]
    assert icons == [f"{BASE}/static/core/favicon.svg", f"{BASE}/static/core/touch.png"]


def test_a_form_action_is_not_a_link():
    links, _ = extract_links(PAGE, f"{BASE}/fr/")
    assert all("logout" not in link.url for link in links)


# ---------------------------------------------------------------------------------------------
# Bounds


def route_of(path: str) -> str:
    """A stand-in for Django's resolver: the first segment after the language, plus a star
    for a slug."""
    parts = [part for part in path.split("/") if part][1:]
    if not parts:
        return "home"
    if len(parts) == 1 or parts[0] == "accounts":
        return "/".join(parts)
    return "/".join([parts[0], "*", *parts[2:]])


def test_buckets_tell_routes_filters_and_pages_apart():
    assert bucket_of(f"{BASE}/fr/organisations/cstt/", route_of) == "organisations/*"
    assert bucket_of(f"{BASE}/fr/organisations/", route_of) == "organisations"
    assert bucket_of(f"{BASE}/fr/organisations/?page=2", route_of) == "organisations?page"
    assert bucket_of(f"{BASE}/fr/organisations/?country=BJ", route_of) == ("organisations?filtered")
    assert bucket_of(f"{BASE}/fr/organisations/?country=BJ&page=2", route_of) == (
        "organisations?filtered"
    )
    assert bucket_of(f"{BASE}/fr/organisations/?q=", route_of) == "organisations"


def test_bounds_have_a_default_an_override_per_route_and_one_for_filters():
    bounds = Bounds(per_route=2, overrides={"organisation_detail": 3}, filtered=4)
    assert bounds.limit("organisation_detail") == 3
    assert bounds.limit("network_detail[national]") == 2
    assert bounds.limit("organisation_list?filtered") == 4
    assert bounds.limit("organisation_list?page") == 2
    levels = Bounds(overrides={"network_detail": 1, "network_detail[national]": 5})
    assert levels.limit("network_detail[continental]") == 1
    assert levels.limit("network_detail[national]") == 5


def frontier(**bounds) -> Frontier:
    return Frontier(
        origin=BASE,
        scope=lambda url: language_of(url) == "fr",
        route_of=route_of,
        bounds=Bounds(**bounds),
    )


def test_the_frontier_sorts_links():
    sorting = frontier()
    home = f"{BASE}/fr/"

    assert sorting.offer(Link(home)) == "queued"
    assert sorting.offer(Link(home)) == "known"
    assert sorting.offer(Link("https://example.org/")) == "external"
    assert sorting.offer(Link(f"{BASE}/fr/accounts/logout/"), found_on=home) == "denied"
    assert sorting.offer(Link(f"{BASE}/en/")) == "extra"
    assert sorting.offer(Link(f"{BASE}/fr/export.csv", download=True)) == "extra"
    assert sorting.extras == {f"{BASE}/en/": "out of scope", f"{BASE}/fr/export.csv": "download"}
    assert sorting.denied == {f"{BASE}/fr/accounts/logout/"}
    assert sorting.next() == home
    assert sorting.next() is None


def test_the_frontier_visits_a_few_urls_per_route_and_checks_the_others():
    sorting = frontier(per_route=2, overrides={"organisations/*": 3})
    organisations = [Link(f"{BASE}/fr/organisations/org-{n}/") for n in range(10)]
    networks = [Link(f"{BASE}/fr/networks/net-{n}/") for n in range(10)]

    outcomes = [sorting.offer(link) for link in organisations + networks]

    assert outcomes.count("queued") == 3 + 2
    assert list(sorting.queue)[:3] == [link.url for link in organisations[:3]]
    assert sorting.extras[organisations[3].url] == "over the bound of 3 for organisations/*"
    assert len(sorting.extras) == 7 + 8


def test_the_frontier_visits_two_filter_combinations_and_no_page_after_the_second():
    sorting = frontier(filtered=2, max_page=2)
    urls = [
        f"{BASE}/fr/organisations/?country=BJ",
        f"{BASE}/fr/organisations/?network=inspir",
        f"{BASE}/fr/organisations/?country=TG",
        f"{BASE}/fr/organisations/?page=2",
        f"{BASE}/fr/organisations/?page=3",
        f"{BASE}/fr/organisations/?page=1",
    ]
    outcomes = [sorting.offer(Link(url)) for url in urls]

    assert outcomes == ["queued", "queued", "extra", "queued", "extra", "extra"]
    assert sorting.extras[urls[4]] == "beyond page 2"
    assert sorting.extras[urls[5]].startswith("page 1")


def test_the_frontier_stops_at_the_total_for_each_group():
    sorting = Frontier(
        origin=BASE,
        scope=lambda url: language_of(url) is not None,
        route_of=lambda path: path,  # every URL its own route: only the total bounds
        bounds=Bounds(total=3),
        group_of=lambda url: language_of(url) or "",
    )
    for language in ("fr", "en"):
        outcomes = [sorting.offer(Link(f"{BASE}/{language}/page-{n}/")) for n in range(5)]
        assert outcomes == ["queued"] * 3 + ["extra"] * 2
    assert sorting.extras[f"{BASE}/fr/page-3/"] == "over the total of 3 pages"


def test_a_visited_url_is_no_longer_an_extra():
    sorting = frontier()
    sorting.offer(Link(f"{BASE}/en/"))
    sorting.mark_visited(f"{BASE}/en/")
    assert sorting.extras == {}
    assert sorting.offer(Link(f"{BASE}/en/")) == "known"


# ---------------------------------------------------------------------------------------------
# The crawl loop, on a fake site

DIRECTORY = "".join(f'<a href="/fr/organisations/org-{n}/">{n}</a>' for n in range(6))
SITE = {
    "/fr/": '<a href="/fr/organisations/">Organisations</a><a href="/fr/people/">People</a>'
    '<a href="/en/">English</a><a href="/fr/accounts/logout/">Log out</a>'
    '<a href="/fr/organisations/export.csv" download>CSV</a>',
    "/fr/organisations/": DIRECTORY + '<a href="/fr/organisations/?page=2">2</a>'
    '<a href="/fr/organisations/?page=9">9</a><a href="/fr/gone/">gone</a>',
    "/fr/organisations/?page=2": DIRECTORY,
    "/fr/accounts/login/": "<p>Log in</p>",
    **{f"/fr/organisations/org-{n}/": '<a href="/fr/">home</a>' for n in range(6)},
}
PROTECTED = {"/fr/people/"}
MISSING = '<h1>Page not found</h1><a href="/fr/">Home</a><a href="/fr/accounts/login/">Log in</a>'


class FakeBrowser:
    """Serves SITE; PROTECTED pages redirect to the log-in page; anything else is a 404, whose
    page (MISSING) offers the log-in."""

    def __init__(self):
        self.visited: list[str] = []
        self.checked: list[str] = []

    def visit(self, url: str) -> PageVisit:
        self.visited.append(url)
        path = url.removeprefix(BASE)
        if path in PROTECTED:
            path = "/fr/accounts/login/"
        final = BASE + path
        if path not in SITE:
            links, _ = extract_links(MISSING, final)
            return PageVisit(url=url, final_url=final, status=404, html=MISSING, links=links)
        links, _ = extract_links(SITE[path], final)
        return PageVisit(url=url, final_url=final, status=200, html=SITE[path], links=links)

    def check(self, url: str) -> LinkCheck:
        self.checked.append(url)
        path = url.removeprefix(BASE)
        status = 200 if path in SITE or path in {"/en/", "/fr/organisations/export.csv"} else 404
        return LinkCheck(url=url, status=status, final_url=url)


def fake_crawl(
    browser: FakeBrowser, error_pages: dict[str, int] | None = None, **bounds
) -> CrawlResult:
    return crawl(
        [f"{BASE}/fr/"],
        visit=browser.visit,
        check=browser.check,
        scope=lambda url: language_of(url) == "fr",
        route_of=route_of,
        bounds=Bounds(**{"per_route": 3, **bounds}),
        error_pages=error_pages,
    )


def test_the_crawl_visits_within_the_bounds_and_checks_every_other_link_once():
    browser = FakeBrowser()

    result = fake_crawl(browser)

    paths = [url.removeprefix(BASE) for url in browser.visited]
    assert paths == [
        "/fr/",
        "/fr/organisations/",
        "/fr/people/",
        "/fr/organisations/org-0/",
        "/fr/organisations/org-1/",
        "/fr/organisations/org-2/",
        "/fr/organisations/?page=2",
        "/fr/gone/",
    ]
    checked = sorted(url.removeprefix(BASE) for url in browser.checked)
    assert checked == [
        "/en/",
        "/fr/organisations/?page=9",
        "/fr/organisations/export.csv",
        "/fr/organisations/org-3/",
        "/fr/organisations/org-4/",
        "/fr/organisations/org-5/",
    ]
    assert len(browser.checked) == len(set(browser.checked))
    assert result.denied == [f"{BASE}/fr/accounts/logout/"]
    assert f"{BASE}/fr/accounts/logout/" not in browser.visited + browser.checked
    page_9 = next(link for link in result.links if link.url.endswith("page=9"))
    assert page_9.reason == "beyond page 2"
    assert page_9.found_on == [f"{BASE}/fr/organisations/"]


def test_a_redirect_to_the_log_in_page_is_expected_when_anonymous_and_not_checked_twice():
    result = fake_crawl(FakeBrowser())

    people = next(page for page in result.pages if page.url.endswith("/fr/people/"))
    assert people.redirected and not people.checked
    kinds = {
        (problem.kind, problem.url.removeprefix(BASE))
        for problem in page_problems(result, anonymous=True)
    }
    assert kinds == {
        ("status", "/fr/gone/"),  # visited: 404
        ("broken-link", "/fr/organisations/"),  # ?page=9, only checked: 404
    }


def test_a_redirect_to_the_log_in_page_is_a_problem_for_a_logged_in_user():
    problems = page_problems(fake_crawl(FakeBrowser()), anonymous=False)
    assert (
        Problem(
            "redirect", f"{BASE}/fr/people/", f"sends a logged-in user to {BASE}/fr/accounts/login/"
        )
        in problems
    )


def test_an_error_page_asked_for_is_checked_and_its_links_followed():
    browser = FakeBrowser()

    result = fake_crawl(browser, error_pages={f"{BASE}/fr/nowhere/": 404})

    nowhere = next(page for page in result.pages if page.url == f"{BASE}/fr/nowhere/")
    assert nowhere.checked and nowhere.expected_status == 404
    assert f"{BASE}/fr/nowhere/" in result.found_on[f"{BASE}/fr/accounts/login/"]
    assert {problem.url for problem in page_problems(result, anonymous=True)} == {
        f"{BASE}/fr/gone/",  # a 404 nobody asked for is still a problem
        f"{BASE}/fr/organisations/",  # linking to ?page=9
    }


def test_an_error_page_nobody_asked_for_is_neither_checked_nor_followed():
    result = fake_crawl(FakeBrowser())

    gone = next(page for page in result.pages if page.url == f"{BASE}/fr/gone/")
    assert not gone.checked
    assert f"{BASE}/fr/gone/" not in result.found_on.get(f"{BASE}/fr/accounts/login/", [])


def test_an_error_page_that_does_not_fail_as_expected_is_a_problem():
    page = f"{BASE}/fr/organisations/org-0/"

    result = fake_crawl(FakeBrowser(), error_pages={page: 404})

    messages = [p.message for p in page_problems(result, anonymous=True) if p.url == page]
    assert [message.split(" (")[0] for message in messages] == ["answers 200 instead of 404"]


def test_an_error_page_asked_for_may_log_its_own_status_but_nothing_else():
    url = f"{BASE}/fr/nowhere/"
    own = f"Failed to load resource: the server responded with a status of 404 (Not Found) ({url})"
    other = "Failed to load resource: the server responded with a status of 404 (/static/x.js)"
    page = PageVisit(url, url, 404, html="<p>", console_errors=[own, other], expected_status=404)
    unexpected = PageVisit(url, url, 404, html="<p>", console_errors=[own])

    asked = page_problems(CrawlResult(starts=[url], pages=[page]), anonymous=True)
    not_asked = page_problems(CrawlResult(starts=[url], pages=[unexpected]), anonymous=True)

    assert [problem.message for problem in asked] == [other]
    assert [problem.kind for problem in not_asked] == ["status", "console"]


def test_the_crawl_stops_at_the_total():
    browser = FakeBrowser()
    fake_crawl(browser, total=3)
    assert len(browser.visited) == 3


def test_the_crawl_waits_for_checks_made_in_the_background():
    browser = FakeBrowser()

    def check_later(url: str) -> Future:
        future: Future = Future()
        future.set_result(browser.check(url))
        return future

    result = crawl(
        [f"{BASE}/fr/"],
        visit=browser.visit,
        check=check_later,
        scope=lambda url: language_of(url) == "fr",
        route_of=route_of,
        bounds=Bounds(per_route=3),
    )
    assert {link.status for link in result.links} == {200, 404}
    assert all(isinstance(link, LinkCheck) for link in result.links)


def test_a_crawl_of_several_languages_splits_into_one_part_per_language():
    result = CrawlResult(
        starts=[f"{BASE}/fr/", f"{BASE}/en/"],
        pages=[PageVisit(f"{BASE}/fr/", f"{BASE}/fr/", 200), PageVisit(f"{BASE}/en/", "", 200)],
        links=[
            LinkCheck(f"{BASE}/en/x/", 200, "", found_on=[f"{BASE}/fr/"]),
            LinkCheck(f"{BASE}/en/y/", 200, "", found_on=[f"{BASE}/en/"]),
        ],
    )
    french = result.part(lambda url: language_of(url) == "fr")
    assert french.starts == [f"{BASE}/fr/"]
    assert [page.url for page in french.pages] == [f"{BASE}/fr/"]
    assert [link.url for link in french.links] == [f"{BASE}/en/x/"]


# ---------------------------------------------------------------------------------------------
# Weight


def test_compressed_size_is_gzip_at_level_6():
    body = b"<p>Bonjour</p>" * 200
    assert compressed_size(body) == len(gzip.compress(body, compresslevel=6, mtime=0))
    assert compressed_size(body) < len(body) / 10
    assert compressed_size(body) == compressed_size(body)  # no timestamp in the header


def test_the_weight_is_the_html_plus_each_asset():
    sizes = {"/static/core/inspir.css": 2_452, "/static/core/favicon.svg": 178}
    assert page_weight(4_000, sizes) == 6_630
    assert page_weight(4_000, {}) == 4_000
    page = PageVisit("u", "u", 200, html="<p>", html_size=4_000, asset_sizes=sizes)
    assert page.weight == 6_630


def weighed_page(html_size: int, assets: dict[str, int]) -> CrawlResult:
    page = PageVisit(
        url=f"{BASE}/fr/",
        final_url=f"{BASE}/fr/",
        status=200,
        html="<p>",
        html_size=html_size,
        asset_sizes=assets,
    )
    return CrawlResult(starts=[page.url], pages=[page])


def test_a_page_over_the_budget_is_a_problem_naming_its_heaviest_assets():
    result = weighed_page(1_000, {f"{BASE}/static/a.js": WEIGHT_BUDGET, f"{BASE}/b.css": 10})
    [problem] = page_problems(result, anonymous=True)
    assert problem.kind == "weight"
    assert f"{WEIGHT_BUDGET + 1_010} B" in problem.message
    assert f"/static/a.js {WEIGHT_BUDGET} B" in problem.message


def test_a_page_at_the_budget_is_fine():
    result = weighed_page(WEIGHT_BUDGET - 100, {f"{BASE}/static/a.css": 100})
    assert page_problems(result, anonymous=True) == []
    assert result.max_weight == (WEIGHT_BUDGET, f"{BASE}/fr/")


# ---------------------------------------------------------------------------------------------
# Problems and reports


def test_console_errors_axe_violations_and_scrolling_are_problems():
    page = PageVisit(
        url=f"{BASE}/fr/map/",
        final_url=f"{BASE}/fr/map/",
        status=200,
        html="<p>",
        console_errors=["Refused to apply inline style (http://localhost:8000/fr/map/)"],
        axe_violations=[
            {
                "id": "color-contrast",
                "impact": "serious",
                "help": "Elements must meet minimum color contrast ratio thresholds",
                "nodes": [{"target": [".tag"], "html": '<span class="tag">Mali</span>'}],
            }
        ],
        horizontal_scroll=True,
    )
    problems = page_problems(CrawlResult(starts=[], pages=[page]), anonymous=True)

    assert {problem.kind for problem in problems} == {"console", "axe", "scroll"}
    axe = next(problem for problem in problems if problem.kind == "axe")
    assert axe.message.startswith("color-contrast (serious): Elements must meet")
    assert axe.element == '.tag <span class="tag">Mali</span>'


def test_a_broken_link_is_reported_on_each_page_that_has_it():
    link = LinkCheck(
        f"{BASE}/fr/gone/", 404, f"{BASE}/fr/gone/", found_on=[f"{BASE}/fr/", f"{BASE}/fr/map/"]
    )
    problems = page_problems(CrawlResult(starts=[], links=[link]), anonymous=True)
    assert [(problem.kind, problem.url) for problem in problems] == [
        ("broken-link", f"{BASE}/fr/"),
        ("broken-link", f"{BASE}/fr/map/"),
    ]
    assert problems[0].message == f"link to {BASE}/fr/gone/ answers 404"


def test_problems_are_listed_by_page_in_one_message():
    problems = [
        Problem("html", f"{BASE}/fr/organisations/", "line 4: Stray end tag “span”.", "</span>"),
        Problem("axe", f"{BASE}/fr/", "image-alt (critical): Images must have alternate text"),
        Problem("html", f"{BASE}/fr/", "line 9: Bad value", "<img>"),
    ]
    message = format_problems(problems, "Crawl as anonymous")

    assert message.splitlines() == [
        "Crawl as anonymous: 3 problem(s) on 2 page(s) (axe: 1, html: 2)",
        "  /fr/",
        "    - [axe] image-alt (critical): Images must have alternate text",
        "    - [html] line 9: Bad value",
        "        element: <img>",
        "  /fr/organisations/",
        "    - [html] line 4: Stray end tag “span”.",
        "        element: </span>",
    ]
    assert format_problems([], "Crawl") == "Crawl: no problem"


def test_the_report_summarises_the_crawl():
    result = weighed_page(4_000, {f"{BASE}/static/a.css": 1_000})
    result.links = [LinkCheck(f"{BASE}/en/", 200, f"{BASE}/en/", reason="out of scope")]
    data = report(result, [], role="anonymous", language="fr")
    assert data["role"] == "anonymous"
    assert data["summary"] == {
        "pages": 1,
        "checked": 1,
        "links_checked": 1,
        "max_weight": 5_000,
        "max_weight_url": f"{BASE}/fr/",
        "problems": 0,
    }
    json.dumps(data)  # it can be written as JSON


# ---------------------------------------------------------------------------------------------
# The W3C checker's report

VNU_OUTPUT = json.dumps(
    {
        "messages": [
            {
                "type": "error",
                "url": "file:/tmp/inspir-vnu-x/page-0001.html",
                "lastLine": 44,
                "message": "Attribute “hx-get” not allowed on element “form” at this point.",
                "extract": "ires</h1> <form method=get hx-get=/fr/> <di",
                "hiliteStart": 10,
                "hiliteLength": 30,
            },
            {"type": "info", "subType": "warning", "url": "file:/tmp/x/page-0000.html"},
            {"type": "non-document-error", "url": "file:/tmp/x/page-0000.html", "message": "IO"},
        ]
    }
)


def test_vnu_messages_are_mapped_back_to_the_pages_they_came_from():
    problems = parse_vnu(VNU_OUTPUT, {"page-0000.html": "/fr/", "page-0001.html": "/fr/orgs/"})
    assert problems == [
        Problem(
            "html",
            "/fr/orgs/",
            "line 44: Attribute “hx-get” not allowed on element “form” at this point.",
            "<form method=get hx-get=/fr/>",
        ),
        Problem("html", "/fr/", "IO"),
    ]
    assert parse_vnu("", {}) == []


def test_vnu_runs_once_on_every_file_and_reports_errors_only_as_json(tmp_path):
    files = [tmp_path / "page-0000.html", tmp_path / "page-0001.html"]
    command = vnu_command(tmp_path / "vnu.jar", files)
    assert command[0] == "java"
    assert command[command.index("-jar") + 1] == str(tmp_path / "vnu.jar")
    assert {"--errors-only", "--stdout"} <= set(command)
    assert command[command.index("--format") + 1] == "json"
    assert command[-2:] == [str(path) for path in files]


# ---------------------------------------------------------------------------------------------
# The link checker, against a local HTTP server


class Answers(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # the name http.server calls
        Answers.requests.append(self.path)
        if self.path == "/moved/":
            self.send_response(302)
            self.send_header("Location", "/fr/accounts/login/?next=/moved/")
            self.end_headers()
            return
        status = 200 if self.path.startswith(("/fr/", "/ok/")) else 404
        body = f"cookie={self.headers.get('Cookie')}".encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    Answers.requests = []
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_the_link_checker_follows_redirects_and_reports_statuses_once_per_url(server):
    checker = LinkChecker({"sessionid": "abc"})
    try:
        ok = checker(f"{server}/ok/")
        missing = checker(f"{server}/x/")
        moved = checker(f"{server}/moved/")
        assert checker(f"{server}/ok/") is ok
        assert ok.result().status == 200
        assert missing.result().status == 404
        assert moved.result().status == 200
        assert is_login(moved.result().final_url)
    finally:
        checker.close()
    assert Answers.requests.count("/ok/") == 1


def test_the_link_checker_reports_a_server_that_does_not_answer():
    checker = LinkChecker({}, timeout=2)
    try:
        outcome = checker.get("http://127.0.0.1:9/")
    finally:
        checker.close()
    assert outcome.status == 0 and outcome.error
