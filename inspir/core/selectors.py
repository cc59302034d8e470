import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from inspir.core.models import AuditEntry, OutgoingEmail


@dataclass(frozen=True)
class AuditFilters:
    action: str = ""
    network: int | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None


def audit_entries(*, networks: QuerySet, include_unattached: bool, filters: AuditFilters):
    """The audit trail of `networks`, newest first, narrowed by `filters`.
    Entries attached to no network are shown only when `include_unattached` (staff)."""
    scope = Q(network__in=networks)
    if include_unattached:
        scope |= Q(network__isnull=True)
    entries = AuditEntry.objects.filter(scope)
    if filters.action:
        entries = entries.filter(action__startswith=filters.action)
    if filters.network:
        entries = entries.filter(network_id=filters.network)
    if filters.since:
        entries = entries.filter(created_at__date__gte=filters.since)
    if filters.until:
        entries = entries.filter(created_at__date__lte=filters.until)
    return entries.select_related("actor", "network").order_by("-created_at", "-pk")


def audit_action_prefixes(entries: QuerySet[AuditEntry]) -> list[str]:
    """Distinct action codes and their dotted prefixes, for the filter's choices."""
    codes = set(entries.order_by().values_list("action", flat=True).distinct()[:200])
    prefixes: set[str] = set()
    for code in codes:
        parts = code.split(".")
        prefixes.update(".".join(parts[:n]) for n in range(1, len(parts) + 1))
    return sorted(prefixes)


def undelivered_emails() -> QuerySet[OutgoingEmail]:
    """E-mails that failed or whose delivery is uncertain, not yet sent again or set aside,
    newest first; without their content, which the list does not show."""
    return (
        OutgoingEmail.objects.filter(
            status__in=[OutgoingEmail.Status.FAILED, OutgoingEmail.Status.UNCERTAIN],
            dismissed_at__isnull=True,
        )
        .defer("body", "html_body", "attachments")
        .order_by("-created_at", "-pk")
    )
