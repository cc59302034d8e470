"""The network registry's sections of the annual report (`core/report_sections.py`).

- `network.figures` (opening): the key figures of the network and those below it on 31
  December (members, social movements, strategic partners, networks, direct beneficiaries,
  countries), which the report gathers on its key-figures page, and the members by kind of
  organisation as a chart with its table.
- `network.members` (opening): the members per network directly below (for the
  intercontinental network, per continental network: each branch's organisations counted once)
  as a chart with its table, and the members map: the countries with member organisations
  that day.

Both count as of the year's end (`scope.end`): the networks that existed that day, the
memberships current that day, each organisation's latest figure of beneficiaries for that
year or before; a later year's data leaves them as they were. Each returns plain data in the
active language, or None when the network had no member organisation that day."""

from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from inspir.core.report_sections import (
    Part,
    ReportScope,
    ReportSection,
    figure,
    register_report_section,
)
from inspir.network.models import Level, Network
from inspir.network.selectors import (
    KeyFigures,
    countries_with_members,
    key_figures,
    members_by_branch,
    members_by_kind,
)

# The figures that say something at each level: a national network has no strategic
# partners nor networks below it, a continental network no continental networks.
FIGURES_OF_LEVEL = {
    Level.INTERCONTINENTAL: (
        "member_organisations",
        "social_movements",
        "strategic_partners",
        "national_networks",
        "continental_networks",
        "direct_beneficiaries",
        "countries",
    ),
    Level.CONTINENTAL: (
        "member_organisations",
        "social_movements",
        "strategic_partners",
        "national_networks",
        "direct_beneficiaries",
        "countries",
    ),
    Level.NATIONAL: (
        "member_organisations",
        "social_movements",
        "direct_beneficiaries",
        "countries",
    ),
}


def _network_of(scope: ReportScope) -> Network | None:
    """The report's network, if it existed on the year's last day."""
    return Network.objects.existing(scope.end).filter(pk=scope.network_id).first()


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


# Left out when nought: a network with no national network below it (Belgium/Europe) says
# nothing by "0 national networks", and "0 direct beneficiaries" would be untrue when no
# organisation gave a figure.
LEFT_OUT_WHEN_NOUGHT = frozenset(
    {"strategic_partners", "national_networks", "continental_networks", "direct_beneficiaries"}
)


def _figures_data(figures: KeyFigures, level: str) -> list[dict[str, Any]]:
    shown = FIGURES_OF_LEVEL.get(Level(level), FIGURES_OF_LEVEL[Level.NATIONAL])
    return [
        figure(one.key, one.value, one.label)
        for one in figures.as_list()
        if one.key in shown and (one.value or one.key not in LEFT_OUT_WHEN_NOUGHT)
    ]


def collect_figures(scope: ReportScope) -> dict[str, Any] | None:
    """The key figures on 31 December, and the members by kind of organisation."""
    network = _network_of(scope)
    if network is None:
        return None
    figures = key_figures(on=scope.end, network_ids=scope.network_ids)
    if not figures.member_organisations:
        return None
    kinds = members_by_kind(on=scope.end, network_ids=scope.network_ids)
    return {
        "network": network.name,
        "on": date_format(scope.end, "DATE_FORMAT"),
        "figures": _figures_data(figures, network.level),
        "member_organisations": figures.member_organisations,
        "social_movements": figures.social_movements,
        "countries": figures.countries,
        "direct_beneficiaries": figures.direct_beneficiaries,
        "kinds": [
            {
                "kind": kind.kind,
                "label": str(kind.label),
                "value": kind.organisations,
                "percent": _percent(kind.organisations, figures.member_organisations),
            }
            for kind in kinds
        ],
        "kinds_max": max(kind.organisations for kind in kinds),
    }


def collect_members(scope: ReportScope) -> dict[str, Any] | None:
    """The members per network below, and the countries they are in (the map)."""
    network = _network_of(scope)
    if network is None:
        return None
    presence = countries_with_members(on=scope.end, network_ids=scope.network_ids)
    if not presence:
        return None
    total = sum(item.organisations for item in presence)  # an organisation has one country
    branches: list[dict[str, Any]] = [
        {
            # None: the members of the report's network itself, not of a network below it.
            "label": branch.network.name
            if branch.network
            else gettext("Members of %(network)s itself") % {"network": network.name},
            "own": branch.network is None,
            "value": branch.organisations,
            "social_movements": branch.social_movements,
        }
        for branch in members_by_branch(network=network, on=scope.end)
    ]
    # A network with none below it (a national one) has nothing to break down.
    if not any(not branch["own"] for branch in branches):
        branches = []
    return {
        "network": network.name,
        "level": network.level,
        "on": date_format(scope.end, "DATE_FORMAT"),
        "member_organisations": total,
        "branches": branches,
        "branches_max": max((branch["value"] for branch in branches), default=0),
        # An organisation member in two branches is in each: the rows then add up to more.
        "counted_in_two": sum(branch["value"] for branch in branches) > total,
        "countries": [
            {
                "code": item.country.code,
                "name": item.country.name,
                "organisations": item.organisations,
                "social_movements": item.social_movements,
            }
            for item in presence
        ],
    }


def register_report_sections() -> None:
    register_report_section(
        ReportSection(
            key="network.figures",
            part=Part.OPENING,
            order=20,
            title=_("The network in figures"),
            collect=collect_figures,
            template="network/report/figures.html",
        )
    )
    register_report_section(
        ReportSection(
            key="network.members",
            part=Part.OPENING,
            order=30,
            title=_("Members and where they are"),
            collect=collect_members,
            template="network/report/members.html",
        )
    )
