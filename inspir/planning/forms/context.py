"""The forms of the context analysis: the dates of the power map, the note, a stakeholder
(created with its first assessment, then edited without its influence and stance) and an
assessment."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from inspir.core.forms import DateField, HiddenStateMixin
from inspir.core.i18n import language_name
from inspir.planning.models import INFLUENCE_MAX, INFLUENCE_MIN, ContextNote, Stakeholder, Stance
from inspir.planning.rules import EDITABLE_STAKEHOLDER_FIELDS

INFLUENCE_LABELS = {
    1: _("1 — very low"),
    2: _("2 — low"),
    3: _("3 — moderate"),
    4: _("4 — high"),
    5: _("5 — very high"),
}
INFLUENCE_CHOICES = [
    (value, INFLUENCE_LABELS[value]) for value in range(INFLUENCE_MIN, INFLUENCE_MAX + 1)
]


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def influence_field() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=_("Influence"),
        choices=INFLUENCE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("How much it weighs on the decisions the network wants to change."),
    )


def stance_field() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=_("Stance"),
        choices=Stance.choices,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("Where it stands towards what the network asks for."),
    )


def assessed_on_field() -> DateField:
    return DateField(
        label=_("Assessed on"),
        widget=date_input(),
        help_text=_("The day the influence and stance were assessed: today or earlier."),
    )


def explain_languages(form: forms.BaseForm, languages: dict[str, str]) -> None:
    """Say, for each member-written text of the form, in which language it is kept (the
    original its translations are made from), and mark its text area with it."""
    for name, field in form.fields.items():
        if not isinstance(field.widget, forms.Textarea):
            continue
        language = languages.get(name)
        if language is None:
            field.help_text = _(
                "Write it in the language you work in: readers of the other languages see it "
                "translated once a translator has done so, and your text until then."
            )
        else:
            field.widget.attrs["lang"] = language
            field.help_text = _(
                "The original, in %(language)s: its translations into the other languages are "
                "made from it, and are marked out of date when it changes."
            ) % {"language": language_name(language)}


class PowerMapDateForm(forms.Form):
    """The dates of the power map: one, or two to compare (a plain GET form)."""

    on = DateField(
        label=_("Map on"),
        required=False,
        widget=date_input(),
        help_text=_("Where each stakeholder stood on that day. Empty: today."),
    )
    compare = DateField(
        label=_("Compare with"),
        required=False,
        widget=date_input(),
        help_text=_("Optional: another day, to see who moved between the two."),
    )


class ContextNoteForm(HiddenStateMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = ContextNote
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 14})}

    def __init__(self, *args: Any, languages: dict[str, str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        explain_languages(self, languages or {})
        # Also when bound: the current version, should the posted one be unreadable; 0 for
        # a note still to write.
        self.initial["version"] = self.instance.version if self.instance.pk else 0


class StakeholderCreateForm(forms.ModelForm):
    """A new stakeholder and its first assessment."""

    influence = influence_field()
    stance = stance_field()
    assessed_on = assessed_on_field()

    class Meta:
        model = Stakeholder
        fields = [
            "name",
            "kind",
            "level",
            "influence",
            "stance",
            "assessed_on",
            "interest",
            "notes",
        ]
        widgets = {
            "interest": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"name": _("Its own name, as it writes it: ILO, USP2030, UNICEF…")}

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        explain_languages(self, {})

    def data_for_service(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class StakeholderForm(HiddenStateMixin, forms.ModelForm):
    """What an owner changes on a stakeholder; its influence and stance change only by an
    assessment."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Stakeholder
        fields = list(EDITABLE_STAKEHOLDER_FIELDS)
        widgets = {
            "interest": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, languages: dict[str, str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        explain_languages(self, languages or {})
        if self.instance.pk:
            # Also when bound: the current version, should the posted one be unreadable.
            self.initial["version"] = self.instance.version

    def editable_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in EDITABLE_STAKEHOLDER_FIELDS}


class AssessmentForm(forms.Form):
    assessed_on = assessed_on_field()
    influence = influence_field()
    stance = stance_field()
