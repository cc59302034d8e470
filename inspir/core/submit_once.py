"""Exactly-once form submission.

Every form that creates something, changes something or sends e-mail carries a one-time
token (`{% submit_once %}` in its template, from the `submit_once` tag library), and its
view is wrapped with `@submit_once`. A submit claims the token by inserting a
`FormSubmission` row in its own committed transaction; the unique token makes the database
decide which of several identical submits (a double click, a browser retry, Back and submit
again, two at the same instant on two servers) does the work. The others wait for its
result and land on the same page, told that the form was already sent.

- One token per *rendered* form: opening the form twice gives two tokens, so two people, or
  one person on purpose, creating two similar meetings still get two meetings.
- A view that answers with the form again (invalid input, a conflict) releases the claim,
  and the re-rendered form carries a new token: the corrected form can be sent.
- A token is signed with the user it was rendered for: a forged, altered or foreign token,
  or one older than `MAX_AGE` (whose claim may have been purged), is refused as an
  out-of-date page, never run.
- A POST without a token (scripts, older tests) is handled as before, without the guarantee.

The claim must commit before the view runs, so this relies on requests not being wrapped in
one transaction (`ATOMIC_REQUESTS` off, Django's default)."""

import datetime
import functools
import secrets
import time
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from inspir.core.models import FormSubmission
from inspir.core.page_cache import shared_with_visitors

FIELD = "form_token"
SALT = "inspir.core.submit_once"
# A form may stay open over a long weekend; claims are kept as long as tokens are valid.
MAX_AGE = datetime.timedelta(days=7)
# How long a repeat waits for the first submit's result before saying it is in progress.
WAIT_SECONDS = 5.0
POLL_SECONDS = 0.1
MARKER = "submit_once"

View = Callable[..., HttpResponse]


def _user_pk(request: HttpRequest) -> int | None:
    user = getattr(request, "user", None)
    return user.pk if user is not None and user.is_authenticated else None


def new_token(request: HttpRequest) -> str:
    """A signed one-time token for a form rendered for this request's user."""
    return signing.dumps({"t": secrets.token_urlsafe(16), "u": _user_pk(request)}, salt=SALT)


def token_input(request: HttpRequest) -> str:
    """The hidden input holding a new token, or nothing on a page visitors may share (the
    public page cache): every form rendered for one reader, signed in or not, gets its own."""
    if shared_with_visitors(request):
        return ""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token(request))


def read_token(value: str, request: HttpRequest) -> str | None:
    """The token's random part, or None when the value is not one this site signed for
    this user within `MAX_AGE`."""
    try:
        data = signing.loads(value, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(data, dict) or data.get("u") != _user_pk(request):
        return None
    token = data.get("t")
    return token if isinstance(token, str) and 0 < len(token) <= 32 else None


def out_of_date(request: HttpRequest) -> HttpResponse:
    """Refuse a form whose token this site cannot vouch for: show the page as it is now."""
    messages.warning(request, _("This page is out of date; here is the current version."))
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(referer)
    return redirect(request.get_full_path())


def _claim(token: str, request: HttpRequest) -> bool:
    try:
        with transaction.atomic():
            FormSubmission.objects.create(token=token, user_id=_user_pk(request), path=request.path)
    except IntegrityError:
        return False
    return True


def _release(token: str) -> None:
    FormSubmission.objects.filter(token=token, status=FormSubmission.Status.PENDING).delete()


def _is_redirect(response: HttpResponse) -> bool:
    return 300 <= response.status_code < 400 and bool(response.get("Location"))


def _repeat(token: str, request: HttpRequest) -> HttpResponse | None:
    """The answer to a repeat of a claimed token; None once the claim was released, so
    that this submit may claim it in turn."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        first = FormSubmission.objects.filter(token=token).first()
        if first is None:
            return None
        if first.user_id != _user_pk(request) or first.path != request.path:
            return out_of_date(request)
        if first.status == FormSubmission.Status.DONE:
            messages.info(request, _("This form was already sent; here is the result."))
            return redirect(first.result_url)
        if time.monotonic() >= deadline:
            return render(
                request,
                "core/submit_pending.html",
                {"form_url": request.get_full_path()},
                status=202,
            )
        time.sleep(POLL_SECONDS)


def submit_once(view: View) -> View:
    """Do a form's work once per rendered form (see the module's doc). Put it closest to
    the view, below `login_required` and the method checks."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "POST" or FIELD not in request.POST:
            return view(request, *args, **kwargs)
        token = read_token(request.POST[FIELD], request)
        if token is None:
            return out_of_date(request)
        deadline = time.monotonic() + WAIT_SECONDS
        while not _claim(token, request):
            answer = _repeat(token, request)
            if answer is not None:
                return answer
            if time.monotonic() >= deadline:  # claimed and released over and over
                return out_of_date(request)
        try:
            response = view(request, *args, **kwargs)
        except BaseException:
            _release(token)
            raise
        if _is_redirect(response):
            FormSubmission.objects.filter(token=token).update(
                status=FormSubmission.Status.DONE, result_url=response["Location"]
            )
        else:
            # The form is shown again (invalid input, a conflict): nothing was done, and the
            # corrected form, with its new token, may be sent.
            _release(token)
        return response

    setattr(wrapper, MARKER, True)
    return wrapper


def is_submit_once(view: Callable[..., Any]) -> bool:
    """Whether `view`, under any decorators that keep `__wrapped__`, is `@submit_once`."""
    while view is not None:
        if getattr(view, MARKER, False):
            return True
        view = getattr(view, "__wrapped__", None)  # type: ignore[assignment]
    return False


def submissions_purge(now: datetime.datetime | None = None) -> int:
    """Forget claims older than any token still accepted; returns how many."""
    limit = (now or timezone.now()) - MAX_AGE
    deleted, _by_model = FormSubmission.objects.filter(created_at__lt=limit).delete()
    return deleted
