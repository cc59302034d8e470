"""Where people reach the platform: `SITE_URL`, the one address absolute links are built on
(e-mails, calendar files and feeds, printed links), whichever host a request came through."""

from urllib.parse import urlsplit

from django.conf import settings


def site_url(path: str) -> str:
    """The absolute address of a path on the platform ("/fr/…")."""
    return settings.SITE_URL + path


def site_host() -> str:
    """The platform's host name, for identifiers that must be unique to it (Message-IDs,
    calendar UIDs, the no-reply address)."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"
