"""Member-written texts in every language (core/texts.py): every character and text field of
every model is declared, the original's language and revision are kept on every save, and a
reader sees their language when a current translation exists, else the original, marked."""

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import translation

from inspir.core import texts
from inspir.core.models import TextOriginal, TextStatus, TextTranslation
from inspir.governance.models import Decision
from inspir.governance.tests.factories import DecisionFactory

pytestmark = pytest.mark.django_db

NOT_TEXT = (models.SlugField, models.EmailField, models.URLField, models.FilePathField)


def text_fields(model: type[models.Model]) -> list[str]:
    """The fields where someone could type prose: characters or text, editable, free."""
    return [
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, NOT_TEXT)
        and field.concrete
        and field.editable
        and not field.choices
    ]


def undeclared() -> list[str]:
    return [
        f"{model._meta.label}.{name}"
        for model in apps.get_models()
        if model.__module__.startswith("inspir.")
        for name in text_fields(model)
        if name not in texts.declared_fields(model)
    ]


def test_every_text_field_of_every_model_is_declared_translatable_or_not():
    assert undeclared() == [], (
        "declare these in the app's texts.py: translatable, single_language or not_prose"
    )


def test_a_field_declared_nowhere_fails_the_walk(monkeypatch):
    monkeypatch.delitem(texts._not_prose, "governance.CalendarFeed")
    assert undeclared() == ["governance.CalendarFeed.token"]


def test_governance_declares_what_committees_write_for_the_networks():
    assert texts.translatable_fields(Decision) == ("title", "statement")
    declared = {
        model._meta.label: texts.translatable_fields(model) for model in texts.declared_models()
    }
    assert set(declared) >= {
        "governance.Meeting",
        "governance.AgendaItem",
        "governance.AgendaInput",
        "governance.Proposal",
        "governance.Decision",
        "governance.FollowUp",
    }


def original(decision: Decision, field: str = "statement") -> TextOriginal:
    return TextOriginal.objects.get(
        content_type=ContentType.objects.get_for_model(Decision), object_id=decision.pk, field=field
    )


def translate(decision: Decision, language: str, text: str, **fields: object) -> TextTranslation:
    source = original(decision)
    return TextTranslation.objects.create(
        original=source,
        language=language,
        text=text,
        source_revision=source.revision,
        source_text=decision.statement,
        status=fields.pop("status", TextStatus.TRANSLATED),
        **fields,
    )


def test_a_text_keeps_the_language_it_was_written_in_and_a_revision_per_change():
    with translation.override("fr"):
        decision = DecisionFactory(statement="Chaque continent organise une visite d'échange.")
    assert (original(decision).language, original(decision).revision) == ("fr", 1)

    decision.save()  # saved again unchanged: not a new revision
    assert original(decision).revision == 1
    with translation.override("es"):  # edited from the Spanish interface: still French
        decision.statement = "Chaque continent organise deux visites d'échange."
        decision.save()
    assert (original(decision).language, original(decision).revision) == ("fr", 2)


def test_an_empty_text_has_no_original_until_someone_writes_it():
    decision = DecisionFactory(statement="")
    assert not TextOriginal.objects.filter(
        content_type=ContentType.objects.get_for_model(Decision),
        object_id=decision.pk,
        field="statement",
    ).exists()
    assert texts.shown(decision, "statement", "es").text == ""


def test_a_reader_sees_a_current_translation_else_the_original_marked():
    with translation.override("fr"):
        decision = DecisionFactory(statement="Chaque continent organise une visite d'échange.")

    missing = texts.shown(decision, "statement", "es")
    assert (missing.text, missing.language, missing.status) == (decision.statement, "fr", "missing")
    assert missing.is_original and not missing.in_reader_language

    translate(decision, "es", "Cada continente organiza una visita de intercambio.")
    current = texts.shown(decision, "statement", "es")
    assert current.text == "Cada continente organiza una visita de intercambio."
    assert (current.language, current.original_language, current.status) == (
        "es",
        "fr",
        "translated",
    )
    assert current.in_reader_language

    in_french = texts.shown(decision, "statement", "fr")
    assert (in_french.text, in_french.status) == (decision.statement, "original")

    # The original changes: the Spanish is outdated, and the reader sees the new French.
    decision.statement = "Chaque continent organise deux visites d'échange."
    decision.save()
    outdated = texts.shown(decision, "statement", "es")
    assert (outdated.text, outdated.status) == (decision.statement, "outdated")


def test_a_machine_draft_is_marked_until_a_person_reviews_it():
    with translation.override("fr"):
        decision = DecisionFactory(statement="Chaque continent organise une visite d'échange.")
    draft = translate(decision, "en", "Each continent organises an exchange visit.", machine=True)
    assert texts.shown(decision, "statement", "en").machine

    draft.status = TextStatus.REVIEWED
    draft.save()
    reviewed = texts.shown(decision, "statement", "en")
    assert (reviewed.status, reviewed.machine) == ("reviewed", False)


def test_reading_many_texts_costs_two_queries_whatever_their_number(django_assert_num_queries):
    with translation.override("fr"):
        decisions = [DecisionFactory(statement=f"Décision {n}") for n in range(12)]
    for decision in decisions[:5]:
        translate(decision, "en", f"Decision {decision.pk}")

    with django_assert_num_queries(2):
        shown = texts.shown_many(decisions, "statement", "en")

    assert sorted(item.status for item in shown.values()) == ["missing"] * 7 + ["translated"] * 5


def test_a_deleted_record_takes_its_texts_and_their_translations_along():
    with translation.override("fr"):
        decision = DecisionFactory(statement="Chaque continent organise une visite d'échange.")
    translate(decision, "es", "Cada continente organiza una visita de intercambio.")
    other = DecisionFactory(statement="Another decision.")

    Decision.objects.filter(pk=decision.pk).delete()

    assert not TextOriginal.objects.filter(
        content_type=ContentType.objects.get_for_model(Decision), object_id=decision.pk
    ).exists()
    assert not TextTranslation.objects.exists()
    assert texts.shown(other, "statement", "en").text == "Another decision."
