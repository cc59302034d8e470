"""Governance on paper: the minutes of a meeting, a decision and a committee, printed by
Chromium to PDF as a browser's "Print" does, read back page by page.

What the reader of the printed page must find: the meeting's date with its time zone, the
page number on each page ("2 / 3"); what they must not find: the site's navigation, the
language switcher, buttons, forms and the links that edit."""

import re

import pytest
from playwright.sync_api import Page

from e2e.pdf_text import pages_text
from e2e.test_journeys import COORDINATOR, assert_no_console_errors

pytestmark = pytest.mark.browser

# What only the screen shows: the navigation, the language switcher, the buttons, the forms,
# the editing links a coordinator sees on these pages.
SCREEN_ONLY = [
    "Skip to content",
    "Organisations",
    "My account",
    "Log out",
    "Français",
    "Español",
    "Add to my calendar",
    "Change the meeting",
    "Participants and attendance",
    "Add an agenda item",
    "Write the minutes",
    "Correct the minutes",
    "Cancel the meeting",
    "Add a document",
    "Remove",
    "Move up",
    "Move down",
    "Record a decision",
    "Add a mandate",
    "End the mandate",
    "Change the seat",
    "Add a seat",
    "Calendar feed",
]


def fact(page: Page, label: str) -> str:
    """The value shown on screen beside `label` in the page's list of facts."""
    term = page.locator("main dl.facts dt", has_text=label)
    return term.locator("xpath=following-sibling::dd[1]").inner_text()


def printed(page: Page) -> list[str]:
    """Each printed page's text, its white space made single spaces."""
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    page.emulate_media(media="screen")
    texts = [" ".join(text.split()) for text in pages_text(pdf)]
    counted = re.search(rb"/Type\s*/Pages\b.*?/Count\s+(\d+)", pdf, re.S)
    assert counted, "the PDF names no page count"
    assert len(texts) == int(counted.group(1))
    return texts


def assert_numbered(texts: list[str]) -> None:
    """Each page carries its number and the number of pages, as "2 / 3"."""
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert re.search(rf"(^| ){number} / {total}( |$)", text), (number, text[:200])


def assert_screen_only_absent(texts: list[str]) -> None:
    whole = " ".join(texts)
    assert [words for words in SCREEN_ONLY if words in whole] == []


def dark_backgrounds(page: Page) -> list[str]:
    """Elements printed on a background darker than light grey."""
    page.emulate_media(media="print")
    found = page.evaluate(
        """() => [...document.querySelectorAll('body, body *')].filter((element) => {
            const style = getComputedStyle(element);
            if (style.display === 'none') return false;
            const rgba = style.backgroundColor.match(/[\\d.]+/g).map(Number);
            const alpha = rgba.length > 3 ? rgba[3] : 1;
            return alpha > 0 && (rgba[0] + rgba[1] + rgba[2]) / 3 < 200;
        }).map((element) => element.tagName + '.' + element.className)"""
    )
    page.emulate_media(media="screen")
    return found


def test_a_coordinator_prints_a_decision_and_the_minutes_of_its_meeting(browsing):
    page = browsing.new_page()
    browsing.log_in(page, COORDINATOR)
    page.goto("/en/governance/")
    page.locator("main").get_by_role("link", name="Decisions", exact=True).click()
    page.get_by_role("link", name="Support a Global Fund for Social Protection").first.click()
    page.wait_for_load_state()
    decided = fact(page, "Decided")
    assert re.search(r"\b2020\b.*\(.+UTC", decided), decided

    texts = printed(page)
    assert "Support a Global Fund for Social Protection" in texts[0]
    # When it was decided, with the zone, on the first page.
    assert " ".join(decided.split()) in texts[0]
    assert "INSP!R supports the creation of a Global Fund" in " ".join(texts)
    assert_screen_only_absent(texts)
    assert_numbered(texts)
    assert dark_backgrounds(page) == []

    # The meeting that took it, with its published minutes.
    page.locator("main").get_by_role("link", name="Steering committee — 2020 annual review").click()
    page.wait_for_load_state()
    # On screen, the coordinator has the tools to run the meeting.
    main = page.locator("main")
    # Published minutes are corrected with a note, no longer edited.
    assert main.get_by_role("link", name="Correct the minutes").first.is_visible()
    assert page.locator("header nav.main-nav").is_visible()
    meeting_time = fact(page, "When (time of the meeting)")
    assert re.search(r"\b2020\b.*\(.+UTC", meeting_time), meeting_time

    texts = printed(page)
    whole = " ".join(texts)
    assert "Steering committee — 2020 annual review" in texts[0]
    # The meeting's date and time, with its zone, on the first page.
    assert " ".join(meeting_time.split()) in texts[0]
    assert "Minutes" in whole
    assert "The committee reviewed the year's advocacy work" in whole
    assert_screen_only_absent(texts)
    assert_numbered(texts)
    assert dark_backgrounds(page) == []
    assert_no_console_errors(browsing)


def test_the_committee_page_prints_its_members_without_the_editing_links(browsing):
    page = browsing.new_page()
    browsing.log_in(page, COORDINATOR)
    page.goto("/en/governance/")
    page.locator("main").get_by_role("link", name="INSP!R", exact=True).click()
    page.wait_for_load_state()
    main = page.locator("main")
    assert main.get_by_role("link", name="Add a mandate").is_visible()
    assert main.get_by_role("link", name=re.compile("^End the mandate of")).first.is_visible()

    texts = printed(page)
    whole = " ".join(texts)
    assert "Gabriela Prudencio" in whole
    assert "Composition" in whole
    assert_screen_only_absent(texts)
    assert_numbered(texts)
    assert len(texts) > 1, "the committee no longer fills two pages: numbering is untested"
    assert dark_backgrounds(page) == []
    assert_no_console_errors(browsing)
