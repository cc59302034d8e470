from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from inspir.newsletters.selectors.issues import subscription_networks


class _Choices(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the newsletter"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )
    networks = forms.ModelMultipleChoiceField(
        label=_("Networks you want to hear from"),
        queryset=subscription_networks(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "An issue of a network reaches those who chose it or a network below it. Choose "
            "none to receive every issue."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["networks"]
        field.queryset = subscription_networks()  # type: ignore[attr-defined]


class SubscribeForm(_Choices):
    """The public subscription form. `homepage` is a trap for robots: hidden from people
    (and from screen readers), a form that fills it in is dropped silently."""

    field_order = ["email", "language", "networks"]

    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("homepage"))


class PreferencesForm(_Choices):
    """The subscriber's choices, reached from the link of every issue."""
