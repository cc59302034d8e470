"""Reads of campaigns and alliances as their pages show them."""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet

from inspir.accounts.permissions import AnyUser
from inspir.advocacy import rules
from inspir.advocacy.models import Alliance, Campaign, Position
from inspir.advocacy.selectors.access import (
    readable_alliances,
    readable_campaigns,
    readable_positions,
    written_positions,
)
from inspir.core.collation import name_order
from inspir.governance.selectors.texts import read_texts
from inspir.network.models import Network, top_down


def campaign_page(user: AnyUser, *, page: str | None) -> Page:
    """A page of the campaigns the reader reads, latest first, with their titles: four
    queries whatever their number (and one for the participants of the page's campaigns)."""
    ordered = (
        readable_campaigns(user)
        .select_related("network")
        .prefetch_related(
            Prefetch("participants", queryset=Network.objects.order_by(top_down(), name_order()))
        )
        .order_by("-starts_on", "-pk")
    )
    listed = Paginator(ordered, rules.PAGE_SIZE).get_page(page)
    listed.object_list = list(listed.object_list)
    read_texts((campaign, "title") for campaign in listed.object_list)
    return listed


@dataclass(frozen=True)
class CampaignPage:
    campaign: Campaign
    participants: list[Network]
    positions: list[Position]


def campaign_for_reader(*, user: AnyUser, pk: int) -> CampaignPage:
    campaign = (
        readable_campaigns(user)
        .select_related("network")
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=Network.objects.order_by(top_down(), name_order(), "pk"),
            )
        )
        .get(pk=pk)
    )
    positions = list(
        readable_positions(user)
        .filter(campaigns=campaign)
        .select_related("network")
        .order_by("-created_at", "-pk")[: rules.SHOWN_ON_POSITION]
    )
    read_texts(
        [
            (campaign, "title"),
            (campaign, "description"),
            *((position, "title") for position in positions),
        ]
    )
    return CampaignPage(
        campaign=campaign, participants=list(campaign.participants.all()), positions=positions
    )


def alliance_page(user: AnyUser, *, page: str | None) -> Page:
    ordered = (
        readable_alliances(user)
        .select_related("network")
        .order_by(top_down("network__"), "network__pk", "name", "pk")
    )
    listed = Paginator(ordered, rules.PAGE_SIZE).get_page(page)
    listed.object_list = list(listed.object_list)
    read_texts((alliance, field) for alliance in listed.object_list for field in ("brings", "gets"))
    return listed


def campaign_choices(user: AnyUser, network: Network | None) -> dict[str, QuerySet[Any]]:
    """The networks that may take part (every network), and the positions of the campaign's
    network (every network's the reader writes for, for a new one)."""
    networks = Network.objects.order_by(top_down(), name_order(), "pk")
    if network is not None:
        positions = readable_positions(user).filter(network=network)
    else:
        positions = written_positions(user)
    return {
        "networks": networks,
        "positions": positions.select_related("network").order_by("-created_at", "-pk"),
    }


def alliance_for(queryset: QuerySet[Alliance], pk: int) -> Alliance:
    return queryset.select_related("network").get(pk=pk)
