"""The mark of every network, drawn by the charter's rules: one SVG source per label and
colour variant, PNG files of the charter's widths drawn from it, and the picture shared on
social media.

Nothing is drawn by hand or in advance: a file is drawn the first time it is asked for and
kept in the default storage under a fingerprint of the charter's version and what it shows
(`kept`), so a new network has its files as soon as it exists and a change of the charter
or of a network's name draws new ones."""

import functools
import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

import resvg_py
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from inspir.core.site import site_url
from inspir.identity import charter
from inspir.identity.charter import Variant
from inspir.identity.outlines import Bounds, Run, draw
from inspir.network.models import Network

STORAGE_FOLDER = "identity"
# fontTools' glyph sets load lazily and are not meant to be shared between threads.
_drawing = threading.Lock()


@dataclass(frozen=True)
class Layout:
    """The mark of one label, with the tag line or without, in drawing units (the mark's
    height is `charter.MARK_HEIGHT`); the view box includes the clear space."""

    lettering: Run
    accent: Run
    label: tuple[Run, ...]
    tag_line: Run | None
    view_box: Bounds  # x, y, width, height

    @property
    def width(self) -> float:
        return self.view_box[2]

    @property
    def height(self) -> float:
        return self.view_box[3]

    def height_at(self, width: int) -> int:
        """The height in pixels of a file `width` pixels wide."""
        return max(1, round(width * self.height / self.width))


def _union(bounds: list[Bounds]) -> Bounds:
    return (
        min(b[0] for b in bounds),
        min(b[1] for b in bounds),
        max(b[2] for b in bounds),
        max(b[3] for b in bounds),
    )


@functools.lru_cache(maxsize=512)
def layout(label: str, *, tag_line: bool) -> Layout:
    with _drawing:
        return _layout(label, tag_line=tag_line)


def _layout(label: str, *, tag_line: bool) -> Layout:
    height = charter.MARK_HEIGHT
    typeface = charter.TYPEFACE
    before, _accent, after = charter.NAME.partition(charter.ACCENT)
    # The lettering in three runs, so that the "!" takes its own colour; kerning between the
    # runs is the font's too, since each run starts where the text before it ended.
    first = draw(before, path=typeface.lettering_file, cap=height, x=0, baseline=height)
    accent = draw(
        charter.ACCENT, path=typeface.lettering_file, cap=height, x=first.advance, baseline=height
    )
    last = draw(
        after,
        path=typeface.lettering_file,
        cap=height,
        x=first.advance + accent.advance,
        baseline=height,
    )
    lettering = Run(
        path=first.path + last.path,
        bounds=_union([first.bounds, last.bounds]),
        advance=first.advance + accent.advance + last.advance,
    )
    left = lettering.bounds[0]
    baseline = float(height)

    label_cap = height * charter.LABEL_SIZE_RATIO
    label_runs = []
    for number, line in enumerate(charter.label_lines(label)):
        if number == 0:
            baseline += height * charter.LABEL_GAP_RATIO + label_cap
        else:
            baseline += label_cap * charter.LABEL_LINE_RATIO
        run = draw(line, path=typeface.text_file, cap=label_cap, x=0, baseline=baseline)
        label_runs.append(
            draw(
                line,
                path=typeface.text_file,
                cap=label_cap,
                x=left - run.bounds[0],
                baseline=baseline,
            )
        )

    tag_run = None
    if tag_line:
        tag_cap = height * charter.TAG_LINE_SIZE_RATIO
        baseline += height * charter.TAG_LINE_GAP_RATIO + tag_cap
        run = draw(charter.TAG_LINE, path=typeface.text_file, cap=tag_cap, x=0, baseline=baseline)
        tag_run = draw(
            charter.TAG_LINE,
            path=typeface.text_file,
            cap=tag_cap,
            x=left - run.bounds[0],
            baseline=baseline,
        )

    ink = _union(
        [lettering.bounds, accent.bounds]
        + [run.bounds for run in label_runs]
        + ([tag_run.bounds] if tag_run else [])
    )
    clear = height * charter.CLEAR_SPACE_RATIO
    view_box = (
        ink[0] - clear,
        ink[1] - clear,
        ink[2] - ink[0] + 2 * clear,
        ink[3] - ink[1] + 2 * clear,
    )
    return Layout(
        lettering=lettering,
        accent=accent,
        label=tuple(label_runs),
        tag_line=tag_run,
        view_box=view_box,
    )


def shows_tag_line(layout_without: Layout, width: int) -> bool:
    """Whether a mark drawn `width` pixels wide is high enough for the tag line (the
    charter's rule, measured on the mark without it)."""
    mark_height_px = width * charter.MARK_HEIGHT / layout_without.width
    return mark_height_px >= charter.TAG_LINE_MIN_HEIGHT_PX


def layout_at(label: str, width: int) -> Layout:
    """The layout a file `width` pixels wide is drawn with: with the tag line if it is
    large enough."""
    compact = layout(label, tag_line=False)
    return layout(label, tag_line=True) if shows_tag_line(compact, width) else compact


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def _paths(mark: Layout, variant: Variant) -> str:
    parts = [
        (variant.lettering.hex, mark.lettering.path),
        (variant.accent.hex, mark.accent.path),
        *((variant.label.hex, run.path) for run in mark.label),
    ]
    if mark.tag_line:
        parts.append((variant.tag_line.hex, mark.tag_line.path))
    return "".join(f'<path fill="{fill}" d="{d}"/>' for fill, d in parts if d)


def mark_svg(
    label: str, variant: Variant, *, tag_line: bool = True, pixel_width: int | None = None
) -> str:
    """The SVG of a network's mark: outlines only, no text to render. Its size is that of
    the drawing units, or `pixel_width` wide (and as high as that makes it, rounded)."""
    mark = layout(label, tag_line=tag_line)
    view_box = " ".join(_number(value) for value in mark.view_box)
    width, height = _number(mark.width), _number(mark.height)
    if pixel_width:
        width, height = str(pixel_width), str(mark.height_at(pixel_width))
    title = escape(charter.mark_name(label))
    description = escape(
        f"{charter.FULL_NAME}. {charter.TAG_LINE}." if tag_line else charter.FULL_NAME + "."
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="title"'
        f' viewBox="{view_box}" width="{width}" height="{height}">'
        f'<title id="title">{title}</title><desc>{description}</desc>'
        f"{_paths(mark, variant)}</svg>\n"
    )


def mark_png(label: str, variant: Variant, width: int) -> bytes:
    """The mark `width` pixels wide, on a transparent background, with the tag line where
    the charter shows it at that size."""
    mark = layout_at(label, width)
    svg = mark_svg(label, variant, tag_line=mark.tag_line is not None, pixel_width=width)
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True))


def social_png(label: str) -> bytes:
    """The picture shared on social media: the full-colour mark with its tag line, centred
    on the charter's background."""
    picture_width, picture_height = charter.SOCIAL_IMAGE_SIZE
    mark = layout(label, tag_line=True)
    scale = min(
        picture_width * charter.SOCIAL_IMAGE_MARK_SHARE / mark.width,
        picture_height * charter.SOCIAL_IMAGE_MARK_SHARE / mark.height,
    )
    x = (picture_width - mark.width * scale) / 2 - mark.view_box[0] * scale
    y = (picture_height - mark.height * scale) / 2 - mark.view_box[1] * scale
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"'
        f' viewBox="0 0 {picture_width} {picture_height}"'
        f' width="{picture_width}" height="{picture_height}">'
        f'<rect width="100%" height="100%" fill="{charter.SOCIAL_IMAGE_BACKGROUND.hex}"/>'
        f'<g transform="translate({_number(x)} {_number(y)}) scale({scale:.5f})">'
        f"{_paths(mark, charter.FULL_COLOUR)}</g></svg>"
    )
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True))


# ---------------------------------------------------------------------------------------------
# Files kept
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MarkFile:
    """One file of a network's mark: what it is, and how to draw it."""

    label: str
    kind: str  # "svg", "svg-compact", "png", "social"
    variant: Variant = charter.FULL_COLOUR
    width: int = 0

    @property
    def fingerprint(self) -> str:
        key = "|".join((charter.VERSION, self.label, self.kind, self.variant.slug, str(self.width)))
        return hashlib.sha256(key.encode()).hexdigest()[:24]

    @property
    def content_type(self) -> str:
        return "image/svg+xml" if self.kind.startswith("svg") else "image/png"

    @property
    def storage_name(self) -> str:
        extension = "svg" if self.kind.startswith("svg") else "png"
        return f"{STORAGE_FOLDER}/{self.fingerprint}.{extension}"

    def draw(self) -> bytes:
        drawers: dict[str, Callable[[], bytes]] = {
            "svg": lambda: mark_svg(self.label, self.variant).encode(),
            "svg-compact": lambda: mark_svg(self.label, self.variant, tag_line=False).encode(),
            "png": lambda: mark_png(self.label, self.variant, self.width),
            "social": lambda: social_png(self.label),
        }
        return drawers[self.kind]()


def kept(mark_file: MarkFile) -> bytes:
    """The file's content, drawn the first time and read from the storage afterwards."""
    name = mark_file.storage_name
    try:
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    except FileNotFoundError:
        pass
    content = mark_file.draw()
    saved = default_storage.save(name, ContentFile(content))
    if saved != name:  # another process drew it meanwhile: keep one copy
        default_storage.delete(saved)
    return content


# ---------------------------------------------------------------------------------------------
# What pages show of a network's mark
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Download:
    format: str  # "SVG", "PNG"
    width: int | None
    url: str
    file_name: str


@dataclass(frozen=True)
class VariantFiles:
    variant: Variant
    svg: Download
    compact_svg: Download
    pngs: tuple[Download, ...]


@dataclass(frozen=True)
class NetworkMark:
    network: Network
    label: str
    name: str  # what the mark reads
    variants: tuple[VariantFiles, ...]
    width: float  # the SVG's size in drawing units
    height: float
    compact_width: float
    compact_height: float


def network_label(network: Network) -> str:
    return charter.label_of(network.name)


def files_of(network: Network) -> NetworkMark:
    """Every file of a network's mark, with their addresses (no query)."""
    label = network_label(network)
    slug = network.slug
    variants = []
    for variant in charter.VARIANTS:
        kwargs = {"slug": slug, "variant": variant.slug}
        pngs = tuple(
            Download(
                "PNG",
                width,
                reverse("identity:mark_png", kwargs={**kwargs, "width": width}),
                f"{slug}-{variant.slug}-{width}.png",
            )
            for width in charter.PNG_WIDTHS
        )
        variants.append(
            VariantFiles(
                variant=variant,
                svg=Download(
                    "SVG",
                    None,
                    reverse("identity:mark_svg", kwargs=kwargs),
                    f"{slug}-{variant.slug}.svg",
                ),
                compact_svg=Download(
                    "SVG",
                    None,
                    reverse("identity:compact_svg", kwargs=kwargs),
                    f"{slug}-{variant.slug}-compact.svg",
                ),
                pngs=pngs,
            )
        )
    full = layout(label, tag_line=True)
    compact = layout(label, tag_line=False)
    return NetworkMark(
        network=network,
        label=label,
        name=charter.mark_name(label),
        variants=tuple(variants),
        width=round(full.width),
        height=round(full.height),
        compact_width=round(compact.width),
        compact_height=round(compact.height),
    )


def og_image_url(network: Network) -> str:
    """The absolute address of the network's picture for social media previews
    (`charter.SOCIAL_IMAGE_SIZE`, the mark centred on the charter's background)."""
    return site_url(reverse("identity:social_image", kwargs={"slug": network.slug}))


def clear_space_figure() -> SafeString:
    """The INSP!R mark with its clear space drawn around it, for the charter's page."""
    mark = layout("", tag_line=False)
    x, y, width, height = mark.view_box
    clear = charter.MARK_HEIGHT * charter.CLEAR_SPACE_RATIO
    box = " ".join(_number(value) for value in mark.view_box)
    pixels = 240
    title = escape(str(_("The INSP!R logo, with the clear space around it marked")))
    return mark_safe(  # noqa: S308 (numbers, the escaped title and outlines)
        f'<svg viewBox="{box}" width="{pixels}" height="{round(pixels * height / width)}"'
        f' role="img" aria-label="{title}">'
        f'<rect x="{_number(x)}" y="{_number(y)}" width="{_number(width)}"'
        f' height="{_number(height)}" fill="{charter.WHITE.hex}" stroke="{charter.MUTED.hex}"/>'
        f'<rect x="{_number(x + clear)}" y="{_number(y + clear)}"'
        f' width="{_number(width - 2 * clear)}" height="{_number(height - 2 * clear)}"'
        f' fill="none" stroke="{charter.ORANGE.hex}" stroke-dasharray="4 3"/>'
        f"{_paths(mark, charter.FULL_COLOUR)}</svg>"
    )
