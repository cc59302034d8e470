"""Reads for the bottom-up preparation of meetings."""

from typing import Any

from inspir.accounts.permissions import AnyUser
from inspir.governance.models import Meeting


def preparation_context(*, meeting: Meeting, user: AnyUser) -> dict[str, Any]:
    """What `governance/partials/meeting_preparation.html` needs on the meeting page."""
    return {}
