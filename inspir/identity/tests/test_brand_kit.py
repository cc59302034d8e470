"""The brand kit: an overview that leads to every network's kit page, where its mark and
files are, for everyone; and the files served."""

import io

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree as ET
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from inspir.identity import charter, variants, views
from inspir.network.models import Level, Network
from inspir.network.tests.factories import NetworkFactory, continental, national

pytestmark = pytest.mark.django_db

KIT = "/en/brand/"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()


def _kit(client, url: str = KIT) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser")


def _cards(page: BeautifulSoup) -> dict[str, object]:
    return {card.h3.get_text(strip=True): card for card in page.select("ul.brand-marks > li")}


def _links(page: BeautifulSoup) -> dict[str, str]:
    """The networks listed in the overview's directory: name → address."""
    return {a.get_text(strip=True): a["href"] for a in page.select(".brand-directory li a")}


def _downloads(page: BeautifulSoup) -> set[str]:
    return {link["href"] for link in page.select("a[download]")}


def test_the_overview_previews_the_top_marks_and_lists_every_network(client, demo):
    page = _kit(client)

    tops = Network.objects.exclude(level=Level.NATIONAL)
    cards = _cards(page)
    assert set(cards) == {network.name for network in tops} and len(cards) == 6
    for network in tops:
        preview = cards[network.name].find("img")
        assert preview["src"] == f"/en/brand/{network.slug}/full-colour-compact.svg"
        assert preview["alt"] == f"{charter.mark_name(charter.label_of(network.name))} logo"
        assert int(preview["width"]) and int(preview["height"])
    links = _links(page)
    assert links == {n.name: f"/en/brand/{n.slug}/" for n in Network.objects.all()}
    assert len(links) == 25
    # National networks are plain links, under their continental network.
    directory = page.select_one(".brand-directory")
    assert not directory.find("img") and not _downloads(page)
    headings = [h3.get_text(strip=True) for h3 in directory.find_all("h3")]
    assert headings == ["Intercontinental", "Continental", "National"]
    parents = Network.objects.filter(level=Level.CONTINENTAL, children__isnull=False).distinct()
    assert len(parents) >= 3
    for continental_network in parents:
        heading = directory.find("h4", string=continental_network.name)
        listed = {a.get_text(strip=True) for a in heading.find_next_sibling("ul").find_all("a")}
        assert listed == set(continental_network.children.values_list("name", flat=True))
    assert "style=" not in str(page)


def test_every_demo_networks_kit_page_has_its_files(client, demo):
    for network in Network.objects.all():
        page = _kit(client, f"/en/brand/{network.slug}/")
        links = page.select("a[download]")
        hrefs = {link["href"] for link in links}
        for variant in charter.VARIANTS:
            assert f"/en/brand/{network.slug}/{variant.slug}.svg" in hrefs
            assert f"/en/brand/{network.slug}/{variant.slug}-compact.svg" in hrefs
            for width in charter.PNG_WIDTHS:
                assert f"/en/brand/{network.slug}/{variant.slug}-{width}.png" in hrefs
        assert all(link["download"].startswith(network.slug) for link in links)
        assert page.find("img")["alt"].startswith(charter.mark_name(charter.label_of(network.name)))


def test_a_continental_networks_kit_page_lists_its_national_networks(client, demo):
    page = _kit(client, "/en/brand/inspir-asia/")

    listed = {a.get_text(strip=True): a["href"] for a in page.select("#members + ul a")}

    asia = Network.objects.get(slug="inspir-asia")
    assert listed == {n.name: f"/en/brand/{n.slug}/" for n in asia.children.all()}
    assert "INSP!R Nepal" in listed
    assert not _kit(client, "/en/brand/inspir-nepal/").find(id="members")


def test_many_national_networks_are_listed_on_their_continental_networks_page(
    client, db, monkeypatch
):
    monkeypatch.setattr(views, "NATIONAL_LINKS_LIMIT", 3)
    top = NetworkFactory(name="INSP!R", slug="inspir")
    africa = continental(top, name="INSP!R Afrique", slug="afrique")
    asia = continental(top, name="INSP!R Asia", slug="asia")
    for number in range(3):
        national(africa, name=f"INSP!R Country {number}", slug=f"country-{number}")
    national(asia, name="INSP!R Nepal", slug="nepal")

    page = _kit(client)

    links = _links(page)
    assert "INSP!R Nepal" not in links and "INSP!R Country 0" not in links
    assert links["INSP!R Afrique: 3 national networks"] == "/en/brand/afrique/#members"
    assert links["INSP!R Asia: 1 national network"] == "/en/brand/asia/#members"
    africa_page = _kit(client, "/en/brand/afrique/")
    assert len(africa_page.select("#members + ul a")) == 3


def test_every_demo_networks_files_are_drawn_and_served(client, demo):
    for network in Network.objects.all():
        svg = client.get(reverse("identity:mark_svg", args=[network.slug, "full-colour"]))
        assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"
        root = ET.fromstring(svg.content)
        assert not list(root.iter("{http://www.w3.org/2000/svg}text"))
        assert root.find("{http://www.w3.org/2000/svg}title").text == charter.mark_name(
            charter.label_of(network.name)
        )

        png = client.get(reverse("identity:mark_png", args=[network.slug, "full-colour", 256]))
        image = Image.open(io.BytesIO(png.content)).convert("RGBA")
        assert png["Content-Type"] == "image/png" and image.width == 256
        orange = tuple(int(charter.ORANGE.hex[i : i + 2], 16) for i in (1, 3, 5)) + (255,)
        assert orange in set(image.get_flattened_data()), network.name


def test_a_new_network_gets_its_mark_with_no_work(client, db):
    africa = continental(NetworkFactory(name="INSP!R", slug="inspir"), name="INSP!R Afrique")
    client.get(KIT)  # kept by the page cache

    kenya = national(africa, name="INSP!R Kenya", slug="inspir-kenya")

    page = _kit(client)
    assert set(_links(page)) == {"INSP!R", "INSP!R Afrique", "INSP!R Kenya"}
    assert _links(page)["INSP!R Kenya"] == "/en/brand/inspir-kenya/"
    kit = _kit(client, "/en/brand/inspir-kenya/")
    link = kit.find("a", href="/en/brand/inspir-kenya/reversed-512.png")
    assert link and link.has_attr("download")
    response = client.get(link["href"])
    assert Image.open(io.BytesIO(response.content)).width == 512
    svg = client.get(reverse("identity:mark_svg", args=[kenya.slug, "full-colour"]))
    assert b'<title id="title">INSP!R Kenya</title>' in svg.content


def test_a_renamed_network_gets_a_new_mark_under_a_new_etag(client, db):
    network = NetworkFactory(name="INSP!R", slug="inspir")
    benin = national(continental(network), name="INSP!R Benin", slug="benin")
    url = reverse("identity:mark_svg", args=["benin", "full-colour"])
    before = client.get(url)

    benin.name = "INSP!R Bénin"
    benin.save()
    after = client.get(url)

    assert before["ETag"] != after["ETag"]
    assert "INSP!R Bénin" in after.content.decode()


def test_files_are_kept_for_long_and_revalidated_by_their_etag(client, db, monkeypatch):
    national(continental(NetworkFactory(name="INSP!R")), name="INSP!R Nepal", slug="nepal")
    drawn = []
    draw = variants.resvg_py.svg_to_bytes
    monkeypatch.setattr(
        variants.resvg_py, "svg_to_bytes", lambda **kw: drawn.append(1) or draw(**kw)
    )
    url = reverse("identity:mark_png", args=["nepal", "single-colour", 128])

    first = client.get(url)
    second = client.get(url)
    unchanged = client.get(url, headers={"If-None-Match": first["ETag"]})

    assert first.content == second.content and len(drawn) == 1
    assert "public" in first["Cache-Control"] and "max-age=604800" in first["Cache-Control"]
    assert first["ETag"] == second["ETag"]
    assert unchanged.status_code == 304 and not unchanged.content


@pytest.mark.parametrize(
    "url",
    [
        "/en/brand/nowhere/",
        "/en/brand/nowhere/full-colour.svg",
        "/en/brand/nepal/purple.svg",
        "/en/brand/nepal/full-colour-300.png",
        "/en/brand/nowhere/social.png",
    ],
)
def test_unknown_networks_variants_and_widths_are_not_found(client, db, url):
    national(continental(NetworkFactory(name="INSP!R")), name="INSP!R Nepal", slug="nepal")

    assert client.get(url).status_code == 404


def test_the_pages_are_read_only(client, db):
    assert client.post(KIT).status_code == 405


def test_a_networks_kit_shows_its_variants_and_its_social_picture(client, db):
    national(continental(NetworkFactory(name="INSP!R")), name="INSP!R Nepal", slug="nepal")

    page = _kit(client, "/en/brand/nepal/")

    assert page.h1.get_text(strip=True) == "INSP!R Nepal logo"
    assert [h2.get_text(strip=True) for h2 in page.select(".brand-variants h2")] == [
        "Full colour",
        "Reversed",
        "Single colour",
    ]
    og_image = page.find("meta", property="og:image")["content"]
    assert og_image == settings.SITE_URL + "/en/brand/nepal/social.png"
    social = client.get("/en/brand/nepal/social.png")
    assert Image.open(io.BytesIO(social.content)).size == charter.SOCIAL_IMAGE_SIZE
    # The charter is documented on the page.
    assert page.find(id="charter") and page.find(id="charter-clear-space")
    for colour in charter.PALETTE:
        assert page.find("rect", attrs={"fill": colour.hex})


def test_og_image_url_is_absolute(db):
    nepal = national(continental(NetworkFactory(name="INSP!R")), name="INSP!R Nepal")

    assert variants.og_image_url(nepal) == (f"{settings.SITE_URL}/en/brand/{nepal.slug}/social.png")


def _queries(client, url: str) -> int:
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_kits_query_count_does_not_grow_with_the_networks(client, db):
    top = NetworkFactory(name="INSP!R", slug="inspir")
    africa = continental(top, name="INSP!R Afrique")
    national(africa, name="INSP!R Nepal", slug="nepal")
    pages = (KIT, "/en/brand/nepal/", f"/en/brand/{africa.slug}/")
    few = tuple(_queries(client, page) for page in pages)

    for number in range(20):
        national(africa, name=f"INSP!R Country {number}")

    assert tuple(_queries(client, page) for page in pages) == few == (1, 1, 1)
    assert Network.objects.filter(level=Level.NATIONAL).count() == 21


@pytest.mark.parametrize(
    ("size", "width", "file"),
    [("small", 128, "full-colour-compact.svg"), ("large", 400, "full-colour.svg")],
)
def test_the_template_tag_draws_a_networks_mark(db, size, width, file):
    nepal = national(continental(NetworkFactory(name="INSP!R")), name="INSP!R Nepal")
    template = Template(f'{{% load identity %}}{{% network_mark network size="{size}" %}}')

    img = BeautifulSoup(template.render(Context({"network": nepal})), "html.parser").img

    assert img["alt"] == "INSP!R Nepal logo"
    assert img["src"] == f"/en/brand/{nepal.slug}/{file}"
    assert int(img["width"]) == width
    mark = variants.layout_at("Nepal", width)
    assert int(img["height"]) == mark.height_at(width)
