"""The news as Atom feeds (RFC 4287): one for the whole site and one per network, in the
language of their address; each entry says its own language, its dates, its summary and
its author (the network), with absolute links on SITE_URL."""

import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from inspir.core.errors import found_or_404
from inspir.core.page_cache import public_page
from inspir.core.site import site_host, site_url
from inspir.network.models import Network
from inspir.website import selectors
from inspir.website.models import Post


class AtomWithLanguages(Atom1Feed):
    """Atom with each entry's `xml:lang` (a post read in its original language keeps it)."""

    def item_attributes(self, item: dict[str, Any]) -> dict[str, str]:
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes


class NewsFeed(Feed):
    feed_type = AtomWithLanguages

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Network | None:
        return None

    def title(self, obj: Network | None) -> str:
        if obj is None:
            return _("INSP!R news")
        return _("News of %(network)s") % {"network": obj.name}

    def subtitle(self, obj: Network | None) -> str:
        return _("The latest news of the International Network for Social Protection Rights.")

    def link(self, obj: Network | None) -> str:
        if obj is None:
            return site_url(reverse("website:news_index"))
        return site_url(reverse("website:network_news", kwargs={"slug": obj.slug}))

    def feed_url(self, obj: Network | None) -> str:
        if obj is None:
            return site_url(reverse("website:feed"))
        return site_url(reverse("website:network_feed", kwargs={"slug": obj.slug}))

    def feed_guid(self, obj: Network | None) -> str:
        return self.feed_url(obj)

    def author_name(self, obj: Network | None) -> str:
        return obj.name if obj is not None else "INSP!R"

    def items(self, obj: Network | None) -> list[Post]:
        return selectors.feed_posts(network=obj)

    def item_title(self, item: Post) -> str:
        return item.texts["title"].text  # type: ignore[attr-defined]

    def item_description(self, item: Post) -> str:
        return item.texts["summary"].text  # type: ignore[attr-defined]

    def item_link(self, item: Post) -> str:
        return site_url(item.get_absolute_url())

    def item_guid(self, item: Post) -> str:
        # The same entry in every language's feed.
        return f"tag:{site_host()},2020:website-post-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Post) -> datetime.datetime | None:
        return item.publish_at

    def item_updateddate(self, item: Post) -> datetime.datetime:
        # A public post always has its date (a database constraint).
        return max(item.updated_at, item.publish_at or item.updated_at)

    def item_author_name(self, item: Post) -> str:
        return item.network.name

    def item_author_link(self, item: Post) -> str:
        return site_url(reverse("website:network_news", kwargs={"slug": item.network.slug}))

    def item_extra_kwargs(self, item: Post) -> dict[str, Any]:
        return {"language": item.texts["title"].language or item.language}  # type: ignore[attr-defined]


class NetworkNewsFeed(NewsFeed):
    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Network:
        return found_or_404(selectors.section, slug=kwargs["slug"])


site_feed = public_page(require_safe(NewsFeed()))
network_feed = public_page(require_safe(NetworkNewsFeed()))
