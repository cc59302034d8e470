from django.conf import settings
from django.http import HttpRequest

from inspir.core.navigation import menu_for


def site(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    return {
        "site_name": settings.SITE_NAME,
        # Entries registered by the apps (core/navigation.py); anonymous visitors pay no
        # query for them.
        "menu": menu_for(user),
    }
