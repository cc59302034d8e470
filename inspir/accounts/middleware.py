from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from inspir.accounts.models import NetworkRole, Role, User

# Pages a coordinator without a second factor may still reach: setting one up, logging out.
ALLOWED_URL_NAMES = {
    "account_logout",
    "account_reauthenticate",
    "accounts_my_data",
    "set_language",
}
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def lacks_required_second_factor(user: User) -> bool:
    """Coordinators and staff must have a second factor; one query for any user."""
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
        return False
    is_staff, coordinates, has_second_factor = row
    return (is_staff or coordinates) and not has_second_factor


class RequireTwoFactorMiddleware:
    """Send coordinators and staff who have no second factor to set one up first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not self._is_exempt(request):
            if lacks_required_second_factor(user):  # type: ignore[arg-type]
                messages.warning(
                    request,
                    _(
                        "Your role requires two-factor authentication. Set it up now with an "
                        "authenticator app; it takes a minute."
                    ),
                )
                return redirect("mfa_activate_totp")
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
