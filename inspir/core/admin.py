from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminSplitDateTime
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from inspir import __version__
from inspir.core.forms import validate_date_in_range
from inspir.core.models import AuditEntry, ScheduledJob

# The version on every admin page, for whoever reports a problem or plans an upgrade.
admin.site.site_header = format_lazy("{} · {}", _("INSP!R administration"), __version__)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit trail is only ever appended to."""

    list_display = ["created_at", "action", "actor", "network", "object_repr"]
    list_filter = ["action"]
    list_select_related = ["actor", "network"]
    search_fields = ["action", "object_repr"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class ScheduledJobForm(forms.ModelForm):
    # The admin's date and time boxes, held to the platform's range of dates like every form.
    next_run_at = forms.SplitDateTimeField(
        label=_("next run"),
        widget=AdminSplitDateTime,
        validators=[validate_date_in_range],
    )

    class Meta:
        model = ScheduledJob
        fields = ["interval_seconds", "daily_at", "enabled", "next_run_at"]

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if (cleaned.get("interval_seconds") is None) == (cleaned.get("daily_at") is None):
            raise forms.ValidationError(
                _("Give either a number of seconds between runs or a daily time, not both.")
            )
        return cleaned


@admin.register(ScheduledJob)
class ScheduledJobAdmin(admin.ModelAdmin):
    """The worker's periodic jobs. Their period can be changed, a job switched off or run at
    once; the commands themselves are fixed by the code (no page may run an arbitrary
    command), so jobs are neither added nor deleted here."""

    form = ScheduledJobForm
    list_display = [
        "name",
        "enabled",
        "interval_seconds",
        "daily_at",
        "next_run_at",
        "last_started_at",
        "last_finished_at",
        "outcome",
    ]
    readonly_fields = [
        "name",
        "command",
        "arguments",
        "last_started_at",
        "last_finished_at",
        "last_outcome",
    ]
    fields = [
        "name",
        "command",
        "arguments",
        "enabled",
        "interval_seconds",
        "daily_at",
        "next_run_at",
        "last_started_at",
        "last_finished_at",
        "last_outcome",
    ]
    actions = ["run_now"]

    @admin.display(description=_("last outcome"))
    def outcome(self, job: ScheduledJob) -> str:
        return job.last_outcome.split("\n", 1)[0]

    @admin.action(description=_("Run the selected jobs at the worker's next look"))
    def run_now(self, request: HttpRequest, queryset: QuerySet[ScheduledJob]) -> None:
        queryset.update(next_run_at=timezone.now())

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
