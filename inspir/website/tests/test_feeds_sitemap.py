"""The Atom feeds, valid against RFC 4287's schema (checked with jing), and /sitemap.xml:
every public page in every language, each answering anonymously."""

import datetime
import os
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from defusedxml import ElementTree as SafeElementTree
from django.test import Client
from django.urls import reverse

from inspir.advocacy.tests.factories import PositionFactory
from inspir.core.models import TextOriginal, TextTranslation
from inspir.network.tests.factories import member_of
from inspir.website.models import PostStatus
from inspir.website.tests.factories import PostFactory

pytestmark = pytest.mark.django_db

SCHEMA = Path(__file__).with_name("atom.rnc")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
UTC = datetime.UTC


def jing() -> str:
    found = shutil.which("jing") or ("/usr/bin/jing" if Path("/usr/bin/jing").exists() else None)
    if found is None:
        if os.environ.get("INSPIR_REQUIRE_BROWSER"):
            pytest.fail("jing is required to validate the feeds (apt install jing)")
        pytest.skip("jing is not installed")
    return found


@pytest.fixture
def posts(world):
    """Posts of Bénin in French (one translated into English), of Africa in English and of
    the intercontinental network in Spanish; a draft and a post to come."""
    french = PostFactory(
        network=world.benin,
        language="fr",
        title="Les mutuelles & la santé <pour tous>",
        summary="Trois jours d'échanges à Cotonou.",
        publish_at=datetime.datetime(2020, 11, 3, 9, 0, tzinfo=UTC),
    )
    title = TextOriginal.objects.get(object_id=french.pk, field="title")
    TextTranslation.objects.create(
        original=title,
        language="en",
        text="Mutuals and health for all",
        status="reviewed",
        source_revision=title.revision,
        source_text=french.title,
    )
    PostFactory(network=world.africa, language="en", title="Africa meets online")
    PostFactory(network=world.world, language="es", title="La red presenta su plan")
    PostFactory(network=world.benin, title="A draft", status=PostStatus.DRAFT, publish_at=None)
    PostFactory(
        network=world.benin,
        title="To come",
        status=PostStatus.SCHEDULED,
        publish_at=datetime.datetime(2100, 1, 1, tzinfo=UTC),
    )
    return french


def validate(content: bytes, tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(content)
    result = subprocess.run(  # noqa: S603 - a fixed program on a file of the test's own
        [jing(), "-c", str(SCHEMA), str(feed)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "address", ["/en/news/feed/", "/en/news/benin/feed/", "/fr/news/afrique/feed/"]
)
def test_the_feeds_are_valid_atom(client, posts, tmp_path, address):
    response = client.get(address)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    validate(response.content, tmp_path)


def test_the_site_feed_gives_each_entry_its_language_dates_summary_and_author(
    client, posts, settings
):
    feed = SafeElementTree.fromstring(client.get("/en/news/feed/").content)

    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    entries = {e.find(f"{ATOM}title").text: e for e in feed.findall(f"{ATOM}entry")}
    assert set(entries) == {
        "Mutuals and health for all",
        "Africa meets online",
        "La red presenta su plan",
    }
    spanish = entries["La red presenta su plan"]
    assert spanish.get("{http://www.w3.org/XML/1998/namespace}lang") == "es"
    english = entries["Mutuals and health for all"]
    assert english.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert english.find(f"{ATOM}published").text.startswith("2020-11-03T09:00:00")
    assert english.find(f"{ATOM}updated").text
    assert english.find(f"{ATOM}summary").text == "Trois jours d'échanges à Cotonou."
    assert english.find(f"{ATOM}author/{ATOM}name").text == "INSP!R Bénin"
    link = english.find(f"{ATOM}link").get("href")
    assert link == f"{settings.SITE_URL}/en/news/benin/{posts.pk}/"


def test_the_pages_name_their_feeds(client, posts):
    for address in ("/en/news/", "/en/news/benin/", posts.get_absolute_url()):
        content = client.get(address).content.decode()
        assert 'type="application/atom+xml"' in content


def test_a_feed_of_an_unknown_network_is_not_found(client, world):
    assert client.get("/en/news/nowhere/feed/").status_code == 404


# --- The sitemap ------------------------------------------------------------------------------


def listed(client) -> tuple[list[str], ElementTree.Element]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = SafeElementTree.fromstring(response.content)
    return [url.find(f"{SITEMAP}loc").text for url in root.findall(f"{SITEMAP}url")], root


def test_every_page_of_the_sitemap_answers_anonymously_in_every_language(
    client, posts, world, settings
):
    member_of(world.benin, name="Union of Cotonou", slug="union")
    PositionFactory(network=world.benin, published_at=datetime.datetime(2020, 12, 1, tzinfo=UTC))
    addresses, root = listed(client)

    paths = [address.removeprefix(settings.SITE_URL) for address in addresses]
    assert all(address.startswith(settings.SITE_URL + "/") for address in addresses)
    for path in paths:
        assert Client().get(path).status_code == 200, path
    # Each page in French, English and Spanish.
    rest = {path[3:] for path in paths}
    for language in ("fr", "en", "es"):
        assert {path[3:] for path in paths if path.startswith(f"/{language}/")} == rest
    # Each with its alternates, x-default included.
    first = root.find(f"{SITEMAP}url")
    languages = {link.get("hreflang") for link in first.findall(f"{XHTML}link")}
    assert languages == {"fr", "en", "es", "x-default"}


def test_the_sitemap_lists_every_public_page_and_no_draft(client, posts, world):
    position = PositionFactory(
        network=world.benin, published_at=datetime.datetime(2020, 12, 1, tzinfo=UTC)
    )
    member_union = member_of(world.benin, name="Union", slug="union")
    addresses, _root = listed(client)
    paths = {address.split("/", 3)[3] for address in addresses}

    expected = {
        reverse(name).removeprefix("/en/")
        for name in (
            "core:home",
            "website:about",
            "website:contact",
            "website:news_index",
            "website:publications",
            "advocacy:public_list",
            "network:network_tree",
            "network:members_map",
            "network:organisation_list",
        )
    }
    expected |= {f"news/{slug}/" for slug in ("inspir", "afrique", "benin", "togo")}
    expected |= {f"networks/{slug}/" for slug in ("inspir", "afrique", "benin", "togo")}
    expected |= {f"news/benin/{posts.pk}/", f"advocacy/public/{position.pk}/"}
    expected |= {f"organisations/{member_union.slug}/"}
    assert expected <= {path.split("/", 1)[1] for path in paths}
    assert not any("draft" in path for path in paths)
    assert len([p for p in paths if p.startswith("en/news/benin/") and p.count("/") == 4]) == 1


def test_robots_txt_points_to_the_sitemap(client, settings):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in response.content.decode()


def test_apps_add_their_pages_to_the_sitemap(client, world, settings):
    from inspir.website.sitemaps import PublicSitemap, register_sitemap, sitemaps

    class Extra(PublicSitemap):
        def items(self):
            return ["website:about"]

        def location(self, item):
            return reverse(item) + "?extra"

    before = sitemaps()
    register_sitemap("extra", Extra)
    try:
        addresses, _root = listed(client)
    finally:
        from inspir.website import sitemaps as module

        module._sitemaps.clear()
        module._sitemaps.update(before)
    assert f"{settings.SITE_URL}/es/about/?extra" in addresses
