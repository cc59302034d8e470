"""The meeting page with the cache on: the meeting's contents, consultations, inputs and
decisions are read once for every reader, and its form-free parts (participants,
preparation) rendered once per kind of reader (core/page_cache.py's shared parts); who may
see what is still decided for each request."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.governance.tests.factories import CommitteeFactory, MeetingFactory, ParticipantFactory
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


def test_a_part_holding_a_form_token_is_never_kept():
    template = Template(
        '{% load shared_parts %}{% shared_part "form" %}{% csrf_token %}{% endshared_part %}'
    )
    request = RequestFactory().get("/")

    first = template.render(Context({"csrf_token": "first-token", "request": request}))
    second = template.render(Context({"csrf_token": "second-token", "request": request}))

    assert "first-token" in first and "second-token" in second
