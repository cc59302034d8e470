"""Who translates what members write, and who asked for a translation.

The texts and their translations are the platform's (`inspir.core.texts`,
`core.TextOriginal`, `core.TextTranslation`); this app adds the people around them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Translator(models.Model):
    """A person a network named to translate its texts (and those of the networks below it)
    into some languages."""

    network = models.ForeignKey(
        "network.Network",
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="translators",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translator"),
        on_delete=models.CASCADE,
        related_name="translator_of",
    )
    # Language codes translated into.
    languages = models.JSONField(_("translates into"), default=list)
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("named by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    named_at = models.DateTimeField(_("named"), auto_now_add=True)

    class Meta:
        verbose_name = _("translator")
        verbose_name_plural = _("translators")
        constraints = [
            models.UniqueConstraint(fields=["network", "user"], name="one_translator_per_network")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.network}"


class TranslationRequest(models.Model):
    """Someone asked for a text in their language: its translators were told, and the asker
    is told once it is there."""

    original = models.ForeignKey(
        "core.TextOriginal", on_delete=models.CASCADE, related_name="requests"
    )
    language = models.CharField(_("language"), max_length=8)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.CASCADE,
        related_name="translation_requests",
    )
    requested_at = models.DateTimeField(_("asked"), auto_now_add=True)
    # When the asker was told the translation is there.
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("request for a translation")
        verbose_name_plural = _("requests for a translation")
        constraints = [
            models.UniqueConstraint(
                fields=["original", "language", "requested_by"], name="one_request_per_asker"
            )
        ]

    def __str__(self) -> str:
        return f"{self.original} → {self.language}"
