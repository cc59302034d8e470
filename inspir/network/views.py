from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from inspir.accounts.permissions import (
    Action,
    can,
    can_edit_organisation,
    network_ids_where,
    networks_where,
    organisations_where,
    reach_of,
)
from inspir.core.errors import found_or_404
from inspir.core.page_cache import public_page, shared_fragment
from inspir.core.spreadsheet import csv_download
from inspir.core.submit_once import submit_once
from inspir.core.texts import shown
from inspir.core.versioning import save_edit
from inspir.network import exports, selectors, services, worldmap
from inspir.network.forms import DirectoryFilterForm, NetworkPageForm, OrganisationForm
from inspir.network.models import MembershipRole


@public_page
def network_tree(request: HttpRequest) -> HttpResponse:
    return render(request, "network/network_tree.html", {"roots": selectors.network_tree()})


@public_page
def network_detail(request: HttpRequest, slug: str) -> HttpResponse:
    network = found_or_404(selectors.network_get, slug=slug)
    members = selectors.network_memberships(network=network, role=MembershipRole.MEMBER)
    page = Paginator(members, settings.NETWORK_MEMBERS_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "network": network,
        # In the reader's language when translated, else the original marked with its own.
        "description": shown(network, "description"),
        "children": selectors.network_children(network=network),
        "countries": selectors.network_countries(network=network),
        "page_obj": page,
        # A network has a handful of strategic partners; the list is capped all the same.
        "partners": selectors.network_memberships(
            network=network, role=MembershipRole.STRATEGIC_PARTNER
        )[: settings.NETWORK_PARTNERS_SHOWN],
        # Its focal point and its coordinators edit its page (no query: the reader's reach).
        "may_edit": can(request.user, Action.EDIT_CONTENT, network),
    }
    return render(request, "network/network_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def network_edit(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_object_or_404(networks_where(request.user, Action.EDIT_CONTENT), slug=slug)
    conflict = None
    if request.method == "POST":
        form = NetworkPageForm(request.POST, instance=network)
        if form.is_valid():
            saved, conflict = save_edit(
                request,
                form,
                lambda: services.network_update(
                    network=network,
                    actor=request.user,
                    version=form.cleaned_data["version"],
                    data=form.editable_data(),
                ),
                success=_("The page of %(network)s was saved.") % {"network": network.name},
                message=_(
                    "Someone else saved this network's page while you were editing it. "
                    "Nothing was overwritten: your text is kept below. Compare it with the "
                    "saved version, then save again."
                ),
            )
            if saved:
                return redirect(network.get_absolute_url())
    else:
        form = NetworkPageForm(instance=network)
    context = {"form": form, "network": network, "conflict": conflict}
    return render(request, "network/network_form.html", context)


@public_page
def organisation_list(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None, choices=selectors.directory_choices())
    filters = form.to_filters()
    organisations = selectors.organisation_directory(filters=filters)
    paginator = Paginator(organisations, settings.DIRECTORY_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    context = {"form": form, "page_obj": page, "filtered": filters != type(filters)()}
    template = "network/organisation_list.html"
    htmx = getattr(request, "htmx", None)
    # htmx swaps only the results in place; restoring history (Back) needs the whole page.
    if htmx and not htmx.boosted and not htmx.history_restore_request:
        template += "#results"
    return render(request, template, context)


def organisation_export(request: HttpRequest) -> StreamingHttpResponse:
    """The directory, with the same filters, as a CSV file for spreadsheets."""
    form = DirectoryFilterForm(request.GET or None, choices=selectors.directory_choices())
    return csv_download(
        exports.organisation_export(filters=form.to_filters()),
        filename="inspir-organisations.csv",
    )


@public_page
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = found_or_404(selectors.organisation_get, slug=slug)
    may_see_people = (
        organisations_where(request.user, Action.VIEW_PEOPLE).filter(pk=organisation.pk).exists()
    )
    context = {
        "organisation": organisation,
        "description": shown(organisation, "description"),
        "memberships": selectors.organisation_memberships(organisation=organisation),
        "people": selectors.organisation_people(organisation=organisation)
        if may_see_people
        else None,
        "may_edit": can_edit_organisation(request.user, organisation),
    }
    return render(request, "network/organisation_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(
        organisations_where(request.user, Action.EDIT_ORGANISATION).select_related("country"),
        slug=slug,
    )
    conflict = None
    if request.method == "POST":
        form = OrganisationForm(request.POST, instance=organisation)
        if form.is_valid():
            saved, conflict = save_edit(
                request,
                form,
                lambda: services.organisation_update(
                    organisation=organisation,
                    actor=request.user,
                    version=form.cleaned_data["version"],
                    data=form.editable_data(),
                ),
                success=_("The organisation was saved."),
                message=_(
                    "Someone else saved this organisation while you were editing it. "
                    "Nothing was overwritten: your text is kept below. Compare it with the "
                    "saved version, then save again."
                ),
            )
            if saved:
                return redirect(organisation.get_absolute_url())
    else:
        form = OrganisationForm(instance=organisation)
    context = {"form": form, "organisation": organisation, "conflict": conflict}
    return render(request, "network/organisation_form.html", context)


@public_page
def members_map(request: HttpRequest) -> HttpResponse:
    presence = selectors.countries_with_members()
    context = {"presence": presence, "map": worldmap.render(presence)}
    return render(request, "network/members_map.html", context)


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    network_ids = network_ids_where(request.user, Action.VIEW_PEOPLE)  # None: every network
    # Staff read every network: the reach read for this request lists them all.
    if not (network_ids if network_ids is not None else reach_of(request.user).parents):
        raise Http404(_("You are not a member of any network yet."))

    def people() -> str:
        networks = networks_where(request.user, Action.VIEW_PEOPLE)
        found = selectors.people_visible_to(networks=networks)
        page = Paginator(found, settings.DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
        context = {"page_obj": page, "request": request}
        return render_to_string("network/person_list.html#people", context)

    # The same for everyone who may read the same networks: kept until the registry changes
    # (memberships are current or not by the day).
    readable = "every network" if network_ids is None else sorted(network_ids)
    varies_on = (readable, request.GET.urlencode(), timezone.localdate())
    results = shared_fragment("people", varies_on, people)
    return render(request, "network/person_list.html", {"results": results})
