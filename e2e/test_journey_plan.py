"""The plan evolves from below: Bénin's focal point, on the plan's pages in French, suggests
an action for West Africa's plan; West Africa's coordinator finds it on "My work", accepts
it, and the action's history says where it came from; the secretariat in Brussels finds it
on the dashboard.

Each journey runs with JavaScript, without it, and on a 360 px phone (see test_journeys.py)."""

import pytest
from playwright.sync_api import expect

from e2e.test_journeys import (
    CONTINENTAL_COORDINATOR,
    COORDINATOR,
    FOCAL_POINT,
    MODES,
    Person,
    assert_no_console_errors,
)

pytestmark = pytest.mark.browser

TITLE = "Émissions de radio sur les mutuelles de santé"


@pytest.mark.parametrize("mode", MODES)
def test_a_national_suggestion_reaches_the_continental_plan(browsing, mode):
    awa = Person(browsing, mode, locale="fr")
    awa.log_in(FOCAL_POINT, language="fr")
    awa.follow(awa.main_menu("Plan"))
    expect(awa.page.locator("h1")).to_contain_text("Plan opérationnel 2020–2021")
    awa.follow(awa.link("Suggérer une action"))
    page = awa.page
    page.get_by_label("Depuis le réseau").select_option(label="INSP!R Bénin")
    page.get_by_label("Pour le plan du réseau").select_option(label="INSP!R Afrique de l'Ouest")
    page.get_by_label("Titre").fill(TITLE)
    page.get_by_label("Description").fill("Une émission par semaine, en fon et en français.")
    page.get_by_label("Domaine").select_option(label="Communication")
    page.get_by_label("Pourquoi").fill("Nos membres écoutent la radio plus qu'ils ne lisent.")
    awa.follow(page.get_by_role("button", name="Envoyer la suggestion"))
    expect(page.get_by_role("status")).to_contain_text("Votre suggestion a été envoyée")

    # West Africa's coordinator finds it waiting and accepts it.
    valere = Person(browsing, mode, locale="fr")
    valere.log_in(CONTINENTAL_COORDINATOR, language="fr")
    valere.goto("/fr/my-work/")
    waiting = valere.page.locator("main section").filter(
        has_text="Suggestions pour le plan en attente de votre décision"
    )
    valere.follow(
        waiting.locator(".work-item").filter(has_text=TITLE).get_by_role("link", name="Décider")
    )
    expect(valere.page.locator("h1")).to_contain_text(TITLE)
    valere.page.get_by_label("L'accepter dans le plan").check()
    valere.page.get_by_label("Réponse à l'auteur de la suggestion").fill("Bienvenue !")
    valere.follow(valere.page.get_by_role("button", name="Enregistrer la décision"))
    expect(valere.page.get_by_role("status")).to_contain_text("La suggestion est acceptée")
    expect(valere.page.locator("h1")).to_contain_text(TITLE)
    valere.follow(valere.link("Historique de l'action"))
    expect(valere.page.locator("main")).to_contain_text("Suggestion du réseau INSP!R Bénin")

    # Awa was told; Brussels counts the action on the dashboard, in English.
    awa.goto("/fr/notifications/")
    expect(awa.page.locator("main")).to_contain_text(f"Votre suggestion « {TITLE} »")
    helene = Person(browsing, mode, locale="en")
    helene.log_in(COORDINATOR, language="en")
    helene.goto("/en/plan/dashboard/?network=inspir-afrique-de-louest")
    expect(helene.page.locator("main")).to_contain_text("Mean progress by domain")
    assert_no_console_errors(browsing)
