"""Which fields of the network's registry hold prose to translate (core/texts.py), and how a
description already written in several languages (the founding data, the demo) is recorded:
one original, in the language the record works in, and the others as its translations.

A network's and an organisation's description is read in every language: its original stays
in `description`, its translations beside it (decision 0027). They belong to the network
whose translators see them: the network itself, or the organisation's network (that of its
first membership, as its audit entries say), moved when a membership is added or removed."""

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from babel.languages import get_official_languages, get_territory_language_info
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from inspir.core.i18n import language_codes
from inspir.core.texts import (
    Context,
    context_refresh,
    in_every_language,
    not_prose,
    translatable,
)


def organisation_network_id(organisation: Any) -> int | None:
    """The network an organisation's texts belong to: its first membership's, None without."""
    return (
        organisation.memberships.order_by("pk").values_list("network_id", flat=True).first()
        if organisation.pk
        else None
    )


def _organisation_context(organisation: Any) -> Context:
    return Context(network_id=organisation_network_id(organisation))


def _membership_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A membership added or removed may move the organisation's texts to another network."""
    from inspir.network.models import Organisation

    if kwargs.get("raw"):
        return
    context_refresh(Organisation.objects.filter(pk=instance.organisation_id))


def declare_texts() -> None:
    from inspir.network.models import Country, Membership, Network, Organisation, Person

    not_prose(Country, "code", reason="an ISO code")
    not_prose(Network, "name", reason="a name, written once")
    not_prose(Organisation, "name", "acronym", reason="a name and its acronym, written once")
    not_prose(Person, "name", "time_zone", "phone", reason="a name, a zone and a number")
    translatable(Network, "description", context=lambda network: Context(network_id=network.pk))
    translatable(Organisation, "description", context=_organisation_context)
    post_save.connect(_membership_changed, sender=Membership, dispatch_uid="texts-membership")
    post_delete.connect(
        _membership_changed, sender=Membership, dispatch_uid="texts-membership-deleted"
    )


# --- The language a record works in ----------------------------------------------------------


def country_languages(code: str) -> list[str]:
    """The platform's languages spoken in a country, the likeliest first: its official
    languages (Unicode CLDR, through Babel), then the others by their share of speakers."""
    platform = language_codes()
    official = list(get_official_languages(code, de_facto=True))
    spoken = get_territory_language_info(code)
    others = sorted(
        (language for language in spoken if language not in official),
        key=lambda language: -float(spoken[language].get("population_percent") or 0),
    )
    return [language for language in [*official, *others] if language in platform]


def countries_languages(codes: Iterable[str]) -> list[str]:
    """The platform's languages spoken across several countries (a network's): first the
    language most of them speak first, then the others by how many countries speak them."""
    platform = language_codes()
    first: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    for code in codes:
        spoken = country_languages(code)
        first.update(spoken[:1])
        anywhere.update(spoken)
    return sorted(
        anywhere,
        key=lambda language: (-first[language], -anywhere[language], platform.index(language)),
    )


def original_language(texts: Mapping[str, str], preferred: Iterable[str] = ()) -> str:
    """Of a text written in several languages (language → text), the language to keep as its
    original: the first of the record's own languages (`preferred`), then the platform's
    order, that has text (the platform's first language when none has)."""
    platform = language_codes()
    order = list(dict.fromkeys([*(code for code in preferred if code in platform), *platform]))
    return next((code for code in order if (texts.get(code) or "").strip()), order[0])


def description_language(
    obj: Any | None, texts: Mapping[str, str], preferred: Iterable[str] = ()
) -> str:
    """The language to write `texts` on `obj` in (None: a record still to create): the one
    its description's original was first recorded in, which a later save never changes,
    when `texts` has it; else `original_language`."""
    recorded = recorded_language(obj) if obj is not None else None
    if recorded and (texts.get(recorded) or "").strip():
        return recorded
    return original_language(texts, preferred)


def recorded_language(obj: Any) -> str | None:
    """The language `obj`'s description was first written in; None before it has any."""
    from inspir.core.models import TextOriginal

    if obj.pk is None:
        return None
    return (
        TextOriginal.objects.filter(
            content_type=_content_type(obj), object_id=obj.pk, field="description"
        )
        .values_list("language", flat=True)
        .first()
    )


# --- Writing and reading the translations ----------------------------------------------------


def _content_type(obj: Any) -> Any:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(type(obj), for_concrete_model=False)


def description_translations_set(obj: Any, texts: Mapping[str, str]) -> int:
    """Record `texts` (language → text) as the translations of `obj`'s description, made by
    a person from its current revision (status "translated"). Call it after the save that
    recorded the original, under `translation.override(original language)`: the original's
    own language is skipped, and an empty text leaves its language as it is. Returns how
    many translations were written."""
    from inspir.core.models import TextOriginal, TextStatus, TextTranslation

    original = TextOriginal.objects.filter(
        content_type=_content_type(obj), object_id=obj.pk, field="description"
    ).first()
    if original is None:  # no description: nothing to translate
        return 0
    existing = {
        translation.language: translation
        for translation in TextTranslation.objects.filter(original=original)
    }
    written = 0
    for language, text in texts.items():
        if language == original.language or not (text or "").strip():
            continue
        wanted = {
            "text": text,
            "status": TextStatus.TRANSLATED,
            "machine": False,
            "source_revision": original.revision,
            "source_text": obj.description,
        }
        current = existing.get(language)
        if current is not None and all(getattr(current, k) == v for k, v in wanted.items()):
            continue  # loaded again unchanged
        TextTranslation.objects.update_or_create(
            original=original, language=language, defaults=wanted
        )
        written += 1
    if written:
        _texts_changed(obj)
    return written


def _texts_changed(obj: Any) -> None:
    """Its translations are read by the search index and the public pages: bring them up to
    date, as a save of the record does."""
    from inspir.core.page_cache import registry_changed
    from inspir.core.search import index_record, providers

    for provider in providers():
        if provider.model is type(obj):
            index_record(provider, obj)
    transaction.on_commit(registry_changed)


def description_by_language(obj: Any) -> dict[str, str]:
    """`obj`'s description as a reader of each platform language reads it (`core.texts.shown`
    rules): its translation where a current one exists, else the original. One query."""
    return in_every_language(obj, "description")
