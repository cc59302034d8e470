"""Forms of the library: its filters (a plain GET form), a resource, an attachment, a need."""

import datetime
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from inspir.core.forms import DateField, HiddenStateMixin
from inspir.governance.models import Domain
from inspir.governance.rules import document_check, document_max_bytes
from inspir.learning.models import Branch, NeedPriority, NeedStatus, Principle, ResourceKind
from inspir.learning.reference import BRANCH_CHOICES, PRINCIPLE_CHOICES
from inspir.learning.rules import EDITABLE_NEED_FIELDS, EDITABLE_RESOURCE_FIELDS, LINK_FIELDS
from inspir.learning.selectors.library import Facets, FacetValue, Filters
from inspir.network.models import Network

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
QUERY_MAX_LENGTH = 200


def _counted(values: list[FacetValue], every: Any) -> list[tuple[str, str]]:
    return [("", every)] + [(value.value, f"{value.label} ({value.count})") for value in values]


class LibraryFilterForm(forms.Form):
    """The library's query and facets. The facets' options are set from the results
    (`show_counts`), each with its count among them."""

    q = forms.CharField(label=_("Words"), max_length=QUERY_MAX_LENGTH, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("Every kind")), *ResourceKind.choices], required=False
    )
    branch = forms.ChoiceField(
        label=_("Branch of social security"),
        choices=[("", _("Every branch")), *BRANCH_CHOICES],
        required=False,
    )
    principle = forms.ChoiceField(
        label=_("Policy principle"),
        choices=[("", _("Every principle")), *PRINCIPLE_CHOICES],
        required=False,
    )
    network = forms.SlugField(label=_("Network"), required=False, widget=forms.Select)
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        widget=forms.Select,
    )

    def filters(self) -> Filters:
        """What was asked, leaving out what is not valid (an altered address)."""
        cleaned: dict[str, Any] = {}
        if self.is_bound:
            self.is_valid()
            cleaned = self.cleaned_data
        return Filters(
            q=cleaned.get("q") or "",
            kind=cleaned.get("kind") or "",
            branch=cleaned.get("branch") or "",
            principle=cleaned.get("principle") or "",
            network=cleaned.get("network") or "",
            year=cleaned.get("year"),
        )

    def show_counts(self, facets: Facets) -> None:
        fields: Any = self.fields
        fields["kind"].choices = _counted(facets.kinds, _("Every kind"))
        fields["branch"].choices = _counted(facets.branches, _("Every branch"))
        fields["principle"].choices = _counted(facets.principles, _("Every principle"))
        fields["network"].widget.choices = _counted(facets.networks, _("Every network"))
        fields["year"].widget.choices = _counted(facets.years, _("Every year"))


class NamedChoices(forms.ModelMultipleChoiceField):
    """Linked records, chosen by ticking their names (works without JavaScript)."""

    widget = forms.CheckboxSelectMultiple


class ActionChoices(forms.ModelMultipleChoiceField):
    """Plan actions, named with their network and period."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} — {obj.network.name}, {obj.period.name}"


class NeedChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} — {obj.network.name}"


class ResourceForm(HiddenStateMixin, forms.Form):
    """A resource's fields and links. `choices` gives the linked records' querysets
    (`selectors.library.link_choices`); `version` is there when editing."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ResourceKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What was done, with whom, and why."),
    )
    lessons = forms.CharField(
        label=_("Lessons learned"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What other networks can take from it."),
    )
    starts_on = DateField(label=_("Starts on"), widget=DATE_WIDGET)
    ends_on = DateField(label=_("Ends on"), required=False, widget=DATE_WIDGET)
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("Where it took place, or “online”."),
    )
    networks_involved = NamedChoices(
        label=_("Networks involved"), queryset=Network.objects.none(), required=False
    )
    organisations_involved = forms.ModelMultipleChoiceField(
        label=_("Organisations involved"),
        queryset=Network.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    branches = NamedChoices(
        label=_("Branches of social security"), queryset=Branch.objects.all(), required=False
    )
    principles = NamedChoices(
        label=_("Policy principles"), queryset=Principle.objects.all(), required=False
    )
    plan_actions = ActionChoices(
        label=_("Plan actions it fulfils"),
        queryset=Network.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    needs = NeedChoices(
        label=_("Needs it answers"),
        queryset=Network.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args: Any, choices: dict[str, Any], versioned: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for name, queryset in choices.items():
            self.fields[name].queryset = queryset  # type: ignore[attr-defined]
        if versioned:
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if isinstance(starts, datetime.date) and isinstance(ends, datetime.date) and ends < starts:
            self.add_error("ends_on", _("A resource ends after it starts."))
        return cleaned

    def fields_for_service(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in EDITABLE_RESOURCE_FIELDS}

    def links_for_service(self) -> dict[str, list[Any]]:
        return {name: list(self.cleaned_data[name]) for name in LINK_FIELDS}


class NewResourceForm(ResourceForm):
    """A new resource: also whose it is, among the networks the writer acts for."""

    def __init__(self, *args: Any, networks: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["network"] = forms.ModelChoiceField(
            label=_("Network"),
            queryset=networks,
            empty_label=None,
            to_field_name="slug",
            help_text=_("The network whose resource it is: those who act for it may change it."),
        )
        self.order_fields(["network"])


class AttachmentForm(forms.Form):
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


class NeedForm(HiddenStateMixin, forms.Form):
    title = forms.CharField(label=_("Need or priority"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    priority = forms.TypedChoiceField(
        label=_("Priority"), choices=NeedPriority.choices, coerce=int, initial=NeedPriority.MEDIUM
    )
    domain = forms.ChoiceField(
        label=_("Domain"), choices=[("", _("(none)")), *Domain.choices], required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=NeedStatus.choices)

    def __init__(self, *args: Any, versioned: bool, networks: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if versioned:
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput)
        if networks is not None:
            self.fields["network"] = forms.ModelChoiceField(
                label=_("Network"), queryset=networks, empty_label=None, to_field_name="slug"
            )
            self.order_fields(["network"])

    def data_for_service(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in EDITABLE_NEED_FIELDS}


class NeedFilterForm(forms.Form):
    """Whose needs the page shows: a plain GET form; `networks` are those that have some."""

    network = forms.SlugField(label=_("Network"), required=False, widget=forms.Select)

    def __init__(self, *args: Any, networks: list[Network], **kwargs: Any):
        super().__init__(*args, **kwargs)
        widget: Any = self.fields["network"].widget
        widget.choices = [("", _("Every network"))] + [(n.slug, n.name) for n in networks]

    def chosen(self) -> str:
        return (self.cleaned_data.get("network") or "") if self.is_valid() else ""
