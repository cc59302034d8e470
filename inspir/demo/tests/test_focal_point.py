"""The demo's national focal point (INSP!R Bénin, with a seat on West Africa's committee)
edits Bénin's page and its organisations and reports for Bénin, which has no committee, as
well as for West Africa, each form saying for which network she acts."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from inspir.accounts.models import User
from inspir.governance.models import FollowUp
from inspir.network.models import Network

pytestmark = pytest.mark.django_db

COTONOU_UNION = "syndicat-des-travailleurs-de-leconomie-informelle-de-cotonou-example"


@pytest.fixture
def focal_point(demo, client) -> User:
    user = User.objects.get(email="focal.point@example.org")
    client.force_login(user)
    return user


def test_she_edits_benins_page_and_her_organisation(client, focal_point):
    assert client.get("/en/networks/inspir-benin/edit/").status_code == 200
    assert client.get(f"/en/organisations/{COTONOU_UNION}/edit/").status_code == 200
    page = BeautifulSoup(client.get("/en/networks/inspir-benin/").text, "html.parser")
    assert page.find("a", string="Edit this network's page")["href"] == (
        "/en/networks/inspir-benin/edit/"
    )


def test_she_reports_for_benin_and_west_africa_each_form_saying_which(client, focal_point):
    benin = Network.objects.get(slug="inspir-benin")
    follow_up = FollowUp.objects.filter(network=benin).select_related("decision").first()
    assert follow_up is not None
    assert (
        client.get(reverse("governance:follow_up_report", args=[follow_up.pk])).status_code == 200
    )
    board = BeautifulSoup(
        client.get(reverse("governance:follow_up_board", args=[follow_up.decision_id])).text,
        "html.parser",
    )
    said = {p.get_text(" ", strip=True) for p in board.select(".acting-for")}
    assert "You report for INSP!R Bénin (as its focal point)" in said
    assert any("INSP!R Afrique de l" in text and "member of its committee" in text for text in said)
