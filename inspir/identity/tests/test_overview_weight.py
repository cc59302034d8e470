"""The brand kit's overview stays within the platform's first-visit budget: it leads to each
network's kit page, where the previews and the files are, instead of carrying them all."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches

from bench.measure import first_visit_weight
from inspir.network.models import Network

pytestmark = pytest.mark.django_db

BUDGET = 50 * 1024  # bytes, gzip -6, the HTML with every asset it loads


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()


def test_the_overview_is_light_and_leads_to_every_networks_files(client, demo):
    weight = first_visit_weight(client, "/en/brand/")

    assert weight.total_gzip_bytes <= BUDGET, weight
    assert not weight.external
    page = BeautifulSoup(client.get("/en/brand/").text, "html.parser")
    linked = {a["href"] for a in page.find_all("a", href=True)}
    assert not page.select("a[download]")
    for network in Network.objects.all():
        kit = f"/en/brand/{network.slug}/"
        assert kit in linked, network.name
        network_page = BeautifulSoup(client.get(kit).text, "html.parser")
        downloads = {a["href"] for a in network_page.select("a[download]")}
        assert f"{kit}full-colour.svg" in downloads and f"{kit}reversed-1024.png" in downloads
