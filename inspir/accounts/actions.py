"""The audit action codes accounts write, as the activity log reads them
(see `inspir/core/actions.py`)."""

from django.utils.translation import gettext_lazy as _

from inspir.accounts.models import Invitation
from inspir.core.actions import Field, model_field, register, register_group
from inspir.network.models import Person


def register_actions() -> None:
    register_group("accounts", _("Accounts"))
    register_group("accounts.administrator", _("Accounts — administrator"))
    register_group("accounts.authenticator_secrets", _("Accounts — authenticator secrets"))
    register_group("accounts.profile", _("Accounts — profiles"))
    register(
        "accounts.administrator.created",
        sentence=_(
            "%(actor)s created the first administrator, %(object)s, coordinator of %(network)s"
        ),
    )
    register(
        "accounts.administrator.password_link_issued",
        sentence=_("%(actor)s issued a link for the administrator %(object)s to choose a password"),
    )
    register(
        "accounts.authenticator_secrets.encrypted",
        sentence=_("%(actor)s encrypted the stored authenticator secrets"),
        fields={"authenticators_encrypted": Field(_("authenticators encrypted"))},
    )
    register(
        "accounts.user.erased",
        sentence=_("%(actor)s erased the account %(object)s"),
        link=False,
    )
    invitation = {
        "email": model_field(Invitation, "email"),
        "role": model_field(Invitation, "role"),
    }
    register(
        "accounts.invitation.created",
        sentence=_("%(actor)s invited %(email)s to %(network)s as %(role)s"),
        fields=invitation,
    )
    register(
        "accounts.invitation.accepted",
        sentence=_("%(actor)s accepted the invitation to %(network)s as %(role)s"),
        fields=invitation,
    )
    register(
        "accounts.invitation.revoked",
        sentence=_("%(actor)s revoked the invitation %(object)s"),
        fields=invitation,
    )
    profile = {
        "name": model_field(Person, "name"),
        "organisation": model_field(Person, "organisation", ref="organisation"),
        "country": model_field(Person, "country", ref="country"),
        "time_zone": model_field(Person, "time_zone"),
        "languages": model_field(Person, "languages"),
        "phone": model_field(Person, "phone"),
    }
    register(
        "accounts.profile.created",
        sentence=_("%(actor)s completed their profile in %(network)s"),
        fields=profile,
    )
    register(
        "accounts.profile.updated",
        sentence=_("%(actor)s updated their profile"),
        fields=profile,
    )
