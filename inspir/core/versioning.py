"""Concurrent edits are refused, never merged silently (docs/decisions/0005-edit-conflicts.md).

Every editable record inherits `Versioned` (a `version` number). The edit form carries the
version it was loaded from in a hidden field; the service locks the row and compares
(`lock_version`), raising `EditConflict(saved=<the locked record>)` when someone saved since,
and saves through `save_version`, which raises the number. The view hands an `EditConflict`
to `show_edit_conflict`: the form comes back with what the user typed, a message above it,
the hidden version moved to the saved one (so that saving again is a deliberate choice) and
the table `conflicting_fields` builds, shown by `components/edit_conflict.html`.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Model, QuerySet
from django.http import HttpRequest
from django.utils.formats import localize
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inspir.core.errors import Conflict
from inspir.core.forms import add_service_errors

EDIT_CONFLICT_MESSAGE = gettext_lazy(
    "Someone else saved this while you were editing it. Nothing was overwritten: what you "
    "typed is kept below. Compare it with the saved version, then save again."
)


class Versioned(models.Model):
    """An editable record: its `version` rises with every save made through a service."""

    version = models.PositiveIntegerField(default=1)  # optimistic locking of edits

    class Meta:
        abstract = True


class EditConflict(Conflict):
    """The record was saved by someone else after the editor loaded it; nothing was written.
    `saved` is the record as it is now (locked, read inside the refused transaction)."""

    default_message = EDIT_CONFLICT_MESSAGE

    def __init__(self, saved: Any, message: Any = None):
        super().__init__(message)
        self.saved = saved


def lock_version[M: Model](
    source: type[M] | QuerySet[M], pk: Any, version: int | None, **lock: Any
) -> M:
    """The row `pk` of `source` (a model or a queryset, e.g. with `select_related`), locked
    until the transaction ends; `EditConflict` when its version is no longer `version`, the
    one the form was loaded from. `lock` goes to `select_for_update` (e.g. `of=("self",)`)."""
    queryset = source if isinstance(source, QuerySet) else source._default_manager.all()
    current = queryset.select_for_update(**lock).get(pk=pk)
    if current.version != version:  # type: ignore[attr-defined]
        raise EditConflict(saved=current)
    return current


def save_version[M: Model](obj: M, *, update_fields: Iterable[str] | None = None) -> M:
    """Save `obj` with its version raised by one (in the database, so two saves never give
    the same number), then read back the version and any other field set to an expression."""
    obj.version = F("version") + 1  # type: ignore[attr-defined]
    if update_fields is not None:
        update_fields = {*update_fields, "version"}
        if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
            update_fields.add("updated_at")
    obj.save(update_fields=update_fields)
    expressions = [
        field.attname
        for field in obj._meta.concrete_fields
        if hasattr(getattr(obj, field.attname, None), "resolve_expression")
    ]
    obj.refresh_from_db(fields=expressions)
    return obj


# --- What the view shows -------------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """One row of the conflict table: the field's label, what the editor sent (`theirs`) and
    what is saved now (`saved`), both as readable text."""

    name: str
    label: str
    theirs: str
    saved: str


def conflicting_fields(
    form: forms.BaseForm,
    saved: Any,
    *,
    values: Mapping[str, Any] | None = None,
    fields: Iterable[str] | None = None,
) -> list[Difference]:
    """The fields of `form` whose saved value differs from what the editor sent. The saved
    value is `values[name]` when given (in the form's terms, e.g. its `initial` built from
    the saved record), else the record's attribute of that name. Hidden fields are left out."""
    names = (
        list(fields)
        if fields is not None
        else [name for name, field in form.fields.items() if not field.widget.is_hidden]
    )
    cleaned = getattr(form, "cleaned_data", {})
    differences = []
    for name in names:
        field = form.fields[name]
        theirs = cleaned.get(name)
        now = values[name] if values is not None and name in values else getattr(saved, name)
        if _comparable(now) != _comparable(theirs):
            differences.append(
                Difference(
                    name=name,
                    label=str(field.label or name),
                    theirs=readable(field, theirs),
                    saved=readable(field, now),
                )
            )
    return differences


def _comparable(value: Any) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, Model):
        return value.pk
    if hasattr(value, "all") and callable(value.all):  # a related manager
        value = value.all()
    if isinstance(value, QuerySet | list | tuple | set):
        return sorted(str(_comparable(item)) for item in value)
    return value


def readable(field: forms.Field | None, value: Any) -> str:
    """`value` as the form field would name it: a choice's label, a record's name, "yes"."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if hasattr(value, "all") and callable(value.all):
        value = list(value.all())
    if isinstance(value, list | tuple | set | QuerySet):
        return ", ".join(readable(field, item) for item in value)
    if isinstance(value, Model):
        return str(value)
    if isinstance(field, forms.ModelChoiceField):
        found = field.queryset.filter(pk=value).first() if field.queryset is not None else None
        return str(found) if found is not None else str(value)
    choices = getattr(field, "choices", None)
    if choices is not None:
        labels = {str(key): label for key, label in _flat(choices)}
        if str(value) in labels:
            return str(labels[str(value)])
    return str(localize(value))


def _flat(choices: Iterable[Any]) -> Iterable[tuple[Any, Any]]:
    for key, label in choices:
        if isinstance(label, list | tuple):
            yield from _flat(label)
        else:
            yield key, label


def show_edit_conflict(
    request: HttpRequest,
    form: forms.BaseForm,
    conflict: EditConflict,
    *,
    message: Any = None,
    values: Mapping[str, Any] | None = None,
    fields: Iterable[str] | None = None,
    version_field: str = "version",
) -> list[Difference]:
    """Turn `form` into the page that answers an edit conflict: what the user typed stays,
    `message` (or the conflict's own, by default the general one) is shown above the form,
    the hidden version becomes the saved one, and the returned table (for
    `components/edit_conflict.html`, as `conflict` in the context) says which fields
    differ."""
    differences = conflicting_fields(form, conflict.saved, values=values, fields=fields)
    form.add_error(None, message or conflict.text)
    resubmitted = request.POST.copy()
    resubmitted[form.add_prefix(version_field)] = str(conflict.saved.version)
    form.data = resubmitted
    return differences


def save_edit(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[], object],
    *,
    success: Any,
    message: Any = None,
    values: Callable[[Any], Mapping[str, Any]] | None = None,
) -> tuple[bool, list[Difference] | None]:
    """Run the service call that saves `form`'s edit of a versioned record. Saved: the
    `success` message, and (True, None). An edit conflict: the conflict page
    (`show_edit_conflict`, with `values(saved)` as the saved record in the form's terms),
    and (False, its table). Another refusal: on the form (`add_service_errors`), and
    (False, None)."""
    try:
        save()
    except EditConflict as error:
        saved = values(error.saved) if values is not None else None
        return False, show_edit_conflict(request, form, error, message=message, values=saved)
    except ValidationError as error:
        add_service_errors(form, error)
        return False, None
    messages.success(request, success)
    return True, None
