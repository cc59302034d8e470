"""The published positions, for everyone: their list, a position's page and its PDF, in
the reader's language (what members wrote through its translations, else the original
marked with its language)."""

from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from inspir.advocacy.selectors import positions as selectors
from inspir.core.errors import found_or_404
from inspir.core.i18n import current_language
from inspir.core.page_cache import public_page

# The document's own design (a print stylesheet, not the site's).
PDF_STYLE = Path(__file__).resolve().parent.parent / "pdf" / "position.css"


@public_page
@require_GET
def public_list(request: HttpRequest) -> HttpResponse:
    page = selectors.public_page(page=request.GET.get("page"))
    return render(request, "advocacy/public_list.html", {"page_obj": page})


@public_page
@require_GET
def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = found_or_404(selectors.public_position, pk=pk)
    context = {"page": page, "position": page.position}
    return render(request, "advocacy/public_detail.html", context)


@public_page
@require_GET
def position_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The position as a PDF document: a published one for anyone, another for those who
    read its network (marked as not public)."""
    import weasyprint

    page = found_or_404(selectors.position_for_pdf, user=request.user, pk=pk)
    position = page.position
    html = render_to_string(
        "advocacy/position_pdf.html",
        {
            "page": page,
            "position": position,
            "language": current_language(),
            "printed_on": timezone.localdate(),
            "address": request.build_absolute_uri(
                reverse("advocacy:public_detail", kwargs={"pk": position.pk})
                if position.is_public
                else position.get_absolute_url()
            ),
        },
        request=request,
    )
    content = weasyprint.HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[weasyprint.CSS(filename=str(PDF_STYLE))]
    )
    response = HttpResponse(content, content_type="application/pdf")
    name = slugify(position.title)[:60] or "position"
    response["Content-Disposition"] = f'attachment; filename="{name}-{current_language()}.pdf"'
    return response
