"""The one place the website meets the visual identity (inspir.identity): each network's
logo variant on its news section and its picture for link previews. While identity does not
provide them, the network's name stands in for the mark and link previews carry no picture."""

from typing import Any

from django.template import engines
from django.utils.html import format_html
from django.utils.safestring import SafeString

IDENTITY_TAGS = "identity"


def og_image_url(network: Any) -> str:
    """The absolute address of the network's picture for link previews, "" without one."""
    try:
        from inspir.identity.variants import og_image_url as identity_og_image_url
    except ImportError:
        return ""
    return str(identity_og_image_url(network))


def network_mark(network: Any) -> SafeString:
    """The network's logo variant (identity's `{% network_mark %}`), else its name."""
    engine = engines["django"].engine  # type: ignore[attr-defined]
    if IDENTITY_TAGS in engine.template_libraries:
        template = engine.from_string("{% load identity %}{% network_mark network %}")
        from django.template import Context

        return SafeString(template.render(Context({"network": network})))
    return format_html('<span class="network-mark">{}</span>', network.name)
