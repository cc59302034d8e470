"""Calendar files and feeds: an .ics file per meeting, a public feed per committee, a
personal feed behind a secret address, and the page where a member gets that address.
Thin: reads come from `selectors.calendar`, writes go through `services.calendar`; what is
out of reach is a 404."""

import re
from typing import Any, cast
from urllib.parse import urlsplit, urlunsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from inspir.accounts.models import User
from inspir.core.errors import found_or_404
from inspir.core.site import site_url
from inspir.core.submit_once import submit_once
from inspir.governance.calendar import feed_ics, meeting_ics
from inspir.governance.models import Committee
from inspir.governance.selectors import calendar as selectors
from inspir.governance.services import calendar as services

CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"
# Tokens are URL-safe and fit the column: anything else is not worth a query.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _calendar_response(text: str, *, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(text, content_type=CALENDAR_CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def absolute(path: str) -> str:
    return site_url(path)


def webcal(url: str) -> str:
    """The same address with the webcal scheme, which calendar applications open as a
    subscription rather than a one-off import."""
    parts = urlsplit(url)
    return urlunsplit(("webcal", *parts[1:]))


def meeting_ics_download(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = found_or_404(selectors.meeting_for_ics, user=request.user, pk=pk)
    filename = f"{slugify(meeting.title) or 'meeting'}-{meeting.pk}.ics"
    response = _calendar_response(meeting_ics(meeting), filename=filename, attachment=True)
    if not meeting.agenda_is_published:
        response["Cache-Control"] = "private"
    return response


def committee_feed(request: HttpRequest, slug: str) -> HttpResponse:
    committee = found_or_404(selectors.public_committee_get, slug=slug)
    meetings = selectors.committee_feed_meetings(committee=committee)
    text = feed_ics(meetings, name=str(committee))
    return _calendar_response(text, filename=f"{committee.network.slug}.ics", attachment=False)


def person_feed(request: HttpRequest, token: str) -> HttpResponse:
    if not TOKEN_PATTERN.fullmatch(token):
        raise Http404
    feed = found_or_404(selectors.feed_get, token=token)
    meetings = selectors.person_feed_meetings(user=feed.user)
    text = feed_ics(meetings, name=_("My INSP!R meetings"))
    response = _calendar_response(text, filename="inspir.ics", attachment=False)
    # The address is a secret and the feed personal: keep it out of every cache (shared
    # computers' browsers, proxies) and out of search engines.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _committee_feed_row(committee: Committee) -> dict[str, Any]:
    url = absolute(reverse("governance:committee_feed", kwargs={"slug": committee.network.slug}))
    return {"committee": committee, "url": url, "webcal": webcal(url)}


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def calendar_feed_settings(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)  # logged in: see login_required
    if request.method == "POST":
        try:
            if request.POST.get("action") == "renew":
                services.calendar_feed_renew(actor=user)
                messages.success(
                    request,
                    _(
                        "Your calendar address is renewed. The old address no longer works: "
                        "subscribe again with the new one."
                    ),
                )
            else:
                services.calendar_feed_create(actor=user)
                messages.success(request, _("Your calendar address is ready."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("governance:calendar_feed_settings")
    feed = selectors.user_feed(user=user)
    feed_url = (
        absolute(reverse("governance:person_feed", kwargs={"token": feed.token}))
        if feed is not None
        else ""
    )
    committees = [
        _committee_feed_row(committee) for committee in selectors.reachable_committees(user=user)
    ]
    context: dict[str, Any] = {
        "feed": feed,
        "feed_url": feed_url,
        "feed_webcal": webcal(feed_url) if feed_url else "",
        "has_person": user.person_id is not None,
        "has_meetings": selectors.holds_a_seat_or_invitation(user=user),
        "committees": committees,
    }
    return render(request, "governance/calendar_feed_settings.html", context)
