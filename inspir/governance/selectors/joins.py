"""Records read joined with their children in one query (a `FilteredRelation`, selected),
kept as Django's prefetch keeps them, so that `record.<relation>.all()` reads nothing more:
one query where a prefetch takes two, for pages whose query count is pinned near its
budget (the meeting page: the meeting with its consultations, the agenda with its
documents; the committee page: the committee with its seat rules)."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Model


def joined[T: Model](rows: Iterable[T], name: str, relation: str) -> list[T]:
    """Records read joined with their children (`FilteredRelation` `name`, selected): each
    record once, in the order read, with its children as if prefetched under `relation`, so
    that `record.<relation>.all()` reads nothing more. One query for both."""
    records: dict[Any, T] = {}
    children: dict[Any, list[Model]] = {}
    for row in rows:
        records.setdefault(row.pk, row)
        child = getattr(row, name, None)  # not set when the record has no child
        found = children.setdefault(row.pk, [])
        if child is not None:
            found.append(child)
    for pk, record in records.items():
        prefetched(record, relation, children[pk])
    return list(records.values())


def prefetched(record: Model, relation: str, related: list[Any]) -> None:
    """`related` kept on `record` as Django's prefetch keeps it (`record.<relation>.all()`),
    each one knowing its `record`."""
    manager = getattr(record, relation)
    for one in related:
        manager.field.set_cached_value(one, record)
    queryset = manager.get_queryset()  # lazy: read from `related`, never from the database
    queryset._result_cache = related
    queryset._prefetch_done = True
    record.__dict__.setdefault("_prefetched_objects_cache", {})[
        manager.field.remote_field.cache_name
    ] = queryset
