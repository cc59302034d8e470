"""Change history of tracked records (docs/decisions/0023-change-history.md).

A domain registers a tracked model from its `AppConfig.ready()` (`register`): the fields
whose every saved state is kept, who may open the history (the records that reader may
edit, through the domain's own scoped lookup), and how to restore a state (a save through
the domain's service, which checks the version like any edit). Core names no domain.

The domain's service calls `record(obj, actor=…, before=…)` after it saved a tracked record,
inside its transaction: one `Revision` holds the tracked fields' values, who saved them,
when, and the record's version. `before` (the values before this save, from `snapshot`) is
written first as the starting point when the record has no history yet, so that the state
before the first tracked change can be read and restored too.

`changes` says what differs between two states, field by field, with the fields' labels in
the reader's language; long text is compared line by line. A many-to-many field is kept as
the ids of the linked records and read as their names. `restore` saves a past state
again through the registered service: the version the reader saw is checked (a newer save
is never overwritten silently), the version rises, the restore is a new revision and an
audit entry (`core.revision.restored`).
"""

import contextvars
import datetime
import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Model, QuerySet
from django.utils.formats import localize
from django.utils.translation import gettext as _

from inspir.core.audit import audit_log
from inspir.core.models import Revision


@dataclass(frozen=True)
class Tracked:
    """A model whose history is kept. `name` is its part of the history's address;
    `title(obj)` heads the pages ("Minutes of …"); `editable(user)` is the queryset of the
    records `user` may edit (the history and restoring are theirs only); `restore(obj, *,
    actor, version, values)` saves `values` through the domain's service when `obj` is still
    at `version`; `back_url(obj)` leads back to the record; `network(obj)` is the network the
    audit entry of a restore belongs to."""

    name: str
    model: type[Model]
    fields: tuple[str, ...]
    title: Callable[[Any], str]
    editable: Callable[[Any], QuerySet]
    restore: Callable[..., Any]
    back_url: Callable[[Any], str]
    network: Callable[[Any], Any] = field(default=lambda obj: None)


_registry: dict[str, Tracked] = {}
# The version being restored, while `restore` runs the domain's service (which records).
_restoring: contextvars.ContextVar[int | None] = contextvars.ContextVar("restoring", default=None)


def register(tracked: Tracked) -> None:
    """Called from an app's `ready()`; registering the same name again replaces it."""
    _registry[tracked.name] = tracked


def tracked(name: str) -> Tracked:
    """The registration called `name` (KeyError when there is none)."""
    return _registry[name]


def tracked_for(model: type[Model] | Model) -> Tracked:
    model_class = model if isinstance(model, type) else type(model)
    for spec in _registry.values():
        if spec.model is model_class or issubclass(model_class, spec.model):
            return spec
    raise KeyError(model_class._meta.label)


def registered() -> Mapping[str, Tracked]:
    return dict(_registry)


# --- Writing ------------------------------------------------------------------------------------


def _json_value(value: Any) -> Any:
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def snapshot(obj: Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The tracked fields' values of `obj`, as JSON (a related record by its id)."""
    names = tuple(fields) if fields is not None else tracked_for(obj).fields
    values = {}
    for name in names:
        model_field = obj._meta.get_field(name)
        if model_field.many_to_many:
            # The linked records by id, in a stable order (one query, or the prefetch).
            values[name] = sorted(related.pk for related in getattr(obj, name).all())
            continue
        attname = getattr(model_field, "attname", name)
        values[name] = _json_value(getattr(obj, attname))
    return values


def revisions(obj: Model) -> QuerySet[Revision]:
    """The revisions of `obj`, newest first."""
    return Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=obj.pk,
    )


def record(
    obj: Model,
    *,
    actor: Any,
    fields: Iterable[str] | None = None,
    before: Mapping[str, Any] | None = None,
    note: str = "",
) -> Revision:
    """Keep the state `obj` was just saved in (its version already raised). `before`, the
    values before this save, is kept as the starting point when `obj` has no history yet."""
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    version = obj.version  # type: ignore[attr-defined]
    existing = Revision.objects.filter(content_type=content_type, object_id=obj.pk)
    if before is not None and not existing.exists():
        Revision.objects.create(
            content_type=content_type,
            object_id=obj.pk,
            version=max(version - 1, 0),
            author=None,
            snapshot=dict(before),
        )
    return Revision.objects.create(
        content_type=content_type,
        object_id=obj.pk,
        version=version,
        author=actor if getattr(actor, "is_authenticated", False) else None,
        snapshot=snapshot(obj, fields),
        restored_from=_restoring.get(),
        note=note[:300],
    )


def values_from_snapshot(model: type[Model], values: Mapping[str, Any]) -> dict[str, Any]:
    """A snapshot's values as the model takes them: related records fetched again (None
    when they no longer exist), dates read back."""
    result: dict[str, Any] = {}
    for name, value in values.items():
        model_field = model._meta.get_field(name)
        if model_field.many_to_many:
            related = model_field.related_model._default_manager  # type: ignore[union-attr]
            result[name] = list(related.filter(pk__in=value or []))
        elif model_field.is_relation and value is not None:
            related = model_field.related_model._default_manager  # type: ignore[union-attr]
            result[name] = related.filter(pk=value).first()
        elif isinstance(model_field, models.DateTimeField | models.DateField) and value:
            result[name] = model_field.to_python(value)
        else:
            result[name] = value
    return result


@transaction.atomic
def restore(revision: Revision, *, obj: Model, actor: Any, version: int) -> Any:
    """Save `revision`'s values on `obj` again through the domain's service, provided `obj`
    is still at `version` (the one the reader saw; else `EditConflict`, nothing written)."""
    spec = tracked_for(obj)
    before_version = obj.version  # type: ignore[attr-defined]
    token = _restoring.set(revision.version)
    try:
        saved = spec.restore(
            obj,
            actor=actor,
            version=version,
            values=values_from_snapshot(spec.model, revision.snapshot),
        )
    finally:
        _restoring.reset(token)
    audit_log(
        action="core.revision.restored",
        actor=actor,
        obj=saved,
        network=spec.network(saved),
        changes={
            "restored_version": [None, revision.version],
            "version": [before_version, saved.version],
        },
    )
    return saved


# --- Reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One field that differs between two states: its label in the reader's language, the
    values before and after as text, and for long text the lines (`"added"`, `"removed"`,
    `"same"`, or `"gap"` for unchanged lines left out)."""

    name: str
    label: str
    before: str
    after: str
    lines: tuple[tuple[str, str], ...] = ()


def field_label(model: type[Model], name: str) -> str:
    label = str(model._meta.get_field(name).verbose_name)  # type: ignore[union-attr]
    return label[:1].upper() + label[1:]


def readable_value(model: type[Model], name: str, value: Any) -> str:
    """A snapshot's value as the reader reads it: a choice's label, a record's name."""
    if value is None or value == "" or value == []:
        return ""
    model_field = model._meta.get_field(name)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    choices = getattr(model_field, "flatchoices", None)
    if choices:
        return str(dict(choices).get(value, value))
    if model_field.many_to_many:
        related_records = model_field.related_model._default_manager.filter(pk__in=value)  # type: ignore[union-attr]
        return ", ".join(sorted(str(record) for record in related_records)) or "—"
    if model_field.is_relation:
        related = model_field.related_model._default_manager.filter(pk=value).first()  # type: ignore[union-attr]
        return str(related) if related is not None else "—"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(model_field, models.DateTimeField | models.DateField):
        return str(localize(model_field.to_python(value)))
    return str(localize(value))


def changes(
    model: type[Model],
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any],
    *,
    fields: Iterable[str] | None = None,
    values: bool = True,
) -> list[Change]:
    """What differs from `before` (None: nothing yet) to `after`, field by field. With
    `values=False` only the names and labels (no query for related records)."""
    names = list(fields) if fields is not None else list(after)
    result = []
    for name in names:
        old = (before or {}).get(name)
        new = after.get(name)
        if (old in (None, "", [])) and (new in (None, "", [])) or old == new:
            continue
        label = field_label(model, name)
        if not values:
            result.append(Change(name=name, label=label, before="", after=""))
            continue
        model_field = model._meta.get_field(name)
        lines: tuple[tuple[str, str], ...] = ()
        if isinstance(model_field, models.TextField):
            lines = line_diff(str(old or ""), str(new or ""))
        result.append(
            Change(
                name=name,
                label=label,
                before=readable_value(model, name, old),
                after=readable_value(model, name, new),
                lines=lines,
            )
        )
    return result


def line_diff(before: str, after: str, context: int = 2) -> tuple[tuple[str, str], ...]:
    """`after` against `before`, line by line; unchanged lines farther than `context` from a
    change are left out (one `"gap"` line per run)."""
    marked: list[tuple[str, str]] = []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        mark, text = line[:2], line[2:]
        if mark == "? ":
            continue
        marked.append(({"+ ": "added", "- ": "removed"}.get(mark, "same"), text))
    near: set[int] = set()
    for index, (kind, _text) in enumerate(marked):
        if kind != "same":
            near.update(range(index - context, index + context + 1))
    result: list[tuple[str, str]] = []
    for index, (kind, text) in enumerate(marked):
        if kind == "same" and index not in near:
            if not result or result[-1][0] != "gap":
                result.append(("gap", ""))
            continue
        result.append((kind, text))
    return tuple(result)
