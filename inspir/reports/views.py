"""The annual report's pages: the published editions for everyone; a network's report for a
year (the web page, print-friendly, drawn from the data as it is now) with its editions for
those who read it; the texts, the editions and their publication for those who produce it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inspir.core.errors import found_or_404
from inspir.core.forms import report_service_call
from inspir.core.i18n import current_language
from inspir.core.page_cache import public_page
from inspir.core.submit_once import submit_once
from inspir.core.time import reader_zone
from inspir.core.versioning import save_edit
from inspir.network.models import Network
from inspir.planning.selectors.context import written_in
from inspir.reports import rules, selectors, services
from inspir.reports.forms import ReportTextForm
from inspir.reports.layout import layout_of
from inspir.reports.models import ReportText
from inspir.reports.permissions import (
    produces_report_of,
    producing_network_ids,
    reading_network_ids,
)


def _year_or_404(network: Network, year: int) -> int:
    if year not in rules.years_for(network.start_date):
        raise Http404
    return year


@public_page
@require_safe
def report_list(request: HttpRequest) -> HttpResponse:
    """The published editions, for everyone; and, for a signed-in reader, the reports of
    the networks they read, year by year."""
    readable = reading_network_ids(request.user)
    networks = []
    if request.user.is_authenticated and readable != frozenset():
        networks = [
            (network, rules.years_for(network.start_date))
            for network in selectors.reporting_networks()
            if readable is None or network.pk in readable
        ]
    context = {"editions": selectors.published_editions(), "networks": networks}
    return render(request, "reports/report_list.html", context)


@login_required
@require_safe
def report_detail(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """The report as its latest edition states it, in the reader's language where one was
    made in it, with every edition (only the editions for htmx's polling while one is being
    laid out). Reading frozen data, the page costs the same whatever the network holds."""
    network = found_or_404(
        selectors.report_network_get, slug=slug, network_ids=reading_network_ids(request.user)
    )
    _year_or_404(network, year)
    editions = selectors.editions_of(network, year)
    context = {
        "network": network,
        "year": year,
        "editions": editions,
        "produces": produces_report_of(request.user, network.pk),
        "years": rules.years_for(network.start_date),
        "zone": reader_zone(request.user),
    }
    if request.headers.get("HX-Request"):
        return render(request, "reports/report_detail.html#editions", context)
    shown = selectors.shown_edition(editions, current_language())
    if shown is not None:
        data = shown.edition.snapshot
        context |= {"shown": shown, "data": data, "layout": layout_of(data)}
    return render(request, "reports/report_detail.html", context)


@login_required
@require_safe
def report_preview(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """The report as the network's records stand now, in the reader's language: what the
    next edition would say, for those who produce it. It reads every domain's records."""
    network = found_or_404(
        selectors.report_network_get, slug=slug, network_ids=producing_network_ids(request.user)
    )
    _year_or_404(network, year)
    data = selectors.report_data(network, year, current_language())
    context = {"network": network, "year": year, "data": data, "layout": layout_of(data)}
    return render(request, "reports/report_preview.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def report_text_edit(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    network = found_or_404(
        selectors.report_network_get, slug=slug, network_ids=producing_network_ids(request.user)
    )
    _year_or_404(network, year)
    text = selectors.report_text(network, year) or ReportText(network=network, year=year)
    languages = written_in(text, ("introduction", "credits"))
    conflict = None
    if request.method == "POST":
        form = ReportTextForm(request.POST, instance=text, languages=languages)
        if form.is_valid():
            saved, conflict = save_edit(
                request,
                form,
                lambda: services.report_text_save(
                    network=network,
                    year=year,
                    actor=request.user,
                    version=form.cleaned_data["version"],
                    introduction=form.cleaned_data["introduction"],
                    credits=form.cleaned_data["credits"],
                ),
                success=_("The texts of the %(year)s report were saved.") % {"year": year},
                message=_(
                    "Someone else saved these texts while you were editing them. Nothing was "
                    "overwritten: your texts are kept below. Compare them with the saved "
                    "version, then save again."
                ),
            )
            if saved:
                return redirect("reports:report_detail", slug=network.slug, year=year)
    else:
        form = ReportTextForm(instance=text, languages=languages)
    context = {"form": form, "network": network, "year": year, "conflict": conflict}
    return render(request, "reports/report_text_form.html", context)


@login_required
@require_POST
@submit_once
def editions_generate(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    network = found_or_404(
        selectors.report_network_get, slug=slug, network_ids=producing_network_ids(request.user)
    )
    _year_or_404(network, year)
    asked: list[services.Generated] = []
    if report_service_call(
        request,
        lambda: asked.append(
            services.editions_request(network=network, year=year, actor=request.user)
        ),
        success="",
    ):
        generated = asked[0]
        if generated.new:
            messages.success(
                request,
                ngettext(
                    "A new edition is being laid out in %(count)s language; it appears "
                    "below when ready.",
                    "New editions are being laid out in %(count)s languages; they appear "
                    "below when ready.",
                    len(generated.new),
                )
                % {"count": len(generated.new)},
            )
        else:
            messages.info(
                request,
                _(
                    "Nothing has changed since the last editions: they are the report as it "
                    "stands, and no new edition was made."
                ),
            )
    return redirect("reports:report_detail", slug=network.slug, year=year)


@require_safe
def edition_download(request: HttpRequest, pk: int) -> FileResponse:
    """An edition's PDF: a published one for anyone, another for those who read its
    network's report."""
    edition = found_or_404(
        selectors.edition_get, pk=pk, network_ids=reading_network_ids(request.user)
    )
    try:
        handle = edition.pdf.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    name = (edition.pdf.name or "report.pdf").rsplit("/", 1)[-1]
    response = FileResponse(handle, content_type="application/pdf", filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400" if edition.published_at else "private"
    return response


@login_required
@require_POST
@submit_once
def edition_publish(request: HttpRequest, pk: int) -> HttpResponse:
    edition = found_or_404(
        selectors.edition_get, pk=pk, network_ids=producing_network_ids(request.user)
    )
    if not produces_report_of(request.user, edition.network_id):
        raise Http404
    publish = request.POST.get("publish") == "1"
    report_service_call(
        request,
        lambda: services.edition_publish(edition=edition, actor=request.user, publish=publish),
        success=_("The edition is published: everyone may download it.")
        if publish
        else _("The edition is no longer published."),
    )
    return redirect("reports:report_detail", slug=edition.network.slug, year=edition.year)
