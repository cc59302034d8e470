"""Reads for decisions, consent records and follow-ups."""

from typing import Any

from inspir.accounts.permissions import AnyUser
from inspir.governance.models import Meeting


def decisions_context(*, meeting: Meeting, user: AnyUser) -> dict[str, Any]:
    """What `governance/partials/meeting_decisions.html` needs on the meeting page."""
    return {}
