"""The plan of a period, for one network or every network the reader reads, printed (an HTML
page made for paper, texts in the reader's language) or downloaded as a spreadsheet (CSV or
XLSX, texts as written)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from inspir.core.spreadsheet import csv_download
from inspir.core.time import reader_zone
from inspir.planning import exports
from inspir.planning.selectors import exports as selectors
from inspir.planning.selectors.dashboard import Scope, scoped_actions
from inspir.planning.views.dashboard import ScopeForm, scope_of


def _filename(scope: Scope, extension: str) -> str:
    return exports.filename(scope.period, scope.network.slug if scope.network else None, extension)


@login_required
@require_GET
def plan_print(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request)
    zone = reader_zone(request.user)
    actions = selectors.plan_actions(request.user, scoped_actions(request.user, scope))
    context = {
        "scope": scope,
        "form": ScopeForm(scope=scope),
        "domains": selectors.printed_plan(actions),
        "count": len(actions),
        "today": timezone.localdate(timezone=zone),
        "query": urlencode(scope.query),
    }
    return render(request, "planning/plan_print.html", context)


@login_required
@require_GET
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    scope = scope_of(request)
    actions = selectors.plan_actions(request.user, scoped_actions(request.user, scope))
    rows = exports.csv_rows(actions, reader_zone(request.user))
    return csv_download(rows, filename=_filename(scope, "csv"))


@login_required
@require_GET
def export_xlsx(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request)
    actions = selectors.plan_actions(request.user, scoped_actions(request.user, scope))
    period = scope.period.name if scope.period else ""
    # Translators: the name of the plan's sheet in the XLSX export, e.g. "Plan 2020–2021".
    sheet = gettext("Plan %(period)s") % {"period": period}
    network = scope.network.name if scope.network else ""
    title = " — ".join(part for part in ("INSP!R", sheet, network) if part)
    content = exports.xlsx_bytes(actions, reader_zone(request.user), title=title, sheet=sheet)
    response = HttpResponse(content, content_type=exports.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(scope, "xlsx")}"'
    return response
