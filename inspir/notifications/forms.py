from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from inspir.notifications.kinds import notice_kinds
from inspir.notifications.models import Delivery

PREFIX = "kind-"


class PreferencesForm(forms.Form):
    """How the reader wants each kind of notice, and the hour of their daily digest."""

    digest_hour = forms.TypedChoiceField(
        label=_("Hour of the daily digest"),
        choices=[(hour, f"{hour:02d}:00") for hour in range(24)],
        coerce=int,
    )

    def __init__(self, *args: Any, zone: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["digest_hour"].help_text = _(
            "In your time zone (%(zone)s). The digest gathers the notices of the day, if any."
        ) % {"zone": zone}
        for kind in notice_kinds():
            self.fields[PREFIX + kind.code] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                widget=forms.RadioSelect,
                initial=kind.default_delivery,
                # A kind left out (a page older than the kind) keeps its delivery.
                required=False,
            )
        # The kinds first, the hour last.
        self.order_fields([name for name in self.fields if name != "digest_hour"])

    def deliveries(self) -> dict[str, str]:
        return {
            name.removeprefix(PREFIX): value
            for name, value in self.cleaned_data.items()
            if name.startswith(PREFIX) and value
        }
