"""Whole-page cache for anonymous visitors of the public pages.

Most traffic is anonymous (visitors, journalists, donors) and sees the same pages, so those
pages are rendered once and served from the shared cache until the registry changes. Every
cached page is keyed by a registry version that any write to the network's data moves on
(signals in inspir.network.apps, and `registry_changed()` after bulk writes that send no
signals), so nobody ever sees a stale page for longer than PUBLIC_PAGE_CACHE_SECONDS."""

import functools
import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

VERSION_KEY = "registry-version"


def registry_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return int(version)


def registry_changed(**_signal_arguments: object) -> None:
    """Make every cached public page stale."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): nothing cached under a version either
        cache.add(VERSION_KEY, 1, timeout=None)


def _is_anonymous_and_plain(request: HttpRequest) -> bool:
    # A session (logged in, or holding messages to show) makes the page personal.
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve the view's page from the cache to anonymous visitors (see the module's doc)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        timeout = settings.PUBLIC_PAGE_CACHE_SECONDS
        if not timeout or not _is_anonymous_and_plain(request):
            return view(request, *args, **kwargs)
        variant = "htmx" if request.headers.get("HX-Request") else "page"
        if request.headers.get("HX-History-Restore-Request"):
            variant = "page"
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"public-page:{registry_version()}:{get_language()}:{variant}:{path}"
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                cache.set(key, response, timeout)
        return response

    return wrapper
