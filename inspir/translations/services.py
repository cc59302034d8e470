"""Writes around translations: asking for one, translating, reviewing, a machine draft,
naming translators, and a file back from a translation agency (XLIFF)."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inspir.accounts.models import User
from inspir.accounts.permissions import Action, AnyUser, can
from inspir.core.audit import audit_log
from inspir.core.errors import Conflict, Invalid, NotFound, Refused
from inspir.core.i18n import language_name
from inspir.core.models import TextOriginal, TextStatus, TextTranslation
from inspir.core.texts import digest, record_of, status
from inspir.network.models import Network
from inspir.translations import notices
from inspir.translations.models import TranslationRequest, Translator
from inspir.translations.permissions import (
    LANGUAGE_CODES,
    may_read_texts_of,
    may_translate,
)
from inspir.translations.selectors import translator_candidates


def _user(actor: AnyUser) -> User:
    """The signed-in actor (the views let no one else this far)."""
    return cast(User, actor)


def _current_text(original: TextOriginal) -> str:
    record = record_of(original)
    if record is None:
        raise NotFound()
    return getattr(record, original.field, "") or ""


# --- Asking -------------------------------------------------------------------------------------


def translation_ask(*, actor: AnyUser, original_id: int, language: str) -> bool:
    """`actor` asks for a text in `language`: its translators are told (once per text and
    language, however many ask), and `actor` will be told when it is there. True when the
    request is new."""
    original = TextOriginal.objects.filter(pk=original_id).first()
    if original is None or not may_read_texts_of(actor, original.network_id):
        raise NotFound()
    if language not in LANGUAGE_CODES or language == original.language:
        raise Invalid(_("This text is already in that language."))
    translation = TextTranslation.objects.filter(original=original, language=language).first()
    if status(original, translation, language) in (TextStatus.TRANSLATED, TextStatus.REVIEWED):
        raise Invalid(_("This text is already translated into that language."))
    with transaction.atomic():
        try:
            with transaction.atomic():
                TranslationRequest.objects.create(
                    original=original, language=language, requested_by=_user(actor)
                )
        except IntegrityError:  # asked before (a double click, a second visit)
            return False
        notices.translation_asked(original, language, actor=actor)
    return True


# --- Translating and reviewing ------------------------------------------------------------------


def _locked(original_id: int, language: str) -> tuple[TextOriginal, TextTranslation | None]:
    original = TextOriginal.objects.select_for_update().select_related("content_type")
    found = original.filter(pk=original_id).first()
    if found is None:
        raise NotFound()
    translation = (
        TextTranslation.objects.select_for_update()
        .filter(original=found, language=language)
        .first()
    )
    return found, translation


def _check_seen(
    original: TextOriginal,
    translation: TextTranslation | None,
    *,
    seen_revision: int | None,
    seen_version: int | None,
) -> None:
    if seen_revision is not None and seen_revision != original.revision:
        raise Conflict(
            _(
                "The original changed while you were translating. Nothing was saved: your "
                "text is still in the form; compare it with the changes shown and save again."
            ),
            code="original_changed",
        )
    if (translation.version if translation else 0) != (seen_version or 0):
        raise Conflict(
            _(
                "Someone else saved a translation of this text while you were working on "
                "it. Nothing was overwritten: your text is still in the form, theirs is "
                "shown beside it."
            )
        )


def _write(
    original: TextOriginal,
    translation: TextTranslation | None,
    *,
    language: str,
    text: str,
    status: str,
    source: str,
    actor: AnyUser,
    machine: bool | None = None,
) -> TextTranslation:
    """Write a translation of `original` as it stands (its revision, its text `source`),
    by `actor`, unreviewed; `machine` None keeps what it was (a machine draft edited by a
    person stays marked as one until a second person reviews it)."""
    if translation is None:
        translation = TextTranslation(original=original, language=language, version=0)
    translation.text = text
    translation.status = status
    if machine is not None:
        translation.machine = machine
    translation.source_revision = original.revision
    translation.source_text = source
    translation.translated_by = _user(actor)
    translation.reviewed_by = None
    translation.version += 1
    translation.save()
    return translation


@dataclass(frozen=True)
class Saved:
    translation: TextTranslation
    answered: int  # requests answered by this save


def translation_save(
    *,
    actor: AnyUser,
    original_id: int,
    language: str,
    text: str,
    finished: bool,
    seen_revision: int | None,
    seen_version: int | None,
) -> Saved:
    """Save `actor`'s translation of a text: a draft, or `finished` (translated, which
    tells those who asked for it). `seen_revision` and `seen_version` are the original's
    revision and the translation's version the form was loaded with: if either moved,
    nothing is overwritten."""
    text = text.strip()
    if not text:
        raise Invalid({"text": _("Write the translation.")})
    with transaction.atomic():
        original, translation = _locked(original_id, language)
        if language not in LANGUAGE_CODES or language == original.language:
            raise NotFound()
        if not may_translate(actor, original.network_id, language):
            raise Refused()
        _check_seen(original, translation, seen_revision=seen_revision, seen_version=seen_version)
        source = _current_text(original)
        if digest(source) != original.digest:  # the record changed without its signal
            raise Conflict(code="original_changed")
        translation = _write(
            original,
            translation,
            language=language,
            text=text,
            status=TextStatus.TRANSLATED if finished else TextStatus.DRAFT,
            source=source,
            actor=actor,
        )
        if finished:
            audit_log(
                action="translations.text.translated",
                actor=actor,
                obj=original,
                changes={"language": [None, language]},
            )
        else:
            audit_log(
                action="translations.text.drafted",
                actor=actor,
                obj=original,
                changes={"language": [None, language]},
            )
        answered = notices.translation_done(original, language, actor=actor) if finished else 0
    return Saved(translation=translation, answered=answered)


def translation_review(
    *, actor: AnyUser, original_id: int, language: str, seen_version: int | None
) -> TextTranslation:
    """A second person marks a translation reviewed: read against the original as it
    stands, by someone other than who made it. A machine draft reviewed is a person's."""
    with transaction.atomic():
        original, translation = _locked(original_id, language)
        if translation is None:
            raise NotFound()
        if not may_translate(actor, original.network_id, language):
            raise Refused()
        _check_seen(original, translation, seen_revision=None, seen_version=seen_version)
        if translation.source_revision < original.revision:
            raise Invalid(
                _("The original changed since this translation: translate the changes first.")
            )
        if translation.translated_by_id == actor.pk:
            raise Invalid(
                _("A translation is reviewed by someone other than the person who made it.")
            )
        if translation.status == TextStatus.REVIEWED:
            return translation
        translation.status = TextStatus.REVIEWED
        translation.reviewed_by = _user(actor)
        translation.version += 1
        translation.save()
        audit_log(
            action="translations.text.reviewed",
            actor=actor,
            obj=original,
            changes={"language": [None, language]},
        )
        notices.translation_done(original, language, actor=actor)
    return translation


def machine_draft(
    *, actor: AnyUser, original_id: int, language: str, seen_version: int | None
) -> TextTranslation:
    """Ask the configured machine translation service for a draft, marked as a machine's
    until a person reviews it. Nothing is sent anywhere when no service is configured,
    and a person's translation is never replaced by a machine's."""
    from inspir.translations.machine import MachineTranslationError, machine_translator

    translator = machine_translator()
    if translator is None:
        raise Invalid(_("No machine translation service is configured."))
    original = TextOriginal.objects.filter(pk=original_id).first()
    if original is None:
        raise NotFound()
    if language not in LANGUAGE_CODES or language == original.language:
        raise NotFound()
    if not may_translate(actor, original.network_id, language):
        raise Refused()
    existing = TextTranslation.objects.filter(original=original, language=language).first()
    if (
        existing is not None
        and not existing.machine
        and existing.source_revision == original.revision
    ):
        raise Invalid(_("A person's translation exists: a machine draft would not replace it."))
    source = _current_text(original)
    try:  # outside the transaction: the service may take seconds
        drafted = translator.translate(source, source=original.language, target=language)
    except MachineTranslationError as error:
        raise Invalid(str(error)) from error
    with transaction.atomic():
        original, translation = _locked(original_id, language)
        _check_seen(original, translation, seen_revision=None, seen_version=seen_version)
        translation = _write(
            original,
            translation,
            language=language,
            text=drafted,
            status=TextStatus.DRAFT,
            source=source,
            actor=actor,
            machine=True,
        )
        audit_log(
            action="translations.text.machine_drafted",
            actor=actor,
            obj=original,
            changes={"language": [None, language]},
        )
    return translation


# --- Translators --------------------------------------------------------------------------------


def _check_coordinates(actor: AnyUser, network: Network) -> None:
    if not can(actor, Action.MANAGE_MEMBERS, network):
        raise Refused()


def translator_name(
    *, actor: AnyUser, network: Network, user_id: int, languages: Sequence[str]
) -> Translator:
    """Name someone translator of `network` into `languages` (or change their languages)."""
    _check_coordinates(actor, network)
    languages = [code for code in LANGUAGE_CODES if code in languages]
    if not languages:
        raise Invalid({"languages": _("Choose at least one language.")})
    user = translator_candidates(actor, network).filter(pk=user_id).first()
    if user is None:
        raise Invalid({"user": _("Choose someone who has a role in this network.")})
    with transaction.atomic():
        translator, created = Translator.objects.select_for_update().get_or_create(
            network=network, user=user, defaults={"languages": languages, "named_by": _user(actor)}
        )
        before = [] if created else translator.languages
        if not created and before != languages:
            translator.languages = languages
            translator.save(update_fields=["languages"])
        if created or before != languages:
            audit_log(
                action="translations.translator.named",
                actor=actor,
                obj=translator,
                network=network,
                changes={"languages": [before, languages]},
            )
    return translator


def translator_remove(*, actor: AnyUser, translator: Translator) -> None:
    _check_coordinates(actor, translator.network)
    with transaction.atomic():
        audit_log(
            action="translations.translator.removed",
            actor=actor,
            obj=translator,
            network=translator.network,
            changes={"languages": [translator.languages, []]},
        )
        translator.delete()


# --- Files from translation agencies ------------------------------------------------------------


@dataclass(frozen=True)
class ImportProblem:
    line: int
    unit: str
    message: str


@dataclass(frozen=True)
class Imported:
    applied: int
    problems: list[ImportProblem]
    refused: bool  # nothing was written
    untranslated: list[ImportProblem] = field(default_factory=list)


STALE = gettext_lazy(
    "The original changed since this file was made (it is at revision %(now)s, the file "
    "was made from revision %(then)s): this unit was not imported. Export the text again."
)


def xliff_import(
    *,
    actor: AnyUser,
    network: Network,
    language: str,
    data: bytes,
    skip_refused: bool = False,
) -> Imported:
    """Read a translated XLIFF file back. Each unit must be a text of this queue, made from
    the original as it stands now: a unit made from an earlier revision is refused, with
    its line. Nothing is written when any unit is refused, unless `skip_refused`, which
    imports the others and leaves the refused ones in the queue."""
    from inspir.translations.xliff import ReadUnit, XliffError, xliff_read

    try:
        units, read_problems = xliff_read(data)
    except XliffError as error:
        raise Invalid({"file": str(error)}) from error
    # A unit left untranslated is not an error: its text stays in the queue.
    untranslated = [
        ImportProblem(p.line, p.unit, p.message) for p in read_problems if p.untranslated
    ]
    problems = [
        ImportProblem(p.line, p.unit, p.message) for p in read_problems if not p.untranslated
    ]
    originals = TextOriginal.objects.select_related("content_type").in_bulk(
        sorted({unit.original_id for unit in units})
    )
    fine: list[tuple[ReadUnit, TextOriginal]] = []
    for unit in units:
        unit_id = f"text-{unit.original_id}-r{unit.revision}"
        original = originals.get(unit.original_id)
        refusal = ""
        if unit.target_language.split("-")[0].lower() != language:
            refusal = _("This unit is in %(found)s, the queue in %(language)s.") % {
                "found": language_name(unit.target_language) if unit.target_language else "?",
                "language": language_name(language),
            }
        elif original is None or not may_translate(actor, original.network_id, language):
            refusal = _("No text of this queue has this id.")
        elif original.language == language:
            refusal = _("This text was written in that language.")
        elif unit.revision != original.revision:
            refusal = str(STALE % {"now": original.revision, "then": unit.revision})
        if refusal or original is None:
            problems.append(ImportProblem(unit.line, unit_id, refusal))
        else:
            fine.append((unit, original))
    problems.sort(key=lambda problem: problem.line)
    if problems and not skip_refused:
        return Imported(applied=0, problems=problems, refused=True, untranslated=untranslated)
    applied = 0
    with transaction.atomic():
        for unit, original in fine:
            locked, translation = _locked(original.pk, language)
            if locked.revision != unit.revision:  # changed while the file was read
                problems.append(
                    ImportProblem(
                        unit.line,
                        f"text-{unit.original_id}-r{unit.revision}",
                        str(STALE % {"now": locked.revision, "then": unit.revision}),
                    )
                )
                continue
            _write(
                locked,
                translation,
                language=language,
                text=unit.target,
                status=TextStatus.TRANSLATED,
                source=_current_text(locked),
                actor=actor,
                machine=False,
            )
            notices.translation_done(locked, language, actor=actor)
            applied += 1
        if problems and not skip_refused:
            transaction.set_rollback(True)
            return Imported(applied=0, problems=problems, refused=True, untranslated=untranslated)
        audit_log(
            action="translations.file.imported",
            actor=actor,
            network=network,
            changes={"language": [None, language], "texts": [None, applied]},
        )
    return Imported(applied=applied, problems=problems, refused=False, untranslated=untranslated)
