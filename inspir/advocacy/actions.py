"""The audit action codes advocacy writes, as the activity log reads them (see
`inspir/core/actions.py`)."""

from django.utils.translation import gettext_lazy as _

from inspir.advocacy.models import Alliance, Campaign, Position, Submission
from inspir.core.actions import Field, model_field, register, register_group


def register_actions() -> None:
    register_group("advocacy", _("Advocacy"))
    register_group("advocacy.position", _("Advocacy — positions"))
    register_group("advocacy.submission", _("Advocacy — submissions"))
    register_group("advocacy.campaign", _("Advocacy — campaigns"))
    register_group("advocacy.alliance", _("Advocacy — alliances"))
    position_fields = {
        name: model_field(Position, name)
        for name in ("title", "summary", "body", "demand_list", "status", "adopted_on")
    }
    position_fields |= {
        "decision": model_field(Position, "decision", ref="decision"),
        "published_at": model_field(Position, "published_at"),
        "endorsing_networks": Field(_("endorsing networks"), ref="network"),
        "plan_actions": Field(_("plan actions it serves")),
    }
    register(
        "advocacy.position.created",
        sentence=_("%(actor)s drafted the position %(object)s of %(network)s"),
        fields=position_fields,
    )
    register(
        "advocacy.position.updated",
        sentence=_("%(actor)s changed the position %(object)s"),
        fields=position_fields,
    )
    register(
        "advocacy.position.adopted",
        sentence=_("%(actor)s recorded the adoption of the position %(object)s"),
        fields=position_fields,
    )
    register(
        "advocacy.position.published",
        sentence=_("%(actor)s published the position %(object)s"),
        fields=position_fields,
    )
    register(
        "advocacy.position.unpublished",
        sentence=_("%(actor)s made the position %(object)s for the members only"),
        fields=position_fields,
    )
    register(
        "advocacy.position.archived",
        sentence=_("%(actor)s archived the position %(object)s"),
        fields=position_fields,
    )
    submission_fields = {
        name: model_field(Submission, name)
        for name in (
            "target_name",
            "submitted_on",
            "channel",
            "ally",
            "outcome",
            "outcome_notes",
            "follow_up",
            "follow_up_on",
        )
    }
    submission_fields |= {
        "stakeholder": model_field(Submission, "stakeholder"),
        "alliance": model_field(Submission, "alliance"),
        "position": Field(_("position"), hidden=True),
    }
    register(
        "advocacy.submission.created",
        sentence=_("%(actor)s recorded a submission to %(object)s of a position of %(network)s"),
        fields=submission_fields,
    )
    register(
        "advocacy.submission.updated",
        sentence=_("%(actor)s changed the submission to %(object)s"),
        fields=submission_fields,
    )
    register(
        "advocacy.submission.outcome_recorded",
        sentence=_("%(actor)s recorded what came of the submission to %(object)s"),
        fields=submission_fields,
    )
    campaign_fields = {
        name: model_field(Campaign, name)
        for name in ("title", "description", "kind", "starts_on", "ends_on", "url")
    }
    campaign_fields |= {
        "participants": Field(_("networks taking part"), ref="network"),
        "positions": Field(_("positions")),
    }
    register(
        "advocacy.campaign.created",
        sentence=_("%(actor)s added the campaign %(object)s of %(network)s"),
        fields=campaign_fields,
    )
    register(
        "advocacy.campaign.updated",
        sentence=_("%(actor)s changed the campaign %(object)s"),
        fields=campaign_fields,
    )
    alliance_fields = {
        name: model_field(Alliance, name)
        for name in ("name", "acronym", "url", "joined_on", "brings", "gets")
    }
    register(
        "advocacy.alliance.created",
        sentence=_("%(actor)s recorded that %(network)s is a member of %(object)s"),
        fields=alliance_fields,
    )
    register(
        "advocacy.alliance.updated",
        sentence=_("%(actor)s changed the alliance %(object)s"),
        fields=alliance_fields,
    )
