"""Forms for consent rounds: opening one, stating one's position, recording one given orally."""

import datetime
import zoneinfo
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from inspir.core.forms import DateField
from inspir.core.time import NonexistentLocalTime, to_utc
from inspir.governance.forms.committees import DateInput
from inspir.governance.models import POSITIONS_WITH_REASON, Domain, Position, Proposal
from inspir.network.models import Network, Person

# What each position means, shown next to it: members across three languages and cultures
# of decision read the same rule.
POSITION_HELP = {
    Position.AGREE: _("I agree with the text."),
    Position.ABSTAIN: _("I stand aside: I neither agree nor object."),
    Position.CONCERN: _("I can live with it, but I want my concern recorded (give it)."),
    Position.BLOCK: _(
        "I object: the text must not be adopted as it is (give the reason). Only a full "
        "member's block stops adoption."
    ),
}


class RoundForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    statement = forms.CharField(
        label=_("Text put to consent"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What the members are asked to consent to: what, by whom, by when."),
    )
    proposal = forms.ModelChoiceField(
        label=_("Proposal decided"),
        queryset=Proposal.objects.none(),
        required=False,
        empty_label=_("None"),
    )
    domain = forms.ChoiceField(
        label=_("Domain"), choices=[("", _("None")), *Domain.choices], required=False
    )
    closes_on = DateField(label=_("Closes on"), widget=DateInput())
    closes_time = forms.TimeField(
        label=_("at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    concerns = forms.ModelMultipleChoiceField(
        label=_("Networks concerned"),
        queryset=Network.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each network ticked gets a follow-up once the decision is adopted."),
    )
    follow_up_due_on = DateField(
        label=_("Follow-ups due"),
        required=False,
        widget=DateInput(),
        help_text=_("Left empty: 90 days after the round closes."),
    )

    def __init__(
        self, *args: Any, proposals: Any, concerns: Any, zone: zoneinfo.ZoneInfo, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.zone = zone
        self.fields["proposal"].queryset = proposals  # type: ignore[attr-defined]
        self.fields["concerns"].queryset = concerns  # type: ignore[attr-defined]
        self.fields["closes_on"].help_text = _(
            "In your time zone (%(zone)s); each member sees it in theirs."
        ) % {"zone": zone.key}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, time = data.get("closes_on"), data.get("closes_time")
        if day is not None and time is not None:
            try:
                data["closes_at"] = to_utc(datetime.datetime.combine(day, time), self.zone)
            except NonexistentLocalTime:
                self.add_error(
                    "closes_time",
                    _("This time does not exist in %(zone)s (the clocks go forward).")
                    % {"zone": self.zone.key},
                )
        return data


class PositionForm(forms.Form):
    position = forms.ChoiceField(
        label=_("Your position"), choices=Position.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for a concern or a block."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("position") in POSITIONS_WITH_REASON and not (data.get("reason") or "").strip():
            self.add_error(
                "reason",
                _("A concern or a block needs its reason: write it, so that it can be addressed."),
            )
        return data


class OralPositionForm(PositionForm):
    person = forms.ModelChoiceField(label=_("Member"), queryset=Person.objects.none())

    field_order = ["person", "position", "reason"]

    def __init__(self, *args: Any, people: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]
        self.fields["position"].label = _("Position given")
