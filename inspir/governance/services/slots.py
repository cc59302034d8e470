"""Writes for the slot finder: a person's acceptable meeting hours and hard limits."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inspir.accounts.models import User
from inspir.core.audit import audit_log
from inspir.governance import slots
from inspir.governance.models import AvailableHours
from inspir.governance.selectors.slots import Hours, hours_shown
from inspir.network.models import Person


class HoursChanged(ValidationError):
    """The hours were changed elsewhere since the form was shown; `current` holds them."""

    def __init__(self, current: AvailableHours | None) -> None:
        super().__init__(
            _(
                "Your hours were changed elsewhere since you opened this page. Check the "
                "saved hours below and save again if yours should replace them."
            ),
            code="stale",
        )
        self.current = current


@transaction.atomic
def available_hours_set(
    *,
    actor: User,
    person: Person,
    earliest: datetime.time,
    latest: datetime.time,
    never_before: datetime.time | None = None,
    never_after: datetime.time | None = None,
    expected: Hours | None = None,
) -> AvailableHours:
    """Set the local hours in which `person` accepts to meet, and their hard limits (None:
    no limit on that side). `expected` are the hours the form showed: if they were changed
    since, nothing is saved (`HoursChanged`)."""
    if actor.person_id != person.pk and not actor.is_staff:
        raise ValidationError(_("You may only set your own hours."), code="forbidden")
    if latest <= earliest:
        raise ValidationError(
            {"latest": _("The end of your hours must come after their start.")}, code="order"
        )
    if (latest.hour * 60 + latest.minute) - (earliest.hour * 60 + earliest.minute) < 60:
        raise ValidationError(
            {"latest": _("Your hours must leave at least one hour to meet.")}, code="short"
        )
    limits = slots.hard_limit_errors(
        earliest=earliest, latest=latest, never_before=never_before, never_after=never_after
    )
    if limits:
        raise ValidationError(limits, code="limits")
    current = AvailableHours.objects.select_for_update().filter(person=person).first()
    before = hours_shown(current)
    if expected is not None and before != expected:
        raise HoursChanged(current)
    hours = current or AvailableHours(person=person)
    hours.earliest, hours.latest = earliest, latest
    hours.never_before, hours.never_after = never_before, never_after
    hours.save()
    after = hours_shown(hours)
    if before != after:
        changes: dict[str, list[str | None]] = {
            "earliest": [f"{before[0]:%H:%M}", f"{earliest:%H:%M}"],
            "latest": [f"{before[1]:%H:%M}", f"{latest:%H:%M}"],
        }
        # The hard limits only when they change: entries written before they existed
        # keep their shape.
        for name, was, now in (
            ("never_before", before[2], never_before),
            ("never_after", before[3], never_after),
        ):
            if was != now:
                changes[name] = [_clock(was), _clock(now)]
        audit_log(
            action="governance.available_hours.updated",
            actor=actor,
            obj=hours,
            network=None,
            changes=changes,
        )
    return hours


def _clock(at: datetime.time | None) -> str | None:
    return None if at is None else f"{at:%H:%M}"
