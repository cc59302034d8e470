"""The change histories of the organisation profile and of a network's page
(`inspir.core.history`): every saved state of the fields their edit forms change can be read,
compared and restored by those who may edit them."""

from typing import Any

from django.utils.translation import gettext as _

from inspir.accounts.permissions import Action, networks_where, organisations_where
from inspir.core import history
from inspir.network.models import Network, Organisation
from inspir.network.rules import EDITABLE_NETWORK_FIELDS
from inspir.network.services import (
    EDITABLE_ORGANISATION_FIELDS,
    network_update,
    organisation_update,
)


def _restore(
    organisation: Organisation, *, actor: Any, version: int, values: dict[str, Any]
) -> Organisation:
    return organisation_update(organisation=organisation, actor=actor, version=version, data=values)


def _network(organisation: Organisation) -> Network | None:
    membership = organisation.memberships.select_related("network").order_by("pk").first()
    return membership.network if membership else None


def _restore_page(network: Network, *, actor: Any, version: int, values: dict[str, Any]) -> Network:
    return network_update(network=network, actor=actor, version=version, data=values)


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
    history.register(
        history.Tracked(
            name="network",
            model=Network,
            fields=EDITABLE_NETWORK_FIELDS,
            title=lambda network: _("Page of %(network)s") % {"network": network.name},
            editable=lambda user: networks_where(user, Action.EDIT_CONTENT),
            restore=_restore_page,
            back_url=lambda network: network.get_absolute_url(),
            network=lambda network: network,
        )
    )
