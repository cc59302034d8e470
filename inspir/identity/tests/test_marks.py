"""The files of a mark, drawn by the charter: outlines only, PNGs of the stated widths."""

import io

import pytest
from defusedxml import ElementTree as ET
from PIL import Image

from inspir.identity import charter, variants

SVG = "{http://www.w3.org/2000/svg}"


def _png(content: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(content))
    assert image.format == "PNG"
    return image.convert("RGBA")


def _has_colour(image: Image.Image, hex_colour: str) -> bool:
    wanted = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return any(pixel[:3] == wanted and pixel[3] == 255 for pixel in image.get_flattened_data())


@pytest.mark.parametrize("variant", charter.VARIANTS, ids=lambda v: v.slug)
def test_the_svg_draws_the_lettering_as_outlines(variant):
    root = ET.fromstring(variants.mark_svg("América Latina", variant))

    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == "INSP!R América Latina"
    assert not list(root.iter(f"{SVG}text"))
    fills = [path.get("fill") for path in root.iter(f"{SVG}path")]
    assert variant.accent.hex in fills and variant.lettering.hex in fills
    assert all(path.get("d") for path in root.iter(f"{SVG}path"))


def test_the_label_sits_under_the_lettering_aligned_left():
    mark = variants.layout("Bangladesh", tag_line=True)

    assert mark.label[0].bounds[1] > mark.lettering.bounds[3]
    assert mark.label[0].bounds[0] == pytest.approx(mark.lettering.bounds[0], abs=0.01)
    assert mark.tag_line.bounds[0] == pytest.approx(mark.lettering.bounds[0], abs=0.01)
    assert mark.tag_line.bounds[1] > mark.label[0].bounds[3]


def test_a_long_label_takes_two_lines():
    assert len(variants.layout("República Dominicana", tag_line=False).label) == 2
    assert len(variants.layout("Bolivia", tag_line=False).label) == 1
    assert variants.layout("", tag_line=False).label == ()


def test_the_clear_space_is_kept_around_the_ink():
    mark = variants.layout("Nepal", tag_line=True)
    clear = charter.MARK_HEIGHT * charter.CLEAR_SPACE_RATIO
    x, y, width, height = mark.view_box

    assert mark.lettering.bounds[0] - x == pytest.approx(clear)
    assert mark.lettering.bounds[1] - y == pytest.approx(clear, abs=2)


@pytest.mark.parametrize("width", charter.PNG_WIDTHS)
def test_the_png_has_the_width_it_declares_and_shows_the_accent(width):
    image = _png(variants.mark_png("Perú", charter.FULL_COLOUR, width))

    assert image.width == width
    assert image.height == variants.layout_at("Perú", width).height_at(width)
    assert _has_colour(image, charter.ORANGE.hex)
    assert _has_colour(image, charter.TEAL_DARK.hex)


def test_the_tag_line_is_shown_from_its_minimum_size_only():
    narrow, wide = charter.PNG_WIDTHS[0], charter.PNG_WIDTHS[-1]
    assert variants.layout_at("Nepal", narrow).tag_line is None
    assert variants.layout_at("Nepal", wide).tag_line is not None
    # The rule: the mark at least TAG_LINE_MIN_HEIGHT_PX high.
    compact = variants.layout("Nepal", tag_line=False)
    threshold = charter.TAG_LINE_MIN_HEIGHT_PX * compact.width / charter.MARK_HEIGHT
    assert variants.layout_at("Nepal", int(threshold) - 1).tag_line is None
    assert variants.layout_at("Nepal", int(threshold) + 1).tag_line is not None


def test_the_reversed_mark_is_white_with_the_light_accent():
    image = _png(variants.mark_png("Asia", charter.REVERSED, 256))

    assert _has_colour(image, "#ffffff")
    assert _has_colour(image, charter.ORANGE_LIGHT.hex)
    assert not _has_colour(image, charter.TEAL_DARK.hex)
    assert image.getpixel((0, 0))[3] == 0  # transparent, for any dark background


def test_the_single_colour_mark_has_one_colour():
    image = _png(variants.mark_png("Asia", charter.SINGLE_COLOUR, 256))
    opaque = {pixel[:3] for pixel in image.get_flattened_data() if pixel[3] == 255}

    assert opaque == {tuple(int(charter.INK.hex[i : i + 2], 16) for i in (1, 3, 5))}


def test_the_social_picture_centres_the_mark_on_the_charters_background():
    image = _png(variants.social_png("Afrique centrale"))
    sand = tuple(int(charter.SAND.hex[i : i + 2], 16) for i in (1, 3, 5))

    assert image.size == charter.SOCIAL_IMAGE_SIZE
    assert image.getpixel((0, 0))[:3] == sand and image.getpixel((1199, 629))[:3] == sand
    assert _has_colour(image, charter.ORANGE.hex)
    left, top, right, bottom = Image.eval(image.convert("L"), lambda v: 255 - v).getbbox()
    assert abs(left - (1200 - right)) < 120 and abs(top - (630 - bottom)) < 60
