import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inspir.core.forms import DateField, HiddenStateMixin
from inspir.governance import slots
from inspir.governance.selectors.slots import Hours


class SlotSearchForm(forms.Form):
    """What the slot finder searches: a range of UTC dates, a duration, weekends or not."""

    from_date = DateField(
        label=_("From (UTC date)"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    to_date = DateField(
        label=_("To (UTC date)"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("At most 31 days, this day included."),
    )
    minutes = forms.IntegerField(
        label=_("Duration in minutes"),
        min_value=15,
        max_value=8 * 60,
        step_size=15,
        initial=120,
        widget=forms.NumberInput(attrs={"step": 15}),
    )
    include_weekends = forms.BooleanField(
        label=_("Include weekends"),
        required=False,
        help_text=_(
            "Otherwise a time is left out when it falls on a Saturday or Sunday in UTC or "
            "on the local date of any member."
        ),
    )

    @classmethod
    def initial_values(cls) -> dict[str, object]:
        today = timezone.now().date()
        return {
            "from_date": today + datetime.timedelta(days=1),
            "to_date": today + datetime.timedelta(days=14),
            "minutes": 120,
        }

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        first, last = data.get("from_date"), data.get("to_date")
        if isinstance(first, datetime.date) and isinstance(last, datetime.date):
            if last < first:
                self.add_error("to_date", _("The last day must not come before the first."))
            elif (last - first).days + 1 > slots.MAX_DAYS:
                self.add_error(
                    "to_date",
                    _("Search at most %(days)s days at a time.") % {"days": slots.MAX_DAYS},
                )
        return data


class HiddenTime(forms.TimeInput):
    input_type = "hidden"


class AvailableHoursForm(HiddenStateMixin, forms.Form):
    earliest = forms.TimeField(
        label=_("From (your local time)"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    latest = forms.TimeField(
        label=_("Until (your local time)"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    never_before = forms.TimeField(
        label=_("Never before (optional)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("No time starting earlier in the morning is ever suggested to you."),
    )
    never_after = forms.TimeField(
        label=_("Never after (optional)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("No time ending later in the evening or night is ever suggested to you."),
    )
    # The hours the form showed, so that a change made meanwhile is not overwritten.
    was_earliest = forms.TimeField(widget=HiddenTime(format="%H:%M"), required=False)
    was_latest = forms.TimeField(widget=HiddenTime(format="%H:%M"), required=False)
    was_never_before = forms.TimeField(widget=HiddenTime(format="%H:%M"), required=False)
    was_never_after = forms.TimeField(widget=HiddenTime(format="%H:%M"), required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        earliest, latest = data.get("earliest"), data.get("latest")
        if isinstance(earliest, datetime.time) and isinstance(latest, datetime.time):
            if latest <= earliest:
                self.add_error("latest", _("The end of your hours must come after their start."))
                return data
            limits = slots.hard_limit_errors(
                earliest=earliest,
                latest=latest,
                never_before=data.get("never_before"),
                never_after=data.get("never_after"),
            )
            for name, message in limits.items():
                self.add_error(name, message)
        return data

    def expected(self) -> Hours | None:
        """The hours the form showed, or None when it did not say (nothing to compare)."""
        data = self.cleaned_data
        if not (data.get("was_earliest") and data.get("was_latest")):
            return None
        return (
            data["was_earliest"],
            data["was_latest"],
            data.get("was_never_before"),
            data.get("was_never_after"),
        )
