"""Anonymous visitors get the public governance pages from the page cache; any governance
write makes them stale, so nobody reads an old composition or misses a published decision."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from inspir.governance.tests.factories import (
    CommitteeFactory,
    DecisionFactory,
    MeetingFactory,
    seat,
)
from inspir.network.tests.factories import NetworkFactory, PersonFactory

pytestmark = pytest.mark.django_db

PAST = datetime.datetime(2020, 12, 10, 13, 0, tzinfo=datetime.UTC)


@pytest.fixture
def cached(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300


def test_the_committee_page_follows_a_mandate_that_ends(client, cached):
    committee = CommitteeFactory(network=NetworkFactory(slug="inspir"))
    mandate = seat(committee, PersonFactory(name="Ana Quispe"))
    url = reverse("governance:committee_detail", kwargs={"slug": "inspir"})
    assert "Ana Quispe" in client.get(url).content.decode()
    assert "Ana Quispe" in client.get(url).content.decode()  # from the cache

    mandate.end_date = timezone.localdate() - datetime.timedelta(days=1)
    mandate.save()

    assert "Ana Quispe" not in client.get(url).content.decode()


def test_a_decision_appears_once_the_minutes_are_published(client, cached):
    meeting = MeetingFactory(starts_at=PAST)
    DecisionFactory(meeting=meeting, title="Support a Global Fund")
    url = reverse("governance:decision_list")
    assert "Support a Global Fund" not in client.get(url).content.decode()

    meeting.minutes_published_at = timezone.now()
    meeting.save()

    assert "Support a Global Fund" in client.get(url).content.decode()
