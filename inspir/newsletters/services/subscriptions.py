"""Subscribing (double opt-in), confirming, changing one's choices and unsubscribing. These
are the subscriber's own acts, recorded on the subscription and its consents rather than in
the platform's activity log (which would otherwise keep their address)."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.utils import timezone

from inspir.core.mail import notify
from inspir.core.mail_kinds import Recipient
from inspir.network.models import Network
from inspir.newsletters import rules
from inspir.newsletters.models import Consent, Subscriber, SubscriberStatus, new_secret

CONFIRMATION_KIND = "newsletters.subscription.confirm"


class Asked(StrEnum):
    """What a subscription request did (the page says the same thing in every case)."""

    SENT = "sent"  # a confirmation is on its way
    RECENT = "recent"  # one was sent a moment ago: none again yet
    ALREADY = "already"  # the address already receives the newsletter: nothing sent


@dataclass(frozen=True)
class Wording:
    """The consent as the person saw it: the words, their language, the page."""

    text: str
    language: str
    source: str


def normalised(email: str) -> str:
    return email.strip().lower()


def subscription_request(
    *,
    email: str,
    language: str,
    networks: Iterable[Network],
    wording: Wording,
) -> Asked:
    """Record a pending subscription of `email` with its consent and ask for the
    confirmation e-mail. An address already subscribed is left as it is and sent nothing
    (someone else may have typed it); a pending one gets a fresh confirmation, at most once
    per `rules.CONFIRM_COOLDOWN`, with the choices of the latest request."""
    address = normalised(email)
    now = timezone.now()
    try:
        with transaction.atomic():
            subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
                email=address, defaults={"language": language}
            )
            if subscriber.status == SubscriberStatus.ACTIVE:
                return Asked.ALREADY
            if subscriber.status == SubscriberStatus.PENDING and not (
                rules.may_send_confirmation_again(subscriber.confirmation_sent_at, now)
            ):
                return Asked.RECENT
            if subscriber.status == SubscriberStatus.UNSUBSCRIBED:
                # Coming back: the links of the earlier subscription stop working.
                subscriber.secret = new_secret()
            subscriber.status = SubscriberStatus.PENDING
            subscriber.language = language
            subscriber.confirmation_sent_at = now
            subscriber.save(update_fields=["status", "language", "confirmation_sent_at", "secret"])
            subscriber.networks.set(list(networks))
            consent = Consent.objects.create(
                subscriber=subscriber,
                given_at=now,
                source=wording.source[:200],
                wording=wording.text,
                language=wording.language,
            )
            notify(
                kind=CONFIRMATION_KIND,
                recipients=[Recipient(address=address, language=language)],
                context={"consent": consent.pk},
                topic="newsletters.subscriber",
                object_id=subscriber.pk,
            )
    except IntegrityError:
        # The same address asked at the same instant from elsewhere: that request counts.
        return Asked.RECENT
    return Asked.SENT


def subscription_confirm(*, subscriber_id: int, consent_id: int, secret: str) -> Subscriber | None:
    """Make the subscription active, recording when its consent was confirmed. None when the
    link is not (or no longer) valid: another secret, an older consent, or too late."""
    now = timezone.now()
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.select_for_update().filter(pk=subscriber_id, secret=secret).first()
        )
        if subscriber is None:
            return None
        consent = subscriber.consents.order_by("-given_at", "-pk").first()
        if consent is None or consent.pk != consent_id:
            return None
        if subscriber.status == SubscriberStatus.ACTIVE:
            return subscriber  # the link followed twice: still subscribed
        if subscriber.status != SubscriberStatus.PENDING:
            return None
        if not rules.confirmation_valid(consent.given_at, now):
            return None
        consent.confirmed_at = now
        consent.save(update_fields=["confirmed_at"])
        subscriber.status = SubscriberStatus.ACTIVE
        subscriber.confirmed_at = now
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
    return subscriber


def preferences_update(
    *, subscriber: Subscriber, language: str, networks: Iterable[Network]
) -> Subscriber:
    with transaction.atomic():
        subscriber.language = language
        subscriber.save(update_fields=["language"])
        subscriber.networks.set(list(networks))
    return subscriber


def unsubscribe(*, subscriber: Subscriber) -> bool:
    """Stop the newsletter to `subscriber` at once (a delivery not yet handed over is left
    out). False when it was already stopped."""
    changed = Subscriber.objects.filter(
        pk=subscriber.pk, status__in=[SubscriberStatus.ACTIVE, SubscriberStatus.PENDING]
    ).update(status=SubscriberStatus.UNSUBSCRIBED, unsubscribed_at=timezone.now())
    return changed == 1


def pending_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete the subscriptions never confirmed within `rules.CONFIRM_VALID` (nothing was
    agreed: nothing is kept)."""
    limit = (now or timezone.now()) - rules.CONFIRM_VALID
    deleted, _ = Subscriber.objects.filter(
        status=SubscriberStatus.PENDING, confirmation_sent_at__lt=limit
    ).delete()
    return deleted
