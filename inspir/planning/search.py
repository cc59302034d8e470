"""What planning lets people find in the platform-wide search (core/search.py): the plan's
actions and the stakeholders of the context analyses, found only by those who read that
network's plan, through the same scoped querysets as their pages."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from inspir.accounts.permissions import AnyUser
from inspir.core.search import (
    SearchDocument,
    SearchProvider,
    every_language_words,
    summary_lines,
)
from inspir.planning.models import PlanAction, Stakeholder
from inspir.planning.permissions import readable_network_ids
from inspir.planning.selectors.access import readable_actions, readable_stakeholders


def readable_key(user: AnyUser) -> Any:
    return readable_network_ids(user)


def action_document(action: PlanAction) -> SearchDocument:
    return SearchDocument(
        object_id=action.pk,
        title=action.title,
        text=every_language_words(action, "title", "description"),
        summaries=summary_lines(
            action.network.name, action.period.name, action.get_domain_display()
        ),
        url_name="planning:action_detail",
        url_kwargs={"pk": action.pk},
    )


def stakeholder_document(stakeholder: Stakeholder) -> SearchDocument:
    return SearchDocument(
        object_id=stakeholder.pk,
        title=stakeholder.name,
        text=every_language_words(stakeholder, "interest", "notes"),
        summaries=summary_lines(stakeholder.network.name, stakeholder.get_kind_display()),
        url_name="planning:stakeholder_detail",
        url_kwargs={"pk": stakeholder.pk},
    )


PROVIDERS = [
    SearchProvider(
        kind="planning.action",
        label=_("Plan actions"),
        order=70,
        model=PlanAction,
        document=action_document,
        visible=readable_actions,
        visibility_key=readable_key,
        queryset=lambda: PlanAction.objects.select_related("network", "period"),
    ),
    SearchProvider(
        kind="planning.stakeholder",
        label=_("Stakeholders"),
        order=80,
        model=Stakeholder,
        document=stakeholder_document,
        visible=readable_stakeholders,
        visibility_key=readable_key,
        queryset=lambda: Stakeholder.objects.select_related("network"),
    ),
]
