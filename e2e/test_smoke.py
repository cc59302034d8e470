from e2e.conftest import PHONE, has_horizontal_scroll


def test_the_home_page_shows_the_key_figures_in_a_real_browser(browsing):
    page = browsing.new_page()

    page.goto("/fr/")

    assert page.locator("[data-figure=member_organisations] .figure-value").inner_text() == "97"
    assert browsing.console_errors == []


def test_the_home_page_fits_a_phone(browsing):
    page = browsing.new_page(viewport=PHONE, javascript=False)

    page.goto("/es/")

    assert not has_horizontal_scroll(page)
