"""The plan's pages: the list of a period's actions, one action, writing and changing
actions and their indicators, and the plan's periods. Thin: reads come from
`selectors.plan`, writes go through `services.actions`; what is out of reach is a 404."""

import functools
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from inspir.accounts.permissions import permission_key, reach_of
from inspir.core.collation import name_order
from inspir.core.errors import found_or_404
from inspir.core.forms import save_form
from inspir.core.submit_once import submit_once
from inspir.core.versioning import save_edit
from inspir.network.models import Level, top_down
from inspir.planning.forms.actions import (
    ActionForm,
    IndicatorFormSet,
    NewActionForm,
    PeriodForm,
    PlanFilterForm,
    VersionForm,
)
from inspir.planning.models import PlanAction, PlanPeriod
from inspir.planning.permissions import has_plan, may_suggest, owned_network_ids, owns_plan_of
from inspir.planning.rules import EDITABLE_ACTION_FIELDS, LINK_FIELDS, must_strengthen
from inspir.planning.selectors import plan as selectors
from inspir.planning.selectors.access import owned_actions, owned_networks
from inspir.planning.services import actions as services


def _reader(request: HttpRequest) -> None:
    if not has_plan(request.user):
        raise Http404(_("You are not a member of any network yet."))


def _owns_any(request: HttpRequest) -> bool:
    owned = owned_network_ids(request.user)
    return owned is None or bool(owned)


@login_required
@require_GET
def plan(request: HttpRequest) -> HttpResponse:
    """A period's actions, by domain, for the networks the reader reads."""
    _reader(request)
    periods = selectors.periods()
    networks = selectors.readable_plan_networks(request.user)
    form = PlanFilterForm(request.GET or None, periods=periods, networks=networks)
    chosen: dict[str, Any] = form.cleaned_data if form.is_valid() else {}
    period = selectors.period_chosen(str(chosen.get("period") or ""), periods)
    context: dict[str, Any] = {
        "form": form,
        "period": period,
        "owns": _owns_any(request),
        "may_suggest": may_suggest(request.user),
        "opens_periods": _opens_periods(request),
    }
    if period is not None:
        if not form.is_bound:
            form.initial["period"] = period.pk
        actions = selectors.plan_actions(
            request.user,
            period=period,
            network=chosen.get("network"),
            domain=chosen.get("domain", ""),
            status=chosen.get("status", ""),
        )
        # The page of actions is kept for readers with the same reach and the same query
        # (`{% shared_part %}`, decision 0021): read only when the kept part is stale.
        context |= {
            "results_of": functools.partial(
                selectors.plan_page, actions, page=request.GET.get("page")
            ),
            "part_key": (
                permission_key(request.user),
                period.pk,
                sorted(request.GET.lists()),
                timezone.localdate(),
            ),
            "filtered": bool(request.GET),
        }
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "planning/plan.html#results", context)
    return render(request, "planning/plan.html", context)


def _opens_periods(request: HttpRequest) -> bool:
    """Whether the reader owns the intercontinental plan, whose owners open periods. No
    query: the levels come with the reader's reach."""
    owned = owned_network_ids(request.user)
    if owned is None:
        return True
    levels = reach_of(request.user).levels
    return any(levels.get(network_id) == Level.INTERCONTINENTAL for network_id in owned)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def periods(request: HttpRequest) -> HttpResponse:
    """The plan's periods; the owners of the intercontinental plan open the next one."""
    _reader(request)
    opens = _opens_periods(request)
    form = PeriodForm(request.POST or None) if opens else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            done = save_form(
                request,
                form,
                lambda: services.period_create(actor=request.user, **form.cleaned_data),
                success=_("The period is open: its plan can be written."),
                then=lambda period: f"{reverse('planning:plan')}?period={period.pk}",
            )
            if done:
                return done
    return render(request, "planning/periods.html", {"periods": selectors.periods(), "form": form})


@login_required
@require_GET
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    action = found_or_404(selectors.action_for_reader, user=request.user, pk=pk)
    selectors.action_texts(action)
    context = {
        "action": action,
        "owns": owns_plan_of(request.user, action.network_id),
        "may_suggest": may_suggest(request.user),
        "indicators": list(action.indicators.all()),
        "must_strengthen": must_strengthen(action.network.level),
    }
    return render(request, "planning/action_detail.html", context)


def _initial(action: PlanAction) -> dict[str, Any]:
    initial: dict[str, Any] = {name: getattr(action, name) for name in EDITABLE_ACTION_FIELDS}
    for name in LINK_FIELDS:
        initial[name] = [related.pk for related in getattr(action, name).all()]
    initial["version"] = action.version
    return initial


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def action_create(request: HttpRequest) -> HttpResponse:
    """A new action in a plan the reader owns (`?network=<slug>` chooses whose)."""
    networks = owned_networks(request.user)
    periods = PlanPeriod.objects.order_by("-starts_on")
    if not networks.exists() or not periods.exists():
        raise Http404
    # Whose plan: what the action may link to depends on it. The one named in the address,
    # else the highest the reader owns; the page offers the others.
    owned = list(networks.order_by(top_down(), name_order()))
    network = next((n for n in owned if n.slug == request.GET.get("network")), owned[0])
    period = selectors.period_chosen(request.GET.get("period"), list(periods))
    choices = selectors.link_choices(request.user, network=network, period=period)
    initial = {"network": network, "period": period}
    form = NewActionForm(
        request.POST or None,
        initial=initial,
        choices=choices,
        versioned=False,
        networks=networks.filter(pk=network.pk),
        periods=periods,
    )
    if request.method == "POST" and form.is_valid():
        data = form.data_for_service()
        links = {name: data.pop(name) for name in LINK_FIELDS if name in data}
        done = save_form(
            request,
            form,
            lambda: services.action_create(
                actor=request.user,
                period=form.cleaned_data["period"],
                network=form.cleaned_data["network"],
                data=data,
                links=links,
                note=form.cleaned_data["note"],
            ),
            success=_("The action is in the plan."),
            then=lambda action: action.get_absolute_url(),
        )
        if done:
            return done
    return render(
        request,
        "planning/action_form.html",
        {
            "form": form,
            "action": None,
            "network": network,
            "others": [other for other in owned if other.pk != network.pk],
            "conflict": None,
        },
    )


def _owned_action(request: HttpRequest, pk: int) -> PlanAction:
    queryset: QuerySet[PlanAction] = owned_actions(request.user).select_related("network", "period")
    return found_or_404(lambda: queryset.get(pk=pk))


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = _owned_action(request, pk)
    choices = selectors.link_choices(request.user, network=action.network, period=action.period)
    initial = _initial(action)
    form = ActionForm(request.POST or None, initial=initial, choices=choices, versioned=True)
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = save_edit(
            request,
            form,
            lambda: services.action_update(
                action=action,
                actor=request.user,
                version=form.cleaned_data["version"],
                data=form.data_for_service(),
                note=form.cleaned_data["note"],
            ),
            success=_("The action was saved; its history keeps the previous version."),
            message=_(
                "Someone else saved this action while you were editing it. Nothing was "
                "overwritten: what you typed is kept below. Compare it with the saved "
                "version, then save again."
            ),
            values=lambda saved: {**_initial(saved), "note": ""},
        )
        if saved:
            return redirect(action.get_absolute_url())
    return render(
        request,
        "planning/action_form.html",
        {"form": form, "action": action, "network": action.network, "conflict": conflict},
    )


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def action_indicators(request: HttpRequest, pk: int) -> HttpResponse:
    """An action's indicators, all on one form: change, add, remove."""
    action = _owned_action(request, pk)
    existing = list(action.indicators.all())
    initial = [
        {
            "pk": indicator.pk,
            "name": indicator.name,
            "unit": indicator.unit,
            "target": indicator.target,
            "actual": indicator.actual,
            "measured_on": indicator.measured_on,
        }
        for indicator in existing
    ]
    formset = IndicatorFormSet(request.POST or None, initial=initial, prefix="indicators")
    version = VersionForm(request.POST or None, initial={"version": action.version})
    conflict = None
    # Both checked, so that each says what is wrong (the hidden version: "out of date").
    valid = request.method == "POST" and all([formset.is_valid(), version.is_valid()])
    if valid:
        rows = [
            services.IndicatorRow(
                pk=data.get("pk"),
                name=data.get("name") or "",
                unit=data.get("unit") or "",
                target=data.get("target"),
                actual=data.get("actual"),
                measured_on=data.get("measured_on"),
                delete=bool(data.get("delete")),
            )
            for data in formset.cleaned_data
            if data
        ]
        saved, conflict = save_edit(
            request,
            version,
            lambda: services.indicators_save(
                action=action,
                actor=request.user,
                version=version.cleaned_data["version"],
                rows=rows,
            ),
            success=_("The indicators were saved."),
            message=_(
                "Someone else changed this action while you were editing its indicators. "
                "Nothing was overwritten: what you typed is kept below. Check the action, "
                "then save again."
            ),
            values=lambda saved: {"version": saved.version},
        )
        if saved:
            return redirect(action.get_absolute_url() + "#indicators")
    return render(
        request,
        "planning/action_indicators.html",
        {"action": action, "formset": formset, "version": version, "conflict": conflict},
    )
