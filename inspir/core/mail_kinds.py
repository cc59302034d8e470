"""What each kind of e-mail says, filled by the apps (decision 0020).

Code that reports a change asks `inspir.core.mail.notify` for a kind of message
("governance.meeting.scheduled") with a context of ids, never rendered text; the worker
renders each message later, in its recipient's language, through the renderer the app that
owns the kind registered from its `AppConfig.ready()`. Core names no kind.

A renderer takes the message's context (the JSON recorded with it) and its `Recipient`, and
returns the `Rendered` message. It runs under `translation.override(recipient.language)`, so
gettext, dates and `reverse()` are already in that language. When what the message is about
no longer exists (a meeting deleted, an invitation withdrawn before the worker came to it)
it raises `MessageGone` with a short reason: the message is then set aside as not sent,
rather than failing again and again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from inspir.core.i18n import language_codes


@dataclass(frozen=True)
class Recipient:
    """Someone a message goes to: the address, the platform language to write in, the name
    to greet them with, and what the message's context holds for them alone (their person's
    id for their time zone, the networks they answer for…)."""

    address: str
    language: str = ""
    name: str = ""
    context: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)


def language_for(spoken: Sequence[str] | None) -> str:
    """The first platform language among `spoken` (most preferred first), else the
    platform's default."""
    return next((code for code in spoken or () if code in language_codes()), settings.LANGUAGE_CODE)


@dataclass(frozen=True)
class Rendered:
    """One message as it goes out. Attachments are (file name, text content, MIME type)."""

    subject: str
    body: str
    html_body: str = ""
    attachments: Sequence[tuple[str, str, str]] = ()
    from_email: str = ""
    reply_to: str = ""
    # Extra header lines ("List-Unsubscribe"), added to those the message was asked with.
    headers: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)


class MessageGoneError(Exception):
    """What the message is about is gone: there is nothing left to tell (the reason, in a
    few words for the undelivered-mail record)."""


# Short name for renderers: `raise MessageGone("meeting 12 no longer exists")`.
MessageGone = MessageGoneError

Renderer = Callable[[dict[str, Any], Recipient], Rendered]

_renderers: dict[str, Renderer] = {}


def register_mail_kind(kind: str, render: Renderer) -> None:
    """Say how to render messages of `kind` (a dotted code, "app.thing.event")."""
    _renderers[kind] = render


def mail_kinds() -> list[str]:
    return sorted(_renderers)


def renderer(kind: str) -> Renderer:
    """The renderer of `kind`; KeyError when no app registered it."""
    return _renderers[kind]
