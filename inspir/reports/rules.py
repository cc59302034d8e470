"""The annual report's rules: which networks report, for which years, and what makes an
edition's data (no services, selectors, forms or views here)."""

import datetime

from django.utils import timezone

from inspir.network.models import Level

# Each continental network reports on its own; the intercontinental report covers all.
REPORTING_LEVELS = (Level.INTERCONTINENTAL, Level.CONTINENTAL)

# The first year the platform holds a network's activity for (INSP!R was founded in
# November 2019); a network founded later reports from its own first year.
FIRST_YEAR = 2019

# Raised whenever the report's layout or a section's drawing changes in a way an edition
# made before would not show: it is part of every fingerprint, so generating again after
# such a change makes a new edition.
FORMAT_VERSION = 1

# A layout the worker has not moved on for this long is queued again.
RENDERING_STALLED = datetime.timedelta(minutes=10)

PROGRESS_COLLECTED = 10
PROGRESS_LAID_OUT = 70
PROGRESS_DONE = 100


def reports_on(level: str) -> bool:
    return level in REPORTING_LEVELS


def years_for(start: datetime.date | None, today: datetime.date | None = None) -> list[int]:
    """The years a network may report on, the latest first: from its founding (or the
    platform's first year) to this year."""
    today = today or timezone.localdate()
    first = max(FIRST_YEAR, start.year) if start else FIRST_YEAR
    return list(range(today.year, first - 1, -1))


def is_complete(year: int, today: datetime.date | None = None) -> bool:
    """Whether the year is over: a report of the current year is a draft of it so far."""
    today = today or timezone.localdate()
    return year < today.year
