"""The demo's newsletter: a few confirmed subscribers in each language, each with the consent
they gave; the intercontinental network's issue of December 2020, sent, and a draft.

The 2020 issue was not sent by this loader: its deliveries are recorded as the platform keeps
sent mail once `SENT_EMAIL_RETENTION_DAYS` have passed (who was sent what subject and when,
the content emptied), so that the issue's page shows a finished sending without any message
leaving. Safe to run again."""

import datetime
from dataclasses import dataclass

from django.core.mail import make_msgid
from django.db import transaction
from django.utils import translation

from inspir.accounts.models import User
from inspir.advocacy.models import Position
from inspir.core.models import OutgoingEmail
from inspir.core.site import site_host
from inspir.demo import data
from inspir.governance.models import Decision
from inspir.network.models import Network
from inspir.newsletters.models import (
    Consent,
    Delivery,
    Issue,
    IssueItem,
    IssueStatus,
    ItemKind,
    Subscriber,
    SubscriberStatus,
)
from inspir.newsletters.rules import CONSENT_WORDING, SOURCE_FORM
from inspir.newsletters.services.issues import ISSUE_KIND

UTC = datetime.UTC
SENT_TITLE = "INSP!R newsletter — December 2020"
DRAFT_TITLE = "INSP!R newsletter — spring 2021"
FUND_TITLE = "Global Fund for Social Protection: the network's criteria"
COVID_TITLE = "COVID-19: equal access to health care and to vaccines"
FUND_DECISION = "Support a Global Fund for Social Protection"

# (address, language, networks chosen (slugs; none: every issue), day subscribed)
SUBSCRIBERS = (
    ("lectrice.dakar@example.net", "fr", (), datetime.datetime(2020, 10, 5, 9, 12, tzinfo=UTC)),
    (
        "journaliste.cotonou@example.net",
        "fr",
        (data.WEST_AFRICA,),
        datetime.datetime(2020, 11, 2, 16, 40, tzinfo=UTC),
    ),
    ("reader.brussels@example.net", "en", (), datetime.datetime(2020, 10, 19, 8, 3, tzinfo=UTC)),
    ("donor.desk@example.net", "en", (), datetime.datetime(2020, 11, 24, 14, 55, tzinfo=UTC)),
    ("lectora.lapaz@example.net", "es", (), datetime.datetime(2020, 10, 28, 21, 30, tzinfo=UTC)),
    ("prensa.lima@example.net", "es", (), datetime.datetime(2020, 12, 1, 12, 0, tzinfo=UTC)),
)
SENT_AT = datetime.datetime(2020, 12, 18, 10, 0, tzinfo=UTC)


@dataclass(frozen=True)
class NewslettersSummary:
    subscribers: int
    issues: int
    deliveries: int


def _subscribers(networks: dict[str, Network]) -> list[Subscriber]:
    found = []
    for address, language, chosen, given_at in SUBSCRIBERS:
        confirmed_at = given_at + datetime.timedelta(minutes=7)
        subscriber, _created = Subscriber.objects.update_or_create(
            email=address,
            defaults={
                "language": language,
                "status": SubscriberStatus.ACTIVE,
                "confirmation_sent_at": given_at,
                "confirmed_at": confirmed_at,
            },
        )
        Subscriber.objects.filter(pk=subscriber.pk).update(created_at=given_at)
        subscriber.networks.set([networks[slug] for slug in chosen if slug in networks])
        if not subscriber.consents.exists():
            with translation.override(language):
                wording = str(CONSENT_WORDING)
            Consent.objects.create(
                subscriber=subscriber,
                given_at=given_at,
                source=f"{SOURCE_FORM} /{language}/newsletter/subscribe/",
                wording=wording,
                language=language,
                confirmed_at=confirmed_at,
            )
        found.append(subscriber)
    return found


def _issue(network: Network, title: str, introduction: str, creator: User | None) -> Issue:
    issue = Issue.objects.filter(network=network, title=title).first()
    if issue is None:
        issue = Issue.objects.create(
            network=network, title=title, introduction=introduction, created_by=creator
        )
    return issue


def _items(issue: Issue, items: list[tuple[str, int | None]]) -> None:
    for place, (kind, object_id) in enumerate(items, start=1):
        if object_id is not None:
            IssueItem.objects.update_or_create(
                issue=issue, kind=kind, object_id=object_id, defaults={"order": place}
            )


def _record_sent(issue: Issue, subscribers: list[Subscriber]) -> int:
    """One delivery per subscriber of the issue, recorded as sent in December 2020."""
    made = 0
    for subscriber in subscribers:
        if Delivery.objects.filter(issue=issue, subscriber=subscriber).exists():
            continue
        outgoing = OutgoingEmail.objects.create(
            message_id=make_msgid(domain=site_host()),
            recipient=subscriber.email,
            subject=f"{issue.network.name} — {issue.title}",
            kind=ISSUE_KIND,
            context={},
            language=subscriber.language,
            topic="newsletters.issue",
            object_id=str(issue.pk),
            status=OutgoingEmail.Status.SENT,
            attempts=1,
            sent_at=SENT_AT,
            rendered_at=SENT_AT,
        )
        Delivery.objects.create(
            issue=issue, subscriber=subscriber, outgoing=outgoing, handed_over_at=SENT_AT
        )
        made += 1
    return made


@transaction.atomic
def load_newsletters(networks: dict[str, Network]) -> NewslettersSummary:
    """Write the demo's subscribers and issues (call under the demo's language override, as
    the other domains are: the issues' texts are written in English)."""
    top = networks[data.INTERCONTINENTAL]
    creator = User.objects.filter(email=f"coordinator@{data.EMAIL_DOMAIN}").first()
    subscribers = _subscribers(networks)
    positions = dict(
        Position.objects.filter(network=top, title__in=[FUND_TITLE, COVID_TITLE]).values_list(
            "title", "pk"
        )
    )
    fund_decision = (
        Decision.objects.filter(title=FUND_DECISION).values_list("pk", flat=True).first()
    )
    sent = _issue(
        top,
        SENT_TITLE,
        "A year like no other. The network's members in 24 countries kept informal workers, "
        "women and older people in view through the pandemic. This issue brings the "
        "intercontinental committee's decision on a Global Fund for Social Protection and "
        "the position that sets out the network's criteria.",
        creator,
    )
    _items(
        sent, [(ItemKind.DECISION, fund_decision), (ItemKind.POSITION, positions.get(FUND_TITLE))]
    )
    if sent.status != IssueStatus.SENT:
        Issue.objects.filter(pk=sent.pk).update(
            status=IssueStatus.SENT,
            sent_by=creator,
            send_requested_at=SENT_AT,
            recipients_fixed_at=SENT_AT,
            progress_at=SENT_AT,
            sent_at=SENT_AT,
        )
    deliveries = _record_sent(sent, subscribers)
    draft = _issue(
        top,
        DRAFT_TITLE,
        "Vaccines are a global public good. In this issue: the network's position on equal "
        "access to health care and to vaccines.",
        creator,
    )
    _items(draft, [(ItemKind.POSITION, positions.get(COVID_TITLE))])
    return NewslettersSummary(subscribers=len(subscribers), issues=2, deliveries=deliveries)
