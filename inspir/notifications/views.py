"""The notices' pages: one's list, opening a notice, one's preferences, and the one-click
unsubscribe link of the e-mails (RFC 8058)."""

from django.http import HttpRequest, HttpResponse


def notice_list(request: HttpRequest) -> HttpResponse:
    raise NotImplementedError


def notice_open(request: HttpRequest, pk: int) -> HttpResponse:
    raise NotImplementedError


def notice_read_all(request: HttpRequest) -> HttpResponse:
    raise NotImplementedError


def preferences(request: HttpRequest) -> HttpResponse:
    raise NotImplementedError


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    raise NotImplementedError
