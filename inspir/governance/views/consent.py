"""Consent rounds: opening one (the committee's offices, the network's coordinators), each
member stating their own position on the decision's page, the secretariat recording one
given orally."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from inspir.core.errors import found_or_404
from inspir.core.forms import save_form
from inspir.core.submit_once import submit_once
from inspir.core.time import reader_zone
from inspir.governance.forms.consent import (
    POSITION_HELP,
    OralPositionForm,
    PositionForm,
    RoundForm,
)
from inspir.governance.models import Decision, Position, Proposal, ProposalStatus
from inspir.governance.permissions import can_govern, governance_readable_network_ids
from inspir.governance.selectors import consent as selectors
from inspir.governance.selectors import decisions as decision_selectors
from inspir.governance.services import consent as services
from inspir.network.models import Network, Person


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def round_create(request: HttpRequest, slug: str) -> HttpResponse:
    committee = found_or_404(selectors.governed_committee_get, user=request.user, slug=slug)
    network = committee.network
    zone = reader_zone(request.user, committee.time_zone)
    proposals = Proposal.objects.filter(
        network=network, status__in=[ProposalStatus.SUBMITTED, ProposalStatus.ON_AGENDA]
    ).order_by("title", "pk")
    concerns = Network.objects.filter(parent=network).order_by("name")
    form_kwargs: dict[str, Any] = {"proposals": proposals, "concerns": concerns, "zone": zone}
    if request.method == "POST":
        form = RoundForm(request.POST, **form_kwargs)
        if form.is_valid():
            data = form.cleaned_data
            done = save_form(
                request,
                form,
                lambda: services.round_open(
                    committee=committee,
                    actor=request.user,
                    title=data["title"],
                    statement=data["statement"],
                    closes_at=data.get("closes_at"),
                    proposal=data["proposal"],
                    domain=data["domain"],
                    concerns=list(data["concerns"]),
                    follow_up_due_on=data["follow_up_due_on"],
                ),
                success=_("The consent round is open: the members were told."),
                then=lambda decision: decision.get_absolute_url(),
            )
            if done:
                return done
    else:
        closes = timezone.localtime(timezone.now(), zone) + services.DEFAULT_ROUND
        initial: dict[str, Any] = {
            "closes_on": closes.date(),
            "closes_time": closes.time().replace(minute=0, second=0, microsecond=0),
            "concerns": list(decision_selectors.default_concerns(network)),
        }
        asked = request.GET.get("proposal", "")
        proposal = proposals.filter(pk=int(asked)).first() if asked.isdigit() else None
        if proposal is not None:
            initial.update(
                proposal=proposal,
                title=proposal.title,
                statement=proposal.text,
                domain=proposal.domain,
            )
        form = RoundForm(initial=initial, **form_kwargs)
    context = {"form": form, "committee": committee, "network": network, "zone": zone}
    return render(request, "governance/round_form.html", context)


def round_context(
    request: HttpRequest, decision: Decision, *, position_form: PositionForm | None = None
) -> dict[str, Any]:
    """What the decision page shows of its consent: the count, each position for those who
    read the committee's governance (the outcome alone for everyone else), and, while a
    round is open, the reader's own position form."""
    records = list(decision.consents.all())
    readable = governance_readable_network_ids(request.user)
    members_see = readable is None or decision.committee.network_id in readable
    counted = selectors.decision_tally(decision, records)
    person_id = getattr(request.user, "person_id", None)
    open_round = decision.is_open and decision.closes_at is not None
    accepting = open_round and decision.closes_at > timezone.now()  # type: ignore[operator]
    own = next((r for r in records if r.person_id == person_id), None)
    my_voice = None
    if accepting and person_id is not None:
        my_voice = next(
            (voice for voice in selectors.voices(decision) if voice.person.pk == person_id), None
        )
    if my_voice is not None and position_form is None:
        initial = {"position": own.position, "reason": own.reason} if own else {}
        position_form = PositionForm(initial=initial)
    governs = request.user.is_authenticated and can_govern(request.user, decision.committee.network)
    return {
        "tally": counted,
        "tally_lines": [
            {"position": value, "label": label, "count": counted.counts.get(value, 0)}
            for value, label in Position.choices
        ],
        "members_see": members_see,
        "counted_records": [r for r in records if r.counts] if members_see else [],
        "heard_records": [r for r in records if not r.counts] if members_see else [],
        "open_round": open_round,
        "accepting": accepting,
        "my_voice": my_voice,
        "my_position": own,
        "position_form": position_form if my_voice is not None else None,
        "position_help": POSITION_HELP,
        "may_record_orally": accepting and governs,
    }


@login_required
@require_POST
@submit_once
def position_state(request: HttpRequest, pk: int) -> HttpResponse:
    decision = found_or_404(decision_selectors.decision_get, user=request.user, pk=pk)
    person_id = getattr(request.user, "person_id", None)
    if not any(voice.person.pk == person_id for voice in selectors.voices(decision)):
        # Only those who sit on the committee (or take part in the meeting) have a position.
        raise Http404
    form = PositionForm(request.POST)
    if form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.position_state(
                decision=decision,
                actor=request.user,
                position=form.cleaned_data["position"],
                reason=form.cleaned_data["reason"],
            ),
            success=_("Your position is recorded. You may change it until the round closes."),
            then=decision.get_absolute_url() + "#my-position",
        )
        if done:
            return done
    from inspir.governance.views.decisions import decision_page

    # Refused: the round's page again, with what the member chose and why it was refused.
    return decision_page(request, decision, position_form=form)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def position_record(request: HttpRequest, pk: int) -> HttpResponse:
    decision = found_or_404(selectors.governed_open_round_get, user=request.user, pk=pk)
    voices = selectors.voices(decision)
    people = Person.objects.filter(pk__in=[voice.person.pk for voice in voices]).order_by(
        "name", "pk"
    )
    if request.method == "POST":
        form = OralPositionForm(request.POST, people=people)
        if form.is_valid():
            data = form.cleaned_data
            done = save_form(
                request,
                form,
                lambda: services.position_record(
                    decision=decision,
                    actor=request.user,
                    person=data["person"],
                    position=data["position"],
                    reason=data["reason"],
                ),
                success=_("The position was recorded, marked as given orally."),
                then=decision.get_absolute_url(),
            )
            if done:
                return done
    else:
        asked = request.GET.get("person", "")
        person = people.filter(pk=int(asked)).first() if asked.isdigit() else None
        form = OralPositionForm(initial={"person": person}, people=people)
    return render(
        request,
        "governance/position_record.html",
        {"form": form, "decision": decision, "position_help": POSITION_HELP},
    )
