"""A decision written in French reaches a Spanish reader through the translations workflow
(inspir/translations): its translators are told, it waits in their queue in order of need,
a translator translates it beside the original, a second person reviews it, a changed
original sends it back; readers ask for what they miss; files go to agencies and come back;
a machine may draft, marked until reviewed; coordinators see the coverage."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone, translation
from translate.storage import xliff as toolkit

from inspir.accounts.models import Role, User
from inspir.accounts.tests.factories import user_with_role
from inspir.core.models import TextOriginal, TextStatus, TextTranslation
from inspir.governance.models import Decision
from inspir.governance.tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    DecisionFactory,
    MeetingFactory,
)
from inspir.network.tests.factories import PersonFactory, continental, national
from inspir.notifications.models import Notification
from inspir.translations import services
from inspir.translations.models import TranslationRequest, Translator
from inspir.translations.notices import ASKED, DONE, NEEDED
from inspir.translations.tests.libretranslate import (  # noqa: F401 - fixtures
    fake_translation,
    libretranslate,
    libretranslate_server,
)

pytestmark = pytest.mark.django_db

FRENCH = "Chaque continent organise une visite d'échange en 2021."
CHANGED = "Chaque continent organise deux visites d'échange en 2021."
SPANISH = "Cada continente organiza una visita de intercambio en 2021."


def person_user(network, role=Role.MEMBER, language="es", **fields) -> User:
    user = user_with_role(network, role, **fields)
    user.person = PersonFactory(languages=[language], email=user.email)
    user.save()
    return user


class World:
    def __init__(self) -> None:
        africa = continental(name="Afrique", slug="afrique")
        self.benin = national(africa, name="Bénin", slug="benin")
        self.togo = national(africa, name="Togo", slug="togo")
        committee = CommitteeFactory(network=self.benin)
        self.translator = person_user(self.benin)
        self.second = person_user(self.benin)
        Translator.objects.create(network=self.benin, user=self.translator, languages=["es"])
        Translator.objects.create(network=self.benin, user=self.second, languages=["es", "en"])
        self.reader = person_user(self.benin)
        self.member = person_user(self.benin, language="fr")
        self.coordinator = person_user(self.benin, Role.COORDINATOR, language="fr")
        self.togo_translator = person_user(self.togo)
        Translator.objects.create(network=self.togo, user=self.togo_translator, languages=["es"])
        with translation.override("fr"):
            self.meeting = MeetingFactory(committee=committee, title="Réunion de janvier")
            self.decision = DecisionFactory(
                meeting=self.meeting, title="Visites d'échange", statement=FRENCH
            )

    def original(self, field: str = "statement", record=None) -> TextOriginal:
        record = record or self.decision
        return TextOriginal.objects.get(
            content_type=ContentType.objects.get_for_model(type(record)),
            object_id=record.pk,
            field=field,
        )


@pytest.fixture
def w(db) -> World:
    return World()


def get(client, user, name: str, ui: str = "es", **kwargs) -> BeautifulSoup:
    client.force_login(user)
    with translation.override(ui):
        url = reverse(name, kwargs=kwargs)
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def editor_url(original: TextOriginal, language: str = "es", ui: str = "es") -> str:
    with translation.override(ui):
        return reverse("translations:edit", kwargs={"original": original.pk, "language": language})


def decision_page(client, user, decision: Decision) -> BeautifulSoup:
    client.force_login(user)
    with translation.override("es"):
        url = decision.get_absolute_url()
    return BeautifulSoup(client.get(url).content, "html.parser")


def translate(client, user, original: TextOriginal, text: str, finish: bool = True):
    client.force_login(user)
    page = BeautifulSoup(client.get(editor_url(original)).content, "html.parser")
    form = page.find("textarea", attrs={"name": "text"}).find_parent("form")
    data = {
        field["name"]: field.get("value", "")
        for field in form.find_all("input")
        if field.get("name")
    }
    data["text"] = text
    data["finish" if finish else "draft"] = "1"
    return client.post(editor_url(original), data)


# --- The journey ----------------------------------------------------------------------------


def test_a_french_decision_reaches_a_spanish_reader_through_its_translator(
    client, w, mailbox, django_capture_on_commit_callbacks
):
    statement = w.original()
    # The translators into Spanish were told, in their digest; nobody into English or French
    # but the one who translates into English too.
    told = Notification.objects.filter(kind=NEEDED, context__original=statement.pk)
    assert {(n.user_id, n.context["language"]) for n in told} == {
        (w.translator.pk, "es"),
        (w.second.pk, "es"),
        (w.second.pk, "en"),
    }
    # A large id, as on a platform that has been used for a while: the ask button must not
    # write it with a thousands separator ("123.456" in Spanish).
    TextOriginal.objects.filter(pk=statement.pk).update(id=123_456)
    statement = w.original()
    assert statement.pk == 123_456
    # Before: the French, marked, with a button to ask.
    before = decision_page(client, w.reader, w.decision).select_one(".decision-statement")
    assert before.find("div", lang="fr").get_text(strip=True) == FRENCH
    assert "Original en francés: aún sin traducir." in before.get_text()
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(
            before.find("form")["action"],
            {field["name"]: field["value"] for field in before.find("form").find_all("input")},
        )
    assert asked.status_code == 302
    assert TranslationRequest.objects.get().requested_by == w.reader

    # The translator finds it in the queue, needed by the date its follow-ups are due.
    queue = get(client, w.translator, "translations:queue", network="benin", language="es")
    titles = [a.get_text() for a in queue.select("#to-translate ~ ol a")]
    assert "Decisión “Visites d'échange” — texto de la decisión" in titles[0] or any(
        "Visites d'échange" in title for title in titles
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = translate(client, w.translator, statement, SPANISH)
    assert response.status_code == 302
    translated = TextTranslation.objects.get(original=statement, language="es")
    assert (translated.status, translated.translated_by) == (TextStatus.TRANSLATED, w.translator)

    # The reader reads Spanish now, and was told (by e-mail, in Spanish).
    after = decision_page(client, w.reader, w.decision).select_one(".decision-statement")
    assert after.find("div", lang="es").get_text(strip=True) == SPANISH
    assert "Traducido del francés." in after.get_text()
    [told_done] = Notification.objects.filter(kind=DONE, user=w.reader)
    assert TranslationRequest.objects.get().answered_at is not None
    assert any("Ahora en español" in str(m["Subject"]) for m in mailbox.to(w.reader.email))
    # The statement left the queue (its title is still to do).
    queue = get(client, w.translator, "translations:queue", network="benin", language="es")
    assert FRENCH[:20] not in queue.get_text()
    assert not any(
        "texto de la decisión" in a.get_text() for a in queue.select("#to-translate ~ ol a")
    )


def test_editing_the_original_makes_the_translation_outdated_and_puts_it_back(client, w):
    statement = w.original()
    translate(client, w.translator, statement, SPANISH)
    with translation.override("fr"):
        w.decision.statement = CHANGED
        w.decision.save()

    entry = TextTranslation.objects.get(original=statement, language="es")
    statement.refresh_from_db()
    assert entry.source_revision < statement.revision
    # Told again, for the new revision.
    assert Notification.objects.filter(
        kind=NEEDED, user=w.translator, key=f"text:{statement.pk}:r2:es"
    ).exists()
    # Back in the queue, marked out of date.
    queue = get(client, w.translator, "translations:queue", network="benin", language="es")
    item = next(
        li
        for li in queue.select("#to-translate + ol li")
        if "texto de la decisión" in li.get_text()
    )
    assert "desactualizada" in item.get_text()
    # The editor shows the previous translation and what changed since.
    editor = get(client, w.translator, "translations:edit", original=statement.pk, language="es")
    assert SPANISH in editor.get_text()
    assert [ins.get_text(" ", strip=True) for ins in editor.select(".line-added ins")] == [
        "Añadido: " + CHANGED
    ]
    # The reader sees the French again, said to be newer than its translation.
    shown = decision_page(client, w.reader, w.decision).select_one(".decision-statement")
    assert shown.find("div", lang="fr").get_text(strip=True) == CHANGED


def test_a_translation_is_reviewed_by_a_second_person(client, w):
    statement = w.original()
    translate(client, w.translator, statement, SPANISH)
    with pytest.raises(services.Invalid):
        services.translation_review(
            actor=w.translator, original_id=statement.pk, language="es", seen_version=1
        )
    # The second translator has it in their "to review" list.
    queue = get(client, w.second, "translations:queue", network="benin", language="es")
    assert any("texto de la decisión" in a.get_text() for a in queue.select("#to-review + ol a"))
    services.translation_review(
        actor=w.second, original_id=statement.pk, language="es", seen_version=1
    )
    entry = TextTranslation.objects.get(original=statement)
    assert (entry.status, entry.reviewed_by) == (TextStatus.REVIEWED, w.second)


def test_two_translators_at_once_never_overwrite_each_other(client, w):
    statement = w.original()
    client.force_login(w.translator)
    first = BeautifulSoup(client.get(editor_url(statement)).content, "html.parser")
    seen = {i["name"]: i.get("value", "") for i in first.find_all("input") if i.get("name")}
    translate(client, w.second, statement, "Traducción de otra persona.")

    client.force_login(w.translator)
    response = client.post(editor_url(statement), {**seen, "text": SPANISH, "finish": "1"})

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert "Nada se sobrescribió" in page.select_one("[role=alert]").get_text()
    assert page.find("textarea").get_text(strip=True) == SPANISH
    assert "Traducción de otra persona." in page.get_text()
    assert TextTranslation.objects.get(original=statement).text == "Traducción de otra persona."


def test_asking_twice_tells_the_translators_once(
    client, w, mailbox, django_capture_on_commit_callbacks
):
    statement = w.original()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.translation_ask(actor=w.reader, original_id=statement.pk, language="es")
        assert not services.translation_ask(actor=w.reader, original_id=statement.pk, language="es")
        services.translation_ask(actor=w.member, original_id=statement.pk, language="es")

    assert TranslationRequest.objects.count() == 2
    assert Notification.objects.filter(kind=ASKED, user=w.translator).count() == 1
    [message] = [m for m in mailbox.to(w.translator.email) if "traducción" in str(m["Subject"])]
    assert "Visites d'échange (original en francés)" in str(message["Subject"])


def test_who_may_translate_is_the_networks_translators_and_coordinators(client, w):
    statement = w.original()
    for outsider in (w.member, w.reader, w.togo_translator):
        client.force_login(outsider)
        assert client.get(editor_url(statement)).status_code == 404
        with translation.override("es"):
            queue = reverse("translations:queue", kwargs={"network": "benin", "language": "es"})
        assert client.get(queue).status_code == 404
    client.force_login(w.coordinator)
    assert client.get(editor_url(statement)).status_code == 200
    # A translator into Spanish does not translate into English.
    client.force_login(w.translator)
    assert client.get(editor_url(statement, language="en")).status_code == 404


def test_a_text_out_of_ones_reach_cannot_be_asked_for(w):
    outsider = person_user(national(continental(name="Asia"), name="Nepal"))
    with pytest.raises(services.NotFound):
        services.translation_ask(actor=outsider, original_id=w.original().pk, language="es")


# --- Machine drafts -------------------------------------------------------------------------


def test_a_machine_draft_shows_as_such_until_a_person_reviews_it(client, w, libretranslate):  # noqa: F811
    statement = w.original()
    editor = get(client, w.translator, "translations:edit", original=statement.pk, language="es")
    form = editor.find("form", action=lambda a: a and a.endswith("/machine/"))
    client.post(form["action"], {i["name"]: i["value"] for i in form.find_all("input")})

    drafted = TextTranslation.objects.get(original=statement)
    assert drafted.text == fake_translation(FRENCH, source="fr", target="es")
    assert drafted.machine and drafted.status == TextStatus.DRAFT
    assert libretranslate.requests == [
        {"q": FRENCH, "source": "fr", "target": "es", "format": "text"}
    ]
    shown = decision_page(client, w.reader, w.decision).select_one(".decision-statement")
    assert shown.find("div", lang="es").get_text(strip=True) == drafted.text
    assert "Traducción automática del francés" in shown.get_text()
    queue = get(client, w.second, "translations:queue", network="benin", language="es")
    assert "borrador automático" in queue.select_one("#to-translate + ol").get_text()

    services.translation_review(
        actor=w.second, original_id=statement.pk, language="es", seen_version=drafted.version
    )
    shown = decision_page(client, w.reader, w.decision).select_one(".decision-statement")
    assert "Traducción automática" not in shown.get_text()
    assert "Traducido del francés." in shown.get_text()


def test_without_a_machine_service_nothing_is_sent_anywhere(client, w, libretranslate_server):  # noqa: F811
    statement = w.original()
    editor = get(client, w.translator, "translations:edit", original=statement.pk, language="es")
    assert editor.find("form", action=lambda a: a and a.endswith("/machine/")) is None
    with pytest.raises(services.Invalid):
        services.machine_draft(
            actor=w.translator, original_id=statement.pk, language="es", seen_version=0
        )
    assert libretranslate_server.hits == []
    assert not TextTranslation.objects.exists()


# --- Files for agencies ---------------------------------------------------------------------


def exported(client, user) -> bytes:
    client.force_login(user)
    with translation.override("es"):
        url = reverse("translations:export", kwargs={"network": "benin", "language": "es"})
    response = client.get(url)
    assert response["Content-Type"].startswith("application/x-xliff+xml")
    return response.content


def agency(data: bytes) -> bytes:
    """What a translation agency sends back: every unit translated in a real XLIFF tool."""
    store = toolkit.xlifffile.parsestring(data)
    for unit in store.units:
        if unit.isheader():
            continue
        unit.target = f"ES: {unit.source}"
        unit.markapproved(True)
    return bytes(store)


def import_file(client, user, data: bytes, **fields) -> BeautifulSoup:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(user)
    with translation.override("es"):
        url = reverse("translations:import", kwargs={"network": "benin", "language": "es"})
    upload = SimpleUploadedFile("back.xlf", data, content_type="application/x-xliff+xml")
    response = client.post(url, {"file": upload, **fields}, follow=True)
    return BeautifulSoup(response.content, "html.parser")


def test_an_agencys_file_comes_back_into_the_right_texts(client, w):
    back = agency(exported(client, w.translator))

    import_file(client, w.translator, back)

    for field in ("title", "statement"):
        entry = TextTranslation.objects.get(original=w.original(field), language="es")
        assert entry.text == f"ES: {getattr(w.decision, field)}"
        assert entry.status == TextStatus.TRANSLATED and not entry.machine
    meeting_title = TextTranslation.objects.get(original=w.original("title", w.meeting))
    assert meeting_title.text == "ES: Réunion de janvier"


def test_a_stale_unit_is_refused_with_its_line_and_nothing_is_written(client, w):
    back = agency(exported(client, w.translator))
    with translation.override("fr"):
        w.decision.statement = CHANGED
        w.decision.save()

    page = import_file(client, w.translator, back)

    alert = page.select_one("[role=alert]").get_text(" ", strip=True)
    assert "Nada se importó" in alert
    statement = w.original()
    line = next(
        number
        for number, text in enumerate(back.decode().splitlines(), start=1)
        if f'id="text-{statement.pk}-r1"' in text
    )
    assert f"Línea {line} (text-{statement.pk}-r1)" in alert
    assert "revisión 2" in alert
    assert not TextTranslation.objects.exists()

    # Asked to, the others come in and the stale one stays in the queue.
    import_file(client, w.translator, back, skip_refused="on")
    assert TextTranslation.objects.filter(original=w.original("title")).exists()
    assert not TextTranslation.objects.filter(original=statement).exists()


# --- Coverage -------------------------------------------------------------------------------


def test_the_coverage_figures_match_the_texts_of_the_last_90_days(client, w):
    # Benin's texts: the meeting's title and the decision's title and statement (French).
    statement, title = w.original(), w.original("title")
    TextTranslation.objects.create(
        original=statement,
        language="es",
        text=SPANISH,
        status=TextStatus.REVIEWED,
        source_revision=1,
        source_text=FRENCH,
    )
    TextTranslation.objects.create(  # a draft does not count
        original=title,
        language="es",
        text="Visitas",
        status=TextStatus.DRAFT,
        source_revision=1,
        source_text="Visites d'échange",
    )
    TextTranslation.objects.create(  # nor does an outdated translation
        original=title,
        language="en",
        text="Visits",
        status=TextStatus.TRANSLATED,
        source_revision=0,
        source_text="Visites",
    )
    with translation.override("es"):  # written in Spanish, 100 days ago: not counted
        old = DecisionFactory(meeting=w.meeting, statement="Antigua", title="Antigua")
    TextOriginal.objects.filter(object_id=old.pk, content_type__model="decision").update(
        changed_at=timezone.now() - datetime.timedelta(days=100)
    )

    page = get(client, w.coordinator, "translations:coverage")

    row = next(tr for tr in page.select("tbody tr") if tr.th.get_text() == "Bénin")
    cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
    assert cells == ["3", "100 % (3/3)", "0 % (0/3)", "33 % (1/3)"]


# --- Queries --------------------------------------------------------------------------------


def count_queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_translation_pages_read_the_same_queries_however_many_texts(client, w):

    def urls() -> list[str]:
        with translation.override("es"):
            return [
                reverse("translations:home"),
                reverse("translations:queue", kwargs={"network": "benin", "language": "es"}),
                reverse("translations:coverage"),
                editor_url(w.original()),
            ]

    client.force_login(w.coordinator)
    services.translation_ask(actor=w.coordinator, original_id=w.original().pk, language="es")
    # The queue reads each kind of record it lists once (bounded by the kinds declared):
    # one text of each kind that the many below add.
    with translation.override("fr"):
        AgendaItemFactory(meeting=w.meeting, description="Point")
    few = [count_queries(client, url) for url in urls()]
    # Many more texts of the same kinds, translated, outdated, asked for and drafted.
    with translation.override("fr"):
        for number in range(15):
            decision = DecisionFactory(meeting=w.meeting, statement=f"Texte {number}")
            AgendaItemFactory(meeting=w.meeting, description=f"Point {number}")
            original = w.original(record=decision)
            TextTranslation.objects.create(
                original=original,
                language="es",
                text=f"Texto {number}",
                status=TextStatus.TRANSLATED if number % 2 else TextStatus.DRAFT,
                source_revision=1,
                source_text=f"Texte {number}",
                translated_by=w.translator,
            )
            if number % 2 == 0:
                services.translation_ask(
                    actor=w.coordinator, original_id=original.pk, language="es"
                )
    translate(client, w.translator, w.original(), SPANISH, finish=False)
    client.force_login(w.coordinator)

    many = [count_queries(client, url) for url in urls()]

    assert many == few
    assert max(many) <= 20, many


# --- Calendar files -------------------------------------------------------------------------


def test_a_meetings_calendar_file_and_feeds_are_in_their_readers_language(client, w):
    from icalendar import Calendar

    from inspir.governance.calendar import meeting_ics

    def summary(ics: str) -> str:
        return str(Calendar.from_ical(ics).walk("VEVENT")[0]["SUMMARY"])

    def description(ics: str) -> str:
        return str(Calendar.from_ical(ics).walk("VEVENT")[0]["DESCRIPTION"])

    def feed(language: str) -> str:
        with translation.override(language):
            url = reverse(
                "governance:committee_feed", kwargs={"slug": w.meeting.committee.network.slug}
            )
        response = client.get(url)
        assert response.status_code == 200
        return response.content.decode()

    w.meeting.agenda_published_at = timezone.now()
    w.meeting.save(update_fields=["agenda_published_at"])
    with translation.override("fr"):
        item = AgendaItemFactory(meeting=w.meeting, title="Plan d'action")
    with translation.override("es"):
        before = summary(meeting_ics(w.meeting, method="REQUEST"))
    assert before.endswith("Réunion de janvier (original en francés)")
    assert summary(feed("es")).endswith("Réunion de janvier (original en francés)")
    assert "1. Plan d'action (original en francés)" in description(feed("es"))
    assert summary(feed("fr")).endswith("Réunion de janvier")
    for record, translated in [(w.meeting, "Reunión de enero"), (item, "Plan de acción")]:
        text = w.original("title", record)
        TextTranslation.objects.create(
            original=text,
            language="es",
            text=translated,
            status=TextStatus.TRANSLATED,
            source_revision=text.revision,
            source_text=record.title,
        )
    with translation.override("es"):
        assert summary(meeting_ics(w.meeting, method="REQUEST")).endswith("Reunión de enero")
    # A subscribed feed is read in the language of its address, as the page is.
    assert summary(feed("es")).endswith("Reunión de enero")
    assert "1. Plan de acción" in description(feed("es"))
    assert "original" not in description(feed("es"))
    assert summary(feed("fr")).endswith("Réunion de janvier")
    assert summary(feed("en")).endswith("Réunion de janvier (original in French)")


def test_the_queue_puts_what_readers_ask_for_then_what_is_needed_soonest_first(client, w):
    from inspir.translations.selectors import queue

    past = timezone.now() - datetime.timedelta(days=30)
    with translation.override("fr"):
        held = MeetingFactory(committee=w.meeting.committee, title="Réunion passée")
        held.starts_at, held.ends_at = past, past + datetime.timedelta(hours=2)
        held.save()
        soon = MeetingFactory(committee=w.meeting.committee, title="Réunion prochaine")
        soon.starts_at = timezone.now() + datetime.timedelta(days=3)
        soon.ends_at = soon.starts_at + datetime.timedelta(hours=2)
        soon.save()

    listed = [
        entry.original.title
        for entry in queue(w.translator, network=w.benin, language="es").to_translate
    ]

    assert listed.index("Réunion prochaine") < listed.index("Réunion de janvier")
    assert listed.index("Réunion de janvier") < listed.index("Réunion passée")
    # A reader asking for one needs it now: it comes first.
    services.translation_ask(
        actor=w.reader, original_id=w.original("title", held).pk, language="es"
    )
    first = queue(w.translator, network=w.benin, language="es").to_translate[0]
    assert first.original.title == "Réunion passée" and first.requests == 1


def test_the_minutes_approval_form_names_meetings_and_decisions_in_the_readers_language(client, w):
    past = timezone.now() - datetime.timedelta(days=40)
    with translation.override("fr"):
        held = MeetingFactory(committee=w.meeting.committee, title="Réunion de février")
        later = MeetingFactory(committee=w.meeting.committee, title="Réunion de mars")
    for days, meeting in [(0, held), (20, later)]:
        meeting.starts_at = past + datetime.timedelta(days=days)
        meeting.ends_at = meeting.starts_at + datetime.timedelta(hours=2)
        meeting.save(update_fields=["starts_at", "ends_at"])

    def choices(ui: str) -> list[str]:
        page = get(client, w.coordinator, "governance:minutes_approve", ui=ui, pk=held.pk)
        return [
            option.get_text(strip=True)
            for name in ("at_meeting", "by_decision")
            for option in page.find("select", attrs={"name": name}).find_all("option")
            if option.get("value")
        ]

    assert any(c.startswith("Réunion de mars (original en francés)") for c in choices("es"))
    assert any(c.startswith("Visites d'échange (original en francés)") for c in choices("es"))
    for record, field, translated in [
        (later, "title", "Reunión de marzo"),
        (w.decision, "title", "Visitas de intercambio"),
    ]:
        text = w.original(field, record)
        TextTranslation.objects.create(
            original=text,
            language="es",
            text=translated,
            status=TextStatus.TRANSLATED,
            source_revision=text.revision,
            source_text=record.title,
        )
    spanish = choices("es")
    assert any(c.startswith("Reunión de marzo (") for c in spanish)
    assert any(c.startswith("Visitas de intercambio (") for c in spanish)
    assert any(c.startswith("Réunion de mars (") for c in choices("fr"))
