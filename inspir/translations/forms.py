from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from inspir.core.forms import HiddenStateMixin
from inspir.core.i18n import language_name
from inspir.translations.permissions import LANGUAGE_CODES

# Ids and versions fit the database's integers.
MAX_ID = 2**63 - 1


def language_choices() -> list[tuple[str, str]]:
    return [(code, language_name(code)) for code in LANGUAGE_CODES]


class AskForm(HiddenStateMixin, forms.Form):
    """ "Ask for a translation", a button under a text shown in its original language."""

    original = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ID)
    language = forms.ChoiceField(widget=forms.HiddenInput, choices=[])
    next = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()  # type: ignore[attr-defined]


class TranslationForm(HiddenStateMixin, forms.Form):
    text = forms.CharField(
        label=_("Translation"),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=100_000,
        strip=True,
    )
    # What the translator saw: the original's revision and the translation's version.
    seen_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ID)
    seen_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=MAX_ID)


class ReviewForm(HiddenStateMixin, forms.Form):
    seen_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=MAX_ID)


class TranslatorForm(forms.Form):
    user: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Person"), queryset=None)  # type: ignore[arg-type]
    languages = forms.MultipleChoiceField(
        label=_("Translates into"), widget=forms.CheckboxSelectMultiple, choices=[]
    )

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates  # type: ignore[attr-defined]
        self.fields["user"].label_from_instance = _person_label  # type: ignore[attr-defined]
        self.fields["languages"].choices = language_choices()  # type: ignore[attr-defined]


def _person_label(user: Any) -> str:
    """The person, and the languages they say they write (their profile)."""
    person = getattr(user, "person", None)
    name = person.name if person is not None else user.get_full_name()
    label = f"{name} ({user.email})" if name else user.email
    written = getattr(person, "writes_languages", None)
    if written:
        label += " — " + _("writes %(languages)s") % {
            "languages": ", ".join(language_name(code) for code in written)
        }
    return label


class XliffImportForm(forms.Form):
    file = forms.FileField(
        label=_("Translated file (XLIFF 1.2)"),
        help_text=_("The file exported from this queue, translated with your tool."),
    )
    skip_refused = forms.BooleanField(
        label=_("Import the units that can be imported and leave the others in the queue"),
        required=False,
    )
