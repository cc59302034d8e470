"""Times with their zone named, for every app: `{% load local_time %}`, then
`{% local_time meeting.starts_at zone %}` or `{{ t|in_zone:zone|date:"H:i" }}`."""

import datetime
import zoneinfo

from django import template
from django.utils import formats
from django.utils.html import format_html

from inspir.core.time import local, machine_time

register = template.Library()


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
