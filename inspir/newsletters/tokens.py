"""The links of the newsletter's e-mails, signed with the site's key and naming the
subscriber's current secret (a new secret voids every link already sent). The confirmation
link names the consent it confirms; the preferences and unsubscribe links do not expire, so
that a link in an old issue still works (RFC 8058)."""

from typing import Any

from django.core import signing
from django.urls import reverse
from django.utils import translation

from inspir.core.site import site_url

MANAGE_SALT = "inspir.newsletters.manage"
CONFIRM_SALT = "inspir.newsletters.confirm"


def manage_token(subscriber_id: int, secret: str) -> str:
    return signing.dumps([subscriber_id, secret], salt=MANAGE_SALT, compress=True)


def confirm_token(subscriber_id: int, consent_id: int, secret: str) -> str:
    return signing.dumps([subscriber_id, consent_id, secret], salt=CONFIRM_SALT, compress=True)


def _ints_and_secret(value: Any, count: int) -> tuple[Any, ...] | None:
    if (
        isinstance(value, list)
        and len(value) == count + 1
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value[:count])
        and isinstance(value[count], str)
    ):
        return tuple(value)
    return None


def manage_read(token: str) -> tuple[int, str] | None:
    """(subscriber id, secret), or None for a token the site did not sign."""
    try:
        found = _ints_and_secret(signing.loads(token, salt=MANAGE_SALT), 1)
    except signing.BadSignature:
        return None
    return (found[0], found[1]) if found else None


def confirm_read(token: str) -> tuple[int, int, str] | None:
    """(subscriber id, consent id, secret), or None for a token the site did not sign."""
    try:
        found = _ints_and_secret(signing.loads(token, salt=CONFIRM_SALT), 2)
    except signing.BadSignature:
        return None
    return (found[0], found[1], found[2]) if found else None


def absolute(url_name: str, token: str, language: str | None = None) -> str:
    """The absolute address (on SITE_URL) of one of the token pages, in `language`."""
    with translation.override(language or translation.get_language()):
        return site_url(reverse(url_name, kwargs={"token": token}))


def unsubscribe_headers(url: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail programs offer a button that POSTs
    "List-Unsubscribe=One-Click" to the address."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
