"""The knowledge library: what the networks learnt from one another (field visits,
seminars, studies, experiences, toolkits, strategic notes), classified by the branches of
social security and the policy principles they concern, linked to the plan actions they
fulfil and to the needs and priorities of the networks they answer (DOMAIN.md, "Learning,
capacity building and capitalisation").

A resource belongs to the network that wrote it (those who act for that network write it:
`learning/permissions.py`); every signed-in member reads the library, which is for the
exchange between continents. Every saved state of a resource, links included, is kept in the
change history (`learning/history.py`). A network records its needs and priorities
(`Need`), so that exchanges are planned from them."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inspir.core.versioning import Versioned
from inspir.governance.models import Domain
from inspir.learning.reference import BRANCH_CHOICES, PRINCIPLE_CHOICES, branch_name
from inspir.network.models import Network, Organisation
from inspir.planning.models import PlanAction


class ResourceKind(models.TextChoices):
    FIELD_VISIT = "field_visit", _("field visit")
    SEMINAR = "seminar", _("seminar")
    STUDY = "study", _("study")
    EXPERIENCE = "experience", _("experience")
    TOOLKIT = "toolkit", _("toolkit")
    STRATEGIC_NOTE = "strategic_note", _("strategic note")


class Branch(models.Model):
    """A branch of social security (a Part of ILO Convention No. 102, `reference.py`): one
    row per branch, written by the migration, so that resources link to it and the library
    counts them in one query on any database."""

    key = models.CharField(_("branch"), max_length=30, primary_key=True, choices=BRANCH_CHOICES)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("branch of social security")
        verbose_name_plural = _("branches of social security")
        ordering = ["position"]

    def __str__(self) -> str:
        return branch_name(self.key)


class Principle(models.Model):
    """One of the five policy principles the network defends (`reference.py`)."""

    key = models.CharField(
        _("principle"), max_length=30, primary_key=True, choices=PRINCIPLE_CHOICES
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("policy principle")
        verbose_name_plural = _("policy principles")
        ordering = ["position"]

    def __str__(self) -> str:
        return str(self.get_key_display())  # type: ignore[attr-defined]


class NeedPriority(models.IntegerChoices):
    HIGH = 1, _("high")
    MEDIUM = 2, _("medium")
    LOW = 3, _("low")


class NeedStatus(models.TextChoices):
    OPEN = "open", _("open")
    ADDRESSED = "addressed", _("being addressed")
    MET = "met", _("met")


class Need(Versioned):
    """A need or priority of a network (above all of a continental network), from which
    the exchanges between continents are planned."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.PROTECT, related_name="learning_needs"
    )
    # Written in one language; its translations are kept beside it (core/texts.py).
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=NeedPriority.choices, default=NeedPriority.MEDIUM
    )
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=NeedStatus.choices, default=NeedStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["priority", "pk"]
        indexes = [models.Index(fields=["network", "status"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{reverse('learning:need_list')}?network={self.network.slug}#need-{self.pk}"


class Resource(Versioned):
    """A field visit, seminar, study, experience, toolkit or strategic note of the library."""

    network = models.ForeignKey(
        Network,
        verbose_name=_("network"),
        on_delete=models.PROTECT,
        related_name="library_resources",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ResourceKind.choices)
    # Written in one language; their translations are kept beside them (core/texts.py).
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    lessons = models.TextField(_("lessons learned"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    networks_involved = models.ManyToManyField(
        Network, verbose_name=_("networks involved"), blank=True, related_name="+"
    )
    organisations_involved = models.ManyToManyField(
        Organisation, verbose_name=_("organisations involved"), blank=True, related_name="+"
    )
    branches = models.ManyToManyField(
        Branch, verbose_name=_("branches of social security"), blank=True, related_name="+"
    )
    principles = models.ManyToManyField(
        Principle, verbose_name=_("policy principles"), blank=True, related_name="+"
    )
    plan_actions = models.ManyToManyField(
        PlanAction,
        verbose_name=_("plan actions it fulfils"),
        blank=True,
        related_name="library_resources",
    )
    needs = models.ManyToManyField(
        Need, verbose_name=_("needs it answers"), blank=True, related_name="resources"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-starts_on", "-pk"]
        indexes = [
            models.Index(fields=["kind", "starts_on"]),
            models.Index(fields=["network", "starts_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="learning_resource_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:resource_detail", kwargs={"pk": self.pk})


def attachment_path(instance: "Attachment", filename: str) -> str:
    # The stored name is not the uploaded one: readers get the original name, not a path.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"learning/resources/{instance.resource_id}/{uuid.uuid4().hex}.{extension}"


class Attachment(models.Model):
    """A file of a resource: its report, its slides, its toolkit."""

    resource = models.ForeignKey(
        Resource, verbose_name=_("resource"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["resource", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def file_type(self) -> str:
        """The file's type as people name it: its extension, "PDF", "DOCX"."""
        name = self.original_name
        return name.rsplit(".", 1)[-1].upper() if "." in name else ""
