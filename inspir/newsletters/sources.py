"""What an issue's items are made of: the website's published posts, the published
positions (advocacy) and the adopted decisions (governance) of the issue's network and the
networks below it. Each kind is one `Source`: the candidates offered to the editor, and the
records an issue names, read in one query per kind whatever their number.

The website's posts are those its `public_posts` selector gives (published, or scheduled
and due)."""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from inspir.newsletters.models import ItemKind
from inspir.newsletters.rules import CANDIDATES_PER_KIND, RECENT

# Network ids: a list, or a subquery of them (`selectors.issues.below_ids`).
NetworkIds = Sequence[int] | QuerySet[Any]


@dataclass(frozen=True)
class Source:
    kind: str
    # The heading of the items of this kind, in the issue and the form.
    label: str | Promise
    # Every record of this kind an issue of the networks `ids` may name (newest first).
    queryset: Callable[[NetworkIds], QuerySet[Any]]
    # The record's own date (for sorting and showing) and its network.
    date: Callable[[Any], datetime.date | datetime.datetime | None]
    title_field: str
    summary_field: str
    # Its public address (a path), or "" when it has no public page.
    public_url: Callable[[Any], str]


# --- Website posts -----------------------------------------------------------------------------


def _posts(network_ids: NetworkIds) -> QuerySet[Any]:
    from inspir.website.selectors import public_posts

    return public_posts().filter(network_id__in=network_ids)


def _post_url(post: Any) -> str:
    return str(post.get_absolute_url())


# --- Positions ---------------------------------------------------------------------------------


def _positions(network_ids: NetworkIds) -> QuerySet[Any]:
    from inspir.advocacy.models import Position

    return (
        Position.objects.filter(network_id__in=network_ids, published_at__isnull=False)
        .select_related("network")
        .order_by("-published_at", "-pk")
    )


def _position_url(position: Any) -> str:
    return reverse("advocacy:public_detail", kwargs={"pk": position.pk})


# --- Decisions ---------------------------------------------------------------------------------


def _decisions(network_ids: NetworkIds) -> QuerySet[Any]:
    from inspir.governance.models import Decision, Outcome

    return (
        Decision.objects.filter(
            committee__network_id__in=network_ids,
            outcome__in=[Outcome.ADOPTED, Outcome.AMENDED],
        )
        .select_related("committee__network")
        .order_by("-decided_at", "-pk")
    )


SOURCES: dict[str, Source] = {
    ItemKind.POST: Source(
        kind=ItemKind.POST,
        label=_("News"),
        queryset=_posts,
        date=lambda post: post.publish_at,
        title_field="title",
        summary_field="summary",
        public_url=_post_url,
    ),
    ItemKind.POSITION: Source(
        kind=ItemKind.POSITION,
        label=_("Positions"),
        queryset=_positions,
        date=lambda position: position.published_at,
        title_field="title",
        summary_field="summary",
        public_url=_position_url,
    ),
    ItemKind.DECISION: Source(
        kind=ItemKind.DECISION,
        label=_("Decisions"),
        queryset=_decisions,
        date=lambda decision: decision.decided_at,
        title_field="title",
        summary_field="statement",
        # A decision's page is for the network's members: the issue carries its text.
        public_url=lambda decision: "",
    ),
}


def network_of(record: Any) -> Any:
    committee = getattr(record, "committee", None)
    return committee.network if committee is not None else record.network


def candidates(network_ids: NetworkIds) -> dict[str, list[Model]]:
    """The recent records of each kind an editor may put in an issue: one query per kind."""
    since = timezone.now() - RECENT
    found: dict[str, list[Model]] = {}
    for kind, source in SOURCES.items():
        rows = list(source.queryset(network_ids)[: CANDIDATES_PER_KIND * 2])
        found[kind] = [
            row for row in rows if (when := source.date(row)) is None or _moment(when) >= since
        ][:CANDIDATES_PER_KIND]
    return found


def _moment(value: datetime.date | datetime.datetime) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value
    return datetime.datetime.combine(value, datetime.time(), tzinfo=datetime.UTC)


def records(
    wanted: Iterable[tuple[str, int]], network_ids: NetworkIds
) -> dict[tuple[str, int], Model]:
    """The records named by (kind, id) that an issue of `network_ids` may still show (a post
    withdrawn or a position unpublished since is left out): one query per kind named."""
    by_kind: dict[str, set[int]] = {}
    for kind, object_id in wanted:
        if kind in SOURCES:
            by_kind.setdefault(kind, set()).add(object_id)
    found: dict[tuple[str, int], Model] = {}
    for kind, ids in by_kind.items():
        for row in SOURCES[kind].queryset(network_ids).filter(pk__in=sorted(ids)):
            found[(kind, row.pk)] = row
    return found
