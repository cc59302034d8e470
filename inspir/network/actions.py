"""The audit action codes the network registry writes, as the activity log reads them, and
how the log names networks, countries and people and links to organisations
(see `inspir/core/actions.py`)."""

from collections.abc import Mapping
from typing import Any

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
from inspir.network.models import Country, Network, Organisation, Person


def network_names(ids: set[str]) -> Mapping[str, str]:
    return {
        str(pk): name for pk, name in Network.objects.filter(pk__in=ids).values_list("pk", "name")
    }


def network_names_by_slug(slugs: set[str]) -> Mapping[str, str]:
    return dict(Network.objects.filter(slug__in=slugs).values_list("slug", "name"))


def country_names(ids: set[str]) -> Mapping[str, str]:
    return {str(country.pk): country.name for country in Country.objects.filter(pk__in=ids)}


def person_names(ids: set[str]) -> Mapping[str, str]:
    return {
        str(pk): name for pk, name in Person.objects.filter(pk__in=ids).values_list("pk", "name")
    }


def organisation_names(ids: set[str]) -> Mapping[str, str]:
    return {
        str(organisation.pk): str(organisation)
        for organisation in Organisation.objects.filter(pk__in=ids)
    }


def organisation_links(user: Any, ids: set[str]) -> Mapping[str, str]:
    """Organisations' pages are public: every one that still exists is linked."""
    return {
        str(pk): reverse("network:organisation_detail", args=[slug])
        for pk, slug in Organisation.objects.filter(pk__in=ids).values_list("pk", "slug")
    }


# Entries written before descriptions moved to one field (decision 0027) name a column per
# language; they still read.
DESCRIPTIONS_BEFORE_0027 = {
    "description_fr": Field(_("description (French)")),
    "description_en": Field(_("description (English)")),
    "description_es": Field(_("description (Spanish)")),
}


def register_actions() -> None:
    register_group("network", _("Network registry"))
    register_group("network.founding", _("Network registry — founding data"))
    register_reference("network", network_names)
    register_reference("network_slug", network_names_by_slug)
    register_reference("country", country_names)
    register_reference("person", person_names)
    register_reference("organisation", organisation_names)
    register_link("network.organisation", organisation_links)
    organisation_fields = {
        name: model_field(Organisation, name)
        for name in (
            "name",
            "acronym",
            "kind",
            "is_social_movement",
            "beneficiaries",
            "beneficiaries_year",
            "website",
            "description",
            "languages",
        )
    }
    register(
        "network.organisation.updated",
        sentence=_("%(actor)s updated the organisation %(object)s"),
        fields={
            **organisation_fields,
            **DESCRIPTIONS_BEFORE_0027,
            "country": model_field(Organisation, "country", ref="country"),
        },
    )
    register(
        "network.network.updated",
        sentence=_("%(actor)s updated the page of the network %(object)s"),
        fields={"description": model_field(Network, "description"), **DESCRIPTIONS_BEFORE_0027},
    )
    register(
        "network.founding.loaded",
        sentence=_("%(actor)s loaded the networks and organisations the network was founded with"),
        fields={
            "networks": Field(_("networks added")),
            "organisations": Field(_("organisations added")),
        },
    )
