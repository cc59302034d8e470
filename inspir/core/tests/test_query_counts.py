"""Each page's query count is pinned, and stays the same when the network grows tenfold."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inspir.accounts.models import User
from inspir.demo.scale import build_scaled

pytestmark = pytest.mark.django_db

# page → queries for an anonymous visitor (and for a logged-in member where it differs)
PUBLIC_PAGES = {
    "/en/": 3,
    "/en/networks/": 1,
    "/en/networks/inspir/": 6,
    "/en/networks/inspir-afrique-de-louest/?page=2": 6,
    "/en/organisations/": 5,
    "/en/organisations/?country=BJ&kind=trade_union&movement=yes&q=union": 5,
    "/en/organisations/?network=inspir-asia&page=2": 5,
    "/en/organisations/wsm/": 2,
    "/en/map/": 2,
}
MEMBER_PAGES = {
    "/en/": 6,
    "/en/people/": 5,
    "/en/organisations/wsm/": 8,
}


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def counts(client, pages: dict[str, int]) -> dict[str, int]:
    return {url: count_queries(client, url) for url in pages}


@pytest.fixture
def coordinator_client(client, demo):
    client.force_login(User.objects.get(email="coordinator@example.org"))
    return client


def test_public_pages_make_a_fixed_number_of_queries(client, demo):
    at_demo_size = counts(client, PUBLIC_PAGES)
    build_scaled(10)
    at_ten_times = counts(client, PUBLIC_PAGES)

    assert at_demo_size == PUBLIC_PAGES
    assert at_ten_times == PUBLIC_PAGES


def test_member_pages_make_a_fixed_number_of_queries(coordinator_client):
    at_demo_size = counts(coordinator_client, MEMBER_PAGES)
    build_scaled(10)
    at_ten_times = counts(coordinator_client, MEMBER_PAGES)

    assert at_demo_size == MEMBER_PAGES
    assert at_ten_times == MEMBER_PAGES
