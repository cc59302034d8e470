from typing import Any

from django import forms

from inspir.core.forms import HiddenStateMixin
from inspir.planning.forms.context import explain_languages
from inspir.reports.models import ReportText


class ReportTextForm(HiddenStateMixin, forms.ModelForm):
    """The year's introduction and credits, written by the report's producers."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = ReportText
        fields = ["introduction", "credits"]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 12}),
            "credits": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, languages: dict[str, str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        explain_languages(self, languages or {})
        # Also when bound: the current version, should the posted one be unreadable; 0 for
        # texts still to write.
        self.initial["version"] = self.instance.version if self.instance.pk else 0
