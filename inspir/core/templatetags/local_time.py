"""Times with their zone named: `{% local_time meeting.starts_at zone %}`."""

import datetime
import zoneinfo

from django import template
from django.utils import formats
from django.utils.html import format_html

from inspir.governance.timezones import local

register = template.Library()


def machine_time(moment: datetime.datetime) -> str:
    """The instant for a `datetime` attribute: UTC, to the second ("2030-01-15T13:00:00Z").
    Microseconds are dropped: the HTML validator rejects them there, and no reader needs them."""
    return moment.astimezone(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@register.simple_tag
def local_time(
    moment: datetime.datetime | None, zone: zoneinfo.ZoneInfo | str, show_date: bool = True
) -> str:
    """The moment in `zone`, with the zone's IANA name and UTC offset, inside a <time>
    element that carries the exact instant for machines."""
    if moment is None:
        return ""
    seen = local(moment, zone)
    when = formats.date_format(seen.moment, "DATETIME_FORMAT" if show_date else "TIME_FORMAT")
    return format_html(
        '<time datetime="{}">{} <span class="zone">({})</span></time>',
        machine_time(moment),
        when,
        seen.label,
    )


@register.filter
def in_zone(moment: datetime.datetime | None, zone: zoneinfo.ZoneInfo | str):
    """The wall-clock time of `moment` in `zone`, for the `date` filter:
    `{{ t|in_zone:z|date:"H:i" }}`. Naive on purpose: given an aware value, `date` would
    convert it back to the active time zone."""
    if moment is None:
        return None
    return local(moment, zone).moment.replace(tzinfo=None)
