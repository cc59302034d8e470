"""The committee pages' query counts are pinned and the same at 1× and 10× the demo."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from inspir.accounts.models import User
from inspir.demo.scale import build_scaled
from inspir.governance.models import Mandate

pytestmark = pytest.mark.django_db

# page → queries for an anonymous visitor, and for the demo's network coordinator. A
# committee page reads the committee with its seat rules (and the reader's zone) in one
# query, and the titles of its next meetings and open rounds in the reader's language in two
# whatever their number (none when it shows none, as West Africa's).
PAGES = {
    "/en/governance/": (1, 4),
    "/en/governance/committees/inspir/": (6, 10),
    "/en/governance/committees/inspir-afrique-de-louest/": (3, 7),
}


def count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_committee_pages_keep_their_pinned_query_counts_at_ten_times_the_demo(client, demo):
    coordinator = Client()
    coordinator.force_login(User.objects.get(email="coordinator@example.org"))
    seen = {}
    for factor in (1, 10):
        build_scaled(factor)
        seen[factor] = {url: (count(client, url), count(coordinator, url)) for url in PAGES}

    assert Mandate.objects.filter(person__email__startswith="scaled-").count() > 100
    assert seen[1] == PAGES
    assert seen[10] == PAGES
    assert max(n for pair in PAGES.values() for n in pair) <= 10
