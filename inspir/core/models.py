from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One write made through a service. The application only ever adds entries."""

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The network the write happened in, which decides who reads the entry; the model is the
    # settings' (AUDIT_SCOPE_MODEL), so that core names no domain app (decision 0020).
    network = models.ForeignKey(
        settings.AUDIT_SCOPE_MODEL,
        verbose_name=_("network"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=250, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class FormSubmission(models.Model):
    """The submit of one rendered form, claimed by the form's one-time token, so that a
    repeated or concurrent submit of the same form does its work once (see
    `inspir.core.submit_once`). Kept a few days, then purged by `apply_retention`."""

    class Status(models.TextChoices):
        PENDING = "pending", _("in progress")
        DONE = "done", _("done")

    token = models.CharField(max_length=32, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+"
    )
    # Text: paths and addresses are as long as the request made them.
    path = models.TextField()
    result_url = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("submitted form")
        verbose_name_plural = _("submitted forms")

    def __str__(self) -> str:
        return f"{self.path} ({self.status})"


class OutgoingEmail(models.Model):
    """One e-mail to one recipient, recorded in the transaction that asks for it and delivered
    by `inspir.core.tasks.email_deliver` (see `inspir.core.mail`). The record is what makes
    delivery exactly-once: a send is claimed before the mail server is spoken to, a message the
    server may have accepted is never sent again automatically, and what finally fails stays
    visible until someone sends it again or dismisses it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        RETRYING = "retrying", _("waiting to retry")
        UNCERTAIN = "uncertain", _("delivery uncertain")
        FAILED = "failed", _("not delivered")
        # Never rendered nor sent: what it was about was gone when the worker came to it.
        DROPPED = "dropped", _("not sent: no longer relevant")

    # The Message-ID header, the same on every attempt, so that a receiving server and the
    # recipient's mail program can recognise a copy.
    message_id = models.CharField(max_length=255, unique=True)
    recipient = models.CharField(_("recipient"), max_length=320, db_index=True)
    from_email = models.CharField(max_length=320, blank=True)
    reply_to = models.CharField(max_length=320, blank=True)
    subject = models.TextField(_("subject"))
    body = models.TextField(blank=True)
    html_body = models.TextField(blank=True)
    # Text attachments as [file name, content, MIME type].
    attachments = models.JSONField(default=list, blank=True)
    # Extra header lines ({"List-Unsubscribe": "<…>"}), kept so that a retry sends the same.
    headers = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=10, blank=True)
    # A message asked for by kind (`inspir.core.mail.notify`) is rendered by the worker, in
    # `language`, from `context` (ids, never rendered text) through the kind's renderer
    # (`inspir.core.mail_kinds`); the content is then stored above and `rendered_at` set, so
    # that a retry sends the same message without rendering it again. Messages given with
    # their content (`send_email`) have no kind and are rendered from the start.
    kind = models.CharField(max_length=100, blank=True)
    context = models.JSONField(default=dict, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)
    # What the message is about, for the pages that show its fate: a dotted code such as
    # `accounts.invitation` and the id of that record.
    topic = models.CharField(_("about"), max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # Sent again as a new message, or set aside by someone who took care of it otherwise.
    resend_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="resends"
    )
    dismissed_at = models.DateTimeField(null=True, blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="core_outmail_status_next"),
            models.Index(fields=["topic", "object_id"], name="core_outmail_about"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.subject} ({self.status})"


class ScheduledJob(models.Model):
    """A management command the worker runs periodically (`manage.py run_worker`, see
    `inspir.core.scheduler`): every `interval_seconds`, or once a day at `daily_at` (UTC).
    Whichever worker first moves `next_run_at` on claims the run, so with several workers
    each run happens once."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    command = models.CharField(_("command"), max_length=100)
    arguments = models.JSONField(_("arguments"), default=list, blank=True)
    interval_seconds = models.PositiveIntegerField(_("every (seconds)"), null=True, blank=True)
    daily_at = models.TimeField(_("daily at (UTC)"), null=True, blank=True)
    enabled = models.BooleanField(_("enabled"), default=True)
    next_run_at = models.DateTimeField(_("next run"), db_index=True)
    last_started_at = models.DateTimeField(_("last started"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("last finished"), null=True, blank=True)
    last_outcome = models.TextField(_("last outcome"), blank=True)

    class Meta:
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(interval_seconds__isnull=False, daily_at__isnull=True)
                    | models.Q(interval_seconds__isnull=True, daily_at__isnull=False)
                ),
                name="core_scheduledjob_one_period",
            ),
            models.CheckConstraint(
                condition=models.Q(interval_seconds__isnull=True)
                | models.Q(interval_seconds__gte=1),
                name="core_scheduledjob_positive_interval",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class SearchEntry(models.Model):
    """One searchable record of an app, as the platform-wide search finds it (see
    `inspir.core.search`, decision 0022). Derived data: each app's search provider writes it
    when its record is saved and deletes it with the record; `rebuild_search_index` writes
    them all again. Who may see a hit is decided when searching, by the provider, never
    stored here. On SQLite a full-text table (FTS5) mirrors `document`; on PostgreSQL an
    index on its `tsvector` serves the search."""

    kind = models.CharField(_("kind"), max_length=50)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(_("title"), max_length=300)
    # A short description in each platform language, where the record has one.
    summary_fr = models.CharField(max_length=300, blank=True)
    summary_en = models.CharField(max_length=300, blank=True)
    summary_es = models.CharField(max_length=300, blank=True)
    # Every searchable word of the record, folded (no case, no accents: `collation.folded`).
    document = models.TextField()
    # The title's place in alphabetical order, folded.
    sort_key = models.CharField(max_length=255)
    # Where a hit leads, reversed in the reader's language when the page is drawn.
    url_name = models.CharField(max_length=100)
    url_kwargs = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="core_searchentry_one_per_object"
            )
        ]
        indexes = [models.Index(fields=["kind", "sort_key"], name="core_search_kind_sort")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"


class Revision(models.Model):
    """One saved state of a tracked record (`inspir.core.history`): the values of its
    tracked fields after a save, who saved them and when. Only ever added to; a restore is a
    new revision."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    version = models.PositiveIntegerField(_("version"))
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    snapshot = models.JSONField(_("saved values"), default=dict)
    # The version this one brought back, when it is a restore.
    restored_from = models.PositiveIntegerField(null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-version", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "-version"], name="revision_object")
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} v{self.version}"


class TextStatus(models.TextChoices):
    """Where a translation of a member-written text stands (`inspir.core.texts`). "Missing"
    (no translation) and "outdated" (the original changed since) are read, not stored."""

    DRAFT = "draft", _("draft")
    TRANSLATED = "translated", _("translated")
    REVIEWED = "reviewed", _("reviewed")


class TextOriginal(models.Model):
    """The original of one member-written text (one field of one record, declared
    translatable in `inspir.core.texts`): the language it was written in and its revision,
    which goes up each time the text changes, so that translations made from an earlier one
    are known to be outdated."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=64)
    language = models.CharField(_("original language"), max_length=8)
    revision = models.PositiveIntegerField(_("revision"), default=1)
    # SHA-256 of the text as last saved: a save that leaves it alone is not a new revision.
    digest = models.CharField(max_length=64)
    changed_at = models.DateTimeField(_("changed"))
    # Where the text belongs (`texts.Context`): the network whose translators see it (an id:
    # core names no network) and when it is needed, which orders their queue.
    network_id = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    needed_by = models.DateTimeField(_("needed by"), null=True, blank=True)
    # What the record is called and its page (in the site's default language), kept with
    # the context so that the queue reads no record.
    title = models.CharField(_("title"), max_length=300, blank=True)
    url = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("original text")
        verbose_name_plural = _("original texts")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field"], name="one_original_per_text"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}.{self.field} ({self.language})"


class TextTranslation(models.Model):
    """A text's version in one other language, made by a person (or drafted by a machine,
    marked so until a person reviews it), from the original's `source_revision`, whose text
    is kept in `source_text` so that the changes since can be shown."""

    original = models.ForeignKey(
        TextOriginal, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(_("language"), max_length=8)
    text = models.TextField(_("translation"))
    status = models.CharField(
        _("status"), max_length=20, choices=TextStatus.choices, default=TextStatus.DRAFT
    )
    machine = models.BooleanField(_("machine draft"), default=False)
    source_revision = models.PositiveIntegerField(_("from revision"))
    source_text = models.TextField(_("original translated"))
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["original", "language"], name="one_translation_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.original} → {self.language}"
