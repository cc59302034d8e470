"""The audit action codes planning writes, as the activity log reads them (see
`inspir/core/actions.py`)."""

from django.utils.translation import gettext_lazy as _

from inspir.core.actions import Field, model_field, register, register_group
from inspir.planning.models import Assessment, PlanAction, Stakeholder, Suggestion


def register_actions() -> None:
    register_group("planning", _("Planning"))
    register_group("planning.action", _("Planning — actions"))
    register_group("planning.suggestion", _("Planning — suggestions"))
    register_group("planning.period", _("Planning — periods"))
    register_group("planning.context", _("Planning — context analysis"))
    register_group("planning.stakeholder", _("Planning — stakeholders"))
    action_fields = {
        name: model_field(PlanAction, name)
        for name in ("title", "description", "domain", "status", "progress", "starts_on", "ends_on")
    }
    action_fields |= {
        "lead_network": model_field(PlanAction, "lead_network", ref="network"),
        "lead_organisation": model_field(PlanAction, "lead_organisation", ref="organisation"),
        "lead_person": model_field(PlanAction, "lead_person", ref="person"),
        "decisions": Field(_("decisions"), ref="decision"),
        "meetings": Field(_("meetings"), ref="meeting"),
        "stakeholders": Field(_("stakeholders targeted")),
        "strengthens": Field(_("strengthens")),
        "partner_networks": Field(_("partner networks"), ref="network"),
        "partner_organisations": Field(_("partner organisations"), ref="organisation"),
        "suggestion": Field(_("suggestion"), hidden=True),
    }
    register(
        "planning.action.created",
        sentence=_("%(actor)s added the action %(object)s to the plan of %(network)s"),
        fields=action_fields,
    )
    register(
        "planning.action.updated",
        sentence=_("%(actor)s changed the action %(object)s"),
        fields=action_fields,
    )
    register(
        "planning.action.indicators_updated",
        sentence=_("%(actor)s updated the indicators of the action %(object)s"),
        fields={
            "added": Field(_("indicators added")),
            "changed": Field(_("indicators changed")),
            "removed": Field(_("indicators removed")),
        },
    )
    suggestion_fields = {
        "kind": model_field(Suggestion, "kind"),
        "title": model_field(Suggestion, "title"),
        "answer": model_field(Suggestion, "answer"),
        "from_network": model_field(Suggestion, "from_network", ref="network"),
    }
    register(
        "planning.suggestion.made",
        sentence=_("%(actor)s made a suggestion to the plan of %(network)s"),
        fields=suggestion_fields,
    )
    register(
        "planning.suggestion.accepted",
        sentence=_("%(actor)s accepted a suggestion to the plan of %(network)s"),
        fields=suggestion_fields,
    )
    register(
        "planning.suggestion.merged",
        sentence=_("%(actor)s merged a suggestion into an action of %(network)s"),
        fields=suggestion_fields,
    )
    register(
        "planning.suggestion.declined",
        sentence=_("%(actor)s declined a suggestion to the plan of %(network)s"),
        fields=suggestion_fields,
    )
    register(
        "planning.period.created",
        sentence=_("%(actor)s opened the plan period %(object)s"),
        fields={"starts_on": Field(_("starts on")), "ends_on": Field(_("ends on"))},
    )
    register(
        "planning.context.updated",
        sentence=_("%(actor)s updated the context analysis of %(network)s"),
        fields={"text": Field(_("context analysis"))},
    )
    stakeholder_fields = {
        name: model_field(Stakeholder, name)
        for name in ("name", "kind", "level", "interest", "notes", "influence", "stance")
    }
    register(
        "planning.stakeholder.created",
        sentence=_("%(actor)s added the stakeholder %(object)s to the analysis of %(network)s"),
        fields=stakeholder_fields,
    )
    register(
        "planning.stakeholder.updated",
        sentence=_("%(actor)s changed the stakeholder %(object)s"),
        fields=stakeholder_fields,
    )
    register(
        "planning.stakeholder.assessed",
        sentence=_("%(actor)s assessed the stakeholder %(object)s"),
        fields={
            "assessed_on": model_field(Assessment, "assessed_on"),
            "influence": model_field(Assessment, "influence"),
            "stance": model_field(Assessment, "stance"),
        },
    )
