"""Subscribing with double opt-in, the consent on record, one's choices, and leaving in one
click (never by merely opening a link)."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from inspir.core.models import OutgoingEmail
from inspir.core.personal_data import Subject, erase_all, export_all
from inspir.newsletters import rules, tokens
from inspir.newsletters.models import Consent, Subscriber, SubscriberStatus
from inspir.newsletters.services.subscriptions import CONFIRMATION_KIND
from inspir.newsletters.tests.conftest import with_token
from inspir.newsletters.tests.factories import SubscriberFactory

pytestmark = pytest.mark.django_db(transaction=True)

URL = "/fr/newsletter/subscribe/"


def _post(client, **data):
    return client.post(URL, {"email": "awa@example.org", "language": "fr", **data})


def _confirmations() -> int:
    return OutgoingEmail.objects.filter(kind=CONFIRMATION_KIND).count()


def test_the_consent_is_recorded_with_its_time_source_wording_and_language(client, w, mailbox):
    response = client.post(
        "/en/newsletter/subscribe/",
        {"email": " Awa@Example.org ", "language": "fr", "networks": [w.africa.pk, w.benin.pk]},
    )
    assert response["Location"] == reverse("newsletters:subscribe_sent")

    subscriber = Subscriber.objects.get()
    assert subscriber.email == "awa@example.org"
    assert subscriber.language == "fr"
    assert set(subscriber.networks.all()) == {w.africa, w.benin}
    consent = Consent.objects.get()
    assert consent.source == "newsletter subscription form /en/newsletter/subscribe/"
    assert consent.wording == str(rules.CONSENT_WORDING)
    assert consent.language == "en"
    assert abs(consent.given_at - timezone.now()) < datetime.timedelta(minutes=1)
    assert consent.confirmed_at is None
    # The confirmation goes in the language chosen for the newsletter.
    [message] = mailbox.to("awa@example.org")
    assert "/fr/newsletter/confirm/" in mailbox.body(message)


def test_asking_again_soon_sends_no_second_confirmation_but_later_a_fresh_one(client, w, mailbox):
    _post(client)
    _post(client)
    assert _confirmations() == 1

    Subscriber.objects.update(
        confirmation_sent_at=timezone.now() - rules.CONFIRM_COOLDOWN - datetime.timedelta(seconds=1)
    )
    _post(client)
    assert _confirmations() == 2
    assert Consent.objects.count() == 2
    # Only the latest link confirms.
    first, latest = [mailbox.body(m) for m in mailbox.to("awa@example.org")]
    old_path = urlsplit(re.search(r"https?://\S+/confirm/\S+/", first).group(0)).path
    new_path = urlsplit(re.search(r"https?://\S+/confirm/\S+/", latest).group(0)).path
    assert client.post(old_path).status_code == 410
    assert client.post(new_path).status_code == 302
    assert Subscriber.objects.get().status == SubscriberStatus.ACTIVE
    assert Consent.objects.filter(confirmed_at__isnull=False).count() == 1


def test_the_same_form_sent_twice_records_one_consent_even_after_the_cooldown(client, w, mailbox):
    # A double click, or Back and send again later: the form's one-time token, not the
    # cooldown, makes it one request.
    form = with_token(
        client.get(URL).content.decode(), {"email": "awa@example.org", "language": "fr"}
    )
    assert "form_token" in form, "the visitor's form carries no one-time token"

    first = client.post(URL, form)
    Subscriber.objects.update(
        confirmation_sent_at=timezone.now() - rules.CONFIRM_COOLDOWN - datetime.timedelta(seconds=1)
    )
    again = client.post(URL, form)

    assert first["Location"] == again["Location"] == reverse("newsletters:subscribe_sent")
    assert Consent.objects.count() == 1
    assert _confirmations() == 1
    assert len(mailbox.to("awa@example.org")) == 1


def test_an_address_already_subscribed_gets_the_same_page_and_nothing_is_sent(client, w, mailbox):
    SubscriberFactory(email="awa@example.org", language="es")
    response = _post(client, language="fr", networks=[w.benin.pk])
    assert response["Location"] == reverse("newsletters:subscribe_sent")
    assert mailbox.messages == []
    subscriber = Subscriber.objects.get()
    assert subscriber.language == "es" and not subscriber.networks.exists()  # unchanged


def test_a_confirmation_link_is_valid_for_some_days_only(client, w, mailbox):
    _post(client)
    Consent.objects.update(
        given_at=timezone.now() - rules.CONFIRM_VALID - datetime.timedelta(hours=1)
    )
    link = re.search(r"https?://\S+/confirm/\S+/", mailbox.body(mailbox.messages[0])).group(0)

    assert client.post(urlsplit(link).path).status_code == 410
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING


def test_a_form_filled_in_by_a_robot_is_dropped_silently(client, w, mailbox):
    response = _post(client, homepage="http://spam.example")
    assert response["Location"] == reverse("newsletters:subscribe_sent")
    assert not Subscriber.objects.exists()
    assert mailbox.messages == []


def test_too_many_submissions_from_one_connection_are_refused(client, w, mailbox):
    cache.clear()
    for n in range(rules.SUBSCRIBE_PER_HOUR):
        _post(client, email=f"n{n}@example.org")
    response = _post(client, email="one-more@example.org")
    assert response.status_code == 429
    assert not Subscriber.objects.filter(email="one-more@example.org").exists()


def _manage(subscriber, page: str) -> str:
    token = tokens.manage_token(subscriber.pk, subscriber.secret)
    return reverse(f"newsletters:{page}", kwargs={"token": token})


def test_opening_the_unsubscribe_link_stops_nothing_its_one_button_does(client, w):
    subscriber = SubscriberFactory()
    url = _manage(subscriber, "unsubscribe")

    page = client.get(url)
    assert page.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE

    response = client.post(url, {"List-Unsubscribe": "One-Click", "confirm": "1"})
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    assert 'role="status"' in client.get(url).content.decode()


def test_the_one_click_post_needs_no_session_and_no_csrf_token(w):
    from django.test import Client

    subscriber = SubscriberFactory()
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        _manage(subscriber, "unsubscribe"),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED


def test_a_forged_or_outdated_link_finds_nothing(client, w):
    subscriber = SubscriberFactory()
    forged = tokens.manage_token(subscriber.pk, "not-the-secret")
    assert (
        client.post(reverse("newsletters:unsubscribe", kwargs={"token": forged})).status_code == 404
    )
    assert client.get(reverse("newsletters:preferences", kwargs={"token": "x"})).status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE


def test_the_preferences_change_the_language_and_networks(client, w):
    subscriber = SubscriberFactory(language="fr")
    url = _manage(subscriber, "preferences")
    assert client.get(url).status_code == 200

    response = client.post(url, {"language": "es", "networks": [w.latin.pk]})

    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.language == "es"
    assert list(subscriber.networks.all()) == [w.latin]


def test_a_subscription_is_exported_and_erased_with_the_person(w):
    from inspir.accounts.tests.factories import UserFactory

    user = UserFactory(email="awa@example.org")
    SubscriberFactory(email="awa@example.org")
    subject = Subject(user=user, person=None, addresses=("awa@example.org",))

    exported = export_all(subject)
    assert exported["newsletter_subscriptions"][0]["email"] == "awa@example.org"
    assert exported["newsletter_consents"][0]["wording"] == "I agree."

    erase_all(subject)
    assert not Subscriber.objects.exists()
    assert not Consent.objects.exists()
