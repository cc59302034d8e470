"""The audit action codes the website writes, as the activity log reads them (see
`inspir/core/actions.py`)."""

from django.utils.translation import gettext_lazy as _

from inspir.core.actions import Field, model_field, register, register_group
from inspir.website.models import Post


def register_actions() -> None:
    register_group("website", _("Website"))
    register_group("website.post", _("Website — posts"))
    fields = {
        name: model_field(Post, name)
        for name in ("title", "summary", "body", "image_alt", "status", "publish_at")
    }
    fields["image"] = Field(_("picture"))
    register(
        "website.post.created",
        sentence=_("%(actor)s wrote the post %(object)s of %(network)s"),
        fields=fields,
    )
    register(
        "website.post.updated",
        sentence=_("%(actor)s changed the post %(object)s"),
        fields=fields,
    )
    register(
        "website.post.published",
        sentence=_("%(actor)s published the post %(object)s"),
        fields=fields,
    )
    register(
        "website.post.scheduled",
        sentence=_("%(actor)s scheduled the post %(object)s"),
        fields=fields,
    )
    register(
        "website.post.unpublished",
        sentence=_("%(actor)s took the post %(object)s off the website"),
        fields=fields,
    )
