"""The forms of campaigns and alliances."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from inspir.advocacy.forms.positions import DATE_WIDGET, NamedChoices
from inspir.advocacy.models import CampaignKind
from inspir.core.forms import DateField, HiddenStateMixin
from inspir.network.models import Network


class CampaignForm(HiddenStateMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    kind = forms.ChoiceField(label=_("Campaign"), choices=CampaignKind.choices)
    starts_on = DateField(label=_("Starts on"), widget=DATE_WIDGET)
    ends_on = DateField(label=_("Ends on"), required=False, widget=DATE_WIDGET)
    url = forms.URLField(label=_("Website"), required=False, max_length=200, assume_scheme="https")
    participants = NamedChoices(
        label=_("Networks taking part"), queryset=Network.objects.none(), required=False
    )
    positions = NamedChoices(
        label=_("Positions it carries"), queryset=Network.objects.none(), required=False
    )

    def __init__(self, *args: Any, networks: Any, positions: Any, versioned: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = networks  # type: ignore[attr-defined]
        self.fields["positions"].queryset = positions  # type: ignore[attr-defined]
        if versioned:
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("A campaign ends after it starts."))
        return cleaned

    def fields_for_service(self) -> dict[str, Any]:
        names = ("title", "description", "kind", "starts_on", "ends_on", "url")
        return {name: self.cleaned_data[name] for name in names}

    def links_for_service(self) -> dict[str, Any]:
        return {
            "participants": list(self.cleaned_data["participants"]),
            "positions": list(self.cleaned_data["positions"]),
        }


class NewCampaignForm(CampaignForm):
    def __init__(self, *args: Any, owners: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["network"] = forms.ModelChoiceField(
            label=_("Campaign of"), queryset=owners, empty_label=None
        )
        self.order_fields(["network"])


class AllianceForm(HiddenStateMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    acronym = forms.CharField(label=_("Acronym"), max_length=30, required=False)
    url = forms.URLField(label=_("Website"), required=False, max_length=200, assume_scheme="https")
    joined_on = DateField(label=_("Member since"), required=False, widget=DATE_WIDGET)
    brings = forms.CharField(
        label=_("What the network brings"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    gets = forms.CharField(
        label=_("What the network gets"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, versioned: bool, owners: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if versioned:
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput)
        if owners is not None:
            self.fields["network"] = forms.ModelChoiceField(
                label=_("Member network"), queryset=owners, empty_label=None
            )
            self.order_fields(["network"])

    def data_for_service(self) -> dict[str, Any]:
        names = ("name", "acronym", "url", "joined_on", "brings", "gets")
        return {name: self.cleaned_data[name] for name in names}
