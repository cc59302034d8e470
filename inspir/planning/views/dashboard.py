"""The plan's dashboard: how far each domain and each network has come, as charts with the
same figures in tables, and the actions that need attention (overdue, without a lead, or
done internationally and strengthening nothing below)."""

import datetime
import functools
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from inspir.accounts.permissions import permission_key
from inspir.core.time import reader_zone
from inspir.planning import charts
from inspir.planning.selectors import dashboard as selectors
from inspir.planning.selectors.dashboard import Progress, Scope


class ScopeForm(forms.Form):
    """The period and the network a summary of the plan covers: a plain GET form, drawn
    with what `selectors.dashboard.scope_chosen` chose (an unknown value is ignored)."""

    period = forms.ChoiceField(label=_("Period"), required=False)
    network = forms.ChoiceField(label=_("Network"), required=False)

    def __init__(self, *, scope: Scope, **kwargs: Any) -> None:
        initial = {
            "period": str(scope.period.pk) if scope.period else "",
            "network": scope.network.slug if scope.network else "",
        }
        super().__init__(initial=initial, **kwargs)
        self.fields["period"].choices = [(str(period.pk), period.name) for period in scope.periods]  # type: ignore[attr-defined]
        self.fields["network"].choices = [  # type: ignore[attr-defined]
            ("", gettext("All the networks you read")),
            *((network.slug, network.name) for network in scope.networks),
        ]


def scope_of(request: HttpRequest) -> Scope:
    return selectors.scope_chosen(
        request.user, period=request.GET.get("period"), network=request.GET.get("network")
    )


def percent(value: int | None) -> str:
    # As the platform writes shares ("43 %"); no progress yet is a dash.
    return "—" if value is None else f"{value}\u00a0%"


def progress_chart(rows: list[Progress], *, title: str, chart_id: str) -> str:
    return charts.bar_chart(
        [charts.Bar(label=row.label, value=row.mean, text=percent(row.mean)) for row in rows],
        title=title,
        chart_id=chart_id,
        description=gettext(
            "Mean progress of the actions, in percent. The table below gives the same figures."
        ),
    )


@dataclass(frozen=True)
class Board:
    board: selectors.Dashboard
    domain_chart: str
    network_chart: str


def _board(user: Any, scope: Scope, today: datetime.date) -> Board:
    board = selectors.dashboard(user, scope=scope, today=today)
    if not board.count:
        return Board(board, "", "")
    return Board(
        board,
        progress_chart(
            board.domains, title=gettext("Mean progress by domain"), chart_id="chart-domains"
        ),
        progress_chart(
            board.networks, title=gettext("Mean progress by network"), chart_id="chart-networks"
        ),
    )


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request)
    today = timezone.localdate(timezone=reader_zone(request.user))
    context: dict[str, Any] = {
        "scope": scope,
        "form": ScopeForm(scope=scope),
        "query": urlencode(scope.query),
        # Kept for readers with the same reach, scope and day (`{% shared_part %}`,
        # decision 0021): counted and drawn only when the kept part is stale.
        "board_of": functools.partial(_board, request.user, scope, today),
        "part_key": (
            permission_key(request.user),
            scope.period.pk if scope.period else None,
            scope.network.pk if scope.network else None,
            today,
        ),
    }
    return render(request, "planning/dashboard.html", context)
