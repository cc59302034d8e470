"""The platform's one stylesheet and its icon, inlined in the pages anonymous visitors receive.

A visitor's first page on a slow phone connection waits for every render-blocking file, and
on a 2G link each costs a round trip of most of a second: the stylesheet, inlined, costs
none. The icon, a request of its own that the browser makes while the page paints, goes in
the page as a `data:` address. Signed-in members load both as files, cached after their
first page.

The Content-Security-Policy allows inline styles by hash only (never 'unsafe-inline'): the
settings add the hash of this very text to `style-src`, and the page cache keys its pages by
it, so that a page kept before a release never carries a stylesheet the new policy refuses.
The module imports nothing from Django, since the settings read it."""

import base64
import functools
import hashlib
from pathlib import Path
from urllib.parse import quote

STYLESHEET = Path(__file__).resolve().parent / "static" / "core" / "inspir.css"
ICON = STYLESHEET.with_name("favicon.svg")


@functools.cache
def stylesheet_text() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


@functools.cache
def stylesheet_digest() -> str:
    return base64.b64encode(hashlib.sha256(stylesheet_text().encode()).digest()).decode()


def csp_source() -> str:
    """The `style-src` source that allows the inlined stylesheet, and nothing else."""
    return f"'sha256-{stylesheet_digest()}'"


@functools.cache
def icon_data_address() -> str:
    """The icon as a `data:` address (the policy's `img-src` allows `data:`)."""
    return "data:image/svg+xml," + quote(ICON.read_text(encoding="utf-8").strip(), safe="=:/")
