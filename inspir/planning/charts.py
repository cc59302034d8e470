"""Horizontal bar charts as inline SVG, drawn on the server with no script and no database.

A chart is an image (`role="img"`) named by its title, for a page that gives the same figures
in a table right after it. Each bar has its label on a line of its own above it (names of
domains and networks are long) and its value in a column at the right, so the drawing fits a
360-pixel phone: its width is 360 user units, scaled down by the page's `max-width: 100%`
on a narrower screen. Colours are presentation attributes (the Content-Security-Policy
forbids inline styles): the site's ink on white for text, its dark teal for bars (contrast
above 7:1 with the white page and 5:1 with the light track behind them).

Every text drawn (title, labels, values) is escaped; numbers are written without a
thousands separator."""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH = 360
PAD = 4
FONT_SIZE = 14
LABEL_HEIGHT = 18  # the label's line above its bar
BAR_HEIGHT = 16
GAP = 10  # between one bar and the next label
ROW = LABEL_HEIGHT + BAR_HEIGHT + GAP
VALUE_WIDTH = 56  # the column of values at the right
BAR_SPACE = WIDTH - 2 * PAD - VALUE_WIDTH  # the width of a full bar (the maximum)
# Labels longer than a line are cut (the table after the chart gives them whole).
MAX_LABEL = 46

INK = "#1c2430"
BAR = "#0b5c6b"
TRACK = "#e6e2da"

CHART_ID = re.compile(r"[a-z][a-z0-9-]{0,40}")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: nothing to measure (no bar drawn)
    text: str  # the value as shown at the right, "43 %"


def bar_width(value: float | None, maximum: float) -> float:
    """The length of a bar for `value` on a scale up to `maximum`: proportional, kept between
    nothing and a full bar."""
    if value is None or maximum <= 0:
        return 0.0
    return round(BAR_SPACE * min(max(value / maximum, 0.0), 1.0), 2)


def shortened(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def height_for(count: int) -> int:
    return 2 * PAD + max(count, 1) * ROW - GAP


def _number(value: float) -> str:
    # Plain digits for SVG attributes, whatever the reader's locale.
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _bar(index: int, bar: Bar, maximum: float) -> SafeString:
    top = PAD + index * ROW
    bar_top = top + LABEL_HEIGHT
    baseline = bar_top + BAR_HEIGHT - 3
    width = bar_width(bar.value, maximum)
    filled = (
        format_html(
            '<rect class="chart-bar" x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
            PAD,
            bar_top,
            _number(width),
            BAR_HEIGHT,
            BAR,
        )
        if width > 0
        else ""
    )
    return format_html(
        '<g><text x="{}" y="{}">{}</text>'
        '<rect class="chart-track" x="{}" y="{}" width="{}" height="{}" fill="{}"/>{}'
        '<text x="{}" y="{}" text-anchor="end" font-weight="600">{}</text></g>',
        PAD,
        top + LABEL_HEIGHT - 5,
        shortened(bar.label),
        PAD,
        bar_top,
        BAR_SPACE,
        BAR_HEIGHT,
        TRACK,
        filled,
        WIDTH - PAD,
        baseline,
        bar.text,
    )


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    chart_id: str,
    description: str = "",
    maximum: float = 100,
) -> SafeString:
    """An inline <svg> of horizontal `bars` on a scale from 0 to `maximum`, named `title`
    (and `description`) for screen readers; `chart_id` (lower-case letters, digits and
    hyphens) makes the ids of its title and description unique on the page."""
    if not CHART_ID.fullmatch(chart_id):
        raise ValueError(f"not a chart id: {chart_id!r}")
    height = height_for(len(bars))
    drawn = format_html_join("", "{}", ((_bar(i, bar, maximum),) for i, bar in enumerate(bars)))
    described = f" {chart_id}-desc" if description else ""
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {} {}" '
        'width="{}" height="{}" role="img" aria-labelledby="{}-title{}" '
        'font-size="{}" fill="{}">'
        '<title id="{}-title">{}</title>{}{}</svg>',
        WIDTH,
        height,
        WIDTH,
        height,
        chart_id,
        described,
        FONT_SIZE,
        INK,
        chart_id,
        title,
        format_html('<desc id="{}-desc">{}</desc>', chart_id, description) if description else "",
        drawn,
    )
