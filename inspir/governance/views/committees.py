"""Committee pages: the governance home (every committee), a committee's composition, and
the management of its mandates. Thin: reads come from `selectors.committees`, writes go
through `services.committees`; what is out of reach is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from inspir.accounts.permissions import AnyUser
from inspir.core.errors import found_or_404
from inspir.core.forms import add_service_errors, save_form
from inspir.core.page_cache import public_page
from inspir.core.submit_once import submit_once
from inspir.core.time import reader_zone
from inspir.governance.forms.committees import (
    MandateEndForm,
    MandateForm,
    MandateWithdrawForm,
    QuorumForm,
    SeatRuleChangeForm,
    SeatRuleForm,
)
from inspir.governance.models import Committee, Decision, Mandate, MeetingStatus, SeatRule
from inspir.governance.permissions import can_govern
from inspir.governance.selectors import committees as selectors
from inspir.governance.selectors.access import visible_meetings
from inspir.governance.selectors.texts import read_texts
from inspir.governance.services import committees as services

NEXT_MEETINGS = 5


def _governance_links(user: AnyUser) -> list[tuple[str, str]]:
    names = [
        ("governance:meeting_list", _("Meetings")),
        ("governance:proposal_list", _("Proposals")),
        ("governance:decision_list", _("Decisions")),
    ]
    if user.is_authenticated:
        names += [
            ("governance:calendar_feed_settings", _("My calendar")),
            ("governance:available_hours", _("My meeting hours")),
        ]
    return [(reverse(name), label) for name, label in names]


@public_page
def committee_list(request: HttpRequest) -> HttpResponse:
    committees = list(selectors.committee_list())
    return render(
        request,
        "governance/committee_list.html",
        {"committees": committees, "links": _governance_links(request.user)},
    )


@public_page
def committee_detail(request: HttpRequest, slug: str) -> HttpResponse:
    committee = found_or_404(selectors.committee_get, slug=slug, user=request.user)
    composition = selectors.committee_composition(committee)
    readable = bool(committee.readable)  # type: ignore[attr-defined]
    can_manage = bool(committee.manageable)  # type: ignore[attr-defined]
    next_meetings = list(
        visible_meetings(request.user)
        .filter(
            committee=committee,
            status=MeetingStatus.SCHEDULED,
            ends_at__gte=timezone.now(),
        )
        .order_by("starts_at")[:NEXT_MEETINGS]
    )
    # Decisions between meetings: the rounds open now, for those who read the committee.
    open_rounds = (
        list(
            Decision.objects.open_rounds()
            .filter(committee=committee, closes_at__gt=timezone.now())
            .order_by("closes_at", "pk")
        )
        if readable
        else []
    )
    # Their titles in the reader's language.
    read_texts(
        [
            *((meeting, "title") for meeting in next_meetings),
            *((decision, "title") for decision in open_rounds),
        ]
    )
    context = {
        "committee": committee,
        "composition": composition,
        "readable": readable,
        "can_manage": can_manage,
        "may_govern": can_govern(request.user, committee.network),
        "open_rounds": open_rounds,
        "next_meetings": next_meetings,
        "zone": selectors.committee_reader_zone(committee, request.user),
        "links": _governance_links(request.user),
        "slot_finder_url": (
            reverse("governance:slot_finder", kwargs={"slug": slug}) if readable else None
        ),
        "feed_url": reverse("governance:committee_feed", kwargs={"slug": slug}),
    }
    return render(request, "governance/committee_detail.html", context)


def _managed_committee(request: HttpRequest, slug: str) -> Committee:
    return found_or_404(selectors.managed_committee_get, user=request.user, slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def mandate_create(request: HttpRequest, slug: str) -> HttpResponse:
    committee = _managed_committee(request, slug)
    everyone = request.GET.get("people") == "all"
    form = MandateForm(
        request.POST or None,
        rules=selectors.mandate_rule_choices(committee=committee),
        people=selectors.mandate_person_choices(committee=committee, everyone=everyone),
        initial={"start_date": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.mandate_create(
                actor=request.user, committee=committee, **form.cleaned_data
            ),
            success=lambda mandate: (
                _("%(person)s now holds a seat on the committee.") % {"person": mandate.person.name}
            ),
            then=committee.get_absolute_url(),
        )
        if done:
            return done
    return render(
        request,
        "governance/mandate_form.html",
        {"committee": committee, "form": form, "everyone": everyone},
    )


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def mandate_end(request: HttpRequest, pk: int) -> HttpResponse:
    mandate: Mandate = found_or_404(selectors.managed_mandate_get, user=request.user, pk=pk)
    committee = mandate.committee
    form = MandateEndForm(
        request.POST or None,
        initial={
            "end_date": mandate.end_date or timezone.localdate(),
            "seen_end_date": mandate.end_date,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.mandate_end(
                actor=request.user,
                mandate=mandate,
                end_date=form.cleaned_data["end_date"],
                seen_end_date=form.cleaned_data["seen_end_date"],
            )
        except ValidationError as error:
            if getattr(error, "code", None) == "conflict":
                # Show the date saved meanwhile; keep the one the user chose in the field.
                mandate.refresh_from_db(fields=["end_date"])
                data = request.POST.copy()
                data["seen_end_date"] = mandate.end_date.isoformat() if mandate.end_date else ""
                form = MandateEndForm(data)
                form.is_valid()
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The mandate of %(person)s was ended.") % {"person": mandate.person.name},
            )
            return redirect(committee.get_absolute_url())
    return render(
        request,
        "governance/mandate_end.html",
        {"committee": committee, "mandate": mandate, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def mandate_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw a mandate entered by mistake (GET asks for the reason, POST withdraws): those
    who may end it may withdraw it; a withdrawn one is out of reach here (404)."""
    mandate: Mandate = found_or_404(selectors.managed_mandate_get, user=request.user, pk=pk)
    committee = mandate.committee
    form = MandateWithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.mandate_withdraw(
                mandate=mandate, actor=request.user, reason=form.cleaned_data["reason"]
            ),
            success=_("The mandate of %(person)s was withdrawn.") % {"person": mandate.person.name},
            then=reverse("governance:committee_mandates", kwargs={"slug": committee.network.slug}),
        )
        if done:
            return done
    return render(
        request,
        "governance/mandate_withdraw.html",
        {"committee": committee, "mandate": mandate, "form": form},
    )


@login_required
@require_GET
def committee_mandates(request: HttpRequest, slug: str) -> HttpResponse:
    """Every mandate of the committee for those who manage them: past, current and future,
    and apart, those withdrawn as entered by mistake, with who withdrew them, when and why."""
    committee = _managed_committee(request, slug)
    context = {
        "committee": committee,
        "mandates": list(selectors.mandates_of(committee=committee)),
        "withdrawn": list(selectors.withdrawn_mandates_of(committee=committee)),
        "today": timezone.localdate(),
        "zone": reader_zone(request.user, committee.time_zone),
    }
    return render(request, "governance/committee_mandates.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def seat_rule_create(request: HttpRequest, slug: str) -> HttpResponse:
    committee = _managed_committee(request, slug)
    form = SeatRuleForm(
        request.POST or None,
        networks=selectors.rule_network_choices(committee=committee),
        organisations=selectors.rule_organisation_choices(committee=committee),
    )
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.seat_rule_create(
                actor=request.user, committee=committee, **form.cleaned_data
            ),
            success=_("The seat was added to the committee's rules."),
            then=committee.get_absolute_url(),
        )
        if done:
            return done
    return render(
        request, "governance/committee_rule_form.html", {"committee": committee, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def seat_rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    rule: SeatRule = found_or_404(selectors.managed_rule_get, user=request.user, pk=pk)
    committee = rule.committee
    form = SeatRuleChangeForm(
        request.POST or None,
        initial={
            "seats": rule.seats,
            "minimum": rule.minimum,
            "office": rule.office,
            "seen_seats": rule.seats,
            "seen_minimum": rule.minimum,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.seat_rule_update(
                actor=request.user,
                rule=rule,
                seats=data["seats"],
                minimum=data["minimum"],
                seen=(data["seen_seats"], data["seen_minimum"]),
                office=data["office"],
            )
        except ValidationError as error:
            if getattr(error, "code", None) == "conflict":
                # Show the numbers saved meanwhile; keep the ones the user typed.
                rule.refresh_from_db(fields=["seats", "minimum"])
                posted = request.POST.copy()
                posted["seen_seats"], posted["seen_minimum"] = str(rule.seats), str(rule.minimum)
                form = SeatRuleChangeForm(posted)
                form.is_valid()
            add_service_errors(form, error)
        else:
            messages.success(request, _("The seat was changed."))
            return redirect(committee.get_absolute_url())
    return render(
        request,
        "governance/committee_rule_edit.html",
        {"committee": committee, "rule": rule, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def committee_quorum(request: HttpRequest, slug: str) -> HttpResponse:
    committee: Committee = found_or_404(
        selectors.managed_committee_get, user=request.user, slug=slug
    )
    form = QuorumForm(
        request.POST or None,
        initial={"quorum": committee.quorum, "seen_quorum": committee.quorum},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.committee_quorum_set(
                actor=request.user,
                committee=committee,
                quorum=data["quorum"],
                seen=data["seen_quorum"],
            )
        except ValidationError as error:
            if getattr(error, "code", None) == "conflict":
                # Show the rule saved meanwhile; keep the one the user chose.
                committee.refresh_from_db(fields=["quorum"])
                posted = request.POST.copy()
                posted["seen_quorum"] = committee.quorum
                form = QuorumForm(posted)
                form.is_valid()
            add_service_errors(form, error)
        else:
            messages.success(request, _("The quorum was changed."))
            return redirect(committee.get_absolute_url())
    return render(
        request, "governance/committee_quorum.html", {"committee": committee, "form": form}
    )
