"""The network's visual identity as data: the rules every variant of the mark is drawn by,
and that the brand-kit page states.

The mark is the lettering "INSP!R" (its "!" in the accent colour), a network's label under
it for every network but the intercontinental one, and the tag line "Connected by WSM" where
the mark is large enough. Sizes are given relative to the lettering's cap height, "the
mark's height" below: the mark is drawn in units where it is 100.

Raise `VERSION` whenever a rule that changes the drawing changes: every variant kept
(`variants.py`) is keyed by it, so the next request draws the mark anew."""

from dataclasses import dataclass
from pathlib import Path

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

VERSION = "2025.1"

NAME = "INSP!R"
ACCENT = "!"  # the character of NAME drawn in the accent colour
FULL_NAME = "International Network for Social Protection Rights"
TAG_LINE = "Connected by WSM"

# ---------------------------------------------------------------------------------------------
# Palette
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Colour:
    slug: str
    name: Promise
    hex: str
    role: Promise
    # The custom property of inspir.css's `:root` that holds it, where the site uses it.
    css_var: str | None = None


TEAL_DARK = Colour(
    "teal-dark",
    _("Deep teal"),
    "#063f4a",
    _("The lettering; headings and the site's header."),
    "--teal-dark",
)
TEAL = Colour("teal", _("Teal"), "#0b5c6b", _("The network's label; links."), "--teal")
ORANGE = Colour(
    "orange",
    _("Signal orange"),
    "#e2541b",
    _("The “!” on light backgrounds; focus outlines. Never for small text."),
    "--orange",
)
ORANGE_LIGHT = Colour(
    "orange-light",
    _("Light orange"),
    "#ff9a6b",
    _("The “!” on dark backgrounds."),
)
INK = Colour("ink", _("Ink"), "#1c2430", _("Text; the single-colour mark."), "--ink")
MUTED = Colour("muted", _("Slate"), "#4f5b66", _("Secondary text; the tag line."), "--muted")
SAND = Colour(
    "sand", _("Sand"), "#f6f3ee", _("Light backgrounds; social media previews."), "--sand"
)
WHITE = Colour("white", _("White"), "#ffffff", _("Backgrounds; the reversed mark."))

PALETTE: tuple[Colour, ...] = (TEAL_DARK, TEAL, ORANGE, ORANGE_LIGHT, INK, MUTED, SAND, WHITE)

# WCAG 2.1 AA: 4.5:1 for text of any size, 3:1 for large text (24 px, or 18.7 px bold) and
# for graphics such as the "!" of the mark.
AA_TEXT = 4.5
AA_LARGE = 3.0


@dataclass(frozen=True)
class Pair:
    text: Colour
    background: Colour
    large_only: bool = False  # allowed for large text and the mark's graphics only

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.text.hex, self.background.hex)

    @property
    def required(self) -> float:
        return AA_LARGE if self.large_only else AA_TEXT


# The text and background pairs the charter allows; each passes WCAG AA.
CONTRAST_PAIRS: tuple[Pair, ...] = (
    Pair(INK, WHITE),
    Pair(INK, SAND),
    Pair(MUTED, WHITE),
    Pair(MUTED, SAND),
    Pair(TEAL, WHITE),
    Pair(TEAL, SAND),
    Pair(TEAL_DARK, WHITE),
    Pair(TEAL_DARK, SAND),
    Pair(WHITE, TEAL_DARK),
    Pair(WHITE, TEAL),
    Pair(SAND, TEAL_DARK),
    Pair(ORANGE_LIGHT, TEAL_DARK),
    Pair(ORANGE, WHITE, large_only=True),
    Pair(ORANGE, SAND, large_only=True),
)


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.1's relative luminance of an sRGB colour written "#rrggbb"."""
    digits = hex_colour.lstrip("#")
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# ---------------------------------------------------------------------------------------------
# Colour variants of the mark
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    slug: str
    name: Promise
    use: Promise
    lettering: Colour
    accent: Colour
    label: Colour
    tag_line: Colour
    background: Colour  # the background it is made for (and previewed on)


FULL_COLOUR = Variant(
    "full-colour",
    _("Full colour"),
    _("The usual mark, on white or light backgrounds."),
    lettering=TEAL_DARK,
    accent=ORANGE,
    label=TEAL,
    tag_line=MUTED,
    background=WHITE,
)
REVERSED = Variant(
    "reversed",
    _("Reversed"),
    _("White on dark backgrounds: the deep teal, photographs darkened enough."),
    lettering=WHITE,
    accent=ORANGE_LIGHT,
    label=WHITE,
    tag_line=WHITE,
    background=TEAL_DARK,
)
SINGLE_COLOUR = Variant(
    "single-colour",
    _("Single colour"),
    _("One ink: stamps, embroidery, printing in black."),
    lettering=INK,
    accent=INK,
    label=INK,
    tag_line=INK,
    background=WHITE,
)
VARIANTS: tuple[Variant, ...] = (FULL_COLOUR, REVERSED, SINGLE_COLOUR)
VARIANTS_BY_SLUG = {variant.slug: variant for variant in VARIANTS}

# ---------------------------------------------------------------------------------------------
# Typography
# ---------------------------------------------------------------------------------------------

FONTS = Path(__file__).resolve().parent / "fonts"


@dataclass(frozen=True)
class Typeface:
    family: str
    licence: str
    lettering_weight: str  # INSP!R
    lettering_file: Path
    text_weight: str  # the label and the tag line
    text_file: Path


# Lato 2.007 by Łukasz Dziedzic, as Debian's fonts-lato carries it, under the SIL Open Font
# License 1.1 (fonts/OFL.txt). Its Latin covers every language of the network's names.
TYPEFACE = Typeface(
    family="Lato",
    licence="SIL Open Font License 1.1",
    lettering_weight="Black",
    lettering_file=FONTS / "Lato-Black.ttf",
    text_weight="Bold",
    text_file=FONTS / "Lato-Bold.ttf",
)

# ---------------------------------------------------------------------------------------------
# Proportions, relative to the mark's height (the lettering's cap height)
# ---------------------------------------------------------------------------------------------

MARK_HEIGHT = 100  # drawing units
# The space kept free around the mark on every side; the files include it.
CLEAR_SPACE_RATIO = 0.25
# The label: under the lettering, aligned on its left edge, its capitals this high.
LABEL_SIZE_RATIO = 0.36
LABEL_GAP_RATIO = 0.28  # from the lettering's baseline to the label's capitals
LABEL_LINE_RATIO = 1.5  # from one label line's baseline to the next, in label cap heights
# A label longer than this goes on two lines, split at the word boundary that makes the
# longer line shortest; a single word is never split.
LABEL_MAX_CHARACTERS_PER_LINE = 16
LABEL_MAX_LINES = 2
# The tag line: under the label (or the lettering), aligned left, its capitals this high.
TAG_LINE_SIZE_RATIO = 0.18
TAG_LINE_GAP_RATIO = 0.3

# ---------------------------------------------------------------------------------------------
# Sizes
# ---------------------------------------------------------------------------------------------

# The mark is never smaller than this (its height, the lettering's cap height).
MIN_HEIGHT_PX = 20
MIN_HEIGHT_MM = 5
# The tag line is shown only where the mark is at least this high, so it stays readable.
TAG_LINE_MIN_HEIGHT_PX = 40
TAG_LINE_MIN_HEIGHT_MM = 10
# The PNG files offered, by width in pixels (clear space included). Each follows the tag
# line's rule: the narrowest show the mark without it.
PNG_WIDTHS: tuple[int, ...] = (128, 256, 512, 1024)
# The picture shown when a network's page is shared on social media (OpenGraph).
SOCIAL_IMAGE_SIZE = (1200, 630)
SOCIAL_IMAGE_BACKGROUND = SAND
SOCIAL_IMAGE_MARK_SHARE = 0.6  # at most this share of the picture's width and height

# ---------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------


def label_of(network_name: str) -> str:
    """A network's label: its name without the leading "INSP!R" (and the space or hyphen
    after it); "" for the intercontinental network, whose name is "INSP!R". A name that does
    not start with "INSP!R" is the label as it is."""
    name = " ".join(network_name.split())
    if name == NAME:
        return ""
    if name.startswith(NAME) and name[len(NAME) : len(NAME) + 1] in {" ", "-"}:
        return name[len(NAME) + 1 :].strip(" -")
    return name


def mark_name(label: str) -> str:
    """What the mark reads: "INSP!R Nepal", or "INSP!R"."""
    return f"{NAME} {label}" if label else NAME


def label_lines(label: str) -> list[str]:
    """The label on one line, or on two split at a word boundary (see above)."""
    words = label.split()
    if len(label) <= LABEL_MAX_CHARACTERS_PER_LINE or len(words) < 2:
        return [label] if label else []
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    first, second = min(splits, key=lambda lines: max(len(lines[0]), len(lines[1])))
    return [first, second]


# ---------------------------------------------------------------------------------------------
# Usage
# ---------------------------------------------------------------------------------------------

DO: tuple[Promise, ...] = (
    _("Use the files of this page as they are: they are drawn from the charter."),
    _("Keep the clear space free around the mark: no text, edge or picture inside it."),
    _("Use the full-colour mark on white or light backgrounds, the reversed one on dark ones."),
    _("Use your network's mark for its own material, the INSP!R mark for the whole network."),
    _("Write the name “INSP!R” with its exclamation mark, in capitals, in running text too."),
)
DONT: tuple[Promise, ...] = (
    _("Do not stretch, slant, rotate or outline the mark, nor add shadows or effects."),
    _("Do not change its colours, nor put the full-colour mark on a dark or busy background."),
    _("Do not retype the lettering in another font, nor move or resize the label."),
    _("Do not use the mark smaller than its minimum size, nor the tag line below its own."),
    _("Do not use the orange for small text: it lacks contrast on white."),
)
