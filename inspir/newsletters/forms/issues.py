from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _

from inspir.core.forms import HiddenStateMixin
from inspir.network.models import Network
from inspir.newsletters import sources

ITEM_PREFIX = "item-"


def item_field_name(kind: str, object_id: int) -> str:
    return f"{ITEM_PREFIX}{kind}-{object_id}"


class IssueForm(HiddenStateMixin, forms.Form):
    """An issue's title, introduction and items. Each candidate (a recent post, position or
    decision of the network and below) has a place number: the items with a number are in
    the issue, in the order of their numbers."""

    network = forms.ModelChoiceField(
        label=_("Network"), queryset=Network.objects.none(), empty_label=None
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Written in your language; translators see it in the network's queue."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        networks: QuerySet[Network] | None,
        candidates: Mapping[str, Sequence[Model]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if networks is None:  # editing: the network stays
            del self.fields["network"]
        else:
            self.fields["network"].queryset = networks  # type: ignore[attr-defined]
            del self.fields["version"]
        self.groups: list[dict[str, Any]] = []
        for kind, rows in candidates.items():
            source = sources.SOURCES[kind]
            names = []
            for row in rows:
                name = item_field_name(kind, row.pk)
                when = source.date(row)
                self.fields[name] = forms.IntegerField(
                    label=getattr(row, source.title_field),
                    required=False,
                    min_value=1,
                    max_value=999,
                    help_text=(
                        f"{sources.network_of(row).name}"
                        + (f" · {when:%Y-%m-%d}" if when is not None else "")
                    ),
                    widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                )
                names.append(name)
            self.groups.append({"label": source.label, "names": names})

    def group_fields(self) -> list[dict[str, Any]]:
        return [
            {"label": group["label"], "fields": [self[name] for name in group["names"]]}
            for group in self.groups
        ]

    def items(self) -> list[tuple[str, int]]:
        """The chosen items, (kind, id), in the order of their numbers (ties: as offered)."""
        chosen = []
        for position, (name, value) in enumerate(self.cleaned_data.items()):
            if name.startswith(ITEM_PREFIX) and value:
                kind, object_id = name.removeprefix(ITEM_PREFIX).rsplit("-", 1)
                chosen.append((value, position, kind, int(object_id)))
        return [(kind, object_id) for _value, _position, kind, object_id in sorted(chosen)]


class SendForm(HiddenStateMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class TestSendForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the test"), choices=settings.LANGUAGES)
