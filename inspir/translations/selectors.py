"""What translators and coordinators read: the queue of a network in a language, one text
with what changed since its last translation, and the coverage figures."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.text import Truncator, capfirst

from inspir.accounts.permissions import AnyUser, reach_of
from inspir.core.models import TextOriginal, TextStatus, TextTranslation
from inspir.core.texts import status
from inspir.network.models import Network
from inspir.translations.models import TranslationRequest, Translator
from inspir.translations.permissions import (
    LANGUAGE_CODES,
    coordinated_ids,
    may_translate,
    translating_ids,
)

# Texts shown in one section of a queue; the rest is counted ("and 12 more").
QUEUE_LIMIT = 100
COVERAGE_DAYS = 90


@dataclass(frozen=True)
class Entry:
    """One text in a queue, or open in the editor."""

    original: TextOriginal
    translation: TextTranslation | None
    status: str  # core.texts.status in the queue's language
    record: Any  # the record the text belongs to (None when it is gone)
    text: str  # the original as it stands
    label: str  # "Decision “Budget 2021” — statement"
    url: str  # where the text is read
    requests: int = 0  # how many people asked for it in this language

    @property
    def machine(self) -> bool:
        return bool(self.translation and self.translation.machine and self.status == "draft")


@dataclass
class Queue:
    network: Network
    language: str
    to_translate: list[Entry] = field(default_factory=list)
    to_review: list[Entry] = field(default_factory=list)
    more_to_translate: int = 0
    more_to_review: int = 0


def _scope(user: AnyUser, network: Network, language: str) -> list[int] | None:
    """The networks of `network`'s queue that `user` may translate into `language`: the
    network and those below it. None: the whole tree (staff, at the top)."""
    allowed = translating_ids(user, language)
    subtree = reach_of(user).below(frozenset({network.pk})) if user.is_authenticated else set()
    if allowed is None:
        return sorted(subtree) if network.parent_id is not None else None
    return sorted(subtree & allowed)


def queue_networks(user: AnyUser) -> list[tuple[Network, list[str]]]:
    """The networks whose queue `user` works on, each with the languages they translate
    into there: where they were named translator, and the networks they coordinate (at the
    top of what they coordinate)."""
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
    networks = Network.objects.filter(pk__in=sorted(wanted)).order_by("level", "name")
    return [
        (
            network,
            list(LANGUAGE_CODES)
            if network.pk in tops
            else [code for code in LANGUAGE_CODES if code in named.get(network.pk, [])],
        )
        for network in networks
    ]


def _label(record: Any, original: TextOriginal) -> str:
    if record is None:
        return ""
    model = type(record)
    name = Truncator(str(record)).chars(80)
    field_name = model._meta.get_field(original.field).verbose_name
    return f"{capfirst(model._meta.verbose_name)} “{name}” — {field_name}"


def _url(record: Any) -> str:
    try:
        return str(record.get_absolute_url()) if record is not None else ""
    except (AttributeError, ObjectDoesNotExist):
        return ""


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
    originals: list[TextOriginal], language: str, requests: dict[int, int] | None = None
) -> list[Entry]:
    translations = {
        translation.original_id: translation
        for translation in TextTranslation.objects.filter(
            original__in=originals, language=language
        ).select_related("translated_by")
    }
    records = _records(originals)
    entries = []
    for original in originals:
        record = records.get((original.content_type_id, original.object_id))
        translation = translations.get(original.pk)
        entries.append(
            Entry(
                original=original,
                translation=translation,
                status=status(original, translation, language),
                record=record,
                text=(getattr(record, original.field, "") or "") if record is not None else "",
                label=_label(record, original),
                url=_url(record),
                requests=(requests or {}).get(original.pk, 0),
            )
        )
    return entries


def _pending(scope: list[int] | None, language: str) -> QuerySet[TextOriginal]:
    """The texts of `scope` not in `language` whose translation there is missing, outdated
    or a draft."""
    translation = TextTranslation.objects.filter(original=OuterRef("pk"), language=language)
    originals = TextOriginal.objects.exclude(language=language).annotate(
        done_revision=Subquery(translation.values("source_revision")[:1]),
        done_status=Subquery(translation.values("status")[:1]),
    )
    if scope is not None:
        originals = originals.filter(network_id__in=scope)
    return originals.filter(
        Q(done_revision__isnull=True)
        | Q(done_revision__lt=F("revision"))
        | Q(done_status=TextStatus.DRAFT)
    )


def _to_review(scope: list[int] | None, language: str, user: AnyUser) -> QuerySet[TextOriginal]:
    translated = TextTranslation.objects.filter(
        language=language,
        status=TextStatus.TRANSLATED,
        source_revision=OuterRef("revision"),
        original=OuterRef("pk"),
    ).exclude(translated_by_id=user.pk)
    originals = TextOriginal.objects.exclude(language=language).filter(
        pk__in=Subquery(translated.values("original_id"))
    )
    if scope is not None:
        originals = originals.filter(network_id__in=scope)
    return originals


def _ordered(originals: QuerySet[TextOriginal]) -> QuerySet[TextOriginal]:
    # Needed soonest first (a text needed by nothing last), then the oldest.
    return originals.order_by(F("needed_by").asc(nulls_last=True), "changed_at", "pk")


def queue(user: AnyUser, *, network: Network, language: str) -> Queue:
    """What `user` has to translate and to review in `network` (and below) into
    `language`. A fixed number of queries: the two lists, their counts, the translations
    and requests, and one per kind of record shown."""
    scope = _scope(user, network, language)
    found = Queue(network=network, language=language)
    pending = list(_ordered(_pending(scope, language))[: QUEUE_LIMIT + 1])
    review = list(_ordered(_to_review(scope, language, user))[: QUEUE_LIMIT + 1])
    if len(pending) > QUEUE_LIMIT:
        found.more_to_translate = _pending(scope, language).count() - QUEUE_LIMIT
    if len(review) > QUEUE_LIMIT:
        found.more_to_review = _to_review(scope, language, user).count() - QUEUE_LIMIT
    shown = pending[:QUEUE_LIMIT] + review[:QUEUE_LIMIT]
    requests = dict(
        TranslationRequest.objects.filter(original__in=shown, language=language)
        .values("original_id")
        .annotate(count=Count("pk"))
        .values_list("original_id", "count")
    )
    entries = {entry.original.pk: entry for entry in _entries(shown, language, requests)}
    found.to_translate = [entries[original.pk] for original in pending[:QUEUE_LIMIT]]
    found.to_review = [entries[original.pk] for original in review[:QUEUE_LIMIT]]
    return found


def queue_counts(user: AnyUser, *, network: Network, language: str) -> int:
    return _pending(_scope(user, network, language), language).count()


def entry_get(user: AnyUser, *, original_id: int, language: str) -> Entry:
    """One text for `user` to translate into `language` (ObjectDoesNotExist when it is
    out of their reach, or already in that language)."""
    original = TextOriginal.objects.exclude(language=language).get(pk=original_id)
    if language not in LANGUAGE_CODES or not may_translate(user, original.network_id, language):
        raise TextOriginal.DoesNotExist
    return _entries([original], language)[0]


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


def coverage(
    user: AnyUser, *, days: int = COVERAGE_DAYS, now: datetime.datetime | None = None
) -> list[CoverageRow]:
    """For each network `user` coordinates: how many of the texts written or changed in the
    last `days` days can be read in each language (in the original, or translated or
    reviewed from the text as it stands; drafts do not count). Three queries."""
    since = (now or timezone.now()) - datetime.timedelta(days=days)
    ids = coordinated_ids(user)
    networks = Network.objects.order_by("level", "name")
    if ids is not None:
        networks = networks.filter(pk__in=sorted(ids))
    recent = TextOriginal.objects.filter(changed_at__gte=since, network_id__isnull=False)
    if ids is not None:
        recent = recent.filter(network_id__in=sorted(ids))
    totals: dict[int, int] = {}
    available: dict[tuple[int, str], int] = {}
    for network_id, language, count in recent.values_list("network_id", "language").annotate(
        count=Count("pk")
    ):
        totals[network_id] = totals.get(network_id, 0) + count
        available[(network_id, language)] = available.get((network_id, language), 0) + count
    current = TextTranslation.objects.filter(
        original__in=recent,
        source_revision=F("original__revision"),
        status__in=[TextStatus.TRANSLATED, TextStatus.REVIEWED],
    )
    for network_id, language, count in current.values_list(
        "original__network_id", "language"
    ).annotate(count=Count("pk")):
        available[(network_id, language)] = available.get((network_id, language), 0) + count
    return [
        CoverageRow(
            network=network,
            total=totals.get(network.pk, 0),
            shares=[
                Share(code, available.get((network.pk, code), 0), totals.get(network.pk, 0))
                for code in LANGUAGE_CODES
            ],
        )
        for network in networks
    ]


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
