from django import template
from django.utils.html import format_html

from inspir.core.submit_once import FIELD, new_token

register = template.Library()


@register.simple_tag(takes_context=True)
def submit_once(context: template.Context) -> str:
    """The hidden one-time token of a form whose view is `@submit_once`: one per rendering.

    Nothing for anonymous visitors: the forms that carry it are for logged-in people, and a
    page that anonymous visitors share (the public page cache) must hold no token."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return ""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token(request))
