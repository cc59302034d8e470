"""Every governance page and message reads what members wrote in the reader's language once it
is translated, and as it was written before, marked with its language (core/texts.py):
titles inside a line with a short mark "(FR)" (components/member_title.html), longer texts
with their note (components/member_text.html), messages with "(original in French)".

The world: a steering committee writes in French; its coordinator reads in Spanish."""

import datetime
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from inspir.accounts.models import Role, User
from inspir.accounts.tests.factories import user_with_role
from inspir.core.models import TextOriginal, TextStatus, TextTranslation
from inspir.governance import notices
from inspir.governance.models import (
    AgendaDocument,
    AgendaInput,
    AgendaItem,
    Consultation,
    Decision,
    FollowUp,
    Meeting,
    MinutesStatus,
    Proposal,
    ProposalStatus,
)
from inspir.governance.services.meetings import meeting_cancel
from inspir.governance.tests.factories import (
    CommitteeFactory,
    DecisionFactory,
    FollowUpFactory,
    MeetingFactory,
    ParticipantFactory,
    ProposalFactory,
)
from inspir.network.models import Network
from inspir.network.tests.factories import NetworkFactory, PersonFactory, continental
from inspir.notifications.emails import notice_text
from inspir.notifications.models import Notification

pytestmark = pytest.mark.django_db

STARTS = datetime.datetime(2030, 1, 15, 13, 0, tzinfo=datetime.UTC)

# What the committee wrote, in French, and what its translators made of it in Spanish.
FRENCH = {
    "meeting": "Réunion de printemps",
    "minutes": "Le comité a adopté le budget.",
    "item": "Budget annuel",
    "description": "Préparer les chiffres de l'année.",
    "document": "Rapport financier",
    "input": "L'Afrique soutient le budget.",
    "decision": "Visites d'échange",
    "statement": "Chaque continent organise une visite.",
    "report": "Deux visites ont eu lieu.",
    "proposal": "Mutuelles de santé",
    "text": "Une mutuelle par pays.",
}
SPANISH = {
    "meeting": "Reunión de primavera",
    "minutes": "El comité aprobó el presupuesto.",
    "item": "Presupuesto anual",
    "description": "Preparar las cifras del año.",
    "document": "Informe financiero",
    "input": "África apoya el presupuesto.",
    "decision": "Visitas de intercambio",
    "statement": "Cada continente organiza una visita.",
    "report": "Hubo dos visitas.",
    "proposal": "Mutualidades de salud",
    "text": "Una mutualidad por país.",
}


@dataclass
class World:
    top: Network
    africa: Network
    reader: User  # the committee's coordinator, who reads in Spanish
    meeting: Meeting
    item: AgendaItem
    document: AgendaDocument
    given: AgendaInput
    decision: Decision
    follow_up: FollowUp
    proposal: Proposal

    def texts(self) -> list[tuple[object, str, str]]:
        """Each text of the world: (record, field, key in FRENCH and SPANISH)."""
        return [
            (self.meeting, "title", "meeting"),
            (self.meeting, "minutes", "minutes"),
            (self.item, "title", "item"),
            (self.item, "description", "description"),
            (self.document, "title", "document"),
            (self.given, "text", "input"),
            (self.decision, "title", "decision"),
            (self.decision, "statement", "statement"),
            (self.follow_up, "report", "report"),
            (self.proposal, "title", "proposal"),
            (self.proposal, "text", "text"),
        ]


def written_in_french(top: Network, africa: Network, title: str = "") -> dict[str, object]:
    """A meeting of `top`'s committee with its agenda, a document, Africa's input, a decision
    followed up by Africa and a proposal from Africa, all written in French."""
    with translation.override("fr"):
        meeting = MeetingFactory(
            committee=CommitteeFactory(network=top),
            title=title or FRENCH["meeting"],
            minutes=FRENCH["minutes"],
            starts_at=STARTS,
            agenda_circulated_at=timezone.now(),
        )
        item = AgendaItem.objects.create(
            meeting=meeting, title=FRENCH["item"], description=FRENCH["description"]
        )
        document = AgendaDocument.objects.create(
            item=item,
            title=FRENCH["document"],
            file="governance/rapport.pdf",
            original_name="rapport.pdf",
            content_type="application/pdf",
            size=10,
        )
        Consultation.objects.create(meeting=meeting, network=africa)
        given = AgendaInput.objects.create(item=item, network=africa, text=FRENCH["input"])
        decision = DecisionFactory(
            meeting=meeting, title=FRENCH["decision"], statement=FRENCH["statement"]
        )
        follow_up = FollowUpFactory(decision=decision, network=africa, report=FRENCH["report"])
        proposal = ProposalFactory(
            title=FRENCH["proposal"],
            text=FRENCH["text"],
            origin_network=africa,
            status=ProposalStatus.SUBMITTED,
        )
    return {
        "meeting": meeting,
        "item": item,
        "document": document,
        "given": given,
        "decision": decision,
        "follow_up": follow_up,
        "proposal": proposal,
    }


@pytest.fixture
def w() -> World:
    top = NetworkFactory(name="INSP!R", slug="inspir")
    africa = continental(top, name="INSP!R Afrique", slug="afrique")
    reader = user_with_role(
        top, Role.COORDINATOR, person=PersonFactory(languages=["es"], time_zone="UTC")
    )
    return World(top=top, africa=africa, reader=reader, **written_in_french(top, africa))


def translate(record: object, field: str, text: str) -> TextTranslation:
    """A Spanish translation of `field` of `record`, made from its current revision."""
    original = TextOriginal.objects.get(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_id=record.pk,  # type: ignore[attr-defined]
        field=field,
    )
    return TextTranslation.objects.create(
        original=original,
        language="es",
        text=text,
        source_revision=original.revision,
        source_text=getattr(record, field),
        status=TextStatus.TRANSLATED,
    )


def translate_all(w: World) -> None:
    for record, field, name in w.texts():
        translate(record, field, SPANISH[name])


def read(client, user: User, name: str, **kwargs: object) -> BeautifulSoup:
    """The page `name` as `user` reads it in Spanish (its address built in Spanish: the active
    language would otherwise leak from one request to the next)."""
    client.force_login(user)
    with translation.override("es"):
        url = reverse(f"governance:{name}", kwargs=kwargs)
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def title_in_french(page: BeautifulSoup, text: str) -> bool:
    """`text` is shown in French inside a line, followed by its mark "(FR)", which says
    "original in French" to those who do not see it."""
    found = page.find("span", lang="fr", string=text)
    if found is None:
        return False
    mark = found.find_next_sibling("span", class_="fallback-mark")
    return (
        mark is not None
        and mark.find("span", attrs={"aria-hidden": "true"}).get_text() == "(FR)"
        and "francés" in mark.select_one(".visually-hidden").get_text()
        and "francés" in mark["title"]
    )


def title_in_spanish(page: BeautifulSoup, text: str) -> bool:
    found = page.find("span", lang="es", string=text)
    return found is not None and found.find_next_sibling("span", class_="fallback-mark") is None


def block_in_french(page: BeautifulSoup, text: str) -> bool:
    """`text` shown as a block in French, said to be not translated yet."""
    found = page.find("div", lang="fr", class_="fallback")
    while found is not None and found.get_text(strip=True) != text:
        found = found.find_next("div", lang="fr", class_="fallback")
    if found is None:
        return False
    note = found.find_next_sibling("p", class_="fallback-note")
    return note is not None and "Original en francés: aún sin traducir." in note.get_text()


def block_in_spanish(page: BeautifulSoup, text: str) -> bool:
    found = [div for div in page.find_all("div", lang="es") if div.get_text(strip=True) == text]
    return bool(found) and "Traducido del francés." in found[0].find_next_sibling("p").get_text()


# --- The meeting page: every text in one read ---------------------------------------------


def meeting_page(client, w: World) -> BeautifulSoup:
    return read(client, w.reader, "meeting_detail", pk=w.meeting.pk)


def test_the_meeting_page_shows_the_french_marked_before_it_is_translated(client, w):
    page = meeting_page(client, w)

    assert title_in_french(page.h1, FRENCH["meeting"])
    assert page.title.get_text().startswith(FRENCH["meeting"])
    agenda = page.select_one(".meeting-agenda")
    assert title_in_french(agenda.h3, FRENCH["item"])
    assert block_in_french(agenda, FRENCH["description"])
    assert title_in_french(agenda.select_one(".meeting-documents a"), FRENCH["document"])
    # Africa's input beside the item, and the decision taken at the meeting.
    inputs = page.select_one(".prep-table")
    assert title_in_french(inputs.tbody.th, FRENCH["item"])
    assert block_in_french(inputs, FRENCH["input"])
    assert title_in_french(page.select_one(".decision-meeting"), FRENCH["decision"])
    assert block_in_french(page.select_one(".meeting-minutes"), FRENCH["minutes"])


def test_the_meeting_page_shows_the_spanish_once_translated_and_where_it_comes_from(client, w):
    translate_all(w)

    page = meeting_page(client, w)

    assert title_in_spanish(page.h1, SPANISH["meeting"])
    assert page.title.get_text().startswith(SPANISH["meeting"])
    assert page.select(".fallback-mark") == [] and page.select(".fallback") == []
    agenda = page.select_one(".meeting-agenda")
    assert title_in_spanish(agenda.h3, SPANISH["item"])
    assert block_in_spanish(agenda, SPANISH["description"])
    assert title_in_spanish(agenda.select_one(".meeting-documents a"), SPANISH["document"])
    assert block_in_spanish(page.select_one(".prep-table"), SPANISH["input"])
    assert title_in_spanish(page.select_one(".decision-meeting"), SPANISH["decision"])
    assert block_in_spanish(page.select_one(".meeting-minutes"), SPANISH["minutes"])
    # A French reader still reads what was written, unmarked.
    client.force_login(w.reader)
    with translation.override("fr"):
        french = BeautifulSoup(client.get(w.meeting.get_absolute_url()).content, "html.parser")
    assert french.h1.find("span", lang="fr").get_text() == FRENCH["meeting"]
    assert french.select(".fallback-mark") == []


def test_a_changed_title_shows_the_french_again_until_its_translation_is_updated(client, w):
    translate_all(w)
    with translation.override("fr"):
        w.meeting.title = "Réunion de printemps, déplacée"
        w.meeting.save()

    page = meeting_page(client, w)

    assert title_in_french(page.h1, "Réunion de printemps, déplacée")
    assert "desactualizada" not in page.h1.get_text()  # a title is only marked
    assert title_in_spanish(page.select_one(".meeting-agenda h3"), SPANISH["item"])


# --- The other pages --------------------------------------------------------------------------

# page → (its address's name and arguments, where the texts are, and which it shows: each
# a key of FRENCH and SPANISH, shown as a title in a line or as a block with its note).
PAGES = {
    "meeting list": (lambda w: ("meeting_list", {}), ".meeting-table", [("meeting", "title")]),
    "decision list": (
        lambda w: ("decision_list", {}),
        ".decision-table",
        [("decision", "title")],
    ),
    "proposal list": (lambda w: ("proposal_list", {}), ".cards", [("proposal", "title")]),
    "committee page": (
        lambda w: ("committee_detail", {"slug": "inspir"}),
        "main",
        [("meeting", "title")],
    ),
    "follow-up board": (
        lambda w: ("follow_up_board", {"pk": w.decision.pk}),
        "main",
        [("decision", "title"), ("report", "block")],
    ),
    "follow-up report": (
        lambda w: ("follow_up_report", {"pk": w.follow_up.pk}),
        "main",
        [("decision", "title")],
    ),
    "input page": (
        lambda w: ("input_edit", {"pk": w.meeting.pk, "network": "afrique"}),
        "main",
        [("meeting", "title"), ("item", "title"), ("description", "title")],
    ),
    "minutes comments": (
        lambda w: ("minutes_comment", {"pk": w.meeting.pk}),
        "main",
        [("meeting", "title"), ("minutes", "block")],
    ),
    "decision page": (
        lambda w: ("decision_detail", {"pk": w.decision.pk}),
        ".facts",
        [("meeting", "title")],
    ),
    "proposal page": (
        lambda w: ("proposal_detail", {"pk": w.proposal.pk}),
        "main",
        [("text", "block")],
    ),
}


def shows(page: BeautifulSoup, text: str, how: str, *, french: bool) -> bool:
    if how == "title":
        return (title_in_french if french else title_in_spanish)(page, text)
    return (block_in_french if french else block_in_spanish)(page, text)


@pytest.mark.parametrize("name", PAGES)
def test_each_page_shows_the_french_marked_then_the_spanish_once_translated(client, w, name):
    address, where, shown = PAGES[name]
    if name == "minutes comments":
        Meeting.objects.filter(pk=w.meeting.pk).update(minutes_status=MinutesStatus.CIRCULATED)
    view, kwargs = address(w)

    before = read(client, w.reader, view, **kwargs).select_one(where)
    for key, how in shown:
        assert shows(before, FRENCH[key], how, french=True), (name, key)

    translate_all(w)
    after = read(client, w.reader, view, **kwargs).select_one(where)
    for key, how in shown:
        assert shows(after, SPANISH[key], how, french=False), (name, key)
    assert after.select(".fallback-mark") == []


def test_my_work_marks_the_french_titles_of_what_waits(client, w):
    ParticipantFactory(meeting=w.meeting, person=w.reader.person)
    client.force_login(w.reader)

    def waiting() -> BeautifulSoup:
        with translation.override("es"):
            url = reverse("core:my_work")
        return BeautifulSoup(client.get(url).content, "html.parser")

    before = waiting()
    assert title_in_french(before, FRENCH["meeting"])  # a meeting coming
    assert title_in_french(before, FRENCH["decision"])  # Africa's follow-up to report

    translate_all(w)
    after = waiting()
    assert after.find(string=SPANISH["meeting"]) and after.find(string=SPANISH["decision"])
    assert after.select(".fallback-mark") == []


# --- Messages -----------------------------------------------------------------------------------


def test_a_spanish_reader_is_told_of_a_french_decision_in_spanish_once_translated(
    w, mailbox, django_capture_on_commit_callbacks
):
    """The notice reads in its reader's language when it is read and when it is e-mailed:
    the translation when there is one, else the French said to be French."""
    focal_point = user_with_role(
        w.africa,
        Role.FOCAL_POINT,
        person=PersonFactory(languages=["es"]),
        email="focal@example.org",
    )
    with django_capture_on_commit_callbacks(execute=True):
        notices.follow_up_opened(w.follow_up, actor=None)
    notice = Notification.objects.get(user=focal_point, kind=notices.FOLLOW_UP_OPENED)
    with translation.override("es"):
        before = notice_text(notice).title

    assert f"“{FRENCH['decision']} (original " in before and "francés)”" in before
    [message] = mailbox.to("focal@example.org")
    assert f"“{FRENCH['decision']} (original " in str(message["Subject"])

    translate(w.decision, "title", SPANISH["decision"])
    with translation.override("es"):
        after = notice_text(notice).title
    assert f"“{SPANISH['decision']}”" in after and "original" not in after


def test_a_report_told_to_a_spanish_reader_is_the_spanish_once_translated(w):
    # Those who act for the network above (the reader) hear of Africa's report.
    notices.follow_up_reported(w.follow_up, actor=None)
    notice = Notification.objects.get(user=w.reader, kind=notices.FOLLOW_UP_REPORTED)
    with translation.override("es"):
        body = notice_text(notice).body
    assert body.startswith(f"{FRENCH['report']} (original ") and body.endswith("francés)")

    translate(w.follow_up, "report", SPANISH["report"])
    with translation.override("es"):
        assert notice_text(notice).body == SPANISH["report"]


def cancel(meeting: Meeting, governor: User, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        meeting_cancel(meeting=meeting, actor=governor)


def test_a_meeting_email_to_a_spanish_participant_says_the_title_is_french_until_translated(
    w, mailbox, django_capture_on_commit_callbacks
):
    """E-mails are rendered in each recipient's language: the title translated when it is,
    else as written with "(original en francés)"."""
    bolivian = PersonFactory(email="lapaz@example.org", languages=["es"])
    ParticipantFactory(meeting=w.meeting, person=bolivian)
    cancel(w.meeting, w.reader, django_capture_on_commit_callbacks)

    [message] = mailbox.to("lapaz@example.org")
    subject = str(message["Subject"])
    assert f"{FRENCH['meeting']} (original " in subject and "francés)" in subject
    assert f"{FRENCH['meeting']} (original " in mailbox.body(message)

    # Another meeting, translated before it is cancelled: Spanish, unmarked.
    other = written_in_french(w.top, w.africa, title="Réunion d'automne")["meeting"]
    translate(other, "title", "Reunión de otoño")
    ParticipantFactory(meeting=other, person=bolivian)
    cancel(other, w.reader, django_capture_on_commit_callbacks)

    message = mailbox.to("lapaz@example.org")[-1]
    assert "Reunión de otoño" in str(message["Subject"])
    assert "original" not in str(message["Subject"])
    body = mailbox.body(message)
    assert "Reunión de otoño" in body and "(original" not in body


# --- Query counts: the same with one text or many, translated or not -----------------------


def add_many(w: World, count: int) -> None:
    """`count` more of everything the pages list, written in French, each translated."""
    for number in range(count):
        made = written_in_french(w.top, w.africa, title=f"Réunion {number}")
        item = made["item"]
        AgendaItem.objects.create(meeting=w.meeting, title=f"Point {number}", description="À voir.")
        for record, field in [
            (made["meeting"], "title"),
            (made["decision"], "title"),
            (made["proposal"], "title"),
            (made["follow_up"], "report"),
            (item, "title"),
        ]:
            translate(record, field, f"{getattr(record, field)} (es)")
        FollowUpFactory(decision=w.decision, network=continental(w.top), report=f"Rapport {number}")


# page → queries for the coordinator (session, account and reach included).
PINNED = {
    "/es/governance/meetings/": 10,
    "/es/governance/meetings/{meeting}/": 10,
    "/es/governance/decisions/": 9,
    "/es/governance/proposals/": 8,
    "/es/governance/committees/inspir/": 9,
    # With the plan actions the decision produced, for a reader of a plan, and the positions
    # it adopted (core/related.py): one query each.
    "/es/governance/decisions/{decision}/": 12,
    "/es/governance/decisions/{decision}/follow-ups/": 9,
    "/es/governance/meetings/{meeting}/inputs/afrique/": 10,
    # With the suggestions to the plans the coordinator owns.
    "/es/my-work/": 12,
}
# Pages that read what other apps link to them besides their own, and how many apps do (a
# decision's plan actions and positions).
WITH_RELATED = {"/es/governance/decisions/{decision}/": 2}


def counts(client, w: World) -> dict[str, int]:
    found = {}
    for path in PINNED:
        url = path.format(meeting=w.meeting.pk, decision=w.decision.pk)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        found[path] = len(queries)
    return found


def test_each_page_reads_its_texts_in_the_same_queries_however_many_there_are(client, w):
    ParticipantFactory(meeting=w.meeting, person=w.reader.person)
    client.force_login(w.reader)
    translate(w.meeting, "title", SPANISH["meeting"])
    few = counts(client, w)

    add_many(w, 12)
    many = counts(client, w)

    assert few == many == PINNED
    assert PINNED["/es/my-work/"] <= 13  # My work's budget
    # 10 for every other page, and one more for a page that lists what other apps link to it.
    assert all(
        count <= 10 + WITH_RELATED.get(path, 0)
        for path, count in PINNED.items()
        if path != "/es/my-work/"
    )
