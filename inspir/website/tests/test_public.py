"""The public website: about and contact, the news of every network and of each, a post's
page in every language with its fallback note, scheduled publication, the home page,
link previews and search."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.utils import timezone

from inspir.core import search
from inspir.core.models import OutgoingEmail, TextOriginal, TextTranslation
from inspir.translations import selectors as translation_selectors
from inspir.website.models import Post, PostStatus
from inspir.website.tests.factories import PostFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_about_page_tells_the_history_year_by_year(client, world):
    page = soup(client.get("/en/about/"))

    years = [item.select_one(".timeline-year").get_text() for item in page.select("ol.timeline li")]
    assert years[0] == "1974" and years[-1] == "2020"
    assert years == sorted(years)
    assert len(page.select("ol.principles li")) == 5
    links = {a["href"] for a in page.select("a")}
    assert {"/en/networks/", "/en/map/"} <= links


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_the_about_page_is_in_every_language(client, world, language):
    page = soup(client.get(f"/{language}/about/"))

    assert page.html["lang"] == language


# --- News, sections, posts ------------------------------------------------------------------


def test_the_news_lists_every_networks_posts_and_each_section_its_own(client, world):
    benin = PostFactory(network=world.benin, title="Benin news")
    togo = PostFactory(network=world.togo, title="Togo news")

    index = client.get("/en/news/").content.decode()
    section = client.get("/en/news/benin/").content.decode()

    assert "Benin news" in index and "Togo news" in index
    assert "Benin news" in section and "Togo news" not in section
    assert soup(client.get(benin.get_absolute_url())).h1.get_text() == "Benin news"
    # A post is found under its own network's address only.
    assert client.get(f"/en/news/togo/{benin.pk}/").status_code == 404
    assert togo.pk


def test_a_section_links_to_its_network_and_shows_its_mark(client, world):
    page = soup(client.get("/en/news/benin/"))

    links = {a["href"] for a in page.select("a")}
    assert "/en/networks/benin/" in links and "/en/map/" in links
    mark = page.select_one(".network-news-head")
    assert mark.find("img") or mark.get_text(strip=True)
    feeds = page.select('link[rel="alternate"][type="application/atom+xml"]')
    assert "/en/news/benin/feed/" in {link["href"] for link in feeds}


def test_an_unknown_section_is_not_found(client, world):
    assert client.get("/en/news/nowhere/").status_code == 404


def test_a_french_post_read_in_english_says_it_is_the_original_then_its_translation(client, world):
    post = PostFactory(
        network=world.benin,
        language="fr",
        title="Assemblée des mutuelles",
        summary="Trois jours à Cotonou.",
        body="Un **compte rendu**.",
    )
    page = soup(client.get(post.get_absolute_url().replace("/en/", "/en/")))
    assert page.select_one("h1 span[lang=fr]").get_text() == "Assemblée des mutuelles"
    assert "(original in French)" in page.h1.get_text()
    assert "Original in French: not translated yet." in page.get_text()
    assert page.select_one(".post-text[lang=fr] strong").get_text() == "compte rendu"

    body = TextOriginal.objects.get(object_id=post.pk, field="body")
    TextTranslation.objects.create(
        original=body,
        language="en",
        text="A **report**.",
        status="reviewed",
        source_revision=body.revision,
        source_text=post.body,
    )
    page = soup(client.get(f"/en/news/benin/{post.pk}/"))
    assert page.select_one(".post-text[lang=en] strong").get_text() == "report"
    assert "Translated from French." in page.get_text()


def test_posts_wait_in_the_translation_queue_of_their_network(world):
    post = PostFactory(
        network=world.benin,
        language="fr",
        publish_at=datetime.datetime(2030, 1, 1, tzinfo=UTC),
        status=PostStatus.SCHEDULED,
    )

    originals = TextOriginal.objects.filter(object_id=post.pk, network_id=world.benin.pk)
    assert set(originals.values_list("field", flat=True)) == {"title", "summary", "body"}
    assert {o.needed_by for o in originals} == {post.publish_at}
    queue = translation_selectors.queue(world.top_coordinator, network=world.benin, language="es")
    assert {entry.original.field for entry in queue.to_translate} >= {"title", "summary", "body"}


# --- Scheduled publication ------------------------------------------------------------------


def _everywhere(client, post) -> dict[str, bool]:
    title = post.title
    return {
        "index": title in client.get("/en/news/").content.decode(),
        "section": title in client.get("/en/news/benin/").content.decode(),
        "page": client.get(post.get_absolute_url()).status_code == 200,
        "feed": title in client.get("/en/news/feed/").content.decode(),
        "network feed": title in client.get("/en/news/benin/feed/").content.decode(),
        "sitemap": f"/news/benin/{post.pk}/" in client.get("/sitemap.xml").content.decode(),
        "home": title in client.get("/en/").content.decode(),
        "search": any(
            kind.kind == "website.post" for kind in search.search(AnonymousUser(), "Harvest")
        ),
    }


def test_a_scheduled_post_appears_nowhere_before_its_moment_and_everywhere_after(
    client, world, monkeypatch
):
    moment = datetime.datetime(2030, 3, 2, 9, 0, tzinfo=UTC)
    post = PostFactory(
        network=world.benin,
        title="Harvest festival of the mutuals",
        status=PostStatus.SCHEDULED,
        publish_at=moment,
    )

    monkeypatch.setattr(timezone, "now", lambda: moment - datetime.timedelta(minutes=1))
    assert _everywhere(client, post) == dict.fromkeys(_everywhere(client, post), False)

    monkeypatch.setattr(timezone, "now", lambda: moment + datetime.timedelta(seconds=1))
    call_command("publish_scheduled_posts")
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    assert _everywhere(client, post) == dict.fromkeys(_everywhere(client, post), True)


def test_the_publication_job_publishes_once_and_only_what_is_due(world):
    from inspir.core.models import AuditEntry
    from inspir.website import services

    now = datetime.datetime(2030, 3, 2, 9, 0, tzinfo=UTC)
    due = PostFactory(network=world.benin, status=PostStatus.SCHEDULED, publish_at=now)
    later = PostFactory(
        network=world.benin,
        status=PostStatus.SCHEDULED,
        publish_at=now + datetime.timedelta(hours=1),
    )

    assert services.posts_publish_due(now=now) == 1
    assert services.posts_publish_due(now=now) == 0
    assert Post.objects.get(pk=due.pk).status == PostStatus.PUBLISHED
    assert Post.objects.get(pk=later.pk).status == PostStatus.SCHEDULED
    assert AuditEntry.objects.filter(action="website.post.published").count() == 1


def test_the_publication_job_is_on_the_workers_schedule():
    from inspir.core.scheduler import default_schedule

    job = next(spec for spec in default_schedule() if spec.name == "publish_scheduled_posts")
    assert job.interval_seconds == 60


def test_drafts_and_withdrawn_posts_are_never_public(client, world):
    draft = PostFactory(network=world.benin, status=PostStatus.DRAFT, publish_at=None)
    gone = PostFactory(network=world.benin, status=PostStatus.WITHDRAWN)

    for post in (draft, gone):
        assert client.get(post.get_absolute_url()).status_code == 404
        assert post.title not in client.get("/en/news/").content.decode()


# --- Home, menu, link previews, search --------------------------------------------------------


def test_the_home_page_shows_the_latest_news_with_their_network(client, world):
    for day in range(1, 7):
        PostFactory(
            network=world.benin,
            title=f"Day {day}",
            publish_at=datetime.datetime(2020, 11, day, tzinfo=UTC),
        )

    page = soup(client.get("/en/"))

    section = page.select_one(".home-news")
    titles = [h3.get_text(strip=True) for h3 in section.select("h3")]
    assert titles == ["Day 6", "Day 5", "Day 4", "Day 3"]
    assert "INSP!R Bénin" in section.get_text()
    cards = [card.h3.get_text(strip=True) for card in page.select(".cards .card")]
    assert "News" in cards


def test_the_home_page_has_no_news_section_without_news(client, world):
    assert soup(client.get("/en/")).select_one(".home-news") is None


def test_a_post_page_describes_itself_for_link_previews(client, world):
    post = PostFactory(network=world.benin, title="Mutuals", summary="Three days in Cotonou.")

    page = soup(client.get(post.get_absolute_url()))

    meta = {tag["property"]: tag["content"] for tag in page.select("meta[property]")}
    assert meta["og:type"] == "article"
    assert meta["og:title"] == "Mutuals"
    assert meta["og:description"] == "Three days in Cotonou."
    assert meta["article:published_time"] == "2020-11-02T09:00:00+00:00"
    assert meta["og:url"].endswith(post.get_absolute_url())
    # Without a picture of its own: the network's (inspir.identity, through brand.py).
    assert meta["og:image"].endswith("/benin/social.png")


def test_the_search_finds_public_posts_by_a_word_of_any_language(world):
    PostFactory(network=world.benin, title="Mutuals gather in Cotonou")
    PostFactory(
        network=world.benin, title="Cotonou draft", status=PostStatus.DRAFT, publish_at=None
    )

    found = {kind.kind: kind for kind in search.search(AnonymousUser(), "cotonou")}

    assert [hit.title for hit in found["website.post"].hits] == ["Mutuals gather in Cotonou"]


# --- Contact -----------------------------------------------------------------------------------


def contact_form(client) -> dict[str, str]:
    page = soup(client.get("/en/contact/"))
    token = page.select_one("input[name=form_token]")["value"]
    return {
        "form_token": token,
        "name": "Ana Journalist",
        "email": "ana@example.org",
        "subject": "Interview\nBcc: spam@example.org",
        "message": "Could we talk about the Global Fund?",
        "website": "",
    }


def test_the_contact_form_reaches_the_intercontinental_coordinators_once(client, world):
    data = contact_form(client)

    first = client.post("/en/contact/", data, follow=True)
    client.post("/en/contact/", data)

    sent = OutgoingEmail.objects.get()
    assert sent.recipient == "coordination@example.org"
    assert sent.reply_to == "ana@example.org"
    assert "Global Fund" in sent.body and "\n" not in sent.subject
    assert "Thank you: your message was sent" in first.content.decode()
    assert "Chaussée de Haecht 579" in first.content.decode()


def test_the_contact_form_keeps_what_was_typed_when_it_is_incomplete(client, world):
    data = {**contact_form(client), "email": "not an address"}

    page = soup(client.post("/en/contact/", data))

    assert page.select_one("#id_name")["value"] == "Ana Journalist"
    assert not OutgoingEmail.objects.exists()


def test_robots_filling_the_hidden_field_send_nothing(client, world):
    response = client.post(
        "/en/contact/", {**contact_form(client), "website": "http://spam"}, follow=True
    )

    assert "Thank you" in response.content.decode()
    assert not OutgoingEmail.objects.exists()


def test_the_contact_form_is_throttled_per_address(client, world):
    for _attempt in range(5):
        client.post("/en/contact/", contact_form(client))
    response = client.post("/en/contact/", contact_form(client))

    assert "Too many messages" in response.content.decode()
    assert OutgoingEmail.objects.count() == 5
