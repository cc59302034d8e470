"""Each page's query count is pinned, within budget, and the same at 1×, 10× and 100× the demo."""

import pytest
from django.db import connection
from django.test import Client
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
    "/en/": 7,
    "/en/people/": 6,
    "/en/organisations/wsm/": 9,
}


QUERY_BUDGET = 10


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def counts(client, pages: dict[str, int]) -> dict[str, int]:
    return {url: count_queries(client, url) for url in pages}


def test_every_page_stays_within_the_query_budget():
    assert max([*PUBLIC_PAGES.values(), *MEMBER_PAGES.values()]) <= QUERY_BUDGET


def test_query_counts_are_pinned_and_do_not_grow_with_the_network(client, demo):
    member = Client()
    member.force_login(User.objects.get(email="coordinator@example.org"))
    seen = {}
    for factor in (1, 10, 100):
        build_scaled(factor)
        seen[factor] = (counts(client, PUBLIC_PAGES), counts(member, MEMBER_PAGES))

    for factor, (public, members) in seen.items():
        assert public == PUBLIC_PAGES, f"anonymous visitor at {factor}x"
        assert members == MEMBER_PAGES, f"logged-in coordinator at {factor}x"
