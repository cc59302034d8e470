"""The members map: an inline SVG world map drawn on the server, with no script.

Every country is a `path.land`; a country with member organisations is also a link to the
directory filtered on it, named with its counts for screen readers (and shown as a tooltip).
Countries too small to see or to click at this scale, or left out of it, get a round marker
as well. The geometry comes from data/world-110m.json, built by scripts/build_world_map.py
from Natural Earth (public domain)."""

import json
from functools import cache
from pathlib import Path

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from inspir.network.selectors import CountryPresence

GEOMETRY = Path(__file__).resolve().parent / "data" / "world-110m.json"
MARKER_RADIUS = 4


@cache
def geometry() -> dict:
    """The map's shapes, read once per process."""
    return json.loads(GEOMETRY.read_text(encoding="utf-8"))


def accessible_name(item: CountryPresence) -> str:
    """'Benin: 5 member organisations, 4 social movements', in the reader's language."""
    organisations = ngettext(
        "%(count)s member organisation", "%(count)s member organisations", item.organisations
    ) % {"count": item.organisations}
    movements = ngettext(
        "%(count)s social movement", "%(count)s social movements", item.social_movements
    ) % {"count": item.social_movements}
    # Translators: a country's name on the members map, e.g. "Benin: 5 member organisations,
    # 4 social movements" (the last two parts are translated on their own).
    return gettext("%(country)s: %(organisations)s, %(movements)s") % {
        "country": item.country.name,
        "organisations": organisations,
        "movements": movements,
    }


def _marker(shape: dict) -> SafeString:
    x, y = shape["label"]
    return format_html(
        '<circle class="member marker" cx="{}" cy="{}" r="{}"/>', x, y, MARKER_RADIUS
    )


def _member_link(item: CountryPresence, shape: dict, directory: str) -> SafeString:
    """The country's link: its shape, or its marker when the scale has no shape for it."""
    href = f"{directory}?{urlencode({'country': item.country.code})}"
    drawing = (
        format_html('<path class="land member" d="{}"/>', shape["d"])
        if shape["d"]
        else _marker(shape)
    )
    return format_html('<a href="{}"><title>{}</title>{}</a>', href, accessible_name(item), drawing)


def _marker_link(item: CountryPresence, shape: dict, directory: str) -> SafeString:
    """An extra target for a country that is drawn but hard to see or hit. It is drawn under
    every member's shape, so it never covers a neighbour (Togo's must not hide Benin), and
    hidden from keyboards and screen readers, which already have the country's own link."""
    href = f"{directory}?{urlencode({'country': item.country.code})}"
    return format_html('<a href="{}" tabindex="-1" aria-hidden="true">{}</a>', href, _marker(shape))


def render(presence: list[CountryPresence]) -> SafeString:
    """The map as an inline <svg>, for a page that also gives the same facts as a table."""
    shapes = geometry()["countries"]
    members = {item.country.code for item in presence if item.country.code in shapes}
    directory = reverse("network:organisation_list")
    land = format_html_join(
        "",
        '<path class="land" d="{}"/>',
        (
            [(shape["d"],) for code, shape in shapes.items() if shape["d"] and code not in members]
            + [(d,) for d in geometry()["other"]]
        ),
    )
    linked = [item for item in presence if item.country.code in members]
    markers = format_html_join(
        "",
        "{}",
        (
            (_marker_link(item, shapes[item.country.code], directory),)
            for item in linked
            if shapes[item.country.code]["small"] and shapes[item.country.code]["d"]
        ),
    )
    links = format_html_join(
        "", "{}", ((_member_link(item, shapes[item.country.code], directory),) for item in linked)
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="{}" aria-labelledby="map-title">'
        '<title id="map-title">{}</title><g aria-hidden="true">{}</g>{}{}</svg>',
        " ".join(str(number) for number in geometry()["viewBox"]),
        # Translators: the title of the members map, read by screen readers.
        gettext("World map of the countries with member organisations"),
        land,
        markers,
        links,
    )
