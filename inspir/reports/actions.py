"""The audit action codes the annual report writes, as the activity log reads them (see
`inspir/core/actions.py`)."""

from django.utils.translation import gettext_lazy as _

from inspir.core.actions import Field, model_field, register, register_group
from inspir.reports.models import ReportText


def register_actions() -> None:
    register_group("reports", _("Annual reports"))
    register_group("reports.text", _("Annual reports — texts"))
    register_group("reports.edition", _("Annual reports — editions"))
    texts = {name: model_field(ReportText, name) for name in ("introduction", "credits")}
    texts["year"] = Field(_("year"))
    register(
        "reports.text.updated",
        sentence=_("%(actor)s changed the texts of the annual report %(object)s"),
        fields=texts,
    )
    editions = {
        "year": Field(_("year")),
        "language": Field(_("language")),
        "fingerprint": Field(_("fingerprint")),
    }
    register(
        "reports.edition.requested",
        sentence=_("%(actor)s asked for a new edition of the annual report of %(network)s"),
        fields=editions,
    )
    register(
        "reports.edition.published",
        sentence=_("%(actor)s published an edition of the annual report of %(network)s"),
        fields=editions,
    )
    register(
        "reports.edition.withdrawn",
        sentence=_("%(actor)s withdrew an edition of the annual report of %(network)s"),
        fields=editions,
    )
