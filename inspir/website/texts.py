"""Which of the website's fields are member-written prose, read in every language
(core/texts.py): a post's title, summary, text and picture description go to its
network's translators, needed by the moment it is published."""

from typing import Any

from inspir.core.texts import Context, not_prose


def _post(post: Any) -> Context:
    return Context(network_id=post.network_id, needed_by=post.publish_at)


def declare_texts() -> None:
    from inspir.core.texts import translatable
    from inspir.website.models import Post

    translatable(Post, "title", "summary", "body", "image_alt", context=_post)
    not_prose(
        Post,
        "language",
        "status",
        "image_small",
        "image_medium",
        "image_large",
        reason="a language code, a status and stored file names",
    )
