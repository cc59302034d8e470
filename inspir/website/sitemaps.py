"""/sitemap.xml: every public page in every language, each with its alternates in the
others (hreflang) and x-default. Apps above the website add their own public pages from
their `AppConfig.ready()` with `register_sitemap` (the newsletters add their archive)."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import NoReverseMatch, reverse

from inspir.advocacy.selectors.access import public_positions
from inspir.network.models import Network, Organisation
from inspir.website import selectors


class PublicSitemap(Sitemap):
    """A sitemap in every platform language, on SITE_URL whatever host the request used."""

    i18n = True
    alternates = True
    x_default = True

    def get_domain(self, site: Any = None) -> str:
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"


# The brand kit's page (inspir.identity), listed once identity serves it under this name:
# a name that does not resolve is left out (`StaticSitemap.items`).
BRAND_KIT = "identity:brand_kit"

STATIC_PAGES = [
    "core:home",
    "website:about",
    "website:contact",
    "website:news_index",
    "website:publications",
    "advocacy:public_list",
    "network:network_tree",
    "network:members_map",
    "network:organisation_list",
    BRAND_KIT,
]


def _resolves(name: str) -> bool:
    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


class StaticSitemap(PublicSitemap):
    changefreq = "weekly"

    def items(self) -> list[str]:
        return [name for name in STATIC_PAGES if _resolves(name)]

    def location(self, item: str) -> str:
        return reverse(item)


class SectionSitemap(PublicSitemap):
    changefreq = "daily"

    def items(self) -> Any:
        return Network.objects.order_by("pk").only("slug")

    def location(self, item: Network) -> str:
        return reverse("website:network_news", kwargs={"slug": item.slug})


class PostSitemap(PublicSitemap):
    def items(self) -> Any:
        return selectors.sitemap_posts().order_by("pk")

    def location(self, item: Any) -> str:
        return item.get_absolute_url()

    def lastmod(self, item: Any) -> Any:
        return max(item.updated_at, item.publish_at)


class PositionSitemap(PublicSitemap):
    def items(self) -> Any:
        return public_positions().order_by("pk").only("pk", "updated_at")

    def location(self, item: Any) -> str:
        return reverse("advocacy:public_detail", kwargs={"pk": item.pk})

    def lastmod(self, item: Any) -> Any:
        return item.updated_at


class NetworkSitemap(PublicSitemap):
    def items(self) -> Any:
        return Network.objects.order_by("pk").only("slug")

    def location(self, item: Network) -> str:
        return reverse("network:network_detail", kwargs={"slug": item.slug})


class OrganisationSitemap(PublicSitemap):
    def items(self) -> Any:
        return Organisation.objects.order_by("pk").only("slug")

    def location(self, item: Organisation) -> str:
        return reverse("network:organisation_detail", kwargs={"slug": item.slug})


_sitemaps: dict[str, type[Sitemap]] = {
    "pages": StaticSitemap,
    "news": SectionSitemap,
    "posts": PostSitemap,
    "positions": PositionSitemap,
    "networks": NetworkSitemap,
    "organisations": OrganisationSitemap,
}


def register_sitemap(name: str, sitemap_class: type[Sitemap]) -> None:
    """Add (or replace, by name) a part of /sitemap.xml; subclass `PublicSitemap` so that it
    is in every language, on SITE_URL."""
    _sitemaps[name] = sitemap_class


def sitemaps() -> dict[str, type[Sitemap] | Sitemap]:
    return dict(_sitemaps)
