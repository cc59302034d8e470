import datetime
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from inspir.core.actions import action_label
from inspir.core.mail import NotResendableError
from inspir.core.selectors import AuditFilters

# Every date typed on the platform falls between these: wide enough for any mandate, meeting
# or record of the network, narrow enough that the time-zone arithmetic on it never leaves
# the calendar (year 1 or 9999 shifted by a zone's offset would).
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)


def validate_date_in_range(value: datetime.date) -> None:
    day = value.date() if isinstance(value, datetime.datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValidationError(
            _("Enter a date between %(first)s and %(last)s."),
            code="date_out_of_range",
            params={"first": date_format(EARLIEST_DATE), "last": date_format(LATEST_DATE)},
        )


class DateField(forms.DateField):
    """The platform's date field: a date within `EARLIEST_DATE`…`LATEST_DATE`."""

    default_validators = [validate_date_in_range]


class DateTimeField(forms.DateTimeField):
    default_validators = [validate_date_in_range]


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), required=False)
    network = forms.ChoiceField(label=_("Network"), required=False)
    since = DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    until = DateField(
        label=_("Until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: object, actions: list[str], networks: list, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["action"].choices = [("", _("All actions"))] + [  # type: ignore[attr-defined]
            (code, action_label(code)) for code in actions
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


class SearchForm(forms.Form):
    """The platform-wide search (`inspir.core.search`): what to look for, and optionally one
    kind of record to list page by page."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        from inspir.core.search import providers

        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["kind"].choices = [("", _("Everything"))] + [  # type: ignore[attr-defined]
            (provider.kind, provider.label) for provider in providers()
        ]


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's refusal on the form: on the fields it names when the form has them,
    above the form otherwise, so that what the user typed stays in place."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def report_service_call(request: HttpRequest, call: Callable[[], object], *, success: str) -> bool:
    """Run a service call a button asks for (no form to show a refusal on): a refusal as an
    error message, otherwise `success` as a success message. True when it was done."""
    try:
        call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    if success:
        messages.success(request, success)
    return True


def save_form(
    request: HttpRequest,
    form: forms.BaseForm,
    call: Callable[[], Any],
    *,
    success: Any,
    then: Any,
) -> HttpResponse | None:
    """Run the service call that saves a valid `form` (a creation, or a change with no edit
    conflict to show). A refusal: on the form (`add_service_errors`), and None, for the view
    to show the form again. Done: the `success` message and the redirect to `then`; either
    may be a callable of what the service returned (to name or link to the new record)."""
    try:
        result = call()
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    said = success(result) if callable(success) else success
    if said:
        messages.success(request, said)
    return redirect(then(result) if callable(then) else then)


def report_resend(
    request: HttpRequest, call: Callable[[], object], *, success: str, needless: str
) -> bool:
    """Run the service call a "send again" button asks for: `needless` as information when
    the e-mail is not one to send again (`NotResendableError`: it arrived, is on its way or
    was sent again), otherwise as `report_service_call`. True when it was sent again."""
    try:
        return report_service_call(request, call, success=success)
    except NotResendableError:
        messages.info(request, needless)
        return False


OUT_OF_DATE = _("This page is out of date; here is the current version.")


class HiddenStateMixin:
    """For forms whose hidden fields carry what the page was built from (a version, the
    values the user saw). Such a field cannot be wrong unless the page was altered or comes
    from an older release of the platform, and its error would not be shown: the form says
    instead that the page is out of date, and comes back with the current hidden values (the
    form's initial ones, which the view gives from the saved record) and what the user typed.
    """

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        form: forms.BaseForm = self  # type: ignore[assignment]
        errors = form._errors  # type: ignore[attr-defined]
        if not form.is_bound or errors is None:
            return
        stale = [n for n in errors if n in form.fields and form.fields[n].widget.is_hidden]
        if not stale:
            return
        data = form.data.copy()  # type: ignore[attr-defined]
        for name in stale:
            del errors[name]
            field = form.fields[name]
            current = form.get_initial_for_field(field, name)
            data[form.add_prefix(name)] = (
                "" if current is None else field.widget.format_value(current) or ""
            )
        form.data = data
        form.add_error(None, ValidationError(OUT_OF_DATE, code="out_of_date"))
