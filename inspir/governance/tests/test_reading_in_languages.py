"""Decisions and proposals are read in the reader's language once someone has translated
them, and as they were written before, marked with their language (core/texts.py)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.core.models import TextOriginal, TextStatus, TextTranslation
from inspir.governance.models import Decision, ProposalStatus
from inspir.governance.tests.factories import DecisionFactory, ProposalFactory

pytestmark = pytest.mark.django_db

FRENCH = "Chaque continent organise une visite d'échange en 2021."
SPANISH = "Cada continente organiza una visita de intercambio en 2021."


def page(client, decision: Decision, language: str) -> BeautifulSoup:
    """The decision's page as a member of its network reads it in `language`."""
    client.force_login(user_with_role(decision.committee.network, Role.MEMBER))
    with translation.override(language):
        url = decision.get_absolute_url()
    return BeautifulSoup(client.get(url).content, "html.parser")


def translate(decision: Decision, field: str, text: str, **fields: object) -> TextTranslation:
    original = TextOriginal.objects.get(
        content_type=ContentType.objects.get_for_model(Decision), object_id=decision.pk, field=field
    )
    return TextTranslation.objects.create(
        original=original,
        language="es",
        text=text,
        source_revision=original.revision,
        source_text=getattr(decision, field),
        status=fields.pop("status", TextStatus.TRANSLATED),
        **fields,
    )


@pytest.fixture
def decision(db) -> Decision:
    with translation.override("fr"):
        return DecisionFactory(title="Visites d'échange", statement=FRENCH)


def test_before_it_is_translated_a_spanish_reader_sees_the_french_marked(client, decision):
    shown = page(client, decision, "es")

    assert shown.h1.get_text() == "Visites d'échange" and shown.h1["lang"] == "fr"
    statement = shown.select_one(".decision-statement")
    assert statement.find("div", lang="fr").get_text(strip=True) == FRENCH
    assert "Original en francés: aún sin traducir." in statement.get_text()


def test_once_translated_the_spanish_reader_reads_spanish_and_where_it_comes_from(client, decision):
    translate(decision, "title", "Visitas de intercambio")
    translate(decision, "statement", SPANISH)

    shown = page(client, decision, "es")

    assert shown.h1.get_text() == "Visitas de intercambio" and shown.h1["lang"] == "es"
    statement = shown.select_one(".decision-statement")
    assert statement.find("div", lang="es").get_text(strip=True) == SPANISH
    assert "Traducido del francés." in statement.get_text()
    # The French reader still reads the original, with no note.
    french = page(client, decision, "fr").select_one(".decision-statement")
    assert french.get_text(strip=True) == FRENCH


def test_a_changed_original_shows_again_until_its_translation_is_updated(client, decision):
    translate(decision, "statement", SPANISH)
    decision.statement = "Chaque continent organise deux visites d'échange en 2021."
    decision.save()

    statement = page(client, decision, "es").select_one(".decision-statement")

    assert "deux visites" in statement.get_text() and SPANISH not in statement.get_text()
    assert "su traducción está desactualizada" in statement.get_text()


def test_a_machine_draft_says_so(client, decision):
    translate(decision, "statement", SPANISH, machine=True, status=TextStatus.DRAFT)

    statement = page(client, decision, "es").select_one(".decision-statement")

    assert SPANISH in statement.get_text()
    assert "Traducción automática del francés, aún no revisada por una persona." in (
        statement.get_text()
    )


def test_a_proposal_written_in_spanish_is_marked_for_a_french_reader(client):
    with translation.override("es"):
        proposal = ProposalFactory(
            title="Visitas de intercambio", text=SPANISH, status=ProposalStatus.SUBMITTED
        )
    client.force_login(user_with_role(proposal.origin_network, Role.MEMBER))
    with translation.override("fr"):
        url = proposal.get_absolute_url()

    shown = BeautifulSoup(client.get(url).content, "html.parser")

    assert shown.h1["lang"] == "es"
    text = shown.select_one(".proposal-text")
    assert text.find("div", lang="es").get_text(strip=True) == SPANISH
    assert "Original en espagnol : pas encore traduit." in text.get_text()
