"""One vocabulary for what services refuse, shared by every app.

A service raises one of these on purpose; the view turns it into what the reader sees:

- `Refused`: the actor may not do this. It *is* Django's `PermissionDenied`, so left
  uncaught it gives the platform's 403 page, as before.
- `NotFound`: what the service was asked about does not exist (or is out of the actor's
  reach). It *is* Django's `Http404`, so left uncaught it gives the 404 page.
- `Invalid`: the input breaks a rule; a translated message, or field errors
  (`{"field": message}`). It *is* a `ValidationError`, so `add_service_errors` (and any view
  catching `ValidationError`) shows it on the form.
- `Conflict`: the record changed since the actor loaded it; nothing was written. Also a
  `ValidationError` (a view that does not show a conflict table still says what happened);
  edits of versioned records raise its subclass `inspir.core.versioning.EditConflict`,
  which carries the saved record.

Domains subclass these where a name says more (`InputConflictError`,
`InvitationUnusableError`); they never define a refusal outside this family.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _


class ServiceError(Exception):
    """Base of every refusal a service raises on purpose."""

    @property
    def text(self) -> str:
        """The refusal as one sentence for a message or a form's top."""
        messages = getattr(self, "messages", None)
        if messages:
            return " ".join(str(message) for message in messages)
        return str(self.args[0]) if self.args else ""


class Refused(ServiceError, PermissionDenied):
    """The actor may not do this (a 403 at the view edge)."""

    def __init__(self, message: Any = None):
        super().__init__(message or _("You may not do this."))


class NotFound(ServiceError, Http404):
    """The record does not exist or is out of the actor's reach (a 404 at the view edge)."""

    def __init__(self, message: Any = None):
        super().__init__(message or _("This page does not exist."))


class Invalid(ServiceError, ValidationError):
    """The input breaks a rule: `Invalid(message)` or `Invalid({"field": message})`, with
    gettext messages, as `ValidationError` takes them."""

    def __init__(self, message: Any, code: str | None = None, params: Any = None):
        ValidationError.__init__(self, message, code=code, params=params)


class Conflict(ServiceError, ValidationError):
    """The record changed after the actor loaded it; nothing was written."""

    default_message = _(
        "Someone else saved this while you were editing it. Nothing was overwritten."
    )

    def __init__(self, message: Any = None, code: str = "conflict"):
        ValidationError.__init__(self, message or self.default_message, code=code)


def found_or_404[T](fetch: Callable[..., T], /, **kwargs: Any) -> T:
    """What a selector fetches for a view, or the 404 page where it finds nothing: the one
    way a view says that a record is missing or out of the reader's reach."""
    try:
        return fetch(**kwargs)
    except ObjectDoesNotExist as missing:
        raise Http404 from missing
