"""Who may open core's own pages: the activity log and the undelivered mail (decision 0020).

The answers belong to the permission vocabulary (`inspir/accounts/permissions.py`), which
sits above core; accounts hands them to core from its `AppConfig.ready()`, so core asks
without importing it. Until they are given, nobody may.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet


@dataclass(frozen=True)
class CoreAccess:
    # The networks whose activity log `user` may read (an empty queryset: none).
    audit_networks: Callable[[Any], QuerySet[Any]]
    # Whether `user` sees the undelivered e-mail and may send it again or set it aside.
    may_oversee_mail: Callable[[Any], bool]


_access: CoreAccess | None = None


def register_access(access: CoreAccess) -> None:
    global _access
    _access = access


def audit_networks(user: Any) -> QuerySet[Any] | None:
    """The networks whose log `user` may read; None when no app said who may."""
    return _access.audit_networks(user) if _access is not None else None


def may_oversee_mail(user: Any) -> bool:
    return _access is not None and _access.may_oversee_mail(user)
