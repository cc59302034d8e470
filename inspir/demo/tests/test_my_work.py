""" "My work" on the demo network lists exactly what waits for each persona: what their own
networks owe (a network below with its own focal point waits for it, not for the levels
above), their meetings and invitations, their profile's gaps."""

import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from inspir.accounts.models import User
from inspir.demo.loader import load_demo

pytestmark = pytest.mark.django_db

MEETING = "Steering committee — regular meeting"
# The intercontinental committee's consent round, open for another five days.
ROUND = "Endorse the civil society call for a Global Fund for Social Protection"
NOTHING = "Nothing is waiting for you here."
# Bénin's suggestion of a change to West Africa's exchange visits (inspir/demo/planning.py).
SUGGESTION = (
    "INSP!R Bénin suggests: “Échanges entre mutuelles de santé du Bénin, du Togo et du "
    "Burkina Faso sur la couverture des travailleurs de l'économie informelle”"
)


def waiting(email: str) -> dict[str, list[str]]:
    """{section heading: the texts of its items} as the persona's page shows them."""
    client = Client()
    client.force_login(User.objects.get(email=email))
    response = client.get("/en/my-work/")
    assert response.status_code == 200
    found: dict[str, list[str]] = {}
    html = response.content.decode()
    for section in re.findall(r"<section class=\"work-section\".*?</section>", html, re.S):
        heading = re.search(r"<h2[^>]*>(.*?)</h2>", section, re.S)
        title = re.sub(r"<[^>]+>|\s*\(\d+\+?\)", "", heading.group(1)).strip()
        texts = []
        for text in BeautifulSoup(section, "html.parser").select("span.work-text"):
            for mark in text.select(".fallback-mark"):  # "(ES)": the original's language
                mark.decompose()
            texts.append(text.get_text().strip())
        found[title] = texts or ([NOTHING] if NOTHING in section else [])
    return found


@pytest.fixture
def demo():
    load_demo()


def test_the_focal_point_of_benin(demo):
    assert waiting("focal.point@example.org") == {
        # Bénin's input, and West Africa's, whose committee she sits on.
        "Inputs due": [MEETING, MEETING],
        "Proposals awaiting your network": [NOTHING],
        "Follow-ups to report": ["Support a Global Fund for Social Protection"],
        # West Africa's committee has no round open.
        "Your position is asked": [NOTHING],
        "Meetings coming": [NOTHING],
        "Your profile": ["You have not said at which hours you accept to meet."],
    }


def test_the_continental_coordinator(demo):
    assert waiting("continental.coordinator@example.org") == {
        # West Africa's own input; Bénin's input and report wait for Bénin's focal point.
        "Inputs due": [MEETING],
        "Proposals awaiting your network": [NOTHING],
        "Follow-ups to report": [NOTHING],
        "Your position is asked": [ROUND],
        "Meeting invitations to answer": [MEETING],
        "Meetings coming": [MEETING],
        "Invitations not accepted yet": [NOTHING],
        "Your profile": ["You have not said at which hours you accept to meet."],
        # Bénin's suggestion to West Africa's plan, which he owns.
        "Suggestions to the plan awaiting your decision": [SUGGESTION],
    }


def test_the_steering_committee_member(demo):
    assert waiting("steering.member@example.org") == {
        "Inputs due": [NOTHING],
        "Proposals awaiting your network": [
            "Propuesta conjunta a la Unión Europea: salud de las trabajadoras informales"
        ],
        "Follow-ups to report": ["Support a Global Fund for Social Protection"],
        "Your position is asked": [ROUND],
        "Meeting invitations to answer": [MEETING],
        "Meetings coming": [MEETING],
        "Your profile": ["You have not said at which hours you accept to meet."],
        # The committee's chair owns the intercontinental plan with its secretariat.
        "Suggestions to the plan awaiting your decision": [NOTHING],
    }


def test_the_network_coordinator_in_brussels(demo):
    # Every continental network has people of its own: their inputs, proposals and reports
    # wait for them, not for Brussels.
    assert waiting("coordinator@example.org") == {
        "Inputs due": [NOTHING],
        "Proposals awaiting your network": [NOTHING],
        "Follow-ups to report": [NOTHING],
        "Your position is asked": [ROUND],
        "Meeting invitations to answer": [MEETING],
        "Meetings coming": [MEETING],
        "Invitations not accepted yet": [NOTHING],
        "Your profile": ["You have not said at which hours you accept to meet."],
        # West Africa's coordinator decides on its plan's suggestions, not Brussels.
        "Suggestions to the plan awaiting your decision": [NOTHING],
    }
