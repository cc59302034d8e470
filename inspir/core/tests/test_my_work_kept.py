""" "My work" is kept for its reader (core/my_work.py, decision 0021): a second visit reads
no domain data, yet a change to the data, to the reader's roles or the mere passing of a
deadline shows at once, and nobody ever gets someone else's list."""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from inspir.accounts.models import Invitation, NetworkRole, Role
from inspir.accounts.services import invitation_revoke
from inspir.core.tests.test_my_work import DEADLINE, client_for, w, waiting  # noqa: F401
from inspir.governance.models import AgendaInput, AgendaItem

pytestmark = pytest.mark.django_db

MEETING = "Steering committee — regular meeting"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()


def visit(client) -> tuple[int, dict[str, list[str]]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/en/my-work/")
    assert response.status_code == 200
    return len(captured), waiting(response.content.decode())


def test_a_second_visit_reads_less_and_shows_the_same(w):
    client = client_for(w.focal_point)
    first, sections = visit(client)
    again, same = visit(client)

    assert again < first
    assert same == sections and sections["Inputs due"] == [MEETING]


def test_each_reader_gets_their_own_list(w):
    visit(client_for(w.focal_point))

    _, coordinator = visit(client_for(w.continental_coordinator))
    _, member = visit(client_for(w.member))

    assert "awa@example.org" in coordinator["Invitations not accepted yet"]
    assert "Inputs due" not in member and "Invitations not accepted yet" not in member


def test_the_input_given_leaves_the_list_at_once(w):
    client = client_for(w.focal_point)
    visit(client)

    AgendaInput.objects.create(
        item=AgendaItem.objects.get(title="Budget 2030"), network=w.benin, text="Agreed."
    )

    assert visit(client)[1]["Inputs due"] == ["Nothing is waiting for you here."]


def test_a_withdrawn_invitation_leaves_its_senders_list_at_once(w):
    client = client_for(w.continental_coordinator)
    assert "awa@example.org" in visit(client)[1]["Invitations not accepted yet"]

    invitation_revoke(
        invitation=Invitation.objects.get(email="awa@example.org"),
        actor=w.continental_coordinator,
    )

    assert "awa@example.org" not in visit(client)[1].get("Invitations not accepted yet", [])


def test_a_role_given_shows_its_work_at_once(w):
    client = client_for(w.member)
    assert "Inputs due" not in visit(client)[1]

    NetworkRole.objects.filter(user=w.member, network=w.benin).update(role=Role.FOCAL_POINT)
    # An update sends no signal: only the reader's own permissions changed.

    assert visit(client)[1]["Inputs due"] == [MEETING]


def test_an_input_stops_being_due_when_its_deadline_passes(w, monkeypatch):
    before = DEADLINE - datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: before)
    client = client_for(w.focal_point)
    visit(client)
    kept, sections = visit(client)
    assert sections["Inputs due"] == [MEETING]

    after = DEADLINE + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: after)
    read_again, sections = visit(client)

    assert sections["Inputs due"] == ["Nothing is waiting for you here."]
    assert read_again > kept  # computed again, not served from what was kept


def test_a_network_losing_its_focal_point_shows_on_the_work_of_those_above_at_once(w):
    client = client_for(w.continental_coordinator)
    assert "Input of INSP!R Bénin" not in str(client.get("/en/my-work/").content.decode())

    NetworkRole.objects.get(user=w.focal_point, network=w.benin).delete()

    assert "Input of INSP!R Bénin" in client.get("/en/my-work/").content.decode()
