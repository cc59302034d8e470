"""The newsletter's public pages in /sitemap.xml (the website's registry): the archive, each
network's archive and each sent issue, in every language."""

from typing import Any

from django.urls import reverse

from inspir.newsletters.models import Issue, IssueStatus
from inspir.newsletters.selectors.issues import archive_networks
from inspir.website.sitemaps import PublicSitemap


class ArchiveSitemap(PublicSitemap):
    changefreq = "weekly"

    def items(self) -> list[Any]:
        return [None, *archive_networks().only("slug")]

    def location(self, item: Any) -> str:
        if item is None:
            return reverse("newsletters:archive")
        return reverse("newsletters:network_archive", kwargs={"slug": item.slug})


class IssueSitemap(PublicSitemap):
    def items(self) -> Any:
        return Issue.objects.filter(status=IssueStatus.SENT).order_by("pk").only("pk", "updated_at")

    def location(self, item: Any) -> str:
        return reverse("newsletters:public_issue", kwargs={"pk": item.pk})

    def lastmod(self, item: Any) -> Any:
        return item.updated_at
