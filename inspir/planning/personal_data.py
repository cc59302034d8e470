"""What planning holds about a person, for "download all my data" and erasure
(core/personal_data.py's registry): the actions they lead or wrote, the suggestions they
made or decided, the stakeholder assessments they recorded. The plan is the network's
record: erasure keeps every action, suggestion and assessment, with the person removed
(no lead, no author)."""

from typing import Any

from django.db.models import Q

from inspir.core.personal_data import PersonalDataProvider, Subject
from inspir.planning.models import Assessment, PlanAction, Suggestion


def _led(subject: Subject) -> Q:
    return Q(lead_person=subject.person) if subject.person is not None else Q(pk__in=[])


def _export(subject: Subject) -> dict[str, Any]:
    user = subject.user
    return {
        "plan_actions": list(
            PlanAction.objects.filter(_led(subject) | Q(created_by=user))
            .order_by("pk")
            .values("pk", "title", "network__name", "lead_person_id", "created_by_id", "created_at")
        ),
        "plan_suggestions": list(
            Suggestion.objects.filter(Q(author=user) | Q(decided_by=user))
            .order_by("pk")
            .values(
                "pk",
                "kind",
                "title",
                "description",
                "reason",
                "status",
                "answer",
                "network__name",
                "from_network__name",
                "author_id",
                "decided_by_id",
                "created_at",
                "decided_at",
            )
        ),
        "stakeholder_assessments": list(
            Assessment.objects.filter(recorded_by=user)
            .order_by("pk")
            .values("stakeholder__name", "assessed_on", "influence", "stance", "recorded_at")
        ),
    }


def _erase(subject: Subject) -> None:
    """PlanAction: kept, without its lead person and its writer. Suggestion: kept, without
    its author or the owner who decided it. Assessment: kept, without who recorded it."""
    user = subject.user
    if subject.person is not None:
        PlanAction.objects.filter(lead_person=subject.person).update(lead_person=None)
    PlanAction.objects.filter(created_by=user).update(created_by=None)
    Suggestion.objects.filter(author=user).update(author=None)
    Suggestion.objects.filter(decided_by=user).update(decided_by=None)
    Assessment.objects.filter(recorded_by=user).update(recorded_by=None)


PLANNING_PROVIDER = PersonalDataProvider(
    name="planning",
    models=("planning.PlanAction", "planning.Suggestion", "planning.Assessment"),
    export=_export,
    erase=_erase,
)
