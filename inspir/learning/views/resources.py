"""The library's pages: the resources with their search and facets, one resource, writing
and changing resources. Thin: reads come from `selectors.library`, writes go through
`services.resources`; what is out of reach is a 404."""

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from inspir.core.errors import found_or_404
from inspir.core.forms import save_form
from inspir.core.submit_once import submit_once
from inspir.core.versioning import save_edit
from inspir.learning.forms.library import LibraryFilterForm, NewResourceForm, ResourceForm
from inspir.learning.history import HISTORY_NAME
from inspir.learning.models import Resource
from inspir.learning.permissions import library_key, reads_library, writes_any, writes_for
from inspir.learning.rules import EDITABLE_RESOURCE_FIELDS, LINK_FIELDS
from inspir.learning.selectors import library as selectors
from inspir.learning.selectors.access import writable_resources, writing_networks
from inspir.learning.services import resources as services


def _reader(request: HttpRequest) -> None:
    if not reads_library(request.user):
        raise Http404(_("You are not a member of any network yet."))


@login_required
@require_GET
def library(request: HttpRequest) -> HttpResponse:
    """The resources, found by words in any language and narrowed by facets (each value
    with its count among the results)."""
    _reader(request)
    # The form with its facets and the page of results are kept for every reader of the
    # library and the same query (`{% shared_part %}`, decision 0021): searched, counted
    # and read only when a kept part is stale.
    searched = functools.cache(functools.partial(_searched, request))
    context: dict[str, Any] = {
        "form_of": lambda: searched().form,
        "results_of": functools.partial(_results, searched, page=request.GET.get("page")),
        "part_key": (library_key(request.user), sorted(request.GET.lists())),
        "writes": writes_any(request.user),
    }
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "learning/library.html#results", context)
    return render(request, "learning/library.html", context)


@dataclass(frozen=True)
class _Searched:
    form: LibraryFilterForm
    filters: selectors.Filters
    results: QuerySet[Resource]
    facets: selectors.Facets


def _searched(request: HttpRequest) -> _Searched:
    """What the query asks for, the resources found and their facets (shown in the form)."""
    form = LibraryFilterForm(request.GET or None)
    filters = form.filters()
    results = selectors.matching(request.user, filters)
    facets = selectors.facets(results, filters)
    form.show_counts(facets)
    return _Searched(form=form, filters=filters, results=results, facets=facets)


def _results(searched: Callable[[], _Searched], *, page: str | None) -> dict[str, Any]:
    """The page of results the results part shows."""
    found = searched()
    page_obj, listed = selectors.library_page(found.results, page=page, total=found.facets.total)
    return {"page_obj": page_obj, "listed": listed, "filtered": found.filters.any}


@login_required
@require_GET
def resource_detail(request: HttpRequest, pk: int) -> HttpResponse:
    resource = found_or_404(selectors.resource_for_reader, user=request.user, pk=pk)
    selectors.resource_texts(resource)
    context = {
        "resource": resource,
        "writes": writes_for(request.user, resource.network_id),
        "history_name": HISTORY_NAME,
    }
    return render(request, "learning/resource_detail.html", context)


def _initial(resource: Resource) -> dict[str, Any]:
    initial: dict[str, Any] = {name: getattr(resource, name) for name in EDITABLE_RESOURCE_FIELDS}
    for name in LINK_FIELDS:
        initial[name] = [related.pk for related in getattr(resource, name).all()]
    initial["version"] = resource.version
    return initial


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def resource_create(request: HttpRequest) -> HttpResponse:
    """A new resource of a network the writer acts for."""
    networks = writing_networks(request.user)
    if not networks.exists():
        raise Http404
    form = NewResourceForm(
        request.POST or None,
        choices=selectors.link_choices(request.user),
        versioned=False,
        networks=networks,
    )
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.resource_create(
                actor=request.user,
                network=form.cleaned_data["network"],
                data=form.fields_for_service(),
                links=form.links_for_service(),
            ),
            success=_("The resource is in the library."),
            then=lambda resource: resource.get_absolute_url(),
        )
        if done:
            return done
    return render(
        request, "learning/resource_form.html", {"form": form, "resource": None, "conflict": None}
    )


def writable_resource(request: HttpRequest, pk: int) -> Resource:
    queryset = writable_resources(request.user).select_related("network")
    return found_or_404(lambda: queryset.get(pk=pk))


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def resource_edit(request: HttpRequest, pk: int) -> HttpResponse:
    resource = writable_resource(request, pk)
    form = ResourceForm(
        request.POST or None,
        initial=_initial(resource),
        choices=selectors.link_choices(request.user),
        versioned=True,
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = save_edit(
            request,
            form,
            lambda: services.resource_update(
                resource=resource,
                actor=request.user,
                version=form.cleaned_data["version"],
                data={**form.fields_for_service(), **form.links_for_service()},
            ),
            success=_("The resource was saved; its history keeps the previous version."),
            values=_initial,
        )
        if saved:
            return redirect(resource.get_absolute_url())
    return render(
        request,
        "learning/resource_form.html",
        {"form": form, "resource": resource, "conflict": conflict},
    )
