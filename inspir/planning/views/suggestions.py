"""The suggestions' pages: the lists, making a suggestion (a new action or a change to
one), reading one and, for the plan's owners, deciding on it. Thin: reads come from
`selectors.suggestions`, writes go through `services.suggestions`."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from inspir.accounts.permissions import networks_with_ids, reach_of
from inspir.core.collation import name_order
from inspir.core.errors import found_or_404
from inspir.core.forms import save_form
from inspir.core.submit_once import submit_once
from inspir.core.versioning import save_edit
from inspir.network.models import top_down
from inspir.planning.forms.suggestions import DecideForm, SuggestionFilterForm, SuggestionForm
from inspir.planning.models import PlanPeriod, Suggestion, SuggestionKind, SuggestionStatus
from inspir.planning.permissions import (
    has_plan,
    owned_network_ids,
    owns_plan_of,
    readable_network_ids,
    suggesting_network_ids,
)
from inspir.planning.selectors import plan as plan_selectors
from inspir.planning.selectors import suggestions as selectors
from inspir.planning.selectors.access import readable_actions
from inspir.planning.services import suggestions as services


@login_required
@require_GET
def suggestion_list(request: HttpRequest) -> HttpResponse:
    if not has_plan(request.user):
        raise Http404(_("You are not a member of any network yet."))
    owns = owned_network_ids(request.user) != frozenset()
    form = SuggestionFilterForm(request.GET or None)
    chosen: dict[str, Any] = form.cleaned_data if form.is_valid() else {}
    show = chosen.get("show") or (selectors.TO_DECIDE if owns else selectors.MINE)
    if not form.is_bound:
        form.initial["show"] = show
    listed = selectors.suggestions_listed(request.user, show=show, period=chosen.get("period"))
    page = selectors.suggestion_page(listed, page=request.GET.get("page"))
    context = {"form": form, "page_obj": page, "show": show, "owns": owns}
    return render(request, "planning/suggestion_list.html", context)


def _from_networks(request: HttpRequest) -> Any:
    ids = suggesting_network_ids(request.user)
    if ids is not None and not ids:
        raise Http404(_("You may suggest from a network you belong to: you belong to none."))
    return networks_with_ids(ids).order_by(top_down(), name_order())


def _plans(request: HttpRequest, from_networks: Any) -> Any:
    """The plans one may suggest to: one's networks' and those above them."""
    reach = reach_of(request.user)
    ids = reach.above(frozenset(network.pk for network in from_networks))
    readable = readable_network_ids(request.user)
    if readable is not None:
        ids = ids & readable
    return networks_with_ids(ids).order_by(top_down(), name_order())


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def suggestion_create(request: HttpRequest) -> HttpResponse:
    """A suggestion: `?action=<id>` for a change to that action, else a new action."""
    from_networks = _from_networks(request)
    action = None
    wanted = request.GET.get("action", "")
    if wanted:
        if not wanted.isdigit() or len(wanted) > 12:
            raise Http404
        action = found_or_404(
            lambda: (
                readable_actions(request.user)
                .select_related("network", "period")
                .get(pk=int(wanted))
            )
        )
    periods_all = plan_selectors.periods()
    if action is None and not periods_all:
        raise Http404(_("No plan period is open yet."))
    if action is not None:
        initial = {name: getattr(action, name) for name in ("title", "description", "domain")}
        initial |= {"starts_on": action.starts_on, "ends_on": action.ends_on}
        form = SuggestionForm(request.POST or None, initial=initial, from_networks=from_networks)
    else:
        period = plan_selectors.period_chosen(request.GET.get("period"), periods_all)
        form = SuggestionForm(
            request.POST or None,
            initial={"period": period},
            from_networks=from_networks,
            plans=_plans(request, from_networks),
            periods=PlanPeriod.objects.order_by("-starts_on"),
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = save_form(
            request,
            form,
            lambda: services.suggestion_make(
                actor=request.user,
                from_network=data["from_network"],
                network=data.get("network"),
                period=data.get("period"),
                action=action,
                data={
                    name: data[name]
                    for name in ("title", "description", "domain", "starts_on", "ends_on")
                },
                reason=data["reason"],
            ),
            success=_(
                "Your suggestion was sent to the plan's owners. You will be told of their decision."
            ),
            then=lambda suggestion: suggestion.get_absolute_url(),
        )
        if done:
            return done
    return render(request, "planning/suggestion_form.html", {"form": form, "action": action})


def _decide_form(request: HttpRequest, suggestion: Suggestion, data: Any = None) -> DecideForm:
    initial = selectors.initial_of(suggestion)
    if suggestion.action is not None:
        initial["version"] = suggestion.action.version
    return DecideForm(
        data,
        initial=initial,
        actions=selectors.merge_choices(suggestion),
        change=suggestion.kind == SuggestionKind.CHANGE,
    )


def _detail(
    request: HttpRequest, suggestion: Suggestion, form: DecideForm | None, conflict: Any = None
) -> HttpResponse:
    context = {
        "suggestion": suggestion,
        "changes": selectors.changes_suggested(suggestion),
        "moved_on": suggestion.action is not None
        and suggestion.action_version is not None
        and suggestion.action.version != suggestion.action_version,
        "form": form,
        "conflict": conflict,
    }
    return render(request, "planning/suggestion_detail.html", context)


@login_required
@require_GET
def suggestion_detail(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = found_or_404(selectors.suggestion_for_reader, user=request.user, pk=pk)
    decides = suggestion.status == SuggestionStatus.PENDING and owns_plan_of(
        request.user, suggestion.network_id
    )
    return _detail(request, suggestion, _decide_form(request, suggestion) if decides else None)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def suggestion_decide(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = found_or_404(selectors.suggestion_for_reader, user=request.user, pk=pk)
    if not owns_plan_of(request.user, suggestion.network_id):
        raise Http404
    form = _decide_form(request, suggestion, request.POST if request.method == "POST" else None)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        decision = data["decision"]
        if decision == DecideForm.ACCEPT:
            fields = {
                name: data[name]
                for name in ("title", "description", "domain", "starts_on", "ends_on")
            }
            saved, conflict = save_edit(
                request,
                form,
                lambda: services.suggestion_accept(
                    suggestion=suggestion,
                    actor=request.user,
                    data=fields,
                    version=data.get("version"),
                    answer=data["answer"],
                ),
                success=_("The suggestion is accepted: the plan is changed and its author told."),
                message=_(
                    "The action changed since you opened this page. Nothing was written: "
                    "compare the suggestion with the action as it is now, then decide again."
                ),
                values=lambda saved: {"version": saved.version},
            )
            if saved:
                suggestion.refresh_from_db()
                from django.shortcuts import redirect

                return redirect(
                    suggestion.result.get_absolute_url()
                    if suggestion.result
                    else suggestion.get_absolute_url()
                )
        else:
            into = data["into"]
            answer = data["answer"]

            def call() -> Suggestion:
                if decision == DecideForm.MERGE:
                    return services.suggestion_merge(
                        suggestion=suggestion, actor=request.user, into=into, answer=answer
                    )
                return services.suggestion_decline(
                    suggestion=suggestion, actor=request.user, answer=answer
                )

            done = save_form(
                request,
                form,
                call,
                success=_("The suggestion is decided and its author told."),
                then=lambda decided: decided.get_absolute_url(),
            )
            if done:
                return done
    return _detail(request, suggestion, form, conflict)
