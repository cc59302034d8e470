"""The campaigns and the alliances: lists, a campaign's page, and the forms of those who
act for the network."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from inspir.advocacy.forms.campaigns import AllianceForm, CampaignForm, NewCampaignForm
from inspir.advocacy.models import Alliance, Campaign
from inspir.advocacy.permissions import has_advocacy, writes_advocacy_of, writes_any
from inspir.advocacy.selectors import campaigns as selectors
from inspir.advocacy.selectors.access import (
    writing_networks,
    written_alliances,
    written_campaigns,
)
from inspir.advocacy.services import campaigns as services
from inspir.core.collation import name_order
from inspir.core.errors import found_or_404
from inspir.core.forms import save_form
from inspir.core.submit_once import submit_once
from inspir.core.versioning import save_edit
from inspir.network.models import top_down


def _reader(request: HttpRequest) -> None:
    if not has_advocacy(request.user):
        raise Http404(_("You are not a member of any network yet."))


@login_required
@require_GET
def campaign_list(request: HttpRequest) -> HttpResponse:
    _reader(request)
    context = {
        "page_obj": selectors.campaign_page(request.user, page=request.GET.get("page")),
        "writes": writes_any(request.user),
    }
    return render(request, "advocacy/campaign_list.html", context)


@login_required
@require_GET
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = found_or_404(selectors.campaign_for_reader, user=request.user, pk=pk)
    context = {
        "page": page,
        "campaign": page.campaign,
        "writes": writes_advocacy_of(request.user, page.campaign.network_id),
    }
    return render(request, "advocacy/campaign_detail.html", context)


def _owners(request: HttpRequest) -> list:
    owners = list(writing_networks(request.user).order_by(top_down(), name_order(), "pk"))
    if not owners:
        raise Http404
    return owners


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def campaign_create(request: HttpRequest) -> HttpResponse:
    owners = _owners(request)
    choices = selectors.campaign_choices(request.user, None)
    form = NewCampaignForm(
        request.POST or None,
        initial={"network": owners[0]},
        owners=writing_networks(request.user).order_by(top_down(), name_order(), "pk"),
        versioned=False,
        **choices,
    )
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.campaign_create(
                actor=request.user,
                network=form.cleaned_data["network"],
                data=form.fields_for_service(),
                links=form.links_for_service(),
            ),
            success=_("The campaign was saved."),
            then=lambda campaign: campaign.get_absolute_url(),
        )
        if done:
            return done
    return render(request, "advocacy/campaign_form.html", {"form": form, "campaign": None})


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = written_campaigns(request.user).select_related("network")
    campaign: Campaign = found_or_404(lambda: queryset.get(pk=pk))
    saved_title = campaign.title
    initial = {
        name: getattr(campaign, name)
        for name in ("title", "description", "kind", "starts_on", "ends_on", "url")
    } | {
        "participants": [network.pk for network in campaign.participants.all()],
        "positions": [position.pk for position in campaign.positions.all()],
        "version": campaign.version,
    }
    choices = selectors.campaign_choices(request.user, campaign.network)
    form = CampaignForm(request.POST or None, initial=initial, versioned=True, **choices)
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = save_edit(
            request,
            form,
            lambda: services.campaign_update(
                campaign=campaign,
                actor=request.user,
                version=form.cleaned_data["version"],
                data={**form.fields_for_service(), **form.links_for_service()},
            ),
            success=_("The campaign was saved."),
        )
        if saved:
            return redirect(campaign.get_absolute_url())
    context = {
        "form": form,
        "campaign": campaign,
        "saved_title": saved_title,
        "conflict": conflict,
    }
    return render(request, "advocacy/campaign_form.html", context)


@login_required
@require_GET
def alliance_list(request: HttpRequest) -> HttpResponse:
    _reader(request)
    page = selectors.alliance_page(request.user, page=request.GET.get("page"))
    writes = [
        alliance.pk
        for alliance in page.object_list
        if writes_advocacy_of(request.user, alliance.network_id)
    ]
    context = {"page_obj": page, "writes": writes_any(request.user), "editable": writes}
    return render(request, "advocacy/alliance_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def alliance_create(request: HttpRequest) -> HttpResponse:
    owners = _owners(request)
    form = AllianceForm(
        request.POST or None,
        initial={"network": owners[0]},
        versioned=False,
        owners=writing_networks(request.user).order_by(top_down(), name_order(), "pk"),
    )
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.alliance_create(
                actor=request.user,
                network=form.cleaned_data["network"],
                data=form.data_for_service(),
            ),
            success=_("The alliance was saved."),
            then="advocacy:alliance_list",
        )
        if done:
            return done
    return render(request, "advocacy/alliance_form.html", {"form": form, "alliance": None})


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def alliance_edit(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = written_alliances(request.user)
    alliance: Alliance = found_or_404(selectors.alliance_for, queryset=queryset, pk=pk)
    saved_name = alliance.name
    initial = {
        name: getattr(alliance, name)
        for name in ("name", "acronym", "url", "joined_on", "brings", "gets")
    } | {"version": alliance.version}
    form = AllianceForm(request.POST or None, initial=initial, versioned=True)
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = save_edit(
            request,
            form,
            lambda: services.alliance_update(
                alliance=alliance,
                actor=request.user,
                version=form.cleaned_data["version"],
                data=form.data_for_service(),
            ),
            success=_("The alliance was saved."),
        )
        if saved:
            return redirect("advocacy:alliance_list")
    context = {
        "form": form,
        "alliance": alliance,
        "saved_name": saved_name,
        "conflict": conflict,
    }
    return render(request, "advocacy/alliance_form.html", context)
