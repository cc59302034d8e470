from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

# Features the platform never uses, denied so that an injected third party cannot either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer",
        "microphone", "payment", "usb", "interest-cohort",
    )
)  # fmt: skip


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header, which Django does not set itself."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class PersonalPagesNotStoredMiddleware:
    """Marks every response that depends on a session holding something as
    `Cache-Control: private, no-store`: a logged-in member's pages (their networks, people's
    contact details, meetings) must not stay in a shared computer's browser cache, nor in a
    proxy's. A session is only loaded for a logged-in user or a visitor part-way through
    something personal (logging in, a message to show), so anonymous visitors' public pages
    keep their caching (see page_cache.py). Responses that are personal without a session
    (the calendar feed behind a secret address) set the header themselves."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.accessed and not session.is_empty():
            patch_cache_control(response, private=True, no_store=True)
        return response
