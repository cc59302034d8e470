"""Decisions, their consent records, and the report-back board of their follow-ups."""

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from inspir.core.errors import found_or_404
from inspir.core.forms import save_form
from inspir.core.page_cache import public_page
from inspir.core.submit_once import submit_once
from inspir.core.time import reader_zone
from inspir.core.versioning import save_edit
from inspir.governance import rules
from inspir.governance.forms.consent import PositionForm
from inspir.governance.forms.decisions import (
    DecisionFilterForm,
    DecisionForm,
    FollowUpCascadeForm,
    FollowUpReportForm,
)
from inspir.governance.models import Decision, FollowUp
from inspir.governance.permissions import acting_as, can_govern
from inspir.governance.selectors import decisions as selectors
from inspir.governance.selectors import meetings as meeting_selectors
from inspir.governance.selectors.texts import read_listed, read_texts
from inspir.governance.services import decisions as services
from inspir.governance.views.consent import round_context
from inspir.network.models import Network

DECISIONS_PAGE_SIZE = getattr(settings, "GOVERNANCE_DECISIONS_PAGE_SIZE", 20)


@public_page
def decision_list(request: HttpRequest) -> HttpResponse:
    committees = selectors.committee_choices()
    form = DecisionFilterForm(request.GET or None, committees=committees)
    filters = form.filters()
    decisions = selectors.decision_list(user=request.user, **filters)
    page = Paginator(decisions, DECISIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    read_listed(page, "title")
    context = {
        "form": form,
        "page_obj": page,
        "filtered": bool(filters),
        "zone": reader_zone(request.user),
    }
    template = "governance/decision_list.html"
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.boosted and not htmx.history_restore_request:
        template += "#results"
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = found_or_404(meeting_selectors.governed_meeting_get, user=request.user, pk=pk)
    network = meeting.committee.network
    items = meeting.items.select_related("proposal").order_by("position", "pk")
    # The networks directly below; those further down are reached by cascading.
    concerns = Network.objects.filter(parent=network).order_by("name")
    people = list(selectors.consent_givers(meeting))
    form_kwargs: dict[str, Any] = {"items": items, "concerns": concerns, "people": people}
    if request.method == "POST":
        form = DecisionForm(request.POST, **form_kwargs)
        if form.is_valid():
            data = form.cleaned_data
            done = save_form(
                request,
                form,
                lambda: services.decision_record(
                    meeting=meeting,
                    actor=request.user,
                    title=data["title"],
                    statement=data["statement"],
                    amended=data["amended"],
                    domain=data["domain"],
                    item=data["item"],
                    concerns=list(data["concerns"]),
                    consents=form.consents(),
                    follow_up_due_on=data["follow_up_due_on"],
                ),
                success=_("The decision was recorded."),
                then=lambda decision: decision.get_absolute_url(),
            )
            if done:
                return done
    else:
        initial: dict[str, Any] = {
            "concerns": list(selectors.default_concerns(network)),
        }
        asked = request.GET.get("item", "")
        item = items.filter(pk=int(asked)).first() if asked.isdigit() else None
        if item is not None:
            initial.update(item=item, title=item.title)
            if item.proposal is not None:
                initial.update(title=item.proposal.title, domain=item.proposal.domain)
                # The network the proposal came from is concerned by its answer (through the
                # network below the committee it belongs to, which passes the decision down).
                way_down = selectors.child_towards(network, item.proposal.origin_network_id)
                if way_down is not None:
                    initial["concerns"] = [*initial["concerns"], way_down]
        initial["follow_up_due_on"] = rules.default_follow_up_due(
            timezone.localdate(meeting.starts_at, meeting.zone)
        )
        form = DecisionForm(initial=initial, **form_kwargs)
    context = {"form": form, "meeting": meeting, "network": network}
    return render(request, "governance/decision_form.html", context)


def _decision_or_404(request: HttpRequest, pk: int) -> Decision:
    return found_or_404(selectors.decision_get, user=request.user, pk=pk)


@public_page
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return decision_page(request, _decision_or_404(request, pk))


def decision_page(
    request: HttpRequest,
    decision: Decision,
    *,
    position_form: PositionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The decision's page; with the reader's position form bound when it was refused."""
    # Its title and statement in the reader's language, else as written, marked; and the
    # titles of its meeting, agenda item and proposal, read with them.
    read_texts(
        [
            (decision, "title"),
            (decision, "statement"),
            (decision.meeting, "title"),
            (decision.item, "title"),
            (decision.proposal, "title"),
        ]
    )
    context = {
        "decision": decision,
        "texts": decision.texts,  # type: ignore[attr-defined]
        "meeting": decision.meeting,
        "committee": decision.committee,
        "zone": reader_zone(request.user, decision.committee.time_zone),
        **round_context(request, decision, position_form=position_form),
    }
    return render(request, "governance/decision_detail.html", context, status=status)


@public_page
def follow_up_board(request: HttpRequest, pk: int) -> HttpResponse:
    decision = found_or_404(selectors.decision_for_board, user=request.user, pk=pk)
    board = selectors.follow_up_board(decision=decision, user=request.user)
    stack = list(board.rows)
    rows = []
    while stack:
        row = stack.pop()
        rows.append(row)
        stack.extend(row.children)
        if row.acting_as:
            follow_up = row.follow_up
            row.report_form = FollowUpReportForm(  # type: ignore[attr-defined]
                initial={
                    "status": follow_up.status if follow_up.status != "pending" else None,
                    "report": follow_up.report,
                    "version": follow_up.version,
                },
                prefix_pk=follow_up.pk,
            )
    # The decision's title and each network's report, in the reader's language.
    read_texts([(decision, "title"), *((row.follow_up, "report") for row in rows)])
    context = {
        "decision": decision,
        "board": board,
        "zone": reader_zone(request.user, decision.committee.time_zone),
    }
    return render(request, "governance/follow_up_board.html", context)


def _follow_up_or_404(request: HttpRequest, pk: int) -> FollowUp:
    return found_or_404(selectors.follow_up_for_reporter, user=request.user, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def follow_up_report(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = _follow_up_or_404(request, pk)
    conflict = conflict_saved = None
    if request.method == "POST":
        form = FollowUpReportForm(request.POST, initial={"version": follow_up.version})
        if form.is_valid():
            saved, conflict = save_edit(
                request,
                form,
                lambda: services.follow_up_report(
                    follow_up=follow_up,
                    actor=request.user,
                    status=form.cleaned_data["status"],
                    report=form.cleaned_data["report"],
                    version=form.cleaned_data["version"],
                ),
                success=_("The report of %(network)s was saved.")
                % {"network": follow_up.network.name},
                values=_saved_report,
            )
            if saved:
                return redirect(follow_up.get_absolute_url())
            if conflict is not None:
                # Who saved the report shown beside the reader's, and when.
                conflict_saved = selectors.follow_up_for_reporter(
                    user=request.user, pk=follow_up.pk
                )
    else:
        form = FollowUpReportForm(
            initial={
                "status": follow_up.status if follow_up.status != "pending" else None,
                "report": follow_up.report,
                "version": follow_up.version,
            }
        )
    read_texts([(follow_up.decision, "title")])
    context = {
        "form": form,
        "follow_up": follow_up,
        "decision": follow_up.decision,
        "conflict": conflict,
        "conflict_saved": conflict_saved,
        "overdue": rules.follow_up_overdue(follow_up, timezone.localdate()),
        "acting_as": acting_as(request.user, follow_up.network),
        "zone": reader_zone(request.user, follow_up.decision.committee.time_zone),
    }
    return render(request, "governance/follow_up_report.html", context)


def _saved_report(saved: FollowUp) -> dict[str, Any]:
    """The saved report in the form's terms, for the conflict table ("pending" by its name,
    as the form does not offer it)."""
    status = saved.status if saved.status in rules.REPORTABLE else saved.get_status_display()
    return {"status": status, "report": saved.report}


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def follow_up_cascade(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = _follow_up_or_404(request, pk)
    # Passing a decision on is its committee's business: those who govern the network.
    if not can_govern(request.user, follow_up.network):
        raise Http404
    choices = selectors.cascade_choices(follow_up)
    if request.method == "POST":
        # Validate against every network below, so that one already passed on meanwhile
        # is refused with its name rather than silently dropped.
        form = FollowUpCascadeForm(
            request.POST,
            networks=Network.objects.filter(parent_id=follow_up.network_id),
        )
        if form.is_valid():
            done = save_form(
                request,
                form,
                lambda: services.follow_up_cascade(
                    follow_up=follow_up,
                    networks=list(form.cleaned_data["networks"]),
                    actor=request.user,
                    due_on=form.cleaned_data["due_on"],
                ),
                success=lambda opened: (
                    _("The decision was passed on to: %(names)s.")
                    % {"names": ", ".join(item.network.name for item in opened)}
                ),
                then=follow_up.get_absolute_url(),
            )
            if done:
                return done
        form.fields["networks"].queryset = choices  # type: ignore[attr-defined]
    else:
        form = FollowUpCascadeForm(networks=choices, initial={"due_on": follow_up.due_on})
    read_texts([(follow_up.decision, "title")])
    context = {"form": form, "follow_up": follow_up, "decision": follow_up.decision}
    return render(request, "governance/follow_up_cascade.html", context)
