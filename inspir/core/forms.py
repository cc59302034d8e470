from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from inspir.core.selectors import AuditFilters


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), required=False)
    network = forms.ChoiceField(label=_("Network"), required=False)
    since = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    until = forms.DateField(
        label=_("Until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: object, actions: list[str], networks: list, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["action"].choices = [("", _("All actions"))] + [  # type: ignore[attr-defined]
            (code, code) for code in actions
        ]
        self.fields["network"].choices = [("", _("All networks"))] + [  # type: ignore[attr-defined]
            (str(network.pk), network.name) for network in networks
        ]

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date is before the start date."))
        return cleaned

    def to_filters(self) -> AuditFilters:
        if not self.is_bound or not self.is_valid():
            return AuditFilters()
        data = self.cleaned_data
        return AuditFilters(
            action=data.get("action") or "",
            network=int(data["network"]) if data.get("network") else None,
            since=data.get("since"),
            until=data.get("until"),
        )


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's refusal on the form: on the fields it names when the form has them,
    above the form otherwise, so that what the user typed stays in place."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)
