"""The audit action codes the newsletter writes, as the activity log reads them (see
`inspir/core/actions.py`). Subscribers' own acts (subscribing, confirming, unsubscribing)
are recorded on their subscription and consents, not in the log, which would keep their
address after they left."""

from django.utils.translation import gettext_lazy as _

from inspir.core.actions import Field, model_field, register, register_group
from inspir.newsletters.models import Issue


def register_actions() -> None:
    register_group("newsletters", _("Newsletter"))
    register_group("newsletters.issue", _("Newsletter — issues"))
    fields = {name: model_field(Issue, name) for name in ("title", "introduction", "status")}
    fields |= {
        "items": Field(_("items")),
        "language": Field(_("language")),
    }
    register(
        "newsletters.issue.created",
        sentence=_("%(actor)s composed the newsletter issue %(object)s of %(network)s"),
        fields=fields,
    )
    register(
        "newsletters.issue.updated",
        sentence=_("%(actor)s changed the newsletter issue %(object)s"),
        fields=fields,
    )
    register(
        "newsletters.issue.test_sent",
        sentence=_("%(actor)s sent themselves a test of the newsletter issue %(object)s"),
        fields=fields,
    )
    register(
        "newsletters.issue.send_requested",
        sentence=_("%(actor)s sent the newsletter issue %(object)s to its subscribers"),
        fields=fields,
    )
    register(
        "newsletters.issue.sent",
        sentence=_("The newsletter issue %(object)s was handed over to every subscriber"),
        fields=fields,
    )
