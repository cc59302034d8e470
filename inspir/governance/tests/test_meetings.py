"""Meetings: scheduling in a chosen zone, the meeting page with each participant's local time,
who may see and change what, documents, stale edits, cancellation, pinned query counts."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inspir.accounts.models import Role, User
from inspir.accounts.tests.factories import UserFactory, add_second_factor, user_with_role
from inspir.core.models import AuditEntry
from inspir.governance.models import (
    AgendaDocument,
    AgendaItem,
    Attendance,
    Committee,
    Meeting,
    MeetingStatus,
    MinutesStatus,
    Office,
    Participant,
)
from inspir.governance.services.meetings import document_upload, meeting_update
from inspir.governance.tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingFactory,
    ParticipantFactory,
    seat,
)
from inspir.governance.views import meetings as views
from inspir.network.models import Network, Person
from inspir.network.tests.factories import NetworkFactory, PersonFactory, continental

UTC = datetime.UTC
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@dataclass
class World:
    network: Network
    committee: Committee
    brussels: Person
    la_paz: Person
    jakarta: Person
    lome: Person
    porto_novo: Person
    governor: User
    member: User
    outsider: User


def make_world() -> World:
    network = NetworkFactory(name="INSP!R intercontinental", slug="inspir")
    committee = CommitteeFactory(network=network, time_zone="Europe/Brussels")
    people = {
        "brussels": PersonFactory(
            name="Santiago Fischer", time_zone="Europe/Brussels", languages=["nl", "en"]
        ),
        "la_paz": PersonFactory(
            name="Gabriela Prudencio", time_zone="America/La_Paz", languages=["es", "fr"]
        ),
        "jakarta": PersonFactory(
            name="Sulistri Afrileston", time_zone="Asia/Jakarta", languages=["id", "en"]
        ),
        "lome": PersonFactory(name="Valère Koffi", time_zone="Africa/Lome", languages=["fr"]),
        "porto_novo": PersonFactory(
            name="Issa Sissouma", time_zone="Africa/Porto-Novo", languages=["fr", "en"]
        ),
    }
    for person in people.values():
        seat(committee, person)
    return World(
        network=network,
        committee=committee,
        governor=user_with_role(network, Role.COORDINATOR),
        member=user_with_role(network, Role.MEMBER),
        outsider=user_with_role(NetworkFactory(), Role.COORDINATOR),
        **people,
    )


@pytest.fixture
def world(db) -> World:
    return make_world()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path


def schedule_data(**changes: str) -> dict[str, str]:
    data = {
        "title": "Steering committee, January",
        "format": "virtual",
        "date": "2030-01-15",
        "start_time": "14:00",
        "end_time": "16:00",
        "time_zone": "Europe/Brussels",
        "location": "",
        "video_url": "https://meet.example.org/inspir",
        "version": "",
    }
    return data | changes


def row_of(html: str, name: str) -> str:
    return next(row for row in html.split("<tr>") if name in row)


# --- Scheduling ---------------------------------------------------------------------------------


def test_scheduling_converts_the_typed_time_from_its_zone_and_invites_the_committee(client, world):
    client.force_login(world.governor)
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})
    response = client.post(
        url, schedule_data(time_zone="America/La_Paz", start_time="09:00", end_time="11:00")
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url()
    assert meeting.starts_at == datetime.datetime(2030, 1, 15, 13, 0, tzinfo=UTC)
    assert meeting.ends_at == datetime.datetime(2030, 1, 15, 15, 0, tzinfo=UTC)
    assert meeting.time_zone == "America/La_Paz"
    invited = Participant.objects.filter(meeting=meeting)
    assert {p.person_id for p in invited} == {
        world.brussels.pk,
        world.la_paz.pk,
        world.jakarta.pk,
        world.lome.pk,
        world.porto_novo.pk,
    }
    assert {p.attendance for p in invited} == {Attendance.INVITED}
    assert AuditEntry.objects.filter(action="governance.meeting.created").count() == 1


def test_a_time_skipped_by_the_clocks_going_forward_is_refused(client, world):
    client.force_login(world.governor)
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})
    # Brussels goes from 02:00 to 03:00 on the last Sunday of March 2030.
    response = client.post(
        url, schedule_data(date="2030-03-31", start_time="02:30", end_time="04:00")
    )
    assert response.status_code == 200
    assert "does not exist in Europe/Brussels" in response.content.decode()
    assert 'value="Steering committee, January"' in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_virtual_meeting_needs_its_video_link(client, world):
    client.force_login(world.governor)
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})
    response = client.post(url, schedule_data(video_url=""))
    assert response.status_code == 200
    assert "needs a video link" in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_slot_finder_prefills_the_form_in_the_committee_zone(client, world):
    client.force_login(world.governor)
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})
    page = client.get(url, {"starts_at": "2030-07-01T12:00Z", "minutes": "90"}).content.decode()
    assert 'value="2030-07-01"' in page
    assert 'value="14:00"' in page  # Brussels is at UTC+2 in summer
    assert 'value="15:30"' in page
    # The members' zones come first.
    assert page.index('value="America/La_Paz"') < page.index('value="Africa/Abidjan"')


def test_only_those_who_govern_the_network_schedule_its_meetings(client, world):
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})
    assert client.get(url).status_code == 302  # to log in
    client.force_login(world.member)
    assert client.get(url).status_code == 404
    assert client.post(url, schedule_data()).status_code == 404
    client.force_login(world.outsider)
    assert client.post(url, schedule_data()).status_code == 404
    assert not Meeting.objects.exists()
    # A plain member of the committee itself may not: scheduling is for its offices.
    seated = UserFactory(person=world.jakarta)
    client.force_login(seated)
    assert client.post(url, schedule_data()).status_code == 404
    assert not Meeting.objects.exists()
    # Its secretariat may (with the second factor an office requires).
    secretariat = UserFactory(person=PersonFactory(name="Secretariat"))
    seat(world.committee, secretariat.person, office=Office.SECRETARIAT)
    add_second_factor(secretariat)
    client.force_login(secretariat)
    assert client.post(url, schedule_data()).status_code == 302


# --- The meeting page ---------------------------------------------------------------------------


def test_the_page_shows_each_participant_s_local_time_with_the_zone_named(client, world):
    meeting = MeetingFactory(
        committee=world.committee,
        starts_at=datetime.datetime(2030, 1, 15, 13, 0, tzinfo=UTC),
        time_zone="Europe/Brussels",
    )
    for person in (world.brussels, world.la_paz, world.jakarta, world.lome):
        ParticipantFactory(meeting=meeting, person=person)
    client.force_login(world.member)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "14:00–16:00" in row_of(page, "Santiago Fischer")
    assert "Europe/Brussels, UTC+01:00" in row_of(page, "Santiago Fischer")
    assert "09:00–11:00" in row_of(page, "Gabriela Prudencio")
    assert "America/La_Paz, UTC−04:00" in row_of(page, "Gabriela Prudencio")
    assert "20:00–22:00" in row_of(page, "Sulistri Afrileston")
    assert "Asia/Jakarta, UTC+07:00" in row_of(page, "Sulistri Afrileston")
    assert "13:00–15:00" in row_of(page, "Valère Koffi")
    assert "Africa/Lome, UTC" in row_of(page, "Valère Koffi")


def test_the_day_is_shown_when_it_differs_for_a_participant(client, world):
    meeting = MeetingFactory(
        committee=world.committee,
        starts_at=datetime.datetime(2030, 1, 15, 20, 0, tzinfo=UTC),
        time_zone="Europe/Brussels",
    )
    ParticipantFactory(meeting=meeting, person=world.jakarta)
    ParticipantFactory(meeting=meeting, person=world.la_paz)
    client.force_login(world.member)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Wed 16 Jan" in row_of(page, "Sulistri Afrileston")  # 03:00 the next day
    assert "03:00–05:00" in row_of(page, "Sulistri Afrileston")
    assert "Tue 15 Jan" not in row_of(page, "Gabriela Prudencio")
    assert "16:00–18:00" in row_of(page, "Gabriela Prudencio")


def test_the_reader_sees_the_time_in_their_own_zone_and_in_the_meeting_s(client, world):
    meeting = MeetingFactory(committee=world.committee, time_zone="Europe/Brussels")
    reader = UserFactory(person=world.la_paz)
    client.force_login(reader)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "(America/La_Paz, UTC−04:00)" in page
    assert "(Europe/Brussels, UTC+01:00)" in page
    assert reverse("governance:meeting_ics", kwargs={"pk": meeting.pk}) in page


def test_access_public_sees_published_members_read_outsiders_get_404(client, world):
    private = MeetingFactory(committee=world.committee, minutes="Secret draft minutes")
    published = MeetingFactory(
        committee=world.committee,
        agenda_published_at=timezone.now(),
        minutes="Draft minutes not yet out",
    )
    ParticipantFactory(meeting=published, person=world.la_paz)
    # The public: only the published meeting, without e-mail addresses or draft minutes.
    assert client.get(private.get_absolute_url()).status_code == 404
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Gabriela Prudencio" in page
    assert world.la_paz.email not in page
    assert "Draft minutes not yet out" not in page
    listing = client.get(reverse("governance:meeting_list")).content.decode()
    assert published.title in listing and private.title not in listing
    # Someone from another network: the same.
    client.force_login(world.outsider)
    assert client.get(private.get_absolute_url()).status_code == 404
    assert world.la_paz.email not in client.get(published.get_absolute_url()).content.decode()
    # A member of the network reads it, not the draft minutes, and cannot change it.
    client.force_login(world.member)
    assert world.la_paz.email in client.get(published.get_absolute_url()).content.decode()
    page = client.get(private.get_absolute_url()).content.decode()
    assert private.title in page and "Secret draft minutes" not in page
    assert reverse("governance:meeting_edit", kwargs={"pk": private.pk}) not in page
    assert (
        client.get(reverse("governance:meeting_edit", kwargs={"pk": private.pk})).status_code == 404
    )
    # Those who govern see the draft minutes and the links to manage the meeting.
    client.force_login(world.governor)
    page = client.get(private.get_absolute_url()).content.decode()
    assert "Secret draft minutes" in page
    assert reverse("governance:meeting_edit", kwargs={"pk": private.pk}) in page


def test_the_list_filters_by_committee_and_separates_past_meetings(client, world):
    other = CommitteeFactory(network=continental(world.network, name="Africa"))
    upcoming = MeetingFactory(committee=world.committee, title="Next one")
    past = MeetingFactory(
        committee=world.committee,
        title="Old one",
        starts_at=datetime.datetime(2020, 6, 1, 13, 0, tzinfo=UTC),
    )
    african = MeetingFactory(committee=other, title="African one")
    client.force_login(world.governor)
    url = reverse("governance:meeting_list")
    page = client.get(url).content.decode()
    assert upcoming.title in page and african.title in page and past.title not in page
    page = client.get(url, {"committee": other.pk}).content.decode()
    assert african.title in page and upcoming.title not in page
    page = client.get(url, {"when": "past"}).content.decode()
    assert past.title in page and upcoming.title not in page


# --- Changes ------------------------------------------------------------------------------------


def edit_data(meeting: Meeting, **changes: str) -> dict[str, str]:
    return schedule_data(title=meeting.title, version=str(meeting.version)) | changes


def test_a_stale_edit_is_refused_and_keeps_what_was_typed(client, world):
    meeting = MeetingFactory(committee=world.committee, title="January meeting")
    client.force_login(world.governor)
    url = reverse("governance:meeting_edit", kwargs={"pk": meeting.pk})
    typed = edit_data(meeting, title="My new title")
    # Meanwhile someone else changes the place.
    meeting_update(
        meeting=meeting,
        actor=world.governor,
        version=meeting.version,
        data={"title": "Their title"},
    )
    response = client.post(url, typed)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved this meeting" in page
    assert 'value="My new title"' in page
    assert "Their title" in row_of(page, "Title")
    meeting.refresh_from_db()
    assert meeting.title == "Their title"
    # Saving again, deliberately, after seeing the difference, goes through.
    resubmitted = typed | {"version": str(meeting.version)}
    assert client.post(url, resubmitted).status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "My new title"


def test_sequence_grows_when_the_time_changes_but_not_on_an_unchanged_save(client, world):
    meeting = MeetingFactory(
        committee=world.committee, title="Steering committee, January", sequence=0
    )
    client.force_login(world.governor)
    url = reverse("governance:meeting_edit", kwargs={"pk": meeting.pk})
    assert client.post(url, edit_data(meeting)).status_code == 302
    meeting.refresh_from_db()
    assert meeting.sequence == 0
    assert meeting.version == 2
    assert (
        client.post(url, edit_data(meeting, start_time="15:00", end_time="17:00")).status_code
        == 302
    )
    meeting.refresh_from_db()
    assert meeting.sequence == 1
    assert meeting.starts_at == datetime.datetime(2030, 1, 15, 14, 0, tzinfo=UTC)
    assert AuditEntry.objects.filter(action="governance.meeting.updated").count() == 1


def test_cancel_asks_for_confirmation_then_cancels(client, world):
    meeting = MeetingFactory(committee=world.committee, sequence=2)
    client.force_login(world.governor)
    url = reverse("governance:meeting_cancel", kwargs={"pk": meeting.pk})
    assert "Yes, cancel the meeting" in client.get(url).content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED
    client.post(url)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert meeting.sequence == 3
    assert "This meeting is cancelled." in client.get(meeting.get_absolute_url()).content.decode()
    client.force_login(world.member)
    assert client.post(url).status_code == 404


# --- Agenda, documents, participants, minutes ---------------------------------------------------


def test_agenda_items_are_added_moved_and_removed(client, world):
    meeting = MeetingFactory(committee=world.committee)
    client.force_login(world.governor)
    add = reverse("governance:agenda_item_create", kwargs={"pk": meeting.pk})
    client.post(
        add, {"title": "Advocacy plan", "description": "Read the draft", "duration_minutes": "30"}
    )
    client.post(add, {"title": "Financing", "description": "", "duration_minutes": ""})
    first, second = AgendaItem.objects.filter(meeting=meeting).order_by("position")
    assert [first.title, second.title] == ["Advocacy plan", "Financing"]
    client.post(
        reverse("governance:agenda_item_move", kwargs={"pk": second.pk}), {"direction": "up"}
    )
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert page.index("Financing") < page.index("Advocacy plan")
    assert "Read the draft" in page
    client.post(reverse("governance:agenda_item_delete", kwargs={"pk": first.pk}))
    assert list(AgendaItem.objects.filter(meeting=meeting)) == [second]
    client.force_login(world.member)
    assert client.post(add, {"title": "Mine"}).status_code == 404


def upload(client, item: AgendaItem, name: str, content: bytes, title: str = "Draft plan"):
    url = reverse("governance:document_upload", kwargs={"pk": item.pk})
    return client.post(url, {"title": title, "file": SimpleUploadedFile(name, content)})


def test_a_document_is_uploaded_and_downloaded_by_readers_only(client, world, media):
    item = AgendaItemFactory(meeting=MeetingFactory(committee=world.committee))
    client.force_login(world.governor)
    assert upload(client, item, "plan d'action.pdf", PDF).status_code == 302
    document = AgendaDocument.objects.get()
    assert document.content_type == "application/pdf"
    assert "plan" not in document.file.name  # stored under a name nobody can guess
    download = reverse("governance:document_download", kwargs={"pk": document.pk})
    client.force_login(world.member)
    assert download in client.get(item.meeting.get_absolute_url()).content.decode()
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "plan" in response["Content-Disposition"]
    client.force_login(world.outsider)
    assert client.get(download).status_code == 404
    client.logout()
    assert client.get(download).status_code == 404


def test_a_file_whose_content_does_not_match_its_name_is_refused(client, world, media):
    item = AgendaItemFactory(meeting=MeetingFactory(committee=world.committee))
    client.force_login(world.governor)
    response = upload(client, item, "report.pdf", b"MZ\x90\x00 an executable")
    page = response.content.decode()
    assert response.status_code == 200
    assert "does not match its name" in page
    assert 'value="Draft plan"' in page  # the title typed is kept
    response = upload(client, item, "script.exe", b"MZ\x90\x00")
    assert "This type of file is not accepted" in response.content.decode()
    assert not AgendaDocument.objects.exists()


def test_a_file_too_big_is_refused(client, world, media, settings):
    settings.GOVERNANCE_DOCUMENT_MAX_BYTES = 1024
    item = AgendaItemFactory(meeting=MeetingFactory(committee=world.committee))
    client.force_login(world.governor)
    response = upload(client, item, "big.pdf", PDF + b"0" * 2000)
    assert "The file is too big" in response.content.decode()
    assert not AgendaDocument.objects.exists()


def test_a_document_is_deleted_by_those_who_govern(client, world, media):
    item = AgendaItemFactory(meeting=MeetingFactory(committee=world.committee))
    document = document_upload(
        item=item,
        actor=world.governor,
        title="Notes",
        upload=SimpleUploadedFile("notes.txt", b"Some notes"),
    )
    url = reverse("governance:document_delete", kwargs={"pk": document.pk})
    client.force_login(world.member)
    assert client.post(url).status_code == 404
    client.force_login(world.governor)
    client.post(url)
    assert not AgendaDocument.objects.exists()
    assert AuditEntry.objects.filter(action="governance.document.deleted").count() == 1


def test_attendance_is_recorded_for_all_at_once_and_people_added_or_removed(client, world):
    meeting = MeetingFactory(committee=world.committee)
    present = ParticipantFactory(meeting=meeting, person=world.la_paz)
    excused = ParticipantFactory(meeting=meeting, person=world.jakarta)
    gone = ParticipantFactory(meeting=meeting, person=world.lome)
    client.force_login(world.governor)
    url = reverse("governance:participants_edit", kwargs={"pk": meeting.pk})
    response = client.post(
        url,
        {
            f"attendance_{present.pk}": "present",
            f"attendance_{excused.pk}": "excused",
            f"attendance_{gone.pk}": "absent",
            f"remove_{gone.pk}": "on",
            "add": world.porto_novo.pk,
        },
    )
    assert response.status_code == 302
    attendance = dict(
        Participant.objects.filter(meeting=meeting).values_list("person__name", "attendance")
    )
    assert attendance == {
        "Gabriela Prudencio": "present",
        "Sulistri Afrileston": "excused",
        "Issa Sissouma": "invited",
    }
    assert AuditEntry.objects.filter(action="governance.attendance.recorded").count() == 1
    client.force_login(world.member)
    assert client.get(url).status_code == 404


def test_minutes_are_edited_with_a_version_and_shown_once_published(client, world):
    meeting = MeetingFactory(committee=world.committee)
    client.force_login(world.governor)
    url = reverse("governance:minutes_edit", kwargs={"pk": meeting.pk})
    client.post(url, {"minutes": "We agreed on the plan.", "version": "1"})
    stale = client.post(url, {"minutes": "An older text", "version": "1"})
    assert "Someone else saved this meeting" in stale.content.decode()
    assert "An older text" in stale.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes == "We agreed on the plan."
    client.force_login(world.member)
    assert "We agreed on the plan." not in client.get(meeting.get_absolute_url()).content.decode()
    # Approved (tests/test_minutes.py walks the way there), then published.
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=MinutesStatus.APPROVED)
    client.force_login(world.governor)
    client.post(reverse("governance:minutes_publish", kwargs={"pk": meeting.pk}))
    meeting.refresh_from_db()
    assert meeting.minutes_published_at is not None
    client.force_login(world.member)
    assert "We agreed on the plan." in client.get(meeting.get_absolute_url()).content.decode()


# --- Pinned query counts ------------------------------------------------------------------------


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_meeting_list_query_count_does_not_grow(client, world):
    client.force_login(world.member)
    url = reverse("governance:meeting_list")
    MeetingFactory.create_batch(3, committee=world.committee)
    few = count_queries(client, url)
    MeetingFactory.create_batch(27, committee=world.committee)
    many = count_queries(client, url)
    assert few == many
    assert many <= 10


def test_the_meeting_page_query_count_does_not_grow(client, world, media, monkeypatch):
    client.force_login(world.member)

    def fill(meeting: Meeting, n: int) -> None:
        for _ in range(n):
            ParticipantFactory(meeting=meeting)
            item = AgendaItemFactory(meeting=meeting)
            AgendaDocument.objects.create(
                item=item,
                title="Doc",
                file="governance/x.pdf",
                original_name="x.pdf",
                content_type="application/pdf",
                size=10,
            )

    small = MeetingFactory(committee=world.committee)
    fill(small, 3)
    large = MeetingFactory(committee=world.committee)
    fill(large, 30)
    # The whole page, with the preparation and decisions parts of other modules.
    assert count_queries(client, small.get_absolute_url()) == count_queries(
        client, large.get_absolute_url()
    )
    # This module's own part (log-in, meeting, participants, agenda, documents).
    monkeypatch.setattr(views, "preparation_context", lambda **kwargs: {"preparation": None})
    monkeypatch.setattr(views, "decisions_context", lambda **kwargs: {})
    few = count_queries(client, small.get_absolute_url())
    many = count_queries(client, large.get_absolute_url())
    assert few == many
    assert many <= 10


def test_a_stale_agenda_item_edit_is_refused_and_keeps_what_was_typed(client, world):
    item = AgendaItemFactory(meeting=MeetingFactory(committee=world.committee), title="Plan")
    client.force_login(world.governor)
    url = reverse("governance:agenda_item_edit", kwargs={"pk": item.pk})
    page = client.get(url).content.decode()
    version = page.split('name="version" value="')[1].split('"')[0]
    assert version == "1"
    AgendaItem.objects.filter(pk=item.pk).update(title="Their plan", version=2)
    typed = {"title": "My plan", "description": "", "duration_minutes": "", "version": version}
    response = client.post(url, typed)
    page = response.content.decode()
    assert "Someone else saved this agenda item" in page
    assert 'value="My plan"' in page
    assert "Their plan" in row_of(page, "Title")
    assert 'name="version" value="2"' in page  # saving again is a deliberate choice
    item.refresh_from_db()
    assert item.title == "Their plan"

    response = client.post(url, {**typed, "version": "2"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.version) == ("My plan", 3)


def test_an_agenda_item_edit_without_its_version_is_never_saved_blindly(client, world):
    """Decision 0005 holds for agenda items too: no version, no save."""
    item = AgendaItemFactory(meeting=MeetingFactory(committee=world.committee), title="Plan")
    client.force_login(world.governor)
    url = reverse("governance:agenda_item_edit", kwargs={"pk": item.pk})
    client.post(url, {"title": "Blind", "description": "", "duration_minutes": "", "version": ""})
    item.refresh_from_db()
    assert item.title == "Plan"


def test_attendance_recorded_meanwhile_by_someone_else_is_not_overwritten(client, world):
    meeting = MeetingFactory(committee=world.committee)
    participant = ParticipantFactory(meeting=meeting, person=world.la_paz)
    client.force_login(world.governor)
    url = reverse("governance:participants_edit", kwargs={"pk": meeting.pk})
    Participant.objects.filter(pk=participant.pk).update(attendance=Attendance.EXCUSED)
    response = client.post(
        url,
        {f"attendance_{participant.pk}": "absent", f"was_{participant.pk}": "invited"},
    )
    page = response.content.decode()
    assert "Someone else recorded the attendance of Gabriela Prudencio" in page
    assert "excused" in row_of(page, "Gabriela Prudencio")
    participant.refresh_from_db()
    assert participant.attendance == Attendance.EXCUSED
