"""What advocacy holds about a person, for "download all my data" and erasure
(core/personal_data.py's registry): the positions, submissions, campaigns and alliances
they recorded. They are the network's record: erasure keeps them, with the person removed."""

from typing import Any

from inspir.advocacy.models import Alliance, Campaign, Position, Submission
from inspir.core.personal_data import PersonalDataProvider, Subject


def _export(subject: Subject) -> dict[str, Any]:
    user = subject.user
    return {
        "advocacy_positions": list(
            Position.objects.filter(created_by=user)
            .order_by("pk")
            .values("pk", "title", "network__name", "status", "created_at")
        ),
        "advocacy_submissions": list(
            Submission.objects.filter(created_by=user)
            .order_by("pk")
            .values("pk", "position__title", "target_name", "submitted_on", "created_at")
        ),
        "advocacy_campaigns": list(
            Campaign.objects.filter(created_by=user)
            .order_by("pk")
            .values("pk", "title", "network__name", "created_at")
        ),
        "advocacy_alliances": list(
            Alliance.objects.filter(created_by=user)
            .order_by("pk")
            .values("pk", "name", "network__name", "created_at")
        ),
    }


def _erase(subject: Subject) -> None:
    """Each record is kept, without who recorded it."""
    user = subject.user
    for model in (Position, Submission, Campaign, Alliance):
        model.objects.filter(created_by=user).update(created_by=None)  # type: ignore[attr-defined]


ADVOCACY_PROVIDER = PersonalDataProvider(
    name="advocacy",
    models=(
        "advocacy.Position",
        "advocacy.Submission",
        "advocacy.Campaign",
        "advocacy.Alliance",
    ),
    export=_export,
    erase=_erase,
)
