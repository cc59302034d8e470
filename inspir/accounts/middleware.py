from collections.abc import Callable

from allauth.account.authentication import get_authentication_records
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from inspir.accounts.permissions import SECOND_FACTORS, second_factor_standing

__all__ = ["SECOND_FACTORS", "RequireTwoFactorMiddleware", "second_factor_standing"]

# Pages a session may reach before it has passed the second factor: proving or setting one
# up (the `mfa_` pages), confirming the password, logging out, changing the language.
BEFORE_SECOND_FACTOR = {"account_logout", "account_reauthenticate", "set_language"}
# Someone whose role requires a second factor and who has none yet may also take their data
# away or erase their account; a session that has a factor to prove may not (erasing an
# account must not be open to someone who only knows the password).
WITHOUT_A_SECOND_FACTOR_YET = BEFORE_SECOND_FACTOR | {"accounts_my_data"}
# Pages that never look at the session, so that they answer without the database: the
# health check must report a database that does not answer rather than fail on it.
WITHOUT_A_SESSION = {"health"}
SECOND_FACTOR_METHOD = "mfa"  # how allauth records a passed second factor in the session


def session_passed_second_factor(request: HttpRequest) -> bool:
    """Whether *this session* proved a second factor for its user (allauth keeps the record
    of every authentication step of the session). Having an authenticator is not enough: a
    session opened with the password alone has not used it."""
    records = get_authentication_records(request, request.user)  # type: ignore[arg-type]
    return any(record.get("method") == SECOND_FACTOR_METHOD for record in records)


class RequireTwoFactorMiddleware:
    """No internal page for a session that has not passed the second factor its user has,
    and none for coordinators and staff until they have one.

    Every way in (allauth's log-in, the admin's log-in, which hands over to it, an accepted
    invitation) ends here, so the rule does not depend on which door was used."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        url_name = self._url_name(request)
        if url_name in WITHOUT_A_SESSION:
            return self.get_response(request)
        user = request.user
        if user.is_authenticated and url_name is not None and not url_name.startswith("mfa_"):
            required, has_one = second_factor_standing(user)  # type: ignore[arg-type]
            if required and not has_one and url_name not in WITHOUT_A_SECOND_FACTOR_YET:
                messages.warning(
                    request,
                    _(
                        "Your role requires two-factor authentication. Set it up now with an "
                        "authenticator app; it takes a minute."
                    ),
                )
                return redirect("mfa_activate_totp")
            if (
                has_one
                and url_name not in BEFORE_SECOND_FACTOR
                and not session_passed_second_factor(request)
            ):
                messages.info(request, _("Enter a code from your authenticator app to continue."))
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return self.get_response(request)

    @staticmethod
    def _url_name(request: HttpRequest) -> str | None:
        """The name of the page asked for; None for files and unknown addresses."""
        if request.path.startswith(("/static/", "/media/")):
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        return match.url_name or ""
