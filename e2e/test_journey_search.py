"""One search for the whole platform, in a real browser: a French and a Spanish reader type
"benin" without its accent in the header's search box, find the Bénin network among the
results, grouped by kind, and follow the link to its page.

Each journey runs with JavaScript, without it, and on a 360 px phone (see test_journeys.py)."""

import pytest
from playwright.sync_api import expect

from e2e.test_journeys import MODES, Person, assert_no_console_errors

pytestmark = pytest.mark.browser

BENIN = "INSP!R Bénin"
# The header's box, its button, and the heading of the networks' results.
WORDS = {
    "fr": ("Rechercher dans le réseau", "Rechercher", "Réseaux"),
    "es": ("Buscar en la red", "Buscar", "Redes"),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_reader_finds_a_network_from_the_header_without_typing_accents(browsing, mode, language):
    box, button, networks = WORDS[language]
    reader = Person(browsing, mode, locale=language)
    reader.goto(f"/{language}/")

    header = reader.page.locator("header.site-header")
    header.get_by_label(box).fill("benin")
    reader.follow(header.get_by_role("button", name=button))

    assert f"/{language}/search/?q=benin" in reader.page.url
    section = reader.page.locator("section").filter(
        has=reader.page.get_by_role("heading", name=networks)
    )
    expect(section.get_by_role("heading", level=2)).to_contain_text("(1)")
    expect(reader.page.get_by_role("searchbox").first).to_have_value("benin")
    reader.follow(section.get_by_role("link", name=BENIN, exact=True))

    expect(reader.page.get_by_role("heading", level=1)).to_have_text(BENIN)
    assert reader.page.url.endswith(f"/{language}/networks/inspir-benin/")
    assert_no_console_errors(browsing)
