"""A new coordinator joins: invited by e-mail, creates an account, is made to set up
two-factor authentication, and later logs in with a recovery code when the phone is lost."""

import re
import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from e2e.conftest import PHONE, has_horizontal_scroll

NEW_PASSWORD = "droit à la protection sociale"


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time() // 30)))


def log_out_and_in_with_code(page, code: str) -> None:
    """Log out, then log in again as the new coordinator, giving `code` as second factor."""
    page.locator("header").get_by_role("button", name="Se déconnecter").click()
    page.goto("/fr/accounts/login/")
    page.fill("input[name=login]", "new.coordinator@example.org")
    page.fill("input[name=password]", NEW_PASSWORD)
    page.click("main form button[type=submit]")
    assert "/accounts/2fa/authenticate/" in page.url
    page.fill("input[name=code]", code)
    page.click("main form button[type=submit]")


def test_an_invited_coordinator_sets_up_two_factor_and_uses_a_recovery_code(browsing, mailbox):
    # The network coordinator in Brussels invites a new coordinator for Benin.
    brussels = browsing.new_page()
    browsing.log_in(brussels, "coordinator@example.org")
    brussels.goto("/en/accounts/invitations/")
    brussels.fill("input[name=email]", "new.coordinator@example.org")
    brussels.select_option("select[name=network]", label="INSP!R Bénin")
    brussels.select_option("select[name=role]", "coordinator")
    brussels.select_option("select[name=language]", "fr")
    brussels.click("main form button[type=submit]")
    assert "new.coordinator@example.org" in brussels.locator(".messages").inner_text()

    # The invitation arrives in French; the link opens on a phone in Cotonou.
    [message] = mailbox.to("new.coordinator@example.org")
    link = re.search(r"https?://[^/\s]+(/\S+)", mailbox.body(message)).group(1)
    phone = browsing.new_page(viewport=PHONE, locale="fr-BJ")
    phone.goto(link)
    assert "INSP!R Bénin" in phone.locator("h1").inner_text()
    phone.fill("input[name=first_name]", "Awa")
    phone.fill("input[name=password1]", NEW_PASSWORD)
    phone.fill("input[name=password2]", NEW_PASSWORD)
    phone.click("main form button[type=submit]")

    # A coordinator must set up a second factor first, straight away: the password was
    # chosen a moment ago and is not asked for again.
    assert "/accounts/2fa/totp/activate/" in phone.url
    assert not has_horizontal_scroll(phone)
    secret = phone.locator("#authenticator_secret").input_value()
    phone.fill("input[name=code]", code_for(secret))
    phone.click("main form button[type=submit]")

    phone.goto("/fr/accounts/2fa/recovery-codes/")
    recovery_code = phone.locator("#recovery_codes").input_value().split()[0]
    phone.goto("/fr/accounts/profile/")
    assert "INSP!R Bénin" in phone.locator("main").inner_text()

    # Later, without the phone's app: log in with a recovery code.
    log_out_and_in_with_code(phone, recovery_code)
    phone.goto("/fr/accounts/profile/")
    assert "new.coordinator@example.org" in phone.locator("main").inner_text()

    # A recovery code works once.
    log_out_and_in_with_code(phone, recovery_code)
    assert "/accounts/2fa/authenticate/" in phone.url
    assert browsing.console_errors == []
