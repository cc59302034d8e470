"""The positions' pages for the members: the list, one position, writing and changing it
with its demands, adopting, publishing and archiving it, and its submissions. Thin: reads
come from `selectors.positions`, writes go through the services; what is out of reach is a
404."""

import functools
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inspir.advocacy.forms.positions import (
    AdoptForm,
    NewPositionForm,
    PositionFilterForm,
    PositionForm,
    PublishForm,
    VersionForm,
)
from inspir.advocacy.models import Position, PositionStatus
from inspir.advocacy.permissions import (
    adopts_positions_of,
    has_advocacy,
    readable_network_ids,
    writes_advocacy_of,
    writes_any,
)
from inspir.advocacy.rules import EDITABLE_STATUSES, demands_as_text
from inspir.advocacy.selectors import positions as selectors
from inspir.advocacy.selectors.access import (
    adoptable_positions,
    writing_networks,
    written_positions,
)
from inspir.advocacy.services import positions as services
from inspir.core.collation import name_order
from inspir.core.errors import found_or_404
from inspir.core.forms import report_service_call, save_form
from inspir.core.submit_once import submit_once
from inspir.core.versioning import save_edit
from inspir.network.models import top_down


def _reader(request: HttpRequest) -> None:
    if not has_advocacy(request.user):
        raise Http404(_("You are not a member of any network yet."))


@login_required
@require_GET
def position_list(request: HttpRequest) -> HttpResponse:
    _reader(request)
    # The filters and the page of positions are kept for readers of the same networks and
    # the same query (`{% shared_part %}`, decision 0021): the form's networks and the
    # positions are read only when a kept part is stale.
    readable = readable_network_ids(request.user)
    filtered = functools.cache(functools.partial(_filtered, request))
    context = {
        "form_of": lambda: filtered()[0],
        "results_of": functools.partial(_positions, request, filtered),
        "part_key": (
            "every network" if readable is None else sorted(readable),
            sorted(request.GET.lists()),
        ),
        "writes": writes_any(request.user),
    }
    return render(request, "advocacy/position_list.html", context)


def _filtered(request: HttpRequest) -> tuple[PositionFilterForm, dict[str, Any]]:
    """The filters' form, on the networks the reader reads, and what it asks for."""
    networks = selectors.position_networks(request.user)
    form = PositionFilterForm(request.GET or None, networks=networks)
    return form, (form.cleaned_data if form.is_valid() else {})


def _positions(
    request: HttpRequest, filtered: Callable[[], tuple[PositionFilterForm, dict[str, Any]]]
) -> dict[str, Any]:
    """The page of positions the results part shows."""
    chosen = filtered()[1]
    found = selectors.positions(
        request.user, network=chosen.get("network"), status=chosen.get("status", "")
    )
    return {
        "page_obj": selectors.position_page(found, page=request.GET.get("page")),
        "filtered": bool(chosen.get("network") or chosen.get("status")),
    }


@login_required
@require_GET
def position_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = found_or_404(selectors.position_for_reader, user=request.user, pk=pk)
    position = page.position
    governs = adopts_positions_of(request.user, position.network_id)
    context = {
        "page": page,
        "position": position,
        "writes": writes_advocacy_of(request.user, position.network_id),
        "governs": governs,
        "editable": position.status in EDITABLE_STATUSES,
        "publish_form": PublishForm(
            initial={
                "version": position.version,
                "public": "no" if position.is_public else "yes",
            },
            auto_id="publish_%s",
        ),
        # Each of the page's forms names its fields apart (one id per page).
        "version_form": VersionForm(initial={"version": position.version}, auto_id="archive_%s"),
    }
    return render(request, "advocacy/position_detail.html", context)


def _initial(position: Position) -> dict[str, Any]:
    return {
        "title": position.title,
        "summary": position.summary,
        "body": position.body,
        "demands": demands_as_text([demand.text for demand in position.demands.all()]),
        "endorsing_networks": [network.pk for network in position.endorsing_networks.all()],
        "plan_actions": [action.pk for action in position.plan_actions.all()],
        "version": position.version,
        "note": "",
    }


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def position_create(request: HttpRequest) -> HttpResponse:
    """A new draft position of a network the reader acts for (`?network=<slug>`)."""
    owners = list(writing_networks(request.user).order_by(top_down(), name_order(), "pk"))
    if not owners:
        raise Http404
    network = next((n for n in owners if n.slug == request.GET.get("network")), owners[0])
    form = NewPositionForm(
        request.POST or None,
        initial={"network": network},
        choices=selectors.position_choices(request.user, network),
        versioned=False,
        networks=writing_networks(request.user).filter(pk=network.pk),
    )
    if request.method == "POST" and form.is_valid():
        data = form.data_for_service()
        links = {name: data.pop(name) for name in ("endorsing_networks", "plan_actions")}
        done = save_form(
            request,
            form,
            lambda: services.position_create(
                actor=request.user,
                network=form.cleaned_data["network"],
                data=data,
                demands=form.cleaned_data["demands"],
                links=links,
            ),
            success=_("The position was saved as a draft."),
            then=lambda position: position.get_absolute_url(),
        )
        if done:
            return done
    others = [other for other in owners if other.pk != network.pk]
    context = {"form": form, "position": None, "network": network, "others": others}
    return render(request, "advocacy/position_form.html", context)


def _written(request: HttpRequest, pk: int) -> Position:
    queryset = written_positions(request.user).select_related("network")
    return found_or_404(lambda: queryset.get(pk=pk))


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def position_edit(request: HttpRequest, pk: int) -> HttpResponse:
    position = _written(request, pk)
    if position.status not in EDITABLE_STATUSES:
        raise Http404
    saved_title = position.title
    form = PositionForm(
        request.POST or None,
        initial=_initial(position),
        choices=selectors.position_choices(request.user, position.network),
        versioned=True,
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.data_for_service()
        saved, conflict = save_edit(
            request,
            form,
            lambda: services.position_update(
                position=position,
                actor=request.user,
                version=form.cleaned_data["version"],
                data=data,
                demands=form.cleaned_data["demands"],
                note=form.cleaned_data["note"],
            ),
            success=_("The position was saved; its history keeps the previous version."),
            values=lambda saved: {
                **_initial(saved),
                "demands": [demand.text for demand in saved.demands.all()],
            },
        )
        if saved:
            return redirect(position.get_absolute_url())
    context = {
        "form": form,
        "position": position,
        "network": position.network,
        "saved_title": saved_title,
        "conflict": conflict,
    }
    return render(request, "advocacy/position_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def position_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = adoptable_positions(request.user).select_related("network")
    position = found_or_404(lambda: queryset.get(pk=pk))
    if position.status != PositionStatus.DRAFT:
        messages.info(request, _("This position is no longer a draft."))
        return redirect(position.get_absolute_url())
    decisions = selectors.adopting_decisions(request.user, position)
    form = AdoptForm(
        request.POST or None, initial={"version": position.version}, decisions=decisions
    )
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.position_adopt(
                position=position,
                decision=form.cleaned_data["decision"],
                actor=request.user,
                version=form.cleaned_data["version"],
            ),
            success=_("The position is adopted."),
            then=position.get_absolute_url(),
        )
        if done:
            return done
    context = {"form": form, "position": position, "has_decisions": decisions.exists()}
    return render(request, "advocacy/position_adopt.html", context)


def _button(request: HttpRequest, pk: int) -> Position:
    queryset = adoptable_positions(request.user).select_related("network")
    return found_or_404(lambda: queryset.get(pk=pk))


@login_required
@require_POST
@submit_once
def position_publish(request: HttpRequest, pk: int) -> HttpResponse:
    position = _button(request, pk)
    form = PublishForm(request.POST, initial={"version": position.version})
    if not form.is_valid() or "public" not in form.cleaned_data:
        messages.error(request, _("This page is out of date; here is the current version."))
        return redirect(position.get_absolute_url())
    public = form.cleaned_data["public"]
    report_service_call(
        request,
        lambda: services.position_publish(
            position=position,
            actor=request.user,
            version=form.cleaned_data["version"],
            public=public,
        ),
        success=(
            _("The position is public: anyone reads it and downloads it.")
            if public
            else _("The position is for the members only again.")
        ),
    )
    return redirect(position.get_absolute_url())


@login_required
@require_POST
@submit_once
def position_archive(request: HttpRequest, pk: int) -> HttpResponse:
    position = _button(request, pk)
    form = VersionForm(request.POST, initial={"version": position.version})
    if not form.is_valid() or "version" not in form.cleaned_data:
        messages.error(request, _("This page is out of date; here is the current version."))
        return redirect(position.get_absolute_url())
    report_service_call(
        request,
        lambda: services.position_archive(
            position=position, actor=request.user, version=form.cleaned_data["version"]
        ),
        success=_("The position is archived."),
    )
    return redirect(position.get_absolute_url())
