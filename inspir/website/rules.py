"""The website's constants and predicates: what a post may hold, when it is public, which
HTML its Markdown may give and which pictures are accepted. No services, selectors or views."""

import datetime

from inspir.website.models import Post, PostStatus

# The widths a post's picture is served in (never wider than the upload), for `srcset`.
IMAGE_WIDTHS = {"small": 480, "medium": 960, "large": 1600}
IMAGE_MAX_BYTES = 10 * 1024 * 1024
# Larger pictures are refused before they are decoded (a "decompression bomb").
IMAGE_MAX_PIXELS = 40_000_000
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}

# How many posts a page of the news lists, and how many the home page shows.
POSTS_PER_PAGE = 10
HOME_POSTS = 4
FEED_POSTS = 30

# What the contact form accepts from one address in an hour.
CONTACT_PER_HOUR = 5

# The HTML a post's Markdown may give (inspir/website/markup.py): text, headings, lists,
# quotes, tables, code, links and pictures — no script, style, form or frame.
ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "b", "i", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub",
    "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "th": {"scope"},
    "td": set(),
}
LINK_SCHEMES = {"http", "https", "mailto"}


def is_public(post: Post, now: datetime.datetime) -> bool:
    """Whether anyone may read `post` at `now`: published, or scheduled for a moment come."""
    return (
        post.status in (PostStatus.PUBLISHED, PostStatus.SCHEDULED)
        and post.publish_at is not None
        and post.publish_at <= now
    )


def status_after(action: str, publish_at: datetime.datetime | None, now: datetime.datetime) -> str:
    """The status an editor's button gives: "draft", "schedule" (a moment to come) or
    "publish" (now)."""
    if action == "publish":
        return PostStatus.PUBLISHED
    if action == "schedule":
        return (
            PostStatus.SCHEDULED
            if publish_at is not None and publish_at > now
            else PostStatus.PUBLISHED
        )
    return PostStatus.DRAFT
