"""A position's submissions: recording one, changing it, and what came of it. Thin: reads
come from `selectors.positions`, writes go through `services.submissions`."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from inspir.advocacy.forms.positions import OutcomeForm, SubmissionForm
from inspir.advocacy.models import Position, Submission
from inspir.advocacy.rules import SUBMISSION_FIELDS
from inspir.advocacy.selectors import positions as selectors
from inspir.advocacy.selectors.access import written_positions
from inspir.advocacy.services import submissions as services
from inspir.core.errors import found_or_404
from inspir.core.forms import save_form
from inspir.core.submit_once import submit_once
from inspir.core.time import reader_zone
from inspir.core.versioning import save_edit


def _written(request: HttpRequest, pk: int) -> Position:
    queryset = written_positions(request.user).select_related("network")
    return found_or_404(lambda: queryset.get(pk=pk))


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def submission_create(request: HttpRequest, pk: int) -> HttpResponse:
    position = _written(request, pk)
    choices = selectors.submission_choices(request.user, position)
    form = SubmissionForm(
        request.POST or None,
        initial={"submitted_on": timezone.localdate(timezone=reader_zone(request.user))},
        versioned=False,
        **choices,
    )
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.submission_create(
                position=position, actor=request.user, data=form.data_for_service()
            ),
            success=_("The submission was recorded."),
            then=position.get_absolute_url() + "#submissions",
        )
        if done:
            return done
    context = {"form": form, "position": position, "submission": None}
    return render(request, "advocacy/submission_form.html", context)


def _submission(request: HttpRequest, pk: int) -> Submission:
    return found_or_404(selectors.submission_for_writer, user=request.user, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def submission_edit(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _submission(request, pk)
    position = submission.position
    choices = selectors.submission_choices(request.user, position)
    initial = {name: getattr(submission, name) for name in SUBMISSION_FIELDS} | {
        "version": submission.version
    }
    form = SubmissionForm(request.POST or None, initial=initial, versioned=True, **choices)
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = save_edit(
            request,
            form,
            lambda: services.submission_update(
                submission=submission,
                actor=request.user,
                version=form.cleaned_data["version"],
                data=form.data_for_service(),
            ),
            success=_("The submission was saved."),
        )
        if saved:
            return redirect(position.get_absolute_url() + "#submissions")
    context = {
        "form": form,
        "position": position,
        "submission": submission,
        "conflict": conflict,
    }
    return render(request, "advocacy/submission_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def submission_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _submission(request, pk)
    position = submission.position
    initial = {
        "outcome": submission.outcome,
        "outcome_notes": submission.outcome_notes,
        "follow_up": submission.follow_up,
        "follow_up_on": submission.follow_up_on,
        "version": submission.version,
    }
    form = OutcomeForm(request.POST or None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved, conflict = save_edit(
            request,
            form,
            lambda: services.submission_outcome_record(
                submission=submission,
                actor=request.user,
                version=data["version"],
                outcome=data["outcome"],
                outcome_notes=data["outcome_notes"],
                follow_up=data["follow_up"],
                follow_up_on=data["follow_up_on"],
            ),
            success=_("What came of the submission was recorded."),
        )
        if saved:
            return redirect(position.get_absolute_url() + "#submissions")
    context = {
        "form": form,
        "position": position,
        "submission": submission,
        "conflict": conflict,
    }
    return render(request, "advocacy/submission_outcome.html", context)
