"""The report as a designed PDF, laid out by WeasyPrint from an edition's frozen data.

The typefaces are the project's own files (Lato from the identity's charter, Noto Sans for
the scripts Lato lacks: Devanagari, Bengali, Khmer), declared in `pdf/report.css`, so the
document looks the same wherever it is made and names in those scripts never come out as
empty boxes."""

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from inspir.identity import charter, variants
from inspir.reports import rules
from inspir.reports.layout import layout_of

STYLE = Path(__file__).resolve().parent / "pdf" / "report.css"


def render_html(data: dict[str, Any], *, made_on: datetime.date | None) -> str:
    """The PDF's HTML, in the report's language."""
    with translation.override(data["language"]):
        label = data["network"]["label"]
        context = {
            "data": data,
            "layout": layout_of(data),
            "made_on": made_on,
            "mark": _mark(label, charter.REVERSED, 420, "cover-mark"),
            "mark_dark": _mark(label, charter.FULL_COLOUR, 150, "colophon-mark"),
        }
        return render_to_string("reports/report_pdf.html", context)


def _mark(label: str, variant: charter.Variant, width: int, name: str) -> str:
    """The network's mark, inline: our own drawing (outlines, no text), with an id of its
    own for its title, since the document holds two."""
    svg = variants.mark_svg(label, variant, pixel_width=width)
    svg = svg.replace('aria-labelledby="title"', f'aria-labelledby="{name}"')
    return mark_safe(svg.replace('id="title"', f'id="{name}"'))  # noqa: S308


def render_pdf(
    data: dict[str, Any],
    *,
    made_on: datetime.date | None = None,
    progress: Callable[[int], None] = lambda percent: None,
) -> tuple[bytes, int]:
    """The PDF of a report's data and its number of pages."""
    content, pages = write_pdf(render_html(data, made_on=made_on), progress=progress)
    return content, pages


def write_pdf(
    html: str, *, progress: Callable[[int], None] = lambda percent: None
) -> tuple[bytes, int]:
    """Lay out the report's HTML with its stylesheet and its own fonts."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()  # the stylesheet's @font-face rules need one
    document = weasyprint.HTML(string=html, base_url=str(settings.BASE_DIR)).render(
        stylesheets=[weasyprint.CSS(filename=str(STYLE), font_config=fonts)], font_config=fonts
    )
    progress(rules.PROGRESS_LAID_OUT)
    return document.write_pdf(), len(document.pages)
