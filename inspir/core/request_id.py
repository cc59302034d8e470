"""A request id on every log line, so that one visitor's trouble can be found among many.

The middleware gives each request a random id, sends it back as `X-Request-ID` (a person
reporting a problem can quote it) and keeps it for the log lines written while the request is
answered. Django writes its own "Not Found" and error lines after the middleware has
returned, but hands them the request, which carries the id too."""

import contextvars
import copy
import logging
import threading
import time
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
    id the visitor quotes finds the mail, and the mail finds the log lines.

    The same error (same exception and message) is mailed at most once per `QUIET_SECONDS` by
    each process: with the database down every request fails alike, and a mail for each would
    bury the admins and get the sender blocked. The next report of it says how many were not
    mailed meanwhile; every one is still in the log."""

    QUIET_SECONDS = 300

    def __init__(
        self,
        include_html: bool = False,
        reporter_class: str | None = None,
        using: str | None = None,
    ) -> None:
        super().__init__(include_html=include_html, reporter_class=reporter_class, using=using)
        self._lock = threading.Lock()
        # error -> (when it was last mailed, how many times it was not mailed since)
        self._last_mailed: dict[str, tuple[float, int]] = {}

    @staticmethod
    def _error_of(record: logging.LogRecord) -> str:
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            return f"{type(error).__module__}.{type(error).__qualname__}: {error}"[:500]
        return record.getMessage()[:500]

    def emit(self, record: logging.LogRecord) -> None:
        error = self._error_of(record)
        now = time.monotonic()
        with self._lock:
            last, not_mailed = self._last_mailed.get(error, (None, 0))
            if last is not None and now - last < self.QUIET_SECONDS:
                self._last_mailed[error] = (last, not_mailed + 1)
                return
            self._last_mailed[error] = (now, 0)
        record = copy.copy(record)  # the other handlers keep the message as it was
        record.msg = f"{record.msg} [request {getattr(record, 'request_id', NO_REQUEST)}]"
        if not_mailed:
            record.msg += f" (and {not_mailed} more like it, not mailed)"
        super().emit(record)
