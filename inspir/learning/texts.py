"""Which of learning's fields are member-written prose, read in every language
(core/texts.py), and which are names or codes."""

from typing import Any

from inspir.core.texts import Context, not_prose, translatable


def _network(obj: Any) -> Context:
    return Context(network_id=obj.network_id)


def declare_texts() -> None:
    from inspir.learning import models as learning

    # Written for the exchange between continents: read in every language.
    translatable(learning.Resource, "title", "summary", "lessons", context=_network)
    translatable(learning.Need, "title", "description", context=_network)
    not_prose(learning.Resource, "place", reason="a place's name (a city, a country)")
    not_prose(
        learning.Attachment,
        "original_name",
        "content_type",
        reason="the uploaded file's own name and its MIME type",
    )
