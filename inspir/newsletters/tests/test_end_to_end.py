"""From the subscription form to the one-click unsubscribe, against a real SMTP server on
loopback: what a Spanish reader receives, and that nothing reaches them once they left."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from inspir.core.models import TextOriginal, TextStatus, TextTranslation
from inspir.newsletters.models import Consent, Issue, IssueStatus, Subscriber, SubscriberStatus
from inspir.newsletters.rules import CONSENT_WORDING
from inspir.newsletters.tests.conftest import SITE, with_token

pytestmark = pytest.mark.django_db(transaction=True)

ADDRESS = "lucia@example.org"


def _translate(obj, field: str, text: str, language: str = "es") -> None:
    original = TextOriginal.objects.get(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk, field=field
    )
    TextTranslation.objects.create(
        original=original,
        language=language,
        text=text,
        status=TextStatus.REVIEWED,
        source_revision=original.revision,
        source_text=getattr(obj, field),
    )


def _subscribe(client, address: str, language: str = "es") -> None:
    page = client.get(f"/{language}/newsletter/subscribe/")
    assert 'id="consent-wording"' in page.content.decode()  # the words beside the button
    response = client.post(
        f"/{language}/newsletter/subscribe/",
        with_token(page.content.decode(), {"email": address, "language": language}),
    )
    assert response.status_code == 302


def _compose_and_send(client, w, title: str) -> Issue:
    client.force_login(w.editor)
    url = reverse("newsletters:issue_create") + f"?network={w.world.pk}"
    page = client.get(url).content.decode()
    client.post(
        reverse("newsletters:issue_create"),
        with_token(
            page,
            {
                "network": w.world.pk,
                "title": title,
                "introduction": "Welcome to the issue.",
                f"item-position-{w.position.pk}": "1",
                f"item-decision-{w.decision.pk}": "2",
            },
        ),
    )
    issue = Issue.objects.get(title=title)
    page = client.get(reverse("newsletters:issue_send", kwargs={"pk": issue.pk})).content.decode()
    response = client.post(
        reverse("newsletters:issue_send", kwargs={"pk": issue.pk}),
        with_token(page, {"version": issue.version}),
    )
    assert response.status_code == 302
    client.logout()
    return issue


def test_a_spanish_reader_subscribes_receives_the_issue_in_spanish_and_leaves_in_one_click(
    client, w, mailbox
):
    # Subscribe: exactly one confirmation e-mail, in Spanish.
    _subscribe(client, ADDRESS)
    [confirmation] = mailbox.to(ADDRESS)
    body = mailbox.body(confirmation)
    link = re.search(rf"{re.escape(SITE)}/es/newsletter/confirm/\S+/", body).group(0)
    subscriber = Subscriber.objects.get(email=ADDRESS)
    assert subscriber.status == SubscriberStatus.PENDING

    # Opening the link confirms nothing by itself; its button does.
    page = client.get(urlsplit(link).path)
    assert page.status_code == 200
    assert Subscriber.objects.get(email=ADDRESS).status == SubscriberStatus.PENDING
    client.post(urlsplit(link).path, with_token(page.content.decode(), {}))
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE
    consent = Consent.objects.get(subscriber=subscriber)
    assert consent.language == "es"
    assert consent.source.endswith("/es/newsletter/subscribe/")
    assert consent.confirmed_at is not None and consent.given_at <= consent.confirmed_at
    with translation.override("es"):
        assert consent.wording == str(CONSENT_WORDING)  # as shown, in Spanish

    # An issue of the intercontinental network (written in English); the position
    # (written in French) is not translated into Spanish yet.
    with translation.override("en"):
        issue = _compose_and_send(client, w, "The 2020 newsletter")
    assert Issue.objects.get(pk=issue.pk).status == IssueStatus.SENT
    messages = mailbox.to(ADDRESS)
    assert len(messages) == 2
    received = messages[1]
    assert received["Subject"] == "INSP!R — The 2020 newsletter"

    # The headers of RFC 2369 and 8058.
    unsubscribe = re.fullmatch(r"<(.+)>", received["List-Unsubscribe"]).group(1)
    assert unsubscribe.startswith(f"{SITE}/es/newsletter/unsubscribe/")
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # A text part and an HTML part, each in Spanish, each with the visible links.
    text = received.get_body(preferencelist=("plain",)).get_content()
    html = received.get_body(preferencelist=("html",)).get_content()
    for part in (text, html):
        assert "Posicionamientos" in part
        assert "Decisiones" in part
        assert "Pour un socle de protection sociale" in part
        assert "Original en francés: aún sin traducir." in part
        assert unsubscribe in part
        assert f"{SITE}/es/newsletter/preferences/" in part
    assert f'href="{SITE}/es/newsletter/issue/{issue.pk}/"' in html
    assert f"{SITE}/es/advocacy/public/{w.position.pk}/" in text

    # The mail program's one-click button: a POST without a session or a CSRF token.
    response = client.post(
        urlsplit(unsubscribe).path,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED

    # A later issue does not reach them.
    _compose_and_send(client, w, "The next newsletter")
    assert len(mailbox.to(ADDRESS)) == 2


def test_the_issue_title_translated_before_sending_reaches_a_spanish_reader_in_spanish(
    client, w, mailbox
):
    from inspir.newsletters.services.issues import issue_create, issue_send_request
    from inspir.newsletters.tests.factories import SubscriberFactory

    SubscriberFactory(email=ADDRESS, language="es")
    with translation.override("en"):
        issue = issue_create(network=w.world, actor=w.editor, title="The 2020 newsletter")
    _translate(issue, "title", "El boletín de 2020")
    issue_send_request(issue=issue, actor=w.editor, version=issue.version)

    [received] = mailbox.to(ADDRESS)
    assert received["Subject"] == "INSP!R — El boletín de 2020"
    assert "Original en" not in received.get_body(preferencelist=("plain",)).get_content()
