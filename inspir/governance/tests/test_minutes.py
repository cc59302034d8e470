"""The minutes' way, from draft to circulated (the members comment), approved at a later
meeting or by a decision, published and corrected, each correction a new version with its
note, the earlier one still readable and the members told; what the public sees of a meeting
(published agenda and minutes, outcomes, public documents) and what stays the members' (the
video link, the other documents, each member's position); a meeting that has ended shows as
held and can no longer be cancelled."""

import datetime
import re
from dataclasses import dataclass

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from inspir.accounts.models import Role, User
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.core.errors import Invalid, NotFound
from inspir.core.models import AuditEntry
from inspir.governance.models import (
    AgendaDocument,
    ConsentRecord,
    Meeting,
    MeetingStatus,
    MinutesComment,
    MinutesStatus,
    MinutesVersion,
    Outcome,
    Position,
)
from inspir.governance.services import meetings as services
from inspir.governance.tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    DecisionFactory,
    MeetingFactory,
    ParticipantFactory,
    seat,
)
from inspir.network.models import Network
from inspir.network.tests.factories import NetworkFactory, PersonFactory
from inspir.notifications.models import Notification

pytestmark = pytest.mark.django_db

VIDEO = "https://meet.example.org/members-only-room"


@dataclass
class World:
    network: Network
    meeting: Meeting  # held two days ago, its minutes to write
    next_meeting: Meeting  # began an hour ago: where the minutes are approved
    governor: User
    member: User  # of the network: reads its governance in full
    seated: User  # sits on the committee, and took part
    outsider: User  # of another network


@pytest.fixture
def w() -> World:
    network = NetworkFactory(name="INSP!R Bénin", slug="benin")
    committee = CommitteeFactory(network=network)
    now = timezone.now()
    meeting = MeetingFactory(
        committee=committee,
        title="Steering committee, March",
        starts_at=now - datetime.timedelta(days=2),
        video_url=VIDEO,
    )
    next_meeting = MeetingFactory(
        committee=committee,
        title="Steering committee, April",
        starts_at=now - datetime.timedelta(hours=1),
    )
    person = PersonFactory(name="Awa Dossou", languages=["en"])
    seated = UserFactory(person=person, email="awa@example.org")
    seat(committee, person)
    ParticipantFactory(meeting=meeting, person=person)
    return World(
        network=network,
        meeting=meeting,
        next_meeting=next_meeting,
        governor=user_with_role(network, Role.COORDINATOR),
        member=user_with_role(network, Role.MEMBER),
        seated=seated,
        outsider=user_with_role(NetworkFactory(), Role.MEMBER),
    )


def url(name: str, meeting: Meeting, **kwargs: object) -> str:
    return reverse(f"governance:{name}", kwargs={"pk": meeting.pk, **kwargs})


def told(user: User) -> list[str]:
    return sorted(Notification.objects.filter(user=user).values_list("key", flat=True))


def fresh(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_related("committee__network").get(pk=meeting.pk)


def circulated(w: World, text: str = "The budget was adopted.") -> Meeting:
    Meeting.objects.filter(pk=w.meeting.pk).update(minutes=text)
    return services.minutes_circulate(meeting=fresh(w.meeting), actor=w.governor)


# --- The way of the minutes ---------------------------------------------------------------------


def test_minutes_go_from_draft_to_published_then_a_correction_keeps_the_earlier_version(
    client, w, mailbox, django_capture_on_commit_callbacks
):
    page = w.meeting.get_absolute_url()
    client.force_login(w.governor)
    client.post(url("minutes_edit", w.meeting), {"minutes": "The plan was adopted.", "version": 1})

    # A draft is for those who govern the committee.
    client.force_login(w.member)
    assert "The plan was adopted." not in client.get(page).text

    # Circulated: the committee and the participants are told, once, and members comment.
    client.force_login(w.governor)
    assert "Circulate the minutes" in client.get(page).text
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url("minutes_circulate", w.meeting)).status_code == 302
        client.post(url("minutes_circulate", w.meeting))  # a second click tells nobody twice
    assert fresh(w.meeting).minutes_status == MinutesStatus.CIRCULATED
    assert told(w.seated) == [f"meeting:{w.meeting.pk}:minutes_circulated"]
    (circulation,) = mailbox.to("awa@example.org")
    assert "Minutes to comment on" in circulation["Subject"]
    client.force_login(w.member)
    text = client.get(page).text
    assert "The plan was adopted." in text and "Your comment on the minutes" in text
    response = client.post(url("minutes_comment", w.meeting), {"text": "Add who abstained."})
    assert response.status_code == 302
    assert "Add who abstained." in client.get(page).text
    client.force_login(w.outsider)
    assert client.post(url("minutes_comment", w.meeting), {"text": "Mine."}).status_code == 404
    assert MinutesComment.objects.count() == 1

    # Approved at the next meeting: the text becomes version 1 and is no longer edited.
    client.force_login(w.governor)
    form = client.get(url("minutes_approve", w.meeting)).text
    assert "Steering committee, April" in form
    response = client.post(url("minutes_approve", w.meeting), {"at_meeting": w.next_meeting.pk})
    assert response.status_code == 302
    meeting = fresh(w.meeting)
    assert meeting.minutes_status == MinutesStatus.APPROVED
    assert meeting.minutes_approved_in == w.next_meeting
    assert MinutesVersion.objects.get(meeting=meeting).text == "The plan was adopted."
    edit = client.get(url("minutes_edit", w.meeting))
    assert edit.status_code == 302 and edit["Location"] == url("minutes_correct", w.meeting)
    with pytest.raises(Invalid, match="only corrected"):
        services.minutes_update(
            meeting=meeting, actor=w.governor, version=meeting.version, minutes="REJECTED"
        )
    client.post(url("minutes_comment", w.meeting), {"text": "Too late."})
    assert MinutesComment.objects.count() == 1

    # Published: the public reads them once the agenda is out too.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("minutes_publish", w.meeting))
    assert f"meeting:{w.meeting.pk}:minutes" in told(w.seated)
    Meeting.objects.filter(pk=w.meeting.pk).update(
        agenda_circulated_at=timezone.now(), agenda_published_at=timezone.now()
    )
    client.logout()
    public = client.get(page).text
    assert "The plan was adopted." in public
    assert "Add who abstained." not in public  # the members' comments stay theirs

    # A correction needs its note; it makes version 2, keeps version 1 and tells the members.
    client.force_login(w.governor)
    meeting = fresh(w.meeting)
    data = {"minutes": "The plan was REJECTED.", "note": "", "version": meeting.version}
    response = client.post(url("minutes_correct", w.meeting), data)
    assert response.status_code == 200 and "Say what was corrected" in response.text
    assert fresh(w.meeting).minutes == "The plan was adopted."
    data["note"] = "The vote was misreported: the plan was rejected."
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url("minutes_correct", w.meeting), data).status_code == 302
    meeting = fresh(w.meeting)
    assert meeting.minutes == "The plan was REJECTED."
    first, second = MinutesVersion.objects.filter(meeting=meeting).order_by("number")
    assert first.replaced_at is not None and first.text == "The plan was adopted."
    assert first.correction_note == "The vote was misreported: the plan was rejected."
    assert second.text == "The plan was REJECTED." and second.replaced_at is None
    assert f"meeting:{w.meeting.pk}:minutes_corrected:2" in told(w.seated)
    correction = mailbox.to("awa@example.org")[-1]
    assert "Minutes corrected" in correction["Subject"]
    assert "The vote was misreported" in mailbox.body(correction)
    assert AuditEntry.objects.filter(action="governance.minutes.corrected").count() == 1

    # Readers see the correction, its note and a link to the version they could read.
    client.logout()
    public = client.get(page).text
    assert "The plan was REJECTED." in public
    assert "Corrected on" in public and "The vote was misreported" in public
    earlier = url("minutes_version", w.meeting, number=1)
    assert earlier in public
    version = client.get(earlier)
    assert version.status_code == 200 and "The plan was adopted." in version.text


def test_each_step_is_audited_and_refused_out_of_order(w):
    meeting = fresh(w.meeting)
    with pytest.raises(Invalid, match="Write the minutes"):
        services.minutes_circulate(meeting=meeting, actor=w.governor)
    with pytest.raises(Invalid, match="Circulate the minutes"):
        services.minutes_approve(meeting=meeting, actor=w.governor, at_meeting=w.next_meeting)
    with pytest.raises(Invalid, match="once approved"):
        services.minutes_publish(meeting=meeting, actor=w.governor)
    with pytest.raises(Invalid, match="not approved yet"):
        services.minutes_correct(meeting=meeting, actor=w.governor, text="x", note="y")
    to_come = MeetingFactory(committee=meeting.committee, minutes="Written ahead.")
    with pytest.raises(Invalid, match="once the meeting has taken place"):
        services.minutes_circulate(meeting=to_come, actor=w.governor)
    with pytest.raises(NotFound):  # a draft is not the members' yet
        services.minutes_comment(meeting=meeting, author=w.member, text="Early.")

    circulated(w)
    with pytest.raises(Invalid, match="circulated already"):
        services.minutes_circulate(meeting=fresh(w.meeting), actor=w.governor)
    with pytest.raises(Exception, match="may not"):  # a member comments, never approves
        services.minutes_approve(
            meeting=fresh(w.meeting), actor=w.member, at_meeting=w.next_meeting
        )
    services.minutes_approve(meeting=fresh(w.meeting), actor=w.governor, at_meeting=w.next_meeting)
    with pytest.raises(Invalid, match="approved already"):
        services.minutes_approve(
            meeting=fresh(w.meeting), actor=w.governor, at_meeting=w.next_meeting
        )
    services.minutes_publish(meeting=fresh(w.meeting), actor=w.governor)
    with pytest.raises(Invalid, match="already published"):
        services.minutes_publish(meeting=fresh(w.meeting), actor=w.governor)

    actions = list(
        AuditEntry.objects.filter(action__startswith="governance.minutes.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "governance.minutes.circulated",
        "governance.minutes.approved",
        "governance.minutes.published",
    ]


def test_a_correction_before_publication_is_for_the_members_then_published(client, w):
    circulated(w, "Ten members attended.")
    services.minutes_approve(meeting=fresh(w.meeting), actor=w.governor, at_meeting=w.next_meeting)
    services.minutes_correct(
        meeting=fresh(w.meeting), actor=w.governor, text="Nine members attended.", note="A count."
    )
    with pytest.raises(Invalid):  # the same text again is no correction
        services.minutes_correct(
            meeting=fresh(w.meeting), actor=w.governor, text="Nine members attended.", note="Again."
        )
    Meeting.objects.filter(pk=w.meeting.pk).update(agenda_published_at=timezone.now())
    first = url("minutes_version", w.meeting, number=1)

    # Approved, not published: the members read the minutes and both versions.
    client.force_login(w.member)
    assert "Nine members attended." in client.get(w.meeting.get_absolute_url()).text
    assert client.get(first).status_code == 200
    client.logout()
    assert "Nine members attended." not in client.get(w.meeting.get_absolute_url()).text
    assert client.get(first).status_code == 404

    services.minutes_publish(meeting=fresh(w.meeting), actor=w.governor)
    assert MinutesVersion.objects.get(meeting=w.meeting, number=2).published_at is not None
    page = client.get(w.meeting.get_absolute_url()).text
    assert "Nine members attended." in page and "A count." in page
    # Version 1 was never published: its readers are still the members.
    assert client.get(first).status_code == 404
    assert first not in page


# --- Approval -----------------------------------------------------------------------------------


def test_minutes_are_approved_by_an_adopted_decision_of_the_committee(client, w):
    circulated(w)
    committee = w.meeting.committee
    before = DecisionFactory(
        meeting=None,
        committee=committee,
        decided_at=timezone.now() - datetime.timedelta(days=3),
    )
    rejected = DecisionFactory(meeting=None, committee=committee, outcome=Outcome.REJECTED)
    open_round = DecisionFactory(meeting=None, committee=committee, outcome="")
    elsewhere = DecisionFactory(meeting=None, committee=CommitteeFactory())
    round_ = DecisionFactory(meeting=None, committee=committee, title="Approve March's minutes")
    for decision, refusal in (
        (before, "before the minutes were circulated"),
        (rejected, "Only an adopted decision"),
        (open_round, "Only an adopted decision"),
        (elsewhere, "same committee"),
    ):
        with pytest.raises(Invalid, match=refusal):
            services.minutes_approve(
                meeting=fresh(w.meeting), actor=w.governor, by_decision=decision
            )
    with pytest.raises(Invalid, match="one of the two"):
        services.minutes_approve(
            meeting=fresh(w.meeting),
            actor=w.governor,
            at_meeting=w.next_meeting,
            by_decision=round_,
        )

    client.force_login(w.governor)
    form = client.get(url("minutes_approve", w.meeting)).text
    assert "Approve March&#x27;s minutes" in form and rejected.title not in form
    response = client.post(url("minutes_approve", w.meeting), {"by_decision": round_.pk})
    assert response.status_code == 302

    meeting = fresh(w.meeting)
    assert meeting.minutes_status == MinutesStatus.APPROVED
    assert meeting.minutes_approved_by == round_ and meeting.minutes_approved_in is None
    entry = AuditEntry.objects.get(action="governance.minutes.approved")
    assert entry.changes["decision"] == [None, round_.pk]
    client.force_login(w.member)
    assert "Approved by the decision" in client.get(meeting.get_absolute_url()).text


def test_approval_at_a_meeting_needs_a_later_one_of_the_committee_that_has_begun(w):
    circulated(w)
    committee = w.meeting.committee
    earlier = MeetingFactory(
        committee=committee, starts_at=w.meeting.starts_at - datetime.timedelta(days=30)
    )
    to_come = MeetingFactory(
        committee=committee, starts_at=timezone.now() + datetime.timedelta(days=3)
    )
    cancelled = MeetingFactory(
        committee=committee,
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        status=MeetingStatus.CANCELLED,
    )
    elsewhere = MeetingFactory(starts_at=timezone.now() - datetime.timedelta(hours=3))
    for chosen, refusal in (
        (earlier, "later meeting"),
        (to_come, "not started yet"),
        (cancelled, "cancelled"),
        (elsewhere, "same committee"),
    ):
        with pytest.raises(Invalid, match=refusal):
            services.minutes_approve(meeting=fresh(w.meeting), actor=w.governor, at_meeting=chosen)
    assert fresh(w.meeting).minutes_status == MinutesStatus.CIRCULATED


# --- What the public sees -----------------------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path


def document(item, title: str, *, public: bool) -> AgendaDocument:
    attached = AgendaDocument(
        item=item,
        title=title,
        original_name=f"{title}.txt",
        content_type="text/plain",
        size=4,
        public=public,
    )
    attached.file.save(f"{title}.txt", ContentFile(b"text"), save=True)
    return attached


def test_the_public_sees_the_published_agenda_public_documents_and_outcomes_only(client, w, media):
    meeting = w.meeting
    Meeting.objects.filter(pk=meeting.pk).update(
        agenda_circulated_at=timezone.now(),
        agenda_published_at=timezone.now(),
        minutes_status=MinutesStatus.PUBLISHED,
        minutes_published_at=timezone.now(),  # its decisions are public with them
    )
    item = AgendaItemFactory(meeting=meeting, title="Budget 2031")
    public = document(item, "Budget-summary", public=True)
    internal = document(item, "Budget-negotiation-notes", public=False)
    decision = DecisionFactory(meeting=meeting, title="The 2031 budget")
    ConsentRecord.objects.create(
        decision=decision,
        person=w.seated.person,
        position=Position.CONCERN,
        reason="Too little for advocacy.",
    )
    ics = reverse("governance:meeting_ics", kwargs={"pk": meeting.pk})
    feed = reverse("governance:committee_feed", kwargs={"slug": "benin"})

    for reader in (None, w.outsider):
        if reader is None:
            client.logout()
        else:
            client.force_login(reader)
        page = client.get(meeting.get_absolute_url()).text
        assert "Budget 2031" in page and "Budget-summary" in page
        assert "Budget-negotiation-notes" not in page
        assert VIDEO not in page
        download = reverse("governance:document_download", kwargs={"pk": public.pk})
        assert client.get(download).status_code == 200
        download = reverse("governance:document_download", kwargs={"pk": internal.pk})
        assert client.get(download).status_code == 404
        assert VIDEO not in client.get(ics).content.decode()
        assert VIDEO not in client.get(feed).content.decode()
        decided = client.get(decision.get_absolute_url()).text
        assert "adopted" in decided
        assert "Too little for advocacy." not in decided and "Awa Dossou" not in decided

    client.force_login(w.member)
    page = client.get(meeting.get_absolute_url()).text
    assert "Budget-negotiation-notes" in page and "for the members only" in page
    assert VIDEO in page
    download = reverse("governance:document_download", kwargs={"pk": internal.pk})
    assert client.get(download).status_code == 200
    assert VIDEO in client.get(ics).content.decode()
    assert "Too little for advocacy." in client.get(decision.get_absolute_url()).text


def test_those_who_govern_mark_a_document_public_on_upload_or_later(client, w, media):
    Meeting.objects.filter(pk=w.meeting.pk).update(
        agenda_circulated_at=timezone.now(), agenda_published_at=timezone.now()
    )
    item = AgendaItemFactory(meeting=w.meeting)
    client.force_login(w.governor)
    upload = reverse("governance:document_upload", kwargs={"pk": item.pk})
    text = ContentFile(b"Minutes of the working group.", name="group.txt")
    response = client.post(upload, {"title": "Working group", "file": text, "public": "on"})
    assert response.status_code == 302
    attached = AgendaDocument.objects.get(item=item)
    assert attached.public

    toggle = reverse("governance:document_visibility", kwargs={"pk": attached.pk})
    client.force_login(w.member)
    assert client.post(toggle, {"public": "0"}).status_code == 404  # members do not decide
    client.force_login(w.governor)
    assert client.post(toggle, {"public": "0"}).status_code == 302
    client.post(toggle, {"public": "0"})  # asked twice: changed once
    attached.refresh_from_db()
    assert not attached.public
    assert AuditEntry.objects.filter(action="governance.document.visibility_changed").count() == 1
    client.logout()
    download = reverse("governance:document_download", kwargs={"pk": attached.pk})
    assert client.get(download).status_code == 404


# --- Held meetings ------------------------------------------------------------------------------


def test_a_meeting_that_has_ended_shows_as_held_and_cannot_be_cancelled(client, w):
    meeting = fresh(w.meeting)
    assert meeting.is_held
    with pytest.raises(Invalid, match="held"):
        services.meeting_cancel(meeting=meeting, actor=w.governor)

    client.force_login(w.governor)
    page = client.get(meeting.get_absolute_url()).text
    assert "<dd>held</dd>" in page
    assert url("meeting_cancel", meeting) not in page
    assert "held and can no longer be cancelled" in client.get(url("meeting_cancel", meeting)).text
    response = client.post(url("meeting_cancel", meeting))
    assert response.status_code == 302
    assert fresh(meeting).status == MeetingStatus.SCHEDULED
    listing = client.get(reverse("governance:meeting_list"), {"when": "past"}).text
    row = next(row for row in listing.split("<tr>") if "Steering committee, March" in row)
    assert "<td>held</td>" in row

    # One under way is not held yet: it may still be cancelled.
    assert not w.next_meeting.is_held
    services.meeting_cancel(meeting=fresh(w.next_meeting), actor=w.governor)
    assert fresh(w.next_meeting).status == MeetingStatus.CANCELLED


@pytest.fixture
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()


def test_the_kept_meeting_page_shows_held_once_the_meeting_ends(client, w, page_cache, monkeypatch):
    meeting = w.next_meeting  # under way, ends in an hour
    client.force_login(w.governor)
    page = client.get(meeting.get_absolute_url()).text
    assert url("meeting_cancel", meeting) in page and "<dd>scheduled</dd>" in page

    later = meeting.ends_at + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    page = client.get(meeting.get_absolute_url()).text
    assert url("meeting_cancel", meeting) not in page and "<dd>held</dd>" in page


def test_the_kept_meeting_page_shows_each_step_of_the_minutes_to_each_reader(client, w, page_cache):
    Meeting.objects.filter(pk=w.meeting.pk).update(minutes="The budget was adopted.")
    page = w.meeting.get_absolute_url()
    client.force_login(w.member)
    assert "The budget was adopted." not in client.get(page).text

    services.minutes_circulate(meeting=fresh(w.meeting), actor=w.governor)
    text = client.get(page).text
    assert "The budget was adopted." in text
    form = re.search(
        r'<form method="post" action="([^"]+/minutes/comments/)".*?</form>', text, re.S
    )
    assert form is not None
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]+)"', form.group(0)))
    response = client.post(form.group(1), {**fields, "text": "Name the abstentions."})
    assert response.status_code == 302
    assert "Name the abstentions." in client.get(page).text


def test_minutes_comments_and_versions_are_in_the_personal_data_export(w):
    from inspir.core.personal_data import Subject
    from inspir.governance.personal_data import GOVERNANCE_PROVIDER

    circulated(w)
    services.minutes_comment(meeting=fresh(w.meeting), author=w.member, text="A remark.")
    services.minutes_approve(meeting=fresh(w.meeting), actor=w.governor, at_meeting=w.next_meeting)

    commented = GOVERNANCE_PROVIDER.export(Subject(user=w.member, person=None, addresses=()))
    assert [c["text"] for c in commented["minutes_comments"]] == ["A remark."]
    approved = GOVERNANCE_PROVIDER.export(Subject(user=w.governor, person=None, addresses=()))
    assert [v["number"] for v in approved["minutes_versions_written"]] == [1]
