"""What advocacy lets people find in the platform-wide search (core/search.py): positions,
found by those who read their network and, once published, by everyone, through the same
scoped queryset as their page."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from inspir.accounts.permissions import AnyUser
from inspir.advocacy.models import Position
from inspir.advocacy.permissions import readable_network_ids
from inspir.advocacy.selectors.access import readable_positions
from inspir.core.search import (
    SearchDocument,
    SearchProvider,
    every_language_words,
    summary_lines,
)


def searchable_positions(user: AnyUser) -> QuerySet[Position]:
    """What the search finds for `user`: the positions they read. A visitor finds none: the
    hit leads to the members' page; the published ones are listed on their public pages."""
    if not user.is_authenticated:
        return Position.objects.none()
    return readable_positions(user)


def readable_key(user: AnyUser) -> Any:
    return (user.is_authenticated, readable_network_ids(user))


def position_document(position: Position) -> SearchDocument:
    return SearchDocument(
        object_id=position.pk,
        title=position.title,
        text=" ".join(
            [every_language_words(position, "title", "summary", "body"), position.demand_list]
        ),
        summaries=summary_lines(position.network.name, position.get_status_display()),
        url_name="advocacy:position_detail",
        url_kwargs={"pk": position.pk},
    )


PROVIDERS = [
    SearchProvider(
        kind="advocacy.position",
        label=_("Positions"),
        order=85,
        model=Position,
        document=position_document,
        visible=searchable_positions,
        visibility_key=readable_key,
        queryset=lambda: Position.objects.select_related("network"),
    ),
]
