"""One-click unsubscribe links (RFC 8058): a token signed with the site's key, salted, naming
the person, the kind of notice and their current unsubscribe secret (a new secret voids the
links already sent). No expiry: a link in an old e-mail must still work."""

from typing import Any

from django.core import signing
from django.urls import reverse
from django.utils import translation

from inspir.core.site import site_url

SALT = "inspir.notifications.unsubscribe"
# The kind of the daily digest's own link: it stops the digest e-mail (every kind delivered
# by digest goes to the in-app list only).
DIGEST_KIND = "*digest"


def unsubscribe_token(user_id: int, kind: str, secret: str) -> str:
    return signing.dumps([user_id, kind, secret], salt=SALT, compress=True)


def token_read(token: str) -> tuple[int, str, str] | None:
    """(user id, kind, secret) from a token, or None when it was not signed by the site."""
    try:
        value: Any = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if (
        isinstance(value, list)
        and len(value) == 3
        and isinstance(value[0], int)
        and all(isinstance(v, str) for v in value[1:])
    ):
        return value[0], value[1], value[2]
    return None


def unsubscribe_url(user_id: int, kind: str, secret: str, language: str) -> str:
    """The absolute address of the unsubscribe page, in `language`."""
    with translation.override(language):
        path = reverse(
            "notifications:unsubscribe",
            kwargs={"token": unsubscribe_token(user_id, kind, secret)},
        )
    return site_url(path)


def unsubscribe_headers(url: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058 headers: mail clients offer a one-click unsubscribe button that
    POSTs "List-Unsubscribe=One-Click" to the address."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
