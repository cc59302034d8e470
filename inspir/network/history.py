"""The organisation profile's change history (`inspir.core.history`): every saved state of
the fields its edit form changes can be read, compared and restored by those who may edit
the profile."""

from typing import Any

from django.utils.translation import gettext as _

from inspir.accounts.permissions import Action, organisations_where
from inspir.core import history
from inspir.network.models import Network, Organisation
from inspir.network.services import EDITABLE_ORGANISATION_FIELDS, organisation_update


def _restore(
    organisation: Organisation, *, actor: Any, version: int, values: dict[str, Any]
) -> Organisation:
    return organisation_update(organisation=organisation, actor=actor, version=version, data=values)


def _network(organisation: Organisation) -> Network | None:
    membership = organisation.memberships.select_related("network").order_by("pk").first()
    return membership.network if membership else None


def register_history() -> None:
    history.register(
        history.Tracked(
            name="organisation",
            model=Organisation,
            fields=EDITABLE_ORGANISATION_FIELDS,
            title=lambda organisation: (
                _("Profile of %(organisation)s") % {"organisation": organisation.name}
            ),
            editable=lambda user: organisations_where(user, Action.EDIT_ORGANISATION),
            restore=_restore,
            back_url=lambda organisation: organisation.get_absolute_url(),
            network=_network,
        )
    )
