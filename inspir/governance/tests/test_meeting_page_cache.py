"""The meeting page with the cache on: the meeting's contents, consultations, inputs and
decisions are read once for every reader, its parts rendered once per kind of reader and
the whole content once per reader (core/page_cache.py's shared parts), forms included
with each reader's own tokens; who may see what is still decided for each request, and
what time alone changes (the meeting starting) shows at once."""

import datetime
import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.governance.models import InvitationAnswer
from inspir.governance.tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingFactory,
    ParticipantFactory,
)
from inspir.network.tests.factories import NetworkFactory, PersonFactory, national

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()


@pytest.fixture
def meeting():
    world = NetworkFactory(name="INSP!R", slug="inspir")
    benin = national(world, name="INSP!R Bénin", slug="benin")
    togo = national(world, name="INSP!R-Togo", slug="togo")
    meeting = MeetingFactory(committee=CommitteeFactory(network=benin), title="Benin's meeting")
    ParticipantFactory(
        meeting=meeting, person=PersonFactory(name="Aïcha", email="aicha@example.org")
    )
    meeting.benin, meeting.togo = benin, togo
    return meeting


def url(meeting) -> str:
    return reverse("governance:meeting_detail", kwargs={"pk": meeting.pk})


def test_an_unpublished_meeting_read_by_one_reader_stays_hidden_from_others(client, meeting):
    client.force_login(user_with_role(meeting.benin, Role.MEMBER))
    assert client.get(url(meeting)).status_code == 200

    client.force_login(user_with_role(meeting.togo, Role.MEMBER))
    assert client.get(url(meeting)).status_code == 404

    meeting.agenda_published_at = timezone.now()
    meeting.save()
    assert client.get(url(meeting)).status_code == 200


def test_the_second_reading_asks_only_for_the_reader(client, meeting):
    client.force_login(user_with_role(meeting.benin, Role.MEMBER))
    client.get(url(meeting))

    client.force_login(user_with_role(meeting.benin, Role.MEMBER))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(meeting))

    assert response.status_code == 200 and "Aïcha" in response.text
    assert len(queries) == 3  # session, account, reach


def test_a_change_shows_at_once(client, meeting):
    client.force_login(user_with_role(meeting.benin, Role.COORDINATOR))
    client.get(url(meeting))

    meeting.title = "Benin's meeting, moved"
    meeting.save()
    ParticipantFactory(meeting=meeting, person=PersonFactory(name="Kofi"))

    page = client.get(url(meeting)).text
    assert "Benin&#x27;s meeting, moved" in page and "Kofi" in page


def test_addresses_kept_for_members_are_not_shown_to_the_public(client, meeting):
    meeting.agenda_published_at = timezone.now()
    meeting.save()
    client.force_login(user_with_role(meeting.benin, Role.MEMBER))
    assert "aicha@example.org" in client.get(url(meeting)).text

    client.force_login(user_with_role(meeting.togo, Role.MEMBER))
    page = client.get(url(meeting)).text
    assert "Aïcha" in page and "aicha@example.org" not in page


def test_a_governor_reads_the_kept_page_and_its_forms_still_work(client, meeting):
    first = AgendaItemFactory(meeting=meeting, title="Budget", position=1)
    AgendaItemFactory(meeting=meeting, title="Elections", position=2)
    client.force_login(user_with_role(meeting.benin, Role.COORDINATOR))
    client.get(url(meeting))

    with CaptureQueriesContext(connection) as queries:
        page = client.get(url(meeting)).text
    assert len(queries) == 3  # session, account, reach

    # The "move down" form of the first item, with the tokens the kept page carries.
    move = reverse("governance:agenda_item_move", kwargs={"pk": first.pk})
    form = re.search(rf'<form method="post" action="({move})".*?</form>', page, re.S)
    assert form is not None
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]+)"', form.group(0)))
    response = client.post(form.group(1), {**fields, "direction": "down"})

    assert response.status_code == 302
    titles = list(meeting.items.order_by("position").values_list("title", flat=True))
    assert titles == ["Elections", "Budget"]


def test_the_page_kept_for_one_reader_is_never_anothers(client, meeting):
    member = PersonFactory(name="Kofi")
    ParticipantFactory(meeting=meeting, person=member, answer=InvitationAnswer.ATTENDING)
    client.force_login(user_with_role(meeting.benin, Role.MEMBER, person=member))
    assert "Your answer to the invitation" in client.get(url(meeting)).text

    client.force_login(user_with_role(meeting.benin, Role.MEMBER))
    assert "Your answer to the invitation" not in client.get(url(meeting)).text


def test_the_meeting_starting_changes_the_kept_page_at_once(client, meeting, monkeypatch):
    meeting.starts_at = timezone.now() + datetime.timedelta(hours=1)
    meeting.ends_at = meeting.starts_at + datetime.timedelta(hours=2)
    meeting.save()
    client.force_login(user_with_role(meeting.benin, Role.COORDINATOR))
    before = meeting.starts_at - datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: before)
    client.get(url(meeting))
    assert (
        "Decisions can be recorded once the meeting has started." in client.get(url(meeting)).text
    )

    after = meeting.starts_at + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: after)
    page = client.get(url(meeting)).text

    assert "Decisions can be recorded once the meeting has started." not in page
    assert "Record a decision" in page
