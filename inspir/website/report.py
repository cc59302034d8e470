"""The website's sections of the annual report (core/report_sections.py): the network's
identity (mission, vision and principles, values, history up to the year), the news the
networks published during the year, and how to reach the network.

Posts count in the year they became public (`publish_at`, in UTC, the platform's zone) when
they are still public: a post withdrawn since is left out, as it is from the site."""

import datetime
from typing import Any

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from inspir.core.report_sections import (
    Part,
    ReportScope,
    ReportSection,
    figure,
    register_report_section,
    text_data,
)
from inspir.core.site import site_url
from inspir.core.texts import shown_many
from inspir.network.models import Network
from inspir.website import about
from inspir.website.models import Post
from inspir.website.selectors import public_filter


def dated(moment: datetime.datetime | None) -> dict[str, str]:
    """A moment's day (UTC), for reading in the active language and for `<time datetime>`."""
    if moment is None:
        return {"date": "", "iso": ""}
    day = timezone.localtime(moment, datetime.UTC).date()
    return {"date": formats.date_format(day, "DATE_FORMAT"), "iso": day.isoformat()}


def about_data(scope: ReportScope) -> dict[str, Any]:
    """The whole network's identity, the same in every network's report; the history as it
    stood at the year's end."""
    return {
        "introduction": about.introduction(),
        "mission": about.mission(),
        "vision": about.vision(),
        "principles": about.principles(),
        "values": about.values(),
        "history": [{"year": year, "event": event} for year, event in about.history(scope.year)],
    }


def year_posts(scope: ReportScope) -> list[Post]:
    """The posts of the scope's networks that became public during the year and still are,
    oldest first: one query."""
    start, next_year = scope.moments()
    return list(
        Post.objects.filter(
            public_filter(next_year),
            publish_at__gte=start,
            publish_at__lt=next_year,
            network_id__in=scope.network_ids,
        )
        .select_related("network")
        .order_by("publish_at", "pk")
    )


def communication_data(scope: ReportScope) -> dict[str, Any] | None:
    """The news the scope's networks published during the year: three queries."""
    posts = year_posts(scope)
    if not posts:
        return None
    titles = shown_many(posts, "title")
    return {
        "count": len(posts),
        # A national report's posts are all its own: no column naming the network then.
        "several_networks": len({post.network_id for post in posts}) > 1,
        "posts": [
            {
                "title": text_data(titles[post.pk]),
                "network": post.network.name,
                "url": site_url(post.get_absolute_url()),
                **dated(post.publish_at),
            }
            for post in posts
        ],
        "figures": [figure("website.posts", len(posts), _("news posts published"))],
    }


def contact_data(scope: ReportScope) -> dict[str, Any]:
    """Where to reach the network: its name, the postal address, the website and its
    contact page. One query."""
    network = Network.objects.only("name", "slug").get(pk=scope.network_id)
    return {
        "network": network.name,
        "address": about.postal_address(),
        "website": site_url(reverse("core:home")),
        "news": site_url(reverse("website:network_news", kwargs={"slug": network.slug})),
        "contact_page": site_url(reverse("website:contact")),
    }


def register_report_sections() -> None:
    register_report_section(
        ReportSection(
            key="website.about",
            part=Part.IDENTITY,
            order=10,
            title=_("About INSP!R"),
            collect=about_data,
            template="website/report/about.html",
            columns=2,
        )
    )
    register_report_section(
        ReportSection(
            key="website.communication",
            part=Part.OPERATIONAL,
            order=35,
            title=_("Communication"),
            collect=communication_data,
            template="website/report/communication.html",
        )
    )
    register_report_section(
        ReportSection(
            key="website.contact",
            part=Part.CLOSING,
            order=20,
            title=_("Contact"),
            collect=contact_data,
            template="website/report/contact.html",
        )
    )
