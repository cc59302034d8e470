from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from inspir.core.forms import DateField, HiddenStateMixin
from inspir.governance.forms.committees import DateInput
from inspir.governance.models import (
    POSITIONS_WITH_REASON,
    AgendaItem,
    Committee,
    Domain,
    FollowUpStatus,
    Outcome,
    Position,
)
from inspir.governance.rules import REPORTABLE
from inspir.network.models import Network, Person


class DecisionFilterForm(forms.Form):
    committee = forms.ModelChoiceField(
        label=_("Committee"), queryset=Committee.objects.none(), required=False
    )
    domain = forms.ChoiceField(
        label=_("Domain"), choices=[("", _("All domains")), *Domain.choices], required=False
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[("", _("All outcomes")), *Outcome.choices], required=False
    )

    def __init__(self, *args: Any, committees: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["committee"]
        field.queryset = committees  # type: ignore[attr-defined]
        field.empty_label = _("All committees")  # type: ignore[attr-defined]
        field.label_from_instance = lambda committee: committee.network.name  # type: ignore[attr-defined]

    def filters(self) -> dict[str, Any]:
        """The valid filters; an unknown value (an old link, a typo) is ignored."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}


class DecisionForm(forms.Form):
    """A decision with one consent row per participant or committee member."""

    item = forms.ModelChoiceField(
        label=_("Agenda item"),
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label=_("None"),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    statement = forms.CharField(
        label=_("Outcome statement"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What was decided, by whom it is to be carried out, and by when."),
    )
    amended = forms.BooleanField(
        label=_("The text was amended in the meeting before the members gave their positions"),
        required=False,
    )
    domain = forms.ChoiceField(
        label=_("Domain"), choices=[("", _("None")), *Domain.choices], required=False
    )
    concerns = forms.ModelMultipleChoiceField(
        label=_("Networks concerned"),
        queryset=Network.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Each network ticked gets a follow-up to report back on once the decision is adopted."
        ),
    )
    follow_up_due_on = DateField(
        label=_("Follow-ups due"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "By when the networks concerned report back. Left empty: 90 days after the decision."
        ),
    )

    def __init__(
        self,
        *args: Any,
        items: Any,
        concerns: Any,
        people: list[Person],
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items  # type: ignore[attr-defined]
        self.fields["concerns"].queryset = concerns  # type: ignore[attr-defined]
        self.people = people
        for person in people:
            self.fields[f"position_{person.pk}"] = forms.ChoiceField(
                label=_("Position of %(name)s") % {"name": person.name},
                choices=[("", _("not recorded")), *Position.choices],
                required=False,
            )
            self.fields[f"reason_{person.pk}"] = forms.CharField(
                label=_("Reason given by %(name)s") % {"name": person.name},
                required=False,
                max_length=2000,
            )

    def consent_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "person": person,
                "position": self[f"position_{person.pk}"],
                "reason": self[f"reason_{person.pk}"],
            }
            for person in self.people
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for person in self.people:
            position = cleaned.get(f"position_{person.pk}")
            if (
                position in POSITIONS_WITH_REASON
                and not (cleaned.get(f"reason_{person.pk}") or "").strip()
            ):
                self.add_error(
                    f"reason_{person.pk}",
                    _(
                        "A concern or a block needs its reason: write it, so that it can be "
                        "addressed."
                    ),
                )
        return cleaned

    def consents(self) -> list[tuple[Person, str, str]]:
        return [
            (
                person,
                self.cleaned_data[f"position_{person.pk}"],
                self.cleaned_data.get(f"reason_{person.pk}") or "",
            )
            for person in self.people
            if self.cleaned_data.get(f"position_{person.pk}")
        ]


class FollowUpReportForm(HiddenStateMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Where does the network stand?"),
        choices=[(value, label) for value, label in FollowUpStatus.choices if value in REPORTABLE],
        widget=forms.RadioSelect,
    )
    report = forms.CharField(
        label=_("Report"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What was done or is under way; if not applicable, why."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, prefix_pk: int | None = None, **kwargs: Any):
        # On the board several forms share the page: give their fields distinct ids.
        if prefix_pk is not None:
            kwargs.setdefault("auto_id", f"id_fu{prefix_pk}_%s")
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            cleaned.get("status") == FollowUpStatus.NOT_APPLICABLE
            and not (cleaned.get("report") or "").strip()
        ):
            self.add_error("report", _("Say why the decision does not apply to this network."))
        return cleaned


class FollowUpCascadeForm(forms.Form):
    networks = forms.ModelMultipleChoiceField(
        label=_("Pass the decision on to"),
        queryset=Network.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one network.")},
    )
    due_on = DateField(
        label=_("Due"),
        required=False,
        widget=DateInput(),
        help_text=_("By when these networks report back. Left empty: when this follow-up is due."),
    )

    def __init__(self, *args: Any, networks: Any, prefix_pk: int | None = None, **kwargs: Any):
        if prefix_pk is not None:
            kwargs.setdefault("auto_id", f"id_fc{prefix_pk}_%s")
        super().__init__(*args, **kwargs)
        self.fields["networks"].queryset = networks  # type: ignore[attr-defined]
