"""The demo's texts are recorded in the language they are written in: Latin America's in
Spanish, West Africa's and the Brussels secretariat's French decision in French, the rest in
English, whatever the language the demo is loaded in."""

import pytest
from django.utils import translation

from inspir.core.texts import shown, shown_many
from inspir.demo.loader import load_demo
from inspir.governance.models import AgendaInput, Decision, FollowUp, Proposal

pytestmark = pytest.mark.django_db


def test_each_text_is_recorded_in_the_language_it_was_written_in():
    with translation.override("fr"):
        load_demo()

    proposal = Proposal.objects.get(title__startswith="Propuesta conjunta")
    assert shown(proposal, "text", "en").original_language == "es"
    inputs = shown_many(list(AgendaInput.objects.order_by("pk")), "text", "en")
    languages = sorted(item.original_language for item in inputs.values())
    assert languages == ["es", "es", "fr", "fr"]
    covid = Decision.objects.get(title__startswith="Position sur la COVID-19")
    assert shown(covid, "statement", "es").original_language == "fr"
    assert shown(covid, "statement", "fr").status == "original"
    reports = FollowUp.objects.exclude(report="")
    originals = {
        follow_up.network.slug: shown(follow_up, "report", "fr").original_language
        for follow_up in reports
    }
    assert set(originals.values()) == {"en", "es"}
    assert [slug for slug, language in originals.items() if language == "es"] == [
        next(f.network.slug for f in reports if f.report.startswith("Carta enviada"))
    ]
