"""What notifications hold about a person, for "download all my data" and erasure
(core/personal_data.py's registry). Everything here served the person alone: erasure
deletes it all (their notices, their choices, their digest hour and unsubscribe secret, the
record of the digests sent to them)."""

from typing import Any

from inspir.core.personal_data import PersonalDataProvider, Subject
from inspir.notifications.models import Digest, NoticePreference, NoticeSettings, Notification


def _export(subject: Subject) -> dict[str, Any]:
    user = subject.user
    return {
        "notifications": list(
            Notification.objects.filter(user=user)
            .order_by("created_at", "pk")
            .values("created_at", "kind", "key", "context", "read_at", "emailed", "digested_at")
        ),
        "notification_settings": {
            "deliveries": dict(
                NoticePreference.objects.filter(user=user).values_list("kind", "delivery")
            ),
            "digest_hour": NoticeSettings.objects.filter(user=user)
            .values_list("digest_hour", flat=True)
            .first(),
            "digests_sent": [
                str(day)
                for day in Digest.objects.filter(user=user)
                .order_by("local_date")
                .values_list("local_date", flat=True)
            ],
        },
    }


def _erase(subject: Subject) -> None:
    """Notification, NoticePreference, NoticeSettings, Digest: deleted."""
    user = subject.user
    for model in (Notification, NoticePreference, NoticeSettings, Digest):
        model.objects.filter(user=user).delete()


NOTIFICATIONS_PROVIDER = PersonalDataProvider(
    name="notifications",
    models=(
        "notifications.Notification",
        "notifications.NoticePreference",
        "notifications.NoticeSettings",
        "notifications.Digest",
    ),
    export=_export,
    erase=_erase,
)
