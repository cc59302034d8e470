"""A decision written in French, read in Spanish: a Latin American member of the steering
committee finds the French original, marked as such, and asks for a translation; the
network's translator into Spanish is told, finds it at the top of her queue, translates it
beside the original; the member then reads it in Spanish, and the secretariat in Brussels
still reads its French.

Each journey runs with JavaScript, without it, and on a 360 px phone (see test_journeys.py)."""

import re

import pytest
from playwright.sync_api import expect

from e2e.test_journeys import COORDINATOR, MODES, STEERING_MEMBER, Person, assert_no_console_errors

pytestmark = pytest.mark.browser

TRANSLATOR = "translator@example.org"
TITLE = "Position sur la COVID-19 : égal accès aux soins et aux vaccins"
FRENCH = "INSP!R demande des équipements de protection, des tests fiables"
SPANISH = (
    "INSP!R pide equipos de protección, pruebas fiables y una vacunación segura para todas y "
    "todos, transparencia en los contratos de vacunas, y se suma a la campaña europea "
    "«No profit on pandemic»."
)


def open_decision(person: Person, language: str) -> None:
    person.goto(f"/{language}/governance/decisions/")
    person.follow(person.link(TITLE).first)


@pytest.mark.parametrize("mode", MODES)
def test_a_french_decision_is_asked_for_translated_and_read_in_spanish(browsing, mode):
    gabriela = Person(browsing, mode, locale="es")
    gabriela.log_in(STEERING_MEMBER, language="es")
    open_decision(gabriela, "es")
    statement = gabriela.page.locator(".decision-statement")
    expect(statement.locator("[lang=fr]")).to_contain_text(FRENCH)
    expect(statement).to_contain_text("Original en francés: aún sin traducir.")
    gabriela.follow(statement.get_by_role("button", name="Pedir una traducción"))
    expect(gabriela.page.get_by_role("status")).to_contain_text("se envió a los traductores")
    decision_url = gabriela.page.url

    # The translator was told, and finds the decision in her queue into Spanish.
    lucia = Person(browsing, mode, locale="es")
    lucia.log_in(TRANSLATOR, language="es")
    lucia.goto("/es/notifications/")
    expect(lucia.page.locator("main")).to_contain_text("Se pide una traducción al español")
    lucia.follow(lucia.main_menu("Traducciones"))
    into_spanish = lucia.page.locator("main section").filter(has_text="Al español")
    lucia.follow(into_spanish.get_by_role("link", name=re.compile(r"^INSP!R: \d+ textos?")))
    wanted = lucia.page.locator("#to-translate + ol li").filter(has_text="texto de la decisión")
    expect(wanted.filter(has_text="COVID-19")).to_contain_text("pedida por 1 persona")
    lucia.follow(wanted.filter(has_text="COVID-19").get_by_role("link"))
    expect(lucia.page.locator("main .card[lang=fr]")).to_contain_text(FRENCH)
    lucia.page.get_by_role("textbox", name="Traducción").fill(SPANISH)
    lucia.follow(lucia.page.get_by_role("button", name="Guardar como traducida"))
    expect(lucia.page.get_by_role("status")).to_contain_text("La traducción se guardó")
    expect(
        lucia.page.locator("#to-translate + ol li")
        .filter(has_text="texto de la decisión")
        .filter(has_text="COVID-19")
    ).to_have_count(0)

    # Gabriela reads it in Spanish now, said to be translated from French.
    gabriela.goto(decision_url)
    statement = gabriela.page.locator(".decision-statement")
    expect(statement.locator("[lang=es]")).to_contain_text("INSP!R pide equipos de protección")
    expect(statement).to_contain_text("Traducido del francés.")

    # The secretariat in Brussels reads the French it wrote, with no note.
    helene = Person(browsing, mode, locale="fr")
    helene.log_in(COORDINATOR, language="fr")
    open_decision(helene, "fr")
    statement = helene.page.locator(".decision-statement")
    expect(statement.locator("[lang=fr]")).to_contain_text(FRENCH)
    expect(statement).not_to_contain_text("Original")
    assert_no_console_errors(browsing)
