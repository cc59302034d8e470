"""Governance's sections of the annual report: the meetings held and the decisions adopted
in the year by the network's own committee, its founding meeting whenever it was, and the
committee as it stood on 31 December (rules, members grouped by constituency, the closing
reference table); the meeting's kind, chosen in the meeting form."""

import datetime
import json

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.core.models import TextOriginal, TextStatus, TextTranslation
from inspir.core.report_sections import Part, ReportScope, report_sections
from inspir.governance.models import (
    Meeting,
    MeetingFormat,
    MeetingKind,
    MeetingStatus,
    Office,
    Outcome,
    SeatKind,
    SeatRole,
)
from inspir.governance.report import (
    collect_committee,
    collect_composition,
    collect_organisational,
)
from inspir.governance.tests.factories import (
    CommitteeFactory,
    DecisionFactory,
    MandateFactory,
    MeetingFactory,
    SeatRuleFactory,
)
from inspir.network.tests.factories import (
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    continental,
    report_scope,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


# The scope of `network`'s report for a year (the network factories' `report_scope`).
scope_of = report_scope


def section(key: str):
    return next(one for one in report_sections() if one.key == key)


def rendered(key: str, data: dict, scope: ReportScope) -> str:
    one = section(key)
    return render_to_string(one.template, {"data": data, "scope": scope, "section": one})


def at(day: str, hour: int = 13) -> datetime.datetime:
    return datetime.datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


def meeting(committee, title: str, day: str, **fields) -> Meeting:
    return MeetingFactory(committee=committee, title=title, starts_at=at(day), **fields)


def titles(meetings: list[dict]) -> list[str]:
    return [one["title"]["text"] for one in meetings]


@pytest.fixture
def top():
    network = NetworkFactory(name="INSP!R", slug="inspir")
    return network, CommitteeFactory(network=network)


# --- The year's meetings and decisions ----------------------------------------------------------


def test_meetings_held_in_the_year_only_not_cancelled_nor_of_another_year(top):
    network, committee = top
    meeting(committee, "March", "2020-03-10")
    meeting(committee, "December review", "2020-12-10")
    meeting(committee, "Of 2019", "2019-12-12")
    meeting(committee, "Of 2021", "2021-01-14")
    meeting(committee, "Called off", "2020-06-10", status=MeetingStatus.CANCELLED)

    data = collect_organisational(scope_of(network))

    assert titles(data["committee_meetings"]) == ["March", "December review"]
    assert data["general_assemblies"] == []
    assert titles(collect_organisational(scope_of(network, 2021))["committee_meetings"]) == [
        "Of 2021"
    ]


def test_a_meeting_not_over_yet_is_not_held(top):
    network, committee = top
    now = timezone.now()
    MeetingFactory(
        committee=committee,
        title="Going on",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=1),
    )

    for year in {now.year - 1, now.year, now.year + 1}:
        data = collect_organisational(scope_of(network, year))
        assert data is None or "Going on" not in titles(data["committee_meetings"])


def test_a_meeting_counts_in_the_year_of_its_own_calendar(top):
    """31 December, 20:00 in La Paz is 1 January in UTC: still the year's last meeting."""
    network, committee = top
    MeetingFactory(
        committee=committee,
        title="New Year's Eve",
        starts_at=datetime.datetime(2021, 1, 1, 0, 0, tzinfo=UTC),
        time_zone="America/La_Paz",
    )

    assert titles(collect_organisational(scope_of(network))["committee_meetings"]) == [
        "New Year's Eve"
    ]
    data_2021 = collect_organisational(scope_of(network, 2021))
    assert data_2021 is None or data_2021["committee_meetings"] == []


def test_each_meeting_says_its_date_format_and_place(top):
    network, committee = top
    meeting(committee, "Virtual", "2020-03-10")
    meeting(
        committee,
        "In Lomé",
        "2020-05-12",
        format=MeetingFormat.IN_PERSON,
        location="Lomé",
        video_url="",
    )
    meeting(committee, "Hybrid", "2020-09-15", format=MeetingFormat.HYBRID, location="Lima")

    with translation.override("en"):
        data = collect_organisational(scope_of(network))
        html = rendered("governance.organisational", data, scope_of(network))

    virtual, lome, hybrid = data["committee_meetings"]
    assert (virtual["format"], virtual["place"]) == ("virtual", "")
    assert (lome["format_label"], lome["place"]) == ("in person", "Lomé")
    assert (hybrid["format"], hybrid["place"]) == ("hybrid", "Lima")
    assert lome["starts_on"] == {"date": "May 12, 2020", "iso": "2020-05-12"}
    assert "The steering committee met 3 times in 2020." in html
    assert '<time datetime="2020-05-12">May 12, 2020</time>' in html
    assert "(in person, Lomé)" in html


def test_general_assemblies_are_told_apart_from_the_committee_meetings(top):
    network, committee = top
    meeting(committee, "Committee", "2020-03-10")
    meeting(
        committee,
        "Assembly",
        "2020-10-01",
        kind=MeetingKind.GENERAL_ASSEMBLY,
        format=MeetingFormat.HYBRID,
        location="Bruxelles",
    )

    data = collect_organisational(scope_of(network))

    assert titles(data["general_assemblies"]) == ["Assembly"]
    assert titles(data["committee_meetings"]) == ["Committee"]
    assert "General assemblies in 2020" in rendered(
        "governance.organisational", data, scope_of(network)
    )


def test_a_continental_committee_s_meetings_are_not_in_the_intercontinental_report(top):
    network, committee = top
    africa = continental(network, name="INSP!R Afrique")
    africa_committee = CommitteeFactory(network=africa, time_zone="Africa/Abidjan")
    meeting(committee, "Intercontinental", "2020-03-10")
    meeting(africa_committee, "Africa", "2020-04-14")
    DecisionFactory(
        meeting=meeting(africa_committee, "Africa again", "2020-05-05"),
        title="Ours",
        decided_at=at("2020-05-05"),
    )

    top_data = collect_organisational(scope_of(network))
    africa_data = collect_organisational(scope_of(africa))

    assert titles(top_data["committee_meetings"]) == ["Intercontinental"]
    assert top_data["decisions"] == []
    assert titles(africa_data["committee_meetings"]) == ["Africa", "Africa again"]
    assert [one["title"]["text"] for one in africa_data["decisions"]] == ["Ours"]


def test_decisions_adopted_in_the_year_only(top):
    network, committee = top
    review = meeting(committee, "Review", "2020-12-10")
    DecisionFactory(meeting=review, title="Global Fund", decided_at=review.starts_at)
    DecisionFactory(
        meeting=review, title="Amended", outcome=Outcome.AMENDED, decided_at=review.starts_at
    )
    DecisionFactory(
        meeting=review, title="Blocked", outcome=Outcome.REJECTED, decided_at=review.starts_at
    )
    DecisionFactory(meeting=None, committee=committee, title="Open round", outcome="")
    DecisionFactory(meeting=None, committee=committee, title="Later", decided_at=at("2021-02-01"))

    with translation.override("en"):
        data = collect_organisational(scope_of(network))
        html = rendered("governance.organisational", data, scope_of(network))

    assert [one["title"]["text"] for one in data["decisions"]] == ["Global Fund", "Amended"]
    assert "The committee adopted 2 decisions in 2020:" in html


def test_no_committee_no_section():
    network = NetworkFactory()

    assert collect_organisational(scope_of(network)) is None
    assert collect_committee(scope_of(network)) is None
    assert collect_composition(scope_of(network)) is None


# --- The founding meeting -----------------------------------------------------------------------


def geneva(committee, **fields) -> Meeting:
    return MeetingFactory(
        committee=committee,
        title="Founding meeting",
        kind=MeetingKind.FOUNDING,
        format=MeetingFormat.IN_PERSON,
        location="Genève",
        video_url="",
        starts_at=datetime.datetime(2019, 11, 29, 8, 0, tzinfo=UTC),
        ends_at=datetime.datetime(2019, 11, 30, 16, 0, tzinfo=UTC),
        time_zone="Europe/Zurich",
        **fields,
    )


def test_the_founding_meeting_is_told_in_later_years_and_not_before(top):
    network, committee = top
    geneva(committee)

    with translation.override("en"):
        data_2020 = collect_organisational(scope_of(network, 2020))
        data_2023 = collect_organisational(scope_of(network, 2023))
        data_2018 = collect_organisational(scope_of(network, 2018))

    founding = data_2020["founding"]
    assert founding["title"]["text"] == "Founding meeting"
    assert founding["starts_on"]["iso"] == "2019-11-29"
    assert founding["ends_on"]["iso"] == "2019-11-30"
    assert (founding["place"], founding["format"]) == ("Genève", "in_person")
    assert founding["month"] == "November 2019"
    assert data_2020["committee_meetings"] == []  # the founding meeting is not one of them
    assert data_2023["founding"] == founding
    assert data_2018 is None
    with translation.override("en"):
        html = rendered("governance.organisational", data_2020, scope_of(network))
    assert "INSP!R was founded in Genève in November 2019, at its founding meeting." in html


def test_a_cancelled_founding_meeting_founded_nothing(top):
    network, committee = top
    geneva(committee, status=MeetingStatus.CANCELLED)

    assert collect_organisational(scope_of(network)) is None


# --- Members on 31 December ---------------------------------------------------------------------


@pytest.fixture
def seated(top):
    """The intercontinental committee as the 2020 report has it, in part: two
    representatives of Africa with its thematic coordinator (advisory), one of Asia, and
    WSM's facilitator; and mandates that were not current on 31 December 2020."""
    network, committee = top
    africa = continental(network, name="INSP!R Afrique")
    asia = continental(network, name="INSP!R Asia")
    wsm = OrganisationFactory(name="We Social Movements", acronym="WSM")
    africa_seats = SeatRuleFactory(
        committee=committee,
        role=SeatRole.REPRESENTATIVE,
        seats=2,
        constituency_network=africa,
        from_network_committee=True,
        position=0,
    )
    africa_coordinator = SeatRuleFactory(
        committee=committee,
        role=SeatRole.THEMATIC_COORDINATOR,
        kind=SeatKind.ADVISORY,
        constituency_network=africa,
        position=1,
    )
    asia_seat = SeatRuleFactory(
        committee=committee, role=SeatRole.REPRESENTATIVE, constituency_network=asia, position=2
    )
    facilitation = SeatRuleFactory(
        committee=committee,
        role=SeatRole.COORDINATING_ORGANISATION,
        kind=SeatKind.FACILITATION,
        constituency_organisation=wsm,
        office=Office.SECRETARIAT,
        position=3,
    )
    utm = OrganisationFactory(name="Union des travailleurs du Mali", acronym="UTM")
    for name, rule in (("Issa Sissouma", africa_seats), ("Niwa Soulima", africa_seats)):
        MandateFactory(rule=rule, person=PersonFactory(name=name, organisation=utm))
    MandateFactory(rule=africa_coordinator, person=PersonFactory(name="Valère Koffi"))
    MandateFactory(
        rule=asia_seat,
        person=PersonFactory(name="Left in June"),
        end_date=datetime.date(2020, 6, 30),
    )
    MandateFactory(rule=asia_seat, person=PersonFactory(name="Sulistri Afrileston"))
    MandateFactory(
        rule=asia_seat,
        person=PersonFactory(name="From 2021"),
        start_date=datetime.date(2021, 1, 1),
    )
    MandateFactory(
        rule=asia_seat,
        person=PersonFactory(name="Entered by mistake"),
        withdrawn_at=datetime.datetime(2020, 3, 1, tzinfo=UTC),
    )
    MandateFactory(
        rule=facilitation, person=PersonFactory(name="Hélène Vermeulen", organisation=wsm)
    )
    return network, committee


def test_the_key_figure_counts_the_members_on_31_december(seated):
    network, _committee = seated

    data = collect_organisational(scope_of(network))

    # Two for Africa, its coordinator, Asia's one: not the facilitator, not those who left
    # in June or came in 2021, not the mandate withdrawn as entered by mistake.
    assert data["members"] == 4
    assert data["figures"] == [
        {"key": "committee_members", "value": 4, "label": "members of the steering committee"}
    ]
    # On 31 December 2021 the one who came in 2021 sits too.
    assert collect_organisational(scope_of(network, 2021))["members"] == 5


def names(rows: list[dict]) -> list[str]:
    return [row["name"] for row in rows]


def test_the_committee_section_says_the_rules_and_the_members_by_constituency(seated):
    network, _committee = seated

    with translation.override("en"):
        data = collect_committee(scope_of(network))
        html = rendered("governance.committee", data, scope_of(network))

    assert [rule["text"] for rule in data["rules"]] == [
        "2 seats of representative for INSP!R Afrique",
        "1 seat of thematic coordinator for INSP!R Afrique",
        "1 seat of representative for INSP!R Asia",
        "1 seat of coordinating organisation for WSM",
    ]
    assert data["rules"][0]["notes"] == ["chosen from that network's own committee"]
    assert data["rules"][1]["notes"] == ["advisory"]
    assert data["rules"][3]["notes"] == ["facilitation", "holds the office of secretariat"]
    africa, asia = data["groups"]
    assert africa["name"] == "INSP!R Afrique"
    assert names(africa["members"]) == ["Issa Sissouma", "Niwa Soulima"]
    assert africa["members"][0]["organisation"] == "UTM"
    assert names(africa["advisory"]) == ["Valère Koffi"]
    assert names(asia["members"]) == ["Sulistri Afrileston"]
    assert names(data["facilitation"]) == ["Hélène Vermeulen"]
    assert "with Valère Koffi as thematic coordinator" in html
    assert "Issa Sissouma, representative — UTM" in html
    for absent in ("Left in June", "From 2021", "Entered by mistake"):
        assert absent not in html


def test_the_composition_is_the_closing_table_with_the_mandates_dates(seated):
    network, committee = seated
    MandateFactory(
        rule=committee.rules.get(constituency_network__name="INSP!R Asia"),
        person=PersonFactory(name="Until 2021"),
        end_date=datetime.date(2021, 6, 30),
    )

    with translation.override("en"):
        data = collect_composition(scope_of(network))
        html = rendered("governance.composition", data, scope_of(network))

    assert names(data["members"]) == [
        "Issa Sissouma",
        "Niwa Soulima",
        "Sulistri Afrileston",
        "Until 2021",
    ]
    assert names(data["advisory"]) == ["Valère Koffi"]
    until = data["members"][-1]
    assert (until["constituency"], until["role"]) == ("INSP!R Asia", "representative")
    assert until["from"]["date"] == "Jan. 1, 2020"
    assert until["until"] == {"date": "June 30, 2021", "iso": "2021-06-30"}
    assert "<caption>Advisory seats</caption>" in html
    assert '<th scope="row">Until 2021</th>' in html
    assert '<time datetime="2021-06-30">June 30, 2021</time>' in html
    assert "no end date" in html
    assert "Left in June" not in html and "From 2021" not in html


def test_the_data_is_plain_and_the_same_in_each_language_but_its_words(seated):
    network, committee = seated
    meeting(committee, "March", "2020-03-10")
    for collect in (collect_organisational, collect_committee, collect_composition):
        for language in ("fr", "en", "es"):
            with translation.override(language):
                json.dumps(collect(scope_of(network)))  # no dates, models or lazy strings


# --- Member texts -------------------------------------------------------------------------------


def test_an_untranslated_meeting_title_is_marked_as_the_original(top):
    network, committee = top
    with translation.override("fr"):
        meeting(committee, "Réunion du comité", "2020-03-10")
        translated = meeting(committee, "Revue annuelle", "2020-12-10")
    original = TextOriginal.objects.get(object_id=translated.pk, field="title")
    TextTranslation.objects.create(
        original=original,
        language="en",
        text="Annual review",
        status=TextStatus.TRANSLATED,
        source_revision=original.revision,
        source_text=translated.title,
    )

    with translation.override("en"):
        data = collect_organisational(scope_of(network))
        html = rendered("governance.organisational", data, scope_of(network))

    untranslated, review = data["committee_meetings"]
    assert untranslated["title"] == {
        "text": "Réunion du comité",
        "language": "fr",
        "original_language": "fr",
        "in_reader_language": False,
    }
    assert review["title"]["text"] == "Annual review"
    assert review["title"]["in_reader_language"] is True
    assert '<span lang="fr">Réunion du comité</span>' in html
    assert html.count('class="fallback-mark"') == 1


def test_the_committee_s_description_is_its_key_tasks(top):
    network, committee = top
    with translation.override("en"):
        committee.description = "International advocacy; learning; communication and financing."
        committee.save()
        data = collect_organisational(scope_of(network))

    assert data["key_tasks"]["text"].startswith("International advocacy")
    assert "The committee's role and key tasks" in rendered(
        "governance.organisational", data, scope_of(network)
    )


# --- Query counts -------------------------------------------------------------------------------


def queries_of(collect, scope: ReportScope) -> int:
    collect(scope)  # the content types are cached after a first read
    with CaptureQueriesContext(connection) as queries:
        collect(scope)
    return len(queries)


def test_the_query_counts_do_not_grow_with_the_data(seated, django_assert_max_num_queries):
    network, committee = seated
    scope = scope_of(network)
    meeting(committee, "One", "2020-03-10")
    DecisionFactory(meeting=meeting(committee, "Two", "2020-04-10"), decided_at=at("2020-04-10"))
    few = {
        c: queries_of(c, scope)
        for c in (collect_organisational, collect_committee, collect_composition)
    }

    for month in range(5, 13):
        held = meeting(committee, f"Meeting {month}", f"2020-{month:02d}-10")
        DecisionFactory(meeting=held, decided_at=held.starts_at)
    rule = committee.rules.get(role=SeatRole.REPRESENTATIVE, seats=2)
    rule.seats = 10
    rule.save()
    for n in range(6):
        MandateFactory(rule=rule, person=PersonFactory(name=f"Member {n}"))
    many = {c: queries_of(c, scope) for c in few}

    assert many == few
    with django_assert_max_num_queries(6):
        collect_organisational(scope)
    with django_assert_max_num_queries(4):
        collect_committee(scope)
    with django_assert_max_num_queries(4):
        collect_composition(scope)


# --- Registration -------------------------------------------------------------------------------


def test_the_sections_are_registered_in_the_report_s_parts():
    found = {one.key: one for one in report_sections() if one.key.startswith("governance.")}

    assert {key: (one.part, one.order, one.columns) for key, one in found.items()} == {
        "governance.organisational": (Part.ORGANISATIONAL, 10, 1),
        "governance.committee": (Part.ORGANISATIONAL, 20, 1),
        "governance.composition": (Part.CLOSING, 10, 1),
    }


# --- The meeting's kind, in the form and on the page --------------------------------------------


def form_data(**changes: str) -> dict[str, str]:
    return {
        "title": "General assembly 2030",
        "kind": MeetingKind.GENERAL_ASSEMBLY,
        "format": "hybrid",
        "date": "2030-06-15",
        "start_time": "09:00",
        "end_time": "17:00",
        "time_zone": "Europe/Brussels",
        "location": "Bruxelles",
        "video_url": "https://meet.example.org/inspir",
        "version": "",
    } | changes


def test_those_who_schedule_meetings_choose_the_kind(client, top):
    network, committee = top
    client.force_login(user_with_role(network, Role.COORDINATOR))

    page = client.get(reverse("governance:meeting_create", kwargs={"slug": network.slug}))
    assert '<option value="committee" selected>' in page.content.decode()
    for kind in ("general_assembly", "founding"):
        assert f'<option value="{kind}">' in page.content.decode()

    client.post(reverse("governance:meeting_create", kwargs={"slug": network.slug}), form_data())
    created = Meeting.objects.get(committee=committee)
    assert created.kind == MeetingKind.GENERAL_ASSEMBLY
    assert "general assembly" in client.get(created.get_absolute_url()).content.decode()

    edit = reverse("governance:meeting_edit", kwargs={"pk": created.pk})
    client.post(edit, form_data(kind=MeetingKind.FOUNDING, version=str(created.version)))
    created.refresh_from_db()
    assert created.kind == MeetingKind.FOUNDING


def test_a_post_without_a_kind_keeps_the_meeting_s(client, top):
    network, committee = top
    client.force_login(user_with_role(network, Role.COORDINATOR))
    assembly = MeetingFactory(committee=committee, kind=MeetingKind.GENERAL_ASSEMBLY)

    data = form_data(title="Renamed", format="virtual", location="", version=str(assembly.version))
    del data["kind"]
    client.post(reverse("governance:meeting_edit", kwargs={"pk": assembly.pk}), data)

    assembly.refresh_from_db()
    assert (assembly.title, assembly.kind) == ("Renamed", MeetingKind.GENERAL_ASSEMBLY)
    client.post(
        reverse("governance:meeting_create", kwargs={"slug": network.slug}),
        {k: v for k, v in form_data(title="New").items() if k != "kind"},
    )
    assert Meeting.objects.get(title="New").kind == MeetingKind.COMMITTEE
