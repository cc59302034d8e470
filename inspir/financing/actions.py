"""The audit action codes financing writes, as the activity log reads them (see
`inspir/core/actions.py`). The log is read by those who hold `view_audit` on the network
(its coordinators), who also hold `view_budgets`: the amounts it lists are theirs to see."""

from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inspir.core.actions import (
    Field,
    model_field,
    register,
    register_group,
    register_link,
    register_reference,
)
from inspir.financing.models import Funder, FundingCall, FundingProposal


def _names(queryset: QuerySet[Any], ids: set[str], field: str) -> Mapping[str, str]:
    return {str(pk): str(name) for pk, name in queryset.filter(pk__in=ids).values_list("pk", field)}


def funder_links(user: Any, ids: set[str]) -> Mapping[str, str]:
    from inspir.financing.selectors.access import readable_funders

    return {
        str(pk): reverse("financing:funder_detail", args=[pk])
        for pk in readable_funders(user).filter(pk__in=ids).values_list("pk", flat=True)
    }


def proposal_links(user: Any, ids: set[str]) -> Mapping[str, str]:
    from inspir.financing.selectors.access import readable_proposals

    return {
        str(pk): reverse("financing:proposal_detail", args=[pk])
        for pk in readable_proposals(user).filter(pk__in=ids).values_list("pk", flat=True)
    }


def register_actions() -> None:
    register_group("financing", _("Financing"))
    register_group("financing.funder", _("Financing — funders"))
    register_group("financing.call", _("Financing — funding calls"))
    register_group("financing.proposal", _("Financing — funding proposals"))
    register_group("financing.document", _("Financing — proposal documents"))
    register_reference("funder", lambda ids: _names(Funder.objects.all(), ids, "name"))
    register_reference("funding_call", lambda ids: _names(FundingCall.objects.all(), ids, "title"))
    register_link("financing.funder", funder_links)
    register_link("financing.fundingproposal", proposal_links)
    funder_fields = {
        name: model_field(Funder, name) for name in ("name", "acronym", "kind", "url", "notes")
    }
    register(
        "financing.funder.created",
        sentence=_("%(actor)s added the funder %(object)s, followed by %(network)s"),
        fields=funder_fields,
    )
    register(
        "financing.funder.updated",
        sentence=_("%(actor)s changed the funder %(object)s"),
        fields=funder_fields,
    )
    call_fields = {
        name: model_field(FundingCall, name)
        for name in (
            "title",
            "description",
            "opens_on",
            "deadline",
            "url",
            "max_amount",
            "currency",
        )
    }
    register(
        "financing.call.created",
        sentence=_("%(actor)s added the funding call %(object)s"),
        fields=call_fields,
    )
    register(
        "financing.call.updated",
        sentence=_("%(actor)s changed the funding call %(object)s"),
        fields=call_fields,
    )
    proposal_fields = {
        name: model_field(FundingProposal, name)
        for name in (
            "title",
            "summary",
            "amount_requested",
            "currency",
            "deadline",
            "status",
            "submitted_on",
            "decided_on",
            "amount_granted",
        )
    }
    proposal_fields |= {
        "funder": model_field(FundingProposal, "funder", ref="funder"),
        "call": model_field(FundingProposal, "call", ref="funding_call"),
        "lead_organisation": model_field(FundingProposal, "lead_organisation", ref="organisation"),
        "partner_organisations": Field(_("partner organisations"), ref="organisation"),
        "team": Field(_("team"), ref="person"),
        "plan_actions": Field(_("plan actions it serves")),
    }
    register(
        "financing.proposal.created",
        sentence=_("%(actor)s started the funding proposal %(object)s of %(network)s"),
        fields=proposal_fields,
    )
    register(
        "financing.proposal.updated",
        sentence=_("%(actor)s changed the funding proposal %(object)s"),
        fields=proposal_fields,
    )
    register(
        "financing.proposal.moved",
        sentence=_("%(actor)s moved the funding proposal %(object)s along its pipeline"),
        fields=proposal_fields,
    )
    document_fields = {"name": Field(_("name")), "size": Field(_("size (bytes)"))}
    register(
        "financing.document.uploaded",
        sentence=_("%(actor)s added the document %(object)s to a funding proposal"),
        fields=document_fields,
    )
    register(
        "financing.document.deleted",
        sentence=_("%(actor)s removed the document %(object)s from a funding proposal"),
        fields=document_fields,
        link=False,
    )
