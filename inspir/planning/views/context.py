"""The context analysis: the networks that keep one, a network's note, power map and
stakeholders, a stakeholder with its assessments, and the owners' forms."""

import dataclasses
import datetime
import functools
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from inspir.core.errors import found_or_404
from inspir.core.forms import save_form
from inspir.core.submit_once import submit_once
from inspir.core.time import reader_zone
from inspir.core.versioning import save_edit
from inspir.governance.selectors.texts import read_texts
from inspir.planning import powermap
from inspir.planning.forms.context import (
    AssessmentForm,
    ContextNoteForm,
    PowerMapDateForm,
    StakeholderCreateForm,
    StakeholderForm,
)
from inspir.planning.models import ContextNote
from inspir.planning.permissions import owns_plan_of
from inspir.planning.selectors import context as selectors
from inspir.planning.services import context as services

STAKEHOLDER_TEXTS = ("interest", "notes")


def _today(request: HttpRequest) -> datetime.date:
    return timezone.localdate(timezone=reader_zone(request.user))


@login_required
@require_GET
def context_list(request: HttpRequest) -> HttpResponse:
    entries = selectors.context_networks(request.user)
    return render(request, "planning/context_list.html", {"entries": entries})


def _note(network: Any) -> Any:
    note = selectors.context_note(network)
    read_texts([(note, "text")])
    return note


@dataclass(frozen=True)
class DrawnMap:
    power: Any
    chart: str
    drawn: int  # how many of the stakeholders the map draws (the most influential)
    page_obj: Page  # the stakeholders' list, a page at a time


def _map(network: Any, on: Any, compare: Any, page: str | None) -> DrawnMap:
    stakeholders = selectors.stakeholders_of(network)
    power = selectors.power_map(stakeholders, on=on, compare=compare)
    # A map stays readable with a few dozen points: the most influential are drawn, and the
    # table beside it says the same of them; the list below names every stakeholder.
    shown = sorted(
        power.rows,
        key=lambda row: (
            -max(p.influence for p in (row.now, row.before) if p),
            row.stakeholder.name,
        ),
    )[: selectors.MAP_LIMIT]
    power = dataclasses.replace(power, rows=shown)
    points = [
        powermap.Point(
            key=row.stakeholder.pk,
            name=row.stakeholder.name,
            href=row.stakeholder.get_absolute_url(),
            now=row.now,
            before=row.before,
        )
        for row in shown
    ]
    chart = powermap.render(points, network_name=network.name, on=power.on, compare=power.compare)
    listed = Paginator(stakeholders, selectors.LIST_PAGE).get_page(page)
    return DrawnMap(power=power, chart=chart, drawn=len(shown), page_obj=listed)


@login_required
@require_GET
def context(request: HttpRequest, slug: str) -> HttpResponse:
    network = found_or_404(selectors.context_network_get, user=request.user, slug=slug)
    today = _today(request)
    form = PowerMapDateForm(request.GET or None)
    on, compare, date_refused = today, None, False
    if form.is_bound:
        if form.is_valid():
            on = form.cleaned_data["on"] or today
            compare = form.cleaned_data["compare"]
        else:
            date_refused = True
    owner = owns_plan_of(request.user, network.pk)
    context = {
        "network": network,
        # The note in the reader's language and the dates' form are alike for every reader
        # of the network: kept with the map (`{% shared_part %}`).
        "note_of": functools.partial(_note, network),
        "note_key": (network.pk, sorted(request.GET.lists()), date_refused),
        # The map, its table and the list are the same for every reader of the network:
        # kept for them (`{% shared_part %}`, decision 0021), drawn only when stale.
        "map_of": functools.partial(_map, network, on, compare, request.GET.get("page")),
        "part_key": (network.pk, on, compare, request.GET.get("page", "")),
        "form": form,
        "date_refused": date_refused,
        "today": today,
        "owner": owner,
    }
    return render(request, "planning/context.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def context_note_edit(request: HttpRequest, slug: str) -> HttpResponse:
    network = found_or_404(selectors.owned_network_get, user=request.user, slug=slug)
    note = selectors.context_note(network) or ContextNote(network=network)
    languages = selectors.written_in(note, ("text",))
    conflict = None
    if request.method == "POST":
        form = ContextNoteForm(request.POST, instance=note, languages=languages)
        if form.is_valid():
            saved, conflict = save_edit(
                request,
                form,
                lambda: services.context_note_save(
                    network=network,
                    actor=request.user,
                    version=form.cleaned_data["version"],
                    text=form.cleaned_data["text"],
                ),
                success=_("The context analysis of %(network)s was saved.")
                % {"network": network.name},
                message=_(
                    "Someone else saved this context analysis while you were editing it. "
                    "Nothing was overwritten: your text is kept below. Compare it with the "
                    "saved version, then save again."
                ),
            )
            if saved:
                return redirect("planning:context", slug=network.slug)
    else:
        form = ContextNoteForm(instance=note, languages=languages)
    context = {"form": form, "network": network, "note": note, "conflict": conflict}
    return render(request, "planning/context_note_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def stakeholder_create(request: HttpRequest, slug: str) -> HttpResponse:
    network = found_or_404(selectors.owned_network_get, user=request.user, slug=slug)
    if request.method == "POST":
        form = StakeholderCreateForm(request.POST)
        if form.is_valid():
            done = save_form(
                request,
                form,
                lambda: services.stakeholder_create(
                    network=network, actor=request.user, data=form.data_for_service()
                ),
                success=lambda stakeholder: (
                    _("%(name)s was added to the stakeholders.") % {"name": stakeholder.name}
                ),
                then=lambda stakeholder: stakeholder.get_absolute_url(),
            )
            if done:
                return done
    else:
        form = StakeholderCreateForm(initial={"assessed_on": _today(request)})
    return render(request, "planning/stakeholder_form.html", {"form": form, "network": network})


@login_required
@require_GET
def stakeholder_detail(request: HttpRequest, pk: int) -> HttpResponse:
    stakeholder = found_or_404(selectors.stakeholder_get, user=request.user, pk=pk)
    actions = selectors.actions_targeting(stakeholder, user=request.user)
    read_texts(
        [
            *((stakeholder, field) for field in STAKEHOLDER_TEXTS),
            *((action, "title") for action in actions),
        ]
    )
    context = {
        "stakeholder": stakeholder,
        "network": stakeholder.network,
        "assessments": selectors.assessments_of(stakeholder),
        "actions": actions,
        "actions_limit": selectors.ACTIONS_SHOWN,
        "owner": owns_plan_of(request.user, stakeholder.network_id),
    }
    return render(request, "planning/stakeholder_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def stakeholder_edit(request: HttpRequest, pk: int) -> HttpResponse:
    stakeholder = found_or_404(selectors.owned_stakeholder_get, user=request.user, pk=pk)
    # Its name as saved: binding the form writes what was typed on the instance.
    saved_name = stakeholder.name
    languages = selectors.written_in(stakeholder, STAKEHOLDER_TEXTS)
    conflict = None
    if request.method == "POST":
        form = StakeholderForm(request.POST, instance=stakeholder, languages=languages)
        if form.is_valid():
            saved, conflict = save_edit(
                request,
                form,
                lambda: services.stakeholder_update(
                    stakeholder=stakeholder,
                    actor=request.user,
                    version=form.cleaned_data["version"],
                    data=form.editable_data(),
                ),
                success=_("The stakeholder was saved."),
                message=_(
                    "Someone else saved this stakeholder while you were editing it. Nothing "
                    "was overwritten: what you typed is kept below. Compare it with the saved "
                    "version, then save again."
                ),
            )
            if saved:
                return redirect(stakeholder.get_absolute_url())
    else:
        form = StakeholderForm(instance=stakeholder, languages=languages)
    context: dict[str, Any] = {
        "form": form,
        "network": stakeholder.network,
        "stakeholder": stakeholder,
        "saved_name": saved_name,
        "conflict": conflict,
    }
    return render(request, "planning/stakeholder_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def stakeholder_assess(request: HttpRequest, pk: int) -> HttpResponse:
    stakeholder = found_or_404(selectors.owned_stakeholder_get, user=request.user, pk=pk)
    if request.method == "POST":
        form = AssessmentForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            done = save_form(
                request,
                form,
                lambda: services.assessment_record(
                    stakeholder=stakeholder,
                    actor=request.user,
                    assessed_on=data["assessed_on"],
                    influence=data["influence"],
                    stance=data["stance"],
                ),
                success=_("The assessment of %(name)s was recorded.") % {"name": stakeholder.name},
                then=stakeholder.get_absolute_url(),
            )
            if done:
                return done
    else:
        form = AssessmentForm(
            initial={
                "assessed_on": _today(request),
                "influence": stakeholder.influence,
                "stance": stakeholder.stance,
            }
        )
    context = {"form": form, "stakeholder": stakeholder, "network": stakeholder.network}
    return render(request, "planning/stakeholder_assess.html", context)
