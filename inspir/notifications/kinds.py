"""The kinds of notice, registered by the apps that own the events (decision 0024).

An app that reports an event to people registers a `NoticeKind` from its
`AppConfig.ready()`: its code, the label the preferences page lists, how a notice of it
reads (`render`, called in the reader's language with the notice's context) and how it is
delivered unless the reader chose otherwise. Notifications names no kind of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from inspir.accounts.models import User

IMMEDIATE = "immediate"
DIGEST = "digest"
IN_APP = "in_app"
DELIVERIES = (IMMEDIATE, DIGEST, IN_APP)


@dataclass(frozen=True)
class NoticeText:
    """How one notice reads, already in the reader's language."""

    title: str  # one line: "Your proposal … was adopted"
    url: str  # where to act or read (a path; the mail layer makes it absolute)
    body: str = ""  # optional longer text (plain)


@dataclass(frozen=True)
class NoticeKind:
    code: str  # "governance.proposal.decided"
    label: Any  # gettext_lazy: what the preferences page lists
    # Run under the recipient's language; raises inspir.core.mail_kinds.MessageGone when the
    # subject no longer exists.
    render: Callable[[dict[str, Any], User], NoticeText]
    # A mail kind of its own for the immediate e-mail (e.g. a meeting invitation with its
    # .ics); None: the generic notice e-mail.
    mail_kind: str | None = None
    default_delivery: str = IMMEDIATE

    def __post_init__(self) -> None:
        if self.default_delivery not in DELIVERIES:
            raise ValueError(f"{self.code}: unknown delivery {self.default_delivery!r}")


_kinds: dict[str, NoticeKind] = {}


def register_notice_kind(kind: NoticeKind) -> None:
    """Add (or replace, by code) a kind of notice; from the owning app's `ready()`."""
    _kinds[kind.code] = kind


def notice_kinds() -> list[NoticeKind]:
    """Every registered kind, by code."""
    return [_kinds[code] for code in sorted(_kinds)]


def notice_kind(code: str) -> NoticeKind:
    """The kind registered as `code`; KeyError when no app registered it."""
    return _kinds[code]


def unregister_notice_kind(code: str) -> None:
    """For tests: take a kind away again."""
    _kinds.pop(code, None)
