"""An invitation the mail server refused: the coordinator sees it was not delivered, on a
phone, in French, and sends it again; the intercontinental coordinator finds it in the list of
undelivered e-mail, in Spanish."""

from e2e.conftest import PHONE, has_horizontal_scroll


def test_a_refused_invitation_is_shown_not_delivered_and_sent_again(browsing, mailbox):
    mailbox.reply = "550 5.1.1 Mailbox unavailable"
    lome = browsing.new_page(viewport=PHONE, locale="fr-TG")
    browsing.log_in(lome, "continental.coordinator@example.org", language="fr")
    lome.goto("/fr/accounts/invitations/")
    lome.fill("input[name=email]", "awa.dossou@example.org")
    lome.select_option("select[name=network]", label="INSP!R Bénin")
    lome.select_option("select[name=language]", "fr")
    lome.click("main form button[type=submit]")

    row = lome.locator("tr", has_text="awa.dossou@example.org")
    assert "non distribué" in row.inner_text()
    assert not has_horizontal_scroll(lome)
    assert mailbox.to("awa.dossou@example.org") == []

    # Brussels sees it among the undelivered e-mail, in Spanish.
    brussels = browsing.new_page(locale="es")
    browsing.log_in(brussels, "coordinator@example.org", language="es")
    brussels.goto("/es/accounts/profile/")
    brussels.click("a[href='/es/mail/undelivered/']")
    assert "awa.dossou@example.org" in brussels.locator("main").inner_text()

    # The address is corrected on the server's side; Lomé sends the invitation again.
    mailbox.reply = "250 Message accepted"
    row.get_by_role("button", name="Renvoyer").click()

    [message] = mailbox.to("awa.dossou@example.org")
    assert "/fr/accounts/invitation/" in mailbox.body(message)
    row = lome.locator("tr", has_text="awa.dossou@example.org")
    assert "non distribué" not in row.inner_text()
    brussels.reload()
    assert "awa.dossou@example.org" not in brussels.locator("main").inner_text()
    assert browsing.console_errors == []
