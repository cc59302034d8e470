"""The change history (core/history.py, decision 0023): corrections to circulated minutes and
to an organisation's profile are kept, compared, and restored through the same services."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.core import history
from inspir.core.models import AuditEntry, Revision
from inspir.core.personal_data import Subject, export_all
from inspir.core.versioning import EditConflict
from inspir.governance.models import Meeting
from inspir.governance.services.meetings import minutes_circulate, minutes_update
from inspir.governance.tests.factories import MeetingFactory
from inspir.network.models import Organisation
from inspir.network.services import organisation_update
from inspir.network.tests.factories import CountryFactory, continental, member_of, national

pytestmark = pytest.mark.django_db

PUBLISHED = "Budget adopted.\nNext meeting in March.\nThe secretariat reports in June."
CORRECTED = "Budget adopted.\nNext meeting in April.\nThe secretariat reports in June."


@pytest.fixture
def meeting(mailbox):
    # Held last year: its minutes are circulated to the members, then corrected.
    return MeetingFactory(starts_at=timezone.now() - datetime.timedelta(days=365))


@pytest.fixture
def governor(meeting):
    return user_with_role(meeting.committee.network, Role.COORDINATOR)


def write(meeting: Meeting, actor, text: str) -> Meeting:
    meeting.refresh_from_db()
    return minutes_update(meeting=meeting, actor=actor, version=meeting.version, minutes=text)


def published_then_corrected(meeting, governor) -> Meeting:
    write(meeting, governor, PUBLISHED)
    # Circulated to the members, not yet approved: the text is still edited, and every
    # edit is kept (approved minutes are only corrected, as a new version of their own).
    minutes_circulate(meeting=Meeting.objects.get(pk=meeting.pk), actor=governor)
    return write(meeting, governor, CORRECTED)


def test_every_save_of_the_minutes_is_a_revision_with_its_author(meeting, governor):
    corrected = published_then_corrected(meeting, governor)

    revisions = list(history.revisions(corrected))
    # The starting point (empty minutes), the published text, the correction.
    assert [r.snapshot["minutes"] for r in revisions] == [CORRECTED, PUBLISHED, ""]
    assert [r.author for r in revisions] == [governor, governor, None]
    assert revisions[0].version == corrected.version


def test_saving_the_same_text_again_records_nothing(meeting, governor):
    write(meeting, governor, PUBLISHED)
    write(meeting, governor, PUBLISHED)
    assert history.revisions(meeting).count() == 2


def test_the_diff_names_the_field_in_the_readers_language_and_compares_lines(meeting, governor):
    published_then_corrected(meeting, governor)
    newer, older = list(history.revisions(meeting))[:2]

    with translation.override("fr"):
        (change,) = history.changes(Meeting, older.snapshot, newer.snapshot)
    assert change.label == "Procès-verbal"
    assert ("removed", "Next meeting in March.") in change.lines
    assert ("added", "Next meeting in April.") in change.lines
    assert ("same", "Budget adopted.") in change.lines


def test_long_unchanged_stretches_are_left_out_of_the_line_diff():
    before = "\n".join(f"line {n}" for n in range(20))
    after = before.replace("line 10", "line ten")
    lines = history.line_diff(before, after)
    assert ("gap", "") in lines
    assert ("same", "line 0") not in lines
    assert ("same", "line 9") in lines and ("added", "line ten") in lines


def test_the_history_page_says_who_changed_what_and_when(client, meeting, governor):
    published_then_corrected(meeting, governor)
    client.force_login(governor)

    page = client.get(
        reverse("core:history_list", kwargs={"kind": "minutes", "pk": meeting.pk})
    ).content.decode()

    assert str(governor) in page
    assert "Minutes" in page
    assert "The starting point of the history" in page


def test_a_governor_restores_the_published_text_as_a_new_version(client, meeting, governor):
    corrected = published_then_corrected(meeting, governor)
    published = history.revisions(meeting).get(snapshot__minutes=PUBLISHED)
    client.force_login(governor)
    url = reverse(
        "core:revision_detail",
        kwargs={"kind": "minutes", "pk": meeting.pk, "version": published.version},
    )
    page = client.get(url).content.decode()
    assert "Restore this version" in page
    assert "Next meeting in April." in page  # what restoring would change

    response = client.post(url + "restore/", {"version": corrected.version}, follow=True)

    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.minutes == PUBLISHED
    assert meeting.version == corrected.version + 1
    latest = history.revisions(meeting).first()
    assert (latest.version, latest.restored_from, latest.author) == (
        meeting.version,
        published.version,
        governor,
    )
    restored = AuditEntry.objects.get(action="core.revision.restored")
    assert restored.changes["restored_version"] == [None, published.version]
    assert AuditEntry.objects.filter(action="governance.minutes.updated").count() == 3


def test_a_restore_never_overwrites_a_version_saved_meanwhile(client, meeting, governor):
    corrected = published_then_corrected(meeting, governor)
    published = history.revisions(meeting).get(snapshot__minutes=PUBLISHED)
    seen = corrected.version
    write(meeting, governor, CORRECTED + "\nA late addition.")  # someone else, meanwhile
    client.force_login(governor)

    response = client.post(
        reverse(
            "core:revision_restore",
            kwargs={"kind": "minutes", "pk": meeting.pk, "version": published.version},
        ),
        {"version": seen},
        follow=True,
    )

    assert "Nothing was restored" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes.endswith("A late addition.")
    assert not AuditEntry.objects.filter(action="core.revision.restored").exists()

    with pytest.raises(EditConflict):
        history.restore(published, obj=meeting, actor=governor, version=seen)


def test_the_history_is_only_for_those_who_may_edit_the_record(meeting, governor):
    published_then_corrected(meeting, governor)
    member = user_with_role(meeting.committee.network, Role.MEMBER)
    client = Client()
    client.force_login(member)
    kwargs = {"kind": "minutes", "pk": meeting.pk}

    assert client.get(reverse("core:history_list", kwargs=kwargs)).status_code == 404
    restore = reverse("core:revision_restore", kwargs={**kwargs, "version": 1})
    assert client.post(restore, {"version": 3}).status_code == 404
    assert (
        client.get(reverse("core:history_list", kwargs={**kwargs, "kind": "x"})).status_code == 404
    )


def test_the_meeting_page_links_the_history_for_its_governors(client, meeting, governor):
    write(meeting, governor, PUBLISHED)
    client.force_login(governor)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("core:history_list", kwargs={"kind": "minutes", "pk": meeting.pk}) in page


def test_the_organisation_profile_keeps_its_history_and_restores_related_records():
    benin = national(continental())
    union = member_of(benin, name="Union", slug="union", country=CountryFactory(code="BJ"))
    coordinator = user_with_role(benin, Role.COORDINATOR)
    togo = CountryFactory(code="TG")
    organisation_update(
        organisation=union,
        actor=coordinator,
        version=1,
        data={"country": togo, "description": "Now in Lomé.", "languages": ["fr"]},
    )
    union.refresh_from_db()
    first = history.revisions(union).last()

    history.restore(first, obj=union, actor=coordinator, version=union.version)

    union.refresh_from_db()
    assert (union.country.code, union.description, union.version) == (
        "BJ",
        "An organisation of the network.",
        3,
    )
    with translation.override("en"):
        newer, older = list(history.revisions(union))[1:3]
        labels = {c.label for c in history.changes(Organisation, older.snapshot, newer.snapshot)}
    assert labels == {"Country", "Description", "Working languages"}


def test_revisions_are_in_the_authors_data_download(meeting, governor):
    write(meeting, governor, PUBLISHED)
    data = export_all(Subject(user=governor, person=None, addresses=()))
    assert [row["snapshot"] for row in data["revisions_saved"]] == [{"minutes": PUBLISHED}]
    assert Revision.objects.filter(author=governor).count() == 1
