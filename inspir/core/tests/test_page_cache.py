import pytest
from django.core.cache import cache

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
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

    with django_assert_num_queries(2):
        client.get("/en/organisations/union/")
