"""The annual report: the coordinator in Brussels opens the 2020 report in French, writes a
line of its introduction, makes the editions (laid out at once here: the test server's queue
runs tasks inline) and publishes the French one; a visitor downloads it and reads the line
in it. A member of the steering committee reads the report in Spanish and cannot make
editions.

Each journey runs with JavaScript, without it, and on a 360 px phone (see test_journeys.py)."""

import re

import pytest
from playwright.sync_api import expect

from e2e.test_journeys import (
    COORDINATOR,
    MODES,
    STEERING_MEMBER,
    Person,
    assert_no_console_errors,
)
from inspir.reports.tests.pdf_pages import pdf_text

pytestmark = pytest.mark.browser

LINE = "Une année tenue en ligne, d'un bout à l'autre."


@pytest.mark.parametrize("mode", MODES)
def test_the_coordinator_makes_and_publishes_the_2020_report(browsing, mode):
    helene = Person(browsing, mode, locale="fr")
    helene.log_in(COORDINATOR, language="fr")
    helene.goto("/fr/reports/")
    helene.follow(
        helene.page.locator("main li").filter(has_text="INSP!R :").get_by_role("link", name="2020")
    )
    expect(helene.page.locator("h1")).to_contain_text("Rapport annuel 2020 — INSP!R")
    # The demo's editions (their data frozen) are what the page shows.
    expect(helene.page.locator("main")).to_contain_text("Chiffres clés à la fin de 2020")
    expect(helene.page.locator("main")).to_contain_text("97")

    helene.follow(helene.link("Modifier l'introduction et les crédits"))
    introduction = helene.page.get_by_label("Introduction")
    introduction.fill(introduction.input_value() + "\n\n" + LINE)
    helene.follow(helene.page.get_by_role("button", name="Enregistrer"))
    expect(helene.page.get_by_role("status")).to_contain_text("ont été enregistrés")

    # The test server lays the PDFs out before answering (its queue runs tasks inline): the
    # answer may take longer than a click waits for.
    with helene.page.expect_navigation(timeout=120_000):
        helene.page.get_by_role("button", name=re.compile("Produire les éditions")).click(
            no_wait_after=True
        )
    helene.arrived()
    expect(helene.page.get_by_role("status")).to_contain_text("mise en page dans 3 langues")
    helene.goto("/fr/reports/inspir/2020/")
    editions = helene.page.locator("#editions tbody tr")
    french = editions.filter(has_text="français").first
    expect(french).to_contain_text("Édition 2")
    expect(french).to_contain_text("prête")
    helene.follow(french.get_by_role("button", name="Publier"))
    expect(helene.page.get_by_role("status")).to_contain_text("est publiée")

    # Anyone downloads it from the list of published reports and reads the new line.
    visitor = Person(browsing, mode, locale="fr")
    visitor.goto("/fr/reports/")
    link = visitor.page.locator("main li").filter(has_text="français").first.get_by_role("link")
    response = visitor.page.request.get(link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    text = pdf_text(response.body())
    assert LINE in text
    assert "Rapport annuel" in text.replace("RAPPORT", "Rapport") or "RAPPORT" in text
    assert_no_console_errors(browsing)


@pytest.mark.parametrize("mode", MODES)
def test_a_committee_member_reads_the_report_in_spanish(browsing, mode):
    member = Person(browsing, mode, locale="es")
    member.log_in(STEERING_MEMBER, language="es")
    member.goto("/es/reports/inspir/2020/")
    expect(member.page.locator("h1")).to_contain_text("Informe anual 2020 — INSP!R")
    expect(member.page.locator("main")).to_contain_text("Cifras clave a finales de 2020")
    expect(member.page.get_by_role("button", name=re.compile("Generar"))).to_have_count(0)
    assert_no_console_errors(browsing)
