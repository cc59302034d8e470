"""The funding proposals' pages: the pipeline board, the totals, one proposal, its forms
and documents. Thin: reads from `selectors.proposals`, writes through `services`; what is
out of reach is a 404. Amounts reach a template only through the selectors' `amounts`,
None for a reader who may not see them."""

import functools
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from inspir.accounts.permissions import permission_key
from inspir.core.collation import name_order
from inspir.core.errors import found_or_404
from inspir.core.forms import save_form
from inspir.core.submit_once import submit_once
from inspir.core.versioning import save_edit
from inspir.financing.forms.proposals import (
    BoardFilterForm,
    MoveForm,
    NewProposalForm,
    ProposalForm,
)
from inspir.financing.models import FundingProposal
from inspir.financing.permissions import (
    budget_network_ids,
    is_financing_reader,
    may_propose,
    person_id_of,
)
from inspir.financing.rules import EDITABLE_PROPOSAL_FIELDS, PROPOSAL_LINKS
from inspir.financing.selectors import proposals as selectors
from inspir.financing.selectors.access import (
    proposal_networks,
)
from inspir.financing.services import proposals as services
from inspir.network.models import top_down


def _reader(request: HttpRequest) -> None:
    if not is_financing_reader(request.user):
        raise Http404(_("You are not a member of any network yet."))


def _filtered(request: HttpRequest) -> tuple[BoardFilterForm, Any]:
    choices = selectors.board_filters(request.user)
    form = BoardFilterForm(
        request.GET or None,
        networks=choices["networks"],
        funders=choices["funders"],
        years=choices["years"],
    )
    chosen: dict[str, Any] = form.cleaned_data if form.is_valid() else {}
    proposals = selectors.board_proposals(
        request.user,
        network=chosen.get("network"),
        funder=chosen.get("funder"),
        year=chosen.get("year"),
    )
    return form, proposals


def _part_key(request: HttpRequest) -> tuple[Any, ...]:
    """What the board's and the totals' kept parts (`{% shared_part %}`, decision 0021)
    depend on besides the registry: the reader's permissions, and their person, whose
    place on a proposal's team lets them read it and see its amounts (amounts differ from
    reader to reader: never shown from another's kept part); the filters; today (the
    years offered, the calls to come)."""
    user = request.user
    budgets = budget_network_ids(user)
    return (
        permission_key(user),
        person_id_of(user),
        None if budgets is None else tuple(sorted(budgets)),
        sorted(request.GET.lists()),
        timezone.localdate(),
    )


@login_required
@require_GET
def board(request: HttpRequest) -> HttpResponse:
    """The proposals the reader reads, one column per status of the pipeline."""
    _reader(request)
    form, proposals = _filtered(request)
    # The filters and the columns are kept for the same reader and query; the columns are
    # read only when the kept part is stale.
    return render(
        request,
        "financing/board.html",
        {
            "form": form,
            "columns_of": functools.partial(selectors.board, request.user, proposals),
            "part_key": _part_key(request),
            "may_propose": may_propose(request.user),
            "calls_of": selectors.upcoming_calls,
            "calls_key": (timezone.localdate(),),
        },
    )


@login_required
@require_GET
def totals(request: HttpRequest) -> HttpResponse:
    """Requested and granted, per year and currency, of the proposals whose amounts the
    reader sees; how many others were left out."""
    _reader(request)
    form, proposals = _filtered(request)
    return render(
        request,
        "financing/totals.html",
        {
            "form": form,
            "totals_of": functools.partial(selectors.totals, request.user, proposals),
            "part_key": _part_key(request),
        },
    )


@login_required
@require_GET
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = found_or_404(selectors.proposal_for_reader, user=request.user, pk=pk)
    return render(request, "financing/proposal_detail.html", {"proposal": proposal})


def _initial(proposal: FundingProposal) -> dict[str, Any]:
    initial: dict[str, Any] = {name: getattr(proposal, name) for name in EDITABLE_PROPOSAL_FIELDS}
    for name in PROPOSAL_LINKS:
        initial[name] = [related.pk for related in getattr(proposal, name).all()]
    initial["version"] = proposal.version
    return initial


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def proposal_create(request: HttpRequest) -> HttpResponse:
    """A new proposal of a network the reader acts for (`?network=<slug>` chooses which)."""
    networks = proposal_networks(request.user)
    if not may_propose(request.user) or not networks.exists():
        raise Http404
    owned = list(networks.order_by(top_down(), name_order()))
    network = next((n for n in owned if n.slug == request.GET.get("network")), owned[-1])
    form = NewProposalForm(
        request.POST or None,
        initial={"network": network},
        choices=selectors.proposal_choices(request.user, network=network),
        versioned=False,
        networks=networks.filter(pk=network.pk),
    )
    if request.method == "POST" and form.is_valid():
        data = form.data_for_service()
        links = {name: data.pop(name) for name in PROPOSAL_LINKS}
        done = save_form(
            request,
            form,
            lambda: services.proposal_create(
                actor=request.user, network=form.cleaned_data["network"], data=data, links=links
            ),
            success=_("The proposal was started: it is an idea on the board."),
            then=lambda proposal: proposal.get_absolute_url(),
        )
        if done:
            return done
    return render(
        request,
        "financing/proposal_form.html",
        {
            "form": form,
            "proposal": None,
            "network": network,
            "others": [other for other in owned if other.pk != network.pk],
            "conflict": None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = found_or_404(selectors.writable_proposal, user=request.user, pk=pk)
    amounts = proposal.sees_amounts  # type: ignore[attr-defined]
    initial = _initial(proposal)
    form = ProposalForm(
        request.POST or None,
        initial=initial,
        choices=selectors.proposal_choices(request.user, network=proposal.network),
        versioned=True,
        amounts=amounts,
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = save_edit(
            request,
            form,
            lambda: services.proposal_update(
                proposal=proposal,
                actor=request.user,
                version=form.cleaned_data["version"],
                data=form.data_for_service(),
            ),
            success=_("The proposal was saved."),
            values=_initial,
        )
        if saved:
            return redirect(proposal.get_absolute_url())
    return render(
        request,
        "financing/proposal_form.html",
        {"form": form, "proposal": proposal, "network": proposal.network, "conflict": conflict},
    )


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def proposal_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a proposal along the pipeline: submitted, granted (with its amount), refused,
    back to drafting."""
    proposal = found_or_404(selectors.writable_proposal, user=request.user, pk=pk)
    statuses = selectors.next_statuses(proposal)
    form = MoveForm(
        request.POST or None,
        initial={"version": proposal.version, "status": request.GET.get("status")},
        statuses=statuses,
        amounts=proposal.sees_amounts,  # type: ignore[attr-defined]
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = save_edit(
            request,
            form,
            lambda: services.proposal_move(
                proposal=proposal,
                actor=request.user,
                version=form.cleaned_data["version"],
                status=form.cleaned_data["status"],
                on=form.cleaned_data.get("on"),
                amount_granted=form.cleaned_data.get("amount_granted"),
            ),
            success=_("The proposal moved along its pipeline."),
            values=lambda saved: {"version": saved.version, "status": saved.status},
        )
        if saved:
            return redirect(proposal.get_absolute_url())
    return render(
        request,
        "financing/proposal_move.html",
        {"form": form, "proposal": proposal, "conflict": conflict},
    )
