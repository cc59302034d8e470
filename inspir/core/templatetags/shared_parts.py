"""`{% shared_part "name" value… %}…{% endshared_part %}`: a part of a logged-in page that
every reader with the same values sees alike, rendered once and kept until the registry or
governance changes (core/page_cache.py's `shared_value`, decision 0021).

The values must name everything the part shows besides the registry's data and the
language (the reader's permissions as flags or ids, the zone times are shown in…).

A part may hold forms. Their tokens are personal to the session (the CSRF token, the
submit-once token of each form), so the part is kept with a random stand-in for each,
made for that rendering, and every reader's own tokens are put in their place when it is
served: a fresh submit-once token for each form, as a rendering of its own would have."""

import secrets

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.utils.safestring import SafeString, mark_safe

from inspir.core.page_cache import shared_value, shared_with_visitors
from inspir.core.submit_once import FIELD, new_token

register = template.Library()

# Set in the context while a part is rendered for keeping: `{% submit_once %}` then writes
# the stand-in instead of a token (core/templatetags/submit_once.py).
STAND_IN = "_shared_part_stand_ins"


class StandIns:
    """The stand-ins of one rendering: random, so no content can contain them."""

    def __init__(self) -> None:
        self.csrf = f"csrf-{secrets.token_hex(16)}"
        self.once = f"once-{secrets.token_hex(16)}"

    def once_input(self) -> str:
        return f'<input type="hidden" name="{FIELD}" value="{self.once}">'


def _filled(kept: tuple[str, str, str], context: template.Context) -> str:
    """The kept part with the reader's own tokens in place of its stand-ins."""
    csrf, once, html = kept
    request = context.get("request")
    if once in html:
        stand_in = f'<input type="hidden" name="{FIELD}" value="{once}">'
        if request is not None and not shared_with_visitors(request):
            pieces = html.split(once)
            html = pieces[0] + "".join(new_token(request) + piece for piece in pieces[1:])
        else:  # what the tag renders on a page visitors share: nothing
            html = html.replace(stand_in, "")
    if csrf in html:
        html = html.replace(csrf, str(context.get("csrf_token") or ""))
    return html


class SharedPartNode(template.Node):
    def __init__(self, name: FilterExpression, values: list[FilterExpression], nodelist: NodeList):
        self.name = name
        self.values = values
        self.nodelist = nodelist

    def render(self, context: template.Context) -> SafeString:
        name = str(self.name.resolve(context))
        values = [value.resolve(context) for value in self.values]

        def rendered() -> tuple[str, str, str]:
            stand_ins = StandIns()
            with context.push(csrf_token=stand_ins.csrf, **{STAND_IN: stand_ins}):
                html = self.nodelist.render(context)
            return (stand_ins.csrf, stand_ins.once, html)

        kept = shared_value(f"part:{name}", values, rendered)
        return mark_safe(_filled(kept, context))  # noqa: S308 - as the template rendered it


@register.tag("shared_part")
def shared_part(parser: Parser, token: Token) -> SharedPartNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("shared_part needs a name and the values it varies on")
    nodelist = parser.parse(("endshared_part",))
    parser.delete_first_token()
    return SharedPartNode(
        parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist
    )
