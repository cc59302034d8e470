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


@register.simple_tag(takes_context=True)
def visitor_submit_once(context: template.Context) -> SafeString:
    """The contact form's one-time token for visitors: core's `{% submit_once %}` gives
    none to anonymous visitors (their pages may be shared through the page cache), but the
    contact page is rendered for each visitor, and its message must go once. Signed-in
    readers get core's."""
    from django.utils.html import format_html

    from inspir.core.submit_once import FIELD, new_token

    request = context.get("request")
    if request is None or request.user.is_authenticated:
        return SafeString("")
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token(request))
