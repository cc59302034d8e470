"""A request id on every log line, so that one visitor's trouble can be found among many.

The middleware gives each request a random id, sends it back as `X-Request-ID` (a person
reporting a problem can quote it) and keeps it for the log lines written while the request is
answered. Django writes its own "Not Found" and error lines after the middleware has
returned, but hands them the request, which carries the id too."""

import contextvars
import copy
import logging
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import log

HEADER = "X-Request-ID"
NO_REQUEST = "-"
current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar(
    "current_request_id", default=NO_REQUEST
)


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        token = current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (`-` outside a request: commands, the worker)."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", None) or current_request_id.get()
        return True


class AdminEmailHandler(log.AdminEmailHandler):
    """Django's report of a server error to ADMINS, with the request's id in the subject: the
    id the visitor quotes finds the mail, and the mail finds the log lines."""

    def emit(self, record: logging.LogRecord) -> None:
        record = copy.copy(record)  # the other handlers keep the message as it was
        record.msg = f"{record.msg} [request {getattr(record, 'request_id', NO_REQUEST)}]"
        super().emit(record)
