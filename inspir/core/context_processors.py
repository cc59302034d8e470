from django.conf import settings
from django.http import HttpRequest

from inspir.accounts.permissions import is_network_member


def site(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    return {
        "site_name": settings.SITE_NAME,
        # Anonymous visitors pay no query for it.
        "is_network_member": bool(user and user.is_authenticated and is_network_member(user)),
    }
