"""The website's reads. What is public is decided here, at the moment asked (`now`): a post
published, or scheduled for a moment that has come, so that nothing shows early even before
the worker marks it published. Each page's query count is fixed whatever the data size."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from inspir.accounts.permissions import AnyUser, networks_with_ids
from inspir.advocacy.selectors.access import public_positions
from inspir.core.collation import name_order
from inspir.governance.selectors.texts import read_texts
from inspir.network.models import Network, top_down
from inspir.website import rules
from inspir.website.models import Post, PostStatus
from inspir.website.permissions import editing_network_ids

POST_TEXTS = ("title", "summary")


def _now(now: datetime.datetime | None) -> datetime.datetime:
    return now if now is not None else timezone.now()


def public_filter(now: datetime.datetime) -> Q:
    return Q(status__in=(PostStatus.PUBLISHED, PostStatus.SCHEDULED), publish_at__lte=now)


def public_posts(*, now: datetime.datetime | None = None) -> QuerySet[Post]:
    """Every post anyone may read at `now`, latest first."""
    return (
        Post.objects.filter(public_filter(_now(now)))
        .select_related("network")
        .order_by("-publish_at", "-pk")
    )


def _read(posts: Iterable[Post], fields: tuple[str, ...] = POST_TEXTS) -> None:
    read_texts((post, field) for post in posts for field in fields)


def _page(queryset: QuerySet[Post], page: str | None) -> Page:
    listed = Paginator(queryset, rules.POSTS_PER_PAGE).get_page(page)
    listed.object_list = list(listed.object_list)
    _read(listed.object_list)
    return listed


def news_page(*, page: str | None, now: datetime.datetime | None = None) -> Page:
    """A page of every network's public posts, latest first, in the reader's language."""
    return _page(public_posts(now=now), page)


def latest_posts(
    *, limit: int = rules.HOME_POSTS, now: datetime.datetime | None = None
) -> list[Post]:
    posts = list(public_posts(now=now)[:limit])
    _read(posts)
    return posts


def sections(*, now: datetime.datetime | None = None) -> list[Network]:
    """The networks, each a section of the news, from the top down, with their public posts
    counted (`post_count`)."""
    counts = (
        Post.objects.filter(public_filter(_now(now)), network=OuterRef("pk"))
        .order_by()
        .values("network")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return list(
        Network.objects.annotate(post_count=Coalesce(Subquery(counts), 0)).order_by(
            top_down(), name_order(), "pk"
        )
    )


def section(*, slug: str) -> Network:
    return Network.objects.select_related("parent").get(slug=slug)


def section_page(
    *, network: Network, page: str | None, now: datetime.datetime | None = None
) -> Page:
    return _page(public_posts(now=now).filter(network=network), page)


@dataclass(frozen=True)
class PostPage:
    post: Post
    more: list[Post]  # the section's other latest posts


def public_post(*, slug: str, pk: int, now: datetime.datetime | None = None) -> PostPage:
    """A public post of the network `slug`, with its texts and the section's latest others."""
    post = public_posts(now=now).get(pk=pk, network__slug=slug)
    more = list(public_posts(now=now).filter(network_id=post.network_id).exclude(pk=post.pk)[:3])
    read_texts(
        [
            *((post, field) for field in ("title", "summary", "body", "image_alt")),
            *((other, "title") for other in more),
        ]
    )
    return PostPage(post=post, more=more)


def feed_posts(*, network: Network | None = None, now: datetime.datetime | None = None) -> list:
    posts = public_posts(now=now).select_related("network")
    if network is not None:
        posts = posts.filter(network=network)
    listed = list(posts[: rules.FEED_POSTS])
    _read(listed)
    return listed


def published_positions(limit: int = 5) -> list[Any]:
    """The latest positions the network published (advocacy), for the publications page."""
    positions = list(
        public_positions().select_related("network").order_by("-published_at", "-pk")[:limit]
    )
    read_texts((position, field) for position in positions for field in ("title", "summary"))
    return positions


# --- The editors' reads ----------------------------------------------------------------------


def editing_networks(user: AnyUser) -> QuerySet[Network]:
    return networks_with_ids(editing_network_ids(user)).order_by(top_down(), name_order(), "pk")


def editable_posts(user: AnyUser) -> QuerySet[Post]:
    """The posts of the networks `user` writes for, in any status."""
    ids = editing_network_ids(user)
    posts = Post.objects.select_related("network", "author")
    return posts if ids is None else posts.filter(network_id__in=ids)


def editor_page(user: AnyUser, *, page: str | None, status: str = "") -> Page:
    posts = editable_posts(user)
    if status in PostStatus.values:
        posts = posts.filter(status=status)
    ordered = posts.order_by("-updated_at", "-pk")
    listed = Paginator(ordered, 25).get_page(page)
    listed.object_list = list(listed.object_list)
    return listed


def editable_post(user: AnyUser, *, pk: int) -> Post:
    return editable_posts(user).get(pk=pk)


def post_image(*, slug: str, pk: int, user: AnyUser) -> Post:
    """A post whose picture the reader may see: a public one, or one of their networks'."""
    now = timezone.now()
    found = Post.objects.select_related("network").filter(pk=pk, network__slug=slug)
    ids = editing_network_ids(user)
    if ids is None:
        return found.get()
    return found.filter(public_filter(now) | Q(network_id__in=ids)).get()


def sitemap_posts() -> QuerySet[Post]:
    return public_posts().only("pk", "updated_at", "publish_at", "network__slug")
