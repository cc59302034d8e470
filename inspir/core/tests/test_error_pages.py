"""The error pages a visitor gets are the platform's own: in their language, under the same
security policy as every page, saying what to do next and nothing technical. The tests run
with DEBUG off, as the demo and production do."""

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from inspir.accounts.tests.factories import UserFactory
from inspir.core.stylesheet import stylesheet_text
from inspir.governance.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

FAILING = "inspir.core.tests.urls_with_failing_views"
HEADINGS = {
    404: {"en": "Page not found", "fr": "Page introuvable", "es": "Página no encontrada"},
    500: {"en": "Something went wrong", "fr": "Une erreur s'est produite", "es": "Algo salió mal"},
    400: {
        "en": "This request could not be read",
        "fr": "Cette demande n'a pas pu être lue",
        "es": "No se pudo leer esta solicitud",
    },
    403: {"en": "Not allowed", "fr": "Action non autorisée", "es": "Acción no permitida"},
    "csrf": {
        "en": "This form has expired",
        "fr": "Ce formulaire a expiré",
        "es": "Este formulario ha caducado",
    },
}
# What Django's own pages show (its debug pages list the URL patterns and the traceback).
DJANGO_PAGES = ("Traceback", "URLconf", "Using the URLconf", "SECRET_TRACEBACK_MARKER",
                "Django", "CSRF verification failed", "Server Error (500)")  # fmt: skip


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def assert_own_error_page(response, status: int, heading: str, language: str) -> BeautifulSoup:
    html = response.content.decode()
    document = page(response)
    assert response.status_code == status
    assert document.html["lang"] == language
    assert document.h1.get_text(strip=True) == heading
    # The platform's one stylesheet: a file (its name carries a content hash in production),
    # or inside the page for visitors (core/stylesheet.py).
    linked = document.select_one("link[rel=stylesheet]")
    if linked is not None:
        assert re.search(r"/core/inspir(\.[0-9a-f]{12})?\.css$", linked["href"]), linked
    else:
        assert document.style is not None and document.style.string == stylesheet_text()
    assert not [shown for shown in DJANGO_PAGES if shown in html]
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    return document


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_a_missing_page_is_the_platforms_own_in_the_readers_language(client, language):
    response = client.get(f"/{language}/no-such-page/")

    document = assert_own_error_page(response, 404, HEADINGS[404][language], language)
    assert "404.html" in [template.name for template in response.templates]
    assert document.select_one(".error-actions a[href]")  # somewhere to go from here


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_a_server_error_shows_the_platforms_page_and_no_traceback(settings, language):
    settings.ROOT_URLCONF = FAILING
    client = Client(raise_request_exception=False)

    response = client.get(f"/{language}/broken/")

    document = assert_own_error_page(response, 500, HEADINGS[500][language], language)
    assert document.select_one(f".error-actions a[href='/{language}/']")


def test_the_server_error_page_needs_neither_the_database_nor_the_context_processors(settings):
    # The fault may be the database itself: the page must not ask it anything.
    settings.ROOT_URLCONF = FAILING
    engine = settings.TEMPLATES[0]
    processors = engine["OPTIONS"]["context_processors"]
    settings.TEMPLATES = [
        {
            **engine,
            "OPTIONS": {
                **engine["OPTIONS"],
                "context_processors": [*processors, f"{FAILING}.broken_context_processor"],
            },
        }
    ]
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory())

    response = client.get("/fr/database-down/")

    # The database not answering is an outage: the same page, as 503, with when to come back.
    assert_own_error_page(response, 503, HEADINGS[500]["fr"], "fr")
    assert response["Retry-After"] == "60"


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_a_request_for_an_unknown_host_gets_the_platforms_bad_request_page(client, language):
    response = client.get(f"/{language}/", headers={"host": "attacker.example"})

    assert_own_error_page(response, 400, HEADINGS[400][language], language)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_refused_action_explains_and_offers_the_log_in_to_visitors(settings, client, language):
    settings.ROOT_URLCONF = FAILING

    response = client.get(f"/{language}/forbidden/")

    document = assert_own_error_page(response, 403, HEADINGS[403][language], language)
    login = document.select_one(".error-actions a[href*='/accounts/login/']")
    assert parse_qs(urlsplit(login["href"]).query)["next"] == [f"/{language}/forbidden/"]


def test_a_refused_action_tells_a_member_to_ask_their_coordinator(settings, client):
    settings.ROOT_URLCONF = FAILING
    client.force_login(UserFactory())

    response = client.get("/en/forbidden/")

    document = assert_own_error_page(response, 403, HEADINGS[403]["en"], "en")
    assert "coordinator" in document.main.get_text()
    assert not document.select(".error-actions a[href*='/accounts/login/']")


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_a_form_sent_without_its_token_gets_the_expired_form_page(language):
    client = Client(enforce_csrf_checks=True)

    response = client.post(f"/{language}/accounts/login/", {"login": "a@example.org"})

    document = assert_own_error_page(response, 403, HEADINGS["csrf"][language], language)
    assert "403_csrf.html" in [template.name for template in response.templates]
    back = document.select_one(".error-actions a.button")
    assert back["href"] == f"/{language}/accounts/login/"


def login_link(response) -> str:
    link = page(response).select_one("main a[href*='/accounts/login/']")
    assert link is not None, "no log-in offered"
    parts = urlsplit(link["href"])
    assert parts.path == "/en/accounts/login/"
    return parse_qs(parts.query)["next"][0]


def test_an_internal_meeting_offers_an_anonymous_visitor_the_log_in(client):
    meeting = MeetingFactory()  # agenda not published: internal
    address = f"/en/governance/meetings/{meeting.pk}/"

    response = client.get(address)

    assert response.status_code == 404
    assert login_link(response) == address


def test_a_missing_page_offers_the_log_in_too_so_as_not_to_tell_it_apart(client):
    missing = client.get("/en/governance/meetings/999999/")
    meeting = MeetingFactory()
    hidden = client.get(f"/en/governance/meetings/{meeting.pk}/")

    assert login_link(missing) == "/en/governance/meetings/999999/"
    assert page(missing).main.get_text().replace("999999", str(meeting.pk)) == (
        page(hidden).main.get_text()
    )


def test_the_address_given_back_to_the_log_in_is_escaped(client):
    address = '/en/missing/?a=1&b="><script>alert(1)</script>'

    response = client.get(address)

    assert "<script>alert" not in response.content.decode()
    assert unquote(login_link(response)) == address  # as the browser sent it, %-encoded


def test_a_logged_in_member_is_not_offered_the_log_in(client):
    client.force_login(UserFactory())

    response = client.get("/en/governance/meetings/999999/")

    assert response.status_code == 404
    assert not page(response).select("main a[href*='/accounts/login/']")
