"""What the newsletter holds about a person, for "download all my data" and erasure
(core/personal_data.py's registry): their subscription (found by address), the consents it
records and the issues sent to it; and the issues they composed or sent as an editor."""

from typing import Any

from inspir.core.personal_data import PersonalDataProvider, Subject
from inspir.newsletters.models import Consent, Delivery, Issue, Subscriber


def _subscribers(subject: Subject) -> Any:
    return Subscriber.objects.filter(email__in=[a.lower() for a in subject.addresses])


def _export(subject: Subject) -> dict[str, Any]:
    subscribers = _subscribers(subject)
    user = subject.user
    return {
        "newsletter_subscriptions": [
            {
                "email": subscriber.email,
                "language": subscriber.language,
                "status": subscriber.status,
                "networks": sorted(network.name for network in subscriber.networks.all()),
                "created_at": subscriber.created_at,
                "confirmed_at": subscriber.confirmed_at,
                "unsubscribed_at": subscriber.unsubscribed_at,
            }
            for subscriber in subscribers.prefetch_related("networks").order_by("pk")
        ],
        "newsletter_consents": list(
            Consent.objects.filter(subscriber__in=subscribers)
            .order_by("given_at", "pk")
            .values(
                "subscriber__email", "given_at", "source", "wording", "language", "confirmed_at"
            )
        ),
        "newsletter_deliveries": list(
            Delivery.objects.filter(subscriber__in=subscribers)
            .order_by("pk")
            .values("subscriber__email", "issue__title", "issue__network__name", "handed_over_at")
        ),
        "newsletter_issues_composed": list(
            Issue.objects.filter(created_by=user)
            .order_by("pk")
            .values("pk", "title", "network__name", "status", "created_at")
        )
        if user is not None
        else [],
    }


def _erase(subject: Subject) -> None:
    """The subscription goes, with its consents and deliveries (the messages themselves are
    core's, erased with the rest of the mail to the address). Issues are the network's
    record: kept, without who composed or sent them."""
    _subscribers(subject).delete()
    user = subject.user
    if user is not None:
        Issue.objects.filter(created_by=user).update(created_by=None)
        Issue.objects.filter(sent_by=user).update(sent_by=None)


NEWSLETTERS_PROVIDER = PersonalDataProvider(
    name="newsletters",
    models=(
        "newsletters.Subscriber",
        "newsletters.Consent",
        "newsletters.Delivery",
        "newsletters.Issue",
    ),
    export=_export,
    erase=_erase,
)
