"""The positions list keeps its filters and its results until the data changes
(core/page_cache.py's shared parts, decision 0021): for every reader of the same networks,
per query and language."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inspir.advocacy.tests.factories import PositionFactory

pytestmark = pytest.mark.django_db

URL = reverse("advocacy:position_list")


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()


def test_a_reader_of_other_networks_gets_neither_the_kept_list_nor_its_filters(client, w):
    PositionFactory(network=w.africa, title="Africa's draft")
    client.force_login(w.member)
    africa = client.get(URL).text

    client.force_login(w.latin_member)
    latin = client.get(URL).text

    assert "Africa&#x27;s draft" in africa and 'value="afrique"' in africa
    assert "Africa&#x27;s draft" not in latin and 'value="afrique"' not in latin
    assert 'value="latina"' in latin


def test_readers_of_the_same_networks_share_the_kept_parts(client, w):
    PositionFactory(network=w.africa, title="Africa's draft")
    client.force_login(w.member)
    client.get(URL)

    client.force_login(w.africa_focal_point)
    with CaptureQueriesContext(connection) as queries:
        kept = client.get(URL).text

    assert not [q for q in queries.captured_queries if "advocacy_position" in q["sql"]]
    assert "Africa&#x27;s draft" in kept and 'value="afrique"' in kept


def test_a_change_shows_at_once(client, w):
    position = PositionFactory(network=w.africa, title="Before")
    client.force_login(w.member)
    assert "Before" in client.get(URL).text

    PositionFactory(network=w.africa, title="A new position")
    position.title = "After"
    position.save()

    page = client.get(URL).text
    assert "After" in page and "A new position" in page and "Before" not in page


def test_another_query_is_not_served_the_kept_part(client, w):
    PositionFactory(network=w.africa, title="Africa's draft")
    client.force_login(w.coordinator)
    client.get(URL)

    adopted = client.get(URL, {"status": "adopted"}).text

    assert "Africa&#x27;s draft" not in adopted and "No position matches these filters." in adopted
