"""The annual activity report: the paragraphs a network's producers write for a year, and
the editions made from the data (docs/decisions/0032-annual-report.md).

An edition is frozen: it keeps the data it was drawn from (`snapshot`, every section's
collected data in its language) and that data's fingerprint, so that it can be drawn again
exactly and a new one is made only when the data changed."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inspir.core.versioning import Versioned
from inspir.network.models import Network


class ReportText(Versioned):
    """What a network's producers write themselves into a year's report."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="report_texts"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    # Written in one language; its translations are kept beside it (core/texts.py).
    introduction = models.TextField(_("introduction"), blank=True)
    credits = models.TextField(_("credits"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("report text")
        verbose_name_plural = _("report texts")
        constraints = [
            models.UniqueConstraint(fields=["network", "year"], name="report_text_once_a_year"),
        ]

    def __str__(self) -> str:
        return f"{self.network} — {self.year}"

    def get_absolute_url(self) -> str:
        return reverse(
            "reports:report_detail", kwargs={"slug": self.network.slug, "year": self.year}
        )


class EditionStatus(models.TextChoices):
    QUEUED = "queued", _("waiting")
    RENDERING = "rendering", _("being laid out")
    READY = "ready", _("ready")
    FAILED = "failed", _("failed")


def edition_path(edition: "Edition", filename: str) -> str:
    return f"reports/{edition.network_id}/{edition.year}/{filename}"


class Edition(models.Model):
    """One frozen PDF of a network's report for a year, in one language."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.PROTECT, related_name="editions"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    language = models.CharField(_("language"), max_length=8)
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    snapshot = models.JSONField(default=dict, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=EditionStatus.choices, default=EditionStatus.QUEUED
    )
    # How far the layout is, in percent, for the progress bar.
    progress = models.PositiveSmallIntegerField(default=0)
    pdf = models.FileField(upload_to=edition_path, blank=True, editable=False)
    size = models.PositiveIntegerField(null=True, blank=True, editable=False)
    pages = models.PositiveIntegerField(null=True, blank=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("made"), auto_now_add=True)
    # When the worker last moved it on: a stalled layout is queued again.
    progress_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    failure = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("report edition")
        verbose_name_plural = _("report editions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # The same data makes the same edition: generating again without a change
            # (a double click, a retry) finds the one already made.
            models.UniqueConstraint(
                fields=["network", "year", "language", "fingerprint"],
                name="report_edition_once_per_fingerprint",
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="report_edition_progress_at_most_100"
            ),
        ]
        indexes = [models.Index(fields=["network", "year", "language", "created_at"])]

    def __str__(self) -> str:
        return f"{self.network} — {self.year} ({self.language}, {self.fingerprint[:8]})"

    def get_absolute_url(self) -> str:
        return reverse("reports:edition_download", kwargs={"pk": self.pk})

    @property
    def is_ready(self) -> bool:
        return self.status == EditionStatus.READY and bool(self.pdf)
