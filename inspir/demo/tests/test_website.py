"""The demo's news: posts of every continental network and of the intercontinental one, in
their languages, some translated, one scheduled and one draft; loading twice changes
nothing; the scale generator copies them and removes its copies."""

import pytest
from django.test import Client

from inspir.demo.website import load_website, website_scale, website_scaled_remove
from inspir.network.models import Network
from inspir.website.models import Post, PostStatus

pytestmark = pytest.mark.django_db


def test_the_demo_news_in_every_state_and_language(demo):
    networks = {network.slug: network for network in Network.objects.all()}

    first = load_website(networks)
    again = load_website(networks)

    assert first == again
    assert Post.objects.count() == first.posts
    assert set(Post.objects.values_list("language", flat=True)) == {"fr", "en", "es"}
    assert Post.objects.filter(status=PostStatus.SCHEDULED).count() == 1
    assert Post.objects.filter(status=PostStatus.DRAFT).count() == 1
    page = Client().get("/fr/news/inspir/").content.decode()
    assert "INSP!R tient son premier comité de pilotage en ligne" in page

    summary = website_scale(
        range(1, 3),
        prefix="~",
        batch_size=100,
        organisation_copy=lambda pk, copy: pk,
        person_copy=lambda pk, copy: pk,
    )
    assert summary.posts == 2 * first.posts
    website_scaled_remove("~")
    assert Post.objects.count() == first.posts
