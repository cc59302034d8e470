"""Governance texts as the reader sees them (core/texts.py): every text a page or a message
shows, read at once in the reader's language — two queries whatever their number — and
hung on its record, so that a template says `{% member_title meeting.texts.title %}` or
`{% member_text item.texts.description %}`."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Model

from inspir.core.page_cache import shared_value
from inspir.core.texts import ORIGINAL, Shown, key, plain, shown_all

Pairs = Iterable[tuple[Model | None, str]]


def read_texts(pairs: Pairs, *, kept_as: str = "") -> None:
    """Read each (record, field) of `pairs` in the reader's language and set it on the record,
    in `record.texts[field]` (a `core.texts.Shown`). Records that are None are left out. With
    `kept_as`, what is read is kept for every reader of the same texts in the same language,
    until governance changes (core/page_cache.py's `shared_value`)."""
    wanted = [(record, field) for record, field in pairs if record is not None]
    if not wanted:
        return
    if kept_as:
        keys = sorted({key(record, field) for record, field in wanted}, key=repr)
        found = shared_value(kept_as, keys, lambda: shown_all(wanted))
    else:
        found = shown_all(wanted)
    for record, field in wanted:
        texts = record.__dict__.setdefault("texts", {})
        texts[field] = found.get(key(record, field)) or _as_written(record, field)


def read_listed(page: Any, *fields: str) -> None:
    """`read_texts` for the records of a page of a list (a `Paginator` page), whose rows it
    reads once: `fields` of each, two queries whatever the page's size."""
    page.object_list = list(page.object_list)
    read_texts((record, field) for record in page.object_list for field in fields)


def _as_written(record: Model, field: str) -> Shown:
    # A record not saved yet has no original to read: its text as it stands.
    return Shown(
        text=getattr(record, field) or "", language=None, original_language=None, status=ORIGINAL
    )


def plain_texts(pairs: Pairs) -> None:
    """`read_texts` for a message: `record.plain[field]`, the plain text `plain` gives."""
    wanted = [(record, field) for record, field in pairs if record is not None]
    read_texts(wanted)
    for record, field in wanted:
        record.__dict__.setdefault("plain", {})[field] = plain(record.texts[field])  # type: ignore[attr-defined]
