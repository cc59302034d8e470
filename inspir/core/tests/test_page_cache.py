import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.core.tests.permission_matrix import rule_for, url_names
from inspir.core.tests.world import kwargs
from inspir.network.tests.factories import NetworkFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    cache.clear()


@pytest.fixture
def union():
    return member_of(NetworkFactory(), name="Union of Cotonou", slug="union")


def test_a_public_page_is_rendered_once_for_anonymous_visitors(
    client, union, django_assert_num_queries
):
    client.get("/en/organisations/union/")

    with django_assert_num_queries(0):
        response = client.get("/en/organisations/union/")

    assert "Union of Cotonou" in response.content.decode()


def test_a_change_to_the_registry_shows_at_once(client, union):
    client.get("/en/organisations/union/")
    client.get("/en/")

    union.name = "Union of Cotonou-Sud"
    union.save()

    assert "Union of Cotonou-Sud" in client.get("/en/organisations/union/").content.decode()


def test_each_language_and_each_htmx_fragment_is_cached_apart(client, union):
    english = client.get("/en/organisations/").content.decode()
    french = client.get("/fr/organisations/").content.decode()
    fragment = client.get("/en/organisations/", headers={"HX-Request": "true"}).content.decode()

    assert 'lang="en"' in english and 'lang="fr"' in french
    assert "<html" not in fragment
    assert "<html" in client.get("/en/organisations/").content.decode()


def test_logged_in_people_always_get_a_fresh_page(client, union):
    client.get("/en/organisations/union/")
    client.force_login(user_with_role(union.memberships.get().network, Role.COORDINATOR))

    response = client.get("/en/organisations/union/")

    assert "/en/organisations/union/edit/" in response.content.decode()


def test_the_cache_can_be_turned_off(client, union, settings, django_assert_num_queries):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    client.get("/en/organisations/union/")

    # The organisation, its memberships, its description's original and translation.
    with django_assert_num_queries(4):
        client.get("/en/organisations/union/")


# Pages anonymous visitors may open that read the database on every request, and why.
READ_EACH_TIME = {
    "network:organisation_export": "a download streamed row by row, never held whole",
    "governance:committee_feed": "a calendar file fetched by calendar apps, not by readers",
    "governance:person_feed": "one person's calendar behind a secret address: private",
    "accounts_invitation_accept": "one person's invitation behind a secret address: private",
    "notifications:unsubscribe": "one person's unsubscribe link behind a signed address: private",
    # newsletters
    "newsletters:subscribe": "a form with each visitor's own CSRF token",
    "newsletters:preferences": "one subscriber's choices behind a signed address: private",
    "newsletters:unsubscribe": "one subscriber's unsubscribe link behind a signed address: private",
    # identity and website: files, kept by browsers (Cache-Control, ETag) and drawn once
    "identity:compact_svg": "a logo file: its network looked up, the file read from storage",
    "identity:mark_png": "a logo file: its network looked up, the file read from storage",
    "identity:mark_svg": "a logo file: its network looked up, the file read from storage",
    "identity:social_image": "a picture file: its network looked up, the file read from storage",
    "website:post_image": "a post's picture: whether the post is public now is asked each time",
    "health": "the health check asks the database each time: that is what it is for",
}


def test_every_public_page_is_served_from_the_cache_the_second_time(world):
    """A public page that reads the database reads it once per registry change, whatever
    the traffic: the second anonymous visit makes no query (pages reading nothing pass)."""
    kwargs_for = kwargs(world)
    read_again = []
    for name, pattern in url_names():
        rule = rule_for(name)
        if rule is None or rule.get is None or "anonymous" not in rule.get:
            continue
        url = reverse(name, kwargs=kwargs_for(rule.kwargs, pattern))
        client = Client()
        if client.get(url).status_code != 200:
            continue
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        if queries.captured_queries:
            read_again.append(name)

    assert sorted(read_again) == sorted(READ_EACH_TIME), ", ".join(sorted(read_again))


def test_a_page_is_kept_compressed_for_browsers_that_accept_gzip(client, union):
    import gzip

    client.get("/en/organisations/union/", headers={"Accept-Encoding": "gzip, br"})

    served = client.get("/en/organisations/union/", headers={"Accept-Encoding": "gzip, br"})

    assert served["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in served["Vary"]
    assert "Union of Cotonou" in gzip.decompress(served.content).decode()
    plain = client.get("/en/organisations/union/")
    assert "Content-Encoding" not in plain
    assert "Union of Cotonou" in plain.content.decode()
