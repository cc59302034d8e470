"""Forms of the funding proposals: the proposal, a move along its pipeline, a document, the
board's filters."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from inspir.core.forms import DateField, HiddenStateMixin
from inspir.financing.models import AMOUNT_DIGITS, AMOUNT_PLACES, Currency, ProposalStatus
from inspir.financing.rules import EDITABLE_PROPOSAL_FIELDS, PROPOSAL_LINKS
from inspir.governance.rules import document_check, document_max_bytes
from inspir.network.models import Network

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
AMOUNT_FIELDS = ("amount_requested", "currency")


class NamedChoices(forms.ModelMultipleChoiceField):
    """Linked records, chosen by ticking their names (works without JavaScript)."""

    widget = forms.CheckboxSelectMultiple


class ProposalForm(HiddenStateMixin, forms.Form):
    """A proposal's fields and links. `choices` gives each choice field its queryset;
    `amounts` False leaves the amounts out (an editor who may not see them); `version` is
    there when editing."""

    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    funder = forms.ModelChoiceField(label=_("Funder"), queryset=Network.objects.none())
    call = forms.ModelChoiceField(
        label=_("Call"),
        queryset=Network.objects.none(),
        required=False,
        empty_label=_("(none: a spontaneous proposal)"),
        help_text=_("One of the chosen funder's calls."),
    )
    lead_organisation = forms.ModelChoiceField(
        label=_("Lead organisation"), queryset=Network.objects.none()
    )
    partner_organisations = NamedChoices(
        label=_("Partner organisations"), queryset=Network.objects.none(), required=False
    )
    team = NamedChoices(
        label=_("Team"),
        queryset=Network.objects.none(),
        required=False,
        help_text=_(
            "People of the lead or partner organisations. They see the amounts and are "
            "reminded of the deadline."
        ),
    )
    amount_requested = forms.DecimalField(
        label=_("Amount requested"),
        min_value=0,
        max_digits=AMOUNT_DIGITS,
        decimal_places=AMOUNT_PLACES,
        help_text=_("Seen by the team and the coordinators only."),
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices)
    deadline = DateField(label=_("Submission deadline"), required=False, widget=DATE_WIDGET)
    plan_actions = NamedChoices(
        label=_("Plan actions it serves"), queryset=Network.objects.none(), required=False
    )

    def __init__(
        self,
        *args: Any,
        choices: dict[str, Any],
        versioned: bool,
        amounts: bool = True,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        for name, queryset in choices.items():
            self.fields[name].queryset = queryset  # type: ignore[attr-defined]
        self.fields["call"].label_from_instance = lambda call: (  # type: ignore[attr-defined]
            f"{call.funder.acronym or call.funder.name} — {call.title}"
        )
        self.fields["team"].label_from_instance = lambda person: (  # type: ignore[attr-defined]
            f"{person.name} ({person.organisation.name})" if person.organisation else person.name
        )
        self.fields["plan_actions"].label_from_instance = lambda action: (  # type: ignore[attr-defined]
            f"{action.title} ({action.network.name}, {action.period.name})"
        )
        if not amounts:
            for name in AMOUNT_FIELDS:
                del self.fields[name]
        if versioned:
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        call, funder = cleaned.get("call"), cleaned.get("funder")
        if call is not None and funder is not None and call.funder_id != funder.pk:
            self.add_error("call", _("This call is not one of the chosen funder's."))
        return cleaned

    def data_for_service(self) -> dict[str, Any]:
        names = [n for n in (*EDITABLE_PROPOSAL_FIELDS, *PROPOSAL_LINKS) if n in self.fields]
        data = {name: self.cleaned_data[name] for name in names}
        for name in PROPOSAL_LINKS:
            data[name] = list(data[name])
        return data


class NewProposalForm(ProposalForm):
    """A new proposal: also whose it is."""

    def __init__(self, *args: Any, networks: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["network"] = forms.ModelChoiceField(
            label=_("Proposal of"), queryset=networks, empty_label=None
        )
        self.order_fields(["network"])


class MoveForm(HiddenStateMixin, forms.Form):
    """A move along the pipeline: the next status, its date, the amount granted."""

    status = forms.ChoiceField(label=_("Move to"), choices=ProposalStatus.choices)
    on = DateField(
        label=_("On"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("The day it was submitted or decided; today if left empty."),
    )
    amount_granted = forms.DecimalField(
        label=_("Amount granted"),
        required=False,
        min_value=0,
        max_digits=AMOUNT_DIGITS,
        decimal_places=AMOUNT_PLACES,
        help_text=_("In the currency of the request; needed for a grant."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, statuses: list[tuple[str, Any]], amounts: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = statuses  # type: ignore[attr-defined]
        if not amounts:
            del self.fields["amount_granted"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            cleaned.get("status") == ProposalStatus.GRANTED
            and "amount_granted" in self.fields
            and not cleaned.get("amount_granted")
        ):
            self.add_error("amount_granted", _("Give the amount granted."))
        return cleaned


class DocumentForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        required=False,
        help_text=_("The file's own name if left empty."),
    )
    file = forms.FileField(label=_("File"))

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        limit = document_max_bytes() / 1048576
        self.fields["file"].help_text = _(
            "PDF, ODT, ODS, ODP, DOCX, XLSX, PPTX, TXT, PNG or JPEG; at most %(limit)s MB."
        ) % {"limit": f"{limit:.0f}"}

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        document_check(upload)
        return upload


class BoardFilterForm(forms.Form):
    """What the board and the totals show: a plain GET form."""

    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=Network.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("Every network"),
    )
    funder = forms.ModelChoiceField(
        label=_("Funder"),
        queryset=Network.objects.none(),
        required=False,
        empty_label=_("Every funder"),
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args: Any, networks: Any, funders: Any, years: list[int], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks  # type: ignore[attr-defined]
        self.fields["funder"].queryset = funders  # type: ignore[attr-defined]
        self.fields["year"].choices = [("", _("Every year")), *((y, y) for y in years)]  # type: ignore[attr-defined]


class FunderFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[])

    def __init__(self, *args: Any, **kwargs: Any):
        from inspir.financing.models import FunderKind

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Every kind")), *FunderKind.choices]  # type: ignore[attr-defined]
