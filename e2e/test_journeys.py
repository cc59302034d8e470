"""What each persona does on the platform today, end to end, in a real browser.

Every journey reads as a user story: where the person goes, what they click, what they see.
Most of them run three ways (the `mode` argument):

- "js": a desktop browser with JavaScript;
- "nojs": a desktop browser without JavaScript (every page must still work with plain links
  and forms);
- "phone": a 360 px wide phone with JavaScript, where no page visited may scroll sideways.

The checks that only make sense with htmx (results swapped in place, the address bar, the
search box) run with JavaScript only. Every journey ends with no error in the browser's
console (script errors and Content-Security-Policy violations are reported there).
"""

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, Request, Response, expect

from e2e.conftest import DEMO_PASSWORD, DESKTOP, PHONE, Browsing, has_horizontal_scroll

MODES = ["js", "nojs", "phone"]
WITH_JAVASCRIPT = ["js", "phone"]

COORDINATOR = "coordinator@example.org"
CONTINENTAL_COORDINATOR = "continental.coordinator@example.org"
STEERING_MEMBER = "steering.member@example.org"
FOCAL_POINT = "focal.point@example.org"
SITE_ADMINISTRATOR = "admin@example.org"

# An organisation's description field, in every language: one text, kept in the language it
# was written in (decision 0027).
DESCRIPTION = re.compile(r"^Description\b", re.IGNORECASE)

# Demo organisations (inspir/demo/data.py).
COTONOU_UNION = "syndicat-des-travailleurs-de-leconomie-informelle-de-cotonou-example"
PORTO_NOVO_YOUTH = "reseau-des-jeunes-pour-la-protection-sociale-de-porto-novo-example"
LOME_MARKET_WOMEN = "Association des femmes vendeuses du grand marché de Lomé (example)"
LOME_MARKET_WOMEN_SLUG = "association-des-femmes-vendeuses-du-grand-marche-de-lome-example"
TOGO_ORGANISATIONS = [
    LOME_MARKET_WOMEN,
    "Confédération nationale des travailleurs du Togo",
    "Confédération syndicale des travailleurs du Togo",
    "Mutuelle de santé des travailleurs de l'économie informelle de Lomé (example)",
    "Union générale des syndicats libres",
    "Union nationale des syndicats indépendants du Togo",
]
TOGO_TRADE_UNIONS = [
    "Confédération nationale des travailleurs du Togo",
    "Confédération syndicale des travailleurs du Togo",
    "Union générale des syndicats libres",
    "Union nationale des syndicats indépendants du Togo",
]
LOME_ORGANISATIONS = [
    "Association des femmes vendeuses du grand marché de Lomé (example)",
    "Mutuelle de santé des travailleurs de l'économie informelle de Lomé (example)",
]


@dataclass
class Person:
    """One person at one browser, in one mode.

    Every page they arrive on (or that htmx updates) goes through `arrived`, which on a phone
    checks that the page does not scroll sideways; `seen` lists those pages, to read in a
    failure's report."""

    browsing: Browsing
    mode: str
    locale: str = "en"
    page: Page = field(init=False)
    seen: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page = self.browsing.new_page(
            javascript=self.mode != "nojs",
            viewport=PHONE if self.mode == "phone" else DESKTOP,
            locale=self.locale,
        )

    def goto(self, path: str) -> Response | None:
        response = self.page.goto(path)
        self.arrived()
        return response

    def follow(self, target: Locator) -> None:
        """Click a link or a button that loads another page."""
        target.click()
        self.page.wait_for_load_state()
        self.arrived()

    def log_in(self, email: str, language: str = "en") -> None:
        self.browsing.log_in(self.page, email, language=language)
        self.arrived()

    def arrived(self) -> None:
        self.page.wait_for_load_state()
        self.seen.append(self.page.url)
        if self.mode == "phone":
            assert not has_horizontal_scroll(self.page), (
                f"{self.page.url} scrolls sideways on a 360 px wide phone"
            )

    # What the person sees

    def link(self, name: str | re.Pattern[str]) -> Locator:
        return self.page.get_by_role("link", name=name)

    def main_menu(self, name: str) -> Locator:
        return self.page.locator("header nav.main-nav").get_by_role("link", name=name, exact=True)

    def language_switcher(self, language: str) -> Locator:
        return self.page.locator("header nav.languages").get_by_role("link", name=language)

    def results_count(self) -> Locator:
        return self.page.locator("#results .results-count")

    def result_names(self) -> list[str]:
        return self.page.locator("#results .card h3").all_inner_texts()


def spaces_normalised(text: str) -> str:
    """Numbers are grouped with (narrow) no-break spaces in French and Spanish."""
    return re.sub(r"\s+", " ", text).strip()


def download_csv(person: Person, link_name: str) -> tuple[list[str], list[list[str]]]:
    """Clicks the download link; returns the spreadsheet's header and rows."""
    with person.page.expect_download() as download_info:
        person.link(link_name).click()
    download = download_info.value
    assert download.suggested_filename == "inspir-organisations.csv"
    with Path(download.path()).open(encoding="utf-8-sig", newline="") as spreadsheet:
        header, *rows = list(csv.reader(spreadsheet))
    return header, rows


def assert_no_console_errors(browsing: Browsing) -> None:
    assert browsing.console_errors == []


# ---------------------------------------------------------------------------------------------
# 1. Public visitor (journalist, donor): no account, a Spanish browser
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_spanish_speaking_visitor_finds_a_togolese_organisation_from_the_map(browsing, mode):
    visitor = Person(browsing, mode, locale="es-BO")

    # Arrives on the bare address with a Bolivian-Spanish browser: the site answers in Spanish.
    visitor.goto("/")
    expect(visitor.page).to_have_url(re.compile(r"/es/$"))
    expect(visitor.page.locator("html")).to_have_attribute("lang", "es")
    figures = visitor.page.locator("ul.figures li")
    values = [
        spaces_normalised(text) for text in figures.locator(".figure-value").all_inner_texts()
    ]
    assert values == ["97", "75", "8", "19", "5", "22 000 000", "24", "12"]
    expect(figures.first).to_contain_text("organizaciones miembro")
    expect(figures.nth(6)).to_contain_text("países")
    expect(figures.last).to_contain_text("comité de pilotaje intercontinental")

    # Opens the members map and picks Togo on it.
    visitor.follow(visitor.main_menu("Mapa"))
    expect(visitor.page.locator("main")).to_contain_text("Organizaciones miembro en 24 países.")
    togo_on_the_map = visitor.page.locator("figure.map").get_by_role(
        "link", name="Togo: 6 organizaciones miembro, 6 movimientos sociales"
    )
    visitor.follow(togo_on_the_map)

    # Lands on the directory, filtered to Togo.
    expect(visitor.page).to_have_url(re.compile(r"/es/organisations/\?country=TG$"))
    expect(visitor.page.get_by_label("País")).to_have_value("TG")
    expect(visitor.results_count()).to_have_text("6 organizaciones encontradas")
    assert visitor.result_names() == TOGO_ORGANISATIONS

    # Downloads the list as a spreadsheet: the same six organisations, all in Togo.
    header, rows = download_csv(visitor, "Descargar esta lista (hoja de cálculo CSV)")
    assert header[:2] == ["Nombre", "Sigla"]
    assert [row[0] for row in rows] == TOGO_ORGANISATIONS
    assert {row[header.index("País")] for row in rows} == {"Togo"}
    assert "CSTT" in [row[1] for row in rows]

    # Opens the market women's association of Lomé: its description exists only in French,
    # and the page says so in Spanish.
    visitor.follow(visitor.page.locator("#results").get_by_role("link", name=LOME_MARKET_WOMEN))
    expect(visitor.page).to_have_url(re.compile(f"/es/organisations/{LOME_MARKET_WOMEN_SLUG}/$"))
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text(LOME_MARKET_WOMEN)
    main = visitor.page.locator("main")
    expect(main).to_contain_text("Organisation des revendeuses du marché d'Adawlato.")
    expect(main).to_contain_text(
        re.compile(r"Original en francés: aún sin traducir\.", re.IGNORECASE)
    )
    expect(main).to_contain_text("Organización de mujeres")

    # Switches to French and stays on the same organisation, now without the note.
    visitor.follow(visitor.language_switcher("Français"))
    expect(visitor.page).to_have_url(re.compile(f"/fr/organisations/{LOME_MARKET_WOMEN_SLUG}/$"))
    expect(visitor.page.locator("html")).to_have_attribute("lang", "fr")
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text(LOME_MARKET_WOMEN)
    expect(main).to_contain_text("Organisation des revendeuses du marché d'Adawlato.")
    expect(main).to_contain_text("Organisation de femmes")
    expect(main).not_to_contain_text("pas encore traduit")

    # And in English: the French text again, with the note in English.
    visitor.follow(visitor.language_switcher("English"))
    expect(visitor.page).to_have_url(re.compile(f"/en/organisations/{LOME_MARKET_WOMEN_SLUG}/$"))
    expect(main).to_contain_text("Organisation des revendeuses du marché d'Adawlato.")
    expect(main).to_contain_text("Original in French: not translated yet.")
    expect(main).to_contain_text("Women's organisation")

    assert_no_console_errors(browsing)


def test_clicking_the_middle_of_benin_on_the_map_opens_benin(browsing):
    visitor = Person(browsing, "js", locale="es-BO")
    visitor.goto("/es/map/")
    benin = visitor.page.locator("figure.map").get_by_role("link", name=re.compile(r"^Benín:"))
    box = benin.bounding_box()
    assert box is not None

    with visitor.page.expect_navigation():
        visitor.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    assert visitor.page.url.endswith("/es/organisations/?country=BJ"), visitor.page.url
    assert_no_console_errors(browsing)


def test_the_not_yet_translated_note_names_the_language_in_lower_case(browsing):
    visitor = Person(browsing, "nojs")
    visitor.goto(f"/es/organisations/{LOME_MARKET_WOMEN_SLUG}/")
    assert "Original en francés: aún sin traducir." in visitor.page.locator("main").inner_text()
    visitor.goto("/fr/organisations/gefont/")
    assert "Original en anglais : pas encore traduit." in visitor.page.locator("main").inner_text()


# ---------------------------------------------------------------------------------------------
# 2. The directory: filters in place for a signed-in member with JavaScript, a plain form
#    for visitors, whose pages carry no script so that they paint fast on a slow phone
# ---------------------------------------------------------------------------------------------


def member(browsing: Browsing, mode: str) -> Person:
    person = Person(browsing, mode)
    person.log_in(STEERING_MEMBER)
    return person


def goto_enhanced(person: Person, path: str) -> None:
    """Open a page and wait for htmx, which loads once the page has painted."""
    person.goto(path)
    # Polled from outside: the policy forbids the evaluation wait_for_function relies on.
    for _ in range(100):
        if person.page.evaluate("typeof window.htmx") == "object":
            return
        person.page.wait_for_timeout(50)
    raise AssertionError(f"htmx did not load on {path}")


@pytest.mark.parametrize("mode", WITH_JAVASCRIPT)
def test_with_javascript_the_filters_update_a_members_results_in_place(browsing, mode):
    visitor = member(browsing, mode)
    goto_enhanced(visitor, "/en/organisations/")
    expect(visitor.results_count()).to_have_text("105 organisations found")
    visitor.page.evaluate("window.__noReload = 1")
    searches: list[str] = []

    def count_searches(request: Request) -> None:
        if "/organisations/" in request.url and request.headers.get("hx-request"):
            searches.append(request.url)

    visitor.page.on("request", count_searches)

    # Chooses a country: the results change, the page stays, the address follows.
    visitor.page.get_by_label("Country").select_option(label="Togo")

    expect(visitor.results_count()).to_have_text("6 organisations found")
    visitor.arrived()
    assert visitor.page.evaluate("window.__noReload") == 1, "the whole page was reloaded"
    expect(visitor.page).to_have_url(re.compile(r"/en/organisations/\?.*\bcountry=TG\b"))
    assert visitor.result_names() == TOGO_ORGANISATIONS
    for card in visitor.page.locator("#results .card").all():
        expect(card).to_contain_text("Togo")

    # The download link follows the filter too.
    header, rows = download_csv(visitor, "Download this list (CSV spreadsheet)")
    assert [row[0] for row in rows] == TOGO_ORGANISATIONS
    assert {row[header.index("Country")] for row in rows} == {"Togo"}

    # Types a word at a normal pace, without pressing Enter: once they pause, the results
    # narrow, searched for as a whole word rather than once per key.
    searches.clear()
    visitor.page.locator("main").get_by_label("Search").press_sequentially("Lomé", delay=60)

    expect(visitor.results_count()).to_have_text("2 organisations found")
    assert visitor.result_names() == LOME_ORGANISATIONS
    visitor.arrived()
    assert visitor.page.evaluate("window.__noReload") == 1, "the whole page was reloaded"
    expect(visitor.page).to_have_url(re.compile(r"\bq=Lom%C3%A9&country=TG\b"))
    assert searches[-1].startswith(f"{browsing.base_url}/en/organisations/?q=Lom%C3%A9&")
    assert len(searches) < len("Lomé"), searches  # one when typing is smooth; never one per key

    # The address can be shared: opened afresh, it gives the same results.
    visitor.goto(visitor.page.url)
    expect(visitor.results_count()).to_have_text("2 organisations found")
    expect(visitor.page.get_by_label("Country")).to_have_value("TG")
    expect(visitor.page.locator("main").get_by_label("Search")).to_have_value("Lomé")

    assert_no_console_errors(browsing)


@pytest.mark.parametrize("mode", ["js"])
def test_back_restores_the_previous_results_with_the_filters(browsing, mode):
    visitor = member(browsing, mode)
    goto_enhanced(visitor, "/en/organisations/")
    visitor.page.get_by_label("Country").select_option(label="Togo")
    expect(visitor.results_count()).to_have_text("6 organisations found")
    visitor.page.get_by_label("Kind of organisation").select_option(label="Trade union")
    expect(visitor.results_count()).to_have_text("4 organisations found")

    visitor.page.go_back()

    expect(visitor.page).to_have_url(re.compile(r"\bcountry=TG\b"))
    expect(visitor.results_count()).to_have_text("6 organisations found")
    # The rest of the page is still there around the results.
    headings = visitor.page.get_by_role("heading", level=1).all_inner_texts()
    assert headings == ["Member organisations and partners"]
    assert visitor.main_menu("Map").is_visible()
    assert visitor.page.get_by_label("Country").input_value() == "TG"
    assert visitor.page.get_by_label("Kind of organisation").input_value() == ""
    assert_no_console_errors(browsing)


def test_clear_filters_is_offered_once_a_filter_is_chosen_with_javascript(browsing):
    visitor = member(browsing, "js")
    goto_enhanced(visitor, "/en/organisations/")
    visitor.page.get_by_label("Country").select_option(label="Togo")
    expect(visitor.results_count()).to_have_text("6 organisations found")

    assert visitor.link("Clear filters").count() == 1, "no 'Clear filters' link"
    visitor.follow(visitor.link("Clear filters"))
    expect(visitor.results_count()).to_have_text("105 organisations found")
    assert_no_console_errors(browsing)


@pytest.mark.parametrize("mode", MODES)
def test_the_filter_button_and_the_pages_keep_the_chosen_filters(browsing, mode):
    visitor = Person(browsing, mode)
    visitor.goto("/en/organisations/")

    visitor.page.get_by_label("Country").select_option(label="Togo")
    visitor.page.get_by_label("Kind of organisation").select_option(label="Trade union")
    visitor.follow(visitor.page.get_by_role("button", name="Filter"))

    expect(visitor.results_count()).to_have_text("4 organisations found")
    assert visitor.result_names() == TOGO_TRADE_UNIONS
    expect(visitor.page).to_have_url(re.compile(r"\bcountry=TG\b.*\bkind=trade_union\b"))
    # A visitor's page has no script, even in a browser that runs them: the button loads the
    # page anew.
    assert visitor.page.locator("script").count() == 0

    # Comes back later for the social movements only: 75 of them, over four pages.
    visitor.goto("/en/organisations/")
    expect(visitor.results_count()).to_have_text("105 organisations found")
    visitor.page.get_by_label("Social movements").select_option(label="Only social movements")
    visitor.follow(visitor.page.get_by_role("button", name="Filter"))
    expect(visitor.results_count()).to_have_text("75 organisations found")
    pages = visitor.page.get_by_role("navigation", name="Pages")
    expect(pages).to_contain_text("Page 1 of 4")
    first_page = visitor.result_names()

    visitor.follow(pages.get_by_role("link", name="Next"))

    expect(pages).to_contain_text("Page 2 of 4")
    expect(visitor.results_count()).to_have_text("75 organisations found")
    expect(visitor.page).to_have_url(re.compile(r"\bmovement=yes\b.*\bpage=2\b"))
    expect(visitor.page.get_by_label("Social movements")).to_have_value("yes")
    second_page = visitor.result_names()
    assert len(second_page) == 20
    assert not set(first_page) & set(second_page)

    assert_no_console_errors(browsing)


# ---------------------------------------------------------------------------------------------
# 3. Network coordinator (WSM, Brussels): edits any organisation; concurrent edits
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_the_network_coordinator_edits_an_organisation_on_another_continent(browsing, mode):
    coordinator = Person(browsing, mode, locale="fr-BE")
    coordinator.log_in(COORDINATOR, language="fr")

    coordinator.goto("/fr/organisations/casc/")
    expect(coordinator.page.get_by_role("heading", level=1)).to_have_text(
        "Confederación Autónoma Sindical Clasista (CASC)"
    )
    coordinator.follow(coordinator.link("Modifier cette organisation"))
    expect(coordinator.page).to_have_url(re.compile(r"/fr/organisations/casc/edit/$"))

    coordinator.page.get_by_label("Sigle").fill("CASC-RD")
    # Its description is kept in Spanish, the language it was written in: corrected in Spanish.
    new_description = "Confederación sindical dominicana, miembro de INSP!R República Dominicana."
    coordinator.page.get_by_label(DESCRIPTION).fill(new_description)
    coordinator.follow(coordinator.page.get_by_role("button", name="Enregistrer"))

    expect(coordinator.page).to_have_url(re.compile(r"/fr/organisations/casc/$"))
    expect(coordinator.page.get_by_role("status")).to_contain_text(
        "L'organisation a été enregistrée."
    )
    expect(coordinator.page.get_by_role("heading", level=1)).to_have_text(
        "Confederación Autónoma Sindical Clasista (CASC-RD)"
    )
    expect(coordinator.page.locator("main")).to_contain_text(new_description)

    # A visitor reading in French sees the new text too.
    visitor = Person(browsing, mode, locale="fr")
    visitor.goto("/fr/organisations/casc/")
    expect(visitor.page.locator("main")).to_contain_text(new_description)
    expect(visitor.link("Modifier cette organisation")).to_have_count(0)

    assert_no_console_errors(browsing)


@pytest.mark.parametrize("mode", MODES)
def test_a_save_based_on_an_old_version_is_refused_and_nothing_is_lost(browsing, mode):
    helene = Person(browsing, mode)  # the network coordinator, in Brussels
    valere = Person(browsing, mode, locale="fr")  # the West-African coordinator, in Lomé
    helene.log_in(COORDINATOR)
    valere.log_in(CONTINENTAL_COORDINATOR, language="fr")

    # Both open the edit form of the same Senegalese health-mutual union.
    helene.goto("/en/organisations/unamusc/edit/")
    valere.goto("/fr/organisations/unamusc/edit/")

    # Hélène saves first, in French, the language the description is kept in.
    helenes_text = "Union des mutuelles de santé du Sénégal, membre d'INSP!R-Sénégal."
    helene.page.get_by_label(DESCRIPTION).fill(helenes_text)
    helene.follow(helene.page.get_by_role("button", name="Save"))
    expect(helene.page.get_by_role("status")).to_contain_text("The organisation was saved.")

    # Valère, who loaded the form before, saves his own text: refused, nothing is lost.
    valeres_text = "Union nationale des mutuelles de santé du Sénégal, point focal santé."
    valere.page.get_by_label(DESCRIPTION).fill(valeres_text)
    valere.follow(valere.page.get_by_role("button", name="Enregistrer"))

    expect(valere.page).to_have_url(re.compile(r"/fr/organisations/unamusc/edit/$"))
    expect(valere.page.get_by_role("alert")).to_contain_text(
        "Quelqu'un d'autre a enregistré cette organisation pendant que vous la modifiiez."
    )
    expect(valere.page.get_by_label(DESCRIPTION)).to_have_value(valeres_text)
    differences = valere.page.get_by_role("table", name="Ce qui diffère de la version enregistrée")
    expect(differences.get_by_role("columnheader")).to_have_text(
        ["Champ", "Version enregistrée", "Votre version"]
    )
    rows = differences.locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.get_by_role("rowheader")).to_have_text(DESCRIPTION)
    expect(rows.first.get_by_role("cell")).to_have_text([helenes_text, valeres_text])

    # Having seen Hélène's text, he saves again on purpose: this time it is saved.
    valere.follow(valere.page.get_by_role("button", name="Enregistrer"))
    expect(valere.page).to_have_url(re.compile(r"/fr/organisations/unamusc/$"))
    expect(valere.page.get_by_role("status")).to_contain_text("L'organisation a été enregistrée.")
    helene.goto("/en/organisations/unamusc/")
    expect(helene.page.locator("main")).to_contain_text(valeres_text)

    assert_no_console_errors(browsing)


@pytest.mark.parametrize("mode", ["js"])
def test_saving_an_organisation_keeps_the_working_languages_nobody_touched(browsing, mode):
    coordinator = Person(browsing, mode)
    coordinator.log_in(COORDINATOR)
    coordinator.goto("/en/organisations/cstt/")
    facts = coordinator.page.locator("dl.facts")
    expect(facts).to_contain_text("French, Ewe")

    coordinator.follow(coordinator.link("Edit this organisation"))
    coordinator.page.get_by_label("Acronym").fill("CSTT-Togo")
    coordinator.follow(coordinator.page.get_by_role("button", name="Save"))

    expect(coordinator.page.get_by_role("status")).to_contain_text("The organisation was saved.")
    assert "French, Ewe" in facts.inner_text()
    assert_no_console_errors(browsing)


# ---------------------------------------------------------------------------------------------
# 4. Continental coordinator (Lomé): their own continent only
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_the_continental_coordinator_edits_only_west_african_organisations(browsing, mode):
    valere = Person(browsing, mode)
    valere.log_in(CONTINENTAL_COORDINATOR)

    # A trade union of INSP!R-Togo, a national network of INSP!R Afrique de l'Ouest.
    valere.goto("/en/organisations/cstt/")
    expect(valere.link("Edit this organisation")).to_be_visible()
    valere.follow(valere.link("Edit this organisation"))
    expect(valere.page.get_by_role("heading", level=1)).to_have_text(
        "Edit Confédération syndicale des travailleurs du Togo"
    )

    # A Nepalese federation, in INSP!R Asia: he can read it but not edit it.
    valere.goto("/en/organisations/gefont/")
    expect(valere.page.get_by_role("heading", level=1)).to_contain_text(
        "General Federation of Nepalese Trade Unions"
    )
    expect(valere.link("Edit this organisation")).to_have_count(0)

    # Typing the edit address by hand leads nowhere.
    response = valere.goto("/en/organisations/gefont/edit/")
    assert response is not None and response.status == 404
    expect(valere.page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(valere.link("Back to the home page")).to_be_visible()
    expect(valere.page.locator("form textarea")).to_have_count(0)

    # Chromium itself logs the 404 answer to that address; nothing else may appear.
    refused = "/en/organisations/gefont/edit/: Failed to load resource: the server responded"
    assert [error for error in browsing.console_errors if refused not in error] == []


# ---------------------------------------------------------------------------------------------
# 5. Steering-committee member: the people of every network, then log out
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_steering_committee_member_finds_the_people_and_their_time_zones(browsing, mode):
    gabriela = Person(browsing, mode)
    gabriela.log_in(STEERING_MEMBER)

    gabriela.follow(gabriela.main_menu("People"))
    expect(gabriela.page.get_by_role("heading", level=1)).to_have_text("People in your networks")
    issa = gabriela.page.get_by_role("row").filter(has_text="Issa Sissouma")
    expect(issa).to_contain_text("Mali")
    expect(issa).to_contain_text("Africa/Bamako")

    # Twenty-five people, over two pages.
    gabriela.follow(
        gabriela.page.get_by_role("navigation", name="Pages").get_by_role("link", name="Next")
    )
    sulistri = gabriela.page.get_by_role("row").filter(has_text="Sulistri Afrileston")
    expect(sulistri).to_contain_text("Indonesia")
    expect(sulistri).to_contain_text("Asia/Jakarta")

    # Logs out from the header: the People link goes away, and so does the page.
    gabriela.follow(gabriela.page.locator("header").get_by_role("button", name="Log out"))
    expect(gabriela.main_menu("Log in")).to_be_visible()
    expect(gabriela.main_menu("People")).to_have_count(0)
    expect(gabriela.main_menu("My account")).to_have_count(0)
    gabriela.goto("/en/people/")
    expect(gabriela.page).to_have_url(re.compile(r"/en/accounts/login/\?next=/en/people/$"))
    expect(gabriela.page.locator("main")).not_to_contain_text("Issa Sissouma")

    assert_no_console_errors(browsing)


# ---------------------------------------------------------------------------------------------
# 6. National focal point (Cotonou): edits INSP!R Bénin's pages and its organisations;
# 7. and a mistyped password on the way
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_the_national_focal_point_sees_their_role_and_edits_benins_organisations(browsing, mode):
    rodrigue = Person(browsing, mode, locale="fr")
    rodrigue.goto("/fr/")
    rodrigue.follow(rodrigue.main_menu("Se connecter"))

    # Mistypes his password: told so in French, his e-mail address is still there.
    rodrigue.page.get_by_label("Courriel").fill(FOCAL_POINT)
    rodrigue.page.get_by_label("Mot de passe").fill("inspir-demo-2019")
    log_in_button = rodrigue.page.locator("main").get_by_role("button", name="Se connecter")
    rodrigue.follow(log_in_button)

    expect(rodrigue.page).to_have_url(re.compile(r"/fr/accounts/login/$"))
    expect(rodrigue.page.locator("main")).to_contain_text(
        "L’adresse e-mail ou le mot de passe sont incorrects."
    )
    expect(rodrigue.page.get_by_label("Courriel")).to_have_value(FOCAL_POINT)
    expect(rodrigue.page.get_by_label("Mot de passe")).to_have_value("")
    expect(rodrigue.main_menu("Mon compte")).to_have_count(0)

    # Types it again, correctly.
    rodrigue.page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    rodrigue.follow(log_in_button)
    expect(rodrigue.page).to_have_url(re.compile(r"/fr/(my-work/)?$"))

    rodrigue.follow(rodrigue.main_menu("Mon compte"))
    expect(rodrigue.page.get_by_role("heading", level=1)).to_have_text("Mon compte")
    expect(rodrigue.page.locator("main")).to_contain_text("Rodrigue Hounkpatin (example)")
    roles = rodrigue.page.locator("main li").filter(has_text=" — ")  # "role — network"
    expect(roles).to_have_text(["Point focal — INSP!R Bénin"])
    rodrigue.follow(rodrigue.link("INSP!R Bénin"))
    expect(rodrigue.page.get_by_role("heading", level=1)).to_have_text("INSP!R Bénin")
    # As its focal point he edits Bénin's page.
    expect(rodrigue.link("Modifier la page de ce réseau")).to_be_visible()

    # His own organisation and another Beninese one: readable, with their people, and editable.
    for slug in (COTONOU_UNION, PORTO_NOVO_YOUTH):
        rodrigue.goto(f"/fr/organisations/{slug}/")
        expect(rodrigue.page.get_by_role("heading", name="Personnes")).to_be_visible()
        expect(rodrigue.link("Modifier cette organisation")).to_be_visible()
    expect(rodrigue.main_menu("Personnes")).to_be_visible()

    assert_no_console_errors(browsing)


def test_the_site_administrator_reaches_the_admin_only_through_the_log_in_and_the_code(browsing):
    from inspir.demo.totp import demo_totp_code

    admin = Person(browsing, "js", locale="fr")
    # The admin's address sends her to the platform's own log-in, not to a form of its own.
    admin.goto("/fr/admin/")
    expect(admin.page).to_have_url(re.compile(r"/fr/accounts/login/\?next=%2Ffr%2Fadmin%2F"))
    admin.page.get_by_label("Courriel").fill(SITE_ADMINISTRATOR)
    admin.page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    admin.follow(admin.page.locator("main").get_by_role("button", name="Se connecter"))

    # The password alone opens nothing: the code is asked for, and a wrong one is refused.
    expect(admin.page).to_have_url(re.compile(r"/fr/accounts/2fa/authenticate/"))
    admin.page.get_by_label("Code").fill("000000")
    admin.follow(admin.page.locator("main").get_by_role("button", name="Connexion"))
    expect(admin.page.locator("main")).to_contain_text("Code incorrect")
    admin.goto("/fr/admin/")  # trying the admin again only brings the code back
    expect(admin.page).to_have_url(re.compile(r"/fr/accounts/2fa/authenticate/"))

    admin.page.get_by_label("Code").fill(demo_totp_code())
    admin.follow(admin.page.locator("main").get_by_role("button", name="Connexion"))

    expect(admin.page).to_have_url(re.compile(r"/fr/admin/$"))
    expect(admin.page.get_by_role("heading", level=1)).to_have_text("Site d’administration")
    admin.goto("/fr/activity/")
    expect(admin.page.get_by_role("heading", level=1)).to_be_visible()
    assert_no_console_errors(browsing)
