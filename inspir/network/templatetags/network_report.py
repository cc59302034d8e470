"""`{% load network_report %}`: the members map of the annual report, drawn from the data a
section collected (`network/report.py`), so that a frozen edition draws the map it was made
from."""

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from inspir.network import worldmap
from inspir.network.models import Country
from inspir.network.selectors import CountryPresence

register = template.Library()


@register.simple_tag
def report_members_map(countries: list[dict[str, Any]]) -> SafeString:
    """The world map (`worldmap.render`) of the countries in the data (`code`,
    `organisations`, `social_movements`), each linked to the directory."""
    presence = [
        CountryPresence(
            # Not read from the database: the map needs only the code (and its name, which
            # the code gives in the reader's language).
            country=Country(code=item["code"]),
            organisations=item["organisations"],
            social_movements=item["social_movements"],
        )
        for item in countries
    ]
    return _coloured(worldmap.render(presence))


# The map's colours as presentation attributes: a PDF renderer draws inline SVG without the
# page's stylesheet (where the site's `.map` rules colour it), and on screen those rules,
# being CSS, still win over them.
COLOURS = {
    'class="land"': 'class="land" fill="#d9d4cb" stroke="#ffffff" stroke-width="0.5"',
    'class="land member"': 'class="land member" fill="#0b5c6b" stroke="#ffffff" stroke-width="0.5"',
    'class="member marker"': 'class="member marker" fill="#0b5c6b" stroke="#ffffff"',
}


def _coloured(svg: str) -> SafeString:
    for plain, coloured in COLOURS.items():
        svg = svg.replace(plain, coloured)
    return mark_safe(svg)  # noqa: S308 - our own drawing, only attributes added
