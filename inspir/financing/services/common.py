"""What financing's services share: the audit's plain values and the model checks."""

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from inspir.core.errors import Invalid


def audit_value(value: Any) -> Any:
    """A value as the audit trail keeps it (JSON): ids for records, text for dates and
    amounts, sorted ids for links."""
    if isinstance(value, list | tuple | set) or hasattr(value, "all"):
        items = value.all() if hasattr(value, "all") else value
        return sorted(audit_value(item) for item in items)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def snapshot(obj: models.Model, fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: audit_value(getattr(obj, name)) for name in fields}


def clean(obj: models.Model, *, exclude: list[str] | None = None) -> None:
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as error:
        raise Invalid(error.message_dict if hasattr(error, "error_dict") else error) from error
