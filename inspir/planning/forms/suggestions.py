"""Forms of the suggestions: making one, and deciding on it."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from inspir.core.forms import DateField, HiddenStateMixin
from inspir.governance.models import Domain
from inspir.network.models import Network
from inspir.planning.forms.actions import DATE_WIDGET
from inspir.planning.models import PlanAction, PlanPeriod
from inspir.planning.rules import ANSWER_MAX_LENGTH


class SuggestionForm(forms.Form):
    """What a member suggests: for a change, the action as they would have it (prefilled
    with it as it stands); for a new action, also whose plan and which period."""

    from_network = forms.ModelChoiceField(
        label=_("From the network"), queryset=Network.objects.none(), empty_label=None
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    domain = forms.ChoiceField(label=_("Domain"), choices=Domain.choices)
    starts_on = DateField(label=_("Starts on"), required=False, widget=DATE_WIDGET)
    ends_on = DateField(label=_("Ends on"), required=False, widget=DATE_WIDGET)
    reason = forms.CharField(
        label=_("Why"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What it would change for your members: the plan's owners read this."),
    )

    def __init__(
        self,
        *args: Any,
        from_networks: Any,
        plans: Any = None,
        periods: Any = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.fields["from_network"].queryset = from_networks  # type: ignore[attr-defined]
        if plans is not None:
            self.fields["network"] = forms.ModelChoiceField(
                label=_("For the plan of"),
                queryset=plans,
                empty_label=None,
                help_text=_("Your network's plan, or the plan of a network above it."),
            )
            self.fields["period"] = forms.ModelChoiceField(
                label=_("Period"), queryset=periods, empty_label=None
            )
            self.order_fields(["from_network", "network", "period"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("An action ends after it starts."))
        return cleaned


class DecideForm(HiddenStateMixin, forms.Form):
    """An owner's decision. Accepting writes the fields below, which start as suggested and
    may be finalised; merging names the action; declining says why."""

    ACCEPT, MERGE, DECLINE = "accept", "merge", "decline"

    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[
            (ACCEPT, _("Accept it into the plan")),
            (MERGE, _("Merge it into an existing action")),
            (DECLINE, _("Decline it")),
        ],
    )
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    domain = forms.ChoiceField(label=_("Domain"), choices=Domain.choices, required=False)
    starts_on = DateField(label=_("Starts on"), required=False, widget=DATE_WIDGET)
    ends_on = DateField(label=_("Ends on"), required=False, widget=DATE_WIDGET)
    into = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=PlanAction.objects.none(),
        required=False,
        empty_label=_("(choose an action)"),
    )
    answer = forms.CharField(
        label=_("Answer to the suggester"),
        required=False,
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when declining: the suggester reads why."),
    )

    def __init__(self, *args: Any, actions: Any, change: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = actions  # type: ignore[attr-defined]
        if change:
            # The action's version the owner compared the suggestion with.
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        decision = cleaned.get("decision")
        if decision == self.ACCEPT and not (cleaned.get("title") or "").strip():
            self.add_error("title", _("Give the action a title."))
        if decision == self.MERGE and cleaned.get("into") is None:
            self.add_error("into", _("Choose the action it is merged into."))
        if decision == self.DECLINE and not (cleaned.get("answer") or "").strip():
            self.add_error("answer", _("Say why the suggestion is declined."))
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if decision == self.ACCEPT and starts and ends and ends < starts:
            self.add_error("ends_on", _("An action ends after it starts."))
        return cleaned


class SuggestionFilterForm(forms.Form):
    MINE, TO_DECIDE, ALL = "mine", "decide", "all"

    show = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            (TO_DECIDE, _("Awaiting my decision")),
            (MINE, _("My suggestions")),
            (ALL, _("Every suggestion to the plans I read")),
        ],
    )
    period = forms.ModelChoiceField(
        label=_("Period"),
        queryset=PlanPeriod.objects.none(),
        required=False,
        empty_label=_("Every period"),
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = PlanPeriod.objects.order_by(  # type: ignore[attr-defined]
            "-starts_on"
        )
