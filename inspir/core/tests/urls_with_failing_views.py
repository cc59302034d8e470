"""The platform's URLs plus views that fail, to see the error pages a visitor would get."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import handler400, handler403, handler404, handler500
from config.urls import urlpatterns as platform_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a fault no visitor should read about: SECRET_TRACEBACK_MARKER")


def database_down(request: HttpRequest) -> HttpResponse:
    raise OperationalError("database is locked")


def forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def form(request: HttpRequest) -> HttpResponse:
    """A form's target: a POST without the form's token never reaches it."""
    return HttpResponse("sent")


def broken_context_processor(request: HttpRequest) -> dict[str, object]:
    raise OperationalError("database is locked")


urlpatterns = [
    *platform_urlpatterns,
    *i18n_patterns(
        path("broken/", broken),
        path("database-down/", database_down),
        path("forbidden/", forbidden),
        path("form/", form),
        prefix_default_language=True,
    ),
]
