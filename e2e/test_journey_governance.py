"""Governance in a real browser: a steering-committee member prepares the next meeting with
her continental network's input, and a visitor follows a decision back down to the networks.

Each journey runs with JavaScript, without it, and on a 360 px phone (see test_journeys.py)."""

import re

import pytest
from playwright.sync_api import expect

from e2e.test_journeys import MODES, STEERING_MEMBER, Person, assert_no_console_errors

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("mode", MODES)
def test_a_committee_member_gives_her_networks_input_before_the_meeting(browsing, mode):
    gabriela = Person(browsing, mode)
    gabriela.log_in(STEERING_MEMBER)

    # The intercontinental committee: the twelve of 2020-2021, nothing broken.
    gabriela.follow(gabriela.main_menu("Governance"))
    gabriela.follow(gabriela.page.locator("main").get_by_role("link", name="INSP!R", exact=True))
    main = gabriela.page.locator("main")
    expect(main).to_contain_text("12 members today")
    expect(main).to_contain_text("Gabriela Prudencio")
    expect(main).not_to_contain_text("Violations")

    # The next meeting, in her own time (La Paz) and in each participant's.
    gabriela.follow(main.get_by_role("link", name="Meetings", exact=True))
    gabriela.follow(gabriela.link("Steering committee — regular meeting").first)
    expect(main).to_contain_text("America/La_Paz, UTC−04:00")
    samy = gabriela.page.get_by_role("row").filter(has_text="Samy Arokiasamy")
    expect(samy).to_contain_text("Asia/Kolkata, UTC+05:30")
    expect(main).to_contain_text("Inputs still expected")

    # She gives Latin America's input on the website item.
    gabriela.follow(gabriela.link("Give INSP!R América Latina's input"))
    website = gabriela.page.get_by_role(
        "textbox", name=re.compile("one website for the whole network")
    )
    website.fill("Empezar por el boletín de Bolivia y el blog de Perú.")
    gabriela.follow(gabriela.page.get_by_role("button", name="Save the input"))

    # Back on the meeting page, her text stands in Latin America's column.
    expect(gabriela.page).to_have_url(re.compile(r"/en/governance/meetings/\d+/$"))
    expect(gabriela.page.locator("main")).to_contain_text(
        "Empezar por el boletín de Bolivia y el blog de Perú."
    )
    assert_no_console_errors(browsing)


@pytest.mark.parametrize("mode", MODES)
def test_a_visitor_follows_a_decision_down_to_the_networks(browsing, mode):
    visitor = Person(browsing, mode)
    visitor.goto("/en/governance/")

    visitor.follow(visitor.page.locator("main").get_by_role("link", name="Decisions", exact=True))
    visitor.follow(visitor.link("Support a Global Fund for Social Protection").first)
    main = visitor.page.locator("main")
    expect(main).to_contain_text("INSP!R supports the creation of a Global Fund")

    visitor.follow(main.get_by_role("link", name=re.compile("follow-up|report", re.I)).first)
    expect(main).to_contain_text("INSP!R Afrique de l'Ouest")
    expect(main).to_contain_text("Position presented to ECOWAS")
    # Benin reports under West Africa, which passed the decision on to it.
    expect(main).to_contain_text("INSP!R Bénin")
    # Who reported is for members only.
    expect(main).not_to_contain_text("continental.coordinator@example.org")
    assert_no_console_errors(browsing)
