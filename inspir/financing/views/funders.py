"""The funders' pages: their list, one funder with its calls and the proposals to it, and
the forms that add and change funders and calls. Thin: reads from `selectors.funders`,
writes through `services.funders`; what is out of reach is a 404."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from inspir.core.collation import name_order
from inspir.core.errors import found_or_404
from inspir.core.forms import save_form
from inspir.core.submit_once import submit_once
from inspir.core.versioning import save_edit
from inspir.financing.forms.funders import CallForm, FunderForm
from inspir.financing.forms.proposals import FunderFilterForm
from inspir.financing.models import Funder, FundingCall
from inspir.financing.permissions import is_financing_reader, may_track_funders
from inspir.financing.rules import CALL_FIELDS, FUNDER_FIELDS
from inspir.financing.selectors import funders as selectors
from inspir.financing.selectors.access import funder_networks
from inspir.financing.services import funders as services
from inspir.network.models import top_down


def _reader(request: HttpRequest) -> None:
    if not is_financing_reader(request.user):
        raise Http404(_("You are not a member of any network yet."))


@login_required
@require_GET
def funder_list(request: HttpRequest) -> HttpResponse:
    _reader(request)
    form = FunderFilterForm(request.GET or None)
    kind = form.cleaned_data.get("kind", "") if form.is_valid() else ""
    page = selectors.funder_page(request.user, kind=kind, page=request.GET.get("page"))
    return render(
        request,
        "financing/funder_list.html",
        {"form": form, "page": page, "may_track": may_track_funders(request.user)},
    )


@login_required
@require_GET
def funder_detail(request: HttpRequest, pk: int) -> HttpResponse:
    found = found_or_404(selectors.funder_for_reader, user=request.user, pk=pk)
    return render(request, "financing/funder_detail.html", {"page": found, "funder": found.funder})


def _funder_initial(funder: Funder) -> dict[str, Any]:
    return {**{name: getattr(funder, name) for name in FUNDER_FIELDS}, "version": funder.version}


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def funder_create(request: HttpRequest) -> HttpResponse:
    networks = funder_networks(request.user).order_by(top_down(), name_order())
    if not networks.exists():
        raise Http404
    form = FunderForm(request.POST or None, networks=networks)
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.funder_create(
                actor=request.user,
                network=form.cleaned_data["network"],
                data=form.data_for_service(),
            ),
            success=_("The funder was added."),
            then=lambda funder: funder.get_absolute_url(),
        )
        if done:
            return done
    return render(
        request, "financing/funder_form.html", {"form": form, "funder": None, "conflict": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def funder_edit(request: HttpRequest, pk: int) -> HttpResponse:
    funder = found_or_404(selectors.writable_funder, user=request.user, pk=pk)
    form = FunderForm(request.POST or None, initial=_funder_initial(funder), versioned=True)
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = save_edit(
            request,
            form,
            lambda: services.funder_update(
                funder=funder,
                actor=request.user,
                version=form.cleaned_data["version"],
                data=form.data_for_service(),
            ),
            success=_("The funder was saved."),
            values=_funder_initial,
        )
        if saved:
            return redirect(funder.get_absolute_url())
    return render(
        request,
        "financing/funder_form.html",
        {"form": form, "funder": funder, "conflict": conflict},
    )


def _call_initial(call: FundingCall) -> dict[str, Any]:
    return {**{name: getattr(call, name) for name in CALL_FIELDS}, "version": call.version}


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def call_create(request: HttpRequest, pk: int) -> HttpResponse:
    funder = found_or_404(selectors.writable_funder, user=request.user, pk=pk)
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.call_create(
                actor=request.user, funder=funder, data=form.data_for_service()
            ),
            success=_("The call was added."),
            then=lambda call: call.get_absolute_url(),
        )
        if done:
            return done
    return render(
        request,
        "financing/call_form.html",
        {"form": form, "funder": funder, "call": None, "conflict": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def call_edit(request: HttpRequest, pk: int) -> HttpResponse:
    call = found_or_404(selectors.writable_call, user=request.user, pk=pk)
    form = CallForm(request.POST or None, initial=_call_initial(call), versioned=True)
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = save_edit(
            request,
            form,
            lambda: services.call_update(
                call=call,
                actor=request.user,
                version=form.cleaned_data["version"],
                data=form.data_for_service(),
            ),
            success=_("The call was saved."),
            values=_call_initial,
        )
        if saved:
            return redirect(call.get_absolute_url())
    return render(
        request,
        "financing/call_form.html",
        {"form": form, "funder": call.funder, "call": call, "conflict": conflict},
    )
