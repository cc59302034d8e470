from django import template
from django.utils.safestring import mark_safe

from inspir.core.submit_once import token_input
from inspir.core.templatetags.shared_parts import STAND_IN

register = template.Library()


@register.simple_tag(takes_context=True)
def submit_once(context: template.Context) -> str:
    """The hidden one-time token of a form whose view is `@submit_once`: one per rendering,
    for signed-in members and visitors alike (the contact form, subscribing, unsubscribing).

    Nothing on a page visitors share through the public page cache, which must hold no
    token. Inside a `{% shared_part %}` rendered for keeping, a stand-in that each reader's
    own token replaces."""
    stand_ins = context.get(STAND_IN)
    if stand_ins is not None:  # a part kept for several readers: each gets their own token
        return mark_safe(stand_ins.once_input())  # noqa: S308 - random hex, nothing to escape
    request = context.get("request")
    if request is None:
        return ""
    return token_input(request)
