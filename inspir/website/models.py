"""The website's news: posts written by each network's editors, public once published."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inspir.core.versioning import Versioned
from inspir.network.models import Network


class PostStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    # Public from `publish_at` on; the worker marks it published then (publish_scheduled_posts).
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    # Taken off the site; kept for the editors.
    WITHDRAWN = "withdrawn", _("Withdrawn")


def post_image_path(post: "Post", filename: str) -> str:
    return f"website/posts/{filename}"


class Post(Versioned):
    """A news or blog post of one network's section of the website."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.PROTECT, related_name="+"
    )
    # The language the post was written in (its texts' originals, core/texts.py, say the same).
    language = models.CharField(_("written in"), max_length=5, choices=settings.LANGUAGES)
    # Written in one language; their translations are kept beside them (core/texts.py).
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=600)
    body = models.TextField(_("text (Markdown)"))
    # The picture as served: resized copies, no metadata (images.py); the upload is not kept.
    image_small = models.FileField(upload_to=post_image_path, blank=True, editable=False)
    image_medium = models.FileField(upload_to=post_image_path, blank=True, editable=False)
    image_large = models.FileField(upload_to=post_image_path, blank=True, editable=False)
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(_("image description"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PostStatus.choices, default=PostStatus.DRAFT
    )
    # When it is (or becomes) public: set by "publish now" or chosen by "schedule".
    publish_at = models.DateTimeField(_("publication"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["-publish_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "publish_at"]),
            models.Index(fields=["network", "status", "publish_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "withdrawn"])
                | models.Q(publish_at__isnull=False),
                name="website_post_public_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("website:post_detail", kwargs={"slug": self.network.slug, "pk": self.pk})

    @property
    def has_image(self) -> bool:
        return bool(self.image_large)

    def image_address(self, size: str) -> str:
        """The picture's address in one of its widths (views.public.post_image), which
        changes with every save so that browsers never keep a replaced picture."""
        address = reverse(
            "website:post_image", kwargs={"slug": self.network.slug, "pk": self.pk, "size": size}
        )
        return f"{address}?v={self.version}"

    @property
    def image_small_url(self) -> str:
        return self.image_address("small")

    @property
    def image_medium_url(self) -> str:
        return self.image_address("medium")

    @property
    def image_large_url(self) -> str:
        return self.image_address("large")
