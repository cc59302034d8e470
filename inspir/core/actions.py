"""What each audit action code means, for people reading the activity log.

Every app registers the codes it writes (`audit_log(action=...)`) from its own `actions.py`,
imported in its `AppConfig.ready()`: a sentence in gettext ("%(actor)s forwarded the proposal
%(object)s from %(network_before)s to %(network)s") and the fields its `changes` hold, with
their labels and how their values read. Ids that stand for records (networks, people,
meetings) are resolved by the `register_reference` resolvers, one query per kind for a whole
page; links to the entry's object come from `register_link`, which says which of a page's
objects the reader may open, also in one query per kind. Core imports no domain app for this.

In a sentence, `%(actor)s` is who did it, `%(object)s` the object (linked when the reader may
see it), `%(network)s` the entry's network, `%(<field>)s` a field's new value and
`%(<field>_before)s` its old one (a recorded change of `network` names the new network).
A code nobody registered (older rows) still reads, marked.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext

from inspir.core.models import AuditEntry

# Resolves ids of one kind of record to the names the log shows: {id (str): name}.
Resolver = Callable[[set[str]], Mapping[str, str]]
# The addresses of those of the given object ids `user` may open: {id (str): url}.
Links = Callable[[Any, set[str]], Mapping[str, str]]

EMPTY = "—"
TEXT_LIMIT = 120


@dataclass(frozen=True)
class Field:
    """One key of an entry's `changes`. `ref` names a `register_reference` kind: the values
    are ids of that kind. `show` turns a stored value into words (e.g. a choice's label).
    With `prefix`, the key is `<prefix><id>` (e.g. `participant 12`), the id of kind `ref`,
    and `label` is a format string with `%(name)s`. A `hidden` field (a technical id) is
    left out of the listed changes but still fills its sentence's placeholders."""

    label: Any
    show: Callable[[Any], object] | None = None
    ref: str = ""
    prefix: bool = False
    hidden: bool = False


@dataclass(frozen=True)
class ActionSpec:
    code: str
    sentence: Any
    fields: Mapping[str, Field] = field(default_factory=dict)
    # False when the entry's object no longer exists after the action (a deletion).
    link: bool = True


@dataclass
class ReadableEntry:
    entry: AuditEntry
    sentence: SafeString
    registered: bool
    changes: list[tuple[str, str, str]]


_ACTIONS: dict[str, ActionSpec] = {}
_REFERENCES: dict[str, Resolver] = {}
_LINKS: dict[str, Links] = {}
_GROUPS: dict[str, Any] = {}


def register(
    code: str,
    *,
    sentence: Any,
    fields: Mapping[str, Field] | None = None,
    link: bool = True,
) -> None:
    """Say what `code` means. Registering a code again replaces its description."""
    _ACTIONS[code] = ActionSpec(code=code, sentence=sentence, fields=dict(fields or {}), link=link)


def register_reference(kind: str, resolver: Resolver) -> None:
    _REFERENCES[kind] = resolver


def register_link(object_type: str, links: Links) -> None:
    """Entries whose object is an `object_type` (`app_label.model`) link to it when
    `links(user, ids)` gives an address for its id: only objects the reader may open, looked
    up in one query for the page."""
    _LINKS[object_type] = links


def registered() -> Mapping[str, ActionSpec]:
    return dict(_ACTIONS)


def register_group(prefix: str, label: Any) -> None:
    """Name a prefix of codes (`accounts`, `network.founding`) in the log's filter."""
    _GROUPS[prefix] = label


def action_label(code: str) -> str:
    """How the activity log's filter names a code or a prefix of codes: a described code by
    its sentence with "…" for what varies, a prefix by its registered name, else by its app's
    and its kind of record's names."""
    spec = _ACTIONS.get(code)
    if spec is not None:
        return PLACEHOLDER.sub("…", str(spec.sentence))
    if code in _GROUPS:
        return str(_GROUPS[code])
    parts = code.split(".")
    try:
        app = apps.get_app_config(parts[0])
        model = app.get_model(parts[1].replace("_", "")) if len(parts) == 2 else None
    except LookupError:
        return code
    if model is None:
        return code
    return f"{action_label(parts[0])} — {model._meta.verbose_name}"


def model_field(model: type[models.Model], name: str, **kwargs: Any) -> Field:
    """A `Field` labelled with the model field's name, its values read through its choices."""
    model_field = model._meta.get_field(name)
    choices = dict(getattr(model_field, "flatchoices", None) or [])
    if choices and "show" not in kwargs:
        kwargs["show"] = lambda value: choices.get(value, value)
    return Field(label=getattr(model_field, "verbose_name", name), **kwargs)


def _field_for(spec: ActionSpec | None, key: str) -> tuple[Field | None, str]:
    """The field description of `key` and, for a prefixed key, the id it carries."""
    if spec is None:
        return None, ""
    if key in spec.fields and not spec.fields[key].prefix:
        return spec.fields[key], ""
    for name, described in spec.fields.items():
        if described.prefix and key.startswith(name):
            return described, key[len(name) :]
    return None, ""


def _ids(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [str(item) for item in value if item is not None]
    return [str(value)]


_ISO_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?)?$"
)


def _when(text: str) -> str:
    """A date or a time stamp recorded in ISO form, as the reader's language writes it (time
    stamps in UTC, as the log's first column)."""
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        return text
    if len(text) == 10:
        return date_format(moment.date(), "DATE_FORMAT")
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC)
    return f"{date_format(moment, 'DATETIME_FORMAT')} UTC"


def _plain(value: Any) -> str:
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, list):
        return ", ".join(_plain(item) for item in value)
    if isinstance(value, str) and _ISO_DATE.match(value):
        return _when(value)
    return Truncator(str(value)).chars(TEXT_LIMIT)


def _readable(value: Any, described: Field | None, names: Mapping[str, Mapping[str, str]]) -> str:
    if value is None or value == "" or value == []:
        return EMPTY
    if described is not None and described.ref:
        known = names.get(described.ref, {})
        return ", ".join(known.get(item, f"#{item}") for item in _ids(value)) or EMPTY
    if described is not None and described.show is not None:
        if isinstance(value, list):
            return ", ".join(_plain(described.show(item)) for item in value)
        return _plain(described.show(value))
    return _plain(value)


class _Words(dict[str, str]):
    """A sentence's values; a placeholder with no value reads as a dash, never an error."""

    def __missing__(self, key: str) -> str:
        return EMPTY


PLACEHOLDER = re.compile(r"%\(\w+\)s")
_KEY = re.compile(r"^[a-z_][a-z0-9_]*$")


def describe(entries: Iterable[AuditEntry], *, user: Any) -> list[ReadableEntry]:
    """The entries of one page as sentences in the active language, with their changes
    labelled. Names and links are looked up once per kind for the whole page."""
    entries = list(entries)
    wanted: dict[str, set[str]] = defaultdict(set)
    objects: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        spec = _ACTIONS.get(entry.action)
        for key, change in (entry.changes or {}).items():
            described, carried = _field_for(spec, key)
            if described is None or not described.ref:
                continue
            if carried:
                wanted[described.ref].add(carried)
            if not described.prefix and isinstance(change, list):
                for value in change:
                    wanted[described.ref].update(_ids(value))
        if spec is not None and spec.link and entry.object_id and entry.object_type in _LINKS:
            objects[entry.object_type].add(entry.object_id)
    names = {
        kind: dict(_REFERENCES[kind](ids)) for kind, ids in wanted.items() if kind in _REFERENCES
    }
    openable = {
        object_type: dict(_LINKS[object_type](user, ids)) for object_type, ids in objects.items()
    }
    return [_describe_one(entry, names, openable) for entry in entries]


def _describe_one(
    entry: AuditEntry,
    names: Mapping[str, Mapping[str, str]],
    openable: Mapping[str, Mapping[str, str]],
) -> ReadableEntry:
    spec = _ACTIONS.get(entry.action)
    changes: list[tuple[str, str, str]] = []
    words = _Words()
    actor = str(entry.actor) if entry.actor is not None else gettext("The platform")
    words["actor"] = conditional_escape(actor)
    words["network"] = conditional_escape(entry.network.name if entry.network else EMPTY)
    shown = entry.object_repr or EMPTY
    link = openable.get(entry.object_type, {}).get(entry.object_id)
    if link:
        words["object"] = format_html('<a href="{}">{}</a>', link, shown)
    else:
        words["object"] = conditional_escape(shown)
    for key, change in (entry.changes or {}).items():
        described, carried = _field_for(spec, key)
        before, after = change if isinstance(change, list) and len(change) == 2 else (None, change)
        before_text = _readable(before, described, names)
        after_text = _readable(after, described, names)
        if described is None:
            label = key
        elif described.prefix:
            name = names.get(described.ref, {}).get(carried, f"#{carried}")
            label = str(described.label) % {"name": name}
        else:
            label = str(described.label)
        if described is None or not described.hidden:
            changes.append((label, before_text, after_text))
        if _KEY.match(key) and key not in ("actor", "object"):
            if not (key == "network" and after_text == EMPTY):
                words[key] = conditional_escape(after_text)
            words[f"{key}_before"] = conditional_escape(before_text)
    if spec is None:
        sentence = format_html(
            '{} <code>{}</code> <em class="unregistered">({})</em>',
            words["actor"],
            entry.action,
            gettext("action not described"),
        )
        return ReadableEntry(entry=entry, sentence=sentence, registered=False, changes=changes)
    # The sentence is escaped before its placeholders are filled, and every value is escaped
    # (or built by format_html): nothing recorded reaches the page as markup.
    text = str(conditional_escape(str(spec.sentence))) % words
    sentence = mark_safe(text)  # noqa: S308
    return ReadableEntry(entry=entry, sentence=sentence, registered=True, changes=changes)
