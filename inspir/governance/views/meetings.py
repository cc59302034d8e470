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
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inspir.accounts.permissions import permission_key
from inspir.core.errors import found_or_404
from inspir.core.forms import report_service_call, save_form
from inspir.core.page_cache import public_page
from inspir.core.submit_once import submit_once
from inspir.core.texts import reading
from inspir.core.time import reader_zone
from inspir.core.versioning import save_edit
from inspir.governance.forms.meetings import (
    AgendaItemForm,
    DocumentForm,
    DocumentVisibilityForm,
    InvitationAnswerForm,
    MeetingFilterForm,
    MeetingForm,
    MinutesApprovalForm,
    MinutesCommentForm,
    MinutesCorrectionForm,
    MinutesForm,
    ParticipantsForm,
)
from inspir.governance.models import AgendaItem, InvitationAnswer, Meeting
from inspir.governance.rules import inputs_open
from inspir.governance.selectors import meetings as selectors
from inspir.governance.selectors.decisions import decisions_context
from inspir.governance.selectors.preparation import preparation_context
from inspir.governance.selectors.texts import plain, read_listed, read_texts
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
    read_listed(page, "title")
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
    now = timezone.now()
    started, ended = meeting.starts_at <= now, meeting.ends_at <= now
    # A member reads the committee's governance in full: the video link, the documents not
    # marked public, circulated and approved minutes, each member's position.
    member = may_govern or bool(getattr(meeting, "may_read", False))
    minutes = selectors.minutes_section(meeting=meeting, user=user)
    preparation = functools.cache(
        lambda: preparation_context(meeting=with_contents(), user=user)["preparation"]
    )
    decisions = functools.cache(lambda: decisions_context(meeting=with_contents(), user=user))

    @functools.cache
    def with_texts() -> Meeting:
        # Every text the page shows, in the reader's language: read at once, two queries.
        full = with_contents()
        selectors.meeting_page_texts(
            meeting=full, preparation=preparation(), decisions=decisions(), minutes=minutes
        )
        return full

    def read(part: Any) -> Any:
        with_texts()  # the part's texts are read with the page's others
        return part()

    context: dict[str, Any] = {
        "meeting_sharing": (
            permission_key(user),
            zone.key,
            started,
            ended,  # a scheduled meeting that has ended shows as held, no longer cancellable
            inputs_open(meeting),
        ),
        "preparation": SimpleLazyObject(lambda: read(preparation)),
        "decisions": SimpleLazyObject(lambda: read(decisions)),
        "meeting": meeting,
        "meeting_contents": SimpleLazyObject(with_texts),
        "page_title": SimpleLazyObject(lambda: selectors.meeting_title(meeting, page=with_texts)),
        "zone": zone,
        "participant_times": SimpleLazyObject(
            lambda: selectors.participant_times(meeting=with_contents())
        ),
        "answers": SimpleLazyObject(
            lambda: selectors.invitation_answers(meeting=with_contents(), user=user)
        ),
        "may_govern": may_govern,
        "member": member,
        # Participants' addresses are for the network's members, not for the public.
        "show_emails": member,
        "minutes": minutes,
        "comment_form": MinutesCommentForm(),
        "ics_url": reverse("governance:meeting_ics", kwargs={"pk": meeting.pk}),
    }
    return render(request, "governance/meeting_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def invitation_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """The reader's answer to their invitation to meeting `pk`: "I will attend", "I cannot
    attend" or "I send a delegate", with a note (the delegate's name); from the meeting page,
    "my work" or the invitation e-mail's links (`?answer=` chooses one), back there.
    Nobody else's invitation can be reached (404)."""
    participant = found_or_404(selectors.own_invitation_get, user=request.user, pk=pk)
    meeting = participant.meeting
    read_texts([(meeting, "title")])  # in the reader's language, on the page and in the message
    if request.method == "POST":
        form = InvitationAnswerForm(request.POST)
        if form.is_valid():
            back = (
                reverse("core:my_work")
                if form.cleaned_data["back"] == "my_work"
                else f"{meeting.get_absolute_url()}#your-answer"
            )
            saved = {
                InvitationAnswer.ATTENDING: _("Your answer is saved: you will attend “%(title)s”."),
                InvitationAnswer.NOT_ATTENDING: _(
                    "Your answer is saved: you cannot attend “%(title)s”."
                ),
                InvitationAnswer.DELEGATE: _(
                    "Your answer is saved: you send a delegate to “%(title)s”."
                ),
            }[form.cleaned_data["answer"]]
            done = save_form(
                request,
                form,
                lambda: services.invitation_answer(
                    participant=participant,
                    actor=request.user,
                    answer=form.cleaned_data["answer"],
                    note=form.cleaned_data["note"],
                ),
                success=saved % {"title": plain(meeting.texts["title"])},  # type: ignore[attr-defined]
                then=back,
            )
            if done:
                return done
    else:
        # The e-mail's links choose an answer (`?answer=`); only the POST saves it, since
        # mail scanners follow links.
        chosen = request.GET.get("answer", "")
        if chosen not in InvitationAnswer.values:
            chosen = participant.answer
        form = InvitationAnswerForm(initial={"answer": chosen, "note": participant.answer_note})
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
    """Cancel a meeting to come (one that has ended was held: the page says so)."""
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
                public=form.cleaned_data["public"],
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
@require_POST
@submit_once
def document_visibility(request: HttpRequest, pk: int) -> HttpResponse:
    """Make a document public, or for the members only (a button on the meeting page)."""
    document = found_or_404(selectors.governed_document_get, user=request.user, pk=pk)
    meeting = document.item.meeting
    form = DocumentVisibilityForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("This page is out of date; here is the current version."))
    else:
        public = form.cleaned_data["public"]
        report_service_call(
            request,
            lambda: services.document_visibility(
                document=document, actor=request.user, public=public
            ),
            success=(
                _("“%(title)s” is public: anyone may download it once the agenda is published.")
                if public
                else _("“%(title)s” is for the members only.")
            )
            % {"title": reading(document, "title")},
        )
    return redirect(meeting.get_absolute_url() + "#agenda")


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
    if request.method == "GET" and selectors.minutes_fixed(meeting):
        # Approved minutes are no longer edited: only corrected, with a note.
        return redirect(reverse("governance:minutes_correct", kwargs={"pk": meeting.pk}))
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
def minutes_circulate(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _governed_meeting(request, pk)
    report_service_call(
        request,
        lambda: services.minutes_circulate(meeting=meeting, actor=request.user),
        success=_("The minutes are circulated to the members for their comments."),
    )
    return redirect(meeting.get_absolute_url() + "#minutes")


def _member_meeting(request: HttpRequest, pk: int) -> Meeting:
    """A meeting whose committee's governance the reader reads in full (a member)."""
    meeting = found_or_404(selectors.meeting_get, user=request.user, pk=pk, contents=False)
    if not selectors.meeting_reach(request.user, meeting)[1]:
        raise Http404
    return meeting


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def minutes_comment(request: HttpRequest, pk: int) -> HttpResponse:
    """A member's comment on minutes circulated for comments; the page shows the minutes,
    the comments made so far and the form (also on the meeting page)."""
    meeting = _member_meeting(request, pk)
    form = MinutesCommentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.minutes_comment(
                meeting=meeting, author=request.user, text=form.cleaned_data["text"]
            ),
            success=_("Your comment on the minutes was added."),
            then=meeting.get_absolute_url() + "#minutes-comments",
        )
        if done:
            return done
    minutes = selectors.minutes_section(meeting=meeting, user=request.user)
    read_texts([(meeting, "title"), *([(meeting, "minutes")] if minutes.shown else [])])
    context = {
        "meeting": meeting,
        "comment_form": form,
        "minutes": minutes,
        "zone": selectors.meeting_reader_zone(meeting=meeting, user=request.user),
    }
    return render(request, "governance/minutes_comment.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """Record where the circulated minutes were approved: at a later meeting of the
    committee, or by a decision."""
    meeting = _governed_meeting(request, pk)
    meetings, decisions = selectors.approval_choices(meeting=meeting)
    form = MinutesApprovalForm(
        request.POST if request.method == "POST" else None, meetings=meetings, decisions=decisions
    )
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.minutes_approve(
                meeting=meeting,
                actor=request.user,
                at_meeting=form.cleaned_data["at_meeting"],
                by_decision=form.cleaned_data["by_decision"],
            ),
            success=_("The approval of the minutes is recorded: they may now be published."),
            then=meeting.get_absolute_url() + "#minutes",
        )
        if done:
            return done
    read_texts([(meeting, "title")])
    context = {
        "meeting": meeting,
        "form": form,
        "state": selectors.minutes_state(meeting),
        "zone": reader_zone(request.user, meeting.time_zone),
    }
    return render(request, "governance/minutes_approve.html", context)


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


def _correction_values(meeting: Meeting) -> dict[str, Any]:
    return {"minutes": meeting.minutes, "version": meeting.version}


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def minutes_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct approved minutes: a new version with a note; the earlier one stays readable."""
    meeting = _governed_meeting(request, pk)
    conflict = None
    if request.method == "POST":
        form = MinutesCorrectionForm(request.POST, initial=_correction_values(meeting))
        if form.is_valid():
            saved, conflict = save_edit(
                request,
                form,
                lambda: services.minutes_correct(
                    meeting=meeting,
                    actor=request.user,
                    text=form.cleaned_data["minutes"],
                    note=form.cleaned_data["note"],
                    version=form.cleaned_data["version"],
                ),
                success=_("The minutes are corrected; the members are told."),
                message=CONFLICT_MESSAGE,
                # The note is the corrector's own: only the text can differ from the saved.
                values=lambda saved: {
                    **_correction_values(saved),
                    "note": form.cleaned_data["note"],
                },
            )
            if saved:
                return redirect(meeting.get_absolute_url() + "#minutes")
    else:
        form = MinutesCorrectionForm(initial=_correction_values(meeting))
    context = {
        "form": form,
        "meeting": meeting,
        "conflict": conflict,
        "fixed": selectors.minutes_fixed(meeting),
        "state": selectors.minutes_state(meeting),
    }
    return render(request, "governance/minutes_correct.html", context)


@public_page
@require_GET
def minutes_version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """One version of approved minutes, for whoever could read it (anyone once it was
    published, the committee's members before)."""
    version = found_or_404(selectors.minutes_version_get, user=request.user, pk=pk, number=number)
    meeting = version.meeting
    read_texts([(meeting, "title")])  # the version itself stays as it was approved
    context = {
        "meeting": meeting,
        "version": version,
        "zone": selectors.meeting_reader_zone(meeting=meeting, user=request.user),
    }
    return render(request, "governance/minutes_version.html", context)
