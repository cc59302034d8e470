"""What members write, in every language: the platform's mechanism for translatable texts.

Each app declares, from its `AppConfig.ready()`, which fields of its models are member-written
text to be read in every language (`translatable`), which are member-written but stay in the
language they were written in (`single_language`, with the reason), and which are not prose
at all (`not_prose`: names, codes, tokens, addresses). `core/tests/test_texts.py` walks every
character and text field of every model and fails for one declared nowhere, so a new field
cannot slip past.

A translatable text keeps its original in the record's own field, as before: search, exports
and forms read it there. Beside it, `TextOriginal` records the language it was written in and
its revision; `TextTranslation` holds a version per other language, made from a revision of
the original. A save that changes the original raises its revision (a `post_save` receiver,
so no service can forget it), which makes every translation made from an earlier one
outdated. The language of a new text is the language its writer was using (the interface's,
at the save).

Where a text stands in a language (`status`): the original; missing; a draft; translated;
reviewed; or outdated. Reading (`shown`, `shown_many`) gives the reader's language when a
translation exists and is not outdated, otherwise the original with its language, so that a
page can say "original in French" — never an empty field or an error."""

import dataclasses
import datetime
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from inspir.core.i18n import current_language


@dataclass(frozen=True)
class Context:
    """Where a text belongs, for its translators: the network whose queue lists it (its
    id: core names no network) and the moment it is needed by (a meeting's start for its
    papers, a follow-up's due date for its decision), None when nothing presses."""

    network_id: int | None
    needed_by: datetime.datetime | None = None
    # What the record is called and where it is read, for the translators' queue (which
    # then reads no record): by default its name and its page.
    title: str = ""
    url: str = ""

    def fields(self) -> dict[str, Any]:
        return {
            "network_id": self.network_id,
            "needed_by": self.needed_by,
            "title": self.title[:300],
            "url": self.url[:500],
        }


@dataclass(frozen=True)
class Declared:
    model: type[models.Model]
    fields: tuple[str, ...]
    reason: str = ""
    context: Callable[[Any], Context] | None = None


_translatable: dict[str, Declared] = {}
_single_language: dict[str, list[Declared]] = {}
_not_prose: dict[str, list[Declared]] = {}


def _label(model: type[models.Model]) -> str:
    return model._meta.label


def translatable(
    model: type[models.Model], *fields: str, context: Callable[[Any], Context] | None = None
) -> None:
    """`fields` of `model` are member-written texts, read in every language; `context`
    says, for a record, which network's translators see them and when they are needed."""
    for name in fields:
        model._meta.get_field(name)  # a typo fails at start-up, not in a page
    _translatable[_label(model)] = Declared(model, tuple(fields), context=context)
    post_save.connect(
        track_originals, sender=model, dispatch_uid=f"texts-{_label(model)}", weak=False
    )
    post_delete.connect(
        forget_originals, sender=model, dispatch_uid=f"texts-del-{_label(model)}", weak=False
    )


def single_language(model: type[models.Model], *fields: str, reason: str) -> None:
    """`fields` of `model` are written by members and stay in the language they were written
    in, for `reason`."""
    _single_language.setdefault(_label(model), []).append(Declared(model, fields, reason))


def not_prose(model: type[models.Model], *fields: str, reason: str) -> None:
    """`fields` of `model` hold no prose to translate (names, codes, tokens), for `reason`."""
    _not_prose.setdefault(_label(model), []).append(Declared(model, fields, reason))


def context_of(instance: models.Model) -> Context:
    declared = _translatable.get(_label(type(instance)))
    found = (
        declared.context(instance)
        if declared is not None and declared.context is not None
        else Context(network_id=None)
    )
    if found.title and found.url:
        return found
    return dataclasses.replace(
        found, title=found.title or str(instance), url=found.url or page_of(instance)
    )


def record_of(original: Any) -> models.Model | None:
    """The record a `TextOriginal` is a field of; None when it is gone."""
    model = original.content_type.model_class()
    if model is None:
        return None
    return model._default_manager.filter(pk=original.object_id).first()


def page_of(instance: models.Model) -> str:
    """The record's page, in the site's default language (`page_url` gives the reader's)."""
    from django.conf import settings
    from django.utils import translation

    if not hasattr(instance, "get_absolute_url"):
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        return str(instance.get_absolute_url())


def page_url(stored: str) -> str:
    """A page recorded by `context_of`, in the reader's language: every page's address
    starts with its language (config/urls.py), the rest is the same in every language."""
    from django.conf import settings
    from django.urls import translate_url

    if not stored:
        return ""
    recorded = f"/{settings.LANGUAGE_CODE}/"
    if stored.startswith(recorded):
        return f"/{current_language()}/{stored[len(recorded) :]}"
    return translate_url(stored, current_language())


def context_refresh(instances: Iterable[models.Model]) -> int:
    """Record again where the texts of `instances` belong, after a change elsewhere that
    moves them (a meeting rescheduled moves its papers' date); returns the texts changed."""
    from inspir.core.models import TextOriginal

    changed = 0
    for instance in instances:
        where = context_of(instance)
        changed += (
            TextOriginal.objects.filter(
                content_type=_content_type(type(instance)), object_id=instance.pk
            )
            .exclude(**where.fields())
            .update(**where.fields())
        )
    return changed


def translatable_fields(model: type[models.Model]) -> tuple[str, ...]:
    declared = _translatable.get(_label(model))
    return declared.fields if declared else ()


def declared_fields(model: type[models.Model]) -> dict[str, str]:
    """Every declared field of `model`, with how it was declared."""
    found = dict.fromkeys(translatable_fields(model), "translatable")
    for declared in _single_language.get(_label(model), []):
        found.update(dict.fromkeys(declared.fields, "single language"))
    for declared in _not_prose.get(_label(model), []):
        found.update(dict.fromkeys(declared.fields, "not prose"))
    return found


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _content_type(model: type[models.Model]) -> Any:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model, for_concrete_model=False)


def track_originals(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    """After a save: record the original of each translatable text the first time it has
    any, and raise its revision when it changed."""
    from inspir.core.models import TextOriginal

    fields = translatable_fields(sender)
    update_fields = kwargs.get("update_fields")
    if update_fields is not None:  # a save of other fields (a status, a date) changes no text
        fields = tuple(name for name in fields if name in update_fields)
    if not fields or kwargs.get("raw"):
        return
    content_type = _content_type(sender)
    known = {
        original.field: original
        for original in TextOriginal.objects.filter(
            content_type=content_type, object_id=instance.pk, field__in=fields
        )
    }
    now = timezone.now()
    where = context_of(instance)
    for name in fields:
        text = getattr(instance, name) or ""
        seen = digest(text)
        original = known.get(name)
        if original is None:
            if text.strip():
                created = TextOriginal.objects.create(
                    content_type=content_type,
                    object_id=instance.pk,
                    field=name,
                    language=current_language(),
                    digest=seen,
                    changed_at=now,
                    **where.fields(),
                )
                text_changed(created.pk)
        elif original.digest != seen:
            TextOriginal.objects.filter(pk=original.pk).update(
                revision=models.F("revision") + 1,
                digest=seen,
                changed_at=now,
                **where.fields(),
            )
            text_changed(original.pk)
        elif any(getattr(original, name) != value for name, value in where.fields().items()):
            TextOriginal.objects.filter(pk=original.pk).update(**where.fields())


# Called with a `TextOriginal`'s id each time a text is first written or gets a new
# revision, inside the saving transaction: the translations app listens, to tell the
# translators who now have it to do.
_on_change: list[Callable[[int], None]] = []


def on_text_changed(listener: Callable[[int], None]) -> None:
    if listener not in _on_change:
        _on_change.append(listener)


_ask_url_name: list[str] = []


def register_ask_url(url_name: str) -> None:
    """Where "ask for a translation" posts (the translations app's page)."""
    _ask_url_name[:] = [url_name]


def ask_url() -> str | None:
    from django.urls import reverse

    return reverse(_ask_url_name[0]) if _ask_url_name else None


def text_changed(original_id: int) -> None:
    for listener in _on_change:
        listener(original_id)


def forget_originals(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    """After a delete: the record's texts go, with their translations (nothing points at a
    record by its id alone once it is gone)."""
    from inspir.core.models import TextOriginal

    TextOriginal.objects.filter(content_type=_content_type(sender), object_id=instance.pk).delete()


# --- Where a text stands, and what a reader sees ------------------------------------------------

ORIGINAL = "original"
MISSING = "missing"
OUTDATED = "outdated"


def status(original: Any, translation: Any | None, language: str) -> str:
    """Where the text stands in `language`: "original", "missing", "draft", "translated",
    "reviewed" or "outdated"."""
    if original.language == language:
        return ORIGINAL
    if translation is None:
        return MISSING
    if translation.source_revision < original.revision:
        return OUTDATED
    return str(translation.status)


@dataclass(frozen=True)
class Shown:
    """A text as one reader sees it."""

    text: str
    language: str | None  # the language of `text`; None when nobody said which
    original_language: str | None
    status: str  # where the text stands in the reader's language (see `status`)
    machine: bool = False  # a machine draft nobody has reviewed yet
    original_id: int | None = None  # the `TextOriginal`, to ask for a translation of it
    reader_language: str | None = None  # the language it was read in

    @property
    def is_original(self) -> bool:
        return self.language is None or self.language == self.original_language

    @property
    def in_reader_language(self) -> bool:
        return not self.is_original or self.status == ORIGINAL


def _shown(text: str, original: Any | None, translation: Any | None, language: str) -> Shown:
    if original is None:  # saved before texts were tracked, or empty
        return Shown(text=text, language=None, original_language=None, status=ORIGINAL)
    where = status(original, translation, language)
    if translation is not None and where in ("draft", "translated", "reviewed"):
        return Shown(
            text=translation.text,
            language=language,
            original_language=original.language,
            status=where,
            machine=translation.machine and where != "reviewed",
            original_id=original.pk,
            reader_language=language,
        )
    return Shown(
        text=text,
        language=original.language,
        original_language=original.language,
        status=where,
        original_id=original.pk,
        reader_language=language,
    )


def _read(
    model: type[models.Model], ids: Sequence[Any], fields: Sequence[str], language: str
) -> tuple[dict[tuple[Any, str], Any], dict[int, Any]]:
    """The originals of `fields` of the records `ids`, by (id, field), and their translations
    into `language`, by original: two queries."""
    from inspir.core.models import TextOriginal, TextTranslation

    originals = {
        (original.object_id, original.field): original
        for original in TextOriginal.objects.filter(
            content_type=_content_type(model), object_id__in=ids, field__in=fields
        )
    }
    translations = {
        translation.original_id: translation
        for translation in TextTranslation.objects.filter(
            original__in=list(originals.values()), language=language
        )
    }
    return originals, translations


def _seen(obj: models.Model, field: str, read: tuple[dict, dict], language: str) -> Shown:
    originals, translations = read
    original = originals.get((obj.pk, field))
    translation = translations.get(original.pk) if original is not None else None
    return _shown(getattr(obj, field) or "", original, translation, language)


def shown_many(
    objects: Sequence[models.Model], field: str, language: str | None = None
) -> dict[int, Shown]:
    """`field` of each of `objects` (of one model) as a reader in `language` (the
    interface's by default) sees it, by primary key: two queries, whatever their number."""
    if not objects:
        return {}
    language = language or current_language()
    read = _read(type(objects[0]), [obj.pk for obj in objects], [field], language)
    return {obj.pk: _seen(obj, field, read, language) for obj in objects}


def shown_all(
    pairs: Iterable[tuple[models.Model, str]], language: str | None = None
) -> dict[tuple[str, Any, str], Shown]:
    """Several fields of records of several models, read in two queries whatever their
    number, keyed by (model label, primary key, field): what a page showing a meeting, its
    agenda, its papers and its inputs at once uses (`key` builds the key)."""
    from inspir.core.models import TextOriginal, TextTranslation

    language = language or current_language()
    wanted = [(obj, field) for obj, field in pairs if obj.pk is not None]
    if not wanted:
        return {}
    by_type: dict[Any, set[Any]] = {}
    for obj, _field in wanted:
        by_type.setdefault(_content_type(type(obj)).pk, set()).add(obj.pk)
    match = models.Q(pk__in=[])
    for type_id, ids in by_type.items():
        match |= models.Q(content_type_id=type_id, object_id__in=ids)
    originals = {
        (original.content_type_id, original.object_id, original.field): original
        for original in TextOriginal.objects.filter(match)
    }
    translations = {
        translation.original_id: translation
        for translation in TextTranslation.objects.filter(
            original__in=list(originals.values()), language=language
        )
    }
    found = {}
    for obj, field in wanted:
        original = originals.get((_content_type(type(obj)).pk, obj.pk, field))
        translation = translations.get(original.pk) if original is not None else None
        found[key(obj, field)] = _shown(getattr(obj, field) or "", original, translation, language)
    return found


def key(obj: models.Model, field: str) -> tuple[str, Any, str]:
    return (_label(type(obj)), obj.pk, field)


def reading(obj: models.Model, field: str) -> str:
    """`field` of `obj` as plain text for a message in the current language (an e-mail, a
    notice): the translation when there is one, else the original followed by its
    language, "(original in French)"."""
    return plain(shown(obj, field))


def plain(seen: Shown) -> str:
    """A text as read, as plain text: with "(original in French)" after an original shown
    to a reader of another language."""
    from django.utils.translation import gettext as _

    from inspir.core.i18n import language_name

    if seen.in_reader_language or seen.original_language is None:
        return seen.text
    return _("%(text)s (original in %(language)s)") % {
        "text": seen.text,
        "language": language_name(seen.original_language),
    }


def shown(obj: models.Model, field: str, language: str | None = None) -> Shown:
    """`field` of `obj` as a reader in `language` sees it."""
    return shown_many([obj], field, language)[obj.pk]


def shown_fields(
    obj: models.Model, fields: Sequence[str], language: str | None = None
) -> dict[str, Shown]:
    """Several fields of one record as a reader in `language` sees them: two queries."""
    language = language or current_language()
    read = _read(type(obj), [obj.pk], fields, language)
    return {name: _seen(obj, name, read, language) for name in fields}


def in_every_language(obj: models.Model, field: str) -> dict[str, str]:
    """`field` of `obj` as a reader of each platform language reads it: its translation
    where a current one (or a draft) exists, else the original. One query: for the search
    index, which finds a record by a word of any of them."""
    from inspir.core.i18n import language_codes
    from inspir.core.models import TextTranslation

    found = dict.fromkeys(language_codes(), getattr(obj, field) or "")
    translations = TextTranslation.objects.filter(
        original__content_type=_content_type(type(obj)),
        original__object_id=obj.pk,
        original__field=field,
    ).select_related("original")
    for translation in translations:
        if translation.language in found and status(
            translation.original, translation, translation.language
        ) in ("draft", "translated", "reviewed"):
            found[translation.language] = translation.text
    return found


def declared_models() -> Iterable[type[models.Model]]:
    return [declared.model for declared in _translatable.values()]


def declare_core_texts() -> None:
    """The platform's own models: none holds prose a member writes for others to read."""
    from inspir.core import models as core

    not_prose(
        core.AuditEntry,
        "action",
        "object_type",
        "object_id",
        "object_repr",
        reason="the activity log: codes, and a record's name as it was then",
    )
    not_prose(core.FormSubmission, "token", "path", "result_url", reason="a form's one-time token")
    not_prose(
        core.OutgoingEmail,
        "message_id",
        "recipient",
        "from_email",
        "reply_to",
        "subject",
        "body",
        "html_body",
        "language",
        "kind",
        "topic",
        "object_id",
        "last_error",
        reason="an e-mail as sent, already in its recipient's language",
    )
    not_prose(core.ScheduledJob, "name", "command", "last_outcome", reason="the worker's own jobs")
    not_prose(
        core.SearchEntry,
        "kind",
        "title",
        "summary_fr",
        "summary_en",
        "summary_es",
        "document",
        "sort_key",
        "url_name",
        reason="the search index, built from the records",
    )
    not_prose(core.Revision, "note", reason="a restore's note, written by the platform")
    not_prose(
        core.TextOriginal,
        "field",
        "language",
        "digest",
        "title",
        "url",
        reason="this mechanism's own records (a record's name and page, kept for the queue)",
    )
    not_prose(
        core.TextTranslation,
        "language",
        "text",
        "source_text",
        reason="the translations themselves",
    )
