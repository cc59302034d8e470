"""INSP!R Bénin acts for itself: its focal point, on a 360 px phone in Cotonou, in French.

Bénin has no committee of its own. Its focal point (Rodrigue Hounkpatin) lands on "Mon travail"
after log-in, edits Bénin's page and his own organisation, gives Bénin's input for the next
steering-committee meeting, and submits a proposal for Bénin, which he forwards to West Africa.
West Africa's continental coordinator (Lomé) plans a meeting of its committee, puts the
proposal on its agenda and records the decision; Bénin is asked to act on it, and its focal
point reports back. At each step the right people are told: the e-mails are read from a real
SMTP server (who receives them, in which language, with which link) and the notices from the
in-app list with its unread count in the header."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from e2e.conftest import PHONE
from e2e.test_journeys import (
    CONTINENTAL_COORDINATOR,
    COTONOU_UNION,
    FOCAL_POINT,
    Person,
    assert_no_console_errors,
)

pytestmark = pytest.mark.browser

# West Africa's committee members who have no account: they hear by e-mail only.
WEST_AFRICA_WITHOUT_ACCOUNT = [
    "aminata.diallo@example.org",
    "fatou.ndiaye@example.org",
    "issa.sissouma@example.org",
    "niwa.soulima@example.org",
]
PROPOSAL = "Caisses de santé mutuelles pour les vendeuses des marchés de Cotonou"


def phone_person(browsing, locale: str = "fr-BJ") -> Person:
    person = Person(browsing, "phone", locale=locale)
    assert person.page.viewport_size == PHONE
    return person


def link_in(mailbox, message) -> str:
    """The path of the first link of the platform in `message`'s text."""
    found = re.search(r"https?://[^/\s]+(/(?:fr|en|es)/\S+)", mailbox.body(message))
    assert found, mailbox.body(message)
    return found.group(1)


def recipients(mailbox, since: int) -> list[str]:
    """Who received the e-mails sent after the first `since` ones, sorted."""
    return sorted(message["To"] for message in mailbox.messages[since:])


def notifications_entry(person: Person):
    return person.page.locator("header nav.main-nav").get_by_role(
        "link", name=re.compile(r"^Notifications")
    )


def test_the_benin_focal_point_edits_benins_pages_and_gives_its_input(browsing, mailbox):
    rodrigue = phone_person(browsing)
    rodrigue.log_in(FOCAL_POINT, language="fr")

    # After log-in he lands on what waits for him.
    expect(rodrigue.page).to_have_url(re.compile(r"/fr/my-work/$"))
    expect(rodrigue.page.get_by_role("heading", level=1)).to_have_text("Mon travail")
    follow_ups = rodrigue.page.locator("#work-follow-ups").locator("xpath=..")
    expect(follow_ups).to_contain_text("Support a Global Fund for Social Protection")

    # Bénin's page: an edit button, and the new description is there for visitors.
    rodrigue.goto("/fr/networks/inspir-benin/")
    rodrigue.follow(rodrigue.link("Modifier la page de ce réseau"))
    description = "Réseau national d'INSP!R au Bénin : mutuelles, syndicats et jeunes de Cotonou."
    rodrigue.page.get_by_label(re.compile(r"^Description\b", re.I)).fill(description)
    rodrigue.follow(rodrigue.page.locator("main").get_by_role("button", name="Enregistrer"))
    expect(rodrigue.page).to_have_url(re.compile(r"/fr/networks/inspir-benin/$"))
    expect(rodrigue.page.locator("main")).to_contain_text(description)

    # His own organisation, a union of Cotonou.
    rodrigue.goto(f"/fr/organisations/{COTONOU_UNION}/")
    rodrigue.follow(rodrigue.link("Modifier cette organisation"))
    rodrigue.page.get_by_label("Sigle").fill("SYNTRAI-Cotonou")
    rodrigue.follow(rodrigue.page.locator("main").get_by_role("button", name="Enregistrer"))
    expect(rodrigue.page).to_have_url(re.compile(rf"/fr/organisations/{COTONOU_UNION}/$"))
    expect(rodrigue.page.get_by_role("status")).to_contain_text("L'organisation a été enregistrée.")
    expect(rodrigue.page.get_by_role("heading", level=1)).to_contain_text("SYNTRAI-Cotonou")

    # Bénin's input for the next steering-committee meeting: Bénin gave it on the exchange
    # visits already (so "Mon travail" does not list it as due); he adds the website item.
    rodrigue.follow(rodrigue.main_menu("Gouvernance"))
    rodrigue.follow(rodrigue.page.locator("main").get_by_role("link", name="Réunions", exact=True))
    rodrigue.follow(rodrigue.link("Steering committee — regular meeting").first)
    rodrigue.follow(rodrigue.link(re.compile("Donner la contribution du réseau INSP!R Bénin")))
    expect(rodrigue.page.locator("main")).to_contain_text("INSP!R Bénin")
    website = rodrigue.page.get_by_role(
        "textbox", name=re.compile("one website for the whole network")
    )
    website.fill("Commencer par le bulletin des mutuelles de Cotonou.")
    rodrigue.follow(rodrigue.page.get_by_role("button", name="Enregistrer la contribution"))
    expect(rodrigue.page).to_have_url(re.compile(r"/fr/governance/meetings/\d+/$"))
    expect(rodrigue.page.locator("main")).to_contain_text(
        "Commencer par le bulletin des mutuelles de Cotonou."
    )
    # Editing pages and giving an input tell nobody by e-mail.
    assert mailbox.messages == []
    assert_no_console_errors(browsing)


def test_benins_proposal_goes_up_is_decided_and_benin_reports_back(browsing, mailbox):
    from django.utils import timezone

    from inspir.governance.models import Meeting

    # --- Cotonou: the focal point drafts a proposal for Bénin and submits it. ----------------
    rodrigue = phone_person(browsing)
    rodrigue.log_in(FOCAL_POINT, language="fr")
    rodrigue.follow(rodrigue.main_menu("Gouvernance"))
    rodrigue.follow(rodrigue.page.locator("main").get_by_role("link", name="Propositions"))
    rodrigue.follow(rodrigue.link("Déposer une proposition"))
    # He acts for Bénin (its focal point) and for West Africa (a seat on its committee):
    # the page says so, and Bénin, the lowest, is chosen.
    network = rodrigue.page.get_by_label("Pour le réseau")
    expect(network.locator("option:checked")).to_have_text("INSP!R Bénin")
    rodrigue.page.get_by_label("Titre").fill(PROPOSAL)
    rodrigue.page.get_by_label("Domaine").select_option(index=1)
    rodrigue.page.locator("textarea[name=text]").fill(
        "Les vendeuses des marchés de Cotonou n'ont aucune couverture santé : proposer avec "
        "les mutuelles une caisse commune, cotisée au jour le jour."
    )
    rodrigue.follow(rodrigue.page.get_by_role("button", name="Enregistrer comme brouillon"))
    rodrigue.follow(rodrigue.page.get_by_role("button", name="Soumettre pour INSP!R Bénin"))
    expect(rodrigue.page.locator("main")).to_contain_text("Rodrigue Hounkpatin (example)")
    # Nobody but him acts for Bénin at Bénin itself: submitting tells nobody else.
    assert mailbox.messages == []

    # Bénin has no committee: he endorses it for Bénin and forwards it to West Africa.
    rodrigue.follow(
        rodrigue.page.get_by_role(
            "button", name="Approuver et transmettre au réseau INSP!R Afrique de l'Ouest"
        )
    )
    proposal_url = rodrigue.page.url
    # Those who act for West Africa are told: its coordinator by a notice and its e-mail, in
    # French, with the link; its committee's members without an account by e-mail.
    [to_valere] = mailbox.to(CONTINENTAL_COORDINATOR)
    assert PROPOSAL in to_valere["Subject"]
    assert "Une proposition attend" in to_valere["Subject"]
    assert link_in(mailbox, to_valere).startswith("/fr/")
    assert recipients(mailbox, 0) == sorted([CONTINENTAL_COORDINATOR, *WEST_AFRICA_WITHOUT_ACCOUNT])
    told_by_forward = len(mailbox.messages)

    # --- Lomé: the continental coordinator answers it at West Africa's level. ---------------
    valere = Person(browsing, "js", locale="fr-TG")
    valere.log_in(CONTINENTAL_COORDINATOR, language="fr")
    expect(valere.page).to_have_url(re.compile(r"/fr/my-work/$"))
    expect(notifications_entry(valere)).to_have_text("Notifications (1)")
    proposals = valere.page.locator("#work-proposals").locator("xpath=..")
    expect(proposals).to_contain_text(PROPOSAL)
    valere.follow(proposals.get_by_role("link", name="Répondre à la proposition"))
    assert valere.page.url.endswith(proposal_url.split("/fr/", 1)[1])
    valere.follow(
        valere.page.get_by_role(
            "button", name="La décider au niveau du réseau INSP!R Afrique de l'Ouest"
        )
    )

    assert len(mailbox.messages) == told_by_forward  # taking it up tells nobody

    # West Africa's committee has no meeting planned: he plans one, for tomorrow.
    valere.follow(valere.main_menu("Gouvernance"))
    valere.follow(valere.page.locator("main").get_by_role("link", name="Réunions", exact=True))
    valere.follow(valere.link("Programmer une réunion du réseau INSP!R Afrique de l'Ouest"))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    valere.page.get_by_label("Titre").fill("Comité d'Afrique de l'Ouest — réunion ordinaire")
    valere.page.get_by_label("Date").fill(tomorrow.isoformat())
    valere.page.get_by_label("Début").fill("10:00")
    valere.page.get_by_label("Fin").fill("12:00")
    valere.page.get_by_label("Lien vidéo").fill("https://meet.example.org/inspir-afrique-ouest")
    valere.follow(valere.page.get_by_role("button", name="Programmer et inviter"))
    expect(valere.page).to_have_url(re.compile(r"/fr/governance/meetings/\d+/$"))
    meeting_url = valere.page.url
    # Every member of the committee is invited, with the .ics: the focal point (who sits on
    # it) in French, and the coordinator himself, whose calendar needs it too.
    assert recipients(mailbox, told_by_forward) == sorted(
        [CONTINENTAL_COORDINATOR, FOCAL_POINT, *WEST_AFRICA_WITHOUT_ACCOUNT]
    )
    [invitation] = mailbox.to(FOCAL_POINT)
    assert invitation["Subject"].startswith("Réunion programmée : Comité d'Afrique de l'Ouest")
    assert link_in(mailbox, invitation).startswith("/fr/governance/meetings/")
    assert any(part.get_content_type() == "text/calendar" for part in invitation.walk()), (
        "the invitation holds the meeting's .ics"
    )
    before_agenda = len(mailbox.messages)

    valere.goto(proposal_url)
    valere.page.get_by_label("Réunion").select_option(index=1)
    valere.follow(valere.page.get_by_role("button", name="L'inscrire à l'ordre du jour"))
    # The author, Bénin's focal point, hears it is on the agenda; nobody else.
    assert recipients(mailbox, before_agenda) == [FOCAL_POINT]
    on_agenda = mailbox.to(FOCAL_POINT)[-1]
    assert "ordre du jour" in on_agenda["Subject"]
    assert re.fullmatch(r"/fr/notifications/\d+/", link_in(mailbox, on_agenda))

    # --- The meeting takes place (the clock moves on to it). ----------------------------------
    meeting_pk = int(re.search(r"/meetings/(\d+)/", meeting_url).group(1))
    now = timezone.now()
    Meeting.objects.filter(pk=meeting_pk).update(
        starts_at=now - datetime.timedelta(hours=1), ends_at=now + datetime.timedelta(hours=1)
    )
    before_decision = len(mailbox.messages)
    valere.goto(meeting_url)
    valere.follow(valere.link(re.compile(re.escape(PROPOSAL))).last)
    expect(valere.page.get_by_role("heading", level=1)).to_have_text("Enregistrer une décision")
    valere.page.get_by_label("Texte de la décision").fill(
        "Le comité adopte la proposition : une caisse pilote à Cotonou, suivie par les réseaux "
        "nationaux."
    )
    # The decision concerns Bénin, which raised it: Bénin is asked to act on it.
    valere.page.get_by_role("checkbox", name="INSP!R Bénin").check()
    # Every member present consents.
    positions = valere.page.locator("main select[name^=position_]")
    expect(positions).to_have_count(6)
    for position in positions.all():
        position.select_option("agree")
    valere.follow(valere.page.get_by_role("button", name="Enregistrer la décision"))
    expect(valere.page).to_have_url(re.compile(r"/fr/governance/decisions/\d+/$"))
    decision_url = valere.page.url

    # Bénin's focal point, the proposal's author, is told by e-mail in French what became of
    # it, with the link to the decision, and that Bénin is asked to act on it.
    told = mailbox.messages[before_decision:]
    assert [message["To"] for message in told] == [FOCAL_POINT, FOCAL_POINT]
    subjects = sorted(message["Subject"] for message in told)
    assert any(
        subject.startswith("Votre proposition") and "adoptée" in subject for subject in subjects
    ), subjects
    assert any("INSP!R Bénin" in subject for subject in subjects), subjects
    decided = next(message for message in told if message["Subject"].startswith("Votre"))

    # --- Cotonou: he opens the e-mail's link, then his notices; he reports back. ------------
    rodrigue.goto(link_in(mailbox, decided))
    expect(rodrigue.page).to_have_url(decision_url)
    expect(rodrigue.page.locator("main")).to_contain_text("une caisse pilote à Cotonou")
    # Four new notices (the meeting, the agenda, the decision, Bénin's follow-up) beside the
    # demo's two (Bénin consulted, an earlier follow-up); the one he opened from the e-mail
    # is read.
    entry = notifications_entry(rodrigue)
    expect(entry).to_have_text("Notifications (5)")
    rodrigue.follow(entry)
    notices = rodrigue.page.locator("ol.notice-list li")
    expect(notices).to_have_count(6)
    expect(rodrigue.page.locator("ol.notice-list li.notice-unread")).to_have_count(5)
    expect(rodrigue.page.locator("ol.notice-list")).to_contain_text("Votre proposition")
    expect(rodrigue.page.locator("main")).to_contain_text("ordre du jour")
    expect(rodrigue.page.locator("main")).to_contain_text("Comité d'Afrique de l'Ouest")

    rodrigue.follow(rodrigue.main_menu("Mon travail"))
    follow_ups = rodrigue.page.locator("#work-follow-ups").locator("xpath=..")
    mine = follow_ups.locator("li", has_text=PROPOSAL)
    expect(mine).to_contain_text("INSP!R Bénin")
    before_report = len(mailbox.messages)
    rodrigue.follow(mine.get_by_role("link", name="Rendre compte"))
    expect(rodrigue.page.locator("main .acting-for")).to_contain_text(
        "Vous rendez compte pour INSP!R Bénin (en tant que point focal)"
    )
    rodrigue.page.locator("input[name=status][value=in_progress]").check()
    rodrigue.page.locator("textarea[name=report]").fill(
        "Trois mutuelles de Cotonou préparent la caisse avec l'association des vendeuses."
    )
    rodrigue.follow(rodrigue.page.get_by_role("button", name="Enregistrer le compte rendu"))
    expect(rodrigue.page.locator("main")).to_contain_text("Trois mutuelles de Cotonou")
    # West Africa, which passed the decision down, is told: its coordinator, in French.
    assert recipients(mailbox, before_report) == [CONTINENTAL_COORDINATOR]
    report_mail = mailbox.messages[-1]
    assert "INSP!R Bénin" in report_mail["Subject"]
    # He opens it from the e-mail: the report-back board, with Bénin's report and who gave it.
    valere.goto(link_in(mailbox, report_mail))
    expect(valere.page).to_have_url(re.compile(r"/fr/governance/decisions/\d+/follow-ups/"))
    benin_row = valere.page.locator(".decision-board-row", has_text="INSP!R Bénin")
    expect(benin_row).to_contain_text("Trois mutuelles de Cotonou")
    expect(benin_row).to_contain_text("Rodrigue Hounkpatin (example)")
    valere.follow(notifications_entry(valere))
    expect(valere.page.locator("ol.notice-list li").first).to_contain_text("INSP!R Bénin")
    assert_no_console_errors(browsing)
