"""What the annual report holds about a person, for "download all my data" and erasure
(core/personal_data.py's registry): the editions they asked for. An edition is its
network's publication: erasure keeps it, without who asked for it."""

from typing import Any

from inspir.core.personal_data import PersonalDataProvider, Subject
from inspir.reports.models import Edition


def _export(subject: Subject) -> dict[str, Any]:
    return {
        "report_editions": list(
            Edition.objects.filter(requested_by=subject.user)
            .order_by("pk")
            .values("pk", "network__name", "year", "language", "created_at")
        )
    }


def _erase(subject: Subject) -> None:
    Edition.objects.filter(requested_by=subject.user).update(requested_by=None)


REPORTS_PROVIDER = PersonalDataProvider(
    name="reports", models=("reports.Edition",), export=_export, erase=_erase
)
