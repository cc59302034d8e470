"""What the newsletter's e-mails say, rendered by the worker in the recipient's language
(core/mail_kinds.py): the confirmation of a subscription, and an issue (to a subscriber,
or to its editor as a test). Registered from `NewslettersConfig.ready()`."""

from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from inspir.core.mail_kinds import MessageGone, Recipient, Rendered, register_mail_kind
from inspir.core.site import site_url
from inspir.newsletters import rules, tokens
from inspir.newsletters.models import Consent, Issue, Subscriber, SubscriberStatus
from inspir.newsletters.selectors.issues import issue_contents
from inspir.newsletters.services.issues import ISSUE_KIND
from inspir.newsletters.services.subscriptions import CONFIRMATION_KIND


def confirmation_render(context: dict[str, Any], recipient: Recipient) -> Rendered:
    consent = (
        Consent.objects.select_related("subscriber")
        .filter(pk=int(context.get("consent") or 0))
        .first()
    )
    if consent is None:
        raise MessageGone(f"consent {context.get('consent')} no longer exists")
    subscriber = consent.subscriber
    if subscriber.status != SubscriberStatus.PENDING:
        raise MessageGone(f"subscriber {subscriber.pk} is no longer waiting for confirmation")
    values = {
        "link": tokens.absolute(
            "newsletters:confirm",
            tokens.confirm_token(subscriber.pk, consent.pk, subscriber.secret),
        ),
        "wording": consent.wording,
        "days": rules.CONFIRM_VALID.days,
        "subscribe": site_url(reverse("newsletters:subscribe")),
    }
    return Rendered(
        subject=_("Confirm your subscription to the INSP!R newsletter"),
        body=render_to_string("newsletters/email/confirm.txt", values),
        html_body=render_to_string("newsletters/email/confirm.html", values),
    )


def issue_render(context: dict[str, Any], recipient: Recipient) -> Rendered:
    """An issue in the recipient's language: each text in that language, or the original
    with a note that it is not translated yet; the unsubscribe and preferences links at the
    foot of both parts, and the RFC 8058 headers (not on a test, which goes to an editor)."""
    issue = (
        Issue.objects.select_related("network").filter(pk=int(context.get("issue") or 0)).first()
    )
    if issue is None:
        raise MessageGone(f"issue {context.get('issue')} no longer exists")
    test = bool(context.get("test"))
    headers: dict[str, str] = {}
    unsubscribe = preferences = ""
    if not test:
        subscriber = Subscriber.objects.filter(pk=int(context.get("subscriber") or 0)).first()
        if subscriber is None or subscriber.status != SubscriberStatus.ACTIVE:
            raise MessageGone(f"subscriber {context.get('subscriber')} no longer subscribed")
        token = tokens.manage_token(subscriber.pk, subscriber.secret)
        unsubscribe = tokens.absolute("newsletters:unsubscribe", token)
        preferences = tokens.absolute("newsletters:preferences", token)
        headers = tokens.unsubscribe_headers(unsubscribe)
    contents = issue_contents(issue, get_language())
    for entry in contents.entries:
        entry.url = site_url(entry.url) if entry.url else ""
    values = {
        "contents": contents,
        "issue": issue,
        "test": test,
        "unsubscribe": unsubscribe,
        "preferences": preferences,
        "web": site_url(issue.get_public_url()),
        "archive": site_url(reverse("newsletters:archive")),
    }
    subject = f"{issue.network.name} — {contents.title.text}"
    if test:
        subject = _("[Test] %(subject)s") % {"subject": subject}
    return Rendered(
        subject=subject,
        body=render_to_string("newsletters/email/issue.txt", values),
        html_body=render_to_string("newsletters/email/issue.html", values),
        headers=headers,
    )


def register_mail_kinds() -> None:
    register_mail_kind(CONFIRMATION_KIND, confirmation_render)
    register_mail_kind(ISSUE_KIND, issue_render)
