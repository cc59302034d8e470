"""Proposal pages: raised bottom-up, endorsed level by level or answered where they can be
decided. Internal: everything is fetched through `visible_proposals(user)` (404 otherwise)."""

import functools
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from inspir.core.errors import found_or_404
from inspir.core.forms import save_form
from inspir.core.page_cache import shared_fragment, shared_value
from inspir.core.submit_once import submit_once
from inspir.core.time import reader_zone
from inspir.core.versioning import save_edit
from inspir.governance import rules
from inspir.governance.forms.proposals import (
    CommentForm,
    ProposalActionForm,
    ProposalFilterForm,
    ProposalForm,
)
from inspir.governance.models import Domain, Proposal, ProposalStatus
from inspir.governance.permissions import (
    acting_as,
    acting_network_ids,
    governance_readable_network_ids,
)
from inspir.governance.selectors import proposals as selectors
from inspir.governance.selectors.access import visible_meetings
from inspir.governance.selectors.texts import read_listed, read_texts
from inspir.governance.services import proposals as services
from inspir.network.models import Network


def _get(request: HttpRequest, pk: int) -> Proposal:
    return found_or_404(selectors.proposal_get, user=request.user, pk=pk)


def _errors(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)


@login_required
def proposal_list(request: HttpRequest) -> HttpResponse:
    # The page's parts are computed once and kept until the registry or governance changes
    # (core/page_cache.py's shared parts), keyed by what they depend on: the networks the
    # reader reads and acts for (read for this request), the query, and, for the list, the
    # reader, whose own drafts it holds.
    user = request.user
    readable = governance_readable_network_ids(user)
    acting = acting_network_ids(user)
    reads = "every network" if readable is None else sorted(readable)
    governs = "every network" if acting is None else sorted(acting)
    query = request.GET.urlencode()

    @functools.cache
    def form() -> ProposalFilterForm:
        networks = shared_value(
            "proposal-filter-networks",
            (reads,),
            lambda: selectors.proposal_filter_choices(user)["network"],
        )
        choices = {
            "status": list(ProposalStatus.choices),
            "domain": list(Domain.choices),
            "network": networks,
        }
        return ProposalFilterForm(request.GET or None, choices=choices)

    def results() -> str:
        filters = form().to_filters()
        proposals = selectors.proposal_list(user=user, filters=filters)
        page = Paginator(proposals, settings.DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
        read_listed(page, "title")
        context = {
            "page_obj": page,
            "filtered": filters != selectors.ProposalFilters(),
            "request": request,
        }
        return render_to_string("governance/proposal_list.html#results", context)

    listed = shared_fragment("proposal-results", (user.pk, reads, governs, query), results)
    htmx = getattr(request, "htmx", None)
    # htmx swaps only the results in place; restoring history (Back) needs the whole page.
    if htmx and not htmx.boosted and not htmx.history_restore_request:
        return HttpResponse(listed)
    filter_fields = shared_fragment(
        "proposal-filters",
        (reads, query),
        lambda: render_to_string("governance/proposal_list.html#filter_fields", {"form": form()}),
    )
    context = {"filter_fields": filter_fields, "results": listed}
    return render(request, "governance/proposal_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def proposal_create(request: HttpRequest) -> HttpResponse:
    networks = selectors.draftable_networks(request.user)
    listed = list(networks)
    if not listed:
        raise Http404(_("You are not a member of a national or continental network."))
    organisations = selectors.draftable_organisations(networks)
    # For whom the proposal is raised: the lowest network the reader acts for, by default.
    default = selectors.default_drafting_network(request.user, listed)
    form = ProposalForm(
        request.POST or None,
        networks=networks,
        organisations=organisations,
        initial={"network": default.pk if default else None},
    )
    acting = {network.pk: acting_as(request.user, network) for network in listed}
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.proposal_create(
                network=form.cleaned_data["network"], author=request.user, **form.content()
            ),
            success=lambda proposal: (
                (
                    _("Your draft for %(network)s is saved. Submit it when it is ready.")
                    if acting.get(proposal.network_id)
                    else _(
                        "Your draft for %(network)s is saved. Those who act for the network (its "
                        "focal point, its committee or its coordinators) submit it."
                    )
                )
                % {"network": proposal.network.name}
            ),
            then=lambda proposal: proposal.get_absolute_url(),
        )
        if done:
            return done
    context = {
        "form": form,
        "proposal": None,
        # The networks the reader acts for among those offered, and how.
        "acting_for": [(network, acting[network.pk]) for network in listed if acting[network.pk]],
    }
    return render(request, "governance/proposal_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _get(request, pk)
    if not rules.may_act_for_origin(request.user, proposal):
        raise Http404
    if proposal.status != ProposalStatus.DRAFT:
        messages.error(request, _("Only a draft can be edited; this one was already submitted."))
        return redirect(proposal.get_absolute_url())
    organisations = selectors.draftable_organisations(
        Network.objects.filter(pk=proposal.origin_network_id)
    )
    conflict = None
    if request.method == "POST":
        form = ProposalForm(
            request.POST, initial={"version": proposal.version}, organisations=organisations
        )
        if form.is_valid():
            saved, conflict = save_edit(
                request,
                form,
                lambda: services.proposal_update(
                    proposal=proposal,
                    actor=request.user,
                    version=form.cleaned_data["version"] or 0,
                    **form.content(),
                ),
                success=_("The draft was saved."),
                message=_(
                    "Someone else saved this proposal while you were editing it. Nothing "
                    "was overwritten: your text is kept below. Compare it with the saved "
                    "version, then save again."
                ),
                values=_saved_values,
            )
            if saved:
                return redirect(proposal.get_absolute_url())
    else:
        form = ProposalForm(
            initial={
                "title": proposal.title,
                "text": proposal.text,
                "domain": proposal.domain,
                "organisation": proposal.origin_organisation_id,
                "version": proposal.version,
            },
            organisations=organisations,
        )
    context = {"form": form, "proposal": proposal, "conflict": conflict}
    return render(request, "governance/proposal_form.html", context)


def _saved_values(current: Proposal) -> dict[str, Any]:
    """The saved draft in the form's terms, for the conflict table."""
    return {
        "title": current.title,
        "text": current.text,
        "domain": current.domain,
        "organisation": current.origin_organisation,
    }


def _detail_context(
    request: HttpRequest, proposal: Proposal, comment_form: CommentForm | None = None
) -> dict[str, Any]:
    events = selectors.proposal_events(proposal)
    actions = selectors.proposal_actions(proposal=proposal, user=request.user, events=events)
    decision = selectors.proposal_decision(proposal)
    decision_url = None
    if decision is not None:
        decision_url = reverse("governance:decision_detail", kwargs={"pk": decision.pk})
    meetings = selectors.proposal_meetings(proposal) if actions.schedule else []
    # Its title and text in the reader's language, else as written, marked; with them, the
    # titles of its decision and of the meetings it may be put before.
    read_texts(
        [
            (proposal, "title"),
            (proposal, "text"),
            (decision, "title"),
            *((meeting, "title") for meeting in meetings),
        ]
    )
    return {
        "proposal": proposal,
        "texts": proposal.texts,  # type: ignore[attr-defined]
        "path": selectors.proposal_path(proposal),
        "events": events,
        "comments": selectors.proposal_comments(proposal),
        "comment_form": comment_form or CommentForm(),
        "actions": actions,
        # How the reader acts for the network raising the draft (empty when they do not).
        "acting_as": acting_as(request.user, proposal.origin_network) if actions.submit else "",
        "meetings": meetings,
        "decision": decision,
        "decision_url": decision_url,
        "zone": reader_zone(request.user),
    }


@login_required
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _get(request, pk)
    return render(request, "governance/proposal_detail.html", _detail_context(request, proposal))


@login_required
@require_POST
@submit_once
def proposal_comment(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _get(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.proposal_comment(
                proposal=proposal, author=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            form.add_error(None, _errors(error))
        else:
            messages.success(request, _("Your comment was added."))
            return redirect(proposal.get_absolute_url() + "#comments")
    context = _detail_context(request, proposal, comment_form=form)
    return render(request, "governance/proposal_detail.html", context, status=400)


ACTIONS = {
    "submit": gettext_lazy("The proposal was submitted for %(network)s."),
    "forward": gettext_lazy("The proposal was endorsed and forwarded to %(network)s."),
    "take-up": gettext_lazy(
        "The committee of %(network)s takes this proposal up and will decide it."
    ),
    "schedule": gettext_lazy("The proposal was put on the agenda of the meeting."),
    "withdraw": gettext_lazy("The proposal was withdrawn."),
}


@login_required
@require_POST
@submit_once
def proposal_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404
    proposal = _get(request, pk)
    form = ProposalActionForm(request.POST, meetings=visible_meetings(request.user))
    if not form.is_valid():
        messages.error(request, _("This action could not be read; reload the page and try again."))
        return redirect(proposal.get_absolute_url())
    version = form.cleaned_data["version"]
    note = form.cleaned_data["note"]
    try:
        if action == "submit":
            services.proposal_submit(proposal=proposal, actor=request.user, version=version)
        elif action == "forward":
            services.proposal_forward(
                proposal=proposal, actor=request.user, note=note, version=version
            )
        elif action == "take-up":
            services.proposal_take_up(
                proposal=proposal, actor=request.user, note=note, version=version
            )
        elif action == "schedule":
            meeting = form.cleaned_data["meeting"]
            if meeting is None:
                raise ValidationError(_("Choose the meeting on whose agenda to put it."))
            services.proposal_schedule(
                proposal=proposal, meeting=meeting, actor=request.user, version=version
            )
        else:
            services.proposal_withdraw(
                proposal=proposal, actor=request.user, note=note, version=version
            )
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, ACTIONS[action] % {"network": proposal.network.name})
    return redirect(proposal.get_absolute_url())
