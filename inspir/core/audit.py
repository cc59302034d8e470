from typing import Any

from django.db import models

from inspir.core.models import AuditEntry


def audit_log(
    *,
    action: str,
    actor: Any,
    obj: models.Model | None = None,
    network: Any = None,
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record a write. `action` is a dotted code such as `network.organisation.updated`;
    `changes` maps each changed field to its `[before, after]` values."""
    return AuditEntry.objects.create(
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        network=network,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:250] if obj is not None else "",
        changes=changes or {},
    )


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {
        key: [before.get(key), value] for key, value in after.items() if before.get(key) != value
    }
