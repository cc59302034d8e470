"""Dates at the edges of the calendar (year 1, year 9999) are refused with a message where
they are typed, and ignored where they arrive in a link; never a server error."""

import zoneinfo

import pytest
from django.urls import reverse
from django.utils import translation

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.governance.forms.meetings import MeetingForm
from inspir.governance.forms.preparation import AgendaPublishForm
from inspir.governance.forms.slots import SlotSearchForm
from inspir.governance.tests.factories import CommitteeFactory
from inspir.network.tests.factories import NetworkFactory

OUT_OF_RANGE = "Saisissez une date entre le 1 janvier 1900 et le 31 décembre 2100."
ZONES = [("", [("Europe/Brussels", "Europe/Brussels"), ("Asia/Kathmandu", "Asia/Kathmandu")])]


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_meeting_at_the_edge_of_the_calendar_is_refused(day):
    data = {
        "title": "Steering committee",
        "format": "virtual",
        "date": day,
        "start_time": "00:00" if day.startswith("0001") else "23:00",
        "end_time": "23:59",
        "time_zone": "Asia/Kathmandu",
        "video_url": "https://meet.example.org/x",
    }
    with translation.override("fr"):
        form = MeetingForm(data, zones=ZONES)

        assert form.errors["date"] == [OUT_OF_RANGE]


@pytest.mark.parametrize(
    ("first", "last"), [("0001-01-01", "0001-01-14"), ("9999-12-20", "9999-12-31")]
)
def test_a_slot_search_at_the_edge_of_the_calendar_is_refused(first, last):
    with translation.override("fr"):
        form = SlotSearchForm({"from_date": first, "to_date": last, "minutes": "60"})

        assert form.errors["from_date"] == [OUT_OF_RANGE]
        assert form.errors["to_date"] == [OUT_OF_RANGE]


@pytest.mark.parametrize("deadline", ["0001-01-01T00:00", "9999-12-31T23:59"])
def test_an_input_deadline_at_the_edge_of_the_calendar_is_refused(deadline):
    zone = zoneinfo.ZoneInfo("Pacific/Kiritimati")
    with translation.override("fr"):
        form = AgendaPublishForm({"deadline": deadline}, zone=zone)

        assert form.errors["deadline"] == [OUT_OF_RANGE]


@pytest.mark.parametrize(
    "starts_at",
    ["9999-12-31T23:59Z", "0001-01-01T00:00Z", "2026-02-30T10:00Z", "NaN", "\x00", "1" * 5000],
)
def test_an_unreadable_slot_link_opens_the_meeting_form_without_prefill(starts_at):
    assert MeetingForm.initial_from_slot(starts_at=starts_at, minutes="60", zone="Asia/Tokyo") == {}


@pytest.mark.django_db
def test_the_meeting_form_opens_from_a_slot_link_beyond_the_calendar(client):
    network = NetworkFactory(slug="benin")
    CommitteeFactory(network=network)
    client.force_login(user_with_role(network, Role.COORDINATOR))
    with translation.override("fr"):
        url = reverse("governance:meeting_create", kwargs={"slug": "benin"})

    response = client.get(
        url, {"starts_at": "9999-12-31T23:59Z", "minutes": "99999999999999999999"}
    )

    assert response.status_code == 200
    assert 'name="date"' in response.content.decode()


def test_a_slot_link_inside_the_calendar_still_prefills():
    initial = MeetingForm.initial_from_slot(
        starts_at="2026-03-02T09:00Z", minutes="90", zone="Europe/Brussels"
    )

    assert str(initial["date"]) == "2026-03-02"
    assert initial["start_time"].strftime("%H:%M") == "10:00"
    assert initial["end_time"].strftime("%H:%M") == "11:30"
