"""The demo's founding meeting (Geneva, November 2019, as the 2020 report tells it) and what
governance's sections of the annual report say of the demo's 2020."""

import datetime

import pytest
from django.utils import translation

from inspir.core.report_sections import ReportScope
from inspir.core.texts import shown
from inspir.demo import data
from inspir.demo.loader import load_demo
from inspir.governance.models import Meeting, MeetingFormat, MeetingKind
from inspir.governance.report import collect_committee, collect_organisational
from inspir.network.models import Network

pytestmark = pytest.mark.django_db


def founding() -> Meeting:
    return Meeting.objects.get(committee__network__slug=data.INTERCONTINENTAL, kind="founding")


def scope_2020(slug: str) -> ReportScope:
    network = Network.objects.get(slug=slug)
    return ReportScope(
        network_id=network.pk,
        network_ids=tuple(Network.objects.subtree_of([network.pk]).values_list("pk", flat=True)),
        level=network.level,
        year=2020,
    )


def test_the_network_was_founded_in_geneva_in_november_2019(demo):
    meeting = founding()

    assert meeting.kind == MeetingKind.FOUNDING
    assert meeting.format == MeetingFormat.IN_PERSON
    assert meeting.location == "Genève"
    local_start = meeting.starts_at.astimezone(meeting.zone)
    assert (local_start.date(), local_start.hour) == (datetime.date(2019, 11, 29), 9)
    assert meeting.ends_at.astimezone(meeting.zone).date() == datetime.date(2019, 11, 30)
    assert meeting.is_held
    assert {
        language: shown(meeting, "title", language).text for language in ("fr", "en", "es")
    } == {
        "fr": "Réunion fondatrice du réseau international INSP!R, Genève",
        "en": "Founding meeting of the INSP!R international network, Geneva",
        "es": "Reunión fundacional de la red internacional INSP!R, Ginebra",
    }


def test_loading_again_adds_no_founding_meeting(demo):
    before = Meeting.objects.count()

    load_demo()

    assert Meeting.objects.count() == before
    assert founding().title == "Réunion fondatrice du réseau international INSP!R, Genève"


def test_the_2020_report_tells_the_founding_the_review_and_the_twelve_members(demo):
    with translation.override("en"):
        organisational = collect_organisational(scope_2020(data.INTERCONTINENTAL))
        committee = collect_committee(scope_2020(data.INTERCONTINENTAL))

    assert organisational["founding"]["month"] == "November 2019"
    assert organisational["founding"]["place"] == "Genève"
    assert organisational["founding"]["title"]["text"].endswith(", Geneva")
    assert [m["title"]["text"] for m in organisational["committee_meetings"]] == [
        "Steering committee — 2020 annual review"
    ]
    assert len(organisational["decisions"]) == 2
    assert organisational["figures"][0]["value"] == 12  # the 2020 report's figure
    assert [group["name"] for group in committee["groups"]] == [
        "INSP!R Afrique de l'Ouest",
        "INSP!R América Latina",
        "INSP!R Asia",
        "INSP!R Afrique centrale",
        "INSP!R Belgique/Europe",
    ]


def test_a_continental_report_has_its_own_committee_and_no_founding(demo):
    with translation.override("fr"):
        organisational = collect_organisational(scope_2020(data.WEST_AFRICA))

    assert organisational["founding"] is None
    assert organisational["committee_meetings"] == []
    assert organisational["members"] == 6
