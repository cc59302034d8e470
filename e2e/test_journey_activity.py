"""The activity log in a real browser: a continental coordinator changes an organisation,
then reads what he did as a sentence in French and in Spanish, and follows its link.

Each journey runs with JavaScript, without it, and on a 360 px phone (see test_journeys.py)."""

import re

import pytest
from playwright.sync_api import expect

from e2e.test_journeys import CONTINENTAL_COORDINATOR, MODES, Person, assert_no_console_errors

pytestmark = pytest.mark.browser

CSTT = "Confédération syndicale des travailleurs du Togo"


@pytest.mark.parametrize("mode", MODES)
def test_the_coordinator_reads_what_he_did_in_his_language(browsing, mode):
    valere = Person(browsing, mode)
    valere.log_in(CONTINENTAL_COORDINATOR, language="fr")

    valere.goto("/fr/organisations/cstt/")
    valere.follow(valere.link("Modifier cette organisation"))
    valere.page.get_by_label("Sigle").fill("CSTT-Togo")
    valere.follow(valere.page.get_by_role("button", name="Enregistrer"))
    expect(valere.page.get_by_role("status")).to_contain_text("L'organisation a été enregistrée.")

    valere.follow(valere.main_menu("Mon compte"))
    valere.follow(valere.link("Journal d'activité"))
    entry = valere.page.locator("main tbody tr").first
    expect(entry).to_contain_text(f"Valère Koffi a modifié l'organisation {CSTT} (CSTT-Togo)")
    expect(entry).to_contain_text("sigle: CSTT → CSTT-Togo")
    expect(valere.page.locator("main")).not_to_contain_text("network.organisation.updated")

    valere.follow(valere.language_switcher("Español"))
    entry = valere.page.locator("main tbody tr").first
    expect(entry).to_contain_text(f"Valère Koffi actualizó la organización {CSTT} (CSTT-Togo)")
    expect(entry).to_contain_text("sigla: CSTT → CSTT-Togo")

    valere.follow(entry.get_by_role("link", name=f"{CSTT} (CSTT-Togo)"))
    expect(valere.page).to_have_url(re.compile(r"/es/organisations/cstt/$"))
    expect(valere.page.get_by_role("heading", level=1)).to_have_text(f"{CSTT} (CSTT-Togo)")
    assert_no_console_errors(browsing)
