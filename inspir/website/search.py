"""What the website lets people find in the platform-wide search (core/search.py): the
public posts, found by everyone by a word of any language they are read in."""

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inspir.accounts.permissions import AnyUser
from inspir.core.search import SearchDocument, SearchProvider, every_language_words, summary_lines
from inspir.website.models import Post
from inspir.website.selectors import public_filter


def searchable_posts(user: AnyUser) -> QuerySet[Post]:
    """The posts public now, for every reader (the moment changes the query: not compiled
    once per process, so no `visibility_key`)."""
    return Post.objects.filter(public_filter(timezone.now()))


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
        queryset=lambda: Post.objects.select_related("network"),
    ),
]
