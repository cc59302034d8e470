"""What the library adds to planning's pages (core/related.py): a plan action's page lists
the resources of the library that fulfil it."""

from typing import Any

from django.utils.translation import gettext_lazy

from inspir.core.related import RelatedLink, RelatedSection
from inspir.core.texts import shown_many
from inspir.learning.permissions import reads_library
from inspir.learning.rules import RELATED_LIMIT
from inspir.learning.selectors.access import readable_resources


def action_resources(action: Any, user: Any) -> RelatedSection | None:
    """The resources that fulfil `action`, latest first: one query, and two for their
    titles in the reader's language; none for a reader outside the library."""
    if user is None or not reads_library(user):
        return None
    resources = list(
        readable_resources(user)
        .filter(plan_actions=action)
        .select_related("network")
        .order_by("-starts_on", "-pk")[:RELATED_LIMIT]
    )
    if not resources:
        return None
    titles = shown_many(resources, "title")
    return RelatedSection(
        title=gettext_lazy("Resources of the library that fulfil it"),
        links=tuple(
            RelatedLink(
                text=titles[resource.pk],
                url=resource.get_absolute_url(),
                detail=f"{resource.network.name}, {resource.get_kind_display()}, "
                f"{resource.starts_on.year}",
            )
            for resource in resources
        ),
    )
