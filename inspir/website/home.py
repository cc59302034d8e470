"""The home page's "latest news" section (core/navigation.py's registry): the same for
every reader of a language, since the home page is kept whole in the page cache."""

from typing import Any

from inspir.website import selectors


def latest_news(request: Any) -> dict[str, Any] | None:
    posts = selectors.latest_posts()
    return {"posts": posts} if posts else None
