"""Forms of the funders and their calls."""

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from inspir.core.forms import DateField, HiddenStateMixin
from inspir.financing.models import AMOUNT_DIGITS, AMOUNT_PLACES, Currency, FunderKind

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FunderForm(HiddenStateMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    acronym = forms.CharField(label=_("Acronym"), max_length=40, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=FunderKind.choices)
    url = forms.URLField(label=_("Web site"), required=False, max_length=200, assume_scheme="https")
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Its priorities, how to approach it, what the network learned of it."),
    )

    def __init__(self, *args: Any, versioned: bool = False, networks: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if versioned:
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput)
        if networks is not None:
            self.fields["network"] = forms.ModelChoiceField(
                label=_("Followed by"), queryset=networks, empty_label=None
            )
            self.order_fields(["network"])

    def data_for_service(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name] for name in ("name", "acronym", "kind", "url", "notes")
        }


class CallForm(HiddenStateMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    opens_on = DateField(label=_("Opens on"), required=False, widget=DATE_WIDGET)
    deadline = DateField(label=_("Deadline"), required=False, widget=DATE_WIDGET)
    url = forms.URLField(
        label=_("Web address"), required=False, max_length=200, assume_scheme="https"
    )
    max_amount = forms.DecimalField(
        label=_("Largest amount"),
        required=False,
        min_value=0,
        max_digits=AMOUNT_DIGITS,
        decimal_places=AMOUNT_PLACES,
    )
    currency = forms.ChoiceField(
        label=_("Currency"), required=False, choices=[("", "—"), *Currency.choices]
    )

    def __init__(self, *args: Any, versioned: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if versioned:
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        opens, closes = cleaned.get("opens_on"), cleaned.get("deadline")
        if (
            isinstance(opens, datetime.date)
            and isinstance(closes, datetime.date)
            and closes < opens
        ):
            self.add_error("deadline", _("A call closes after it opens."))
        if (cleaned.get("max_amount") is None) != (not cleaned.get("currency")):
            if "max_amount" in cleaned and "currency" in cleaned:
                self.add_error(
                    "currency", _("Give the largest amount with its currency, or neither.")
                )
        return cleaned

    def data_for_service(self) -> dict[str, Any]:
        names = ("title", "description", "opens_on", "deadline", "url", "max_amount", "currency")
        return {name: self.cleaned_data[name] for name in names}
