from django.contrib import admin
from django.http import HttpRequest

from inspir.core.models import AuditEntry


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
