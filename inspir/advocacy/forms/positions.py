"""The forms of positions: the list's filters, a position with its demands (one a line),
its adoption by a decision, the buttons that publish and archive it, a submission and its
outcome."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from inspir.advocacy.models import Channel, Outcome, PositionStatus
from inspir.advocacy.rules import (
    DEMAND_MAX_LENGTH,
    DEMANDS_MAX,
    SUBMISSION_FIELDS,
    demands_from_text,
)
from inspir.core.forms import DateField, HiddenStateMixin
from inspir.network.models import Network

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NamedChoices(forms.ModelMultipleChoiceField):
    """Linked records, chosen by ticking their names (works without JavaScript)."""

    widget = forms.CheckboxSelectMultiple


class PositionFilterForm(forms.Form):
    """Which positions the list shows: a plain GET form."""

    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=Network.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("Every network"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Every status")), *PositionStatus.choices],
        required=False,
    )

    def __init__(self, *args: Any, networks: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks  # type: ignore[attr-defined]


class PositionForm(HiddenStateMixin, forms.Form):
    """A position's texts, its demands (one a line) and its links; `version` when editing."""

    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the network asks for, in a few sentences."),
    )
    body = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("The reasons, the facts and figures it rests on."),
    )
    demands = forms.CharField(
        label=_("Demands"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "One demand (or criterion) a line, in their order. Each is translated on its own."
        ),
    )
    endorsing_networks = NamedChoices(
        label=_("Networks that endorse it"), queryset=Network.objects.none(), required=False
    )
    plan_actions = NamedChoices(
        label=_("Plan actions it serves"), queryset=Network.objects.none(), required=False
    )
    note = forms.CharField(
        label=_("What led to this change"),
        max_length=300,
        required=False,
        help_text=_("Kept in the position's history."),
    )

    def __init__(self, *args: Any, choices: dict[str, Any], versioned: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for name, queryset in choices.items():
            self.fields[name].queryset = queryset  # type: ignore[attr-defined]
        if versioned:
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput)
        else:
            del self.fields["note"]

    def clean_demands(self) -> list[str]:
        demands = demands_from_text(self.cleaned_data.get("demands") or "")
        if len(demands) > DEMANDS_MAX:
            raise forms.ValidationError(
                _("A position holds at most %(count)s demands."), params={"count": DEMANDS_MAX}
            )
        if any(len(text) > DEMAND_MAX_LENGTH for text in demands):
            raise forms.ValidationError(
                _("A demand is at most %(count)s characters long."),
                params={"count": DEMAND_MAX_LENGTH},
            )
        return demands

    def data_for_service(self) -> dict[str, Any]:
        return {
            "title": self.cleaned_data["title"],
            "summary": self.cleaned_data["summary"],
            "body": self.cleaned_data["body"],
            "endorsing_networks": list(self.cleaned_data["endorsing_networks"]),
            "plan_actions": list(self.cleaned_data["plan_actions"]),
        }


class NewPositionForm(PositionForm):
    """A new position: also whose it is."""

    def __init__(self, *args: Any, networks: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["network"] = forms.ModelChoiceField(
            label=_("Position of"), queryset=networks, empty_label=None
        )
        self.order_fields(["network"])


class AdoptForm(HiddenStateMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ModelChoiceField(
        label=_("The decision that adopted it"),
        queryset=Network.objects.none(),
        empty_label=None,
        help_text=_(
            "A decision adopted by the committee of the position's network or of a network "
            "above it. The position is adopted on the day of the decision."
        ),
    )

    def __init__(self, *args: Any, decisions: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["decision"]
        field.queryset = decisions  # type: ignore[attr-defined]
        field.label_from_instance = lambda decision: (  # type: ignore[attr-defined]
            f"{decision.title} ({decision.committee.network.name}, "
            f"{decision.decided_at.date().isoformat()})"
        )


class PublishForm(HiddenStateMixin, forms.Form):
    """The button that makes a position public, or for the members only again."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    public = forms.TypedChoiceField(
        choices=[("yes", _("public")), ("no", _("for the members"))],
        coerce=lambda value: value == "yes",
        widget=forms.HiddenInput,
    )


class VersionForm(HiddenStateMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class SubmissionForm(HiddenStateMixin, forms.Form):
    """To whom, when and how a position was submitted, and what came of it."""

    stakeholder = forms.ModelChoiceField(
        label=_("Stakeholder"),
        queryset=Network.objects.none(),
        required=False,
        empty_label=_("(another target, named below)"),
        help_text=_("One of the stakeholders of the network's context analysis."),
    )
    target_name = forms.CharField(
        label=_("Other target"),
        max_length=200,
        required=False,
        help_text=_("When it is not among the stakeholders: its name."),
    )
    submitted_on = DateField(label=_("Submitted on"), widget=DATE_WIDGET)
    channel = forms.ChoiceField(label=_("How"), choices=Channel.choices)
    alliance = forms.ModelChoiceField(
        label=_("Through the alliance"),
        queryset=Network.objects.none(),
        required=False,
        empty_label=_("(none)"),
    )
    ally = forms.CharField(
        label=_("Or through the ally"),
        max_length=200,
        required=False,
        help_text=_("Who relayed it, when it is not one of the network's alliances."),
    )
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices, initial="pending")
    outcome_notes = forms.CharField(
        label=_("What came of it"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    follow_up = forms.CharField(
        label=_("Follow-up"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    follow_up_on = DateField(label=_("Follow up by"), required=False, widget=DATE_WIDGET)

    def __init__(
        self, *args: Any, stakeholders: Any, alliances: Any, versioned: bool, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.fields["stakeholder"].queryset = stakeholders  # type: ignore[attr-defined]
        self.fields["alliance"].queryset = alliances  # type: ignore[attr-defined]
        if versioned:
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("stakeholder") and not (cleaned.get("target_name") or "").strip():
            if "target_name" not in self.errors:
                self.add_error("target_name", _("Choose a stakeholder or name the target."))
        return cleaned

    def data_for_service(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in SUBMISSION_FIELDS}


class OutcomeForm(HiddenStateMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    outcome_notes = forms.CharField(
        label=_("What came of it"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    follow_up = forms.CharField(
        label=_("Follow-up"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    follow_up_on = DateField(label=_("Follow up by"), required=False, widget=DATE_WIDGET)
