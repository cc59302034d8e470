"""A post's Markdown as HTML a page may show: rendered by `markdown`, then sanitised by
`nh3` to the small set of tags and attributes `rules.ALLOWED_TAGS` names, links limited to
http, https and mailto (no `javascript:`, however written), no event handler, no style."""

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

from inspir.website.rules import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, LINK_SCHEMES

EXTENSIONS = ["tables", "sane_lists", "fenced_code"]


def sanitised(html: str) -> str:
    """`html` with everything but the allowed tags, attributes and link schemes taken out;
    every link marked rel="nofollow noopener" (members' links vouch for nobody)."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
    )


def rendered(text: str) -> SafeString:
    """The Markdown `text` as safe HTML."""
    html = markdown.markdown(text or "", extensions=EXTENSIONS, output_format="html")
    return mark_safe(sanitised(html))  # noqa: S308 - sanitised just above
