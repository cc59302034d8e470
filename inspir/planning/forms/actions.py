"""Forms of the plan: a period, an action (its fields and links), its indicators."""

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from inspir.core.forms import DateField, HiddenStateMixin
from inspir.governance.models import Domain
from inspir.network.models import Network, Organisation, Person
from inspir.planning.models import PROGRESS_MAX, ActionStatus, PlanPeriod
from inspir.planning.rules import EDITABLE_ACTION_FIELDS, LINK_FIELDS

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NOTE_MAX_LENGTH = 300


class PeriodForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=40, help_text=_("The years it covers, such as 2022–2023.")
    )
    starts_on = DateField(label=_("Starts on"), widget=DATE_WIDGET)
    ends_on = DateField(label=_("Ends on"), widget=DATE_WIDGET)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("A period ends after it starts."))
        return cleaned


class NamedChoices(forms.ModelMultipleChoiceField):
    """Linked records, chosen by ticking their names (works without JavaScript)."""

    widget = forms.CheckboxSelectMultiple


class ActionForm(HiddenStateMixin, forms.Form):
    """An action's fields and links. `choices` gives each choice field its queryset (the
    networks, organisations, people, decisions, meetings, stakeholders and actions the
    reader may link this action to); `version` is there when editing."""

    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    domain = forms.ChoiceField(label=_("Domain"), choices=Domain.choices)
    status = forms.ChoiceField(
        label=_("Status"), choices=ActionStatus.choices, initial=ActionStatus.PLANNED
    )
    progress = forms.IntegerField(
        label=_("Progress (%)"), min_value=0, max_value=PROGRESS_MAX, initial=0
    )
    starts_on = DateField(label=_("Starts on"), required=False, widget=DATE_WIDGET)
    ends_on = DateField(label=_("Ends on"), required=False, widget=DATE_WIDGET)
    lead_network = forms.ModelChoiceField(
        label=_("Lead network"),
        queryset=Network.objects.none(),
        required=False,
        empty_label=_("(none)"),
    )
    lead_organisation = forms.ModelChoiceField(
        label=_("Lead organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("(none)"),
    )
    lead_person = forms.ModelChoiceField(
        label=_("Lead person"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("(none)"),
        help_text=_("One lead at most: a network, an organisation or a person."),
    )
    partner_networks = NamedChoices(
        label=_("Partner networks"), queryset=Network.objects.none(), required=False
    )
    partner_organisations = NamedChoices(
        label=_("Partner organisations"), queryset=Network.objects.none(), required=False
    )
    decisions = NamedChoices(
        label=_("Decisions that created or changed it"),
        queryset=Network.objects.none(),
        required=False,
    )
    meetings = NamedChoices(
        label=_("Meetings that created or changed it"),
        queryset=Network.objects.none(),
        required=False,
    )
    stakeholders = NamedChoices(
        label=_("Stakeholders targeted"), queryset=Network.objects.none(), required=False
    )
    strengthens = NamedChoices(
        label=_("Actions of the networks below that it strengthens"),
        queryset=Network.objects.none(),
        required=False,
        help_text=_(
            "Subsidiarity: what is done at a higher level serves what the networks below do."
        ),
    )
    note = forms.CharField(
        label=_("What led to this change"),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        help_text=_("Kept in the action's history, such as “decided at the meeting of 12 May”."),
    )

    def __init__(self, *args: Any, choices: dict[str, Any], versioned: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for name, queryset in choices.items():
            self.fields[name].queryset = queryset  # type: ignore[attr-defined]
        if versioned:
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput)
        if choices.get("strengthens") is not None and not choices["strengthens"].exists():
            del self.fields["strengthens"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        leads = [cleaned.get(name) for name in ("lead_network", "lead_organisation", "lead_person")]
        if sum(lead is not None for lead in leads) > 1:
            self.add_error(
                "lead_person", _("Choose one lead: a network, an organisation or a person.")
            )
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if isinstance(starts, datetime.date) and isinstance(ends, datetime.date) and ends < starts:
            self.add_error("ends_on", _("An action ends after it starts."))
        return cleaned

    def data_for_service(self) -> dict[str, Any]:
        """The fields and links, as the services take them."""
        names = [*EDITABLE_ACTION_FIELDS, *(n for n in LINK_FIELDS if n in self.fields)]
        data = {name: self.cleaned_data[name] for name in names}
        for name in LINK_FIELDS:
            if name in data:
                data[name] = list(data[name])
        return data


class NewActionForm(ActionForm):
    """A new action: also whose part of the plan and which period."""

    field_order = ["network", "period"]

    def __init__(self, *args: Any, networks: Any, periods: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["network"] = forms.ModelChoiceField(
            label=_("In the plan of"), queryset=networks, empty_label=None
        )
        self.fields["period"] = forms.ModelChoiceField(
            label=_("Period"), queryset=periods, empty_label=None
        )
        self.order_fields(["network", "period"])


class IndicatorForm(HiddenStateMixin, forms.Form):
    """One indicator's row: an empty row adds nothing; `delete` removes the indicator."""

    pk = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(label=_("Indicator"), max_length=200, required=False)
    unit = forms.CharField(label=_("Unit"), max_length=40, required=False)
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2, required=False)
    actual = forms.DecimalField(label=_("Reached"), max_digits=14, decimal_places=2, required=False)
    measured_on = DateField(label=_("Measured on"), required=False, widget=DATE_WIDGET)
    delete = forms.BooleanField(label=_("Remove"), required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        named = bool((cleaned.get("name") or "").strip())
        figures = any(cleaned.get(n) is not None for n in ("target", "actual", "measured_on"))
        if not named and not cleaned.get("delete") and (figures or cleaned.get("unit")):
            raise ValidationError(_("Name the indicator these figures measure."))
        return cleaned


IndicatorFormSet = forms.formset_factory(IndicatorForm, extra=2, max_num=50, absolute_max=60)


class VersionForm(HiddenStateMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class PlanFilterForm(forms.Form):
    """Which part of the plan a page shows: a plain GET form. `periods` is the list of
    periods already read, latest first."""

    period = forms.TypedChoiceField(label=_("Period"), coerce=int, required=False)
    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=Network.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("Every network"),
    )
    domain = forms.ChoiceField(
        label=_("Domain"), choices=[("", _("Every domain")), *Domain.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Every status")), *ActionStatus.choices],
        required=False,
    )

    def __init__(self, *args: Any, periods: list[PlanPeriod], networks: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [  # type: ignore[attr-defined]
            (period.pk, period.name) for period in periods
        ]
        self.fields["network"].queryset = networks  # type: ignore[attr-defined]
