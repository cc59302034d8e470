import dataclasses

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from inspir.accounts.permissions import Action, networks_where
from inspir.core.forms import AuditFilterForm
from inspir.core.page_cache import public_page
from inspir.core.selectors import AuditFilters, audit_action_prefixes, audit_entries
from inspir.governance.selectors.committees import governance_key_figures
from inspir.network.selectors import key_figures


@public_page
def home(request: HttpRequest) -> HttpResponse:
    figures = dataclasses.replace(key_figures(), extra=governance_key_figures())
    return render(request, "core/home.html", {"figures": figures.as_list()})


@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    """Coordinators read the log of what was done in their networks; nobody edits it."""
    networks = networks_where(request.user, Action.VIEW_AUDIT)
    network_list = list(networks.order_by("level", "name"))
    if not network_list:
        raise Http404
    is_staff = bool(request.user.is_staff)
    visible = audit_entries(networks=networks, include_unattached=is_staff, filters=AuditFilters())
    form = AuditFilterForm(
        request.GET or None, actions=audit_action_prefixes(visible), networks=network_list
    )
    entries = audit_entries(
        networks=networks, include_unattached=is_staff, filters=form.to_filters()
    )
    page = Paginator(entries, settings.AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "core/audit_list.html", {"form": form, "page_obj": page})
