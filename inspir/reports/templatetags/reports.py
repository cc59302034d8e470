"""`{% load reports %}`: how the report writes its figures."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import ngettext

register = template.Library()

MILLION = 1_000_000


@register.filter
def report_number(value: object) -> str:
    """A key figure as a reader says it: "22 million" for whole millions, else grouped
    digits ("1 234" in French, "1,234" in English)."""
    if not isinstance(value, int):
        return "" if value is None else str(value)
    if value >= MILLION and value % MILLION == 0:
        millions = value // MILLION
        # Translators: a large figure in whole millions, e.g. "22 million".
        return ngettext("%(number)s million", "%(number)s million", millions) % {
            "number": number_format(millions, use_l10n=True)
        }
    return number_format(value, force_grouping=True, use_l10n=True)
