"""`{% load identity %}{% network_mark network size="small" %}`: a network's mark as an
image, for the pages of other apps."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from inspir.identity import charter, variants
from inspir.network.models import Network

register = template.Library()

# Display widths in CSS pixels. The image is the SVG, sharp on every screen; the tag line is
# left out where the charter's rule says the mark is too small for it.
SIZES = {"small": 128, "medium": 240, "large": 400}


@register.inclusion_tag("identity/partials/network_mark.html")
def network_mark(
    network: Network, size: str = "medium", variant: str = charter.FULL_COLOUR.slug
) -> dict[str, object]:
    width = SIZES.get(size, SIZES["medium"])
    if variant not in charter.VARIANTS_BY_SLUG:
        variant = charter.FULL_COLOUR.slug
    label = variants.network_label(network)
    mark = variants.layout_at(label, width)
    name = "mark_svg" if mark.tag_line is not None else "compact_svg"
    return {
        "src": reverse(f"identity:{name}", kwargs={"slug": network.slug, "variant": variant}),
        "width": width,
        "height": mark.height_at(width),
        "alt": _("%(name)s logo") % {"name": charter.mark_name(label)},
    }
