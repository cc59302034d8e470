"""Learning's change history (`inspir.core.history`): every saved state of a resource, its
links included, can be read against the others and restored by those who write it."""

from typing import Any

from django.utils.translation import gettext as _

from inspir.core import history
from inspir.learning.models import Resource
from inspir.learning.rules import TRACKED_RESOURCE_FIELDS
from inspir.learning.selectors.access import writable_resources

HISTORY_NAME = "library-resource"


def _restore(resource: Resource, *, actor: Any, version: int, values: dict[str, Any]) -> Resource:
    from inspir.learning.services.resources import resource_update

    return resource_update(resource=resource, actor=actor, version=version, data=values)


def register_history() -> None:
    history.register(
        history.Tracked(
            name=HISTORY_NAME,
            model=Resource,
            fields=TRACKED_RESOURCE_FIELDS,
            title=lambda resource: _("Library resource: %(title)s") % {"title": resource.title},
            editable=lambda user: writable_resources(user).select_related("network"),
            restore=_restore,
            back_url=lambda resource: resource.get_absolute_url(),
            network=lambda resource: resource.network,
        )
    )
