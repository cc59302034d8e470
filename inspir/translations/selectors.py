"""What translators and coordinators read: the queue of a network in a language, one text
with what changed since its last translation, and the coverage figures."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone
from django.utils.text import Truncator, capfirst

from inspir.accounts.permissions import AnyUser, reach_of
from inspir.core.collation import name_order
from inspir.core.models import TextOriginal, TextStatus, TextTranslation
from inspir.core.texts import page_url, status
from inspir.network.models import Network, top_down
from inspir.translations.models import TranslationRequest, Translator
from inspir.translations.permissions import (
    LANGUAGE_CODES,
    coordinated_ids,
    may_translate,
    translating_ids,
)

# Texts shown on one page of a queue; a file for an agency holds up to EXPORT_LIMIT.
QUEUE_PAGE = 10
EXPORT_LIMIT = 500
COVERAGE_DAYS = 90
COVERAGE_PAGE = 10


# Networks listed from the top of the tree down.
LEVEL_ORDER = top_down()


@dataclass(frozen=True)
class Entry:
    """One text in a queue, or open in the editor."""

    original: TextOriginal
    translation: TextTranslation | None
    status: str  # core.texts.status in the queue's language
    label: str  # "Decision “Budget 2021” — outcome statement"
    url: str  # where the text is read, in the reader's language
    record: Any = None  # the record, when it was read (the editor, a file for an agency)
    text: str = ""  # the original as it stands, when the record was read
    requests: int = 0  # how many people asked for it in this language

    @property
    def machine(self) -> bool:
        return bool(self.translation and self.translation.machine and self.status == "draft")


@dataclass(frozen=True)
class PageOf:
    """Where a list stands, as the shared pagination component reads it."""

    number: int
    pages: int

    @property
    def paginator(self) -> "PageOf":
        return self

    @property
    def num_pages(self) -> int:
        return self.pages

    def has_other_pages(self) -> bool:
        return self.pages > 1

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.pages

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


@dataclass
class Queue:
    network: Network
    language: str
    to_translate: list[Entry] = field(default_factory=list)
    to_review: list[Entry] = field(default_factory=list)
    page: int = 1
    pages: int = 1
    to_translate_count: int = 0
    more_to_review: bool = False  # more than a page waits for review

    @property
    def page_obj(self) -> PageOf:
        return PageOf(self.page, self.pages)


@dataclass(frozen=True)
class Waiting:
    """A network with texts waiting to be translated into a language."""

    network: Network
    count: int


def _allowed(user: AnyUser, language: str, network_ids: Iterable[int]) -> list[int]:
    allowed = translating_ids(user, language)
    return sorted(pk for pk in network_ids if allowed is None or pk in allowed)


def queue_networks(user: AnyUser) -> list[tuple[Network, list[str]]]:
    """The networks whose queues `user` works on, each with the languages they translate
    into there: where they were named translator, and the networks they coordinate (at the
    top of what they coordinate). Their queues cover the networks below them too."""
    coordinated = coordinated_ids(user)
    named = dict(
        Translator.objects.filter(user_id=user.pk or 0).values_list("network_id", "languages")
    )
    if coordinated is None:
        tops = set(Network.objects.filter(parent__isnull=True).values_list("pk", flat=True))
    else:
        parents = reach_of(user).parents
        tops = {pk for pk in coordinated if parents.get(pk) not in coordinated}
    wanted = tops | set(named)
    networks = Network.objects.filter(pk__in=sorted(wanted)).order_by(LEVEL_ORDER, name_order())
    return [
        (
            network,
            list(LANGUAGE_CODES)
            if network.pk in tops
            else [code for code in LANGUAGE_CODES if code in named.get(network.pk, [])],
        )
        for network in networks
    ]


def waiting_below(user: AnyUser, *, network: Network, language: str) -> list[Waiting]:
    """The networks from `network` down with texts waiting for `language`, and how many:
    two queries."""
    subtree = reach_of(user).below(frozenset({network.pk})) if user.is_authenticated else set()
    scope = _allowed(user, language, subtree)
    counts = dict(
        _pending(scope, language)
        .order_by()
        .values("network_id")
        .annotate(count=Count("pk"))
        .values_list("network_id", "count")
    )
    networks = Network.objects.filter(pk__in=sorted(counts)).order_by(LEVEL_ORDER, name_order())
    return [Waiting(network=found, count=counts[found.pk]) for found in networks]


def _label(original: TextOriginal) -> str:
    model = ContentType.objects.get_for_id(original.content_type_id).model_class()
    if model is None:
        return ""
    name = Truncator(original.title).chars(80) if original.title else "—"
    field_name = getattr(model._meta.get_field(original.field), "verbose_name", original.field)
    return f"{capfirst(model._meta.verbose_name)} “{name}” — {field_name}"


def _records(originals: list[TextOriginal]) -> dict[tuple[int, int], Any]:
    """The records of `originals`, by (content type, id): one query per kind of record."""
    wanted: dict[int, set[int]] = {}
    for original in originals:
        wanted.setdefault(original.content_type_id, set()).add(original.object_id)
    found: dict[tuple[int, int], Any] = {}
    for type_id, ids in sorted(wanted.items()):
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        for pk, record in model._default_manager.in_bulk(sorted(ids)).items():
            found[(type_id, pk)] = record
    return found


def _entries(
    originals: list[TextOriginal],
    language: str,
    requests: dict[int, int] | None = None,
    *,
    with_records: bool = False,
) -> list[Entry]:
    translations = {
        translation.original_id: translation
        for translation in TextTranslation.objects.filter(
            original__in=originals, language=language
        ).select_related("translated_by", "reviewed_by")
    }
    records = _records(originals) if with_records else {}
    entries = []
    for original in originals:
        record = records.get((original.content_type_id, original.object_id))
        translation = translations.get(original.pk)
        entries.append(
            Entry(
                original=original,
                translation=translation,
                status=status(original, translation, language),
                label=_label(original),
                url=page_url(original.url),
                record=record,
                text=(getattr(record, original.field, "") or "") if record is not None else "",
                requests=(requests or {}).get(original.pk, 0),
            )
        )
    return entries


def _pending(scope: list[int] | None, language: str) -> QuerySet[TextOriginal]:
    """The texts of the networks `scope` (every network: None) not in `language` whose
    translation there is missing, outdated or a draft."""
    originals = TextOriginal.objects.exclude(language=language).annotate(
        done=FilteredRelation("translations", condition=Q(translations__language=language))
    )
    if scope is not None:
        originals = originals.filter(network_id__in=scope)
    return originals.filter(
        Q(done__isnull=True)
        | Q(done__source_revision__lt=F("revision"))
        | Q(done__status=TextStatus.DRAFT)
    )


def _to_review(scope: list[int], language: str, user: AnyUser) -> QuerySet[TextOriginal]:
    """Translations made by someone else from the text as it stands, not yet reviewed."""
    return (
        TextOriginal.objects.filter(network_id__in=scope)
        .exclude(language=language)
        .annotate(
            done=FilteredRelation("translations", condition=Q(translations__language=language))
        )
        .filter(done__status=TextStatus.TRANSLATED, done__source_revision=F("revision"))
        .exclude(done__translated_by_id=user.pk)
    )


def _ordered(originals: QuerySet[TextOriginal], language: str) -> QuerySet[TextOriginal]:
    """Asked for by a reader first (they need it now); then needed soonest; then the texts
    whose need has passed or that no date presses, the oldest first."""
    waiting_reader = TranslationRequest.objects.filter(
        original=OuterRef("pk"), language=language, answered_at__isnull=True
    )
    urgency = Case(
        When(Exists(waiting_reader), then=Value(0)),
        When(needed_by__gte=timezone.now(), then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return originals.order_by(urgency, F("needed_by").asc(nulls_last=True), "changed_at", "pk")


def queue(user: AnyUser, *, network: Network, language: str, page: int = 1) -> Queue:
    """What `user` has to translate and to review of `network`'s own texts into
    `language`, a page at a time. Four queries, whatever the number of texts: the count
    and the page of texts to translate (with how many asked for each), those to review,
    and their translations."""
    scope = _allowed(user, language, [network.pk])
    found = Queue(network=network, language=language)
    pending = _pending(scope, language)
    found.to_translate_count = pending.count()
    found.pages = max(1, -(-found.to_translate_count // QUEUE_PAGE))
    found.page = min(max(1, page), found.pages)
    start = (found.page - 1) * QUEUE_PAGE
    asked = (
        TranslationRequest.objects.filter(original=OuterRef("pk"), language=language)
        .order_by()
        .values("original")
        .annotate(count=Count("pk"))
        .values("count")
    )
    listed = list(
        _ordered(pending, language).annotate(asked=Subquery(asked))[start : start + QUEUE_PAGE]
    )
    review = list(_ordered(_to_review(scope, language, user), language)[: QUEUE_PAGE + 1])
    found.more_to_review = len(review) > QUEUE_PAGE
    shown = listed + review[:QUEUE_PAGE]
    requests = {original.pk: getattr(original, "asked", 0) or 0 for original in listed}
    entries = {entry.original.pk: entry for entry in _entries(shown, language, requests)}
    found.to_translate = [entries[original.pk] for original in listed]
    found.to_review = [entries[original.pk] for original in review[:QUEUE_PAGE]]
    return found


def for_export(user: AnyUser, *, network: Network, language: str) -> list[Entry]:
    """The texts of `network`'s queue into `language` to send to an agency, with their
    originals as they stand (up to EXPORT_LIMIT, needed soonest first)."""
    scope = _allowed(user, language, [network.pk])
    listed = list(_ordered(_pending(scope, language), language)[:EXPORT_LIMIT])
    return [e for e in _entries(listed, language, with_records=True) if e.record is not None]


def entry_get(user: AnyUser, *, original_id: int, language: str) -> Entry:
    """One text for `user` to translate into `language` (ObjectDoesNotExist when it is
    out of their reach, or already in that language)."""
    original = TextOriginal.objects.exclude(language=language).get(pk=original_id)
    if language not in LANGUAGE_CODES or not may_translate(user, original.network_id, language):
        raise TextOriginal.DoesNotExist
    return _entries([original], language, with_records=True)[0]


def my_requests(user: AnyUser, *, limit: int = 50) -> list[tuple[TranslationRequest, Entry]]:
    """What `user` asked to have translated, the latest first, with where each stands."""
    requests = list(
        TranslationRequest.objects.filter(requested_by_id=user.pk)
        .select_related("original")
        .order_by("-requested_at")[:limit]
    )
    by_language: dict[str, list[TextOriginal]] = {}
    for request in requests:
        by_language.setdefault(request.language, []).append(request.original)
    entries: dict[tuple[int, str], Entry] = {}
    for language, originals in sorted(by_language.items()):
        for entry in _entries(originals, language):
            entries[(entry.original.pk, language)] = entry
    return [(request, entries[(request.original_id, request.language)]) for request in requests]


# --- Coverage -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    language: str
    available: int
    total: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.available / self.total) if self.total else None


@dataclass(frozen=True)
class CoverageRow:
    network: Network
    total: int
    shares: list[Share]


@dataclass
class Coverage:
    rows: list[CoverageRow]
    page: int = 1
    pages: int = 1

    @property
    def page_obj(self) -> PageOf:
        return PageOf(self.page, self.pages)


def coverage(
    user: AnyUser,
    *,
    days: int = COVERAGE_DAYS,
    now: datetime.datetime | None = None,
    page: int = 1,
) -> Coverage:
    """For the networks `user` coordinates, a page at a time, from the top of the tree
    down: how many of each network's texts written or changed in the last `days` days can
    be read in each language (in the original, or translated or reviewed from the text as
    it stands; drafts do not count). Four queries, whatever the number of texts."""
    since = (now or timezone.now()) - datetime.timedelta(days=days)
    ids = coordinated_ids(user)
    networks = Network.objects.order_by(LEVEL_ORDER, name_order(), "pk")
    if ids is not None:
        networks = networks.filter(pk__in=sorted(ids))
    pages = max(1, -(-networks.count() // COVERAGE_PAGE))
    page = min(max(1, page), pages)
    listed = list(networks[(page - 1) * COVERAGE_PAGE : page * COVERAGE_PAGE])
    recent = TextOriginal.objects.filter(
        network_id__in=[network.pk for network in listed], changed_at__gte=since
    )
    totals: dict[int, int] = {}
    available: dict[tuple[int, str], int] = {}
    for network_id, language, count in (
        recent.order_by().values_list("network_id", "language").annotate(count=Count("pk"))
    ):
        totals[network_id] = totals.get(network_id, 0) + count
        available[(network_id, language)] = available.get((network_id, language), 0) + count
    current = recent.annotate(
        done=FilteredRelation(
            "translations",
            condition=Q(
                translations__source_revision=F("revision"),
                translations__status__in=[TextStatus.TRANSLATED, TextStatus.REVIEWED],
            ),
        )
    ).filter(done__isnull=False)
    for network_id, language, count in (
        current.order_by().values_list("network_id", "done__language").annotate(count=Count("pk"))
    ):
        available[(network_id, language)] = available.get((network_id, language), 0) + count
    rows = [
        CoverageRow(
            network=network,
            total=totals.get(network.pk, 0),
            shares=[
                Share(code, available.get((network.pk, code), 0), totals.get(network.pk, 0))
                for code in LANGUAGE_CODES
            ],
        )
        for network in listed
    ]
    return Coverage(rows=rows, page=page, pages=pages)


def translators_of(network: Network) -> list[Translator]:
    return list(
        Translator.objects.filter(network=network)
        .select_related("user__person")
        .order_by("-named_at", "-pk")  # the one just named first
    )


def translator_candidates(user: AnyUser, network: Network) -> QuerySet[Any]:
    """Who may be named translator of `network`: people with a role in it or above it
    (they read its internal pages)."""
    from inspir.accounts.models import NetworkRole, User

    above = reach_of(user).above(frozenset({network.pk}))
    return (
        User.objects.filter(
            is_active=True,
            erased_at__isnull=True,
            pk__in=NetworkRole.objects.filter(network_id__in=sorted(above)).values("user_id"),
        )
        .select_related("person")
        .order_by("email")
    )
