"""The charter's rules: contrast, the site's colours, labels and the font's coverage."""

import re
from pathlib import Path

import pytest

from inspir.identity import charter
from inspir.identity.outlines import missing_characters
from inspir.network.founding_data import NETWORKS

STYLESHEET = Path(__file__).resolve().parents[2] / "core" / "static" / "core" / "inspir.css"


def test_contrast_is_measured_as_wcag_defines_it():
    assert charter.contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert charter.contrast_ratio("#777777", "#777777") == pytest.approx(1)
    # The accent is too light for small text on white: allowed only large.
    assert charter.contrast_ratio(charter.ORANGE.hex, charter.WHITE.hex) < charter.AA_TEXT


@pytest.mark.parametrize(
    "pair", charter.CONTRAST_PAIRS, ids=lambda p: f"{p.text.slug}-on-{p.background.slug}"
)
def test_every_pair_the_charter_allows_passes_wcag_aa(pair):
    assert pair.ratio >= pair.required


def test_every_variant_of_the_mark_reads_on_its_background():
    for variant in charter.VARIANTS:
        for colour in (variant.lettering, variant.accent, variant.label, variant.tag_line):
            ratio = charter.contrast_ratio(colour.hex, variant.background.hex)
            assert ratio >= charter.AA_LARGE, (variant.slug, colour.slug)
        # The label and the tag line are text: AA for text of any size.
        for colour in (variant.label, variant.tag_line):
            ratio = charter.contrast_ratio(colour.hex, variant.background.hex)
            assert ratio >= charter.AA_TEXT, (variant.slug, colour.slug)


def _root_properties(css: str) -> dict[str, str]:
    root = re.search(r":root\s*\{(?P<body>[^}]*)\}", css)
    assert root, "inspir.css has no :root block"
    return {
        name: value.strip().lower()
        for name, value in re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", root["body"])
    }


def test_the_sites_brand_colours_are_the_charters():
    css = STYLESHEET.read_text()
    properties = _root_properties(css)
    used = [colour for colour in charter.PALETTE if colour.css_var]

    assert used
    for colour in used:
        assert properties.get(colour.css_var) == colour.hex, colour.css_var
    # The header's "!" sits on the deep teal: the charter's accent for dark backgrounds.
    bang = re.search(r"\.bang\s*\{[^}]*color:\s*(#[0-9a-fA-F]{6})", css)
    assert bang and bang[1].lower() == charter.ORANGE_LIGHT.hex


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("INSP!R", ""),
        ("INSP!R Nepal", "Nepal"),
        ("INSP!R América Latina", "América Latina"),
        ("INSP!R-Sénégal", "Sénégal"),
        ("PPSOGUI", "PPSOGUI"),
        ("INSP!RED", "INSP!RED"),
    ],
)
def test_a_networks_label_is_its_name_without_insp_r(name, label):
    assert charter.label_of(name) == label


def test_long_labels_go_on_two_lines_at_a_word_boundary():
    assert charter.label_lines("Nepal") == ["Nepal"]
    assert charter.label_lines("Belgique/Europe") == ["Belgique/Europe"]
    assert charter.label_lines("República Dominicana") == ["República", "Dominicana"]
    assert charter.label_lines("Afrique de l'Ouest") == ["Afrique", "de l'Ouest"]
    # A word is never split, however long.
    assert charter.label_lines("Internationalisation") == ["Internationalisation"]
    for spec in NETWORKS:
        lines = charter.label_lines(charter.label_of(spec.name))
        assert len(lines) <= charter.LABEL_MAX_LINES
        assert " ".join(lines) == charter.label_of(spec.name)
        for line in lines:
            assert len(line) <= charter.LABEL_MAX_CHARACTERS_PER_LINE or " " not in line


def test_every_character_of_every_demo_label_has_a_glyph():
    assert len(NETWORKS) == 25
    text = charter.NAME + charter.TAG_LINE + "".join(spec.name for spec in NETWORKS)
    assert "é" in text and "ú" in text and "ï" in text

    assert missing_characters(text, charter.TYPEFACE.lettering_file) == set()
    assert missing_characters(text, charter.TYPEFACE.text_file) == set()


def test_a_character_the_font_lacks_is_found():
    assert missing_characters("INSP!R नेपाल", charter.TYPEFACE.text_file) == set("नेपाल")


def test_the_font_comes_with_its_licence():
    licence = (charter.FONTS / "OFL.txt").read_text()
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert charter.TYPEFACE.lettering_file.exists() and charter.TYPEFACE.text_file.exists()
