"""The audit action codes core writes, as the activity log reads them (see `core/actions.py`)."""

from django.utils.translation import gettext_lazy as _

from inspir.core.actions import Field, model_field, register, register_group
from inspir.core.models import OutgoingEmail


def register_actions() -> None:
    register_group("core", _("Platform"))
    register_group("core.email", _("Platform — e-mail"))
    register_group("core.revision", _("Platform — change history"))
    register(
        "core.revision.restored",
        sentence=_("%(actor)s restored version %(restored_version)s of %(object)s"),
        fields={
            "restored_version": Field(_("version restored"), hidden=True),
            "version": Field(_("version")),
        },
    )
    register(
        "core.email.resent",
        sentence=_("%(actor)s sent the undelivered e-mail %(object)s again"),
        fields={
            "status": model_field(OutgoingEmail, "status"),
            "resent_as": Field(_("sent again as message"), hidden=True),
        },
        link=False,
    )
    register(
        "core.email.dismissed",
        sentence=_("%(actor)s set aside the undelivered e-mail %(object)s"),
        fields={"set_aside": Field(_("set aside"))},
        link=False,
    )
