"""The newsletter: who receives it (subscribers, with the consent they gave), the issues each
network composes, and one delivery per issue and subscriber (handed to `core.mail`, which
sends it and says how it went)."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inspir.core.models import OutgoingEmail
from inspir.core.versioning import Versioned
from inspir.network.models import Network


def new_secret() -> str:
    return secrets.token_urlsafe(24)


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("waiting for confirmation")
    ACTIVE = "active", _("subscribed")
    UNSUBSCRIBED = "unsubscribed", _("unsubscribed")


class Subscriber(models.Model):
    """An address that asked for the newsletter. Active only once the address confirmed it
    (double opt-in); `secret` is in every link sent to it (confirmation, preferences,
    unsubscribe): a new secret voids them all."""

    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    # The networks whose issues it receives (an issue of a network above one of them too);
    # none: every issue.
    networks = models.ManyToManyField(
        Network, verbose_name=_("networks of interest"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
    )
    secret = models.CharField(max_length=64, default=new_secret, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return self.email

    @property
    def is_active(self) -> bool:
        return self.status == SubscriberStatus.ACTIVE


class Consent(models.Model):
    """What a person agreed to, where and when: the wording shown next to the button, in the
    language it was shown in, and when the address confirmed it (empty until then)."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    given_at = models.DateTimeField(_("given"))
    source = models.CharField(_("source"), max_length=200)
    wording = models.TextField(_("wording"))
    language = models.CharField(_("language"), max_length=10)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.subscriber_id} {self.given_at:%Y-%m-%d %H:%M}"


class IssueStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SENDING = "sending", _("being sent")
    SENT = "sent", _("sent")


class Issue(Versioned):
    """One issue of a network's newsletter: a title, an introduction and chosen items."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.PROTECT, related_name="+"
    )
    # Written in one language; their translations are kept beside them (core/texts.py).
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=IssueStatus.choices, default=IssueStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # When "Send" was confirmed, when the recipients were counted (their deliveries made),
    # when the sending task last moved on (a periodic job resumes one that stopped), and
    # when every delivery had been handed over.
    send_requested_at = models.DateTimeField(null=True, blank=True)
    recipients_fixed_at = models.DateTimeField(null=True, blank=True)
    progress_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-sent_at", "-created_at", "-pk"]
        indexes = [models.Index(fields=["network", "status"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("newsletters:issue_detail", kwargs={"pk": self.pk})

    def get_public_url(self) -> str:
        return reverse("newsletters:public_issue", kwargs={"pk": self.pk})


class ItemKind(models.TextChoices):
    POST = "post", _("news")
    POSITION = "position", _("position")
    DECISION = "decision", _("decision")


class IssueItem(models.Model):
    """One item of an issue: a post, a position or a decision, in its place."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=20, choices=ItemKind.choices)
    object_id = models.PositiveBigIntegerField()
    order = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "kind", "object_id"], name="newsletter_item_once_per_issue"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class Delivery(models.Model):
    """One issue to one subscriber: made once (the constraint), handed over to `core.mail`
    once (`outgoing` is set in the transaction that records the message), and from then on
    as delivered as its `OutgoingEmail` says."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    outgoing = models.OneToOneField(
        OutgoingEmail, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    handed_over_at = models.DateTimeField(null=True, blank=True)
    # Left out before it was handed over: the subscriber left meanwhile.
    skipped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_one_delivery_per_subscriber"
            )
        ]
        indexes = [
            models.Index(
                fields=["issue"],
                condition=Q(handed_over_at__isnull=True, skipped_at__isnull=True),
                name="newsletter_delivery_waiting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.subscriber_id}"
