"""Meeting pages: list, scheduling, the meeting page, changes and cancellation, agenda items
and their documents, participants and attendance, minutes. Thin: reads come from
`selectors.meetings`, writes go through `services.meetings`; what is out of reach is a 404."""

import functools
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from inspir.accounts.permissions import permission_key
from inspir.core.errors import found_or_404
from inspir.core.forms import report_service_call, save_form
from inspir.core.page_cache import public_page
from inspir.core.submit_once import submit_once
from inspir.core.time import reader_zone
from inspir.core.versioning import save_edit
from inspir.governance.forms.meetings import (
    AgendaItemForm,
    DocumentForm,
    InvitationAnswerForm,
    MeetingFilterForm,
    MeetingForm,
    MinutesForm,
    ParticipantsForm,
)
from inspir.governance.models import AgendaItem, InvitationAnswer, Meeting
from inspir.governance.rules import inputs_open
from inspir.governance.selectors import meetings as selectors
from inspir.governance.selectors.decisions import decisions_context
from inspir.governance.selectors.preparation import preparation_context
from inspir.governance.services import meetings as services

MEETINGS_PAGE_SIZE = 20

CONFLICT_MESSAGE = gettext_lazy(
    "Someone else saved this meeting while you were editing it. Nothing was overwritten: "
    "what you typed is kept below. Compare it with the saved version, then save again."
)

AGENDA_CONFLICT_MESSAGE = gettext_lazy(
    "Someone else saved this agenda item while you were editing it. Nothing was "
    "overwritten: what you typed is kept below. Compare it with the saved version, then "
    "save again."
)


def _governed_meeting(request: HttpRequest, pk: int, contents: bool = False) -> Meeting:
    return found_or_404(selectors.governed_meeting_get, user=request.user, pk=pk, contents=contents)


def _governed_item(request: HttpRequest, pk: int) -> AgendaItem:
    return found_or_404(selectors.governed_item_get, user=request.user, pk=pk)


# --- List and meeting page ----------------------------------------------------------------------


@public_page
def meeting_list(request: HttpRequest) -> HttpResponse:
    form = MeetingFilterForm(
        request.GET or None, committees=selectors.committee_choices(user=request.user)
    )
    committee_id, past = form.filters()
    meetings = selectors.meeting_list(user=request.user, committee_id=committee_id, past=past)
    page = Paginator(
        meetings, getattr(settings, "MEETINGS_PAGE_SIZE", MEETINGS_PAGE_SIZE)
    ).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page,
        "past": past,
        "zone": reader_zone(request.user),
        "schedulable": selectors.governed_committees(user=request.user),
    }
    return render(request, "governance/meeting_list.html", context)


@public_page
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = found_or_404(selectors.meeting_get, user=request.user, pk=pk, contents=False)
    may_govern = bool(getattr(meeting, "may_govern", False))
    user = request.user
    zone = selectors.meeting_reader_zone(meeting=meeting, user=user)
    # The page's content is kept for its reader (`{% shared_part %}`, decision 0021) with
    # what it varies on besides the data: who reads it, in which zone, and what time alone
    # changes (the meeting started, inputs still open). The meeting's contents and what the
    # page reads besides are read only when the content is rendered, not when it is served
    # kept.
    with_contents = functools.cache(lambda: selectors.meeting_contents(meeting))
    started = meeting.starts_at <= timezone.now()
    context: dict[str, Any] = {
        "meeting_sharing": (permission_key(user), zone.key, started, inputs_open(meeting)),
        "preparation": SimpleLazyObject(
            lambda: preparation_context(meeting=with_contents(), user=user)["preparation"]
        ),
        "decisions": SimpleLazyObject(
            lambda: decisions_context(meeting=with_contents(), user=user)
        ),
        "meeting": meeting,
        "meeting_contents": SimpleLazyObject(with_contents),
        "zone": zone,
        "participant_times": SimpleLazyObject(
            lambda: selectors.participant_times(meeting=with_contents())
        ),
        "answers": SimpleLazyObject(
            lambda: selectors.invitation_answers(meeting=with_contents(), user=user)
        ),
        "may_govern": may_govern,
        # Participants' addresses are for the network's members, not for the public.
        "show_emails": may_govern or bool(getattr(meeting, "may_read", False)),
        "show_minutes": meeting.minutes_are_published or may_govern,
        "ics_url": reverse("governance:meeting_ics", kwargs={"pk": meeting.pk}),
    }
    return render(request, "governance/meeting_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def invitation_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """The reader's answer to their invitation to meeting `pk`: "I will attend" or "I cannot
    attend", with an optional note; from the meeting page or from "my work", back there.
    Nobody else's invitation can be reached (404)."""
    participant = found_or_404(selectors.own_invitation_get, user=request.user, pk=pk)
    meeting = participant.meeting
    if request.method == "POST":
        form = InvitationAnswerForm(request.POST)
        if form.is_valid():
            back = (
                reverse("core:my_work")
                if form.cleaned_data["back"] == "my_work"
                else f"{meeting.get_absolute_url()}#your-answer"
            )
            attending = form.cleaned_data["answer"] == InvitationAnswer.ATTENDING
            done = save_form(
                request,
                form,
                lambda: services.invitation_answer(
                    participant=participant,
                    actor=request.user,
                    answer=form.cleaned_data["answer"],
                    note=form.cleaned_data["note"],
                ),
                success=(
                    _("Your answer is saved: you will attend “%(title)s”.")
                    if attending
                    else _("Your answer is saved: you cannot attend “%(title)s”.")
                )
                % {"title": meeting.title},
                then=back,
            )
            if done:
                return done
    else:
        form = InvitationAnswerForm(initial={"note": participant.answer_note})
    context = {
        "form": form,
        "meeting": meeting,
        "participant": participant,
        "open": not meeting.is_cancelled and meeting.starts_at > timezone.now(),
        "zone": reader_zone(request.user, meeting.time_zone),
    }
    return render(request, "governance/invitation_answer.html", context)


# --- Scheduling, changes, cancellation ----------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def meeting_create(request: HttpRequest, slug: str) -> HttpResponse:
    committee = found_or_404(selectors.governed_committee_get, user=request.user, slug=slug)
    zones = selectors.zone_choices(committee=committee)
    if request.method == "POST":
        form = MeetingForm(request.POST, zones=zones)
        if form.is_valid():
            done = save_form(
                request,
                form,
                lambda: services.meeting_create(
                    committee=committee, actor=request.user, data=form.meeting_data()
                ),
                success=_("The meeting is scheduled and its participants are invited."),
                then=lambda meeting: meeting.get_absolute_url(),
            )
            if done:
                return done
    else:
        initial: dict[str, Any] = {"time_zone": committee.time_zone}
        if request.GET.get("starts_at"):
            initial |= MeetingForm.initial_from_slot(
                starts_at=request.GET["starts_at"],
                minutes=request.GET.get("minutes", "120"),
                zone=committee.time_zone,
            )
        form = MeetingForm(initial=initial, zones=zones)
    context = {"form": form, "committee": committee, "meeting": None}
    return render(request, "governance/meeting_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _governed_meeting(request, pk)
    zones = selectors.zone_choices(committee=meeting.committee)
    conflict = None
    if request.method == "POST":
        form = MeetingForm(request.POST, initial=MeetingForm.initial_for(meeting), zones=zones)
        if form.is_valid():
            saved, conflict = save_edit(
                request,
                form,
                lambda: services.meeting_update(
                    meeting=meeting,
                    actor=request.user,
                    version=form.cleaned_data["version"] or 0,
                    data=form.meeting_data(),
                ),
                success=_("The meeting was saved."),
                message=CONFLICT_MESSAGE,
                values=MeetingForm.initial_for,
            )
            if saved:
                return redirect(meeting.get_absolute_url())
    else:
        form = MeetingForm(initial=MeetingForm.initial_for(meeting), zones=zones)
    context = {
        "form": form,
        "committee": meeting.committee,
        "meeting": meeting,
        "conflict": conflict,
    }
    return render(request, "governance/meeting_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _governed_meeting(request, pk)
    if request.method == "POST":
        report_service_call(
            request,
            lambda: services.meeting_cancel(meeting=meeting, actor=request.user),
            success=_("The meeting is cancelled and its participants are told."),
        )
        return redirect(meeting.get_absolute_url())
    return render(request, "governance/meeting_cancel.html", {"meeting": meeting})


# --- Agenda items -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def agenda_item_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _governed_meeting(request, pk)
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.agenda_item_create(
                meeting=meeting, actor=request.user, data=form.item_data()
            ),
            success=_("The item was added to the agenda."),
            then=meeting.get_absolute_url() + "#agenda",
        )
        if done:
            return done
    context = {"form": form, "meeting": meeting, "item": None}
    return render(request, "governance/agenda_item_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def agenda_item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _governed_item(request, pk)
    # Bound to a copy: a failed save must not change the item shown as "saved".
    form = AgendaItemForm(
        request.POST or None, instance=AgendaItem(pk=item.pk), initial={"version": item.version}
    )
    if request.method != "POST":
        form = AgendaItemForm(instance=item)
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = save_edit(
            request,
            form,
            lambda: services.agenda_item_update(
                item=item,
                actor=request.user,
                version=form.cleaned_data["version"],
                data=form.item_data(),
            ),
            success=_("The agenda item was saved."),
            message=AGENDA_CONFLICT_MESSAGE,
        )
        if saved:
            return redirect(item.meeting.get_absolute_url() + "#agenda")
    context = {"form": form, "meeting": item.meeting, "item": item, "conflict": conflict}
    return render(request, "governance/agenda_item_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def agenda_item_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = _governed_item(request, pk)
    if request.method == "POST":
        services.agenda_item_delete(item=item, actor=request.user)
        messages.success(request, _("The item was removed from the agenda."))
        return redirect(item.meeting.get_absolute_url() + "#agenda")
    return render(request, "governance/agenda_item_delete.html", {"item": item})


@login_required
@require_POST
@submit_once
def agenda_item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = _governed_item(request, pk)
    direction = request.POST.get("direction", "")
    report_service_call(
        request,
        lambda: services.agenda_item_move(item=item, actor=request.user, direction=direction),
        success="",
    )
    return redirect(item.meeting.get_absolute_url() + "#agenda")


# --- Documents ----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def document_upload(request: HttpRequest, pk: int) -> HttpResponse:
    item = _governed_item(request, pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_upload(
                item=item,
                actor=request.user,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("The document was added."))
            return redirect(item.meeting.get_absolute_url() + "#agenda")
    return render(request, "governance/document_form.html", {"form": form, "item": item})


def document_download(request: HttpRequest, pk: int) -> FileResponse:
    """A document of a meeting the reader may see; never a public media address."""
    document = found_or_404(selectors.visible_document_get, user=request.user, pk=pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def document_delete(request: HttpRequest, pk: int) -> HttpResponse:
    document = found_or_404(selectors.governed_document_get, user=request.user, pk=pk)
    meeting = document.item.meeting
    if request.method == "POST":
        services.document_delete(document=document, actor=request.user)
        messages.success(request, _("The document was deleted."))
        return redirect(meeting.get_absolute_url() + "#agenda")
    return render(request, "governance/document_delete.html", {"document": document})


# --- Participants and attendance ----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def participants_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _governed_meeting(request, pk, contents=True)
    form = ParticipantsForm(
        request.POST or None,
        participants=list(meeting.participants.all()),
        candidates=selectors.candidate_people(committee=meeting.committee),
    )
    conflict: dict[int, str] | None = None
    if request.method == "POST" and form.is_valid():
        try:
            services.participants_update(
                meeting=meeting,
                actor=request.user,
                attendance=form.attendance(),
                remove=form.removed(),
                add=form.cleaned_data.get("add"),
                expected=form.expected(),
            )
        except services.AttendanceConflictError as error:
            form.add_error(None, error)
            # Saving again is a deliberate choice made after seeing the saved values.
            resubmitted = request.POST.copy()
            for participant_pk, value in error.current.items():
                resubmitted[f"was_{participant_pk}"] = value
            form.data = resubmitted
            form.saved_attendance = conflict = error.current
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The participants and their attendance were saved."))
            return redirect(reverse("governance:participants_edit", kwargs={"pk": meeting.pk}))
    context = {"form": form, "meeting": meeting, "conflict": conflict}
    return render(request, "governance/participants_form.html", context)


# --- Minutes ------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _governed_meeting(request, pk)
    conflict = None
    if request.method == "POST":
        form = MinutesForm(request.POST, initial={"version": meeting.version})
        if form.is_valid():
            saved, conflict = save_edit(
                request,
                form,
                lambda: services.minutes_update(
                    meeting=meeting,
                    actor=request.user,
                    version=form.cleaned_data["version"],
                    minutes=form.cleaned_data["minutes"],
                ),
                success=_("The minutes were saved."),
                message=CONFLICT_MESSAGE,
            )
            if saved:
                return redirect(meeting.get_absolute_url() + "#minutes")
    else:
        form = MinutesForm(initial={"minutes": meeting.minutes, "version": meeting.version})
    context = {"form": form, "meeting": meeting, "conflict": conflict}
    return render(request, "governance/minutes_form.html", context)


@login_required
@require_POST
@submit_once
def minutes_publish(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _governed_meeting(request, pk)
    report_service_call(
        request,
        lambda: services.minutes_publish(meeting=meeting, actor=request.user),
        success=_("The minutes are published and the participants are told."),
    )
    return redirect(meeting.get_absolute_url() + "#minutes")
