"""Reading one's notices: the unread count of the header (kept in the cache, so that a page
asks the database for it only when it is not kept), the list, and each notice's text in the
reader's language (kept in the cache too: a kind's renderer may read its records)."""

from typing import Any

from django.core.cache import cache
from django.db.models import QuerySet
from django.utils.translation import get_language

from inspir.core.mail_kinds import MessageGoneError
from inspir.notifications.kinds import NoticeText, notice_kind
from inspir.notifications.models import Notification

# A kept count is exact (each notice adds one, reading sets it again); this only bounds how
# long a count moved by a path that does not update it (an erasure, the admin) may show.
UNREAD_TIMEOUT = 24 * 3600
TEXT_TIMEOUT = 3600


def notices_name(user_id: int) -> str:
    """The name of the user's notices for `page_cache.own_data_version`: their list is kept
    under its version, which every notice added or read moves on."""
    return f"notices:{user_id}"


def unread_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def _unread_query(user_id: int) -> int:
    return Notification.objects.filter(user_id=user_id, read_at__isnull=True).count()


def unread_count(user: Any) -> int:
    """How many of the user's notices are unread: no query when the count is kept."""
    if not getattr(user, "is_authenticated", False):
        return 0
    kept = cache.get(unread_key(user.pk))
    if kept is None:
        kept = unread_count_refresh(user.pk)
    return int(kept)


def unread_count_refresh(user_id: int) -> int:
    """Count the user's unread notices and keep the count."""
    count = _unread_query(user_id)
    cache.set(unread_key(user_id), count, UNREAD_TIMEOUT)
    return count


def notices_for(user: Any) -> QuerySet[Notification]:
    """The user's notices, newest first."""
    return Notification.objects.filter(user_id=user.pk).order_by("-created_at", "-pk")


GONE = NoticeText(title="", url="")


def _text_key(notice: Notification, language: str) -> str:
    return f"notifications:text:{notice.pk}:{language}"


def notice_texts(notices: list[Notification], user: Any) -> dict[int, NoticeText]:
    """Each notice's text in the active language ("GONE" when what it told about is gone or
    its kind is no longer registered), rendered once per notice and language, then kept."""
    language = get_language() or ""
    keys = {_text_key(n, language): n for n in notices}
    kept = cache.get_many(list(keys))
    texts: dict[int, NoticeText] = {}
    fresh: dict[str, Any] = {}
    for key, notice in keys.items():
        if key in kept:
            title, url, body = kept[key]
            texts[notice.pk] = NoticeText(title=title, url=url, body=body)
            continue
        try:
            kind = notice_kind(notice.kind)
        except KeyError:  # a kind no app registers any more
            kind = None
        try:
            told = kind.render(dict(notice.context), user) if kind is not None else GONE
            text = NoticeText(title=str(told.title), url=str(told.url), body=str(told.body))
        except MessageGoneError:
            text = GONE
        texts[notice.pk] = text
        fresh[key] = (text.title, text.url, text.body)
    if fresh:
        cache.set_many(fresh, TEXT_TIMEOUT)
    return texts
