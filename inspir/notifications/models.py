"""What people are told: one notice per person and event, their choices of delivery per kind
of notice, their digest hour, and the digests sent (decision 0024)."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inspir.notifications import kinds


class Delivery(models.TextChoices):
    IMMEDIATE = kinds.IMMEDIATE, _("by e-mail at once")
    DIGEST = kinds.DIGEST, _("in the daily digest")
    IN_APP = kinds.IN_APP, _("only here, no e-mail")


class Emailed(models.TextChoices):
    NONE = "none", _("not e-mailed")
    IMMEDIATE = "immediate", _("e-mailed at once")
    DIGEST = "digest", _("in a digest")


class Notification(models.Model):
    """One event told to one person: (user, kind, key) is unique, so the same event is never
    told twice, whoever reports it again."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=100)
    key = models.CharField(max_length=200)
    # Ids and plain values (JSON), rendered in the reader's language when shown.
    context = models.JSONField(default=dict, blank=True)
    network = models.ForeignKey(
        "network.Network", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # How the reader wanted this kind when the notice was made.
    delivery = models.CharField(max_length=10, choices=Delivery.choices)
    emailed = models.CharField(max_length=10, choices=Emailed.choices, default=Emailed.NONE)
    # The e-mail asked for it at once (core.mail), or the digest that carried it.
    email = models.ForeignKey(
        "core.OutgoingEmail", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    digested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "key"], name="notice_once_per_event")
        ]
        indexes = [
            # The header's unread count and the list, newest first.
            models.Index(fields=["user"], condition=Q(read_at__isnull=True), name="notice_unread"),
            models.Index(fields=["user", "-created_at"], name="notice_list"),
            # What waits for a digest.
            models.Index(
                fields=["user", "created_at"],
                condition=Q(delivery="digest", digested_at__isnull=True),
                name="notice_digest_waiting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


class NoticePreference(models.Model):
    """How one person wants one kind of notice (absent: the kind's default)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preferences"
    )
    kind = models.CharField(max_length=100)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notice_preference_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.delivery}"


def new_secret() -> str:
    return secrets.token_urlsafe(12)


DEFAULT_DIGEST_HOUR = 7


class NoticeSettings(models.Model):
    """A person's digest hour (local, in their zone) and the secret their unsubscribe links
    are signed with (a new secret voids the links already sent)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="notice_settings",
    )
    digest_hour = models.PositiveSmallIntegerField(
        _("hour of the daily digest"),
        default=DEFAULT_DIGEST_HOUR,
        validators=[MinValueValidator(0), MaxValueValidator(23)],
    )
    unsubscribe_secret = models.CharField(max_length=32, default=new_secret)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.digest_hour}h"


class Digest(models.Model):
    """One daily digest of one person's local date: unique, so that a second run or a second
    worker never sends that day's digest again."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_digests"
    )
    local_date = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    email = models.ForeignKey(
        "core.OutgoingEmail", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "local_date"], name="digest_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.local_date}"
