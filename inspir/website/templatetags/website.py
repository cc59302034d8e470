"""The website's template tags: a post's Markdown text as the reader sees it, and a
network's mark (brand.py)."""

from typing import Any

from django import template
from django.utils.safestring import SafeString

from inspir.website import brand
from inspir.website.markup import rendered

register = template.Library()


@register.inclusion_tag("website/partials/post_text.html", takes_context=True)
def post_text(context: template.Context, shown: Any) -> dict[str, Any]:
    """A post's text (`core.texts.Shown`) rendered from its Markdown, in the reader's
    language or the original marked with its language, as `{% member_text %}` does."""
    from inspir.core.templatetags.inspir import member_text

    found = member_text(context, shown)
    found["html"] = rendered(shown.text)
    return found


@register.simple_tag
def network_mark(network: Any) -> SafeString:
    return brand.network_mark(network)


@register.filter
def markdown(text: str) -> SafeString:
    """Markdown as sanitised HTML (the editor's preview)."""
    return rendered(text)
