"""`{% shared_part "name" value… %}…{% endshared_part %}`: a part of a logged-in page that
every reader with the same values sees alike, rendered once and kept until the registry or
governance changes (core/page_cache.py's `shared_fragment`, decision 0021).

The values must name everything the part shows besides the registry's data and the
language (the reader's permissions as flags or ids, the zone times are shown in…). A part
that holds a form's token (CSRF, submit-once) is personal to its session: it is rendered for
each request and never kept, whatever the template says."""

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.utils.safestring import SafeString, mark_safe

from inspir.core.page_cache import shared_fragment
from inspir.core.submit_once import FIELD

register = template.Library()

# What a rendered form's tokens look like: their presence keeps a part out of the cache.
PERSONAL_MARKS = ('name="csrfmiddlewaretoken"', f'name="{FIELD}"')


class PersonalPartError(Exception):
    """Raised inside `shared_fragment` so that nothing is kept (see `SharedPartNode`)."""

    def __init__(self, html: str):
        self.html = html


class SharedPartNode(template.Node):
    def __init__(self, name: FilterExpression, values: list[FilterExpression], nodelist: NodeList):
        self.name = name
        self.values = values
        self.nodelist = nodelist

    def render(self, context: template.Context) -> SafeString:
        name = str(self.name.resolve(context))
        values = [value.resolve(context) for value in self.values]

        def rendered() -> str:
            html = self.nodelist.render(context)
            if any(mark in html for mark in PERSONAL_MARKS):
                raise PersonalPartError(html)
            return html

        try:
            return mark_safe(shared_fragment(f"part:{name}", values, rendered))  # noqa: S308
        except PersonalPartError as personal:
            return mark_safe(personal.html)  # noqa: S308 - the nodelist's own rendering


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
