from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from inspir.core.forms import HiddenStateMixin
from inspir.governance.models import Domain, Meeting
from inspir.governance.selectors.proposals import ProposalFilters
from inspir.network.models import Network, Organisation


class ProposalFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    domain = forms.ChoiceField(label=_("Domain"), required=False)
    network = forms.ChoiceField(label=_("Network"), required=False)
    awaiting = forms.BooleanField(
        label=_("Only those awaiting a network I act for"), required=False
    )

    def __init__(self, *args: Any, choices: dict[str, list], **kwargs: Any):
        super().__init__(*args, **kwargs)
        everything = {
            "status": _("All statuses"),
            "domain": _("All domains"),
            "network": _("All networks"),
        }
        for name, all_label in everything.items():
            self.fields[name].choices = [("", all_label), *choices[name]]  # type: ignore[attr-defined]

    def to_filters(self) -> ProposalFilters:
        """The valid filters; an unknown value (an old link, a typo) is ignored."""
        if not self.is_bound:
            return ProposalFilters()
        self.is_valid()
        data = self.cleaned_data
        return ProposalFilters(
            status=data.get("status") or "",
            domain=data.get("domain") or "",
            network=data.get("network") or "",
            awaiting=bool(data.get("awaiting")),
        )


class ProposalForm(HiddenStateMixin, forms.Form):
    """A proposal's content; `network` only when it is created."""

    network = forms.ModelChoiceField(
        label=_("For the network"),
        queryset=Network.objects.none(),
        empty_label=None,
        help_text=_("The network raising the proposal: one you act for or are a member of."),
        error_messages={
            "invalid_choice": _(
                "You can raise a proposal only for a network you act for or are a member of: "
                "choose one of those listed."
            )
        },
    )
    organisation = forms.ModelChoiceField(
        label=_("On behalf of a member organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("No, on behalf of the network"),
        help_text=_("Optional. The organisation must be a member of the network chosen above."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    domain = forms.ChoiceField(label=_("Domain"), choices=Domain.choices)
    text = forms.CharField(
        label=_("Proposal"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What do you propose, why, and what would it need from the network?"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        networks: Any = None,
        organisations: list[tuple[Organisation, Network]] | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        if networks is None:
            del self.fields["network"]
        else:
            self.fields["network"].queryset = networks  # type: ignore[attr-defined]
        organisation_field = self.fields["organisation"]
        pairs = organisations or []
        organisation_field.queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            pk__in=[organisation.pk for organisation, _network in pairs]
        )
        choices: list[tuple[Any, str]] = [("", str(organisation_field.empty_label))]  # type: ignore[attr-defined]
        seen = set()
        for organisation, network in pairs:
            if organisation.pk in seen:
                continue
            seen.add(organisation.pk)
            label = (
                f"{organisation.name} ({network.name})"
                if networks is not None
                else organisation.name
            )
            choices.append((organisation.pk, label))
        organisation_field.choices = choices  # type: ignore[attr-defined]

    def content(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name] for name in ("title", "text", "domain", "organisation")
        }


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class ProposalActionForm(HiddenStateMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    meeting = forms.ModelChoiceField(
        label=_("Meeting"), queryset=Meeting.objects.none(), required=False
    )

    def __init__(self, *args: Any, meetings: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if meetings is not None:
            self.fields["meeting"].queryset = meetings  # type: ignore[attr-defined]
