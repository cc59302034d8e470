"""The library keeps its filters (with the facets' counts) and its results until the data
changes (core/page_cache.py's shared parts, decision 0021): alike for every reader of the
library, per query and language."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inspir.learning.models import ResourceKind
from inspir.learning.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db

URL = reverse("learning:library")


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()


def test_a_new_resource_shows_at_once_in_the_results_and_the_facets(client, w):
    ResourceFactory(network=w.africa, title="Seminar in Dakar", kind=ResourceKind.SEMINAR)
    client.force_login(w.latin_member)
    before = client.get(URL).text
    assert "Seminar in Dakar" in before and "1 resource" in before
    assert "study (1)" not in before

    ResourceFactory(network=w.latin, title="Study in Lima", kind=ResourceKind.STUDY)

    after = client.get(URL).text
    assert "Seminar in Dakar" in after and "Study in Lima" in after
    assert "2 resources" in after and "study (1)" in after


def test_a_kept_page_reads_no_resource_and_shows_the_same(client, w):
    ResourceFactory(network=w.africa, title="Seminar in Dakar", branches=["sickness"])
    client.force_login(w.focal_point)
    first = client.get(URL, {"kind": ResourceKind.SEMINAR}).text

    client.force_login(w.latin_member)
    with CaptureQueriesContext(connection) as queries:
        kept = client.get(URL, {"kind": ResourceKind.SEMINAR}).text

    assert not [q for q in queries.captured_queries if "learning_resource" in q["sql"]]
    assert "Seminar in Dakar" in kept and "seminar (1)" in kept
    # Only the link to add a resource is the reader's own: Bénin's focal point writes.
    assert first.replace(reverse("learning:resource_create"), "") != first
    assert reverse("learning:resource_create") not in kept


def test_another_query_is_not_served_the_kept_part(client, w):
    ResourceFactory(network=w.africa, title="Seminar in Dakar", kind=ResourceKind.SEMINAR)
    ResourceFactory(network=w.latin, title="Study in Lima", kind=ResourceKind.STUDY)
    client.force_login(w.latin_member)
    client.get(URL, {"kind": ResourceKind.SEMINAR})

    studies = client.get(URL, {"kind": ResourceKind.STUDY}).text

    assert "Study in Lima" in studies and "Seminar in Dakar" not in studies


def test_htmx_gets_the_same_results_alone(client, w):
    ResourceFactory(network=w.africa, title="Seminar in Dakar")
    client.force_login(w.latin_member)
    client.get(URL)

    partial = client.get(URL, headers={"HX-Request": "true"}).text

    assert "<h1>" not in partial and "Seminar in Dakar" in partial
    assert partial.strip().startswith('<div id="results"')
