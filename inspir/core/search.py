"""One search over the whole platform, filled by the apps (decision 0022).

Each app registers, from its `AppConfig.ready()`, one search provider per kind of record it
lets people find (organisations, people, meetings…): how a record reads in the index
(`document`), and which records a reader may open (`visible`), with the same querysets as
the record's own pages. Core keeps one index table, `SearchEntry`, written when a record is
saved or deleted (the provider's model's signals) and all over again by
`manage.py rebuild_search_index`; it matches words with the database's full-text search
(FTS5 on SQLite, `tsvector` on PostgreSQL) and applies each provider's visibility when
searching, so that a change of role or of publication shows at once.

Words are compared folded (`collation.folded`: no case, no accents) on both sides, and each
word of the query is a prefix: "sant" finds "Santé", "BENIN" finds "Bénin"."""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, connections, models, router, transaction
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL, Window
from django.db.models.functions import RowNumber
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise

from inspir.core.collation import folded
from inspir.core.i18n import current_language

logger = logging.getLogger(__name__)

# What a query may hold: longer queries are cut, further words ignored.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
MAX_TERM_LENGTH = 40
# A query shorter than this (letters and digits, all words together) is not run.
MIN_QUERY_LENGTH = 2
# Hits shown per kind on the results page; the rest is one "more" link away.
HITS_PER_KIND = 5
SUMMARY_LENGTH = 300
# A word: letters and digits only, so nothing a user types is read as an operator.
_WORD = re.compile(r"[^\W_]+")


SUMMARY_LANGUAGES = ("fr", "en", "es")


def summary_lines(*parts: Any) -> dict[str, str]:
    """A hit's line under its title in each platform language: the parts given (names, lazy
    labels read in that language), empty ones left out, joined by " · "."""
    from django.utils import translation

    lines = {}
    for language in SUMMARY_LANGUAGES:
        with translation.override(language):
            lines[language] = " · ".join(str(part) for part in parts if part)
    return lines


def every_language_words(record: Any, *fields: str) -> str:
    """The record's fields in every language they are read in (original and translations),
    each text once: a word of any of them finds the record."""
    from inspir.core.texts import in_every_language

    texts = [text for name in fields for text in in_every_language(record, name).values()]
    return " ".join(dict.fromkeys(texts))


@dataclass(frozen=True)
class SearchDocument:
    """How one record reads in the index."""

    object_id: int
    title: str
    url_name: str
    url_kwargs: dict[str, Any] = field(default_factory=dict)
    # Further words to find it by (descriptions in every language, an acronym…).
    text: str = ""
    # A line under the title, per platform language ("fr", "en", "es"), where there is one.
    summaries: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SearchProvider:
    """One kind of record the search finds.

    `document(record)` says how the record reads in the index, or None when it should not
    be found at all. `visible(user)` returns the records the user may open, as a queryset
    of `model` (its primary keys are what counts); None for `visible` means everyone may
    open every record. `queryset()` is what `rebuild_search_index` walks (with the
    `select_related` that `document` needs)."""

    kind: str
    label: str | Promise
    order: int
    model: type[models.Model]
    document: Callable[[Any], SearchDocument | None]
    visible: Callable[[Any], QuerySet[Any]] | None = None
    queryset: Callable[[], QuerySet[Any]] | None = None
    # Everything `visible(user)` is built from in Python (the reader's network ids, their
    # id…), as a hashable value: readers with the same key get the same SQL, which the
    # search then compiles once per process. None (or no function): compiled every time.
    visibility_key: Callable[[Any], Any] | None = None

    def records(self) -> QuerySet[Any]:
        return self.queryset() if self.queryset else self.model._default_manager.all()


_providers: dict[str, SearchProvider] = {}


def register_search_provider(provider: SearchProvider) -> None:
    """Called from an app's `ready()`; registering the same kind again replaces it. The
    provider's model's saves and deletions keep its entries current from then on."""
    _providers[provider.kind] = provider
    _compiled.clear()
    post_save.connect(_saved, sender=provider.model, dispatch_uid=f"search-{provider.kind}")
    post_delete.connect(_deleted, sender=provider.model, dispatch_uid=f"search-del-{provider.kind}")


def providers() -> list[SearchProvider]:
    return sorted(_providers.values(), key=lambda provider: (provider.order, provider.kind))


def provider_for(kind: str) -> SearchProvider | None:
    return _providers.get(kind)


# ---------------------------------------------------------------------------------------------
# Keeping the index current
# ---------------------------------------------------------------------------------------------


def _entry_fields(document: SearchDocument) -> dict[str, Any]:
    summaries = {
        language: " ".join(document.summaries.get(language, "").split())[:SUMMARY_LENGTH]
        for language in ("fr", "en", "es")
    }
    title = " ".join(document.title.split())[:300]
    return {
        "title": title,
        "summary_fr": summaries["fr"],
        "summary_en": summaries["en"],
        "summary_es": summaries["es"],
        "document": folded(f"{document.title} {document.text}"),
        "sort_key": folded(title)[:255],
        "url_name": document.url_name,
        "url_kwargs": document.url_kwargs,
    }


def index_record(provider: SearchProvider, record: Any) -> None:
    """Write (or remove) the entry of one record."""
    from inspir.core.models import SearchEntry

    document = provider.document(record)
    if document is None:
        SearchEntry.objects.filter(kind=provider.kind, object_id=record.pk).delete()
        return
    SearchEntry.objects.update_or_create(
        kind=provider.kind, object_id=document.object_id, defaults=_entry_fields(document)
    )


def _provider_of(sender: type[models.Model]) -> list[SearchProvider]:
    return [provider for provider in _providers.values() if provider.model is sender]


def _saved(sender: type[models.Model], instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:  # fixtures and restores: their entries come with them, or from a rebuild
        return
    for provider in _provider_of(sender):
        index_record(provider, instance)


def translation_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    """A translation saved or removed (core.texts): the record's entry, whose summaries are
    in each language, is written again."""
    if raw:
        return
    from inspir.core.models import TextOriginal
    from inspir.core.texts import record_of

    original = TextOriginal.objects.filter(pk=instance.original_id).first()
    if original is None:  # gone with its record
        return
    model = original.content_type.model_class()
    chosen = _provider_of(model) if model is not None else []
    if not chosen:  # nothing of this kind is searched: no need to read the record
        return
    record = record_of(original)
    if record is not None:
        for provider in chosen:
            index_record(provider, record)


def _deleted(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    from inspir.core.models import SearchEntry

    for provider in _provider_of(sender):
        SearchEntry.objects.filter(kind=provider.kind, object_id=instance.pk).delete()


@transaction.atomic
def rebuild_index(kinds: Iterable[str] | None = None) -> dict[str, int]:
    """Write every registered provider's entries again (or those of `kinds`); entries of
    kinds no longer registered are removed. Returns the number of entries per kind."""
    from inspir.core.models import SearchEntry

    chosen = [p for p in providers() if kinds is None or p.kind in set(kinds)]
    if kinds is None:
        SearchEntry.objects.exclude(kind__in=[p.kind for p in chosen]).delete()
    counts: dict[str, int] = {}
    for provider in chosen:
        SearchEntry.objects.filter(kind=provider.kind).delete()
        batch: list[SearchEntry] = []
        counts[provider.kind] = 0
        for record in provider.records().iterator(chunk_size=500):
            document = provider.document(record)
            if document is None:
                continue
            batch.append(
                SearchEntry(
                    kind=provider.kind, object_id=document.object_id, **_entry_fields(document)
                )
            )
            if len(batch) >= 500:
                SearchEntry.objects.bulk_create(batch)
                counts[provider.kind] += len(batch)
                batch = []
        SearchEntry.objects.bulk_create(batch)
        counts[provider.kind] += len(batch)
    from inspir.core.page_cache import registry_changed

    transaction.on_commit(registry_changed)  # searches kept for the entries written before
    return counts


def index_if_empty(using: str = "default", **kwargs: Any) -> None:
    """After `migrate`: a database whose index is empty (just migrated to it, or restored
    from a backup made before it) gets its entries written, so its records are found."""
    from django.db import connections

    from inspir.core.models import SearchEntry

    if SearchEntry._meta.db_table not in connections[using].introspection.table_names():
        return  # migrated back to before the index
    if not SearchEntry.objects.using(using).exists():
        rebuild_index()


# ---------------------------------------------------------------------------------------------
# Searching
# ---------------------------------------------------------------------------------------------


def query_terms(query: str) -> list[str]:
    """The words of what a user typed, folded, as plain letters and digits: quotes,
    operators (`*`, `NEAR`, `:`, `&`…) and punctuation separate words and mean nothing."""
    words = _WORD.findall(folded((query or "")[:MAX_QUERY_LENGTH]))
    return [word[:MAX_TERM_LENGTH] for word in words[:MAX_TERMS]]


def is_searchable(terms: list[str]) -> bool:
    return sum(len(term) for term in terms) >= MIN_QUERY_LENGTH


def fts5_query(terms: list[str]) -> str:
    """An FTS5 MATCH expression: every word, as a quoted string, as a prefix. Quoting makes
    "near", "and" or "or" plain words; the words hold no quote (`query_terms`)."""
    return " ".join(f'"{term}"*' for term in terms)


def tsquery(terms: list[str]) -> str:
    """A `to_tsquery` expression: every word quoted as a lexeme, as a prefix, all required."""
    return " & ".join(f"'{term}':*" for term in terms)


class _TsMatch(models.Func):
    """PostgreSQL: the entry's stored words (`document_tsv`, generated from `document` by
    the database, GIN-indexed: migration 0008) match the `tsquery`. The column is named with
    the entry's alias, so the condition also works inside a subquery."""

    output_field = models.BooleanField()

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:  # type: ignore[override]
        column, query = self.get_source_expressions()
        words = (
            f"{compiler.quote_name_unless_alias(column.alias)}."
            f"{connection.ops.quote_name('document_tsv')}"
        )
        query_sql, query_params = compiler.compile(query)
        return f"{words} @@ to_tsquery('simple'::regconfig, {query_sql})", tuple(query_params)


def _matching(terms: list[str]) -> Q | models.Expression:
    """The entries whose document holds every word (as a word's beginning)."""
    if connection.vendor == "sqlite":
        return Q(
            pk__in=RawSQL(
                "SELECT rowid FROM core_searchentry_fts WHERE core_searchentry_fts MATCH %s",
                [fts5_query(terms)],
            )
        )
    if connection.vendor == "postgresql":
        return _TsMatch(F("document"), Value(tsquery(terms)))
    # Any other database: words found anywhere, without the full-text index.
    condition = Q()
    for term in terms:
        condition &= Q(document__contains=term)
    return condition


def _visibility(user: Any, kinds: list[SearchProvider]) -> Q | None:
    """Entries of `kinds` that `user` may open; None when none at all."""
    condition = Q(pk__in=[])
    seen = False
    for provider in kinds:
        if provider.visible is None:
            condition |= Q(kind=provider.kind)
            seen = True
            continue
        visible = provider.visible(user)
        if visible.query.is_empty():
            continue
        condition |= Q(kind=provider.kind, object_id__in=visible.values("pk"))
        seen = True
    return condition if seen else None


def _ordered(entries: QuerySet[Any], terms: list[str]) -> QuerySet[Any]:
    # Records whose title begins with the first word come first, then alphabetical order.
    first = terms[0]
    return entries.annotate(
        title_rank=Case(
            When(sort_key__startswith=first, then=Value(0)),
            When(sort_key__contains=f" {first}", then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    ).order_by("title_rank", "sort_key", "pk")


def matching_ids(kind: str, query: str) -> QuerySet[Any]:
    """The ids of the records of `kind` whose entry holds every word of `query` (as a word's
    beginning), as a subquery, whoever reads: for filters over records everyone sees (the
    directory's free text)."""
    from inspir.core.models import SearchEntry

    terms = query_terms(query)
    if not terms:
        return SearchEntry.objects.none().values("object_id")
    return SearchEntry.objects.filter(kind=kind).filter(_matching(terms)).values("object_id")


def search_entries(user: Any, query: str, *, kind: str | None = None) -> QuerySet[Any]:
    """The entries matching `query` that `user` may open (of one `kind` if given), best
    first. Unsearchable queries and unknown kinds give an empty queryset."""
    from inspir.core.models import SearchEntry

    terms = query_terms(query)
    chosen = providers() if kind is None else [p for p in providers() if p.kind == kind]
    visible = _visibility(user, chosen) if terms and is_searchable(terms) else None
    if visible is None:
        return SearchEntry.objects.none()
    # Visibility is asked of the matching entries only: as a plain condition, SQLite's
    # planner works out every kind's visible records first (an OR over the index on kind),
    # whatever the words, which costs as much as the data, not as the matches.
    may_open = Case(When(visible, then=Value(True)), default=Value(False))
    matching = SearchEntry.objects.filter(_matching(terms))
    return _ordered(matching.alias(may_open=may_open).filter(may_open=True), terms)


@dataclass
class Hit:
    title: str
    summary: str
    url: str


@dataclass
class KindResults:
    kind: str
    label: str | Promise
    count: int
    hits: list[Hit]

    @property
    def more(self) -> bool:
        return self.count > len(self.hits)


def hit_of(entry: Any, language: str | None = None) -> Hit:
    """How an entry reads on the results page, in the reader's language."""
    language = language or current_language()
    summary = getattr(entry, f"summary_{language}", "") or next(
        (
            getattr(entry, f"summary_{other}")
            for other in ("en", "fr", "es")
            if getattr(entry, f"summary_{other}")
        ),
        "",
    )
    try:
        url = reverse(entry.url_name, kwargs=entry.url_kwargs)
    except Exception:  # a page renamed since the entry was written: found, not linked
        logger.warning("search entry %s links to no page", entry.pk)
        url = ""
    return Hit(title=entry.title, summary=summary, url=url)


# The SQL of `search` is compiled once per process for each shape of visibility (decision
# 0022): building and compiling the providers' nested subqueries through the ORM cost more
# than running them. It is keyed by the database, the day (rules on current memberships
# compare dates), the registry and each provider's `visibility_key`, which holds every
# value its `visible(user)` is built from, so a reader gets exactly the SQL their own
# rules would compile; a role given or taken away changes the key at once. The words are
# compiled as a stand-in, then put in its place in the parameters.
_TERM_STAND_IN = "qzxstandinqzx"
_COMPILED_LIMIT = 512
_compiled: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_NOT_COMPILED = object()


def _compiled_key(user: Any, per_kind: int) -> tuple[Any, ...] | None:
    keys: list[Any] = []
    for provider in providers():
        if provider.visible is None:
            keys.append((provider.kind, None))
        elif provider.visibility_key is None:
            return None
        else:
            keys.append((provider.kind, provider.visibility_key(user)))
    alias = router.db_for_read(_entry_model())
    if connections[alias].vendor not in ("sqlite", "postgresql"):
        return None
    return (alias, timezone.localdate(), per_kind, tuple(keys))


def _entry_model() -> type[models.Model]:
    from inspir.core.models import SearchEntry

    return SearchEntry


def _places_query(user: Any, query: str, per_kind: int) -> QuerySet[Any] | None:
    """Each kind's first `per_kind` hits (pk, kind, the kind's count), or None for none."""
    entries = search_entries(user, query)
    if entries.query.is_empty():
        return None
    # One pass over the matches numbers each kind's entries and counts them (the reader's
    # visibility is compiled once); then only the first few of each kind are read whole.
    return (
        entries.annotate(
            place=Window(
                RowNumber(),
                partition_by=[F("kind")],
                order_by=[F("title_rank").asc(), F("sort_key").asc(), F("pk").asc()],
            ),
            total=Window(Count("pk"), partition_by=[F("kind")]),
        )
        .filter(place__lte=per_kind)
        .values_list("pk", "kind", "total")
    )


def _places(user: Any, query: str, per_kind: int) -> list[tuple[Any, ...]]:
    terms = query_terms(query)
    if not terms or not is_searchable(terms):
        return []
    key = _compiled_key(user, per_kind)
    if key is None:
        places = _places_query(user, query, per_kind)
        return list(places) if places is not None else []
    # Threads of one process share the dict: a key evicted meanwhile is compiled again.
    compiled = _compiled.get(key, _NOT_COMPILED)
    if compiled is _NOT_COMPILED:
        stand_ins = _places_query(user, _TERM_STAND_IN, per_kind)
        compiled = None
        if stand_ins is not None:
            sql, params = stand_ins.query.sql_with_params()
            compiled = (sql, tuple(params))
        _compiled[key] = compiled
        while len(_compiled) > _COMPILED_LIMIT:
            try:
                _compiled.popitem(last=False)
            except KeyError:
                break
    else:
        try:
            _compiled.move_to_end(key)
        except KeyError:
            pass
    if compiled is None:
        return []
    sql, params = compiled
    # The stand-in is a single word: the full-text expression is the whole query's, the
    # title patterns take the first word (letters and digits: nothing to escape in LIKE).
    whole = {
        fts5_query([_TERM_STAND_IN]): fts5_query(terms),
        tsquery([_TERM_STAND_IN]): tsquery(terms),
    }
    values = [
        whole.get(param, param.replace(_TERM_STAND_IN, terms[0]))
        if isinstance(param, str) and _TERM_STAND_IN in param
        else param
        for param in params
    ]
    with connections[key[0]].cursor() as cursor:
        cursor.execute(sql, values)
        return list(cursor.fetchall())


def sharing_key(user: Any, query: str, *, per_kind: int = HITS_PER_KIND) -> tuple[Any, ...] | None:
    """Everything the results of `query` for `user` depend on besides the data (whose every
    change moves the registry version on) and the language: the words and the values each
    provider's visibility is built from. None when a provider does not say (nothing shared)."""
    key = _compiled_key(user, per_kind)
    return None if key is None else (query_terms(query), key)


def search(user: Any, query: str, *, per_kind: int = HITS_PER_KIND) -> list[KindResults]:
    """Every kind with hits, in the providers' order, each with its count and its first
    `per_kind` hits: two queries, whatever the number of kinds and records.

    Readers whose visibility is built from the same values (`_compiled_key`: their network
    ids, and the reader's own id for their drafts) share the results of the same words
    (`page_cache.shared_value`: under the registry version, which every write to the
    searched records moves on, and today's date), so a search asked again costs no query
    until something changes."""
    from inspir.core.page_cache import shared_value

    terms = query_terms(query)
    if not terms or not is_searchable(terms):
        return []
    key = sharing_key(user, query, per_kind=per_kind)
    if key is None:
        found = _found(user, query, per_kind)
    else:
        found = shared_value("search", key, lambda: _found(user, query, per_kind))
    labels = {provider.kind: provider.label for provider in providers()}
    return [
        KindResults(kind=kind, label=labels[kind], count=count, hits=hits)
        for kind, count, hits in found
        if kind in labels
    ]


def _found(user: Any, query: str, per_kind: int) -> list[tuple[str, int, list[Hit]]]:
    places = _places(user, query, per_kind)
    if not places:
        return []
    counts = {kind: total for _pk, kind, total in places}
    first = _ordered(
        _entry_model()._default_manager.filter(pk__in=[pk for pk, _kind, _total in places]),
        query_terms(query),
    )
    hits: dict[str, list[Hit]] = {}
    for entry in first:
        hits.setdefault(entry.kind, []).append(hit_of(entry))
    return [
        (provider.kind, counts[provider.kind], hits.get(provider.kind, []))
        for provider in providers()
        if counts.get(provider.kind)
    ]
