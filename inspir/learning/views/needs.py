"""The networks' needs and priorities: read by every member, written by those who act for
the network."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from inspir.core.errors import found_or_404
from inspir.core.forms import save_form
from inspir.core.submit_once import submit_once
from inspir.core.versioning import save_edit
from inspir.learning.forms.library import NeedFilterForm, NeedForm
from inspir.learning.models import Need
from inspir.learning.permissions import reads_library, writes_any, writes_for
from inspir.learning.rules import EDITABLE_NEED_FIELDS
from inspir.learning.selectors import library as selectors
from inspir.learning.selectors.access import writable_needs, writing_networks
from inspir.learning.services import needs as services


def _reader(request: HttpRequest) -> None:
    if not reads_library(request.user):
        raise Http404(_("You are not a member of any network yet."))


# --- Needs and priorities -----------------------------------------------------------------------


@login_required
@require_GET
def need_list(request: HttpRequest) -> HttpResponse:
    """The networks' needs and priorities, from the top down, each with the resources that
    answer it."""
    _reader(request)
    page_obj, networks, _chosen = selectors.needs_page(
        request.user,
        network=str(request.GET.get("network") or "")[:100],
        page=request.GET.get("page"),
    )
    form = NeedFilterForm(request.GET or None, networks=networks)
    context = {
        "page_obj": page_obj,
        "form": form,
        "writable": {n.pk for n in networks if writes_for(request.user, n.pk)},
        "writes": writes_any(request.user),
    }
    return render(request, "learning/need_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def need_create(request: HttpRequest) -> HttpResponse:
    networks = writing_networks(request.user)
    if not networks.exists():
        raise Http404
    form = NeedForm(request.POST or None, versioned=False, networks=networks)
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.need_create(
                actor=request.user,
                network=form.cleaned_data["network"],
                data=form.data_for_service(),
            ),
            success=_("The need is recorded."),
            then=lambda need: need.get_absolute_url(),
        )
        if done:
            return done
    return render(request, "learning/need_form.html", {"form": form, "need": None})


def _need_initial(need: Need) -> dict[str, Any]:
    return {**{name: getattr(need, name) for name in EDITABLE_NEED_FIELDS}, "version": need.version}


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def need_edit(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = writable_needs(request.user).select_related("network")
    need: Need = found_or_404(lambda: queryset.get(pk=pk))
    form = NeedForm(request.POST or None, initial=_need_initial(need), versioned=True)
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = save_edit(
            request,
            form,
            lambda: services.need_update(
                need=need,
                actor=request.user,
                version=form.cleaned_data["version"],
                data=form.data_for_service(),
            ),
            success=_("The need was saved."),
            values=_need_initial,
        )
        if saved:
            return redirect(need.get_absolute_url())
    return render(
        request, "learning/need_form.html", {"form": form, "need": need, "conflict": conflict}
    )
