"""The audit action codes learning writes, as the activity log reads them (see
`inspir/core/actions.py`)."""

from django.utils.translation import gettext_lazy as _

from inspir.core.actions import Field, model_field, register, register_group
from inspir.learning.models import Attachment, Need, Resource


def register_actions() -> None:
    register_group("learning", _("Library"))
    register_group("learning.resource", _("Library — resources"))
    register_group("learning.attachment", _("Library — attachments"))
    register_group("learning.need", _("Library — needs and priorities"))
    resource_fields = {
        name: model_field(Resource, name)
        for name in ("kind", "title", "summary", "lessons", "starts_on", "ends_on", "place")
    }
    resource_fields |= {
        "networks_involved": Field(_("networks involved"), ref="network"),
        "organisations_involved": Field(_("organisations involved"), ref="organisation"),
        "branches": Field(_("branches of social security")),
        "principles": Field(_("policy principles")),
        "plan_actions": Field(_("plan actions it fulfils")),
        "needs": Field(_("needs it answers")),
    }
    register(
        "learning.resource.created",
        sentence=_("%(actor)s added the resource %(object)s to the library for %(network)s"),
        fields=resource_fields,
    )
    register(
        "learning.resource.updated",
        sentence=_("%(actor)s changed the resource %(object)s of the library"),
        fields=resource_fields,
    )
    attachment_fields = {
        "original_name": model_field(Attachment, "original_name"),
        "size": model_field(Attachment, "size"),
        "resource": Field(_("resource"), hidden=True),
    }
    register(
        "learning.attachment.uploaded",
        sentence=_("%(actor)s attached the file %(object)s to a resource of the library"),
        fields=attachment_fields,
    )
    register(
        "learning.attachment.deleted",
        sentence=_("%(actor)s removed the file %(object)s from a resource of the library"),
        fields=attachment_fields,
        link=False,
    )
    need_fields = {
        name: model_field(Need, name)
        for name in ("title", "description", "priority", "domain", "status")
    }
    register(
        "learning.need.created",
        sentence=_("%(actor)s recorded the need %(object)s of %(network)s"),
        fields=need_fields,
    )
    register(
        "learning.need.updated",
        sentence=_("%(actor)s changed the need %(object)s of %(network)s"),
        fields=need_fields,
    )
