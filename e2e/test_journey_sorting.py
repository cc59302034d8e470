"""Names in the reader's order and search without accents, in a real browser: a French, a
Spanish and an English reader choose a country in the directory and search as they type
on a keyboard without accents.

Each journey runs with JavaScript, without it, and on a 360 px phone (see test_journeys.py)."""

import pytest
from playwright.sync_api import expect

from e2e.test_journeys import MODES, Person, assert_no_console_errors

pytestmark = pytest.mark.browser

LOME_MUTUAL = "Mutuelle de santé des travailleurs de l'économie informelle de Lomé (example)"
BENIN_CENTRE = "Centre béninois d'études sur la protection sociale (example)"

# The demo's countries, as each reader expects them: accents do not send Bénin after Burundi.
COUNTRIES = {
    "fr": [
        "Bangladesh", "Belgique", "Bénin", "Bolivie", "Burkina Faso", "Burundi", "Cambodge",
        "Congo-Kinshasa", "Côte d’Ivoire", "Guatemala", "Guinée", "Haïti", "Honduras", "Inde",
        "Indonésie", "Mali", "Népal", "Nicaragua", "Pérou", "Philippines",
        "République dominicaine", "Rwanda", "Sénégal", "Togo",
    ],
    "es": [
        "Bangladés", "Bélgica", "Benín", "Bolivia", "Burkina Faso", "Burundi", "Camboya",
        "Côte d’Ivoire", "Filipinas", "Guatemala", "Guinea", "Haití", "Honduras", "India",
        "Indonesia", "Mali", "Nepal", "Nicaragua", "Perú", "República Democrática del Congo",
        "República Dominicana", "Ruanda", "Senegal", "Togo",
    ],
    "en": [
        "Bangladesh", "Belgium", "Benin", "Bolivia", "Burkina Faso", "Burundi", "Cambodia",
        "Congo - Kinshasa", "Côte d’Ivoire", "Dominican Republic", "Guatemala", "Guinea",
        "Haiti", "Honduras", "India", "Indonesia", "Mali", "Nepal", "Nicaragua", "Peru",
        "Philippines", "Rwanda", "Senegal", "Togo",
    ],
}  # fmt: skip
LABELS = {
    "fr": ("Pays", "Rechercher", "Filtrer"),
    "es": ("País", "Buscar", "Filtrar"),
    "en": ("Country", "Search", "Filter"),
}


@pytest.mark.parametrize("mode", MODES)
def test_readers_find_countries_in_their_order_and_names_without_typing_accents(browsing, mode):
    for language, query, expected in [
        ("fr", "sante lome", [LOME_MUTUAL]),
        ("es", "SANTE LOME", [LOME_MUTUAL]),
        ("en", "beninois", [BENIN_CENTRE]),
    ]:
        reader = Person(browsing, mode, locale=language)
        country, search, filter_button = LABELS[language]
        reader.goto(f"/{language}/organisations/")

        options = reader.page.get_by_label(country).locator("option").all_inner_texts()
        assert [option.strip() for option in options[1:]] == COUNTRIES[language]

        reader.page.locator("main").get_by_label(search).fill(query)
        reader.follow(reader.page.get_by_role("button", name=filter_button))

        expect(reader.page.locator("#results .card h3")).to_have_count(len(expected))
        assert reader.result_names() == expected
        reader.page.close()

    assert_no_console_errors(browsing)
