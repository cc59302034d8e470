"""The slot finder of a committee, and the page where one sets one's acceptable hours.
Thin: reads from `selectors.slots`, the ranking from `governance.slots` (pure), writes via
`services.slots`."""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from inspir.core.errors import found_or_404
from inspir.core.my_work import next_profile_step_url
from inspir.core.submit_once import submit_once
from inspir.core.time import reader_zone
from inspir.governance import slots
from inspir.governance.forms.slots import AvailableHoursForm, SlotSearchForm
from inspir.governance.permissions import can_govern
from inspir.governance.selectors import slots as selectors
from inspir.governance.services import slots as services

TOP_SLOTS = 10


def _schedule_link(base: str | None, slot: slots.Slot, minutes: int) -> str | None:
    if base is None:
        return None
    query = urlencode({"starts_at": f"{slot.starts_at:%Y-%m-%dT%H:%M}Z", "minutes": minutes})
    return f"{base}?{query}"


@login_required
@require_http_methods(["GET", "HEAD"])
def slot_finder(request: HttpRequest, slug: str) -> HttpResponse:
    """A search that writes nothing, so a plain GET form."""
    committee = found_or_404(selectors.readable_committee_get, user=request.user, slug=slug)
    zone = reader_zone(request.user, committee.time_zone)
    submitted = "from_date" in request.GET
    form = SlotSearchForm(
        request.GET if submitted else None, initial=SlotSearchForm.initial_values()
    )
    context: dict[str, Any] = {"committee": committee, "form": form, "zone": zone}
    if submitted and form.is_valid():
        data = form.cleaned_data
        members, series = selectors.slot_members(committee=committee, first_day=data["from_date"])
        ranking = slots.find_slots(
            members=members,
            first_day=data["from_date"],
            last_day=data["to_date"],
            minutes=data["minutes"],
            include_weekends=data["include_weekends"],
            limit=TOP_SLOTS,
            series=[meeting.starts_at for meeting in series],
        )
        base = (
            reverse("governance:meeting_create", kwargs={"slug": committee.network.slug})
            if can_govern(request.user, committee.network)
            else None
        )
        context.update(
            members=members,
            series=series,
            series_first=series[0].starts_at if series else None,
            series_last=series[-1].starts_at if series else None,
            limited=[member for member in members if member.has_limits],
            results=[
                {"slot": slot, "schedule_url": _schedule_link(base, slot, data["minutes"])}
                for slot in ranking.slots
            ],
            rotation=ranking.rotation,
            fairness=ranking.fairness,
            recent_meetings=slots.RECENT_MEETINGS,
        )
    return render(request, "governance/slot_finder.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@submit_once
def available_hours(request: HttpRequest) -> HttpResponse:
    person = request.user.person if request.user.person_id else None  # type: ignore[union-attr]
    if person is None:
        return render(request, "governance/available_hours.html", {"person": None})
    current = selectors.hours_of(person)
    shown = selectors.hours_shown(current)
    saved = None
    if request.method == "POST":
        form = AvailableHoursForm(request.POST, initial=_was(shown))
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.available_hours_set(
                    actor=request.user,  # type: ignore[arg-type]
                    person=person,
                    earliest=data["earliest"],
                    latest=data["latest"],
                    never_before=data["never_before"],
                    never_after=data["never_after"],
                    expected=form.expected(),
                )
            except services.HoursChanged as stale:
                saved = selectors.hours_shown(stale.current)
                # Keep what the user typed; the next save replaces the hours now saved.
                fresh = request.POST.copy()
                for name, value in _was(saved).items():
                    fresh[name] = "" if value is None else f"{value:%H:%M}"
                form = AvailableHoursForm(fresh)
                form.is_valid()
                form.add_error(None, stale)
            except ValidationError as refused:
                form.add_error(None, refused)
            else:
                messages.success(request, _("Your acceptable meeting hours are saved."))
                if request.GET.get("then") == "profile":
                    # Completing one's profile: on to its next step, or to "my work".
                    return redirect(next_profile_step_url(request.user, after="available_hours"))
                return redirect("governance:available_hours")
    else:
        names = ("earliest", "latest", "never_before", "never_after")
        form = AvailableHoursForm(initial={**dict(zip(names, shown, strict=True)), **_was(shown)})
    return render(
        request,
        "governance/available_hours.html",
        {
            "person": person,
            "form": form,
            "is_default": current is None,
            "saved": saved,
            "middle": slots.night_middle(shown[0], shown[1]),
        },
    )


def _was(hours: selectors.Hours) -> dict[str, Any]:
    """The hidden fields that remember the hours the form showed."""
    names = ("was_earliest", "was_latest", "was_never_before", "was_never_after")
    return dict(zip(names, hours, strict=True))
