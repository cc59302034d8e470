from collections.abc import Callable

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from inspir.accounts.models import NetworkRole, Role, User

# Pages a person may reach before their session has passed the second factor: setting one
# up or proving it (the `mfa_` pages), confirming the password, logging out, leaving.
ALLOWED_URL_NAMES = {
    "account_logout",
    "account_reauthenticate",
    "accounts_my_data",
    "set_language",
}
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
SECOND_FACTOR_METHOD = "mfa"  # how allauth records a passed second factor in the session


def session_passed_second_factor(request: HttpRequest) -> bool:
    """Whether *this session* proved a second factor for its user (allauth keeps the record
    of every authentication step of the session). Having an authenticator is not enough: a
    session opened with the password alone has not used it."""
    records = get_authentication_records(request, request.user)  # type: ignore[arg-type]
    return any(record.get("method") == SECOND_FACTOR_METHOD for record in records)


def second_factor_standing(user: User) -> tuple[bool, bool]:
    """(must have a second factor, has one), in one query: coordinators and staff must."""
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            coordinates=Exists(
                NetworkRole.objects.filter(user=OuterRef("pk"), role=Role.COORDINATOR)
            ),
            has_second_factor=Exists(
                Authenticator.objects.filter(user=OuterRef("pk"), type__in=SECOND_FACTORS)
            ),
        )
        .values_list("is_staff", "coordinates", "has_second_factor")
        .first()
    )
    if row is None:
        return False, False
    is_staff, coordinates, has_second_factor = row
    return bool(is_staff or coordinates), bool(has_second_factor)


class RequireTwoFactorMiddleware:
    """No internal page for a session that has not passed the second factor its user has,
    and none for coordinators and staff until they have one.

    Every way in (allauth's log-in, the admin's log-in, which hands over to it, an accepted
    invitation) ends here, so the rule does not depend on which door was used."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not self._is_exempt(request):
            required, has_one = second_factor_standing(user)  # type: ignore[arg-type]
            if required and not has_one:
                messages.warning(
                    request,
                    _(
                        "Your role requires two-factor authentication. Set it up now with an "
                        "authenticator app; it takes a minute."
                    ),
                )
                return redirect("mfa_activate_totp")
            if has_one and not session_passed_second_factor(request):
                messages.info(request, _("Enter a code from your authenticator app to continue."))
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return self.get_response(request)

    @staticmethod
    def _is_exempt(request: HttpRequest) -> bool:
        if request.path.startswith(("/static/", "/media/")):
            return True
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True
        name = match.url_name or ""
        return name.startswith("mfa_") or name in ALLOWED_URL_NAMES
