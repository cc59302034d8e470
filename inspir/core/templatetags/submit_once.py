from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from inspir.core.submit_once import FIELD, new_token
from inspir.core.templatetags.shared_parts import STAND_IN

register = template.Library()


@register.simple_tag(takes_context=True)
def submit_once(context: template.Context) -> str:
    """The hidden one-time token of a form whose view is `@submit_once`: one per rendering.

    Nothing for anonymous visitors: the forms that carry it are for logged-in people, and a
    page that anonymous visitors share (the public page cache) must hold no token. Inside a
    `{% shared_part %}` rendered for keeping, a stand-in that each reader's own token
    replaces."""
    stand_ins = context.get(STAND_IN)
    if stand_ins is not None:  # a part kept for several readers: each gets their own token
        return mark_safe(stand_ins.once_input())  # noqa: S308 - random hex, nothing to escape
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return ""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token(request))
