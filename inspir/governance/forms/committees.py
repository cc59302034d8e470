"""Forms for managing a committee's mandates."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from inspir.core.forms import DateField, HiddenStateMixin
from inspir.governance.models import Office, QuorumRule, SeatKind, SeatRole, SeatRule
from inspir.network.models import Network, Organisation, Person


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class RuleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj} ({obj.get_kind_display()})"


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        organisation = obj.organisation
        if organisation is None:
            return str(obj.name)
        return f"{obj.name} — {organisation.acronym or organisation.name}"


class MandateForm(forms.Form):
    rule = RuleChoiceField(label=_("Seat"), queryset=SeatRule.objects.none())
    person = PersonChoiceField(label=_("Person"), queryset=Person.objects.none())
    start_date = DateField(label=_("From"), widget=DateInput())
    end_date = DateField(
        label=_("Until"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty while the end of the mandate is not known."),
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(
        self,
        *args: Any,
        rules: QuerySet[SeatRule],
        people: QuerySet[Person],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rule"].queryset = rules  # type: ignore[attr-defined]
        self.fields["person"].queryset = people  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("A mandate cannot end before it starts."))
        return cleaned


class MandateEndForm(HiddenStateMixin, forms.Form):
    end_date = DateField(label=_("Last day of the mandate"), widget=DateInput())
    # The end date the user saw when the form was opened (empty: none), so that a change
    # made meanwhile by someone else is not silently overwritten.
    seen_end_date = DateField(required=False, widget=forms.HiddenInput())


class MandateWithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it withdrawn?"),
        max_length=200,
        help_text=_("Kept in the committee's log, with your name and the time."),
        error_messages={"required": _("Say why the mandate is withdrawn.")},
    )


def office_field() -> forms.ChoiceField:
    """The office a seat rule's holders hold (governance/permissions.py)."""
    return forms.ChoiceField(
        label=_("Office"),
        choices=Office.choices,
        required=False,
        help_text=_(
            "The chair and the secretariat schedule and cancel the meetings, set the agenda, "
            "keep the minutes and record decisions; other members give their positions."
        ),
    )


class SeatRuleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=SeatRole.choices)
    kind = forms.ChoiceField(label=_("Kind of seat"), choices=SeatKind.choices)
    office = office_field()
    constituency_network = forms.ModelChoiceField(
        label=_("For the network"), queryset=Network.objects.none(), required=False
    )
    constituency_organisation = forms.ModelChoiceField(
        label=_("For the organisation"), queryset=Organisation.objects.none(), required=False
    )
    seats = forms.IntegerField(label=_("Seats"), min_value=1, max_value=100, initial=1)
    minimum = forms.IntegerField(
        label=_("At least"),
        min_value=0,
        max_value=100,
        initial=0,
        help_text=_(
            "Fewer filled seats than this breaks the rule; fewer than the seats is a vacancy."
        ),
    )
    from_network_committee = forms.BooleanField(
        label=_("Chosen from that network's own committee"), required=False
    )
    position = forms.IntegerField(label=_("Order"), min_value=0, max_value=1000, initial=0)

    def __init__(
        self,
        *args: Any,
        networks: QuerySet[Network],
        organisations: QuerySet[Organisation],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["constituency_network"].queryset = networks  # type: ignore[attr-defined]
        self.fields["constituency_organisation"].queryset = organisations  # type: ignore[attr-defined]


class SeatRuleChangeForm(HiddenStateMixin, forms.Form):
    seats = forms.IntegerField(label=_("Seats"), min_value=1, max_value=100)
    minimum = forms.IntegerField(
        label=_("At least"),
        min_value=0,
        max_value=100,
        help_text=_(
            "Fewer filled seats than this breaks the rule; fewer than the seats is a vacancy."
        ),
    )
    # What the user saw when the form was opened, so that a change made meanwhile by someone
    # else is not silently overwritten.
    office = office_field()
    seen_seats = forms.IntegerField(widget=forms.HiddenInput())
    seen_minimum = forms.IntegerField(widget=forms.HiddenInput())


class QuorumForm(HiddenStateMixin, forms.Form):
    quorum = forms.ChoiceField(
        label=_("Quorum"),
        choices=QuorumRule.choices,
        help_text=_(
            "How many of the full members, counted among the full seats filled on the day, "
            "must give a position for a decision to count."
        ),
    )
    # The rule the user saw when the form was opened: a change made meanwhile by someone else
    # is not silently overwritten.
    seen_quorum = forms.ChoiceField(choices=QuorumRule.choices, widget=forms.HiddenInput())
