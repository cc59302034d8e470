"""What the website lets people find in the platform-wide search (core/search.py): the
public posts, found by everyone by a word of any language they are read in."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inspir.accounts.permissions import AnyUser
from inspir.core.search import SearchDocument, SearchProvider, every_language_words, summary_lines
from inspir.website.models import Post
from inspir.website.selectors import public_filter


def _this_minute(_user: AnyUser | None = None) -> datetime.datetime:
    return timezone.now().replace(second=0, microsecond=0)


def searchable_posts(user: AnyUser) -> QuerySet[Post]:
    """The posts public at the start of this minute, for every reader. The moment is part
    of the query, so the search compiles it once a minute (`visibility_key`) rather than for
    every search; a post due within the minute is found from the next one, when the job
    `publish_scheduled_posts` publishes it anyway."""
    return Post.objects.filter(public_filter(_this_minute()))


def post_document(post: Post) -> SearchDocument:
    return SearchDocument(
        object_id=post.pk,
        title=post.title,
        text=every_language_words(post, "title", "summary", "body"),
        summaries=summary_lines(post.network.name, _("News")),
        url_name="website:post_detail",
        url_kwargs={"slug": post.network.slug, "pk": post.pk},
    )


PROVIDERS = [
    SearchProvider(
        kind="website.post",
        label=_("News"),
        order=88,
        model=Post,
        document=post_document,
        visible=searchable_posts,
        visibility_key=_this_minute,
        queryset=lambda: Post.objects.select_related("network"),
    ),
]
