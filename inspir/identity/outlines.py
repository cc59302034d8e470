"""Text drawn as outlines: the glyphs of the charter's font turned into SVG path data, so
that the mark looks the same on every screen and printer, whatever fonts they have."""

import functools
import logging
from dataclasses import dataclass
from pathlib import Path

from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

# Lato's header dates it before 1970, which fontTools reports each time the font is read.
logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)

Bounds = tuple[float, float, float, float]  # x min, y min, x max, y max (y down)


@dataclass(frozen=True)
class Face:
    font: TTFont
    cap_height: int
    characters: frozenset[int]

    def advance(self, glyph: str) -> int:
        return int(self.font["hmtx"][glyph][0])

    def kerning(self, left: str, right: str) -> int:
        return self._kerning.get((left, right), 0)

    @functools.cached_property
    def _kerning(self) -> dict[tuple[str, str], int]:
        pairs: dict[tuple[str, str], int] = {}
        if "kern" in self.font:
            for table in self.font["kern"].kernTables:
                pairs.update(getattr(table, "kernTable", {}))
        return pairs

    @functools.cached_property
    def glyphs(self):  # type: ignore[no-untyped-def]
        return self.font.getGlyphSet()

    @functools.cached_property
    def cmap(self) -> dict[int, str]:
        return self.font.getBestCmap()


@functools.cache
def face(path: Path) -> Face:
    font = TTFont(path, lazy=True)
    cmap = font.getBestCmap()
    return Face(font=font, cap_height=int(font["OS/2"].sCapHeight), characters=frozenset(cmap))


def missing_characters(text: str, path: Path) -> set[str]:
    """The characters of `text` (spaces aside) that the font has no glyph for."""
    characters = face(path).characters
    return {char for char in text if not char.isspace() and ord(char) not in characters}


def _number(value: float) -> str:
    # A tenth of a drawing unit is a thousandth of the mark's height: finer is invisible.
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


@dataclass(frozen=True)
class Run:
    """Some text drawn at a place: its path data and the bounds of its ink."""

    path: str
    bounds: Bounds
    advance: float


def draw(text: str, *, path: Path, cap: float, x: float, baseline: float) -> Run:
    """`text` in the font at `path`, its capitals `cap` units high, starting at `x` on the
    `baseline` (SVG coordinates: y grows downwards); pairs kerned as the font says."""
    font = face(path)
    scale = cap / font.cap_height
    svg = SVGPathPen(font.glyphs, ntos=_number)
    bounds = BoundsPen(font.glyphs)
    cursor = 0.0
    previous = None
    for char in text:
        glyph = font.cmap.get(ord(char), ".notdef")
        if previous is not None:
            cursor += font.kerning(previous, glyph)
        transform = (scale, 0, 0, -scale, x + cursor * scale, baseline)
        font.glyphs[glyph].draw(TransformPen(svg, transform))
        font.glyphs[glyph].draw(TransformPen(bounds, transform))
        cursor += font.advance(glyph)
        previous = glyph
    ink = bounds.bounds or (x, baseline, x, baseline)
    return Run(path=svg.getCommands(), bounds=ink, advance=cursor * scale)
