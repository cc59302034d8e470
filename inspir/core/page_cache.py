"""Whole-page cache for anonymous visitors of the public pages.

Most traffic is anonymous (visitors, journalists, donors) and sees the same pages, so those
pages are rendered once and served from the shared cache until the registry changes. Every
cached page is keyed by a registry version that any write to the network's data moves on
(signals in inspir.network.apps, and `registry_changed()` after bulk writes that send no
signals), so nobody ever sees a stale page for longer than PUBLIC_PAGE_CACHE_SECONDS.

The pages live in their own cache alias, "pages", which stores nothing while Redis cannot be
reached (inspir/core/cache.py): pages are then rendered for each visitor, never kept in one
process's memory where another process's change to the registry could not reach them.

A page is kept as the visitor's browser receives it: compressed once, when it is rendered,
for the browsers that accept gzip (nearly all), so that serving it from the cache does not
compress it again (GZipMiddleware leaves a response already encoded alone)."""

import functools
import hashlib
import secrets
from collections.abc import Callable, Iterable
from typing import cast

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from inspir import __version__
from inspir.core.stylesheet import stylesheet_digest

PAGES = "pages"
VERSION_KEY = "registry-version"


def _first_version() -> int:
    # A version lost (evicted, or deleted after the cache was unreachable) starts again at a
    # random number, never at one that pages still cached may have been stored under.
    return secrets.randbits(48)


def registry_version() -> int | None:
    """The registry's current version; None when the page cache cannot be reached."""
    return _version(VERSION_KEY)


def registry_changed(**_signal_arguments: object) -> None:
    """Make every cached public page stale."""
    _move_on(VERSION_KEY)


def own_data_version(name: str) -> int | None:
    """The version of data of one reader's own that the registry version does not follow
    (their notices, say: `name` is "notices:<user id>"), for the key of what is kept from
    it; None when the page cache cannot be reached."""
    return _version(f"own-version:{name}")


def own_data_changed(name: str) -> None:
    """Make stale what was kept from the data `name` (see `own_data_version`)."""
    _move_on(f"own-version:{name}")


def _version(key: str) -> int | None:
    pages = caches[PAGES]
    version = pages.get(key)
    if version is None:
        pages.add(key, _first_version(), timeout=None)
        version = pages.get(key)
    return None if version is None else int(version)


def _move_on(key: str) -> None:
    pages = caches[PAGES]
    try:
        pages.incr(key)
    except ValueError:  # not set yet (or evicted): nothing cached under a version either
        pages.add(key, _first_version(), timeout=None)


def _is_anonymous_and_plain(request: HttpRequest) -> bool:
    # A session (logged in, or holding messages to show) makes the page personal.
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


# Marks a request whose page visitors may share through the cache (whatever the setting's
# timeout, so that a page holds the same things with and without the cache).
SHARED_WITH_VISITORS = "inspir_shared_with_visitors"


def shared_with_visitors(request: HttpRequest) -> bool:
    """Whether this request's page may be served to other visitors: an anonymous visitor on
    a `public_page`. Such a page holds nothing personal, such as a form's one-time token."""
    user = getattr(request, "user", None)
    anonymous = user is None or not user.is_authenticated
    return anonymous and bool(getattr(request, SHARED_WITH_VISITORS, False))


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve the view's page from the cache to anonymous visitors (see the module's doc)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        setattr(request, SHARED_WITH_VISITORS, True)
        timeout = settings.PUBLIC_PAGE_CACHE_SECONDS
        if not timeout or not _is_anonymous_and_plain(request):
            return view(request, *args, **kwargs)
        variant = "htmx" if request.headers.get("HX-Request") else "page"
        if request.headers.get("HX-History-Restore-Request"):
            variant = "page"
        version = registry_version()
        if version is None:  # the cache is unreachable: render, keep nothing
            return view(request, *args, **kwargs)
        gzip = bool(re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")))
        encoding = "gzip" if gzip else "identity"
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        # A release may change the inlined stylesheet and the policy that allows it.
        release = f"{__version__}:{stylesheet_digest()}"
        key = f"public-page:{release}:{version}:{get_language()}:{variant}:{encoding}:{path}"
        pages = caches[PAGES]
        response = pages.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                if gzip:
                    response = _compressed(request, response)
                pages.set(key, response, timeout)
        return response

    return wrapper


def shared_value[T](
    name: str,
    varies_on: Iterable[object],
    compute: Callable[[], T],
    *,
    fresh: Callable[[T], bool] | None = None,
) -> T:
    """What a part of a logged-in page shows that every reader with the same `varies_on` sees
    alike (the people of the networks they may read, say), computed once and kept in the page
    cache beside the public pages: under the registry version, so that any change to the data
    makes it stale at once, in the current language, and at most PUBLIC_PAGE_CACHE_SECONDS.

    `varies_on` must name everything the part depends on besides the registry and the
    language: the reader's permissions as sets of ids (read for each request, so a changed
    role takes effect at once), the query string, today's date when "current" matters. The
    part must hold nothing personal to the session (no CSRF or submit-once token: a form's
    tokens are kept only as the stand-ins `{% shared_part %}` puts in their place). With
    the cache off or unreachable, it is computed for each request
    (docs/decisions/0021-logged-in-pages-cost.md).

    `fresh`, when given, says whether a kept value still holds: what time alone changes (a
    deadline passed) is computed again once `fresh` says no."""
    timeout = settings.PUBLIC_PAGE_CACHE_SECONDS
    version = registry_version() if timeout else None
    if version is None:
        return compute()
    varies = hashlib.sha256(repr(tuple(varies_on)).encode()).hexdigest()
    # The release is named too: what an older release kept (model instances among them)
    # is never read by a newer one.
    key = f"shared:{__version__}:{version}:{get_language()}:{name}:{varies}"
    pages = caches[PAGES]
    value = pages.get(key, _MISSING)
    if value is _MISSING or (fresh is not None and not fresh(cast(T, value))):
        value = compute()
        pages.set(key, value, timeout)
    return cast(T, value)


_MISSING = object()


def shared_parts_kept() -> bool:
    """Whether `shared_value` keeps what it computes (the cache is on and reachable): a
    caller may then read things in a shape fit for keeping."""
    return bool(settings.PUBLIC_PAGE_CACHE_SECONDS) and registry_version() is not None


def shared_fragment(name: str, varies_on: Iterable[object], render: Callable[[], str]) -> str:
    """A part of a logged-in page, as HTML, that readers with the same `varies_on` share
    (`shared_value`)."""
    html = shared_value(name, varies_on, lambda: str(render()))
    return mark_safe(html)  # noqa: S308 - kept as the template rendered it, escaped


def _compressed(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """The response as GZipMiddleware would send it to this request (Content-Encoding, Vary
    and ETag included)."""
    compressed = GZipMiddleware(lambda _request: response).process_response(request, response)
    return cast(HttpResponse, compressed)
