"""Preparation pages: circulating a meeting's agenda to the members and publishing it to
the public, giving a consulted network's input on
each item, and a continental network consulting its national networks in turn.

Internal: meetings are fetched through the scoped querysets, consultations through the
networks the user acts for (committee or not); consulting networks below is the committee's
business, for those who govern the network. Anything out of reach is not found."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from inspir.core.errors import found_or_404
from inspir.core.forms import save_form
from inspir.core.submit_once import submit_once
from inspir.core.time import local, reader_zone
from inspir.core.versioning import Difference
from inspir.governance import rules
from inspir.governance.forms.preparation import (
    AgendaPublicationForm,
    AgendaPublishForm,
    ConsultationForm,
    InputForm,
    input_field_name,
    version_field_name,
)
from inspir.governance.models import AgendaInput, Consultation
from inspir.governance.permissions import acting_as, can_govern
from inspir.governance.selectors import meetings as meeting_selectors
from inspir.governance.selectors import preparation as selectors
from inspir.governance.selectors.texts import read_texts
from inspir.governance.services import preparation as services


def _errors(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def _consultation(request: HttpRequest, pk: int, network: str) -> Consultation:
    return found_or_404(selectors.consultation_for, user=request.user, pk=pk, slug=network)


def _agenda_context(meeting: Any, zone: Any, act: str) -> dict[str, Any]:
    items = list(meeting.items.order_by("position", "pk").prefetch_related("documents"))
    # The agenda in the reader's language, as the members will read it.
    read_texts(
        [
            (meeting, "title"),
            *((item, field) for item in items for field in ("title", "description")),
            *((document, "title") for item in items for document in item.documents.all()),
        ]
    )
    return {
        "meeting": meeting,
        "act": act,
        "zone": zone,
        "items": items,
        "constituencies": selectors.constituency_networks(meeting),
        "meeting_url": meeting.get_absolute_url(),
    }


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def agenda_circulate(request: HttpRequest, pk: int) -> HttpResponse:
    """Circulate the agenda to the members, with the deadline for the networks' inputs."""
    meeting = found_or_404(meeting_selectors.governed_meeting_get, user=request.user, pk=pk)
    zone = reader_zone(request.user, meeting.time_zone)
    if request.method == "POST":
        form = AgendaPublishForm(request.POST, zone=zone)
        if form.is_valid():
            try:
                services.agenda_circulate(
                    meeting=meeting, actor=request.user, deadline=form.cleaned_data["deadline"]
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for message in error.message_dict.get("deadline", []):
                        form.add_error("deadline", message)
                else:
                    for message in _errors(error):
                        form.add_error(None, message)
            except PermissionDenied as denied:
                raise Http404 from denied
            else:
                messages.success(
                    request,
                    _(
                        "The agenda is circulated to the members. The consulted networks' "
                        "committees and the participants were told what to prepare."
                    ),
                )
                return redirect(meeting.get_absolute_url())
    else:
        initial = None
        if not meeting.agenda_is_circulated and not meeting.is_cancelled:
            initial = local(rules.default_deadline(meeting), zone).moment.replace(tzinfo=None)
        form = AgendaPublishForm(initial={"deadline": initial}, zone=zone)
    context = {**_agenda_context(meeting, zone, "circulate"), "form": form}
    return render(request, "governance/preparation_publish.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def agenda_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish the agenda to the public (with the documents marked public)."""
    meeting = found_or_404(meeting_selectors.governed_meeting_get, user=request.user, pk=pk)
    zone = reader_zone(request.user, meeting.time_zone)
    form = AgendaPublicationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.agenda_publish(meeting=meeting, actor=request.user),
            success=_("The agenda is published: anyone may now see it, with its public documents."),
            then=meeting.get_absolute_url(),
        )
        if done:
            return done
    context = {**_agenda_context(meeting, zone, "publish"), "form": form}
    return render(request, "governance/preparation_publish.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def input_edit(request: HttpRequest, pk: int, network: str) -> HttpResponse:
    consultation = _consultation(request, pk, network)
    meeting = consultation.meeting
    entries = selectors.input_entries(consultation=consultation)
    # What the page shows beside the form, in the reader's language (the network's own input
    # is edited as written).
    read_texts(
        [
            (meeting, "title"),
            *((entry.item, field) for entry in entries for field in ("title", "description")),
            *((given, "text") for entry in entries for _network, given in entry.national),
        ]
    )
    conflict: list[Difference] = []
    if request.method == "POST":
        form = InputForm(request.POST, entries=entries)
        if form.is_valid():
            changes = [
                services.InputChange(
                    item=entry.item,
                    text=form.cleaned_data[input_field_name(entry.item.pk)],
                    version=form.cleaned_data[version_field_name(entry.item.pk)],
                )
                for entry in entries
            ]
            try:
                services.inputs_save(
                    meeting=meeting,
                    network=consultation.network,
                    changes=changes,
                    actor=request.user,
                )
            except services.InputConflictError as error:
                conflict = _conflicts(form, entries, error.current)
                form.add_error(None, _errors(error))
                # Saving again is a deliberate choice made after seeing the saved version.
                resubmitted = request.POST.copy()
                for item_pk, current in error.current.items():
                    resubmitted[version_field_name(item_pk)] = (
                        str(current.version) if current is not None else ""
                    )
                form.data = resubmitted
            except ValidationError as error:
                form.add_error(None, _errors(error))
            except PermissionDenied as denied:
                raise Http404 from denied
            else:
                messages.success(
                    request,
                    _("The input of %(network)s was saved.")
                    % {"network": consultation.network.name},
                )
                return redirect(meeting.get_absolute_url())
    else:
        form = InputForm(entries=entries)
    context = {
        "meeting": meeting,
        "consultation": consultation,
        "network": consultation.network,
        "form": form,
        "rows": form.rows(),
        "conflict": conflict,
        "zone": reader_zone(request.user, meeting.time_zone),
        "closes_at": rules.input_closes_at(meeting),
        "inputs_open": rules.inputs_open(meeting),
        "may_consult": consultation.parent_id is None
        and can_govern(request.user, consultation.network),
        "acting_as": acting_as(request.user, consultation.network),
        "meeting_url": meeting.get_absolute_url(),
    }
    return render(request, "governance/input_form.html", context)


def _conflicts(
    form: InputForm, entries: list[Any], current: dict[int, AgendaInput | None]
) -> list[Difference]:
    """Items whose saved input now differs from what the author submitted, as rows of the
    shared conflict table (`components/edit_conflict.html`), one per agenda item."""
    differences = []
    for entry in entries:
        if entry.item.pk not in current:
            continue
        saved = current[entry.item.pk]
        name = input_field_name(entry.item.pk)
        differences.append(
            Difference(
                name=name,
                label=entry.item.texts["title"].text,
                theirs=form.cleaned_data.get(name, ""),
                saved=saved.text if saved is not None else "",
            )
        )
    return differences


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def consultation_create(request: HttpRequest, pk: int, network: str) -> HttpResponse:
    consultation = _consultation(request, pk, network)
    if consultation.parent_id is not None or not can_govern(request.user, consultation.network):
        raise Http404
    meeting = consultation.meeting
    choices, consulted = selectors.national_choices(consultation=consultation)
    if request.method == "POST":
        form = ConsultationForm(request.POST, choices=choices)
        if form.is_valid():
            try:
                done = save_form(
                    request,
                    form,
                    lambda: services.consultation_open_national(
                        consultation=consultation,
                        networks=list(form.cleaned_data["networks"]),
                        actor=request.user,
                    ),
                    success=lambda created: (
                        _("Consulted: %(networks)s. Their committees were told what to prepare.")
                        % {"networks": ", ".join(c.network.name for c in created)}
                    ),
                    then=reverse(
                        "governance:input_edit",
                        kwargs={"pk": meeting.pk, "network": consultation.network.slug},
                    ),
                )
            except PermissionDenied as denied:
                raise Http404 from denied
            if done:
                return done
    else:
        form = ConsultationForm(choices=choices)
    read_texts([(meeting, "title")])
    context = {
        "meeting": meeting,
        "consultation": consultation,
        "network": consultation.network,
        "form": form,
        "consulted": consulted,
        "inputs_open": rules.inputs_open(meeting),
        "zone": reader_zone(request.user, meeting.time_zone),
        "closes_at": rules.input_closes_at(meeting),
        "meeting_url": meeting.get_absolute_url(),
    }
    return render(request, "governance/preparation_consult.html", context)
