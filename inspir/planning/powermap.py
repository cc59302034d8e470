"""The power map of a network's context analysis: an inline SVG chart drawn on the server,
with no script. Pure: it takes plain data (names, addresses, positions) and returns markup,
every text and address escaped; it reads no database.

Influence (1–5) runs up, stance (strong opponent … strong ally) runs across. Influence and
stance are whole numbers, so stakeholders often share a cell: each cell lists its points one
under the other (a dot and its name, cut to fit), and each row of cells is as tall as its
fullest cell, so that no point hides another however many there are. Each point is a link
to the stakeholder's page, with its full name and position in its `<title>`.

Compared between two dates, a stakeholder is drawn where it stood on the earlier date
(a hollow dot) and on the later one (a filled dot), with an arrow between when it moved; a
stakeholder not yet assessed on a date is absent from that date. The page gives the same
facts as a table (the chart's accessible alternative).

Colours are presentation attributes (no `style`: the pages' CSP), with AA contrast: text in
ink on white or pale tints, dots in teal, arrows in dark orange (3:1 at least for shapes)."""

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from inspir.planning.models import INFLUENCE_MAX, INFLUENCE_MIN, Stance

STANCES = tuple(Stance.values)  # -2 … +2, left to right
INFLUENCES = tuple(range(INFLUENCE_MAX, INFLUENCE_MIN - 1, -1))  # 5 … 1, top to bottom

# The drawing's units: 360 wide, the width of a small phone, so that its text is read at
# about its own size there (the SVG scales to its container's width).
WIDTH = 360
LEFT = 18  # the influence numbers
RIGHT = 4
TOP = 26  # the influence axis's name above the plot
COLUMN = (WIDTH - LEFT - RIGHT) / len(STANCES)
FONT = 11  # the points' names
TICK_FONT = 10.5
NAME_LINES = 2
LINE = 13  # one line of a name
SLOT_GAP = 4  # between two points of a cell
BAND_PAD = 6  # above the first point and below the last of a cell
MIN_BAND = NAME_LINES * LINE + SLOT_GAP + 2 * BAND_PAD  # one point, its name on two lines
RADIUS = 4.5
DOT_X = 8  # the dot's centre from the cell's left edge
TEXT_X = 15  # the name's start from the cell's left edge
CHAR_WIDTH = 0.56  # an average character, in ems: to cut names to their room
TICK_LINES = 3

INK = "#1c2430"
MUTED = "#4f5b66"
TEAL = "#0b5c6b"
ARROW = "#a8400f"
GRID = "#bcb6ab"
TINTS = {-2: "#fbe9e7", -1: "#fdf3f1", 0: "#ffffff", 1: "#eef6f1", 2: "#e1f0e6"}

BEFORE = "before"
NOW = "now"


@dataclass(frozen=True)
class Position:
    influence: int
    stance: int

    @property
    def stance_name(self) -> str:
        return stance_label(self.stance)


@dataclass(frozen=True)
class Point:
    """A stakeholder as the map draws it: `now` where it stood on the date shown (the later
    date when comparing), `before` where it stood on the earlier date; None where it had not
    been assessed yet."""

    key: int
    name: str
    href: str
    now: Position | None
    before: Position | None = None

    @property
    def moved(self) -> bool:
        return self.before is not None and self.now is not None and self.before != self.now


@dataclass(frozen=True)
class Mark:
    """One dot on the map: the point it belongs to, whether it is its earlier (hollow) or
    later (filled) position, its centre and its name's lines."""

    point: Point
    role: str  # BEFORE or NOW
    position: Position
    cx: float
    cy: float
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Band:
    influence: int
    top: float
    height: float

    @property
    def middle(self) -> float:
        return self.top + self.height / 2


@dataclass(frozen=True)
class Layout:
    marks: tuple[Mark, ...]
    bands: tuple[Band, ...]
    plot_bottom: float
    height: float
    tick_lines: tuple[tuple[str, ...], ...]  # each stance's label, in lines

    def mark(self, key: int, role: str = NOW) -> Mark | None:
        return next((m for m in self.marks if m.point.key == key and m.role == role), None)


def stance_label(stance: int) -> str:
    return str(Stance(stance).label)


def column_left(stance: int) -> float:
    return LEFT + STANCES.index(stance) * COLUMN


def wrapped(text: str, width: int, lines: int) -> tuple[str, ...]:
    """`text` in at most `lines` lines of at most `width` characters, cut between words
    where it can, within a word where it must; what does not fit ends with "…"."""
    width = max(width, 2)
    words = text.split()
    result: list[str] = []
    current = ""
    for word in words:
        while word:
            if not current and len(word) > width:
                result.append(word[:width])
                word = word[width:]
                continue
            candidate = f"{current} {word}" if current else word
            if len(candidate) <= width:
                current, word = candidate, ""
            else:
                result.append(current)
                current = ""
    if current:
        result.append(current)
    if len(result) > lines:
        # The last line takes as much of the rest as it holds, then "…".
        rest = " ".join(result[lines - 1 :])
        return (*result[: lines - 1], rest[: width - 1].rstrip() + "…")
    return tuple(result)


def name_lines(name: str) -> tuple[str, ...]:
    room = COLUMN - TEXT_X - 2
    return wrapped(name, int(room / (FONT * CHAR_WIDTH)), NAME_LINES) or ("—",)


def _slot_height(lines: tuple[str, ...]) -> float:
    return LINE * len(lines) + SLOT_GAP


def layout(points: Sequence[Point]) -> Layout:
    """Where each point's dots go: each cell's points one under the other, in the order
    given (the caller's alphabetical order); each row as tall as its fullest cell."""
    cells: dict[tuple[int, int], list[tuple[Point, str, Position, tuple[str, ...]]]] = {}
    for point in points:
        lines = name_lines(point.name)
        if point.before is not None and point.before != point.now:
            cell = (point.before.influence, point.before.stance)
            cells.setdefault(cell, []).append((point, BEFORE, point.before, lines))
        if point.now is not None:
            cell = (point.now.influence, point.now.stance)
            cells.setdefault(cell, []).append((point, NOW, point.now, lines))
    bands = []
    top: float = TOP
    for influence in INFLUENCES:
        fullest = max(
            (
                sum(_slot_height(lines) for *_rest, lines in cells.get((influence, stance), []))
                for stance in STANCES
            ),
            default=0,
        )
        height = max(MIN_BAND, fullest + 2 * BAND_PAD)
        bands.append(Band(influence=influence, top=top, height=height))
        top += height
    by_influence = {band.influence: band for band in bands}
    marks = []
    for (influence, stance), entries in cells.items():
        y = by_influence[influence].top + BAND_PAD
        for point, role, position, lines in entries:
            marks.append(
                Mark(
                    point=point,
                    role=role,
                    position=position,
                    cx=round(column_left(stance) + DOT_X, 1),
                    cy=round(y + LINE / 2, 1),
                    lines=lines,
                )
            )
            y += _slot_height(lines)
    ticks = tuple(
        wrapped(stance_label(stance), int((COLUMN - 4) / (TICK_FONT * CHAR_WIDTH)), TICK_LINES)
        for stance in STANCES
    )
    plot_bottom = top
    height = plot_bottom + 8 + LINE * max(len(lines) for lines in ticks) + 22
    return Layout(
        marks=tuple(marks),
        bands=tuple(bands),
        plot_bottom=plot_bottom,
        height=height,
        tick_lines=ticks,
    )


# --- Drawing ------------------------------------------------------------------------------------


def _n(value: float) -> str:
    """A coordinate as SVG writes it: never localised, at most one decimal."""
    return f"{value:.1f}".removesuffix(".0")


def _lines(x: float, y: float, lines: Sequence[str]) -> SafeString:
    return format_html_join(
        "",
        '<tspan x="{}" y="{}">{}</tspan>',
        ((_n(x), _n(y + LINE * index), line) for index, line in enumerate(lines)),
    )


def point_title(point: Point, position: Position, when: str) -> str:
    """What a point's link says to screen readers and on hover: the full name and where it
    stood."""
    # Translators: a point of the power map, e.g. "ILO, 1 March 2021: influence 4 of 5, ally".
    return _("%(name)s, %(date)s: influence %(influence)s of 5, %(stance)s") % {
        "name": point.name,
        "date": when,
        "influence": position.influence,
        "stance": stance_label(position.stance),
    }


def _mark(mark: Mark, when: str) -> SafeString:
    x, y = mark.cx, mark.cy
    if mark.role == BEFORE:
        dot = format_html(
            '<circle cx="{}" cy="{}" r="{}" fill="#ffffff" stroke="{}" stroke-width="2"/>',
            _n(x),
            _n(y),
            _n(RADIUS),
            TEAL,
        )
        colour = MUTED
    else:
        dot = format_html(
            '<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="#ffffff" stroke-width="1"/>',
            _n(x),
            _n(y),
            _n(RADIUS + 0.5),
            TEAL,
        )
        colour = INK
    text = format_html(
        '<text font-size="{}" fill="{}">{}</text>',
        FONT,
        colour,
        _lines(x - DOT_X + TEXT_X, y + FONT * 0.36, mark.lines),
    )
    return format_html(
        '<a href="{}" class="powermap-point powermap-{}"><title>{}</title>{}{}</a>',
        mark.point.href,
        mark.role,
        point_title(mark.point, mark.position, when),
        dot,
        text,
    )


def _arrow(start: Mark, end: Mark) -> SafeString:
    """A line from the earlier dot to the later one, stopping short of both."""
    dx, dy = end.cx - start.cx, end.cy - start.cy
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    gap_start, gap_end = RADIUS + 2, RADIUS + 3
    return format_html(
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.5" '
        'marker-end="url(#powermap-arrow)"/>',
        _n(start.cx + ux * gap_start),
        _n(start.cy + uy * gap_start),
        _n(end.cx - ux * gap_end),
        _n(end.cy - uy * gap_end),
        ARROW,
    )


def _grid(plan: Layout) -> SafeString:
    bottom = plan.plot_bottom
    columns = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
        (
            (_n(column_left(stance)), TOP, _n(COLUMN), _n(bottom - TOP), TINTS[stance])
            for stance in STANCES
        ),
    )
    rows = format_html_join(
        "",
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"/>',
        ((LEFT, _n(band.top), WIDTH - RIGHT, _n(band.top), GRID) for band in plan.bands[1:]),
    )
    frame = format_html(
        '<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="{}" stroke-width="1"/>',
        LEFT,
        TOP,
        _n(WIDTH - LEFT - RIGHT),
        _n(bottom - TOP),
        MUTED,
    )
    influence_ticks = format_html_join(
        "",
        '<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="middle">{}</text>',
        (
            (_n(LEFT / 2), _n(band.middle + TICK_FONT * 0.36), TICK_FONT, INK, band.influence)
            for band in plan.bands
        ),
    )
    stance_ticks = format_html_join(
        "",
        '<text font-size="{}" fill="{}" text-anchor="middle">{}</text>',
        (
            (
                TICK_FONT,
                INK,
                _lines(column_left(stance) + COLUMN / 2, bottom + 8 + TICK_FONT, lines),
            )
            for stance, lines in zip(STANCES, plan.tick_lines, strict=True)
        ),
    )
    axis_names = format_html(
        '<text x="2" y="{}" font-size="{}" font-weight="bold" fill="{}">{}</text>'
        '<text x="{}" y="{}" font-size="{}" font-weight="bold" fill="{}" '
        'text-anchor="middle">{}</text>',
        TOP - 9,
        TICK_FONT,
        INK,
        # Translators: the name of the power map's vertical axis, above it.
        _("↑ Influence (1 = low, 5 = high)"),
        _n(LEFT + (WIDTH - LEFT - RIGHT) / 2),
        _n(plan.height - 6),
        TICK_FONT,
        INK,
        # Translators: the name of the power map's horizontal axis, below it.
        _("Stance, from opponent to ally →"),
    )
    return format_html(
        '<g aria-hidden="true">{}{}{}{}{}{}</g>',
        columns,
        rows,
        frame,
        influence_ticks,
        stance_ticks,
        axis_names,
    )


def title(network_name: str, on: datetime.date, compare: datetime.date | None = None) -> str:
    if compare is None:
        return _("Power map of %(network)s on %(date)s") % {
            "network": network_name,
            "date": date_format(on),
        }
    return _("Power map of %(network)s: %(before)s compared with %(after)s") % {
        "network": network_name,
        "before": date_format(compare),
        "after": date_format(on),
    }


def description(points: Sequence[Point], comparing: bool) -> str:
    shown = sum(1 for point in points if point.now is not None or point.before is not None)
    text = _(
        "Each stakeholder's influence, from 1 (low, at the bottom) to 5 (high, at the top), "
        "against its stance, from strong opponent (left) to strong ally (right)."
    )
    if comparing:
        text += " " + _(
            "A hollow dot is where a stakeholder stood on the earlier date, a filled dot "
            "where it stood on the later one; an arrow joins the two when it moved."
        )
    if not shown:
        return text + " " + _("No stakeholder had been assessed by then.")
    return text + " " + _("The table that follows gives the same facts.")


def render(
    points: Sequence[Point],
    *,
    network_name: str,
    on: datetime.date,
    compare: datetime.date | None = None,
) -> SafeString:
    """The map as an inline `<svg>`: `points` as they stood on `on`, and on `compare` (the
    earlier date) when comparing. Every text is escaped here: the result may be put in a
    page as it is."""
    plan = layout(points)
    when_now, when_before = date_format(on), date_format(compare) if compare else ""
    arrows = format_html_join(
        "",
        "{}",
        (
            (_arrow(start, end),)
            for start in plan.marks
            if start.role == BEFORE and (end := plan.mark(start.point.key, NOW)) is not None
        ),
    )
    dots = format_html_join(
        "",
        "{}",
        ((_mark(mark, when_before if mark.role == BEFORE else when_now),) for mark in plan.marks),
    )
    empty = (
        format_html(
            '<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="middle">{}</text>',
            _n(LEFT + (WIDTH - LEFT - RIGHT) / 2),
            _n(TOP + (plan.plot_bottom - TOP) / 2),
            FONT,
            INK,
            _("No stakeholder assessed by this date."),
        )
        if not plan.marks
        else ""
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" '
        'role="group" aria-labelledby="powermap-title powermap-desc" class="powermap-chart">'
        '<title id="powermap-title">{}</title><desc id="powermap-desc">{}</desc>'
        '<defs><marker id="powermap-arrow" viewBox="0 0 10 10" refX="8" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto">'
        '<path d="M 0 0 L 10 5 L 0 10 z" fill="{}"/></marker></defs>'
        "{}{}{}{}</svg>",
        WIDTH,
        _n(plan.height),
        title(network_name, on, compare),
        description(points, compare is not None),
        ARROW,
        _grid(plan),
        arrows,
        dots,
        empty,
    )
