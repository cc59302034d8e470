"""Correcting approved minutes in a real browser: the network's coordinator corrects minutes
that are already published, with a note saying what was corrected; readers see the note
beside the minutes and can still read the published version, and the history keeps both.

Each journey runs with JavaScript, without it, and on a 360 px phone (see test_journeys.py)."""

import pytest
from playwright.sync_api import expect

from e2e.test_journeys import COORDINATOR, MODES, Person, assert_no_console_errors

pytestmark = pytest.mark.browser

REVIEW = "Steering committee — 2020 annual review"
PUBLISHED_START = "Present: the committee's members, except Luis Lopez Cortez (excused)."
CORRECTION = "Present: the committee's members, except Luis Lopez Cortez (excused, by video)."
NOTE = "Luis Lopez Cortez followed the meeting by video."


@pytest.mark.parametrize("mode", MODES)
def test_the_coordinator_corrects_published_minutes_with_a_note(browsing, mode):
    helene = Person(browsing, mode)
    helene.log_in(COORDINATOR)

    helene.goto("/en/governance/meetings/?when=past")
    helene.follow(helene.link(REVIEW).first)
    meeting_url = helene.page.url
    main = helene.page.locator("main")
    expect(main).to_contain_text(PUBLISHED_START)

    # Published minutes are no longer edited: a correction is a new version with a note.
    helene.follow(helene.link("Correct the minutes").first)
    minutes = helene.page.get_by_label("Corrected minutes")
    minutes.fill(minutes.input_value().replace(PUBLISHED_START, CORRECTION))
    helene.page.get_by_label("What was corrected").fill(NOTE)
    helene.follow(
        helene.page.get_by_role("button", name="Save the correction and tell the members")
    )
    expect(helene.page.get_by_role("status")).to_contain_text("The minutes are corrected")
    main = helene.page.locator("main")
    expect(main).to_contain_text(CORRECTION)
    expect(main).to_contain_text(NOTE)

    # The published version stays readable, marked as corrected since.
    helene.follow(helene.link("Version 1"))
    main = helene.page.locator("main")
    expect(main).to_contain_text(PUBLISHED_START)
    expect(main).to_contain_text("This version was corrected since")

    # The history: the published text as the starting point, then her correction.
    helene.goto(meeting_url)
    helene.follow(helene.link("History of the minutes"))
    rows = helene.page.locator("main tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Hélène")
    expect(rows.nth(1)).to_contain_text("The starting point of the history")
    assert_no_console_errors(browsing)
