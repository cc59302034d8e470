"""Names in the reader's alphabetical order, on SQLite and PostgreSQL alike.

Neither engine sorts "Bénin" before "Burundi" by itself (SQLite compares code points, and
PostgreSQL's order depends on how the server was installed). So each name that lists are
sorted by is stored a second time, per platform language, as a *sort key*: a string whose
plain code-point order is the language's alphabetical order — case and accents folded,
letters such as æ, ø, ł read as the letters they are written with, and Spanish ñ a letter of
its own after n. `SortKeyField` keeps the key of its source field up to date on every save
(also `bulk_create`, and `save(update_fields=...)` through `SortKeysMixin`) and compares
bytewise on PostgreSQL ("C" collation), as SQLite does, so an index serves the order.

Lists are ordered with `name_order()`, which names the column of the reader's language.
Short lists whose names are not stored (countries, from CLDR) are sorted in Python with the
same key (`collated`). The folded form without any language's tailoring (`folded`) is what
accent- and case-insensitive search compares."""

import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from django.db import models
from django.db.models import Q

from inspir.core.i18n import current_language

# Letters that carry no accent to take off but are read as other letters when ordering.
_BASE_LETTERS = str.maketrans(
    {"æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ı": "i", "þ": "th"}
)
# After every letter: a letter sorted on its own right after its base letter (Spanish ñ).
_AFTER_BASE_LETTER = "\U0010fffd"
_TAILORING = {"es": {"ñ": "n" + _AFTER_BASE_LETTER}}
SORT_KEY_LENGTH = 255
# A language whose alphabet needs no tailoring: its key is the folded name, which search
# compares (`name_contains`).
FOLDED_LANGUAGE = "en"


def folded(text: str) -> str:
    """`text` without case or accents, its spaces collapsed: "Santé  Bénin" → "sante benin"."""
    return _fold(text, {})


def sort_key(text: str, language: str) -> str:
    """A string whose code-point order is `text`'s place in `language`'s alphabetical order."""
    return _fold(text, _TAILORING.get(language[:2], {}))[:SORT_KEY_LENGTH]


def _fold(text: str, tailoring: dict[str, str]) -> str:
    text = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    for letter, key in tailoring.items():
        text = text.replace(letter, key)
    decomposed = unicodedata.normalize("NFKD", text.translate(_BASE_LETTERS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def name_order(prefix: str = "", *, language: str | None = None) -> str:
    """The sort key column of the reader's language, for `order_by`: `name_order()` is
    `"name_sort_fr"` for a French reader, `name_order("person__")` orders by the person's."""
    return f"{prefix}name_sort_{language or current_language()}"


def name_contains(word: str, prefix: str = "") -> Q:
    """Rows whose name contains `word`, whatever the case and accents of either: "sante"
    and "SANTÉ" find "Mutuelle de santé", "espana" finds "España"."""
    wanted = folded(word)
    if not wanted:
        return Q(pk__in=[])
    return Q(**{f"{prefix}name_sort_{FOLDED_LANGUAGE}__contains": wanted})


def collated[T](
    items: Iterable[T], *, name: Callable[[T], Any] = str, language: str | None = None
) -> list[T]:
    """`items` in the reader's alphabetical order of `name(item)`: for short lists whose names
    are not stored (countries), never for tables that grow."""
    language = language or current_language()
    return sorted(items, key=lambda item: (sort_key(str(name(item)), language), str(name(item))))


class SortKeyField(models.CharField):
    """The sort key of the field `source` in `language`, computed whenever the row is saved."""

    def __init__(self, *args: Any, source: str = "name", language: str = "en", **kwargs: Any):
        self.source = source
        self.language = language
        kwargs.setdefault("max_length", SORT_KEY_LENGTH)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("db_index", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        kwargs["language"] = self.language
        for option, default in [
            ("max_length", SORT_KEY_LENGTH),
            ("editable", False),
            ("db_index", True),
            ("default", ""),
        ]:
            if kwargs.get(option, default) == default:
                kwargs.pop(option, None)
        return name, path, args, kwargs

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        value = sort_key(getattr(model_instance, self.source) or "", self.language)
        setattr(model_instance, self.attname, value)
        return value

    def db_parameters(self, connection: Any) -> dict[str, Any]:
        parameters = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            parameters["collation"] = "C"  # bytewise, whatever the server's default
        return parameters


class SortKeysMixin(models.Model):
    """Keeps sort keys right when only their source is saved (`save(update_fields=["name"])`)."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            keys = [
                field.name
                for field in self._meta.concrete_fields
                if isinstance(field, SortKeyField) and field.source in update_fields
            ]
            kwargs["update_fields"] = [*update_fields, *keys]
        super().save(*args, **kwargs)
