"""The change history in a real browser: the network's coordinator corrects minutes that are
already published, reads what the correction changed, and restores the published text.

Each journey runs with JavaScript, without it, and on a 360 px phone (see test_journeys.py)."""

import pytest
from playwright.sync_api import expect

from e2e.test_journeys import COORDINATOR, MODES, Person, assert_no_console_errors

pytestmark = pytest.mark.browser

REVIEW = "Steering committee — 2020 annual review"
PUBLISHED_START = "Present: the committee's members, except Luis Lopez Cortez (excused)."
CORRECTION = "Present: the committee's members, except Luis Lopez Cortez (excused, by video)."


@pytest.mark.parametrize("mode", MODES)
def test_the_coordinator_corrects_published_minutes_then_restores_them(browsing, mode):
    helene = Person(browsing, mode)
    helene.log_in(COORDINATOR)

    helene.goto("/en/governance/meetings/?when=past")
    helene.follow(helene.link(REVIEW).first)
    meeting_url = helene.page.url
    main = helene.page.locator("main")
    expect(main).to_contain_text(PUBLISHED_START)

    # A correction after publication, through the usual minutes form.
    helene.follow(helene.link("Write the minutes"))
    minutes = helene.page.get_by_label("Minutes")
    minutes.fill(minutes.input_value().replace(PUBLISHED_START, CORRECTION))
    helene.follow(helene.page.get_by_role("button", name="Save"))
    expect(helene.page.get_by_role("status")).to_contain_text("The minutes were saved.")
    expect(helene.page.locator("main")).to_contain_text(CORRECTION)

    # The history: the published text as the starting point, then her correction.
    helene.follow(helene.link("History of the minutes"))
    rows = helene.page.locator("main tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Hélène")
    expect(rows.first).to_contain_text("Minutes")
    expect(rows.nth(1)).to_contain_text("The starting point of the history")

    # The published version: what restoring it would change, line by line.
    helene.follow(rows.nth(1).get_by_role("link"))
    main = helene.page.locator("main")
    expect(main.locator(".line-removed").first).to_contain_text(CORRECTION)
    expect(main.locator(".line-added").first).to_contain_text(PUBLISHED_START)
    helene.follow(helene.page.get_by_role("button", name="Restore this version"))

    expect(helene.page.get_by_role("status")).to_contain_text("was restored")
    expect(helene.page.locator("main tbody tr")).to_have_count(3)
    expect(helene.page.locator("main tbody tr").first).to_contain_text("Restored version")
    helene.goto(meeting_url)
    expect(helene.page.locator("main")).to_contain_text(PUBLISHED_START)
    expect(helene.page.locator("main")).not_to_contain_text(CORRECTION)
    assert_no_console_errors(browsing)
