"""The pages the suite measures, and their query counts at several sizes of the network.

`page_query_counts(scales)` is what a test calls to hold the query budget (it needs database
access, e.g. pytest-django's `db` fixture, and loads the demo itself when it is missing)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

LOGIN_EMAIL = "coordinator@example.org"
BASELINE_URL = "/bench/baseline/"
QUERY_BUDGET = 10
# What a browser sends: the pages are timed as they are served to one (GZipMiddleware on).
BROWSER_HEADERS = {"Accept-Encoding": "gzip, deflate, br"}


# The demo's upcoming meeting of the intercontinental steering committee.
DEMO_MEETING_TITLE = "Steering committee — regular meeting"
# The demo's news post of the intercontinental network.
DEMO_POST_TITLE = "INSP!R holds its first steering committee online"


@dataclass(frozen=True)
class Page:
    name: str
    path: str  # "{meeting}", "{post}": the demo meeting, the demo post, looked up when needed
    title: str
    # Logged-in pages are rendered for each request; the others are public pages, served to
    # anonymous visitors from the public page cache (inspir/core/page_cache.py).
    logged_in: bool = False
    # My work gathers a section from every app, one query each: its budget is the one
    # core/tests/test_my_work.py holds (with every section present).
    query_budget: int = QUERY_BUDGET

    @property
    def url(self) -> str:
        if "{post}" in self.path:
            from inspir.website.models import Post

            post = Post.objects.filter(title=DEMO_POST_TITLE).select_related("network").first()
            if post is None:
                raise LookupError(f"the demo post {DEMO_POST_TITLE!r} is missing")
            return self.path.format(post=f"{post.network.slug}/{post.pk}")
        if "{meeting}" not in self.path:
            return self.path
        from inspir.governance.models import Meeting

        meeting = Meeting.objects.filter(title=DEMO_MEETING_TITLE).order_by("pk").first()
        if meeting is None:
            raise LookupError(f"the demo meeting {DEMO_MEETING_TITLE!r} is missing")
        return self.path.format(meeting=meeting.pk)

    @property
    def cached(self) -> bool:
        return not self.logged_in


PAGES: tuple[Page, ...] = (
    Page("home", "/en/", "Home (key figures)"),
    Page("networks", "/en/networks/", "Network tree"),
    Page("network", "/en/networks/inspir/", "Intercontinental network (members, page 1)"),
    Page("directory", "/en/organisations/", "Organisation directory"),
    Page("organisation", "/en/organisations/wsm/", "Organisation (WSM)"),
    Page("map", "/en/map/", "Members map"),
    Page("people", "/en/people/", "People (logged in as the coordinator)", logged_in=True),
    Page(
        "my-work",
        "/en/my-work/",
        "My work (logged in as the coordinator)",
        logged_in=True,
        query_budget=13,
    ),
    Page(
        "notifications",
        "/en/notifications/",
        "Notifications (logged in as the coordinator)",
        logged_in=True,
    ),
    Page("committee", "/en/governance/committees/inspir/", "Intercontinental steering committee"),
    Page("decisions", "/en/governance/decisions/", "Decisions"),
    Page(
        "proposals",
        "/en/governance/proposals/",
        "Proposals (logged in as the coordinator)",
        logged_in=True,
    ),
    Page(
        "meeting",
        "/en/governance/meetings/{meeting}/",
        "Meeting (logged in as the coordinator)",
        logged_in=True,
    ),
    Page(
        "translations",
        "/en/translations/inspir/es/",
        "Translations into Spanish (logged in as the coordinator)",
        logged_in=True,
    ),
    Page(
        "coverage",
        "/en/translations/coverage/",
        "Translation coverage (logged in as the coordinator)",
        logged_in=True,
    ),
    Page(
        "plan",
        "/en/plan/",
        "Operational plan (logged in as the coordinator)",
        logged_in=True,
    ),
    Page(
        "plan-dashboard",
        "/en/plan/dashboard/",
        "Plan dashboard (logged in as the coordinator)",
        logged_in=True,
    ),
    Page(
        "power-map",
        "/en/plan/context/inspir-afrique-de-louest/?on=2020-12-31&compare=2019-11-30",
        "Power map of West Africa, two dates compared (logged in as the coordinator)",
        logged_in=True,
    ),
    Page("positions", "/en/advocacy/public/", "Published positions"),
    Page(
        "advocacy",
        "/en/advocacy/",
        "Positions of every network (logged in as the coordinator)",
        logged_in=True,
    ),
    Page(
        "library",
        "/en/library/?q=salud&kind=study",
        'The library, "salud" among the studies (logged in as the coordinator)',
        logged_in=True,
    ),
    Page(
        "financing-board",
        "/en/financing/",
        "Funding proposals by status (logged in as the coordinator)",
        logged_in=True,
    ),
    Page(
        "financing-totals",
        "/en/financing/totals/",
        "Funding totals per year and currency (logged in as the coordinator)",
        logged_in=True,
    ),
    Page("about", "/en/about/", "About the network (mission, vision, history)"),
    Page("news", "/en/news/", "News of every network"),
    Page("news-post", "/en/news/{post}/", "A news post"),
    Page("newsletter-archive", "/en/newsletter/", "The newsletter's archive"),
    Page("brand-kit", "/en/brand/", "The brand kit"),
    Page(
        "newsroom",
        "/en/newsroom/",
        "The newsroom: every network's posts (logged in as the coordinator)",
        logged_in=True,
    ),
    Page(
        "search",
        "/en/search/?q=sante",
        'Search for "sante" (logged in as the coordinator)',
        logged_in=True,
    ),
)


def page(name: str) -> Page:
    return next(p for p in PAGES if p.name == name)


def anonymous_client() -> Client:
    return Client(raise_request_exception=True)


def member_client() -> Client:
    from inspir.accounts.models import User
    from inspir.accounts.tests.factories import record_completed_login

    user = User.objects.get(email=LOGIN_EMAIL)
    client = Client(raise_request_exception=True)
    client.force_login(user)
    # A coordinator's session, as after the log-in with the password and the second factor.
    session = client.session
    record_completed_login(session, user)
    session.save()
    return client


def scale_to(factor: int) -> None:
    """Make the database hold `factor` times the demo, loading the demo first if needed."""
    from inspir.demo.loader import load_demo
    from inspir.demo.scale import build_scaled

    try:
        build_scaled(factor)
    except LookupError:
        load_demo()
        build_scaled(factor)


def count_queries(client: Client, url: str) -> int:
    """Queries made by one request for `url`, once the page has been served once already
    (the steady state: anything a process caches after its first request is not counted)."""
    return len(captured_queries(client, url))


def captured_queries(client: Client, url: str) -> list[dict[str, str]]:
    """The queries of one request for `url` (after a first one), with their SQL and time."""
    client.get(url, headers=BROWSER_HEADERS)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=BROWSER_HEADERS)
    if response.status_code != 200:
        raise AssertionError(f"{url} answered {response.status_code}")
    return list(captured.captured_queries)


def page_query_counts(
    scales: Iterable[int] = (1, 10, 100), pages: Sequence[Page] = PAGES
) -> dict[str, dict[int, int]]:
    """{page name: {scale: queries}} for every page at every scale, in the order given.

    The database is rebuilt at each scale with `build_scaled` and left at the last one."""
    counts: dict[str, dict[int, int]] = {p.name: {} for p in pages}
    for factor in scales:
        scale_to(factor)
        anonymous, member = anonymous_client(), member_client()
        for p in pages:
            counts[p.name][factor] = count_queries(member if p.logged_in else anonymous, p.url)
    return counts
