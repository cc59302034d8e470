"""What planning adds to governance's pages (core/related.py): a decision's page lists the
plan actions that came from it or were changed by it, for those who read those plans."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inspir.core.related import RelatedLink, RelatedSection
from inspir.core.texts import shown_many
from inspir.network.models import top_down
from inspir.planning.permissions import has_plan
from inspir.planning.selectors.access import readable_actions

# A decision rarely leads to more; the plan's own pages list them all.
LIMIT = 20


def decision_actions(decision: Any, user: Any) -> RelatedSection | None:
    """The plan actions linked to `decision` that `user` reads: one query, and two for their
    titles in the reader's language; none for a reader of no plan."""
    if user is None or not has_plan(user):
        return None
    actions = list(
        readable_actions(user)
        .filter(decisions=decision)
        .select_related("network", "period")
        .order_by(top_down("network__"), "period__starts_on", "pk")[:LIMIT]
    )
    if not actions:
        return None
    titles = shown_many(actions, "title")
    return RelatedSection(
        title=gettext_lazy("Plan actions from this decision"),
        links=tuple(
            RelatedLink(
                text=titles[action.pk],
                url=action.get_absolute_url(),
                detail=_("%(network)s, plan %(period)s")
                % {"network": action.network.name, "period": action.period.name},
            )
            for action in actions
        ),
    )
