"""Forms of the bottom-up preparation: circulating and publishing the agenda, giving a
network's input, consulting national networks."""

import datetime
import zoneinfo
from typing import Any

from django import forms
from django.forms.fields import BaseTemporalField
from django.utils.translation import gettext_lazy as _

from inspir.core.forms import DateTimeField, HiddenStateMixin
from inspir.core.time import NonexistentLocalTime, to_utc
from inspir.governance.rules import INPUT_MAX_LENGTH
from inspir.governance.selectors.preparation import InputEntry
from inspir.network.models import Network


class LocalDateTimeField(DateTimeField):
    """A wall-clock time, kept naive: the form says in which zone it was typed."""

    def to_python(self, value: Any) -> datetime.datetime | None:  # type: ignore[override]
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.replace(tzinfo=None)
        return BaseTemporalField.to_python(self, str(value).strip())


class AgendaPublishForm(forms.Form):
    """Circulating the agenda: the deadline for inputs, typed as a wall-clock time in the
    zone the page names."""

    deadline = LocalDateTimeField(
        label=_("Inputs expected by"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def __init__(self, *args: Any, zone: zoneinfo.ZoneInfo, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.zone = zone
        self.fields["deadline"].help_text = _(
            "In your time zone (%(zone)s). Leave empty for three days before the meeting."
        ) % {"zone": zone.key}

    def clean_deadline(self) -> datetime.datetime | None:
        value = self.cleaned_data.get("deadline")
        if value is None:
            return None
        naive = value.replace(tzinfo=None)
        try:
            return to_utc(naive, self.zone)
        except NonexistentLocalTime as error:
            raise forms.ValidationError(
                _("%(time)s does not exist in %(zone)s (the clocks change then)."),
                params={"time": f"{naive:%Y-%m-%d %H:%M}", "zone": self.zone.key},
            ) from error


class AgendaPublicationForm(forms.Form):
    """Publishing the agenda to the public: a confirmation, nothing to fill in."""


def input_field_name(item_pk: int) -> str:
    return f"item_{item_pk}"


def version_field_name(item_pk: int) -> str:
    return f"version_{item_pk}"


class InputForm(HiddenStateMixin, forms.Form):
    """One textarea per agenda item, with the version of the input the author saw."""

    def __init__(self, *args: Any, entries: list[InputEntry], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.entries = entries
        for entry in entries:
            pk = entry.item.pk
            self.fields[input_field_name(pk)] = forms.CharField(
                label=entry.item.title,
                required=False,
                max_length=INPUT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 5}),
                initial=entry.input.text if entry.input is not None else "",
            )
            self.fields[version_field_name(pk)] = forms.IntegerField(
                required=False,
                widget=forms.HiddenInput,
                initial=entry.input.version if entry.input is not None else None,
            )

    def rows(self) -> list[dict[str, Any]]:
        """For the template: each entry with its bound fields."""
        return [
            {
                "entry": entry,
                "field": self[input_field_name(entry.item.pk)],
                "version": self[version_field_name(entry.item.pk)],
            }
            for entry in self.entries
        ]


class ConsultationForm(forms.Form):
    networks = forms.ModelMultipleChoiceField(
        label=_("National networks to consult"),
        queryset=Network.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, choices: list[Network], **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["networks"]
        field.queryset = Network.objects.filter(pk__in=[n.pk for n in choices]).order_by("name")  # type: ignore[attr-defined]
