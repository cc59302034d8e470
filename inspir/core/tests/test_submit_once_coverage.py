"""Every form of the platform is sent once: each URL whose view takes POST is either
`@submit_once` or listed below with the reason it needs not be, and every form template
carries the token. A new form that forgets both fails here."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.http import require_http_methods, require_POST

from inspir.core.submit_once import is_submit_once, submit_once
from inspir.core.tests.permission_matrix import url_names

READS_ONLY = "reads only: a POST shows the page and changes nothing"

# Views of the platform that take POST without the one-time token, and why.
EXEMPT: dict[str, str] = {
    "core:home": READS_ONLY,
    "core:audit_list": READS_ONLY,
    "network:network_tree": READS_ONLY,
    "network:network_detail": READS_ONLY,
    "network:organisation_list": READS_ONLY,
    "network:organisation_export": READS_ONLY,
    "network:organisation_detail": READS_ONLY,
    "network:members_map": READS_ONLY,
    "network:person_list": READS_ONLY,
    "governance:committee_list": READS_ONLY,
    "governance:committee_detail": READS_ONLY,
    "governance:meeting_list": READS_ONLY,
    "governance:meeting_detail": READS_ONLY,
    "governance:document_download": READS_ONLY,
    "governance:meeting_ics": READS_ONLY,
    "governance:committee_feed": READS_ONLY,
    "governance:person_feed": READS_ONLY,
    "governance:proposal_list": READS_ONLY,
    "governance:proposal_detail": READS_ONLY,
    "governance:decision_list": READS_ONLY,
    "governance:decision_detail": READS_ONLY,
    "governance:follow_up_board": READS_ONLY,
    "accounts_profile": READS_ONLY,
    "accounts_my_data_download": READS_ONLY,
    "accounts_my_data": (
        "erasing ends the session everywhere: a repeat is sent to the log-in page and erases "
        "nothing"
    ),
    "accounts_invitation_accept": (
        "the invitation is used once, under a row lock: a repeat is told it can no longer be "
        "used; and its visitor has no account yet to bind a token to"
    ),
}

# Other people's views, by the module that defines them.
THIRD_PARTY: dict[str, str] = {
    "allauth.": (
        "allauth's log-in, password, e-mail and two-factor flows: each step is single-use "
        "(codes, keys) or rate-limited, and creates no platform object"
    ),
    "django.views.i18n": "set_language sets a preference: a repeat sets the same",
}
# The admin site, whoever defines its pages (some are the platform's own admin classes).
ADMIN = "Django's admin, a staff tool outside the platform's forms"

# Templates with a form that does not carry the token, and why.
TEMPLATES_WITHOUT_TOKEN: dict[str, str] = {
    "core/templates/base.html": "the log-out button (allauth)",
    "accounts/templates/account/login.html": "allauth's log-in",
    "accounts/templates/accounts/my_data.html": EXEMPT["accounts_my_data"],
    "accounts/templates/accounts/invitation_accept.html": EXEMPT["accounts_invitation_accept"],
}

HTTP_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"}
APPS = Path(__file__).resolve().parents[2]


def _innermost(view: Callable[..., Any]) -> Callable[..., Any]:
    while hasattr(view, "__wrapped__"):
        view = view.__wrapped__
    return view


def takes_post(view: Callable[..., Any]) -> bool:
    """Whether `view` answers POST: False only when a method check (`require_GET`,
    `require_http_methods`) in its decorators leaves POST out."""
    current: Any = view
    while current is not None:
        for cell in getattr(current, "__closure__", None) or ():
            try:
                value = cell.cell_contents
            except ValueError:  # an empty cell
                continue
            if (
                isinstance(value, list | tuple)
                and value
                and all(isinstance(method, str) and method in HTTP_METHODS for method in value)
            ):
                return "POST" in value
        current = getattr(current, "__wrapped__", None)
    return True


def coverage_problems(urlconf: str | None = None) -> list[str]:
    problems = []
    seen = set()
    for name, pattern in url_names(urlconf):
        seen.add(name)
        view = pattern.callback
        view_class = getattr(view, "view_class", None)
        modules = {
            getattr(candidate, "__module__", "") or ""
            for candidate in (view, _innermost(view), view_class)
            if candidate is not None
        }
        if name.startswith("admin:") or any(
            module.startswith(prefix) for module in modules for prefix in THIRD_PARTY
        ):
            continue
        if is_submit_once(view):
            if name in EXEMPT:
                problems.append(f"{name}: is @submit_once and listed as exempt")
        elif takes_post(view) and name not in EXEMPT:
            problems.append(f"{name}: takes POST but is neither @submit_once nor exempt")
    if urlconf is None:
        problems += [f"{name}: exempt but no such URL" for name in EXEMPT if name not in seen]
    return problems


def test_every_view_taking_post_is_submit_once_or_exempt_with_a_reason():
    assert coverage_problems() == []
    assert all(reason.strip() for reason in (*EXEMPT.values(), *THIRD_PARTY.values(), ADMIN))


def test_every_form_template_carries_the_token():
    missing = []
    for template in sorted(APPS.glob("*/templates/**/*.html")):
        relative = str(template.relative_to(APPS))
        text = template.read_text()
        forms = text.count("{% csrf_token %}")
        tokens = text.count("{% csrf_token %}{% submit_once %}")
        if forms and forms != tokens and relative not in TEMPLATES_WITHOUT_TOKEN:
            missing.append(f"{relative}: {forms - tokens} form(s) without {{% submit_once %}}")
        if relative in TEMPLATES_WITHOUT_TOKEN and tokens:
            missing.append(f"{relative}: carries the token but is listed as without")
    assert missing == []


# --- The check itself fails on a forgotten form --------------------------------------------------


def _page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("a form")


urlpatterns = [
    path("forgotten/", require_http_methods(["GET", "POST"])(_page), name="forgotten"),
    path("guarded/", require_POST(submit_once(_page)), name="guarded"),
    path("read-only/", require_http_methods(["GET", "HEAD"])(_page), name="read_only"),
    path("any-method/", _page, name="any_method"),
]


def test_a_form_view_neither_guarded_nor_exempt_fails_the_check():
    assert coverage_problems(__name__) == [
        "forgotten: takes POST but is neither @submit_once nor exempt",
        "any_method: takes POST but is neither @submit_once nor exempt",
    ]
