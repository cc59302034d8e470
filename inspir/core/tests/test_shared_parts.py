"""`{% shared_part %}` (core/templatetags/shared_parts.py): a part rendered once and kept for
every reader with the same values, forms included: each reader gets their own CSRF token
and a fresh submit-once token for each form, never the tokens of whoever rendered it."""

import re

import pytest
from django.core.cache import caches
from django.template import Context, Template
from django.test import RequestFactory

from inspir.accounts.tests.factories import UserFactory
from inspir.core.page_cache import SHARED_WITH_VISITORS
from inspir.core.submit_once import FIELD, read_token

pytestmark = pytest.mark.django_db

PART = Template(
    '{% load shared_parts submit_once %}{% shared_part "forms" %}'
    "<p>{{ rendered_for }}</p>"
    "<form>{% csrf_token %}{% submit_once %}</form>"
    "<form>{% csrf_token %}{% submit_once %}</form>"
    "{% endshared_part %}"
)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()


def render(user, csrf: str, name: str, *, shared: bool = False) -> tuple[str, object]:
    request = RequestFactory().get("/")
    request.user = user
    if shared:  # as `public_page` marks it
        setattr(request, SHARED_WITH_VISITORS, True)
    html = PART.render(Context({"csrf_token": csrf, "request": request, "rendered_for": name}))
    return html, request


def once_tokens(html: str) -> list[str]:
    return re.findall(rf'name="{FIELD}" value="([^"]+)"', html)


def test_a_kept_part_with_forms_gives_each_reader_their_own_tokens():
    alice, bob = UserFactory(), UserFactory()
    first, alices_request = render(alice, "alices-csrf", "Alice")
    second, bobs_request = render(bob, "bobs-csrf", "Bob")

    assert "<p>Alice</p>" in second  # kept, not rendered again
    assert second.count('value="bobs-csrf"') == 2 and "alices-csrf" not in second
    alices, bobs = once_tokens(first), once_tokens(second)
    assert len(bobs) == 2 and len(set(bobs)) == 2 and not set(bobs) & set(alices)
    assert all(read_token(token, bobs_request) for token in bobs)
    assert not any(read_token(token, alices_request) for token in bobs)


def test_a_visitor_gets_no_form_token_from_a_kept_part_on_a_page_visitors_share():
    from django.contrib.auth.models import AnonymousUser

    render(UserFactory(), "members-csrf", "Member")
    html, _request = render(AnonymousUser(), "visitors-csrf", "Visitor", shared=True)

    assert once_tokens(html) == [] and FIELD not in html
    assert "members-csrf" not in html


def test_a_visitor_gets_their_own_form_tokens_from_a_kept_part_on_their_own_page():
    from django.contrib.auth.models import AnonymousUser

    member_html, _ = render(UserFactory(), "members-csrf", "Member")
    html, request = render(AnonymousUser(), "visitors-csrf", "Visitor")

    tokens = once_tokens(html)
    assert len(tokens) == 2 and not set(tokens) & set(once_tokens(member_html))
    assert all(read_token(token, request) for token in tokens)


def test_with_the_cache_off_the_part_is_rendered_for_each_reader(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    render(UserFactory(), "first", "Alice")

    html, _request = render(UserFactory(), "second", "Bob")

    assert "<p>Bob</p>" in html and 'value="second"' in html
