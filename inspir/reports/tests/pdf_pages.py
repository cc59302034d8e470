"""Reading a PDF back as a reader sees it, with poppler's tools: its text (`pdftotext`) and
its pages as pictures (`pdftoppm`), searched for the empty boxes a font draws for a
character it lacks."""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from PIL import Image

DARK = 192  # grey levels below this are ink (a box's thin lines are drawn in grey)
RESOLUTION = 200  # dots per inch: a 10 pt letter is about 28 pixels high

# A missing glyph is drawn as a hollow rectangle about the size of a letter.
BOX_WIDTH = range(8, 80)
BOX_HEIGHT = range(14, 120)


def poppler(tool: str) -> str:
    """The poppler tool's path; CI installs poppler-utils, so there a missing tool fails."""
    found = shutil.which(tool)
    if found:
        return found
    message = f"{tool} is missing (apt-get install -y poppler-utils)"
    if os.environ.get("INSPIR_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


def pdf_text(content: bytes) -> str:
    """The PDF's text in reading order, pages separated by form feeds, lines joined so that
    a phrase broken across lines still reads as one."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(content)
        result = subprocess.run(
            [poppler("pdftotext"), "-raw", "-enc", "UTF-8", str(source), "-"],
            check=True,
            capture_output=True,
        )
    return re.sub(r"[ \t\r\n]+", " ", result.stdout.decode("utf-8"))


def _runs(row: bytes) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(rb"\x00+", row)]


def boxes_in(picture: Image.Image) -> list[tuple[int, int, int, int]]:
    """The hollow, letter-sized rectangles drawn on a page (x, y, width, height): what a
    font shows for a character it has no glyph for. Letters are never such rectangles (an
    O is round, an E is open), filled shapes are not hollow, table rules are longer."""
    ink = picture.convert("L").point(lambda level: 0 if level < DARK else 255)
    width, height = ink.size
    pixels = ink.tobytes()
    rows = [pixels[y * width : (y + 1) * width] for y in range(height)]

    def dark(x: int, y: int) -> bool:
        return rows[y][x] == 0

    found = []
    for top, row in enumerate(rows):
        for start, end in _runs(row):
            left, right = start, end - 1
            if end - start not in BOX_WIDTH or left == 0 or end == width:
                continue
            # Down the left side while it is ink; the bottom must be a run as wide.
            bottom = top
            while bottom + 2 < height and dark(left, bottom + 1):
                bottom += 1
            box_height = bottom - top + 1
            if box_height not in BOX_HEIGHT:
                continue
            if not all(dark(right, y) for y in range(top, bottom + 1)):
                continue
            if not all(dark(x, bottom) for x in range(left, right + 1)):
                continue
            # Straight sides with nothing outside them down to half-way: a round letter
            # (o, 0, D) bulges out beyond where its top begins and ends (lower down, a
            # comma or a full stop may touch a box).
            middle = (top + bottom) // 2
            if any(dark(left - 1, y) or dark(right + 1, y) for y in range(top, middle + 1)):
                continue
            # Hollow, with thin sides: just inside each side, half-way down, the page
            # shows through.
            if dark(left + 3, middle) or dark(right - 3, middle):
                continue
            found.append((left, top, end - start, box_height))
    return found


def missing_glyph_boxes(content: bytes) -> dict[int, list[tuple[int, int, int, int]]]:
    """Every page of the PDF drawn as a picture, with the missing-glyph boxes found on it
    (pages with none are left out)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(content)
        subprocess.run(
            # Grey levels as raw PGM: encoding PNG would take longer than the search.
            [poppler("pdftoppm"), "-r", str(RESOLUTION), "-gray", str(source), f"{folder}/page"],
            check=True,
            capture_output=True,
        )
        pages = sorted(Path(folder).glob("page-*.pgm"), key=lambda p: int(p.stem.split("-")[-1]))
        found = {}
        for number, path in enumerate(pages, start=1):
            with Image.open(path) as picture:
                boxes = boxes_in(picture)
            if boxes:
                found[number] = boxes
        return found
