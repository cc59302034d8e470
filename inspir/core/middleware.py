from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

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
