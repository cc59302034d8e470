""" "My work" for the plan's owners (core/my_work.py): the suggestions made to the plans
they own, awaiting their decision, oldest first."""

from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inspir.accounts.permissions import permission_key
from inspir.core.my_work import ITEM_LIMIT, WorkItem, WorkProvider, WorkSection
from inspir.planning.permissions import owned_network_ids
from inspir.planning.selectors.suggestions import TO_DECIDE, awaiting


def planning_work(user: Any) -> Iterator[WorkSection]:
    if owned_network_ids(user) == frozenset():
        return
    found = awaiting(user, limit=ITEM_LIMIT + 1)
    shown = found[:ITEM_LIMIT]
    yield WorkSection(
        key="planning.suggestions",
        order=45,
        title=gettext_lazy("Suggestions to the plan awaiting your decision"),
        items=[
            WorkItem(
                text=_("%(network)s suggests: “%(title)s”")
                % {"network": suggestion.from_network.name, "title": suggestion.title},
                url=suggestion.get_absolute_url() + "#decide",
                action=_("Decide"),
                when=suggestion.created_at.date(),
                when_label=_("Suggested on"),
                detail=_("For the plan of %(network)s") % {"network": suggestion.network.name},
            )
            for suggestion in shown
        ],
        more_url=reverse("planning:suggestion_list") + f"?show={TO_DECIDE}"
        if len(found) > ITEM_LIMIT
        else "",
        more_label=gettext_lazy("Every suggestion awaiting a decision"),
    )


PROVIDER = WorkProvider(name="planning", order=30, sections=planning_work, varies_on=permission_key)
