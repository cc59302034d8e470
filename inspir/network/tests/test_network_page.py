"""A network's page is edited by those who edit its content: its focal point and its
coordinators (docs/permissions.md), never overwriting a concurrent save."""

import pytest
from bs4 import BeautifulSoup

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.core.models import AuditEntry
from inspir.network.models import Network
from inspir.network.tests.factories import continental, national

pytestmark = pytest.mark.django_db

URL = "/en/networks/inspir-benin/"
EDIT = URL + "edit/"


@pytest.fixture
def benin() -> Network:
    return national(continental(name="Africa"), name="INSP!R Bénin", slug="inspir-benin")


def form_data(network: Network, **changes: object) -> dict[str, object]:
    return {
        "description": network.description,
        "version": network.version,
        **changes,
    }


def edit_link(client) -> object:
    return BeautifulSoup(client.get(URL).text, "html.parser").find(
        "a", string="Edit this network's page"
    )


def test_the_focal_point_edits_benins_page(client, benin):
    focal_point = user_with_role(benin, Role.FOCAL_POINT)
    client.force_login(focal_point)
    assert edit_link(client)["href"] == EDIT

    response = client.post(EDIT, form_data(benin, description="Le réseau béninois."))

    assert response.status_code == 302 and response["Location"] == URL
    benin.refresh_from_db()
    assert (benin.description, benin.version) == ("Le réseau béninois.", 2)
    entry = AuditEntry.objects.get(action="network.network.updated")
    assert (entry.actor, entry.network) == (focal_point, benin)
    assert "Le réseau béninois." in client.get("/fr/networks/inspir-benin/").text


def test_a_plain_member_and_anonymous_visitors_see_no_edit_button_and_cannot_edit(client, benin):
    assert edit_link(client) is None
    assert client.get(EDIT)["Location"].startswith("/en/accounts/login/")
    client.force_login(user_with_role(benin, Role.MEMBER))
    assert edit_link(client) is None
    assert client.get(EDIT).status_code == 404
    assert client.post(EDIT, form_data(benin, description="Mine")).status_code == 404
    # Another country's focal point neither.
    client.force_login(user_with_role(national(), Role.FOCAL_POINT))
    assert client.get(EDIT).status_code == 404
    benin.refresh_from_db()
    assert benin.description == ""


def test_a_save_based_on_an_old_version_is_refused_and_keeps_what_was_typed(client, benin):
    client.force_login(user_with_role(benin, Role.FOCAL_POINT))
    stale = form_data(benin, description="Theirs")
    client.post(EDIT, form_data(benin, description="First"))

    response = client.post(EDIT, stale)

    assert response.status_code == 200
    page = BeautifulSoup(response.text, "html.parser")
    assert "Someone else saved this network's page" in page.select_one("[role=alert]").get_text()
    assert page.select_one("textarea[name=description]").get_text().strip() == "Theirs"
    benin.refresh_from_db()
    assert benin.description == "First"
