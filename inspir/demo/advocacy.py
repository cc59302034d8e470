"""The demo's advocacy (`inspir.advocacy`): the 2020 positions of the report, where they
were taken, the European "No profit on pandemic" campaign and the coalitions the network
belongs to.

In 2020 the intercontinental network adopted two positions at its annual review (10
December, the activity's decisions): on COVID-19 (inequalities in health care — protective
equipment, reliable tests, safe vaccination; the transparency and ethics of vaccines; clear
and reliable information) and in support of a Global Fund for Social Protection with its
indispensable criteria, which went to the UN Special Rapporteur on extreme poverty and human
rights (Olivier De Schutter) and were relayed by the GCSPF to the G20. The coordinating
organisation is a member of USP2030 and of the GCSPF. The facts come from the 2020 report
(DOMAIN.md); the wording, dates and outcomes are plausible choices written for the demo.

Rows are written directly, as elsewhere in the demo (no e-mails, no audit entries), keyed
on their network and title or name, so that loading again updates them in place.
`advocacy_scale` and `advocacy_scaled_remove` are the scale generator's part (scale.py)."""

import datetime
import itertools
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models

from inspir.accounts.models import User
from inspir.advocacy.models import (
    Alliance,
    Campaign,
    CampaignKind,
    Channel,
    Demand,
    Outcome,
    Position,
    PositionStatus,
    Submission,
)
from inspir.advocacy.rules import TRACKED_POSITION_FIELDS
from inspir.core import history
from inspir.core.models import Revision, TextOriginal
from inspir.demo import data
from inspir.demo.planning import texts_copy
from inspir.governance.models import Decision
from inspir.network.models import Network, Person
from inspir.planning.models import Stakeholder

UTC = datetime.UTC
PUBLISHED = datetime.datetime(2020, 12, 15, 9, 0, tzinfo=UTC)

FUND_TITLE = "Global Fund for Social Protection: the network's criteria"
COVID_TITLE = "COVID-19: equal access to health care and to vaccines"
FUND_DECISION = "Support a Global Fund for Social Protection"
COVID_DECISION = "Position sur la COVID-19 : égal accès aux soins et aux vaccins"

FUND_DEMANDS = (
    "Rights-based: the Fund helps countries guarantee social protection as a right, "
    "anchored in national law, never as charity.",
    "It complements national resources and never replaces them: countries keep building "
    "fair taxation and social contributions.",
    "It finances social protection floors for everyone, informal and precarious workers "
    "included, over the whole life cycle.",
    "Its funding is predictable and long-term, so that benefits do not stop when a crisis "
    "ends or a donor leaves.",
    "Civil society, trade unions and social movements take part in its governance, at "
    "global and national level.",
    "It is transparent and accountable: its decisions, its funding and their results are public.",
)
COVID_DEMANDS = (
    "Protective equipment for every health and care worker, formal or informal.",
    "Reliable tests within everyone's reach, free of charge.",
    "Safe vaccination for everyone, in every country, without profit on the pandemic.",
    "Transparency and ethics in vaccine contracts: prices, liabilities and patents made public.",
    "Clear and reliable information for the population, in its own languages.",
)

CONTINENTS = (
    data.WEST_AFRICA,
    data.CENTRAL_AFRICA,
    data.LATIN_AMERICA,
    data.ASIA,
    data.BELGIUM_EUROPE,
)


@dataclass(frozen=True)
class AdvocacySummary:
    positions: int
    submissions: int
    campaigns: int
    alliances: int


def _creator() -> User | None:
    return User.objects.filter(email=f"coordinator@{data.EMAIL_DOMAIN}").first()


def _alliances(top: Network, creator: User | None) -> dict[str, Alliance]:
    specs = {
        "USP2030": (
            "Global Partnership for Universal Social Protection",
            "https://usp2030.org",
            datetime.date(2019, 2, 5),
            "The voice of social movements and of the workers social protection leaves "
            "out, from 24 countries.",
            "A seat where governments, the ILO, the World Bank and civil society meet, and "
            "early news of their commitments.",
        ),
        "GCSPF": (
            "Global Coalition for Social Protection Floors",
            "https://www.socialprotectionfloorscoalition.org",
            datetime.date(2018, 6, 1),
            "Testimonies from the ground and the network's criteria for a Global Fund for "
            "Social Protection.",
            "A way to the G20 and the UN: the coalition relays its members' positions.",
        ),
    }
    found = {}
    for acronym, (name, url, joined_on, brings, gets) in specs.items():
        alliance, _created = Alliance.objects.update_or_create(
            network=top,
            name=name,
            defaults={
                "acronym": acronym,
                "url": url,
                "joined_on": joined_on,
                "brings": brings,
                "gets": gets,
                "created_by": creator,
            },
        )
        found[acronym] = alliance
    return found


def _position(
    *,
    network: Network,
    title: str,
    summary: str,
    body: str,
    demands: tuple[str, ...],
    decision: Decision | None,
    endorsing: list[Network],
    creator: User | None,
) -> Position:
    adopted = decision is not None
    position, _created = Position.objects.update_or_create(
        network=network,
        title=title,
        defaults={
            "summary": summary,
            "body": body,
            "status": PositionStatus.ADOPTED if adopted else PositionStatus.DRAFT,
            "decision": decision,
            "adopted_on": decision.decided_at.date() if decision is not None else None,
            "published_at": PUBLISHED if adopted else None,
            "demand_list": "\n".join(demands),
            "created_by": creator,
        },
    )
    for order, text in enumerate(demands, start=1):
        Demand.objects.update_or_create(position=position, order=order, defaults={"text": text})
    Demand.objects.filter(position=position, order__gt=len(demands)).delete()
    position.endorsing_networks.set(endorsing)
    # Its first state starts its history (core/history.py), once.
    if not history.revisions(position).exists():
        history.record(position, actor=creator, fields=TRACKED_POSITION_FIELDS)
    return position


def _submission(position: Position, *, target: str, **values: object) -> Submission:
    submission, _created = Submission.objects.update_or_create(
        position=position, target_name=target, defaults=values
    )
    return submission


def advocacy_load(networks: dict[str, Network], people: dict[str, Person]) -> AdvocacySummary:
    """Write the demo's positions, submissions, campaign and alliances; safe to run again."""
    top = networks[data.INTERCONTINENTAL]
    creator = _creator()
    continents = [networks[slug] for slug in CONTINENTS if slug in networks]
    decisions = {
        d.title: d for d in Decision.objects.filter(title__in=[FUND_DECISION, COVID_DECISION])
    }
    alliances = _alliances(top, creator)
    fund = _position(
        network=top,
        title=FUND_TITLE,
        summary=(
            "INSP!R supports the creation of a Global Fund for Social Protection, to help the "
            "countries with the fewest resources build social protection floors, on the "
            "criteria below."
        ),
        body=(
            "71% of the world's population has little or no access to social protection. "
            "The pandemic showed the cost of these gaps: informal workers lost their income "
            "overnight. A Global Fund for Social Protection can help, on conditions: the "
            "network sets them out as indispensable criteria."
        ),
        demands=FUND_DEMANDS,
        decision=decisions.get(FUND_DECISION),
        endorsing=continents,
        creator=creator,
    )
    covid = _position(
        network=top,
        title=COVID_TITLE,
        summary=(
            "The pandemic widened the inequalities in health care between and within "
            "countries. INSP!R asks for equal access to protection, tests and vaccines."
        ),
        body=(
            "Members in 24 countries told how informal workers, women and older people were "
            "the last to be protected, tested and vaccinated. Vaccines are a global public "
            "good: no profit on the pandemic."
        ),
        demands=COVID_DEMANDS,
        decision=decisions.get(COVID_DECISION),
        endorsing=continents,
        creator=creator,
    )
    rapporteur = Stakeholder.objects.filter(
        network=top, name="UN Special Rapporteur on extreme poverty and human rights"
    ).first()
    g20 = Stakeholder.objects.filter(network=top, name="G20").first()
    _submission(
        fund,
        target="UN Special Rapporteur on extreme poverty and human rights (Olivier De Schutter)",
        stakeholder=rapporteur,
        submitted_on=datetime.date(2020, 10, 12),
        channel=Channel.DIRECT,
        alliance=None,
        outcome=Outcome.TAKEN_UP,
        outcome_notes=(
            "The Special Rapporteur argues for a Global Fund for Social Protection and cites "
            "the civil-society criteria."
        ),
        follow_up="Send him the members' COVID-19 testimonies.",
        follow_up_on=datetime.date(2021, 3, 31),
        created_by=creator,
    )
    _submission(
        fund,
        target="G20",
        stakeholder=g20,
        submitted_on=datetime.date(2020, 11, 5),
        channel=Channel.ALLY,
        alliance=alliances["GCSPF"],
        outcome=Outcome.ACKNOWLEDGED,
        outcome_notes="The GCSPF relayed the criteria in its message to the G20 summit.",
        follow_up="Ask the GCSPF what the G20 working group made of it.",
        follow_up_on=datetime.date(2021, 6, 30),
        created_by=creator,
    )
    campaign, _created = Campaign.objects.update_or_create(
        network=top,
        title="No profit on pandemic",
        defaults={
            "description": (
                "The European citizens' initiative asking that COVID-19 vaccines and "
                "treatments be a global public good, free of patents, their contracts public. "
                "INSP!R joined it with its Belgian and European members."
            ),
            "kind": CampaignKind.ALLIED,
            "starts_on": datetime.date(2020, 11, 30),
            "ends_on": datetime.date(2022, 6, 30),
            "url": "https://noprofitonpandemic.eu",
            "created_by": creator,
        },
    )
    campaign.participants.set(
        [
            top,
            *(
                networks[slug]
                for slug in (data.BELGIUM_EUROPE, data.WEST_AFRICA, data.LATIN_AMERICA)
                if slug in networks
            ),
        ]
    )
    campaign.positions.set([covid])
    return AdvocacySummary(positions=2, submissions=2, campaigns=1, alliances=len(alliances))


# --- The scale generator's part -----------------------------------------------------------------


@dataclass(frozen=True)
class AdvocacyScaleSummary:
    positions: int = 0
    submissions: int = 0
    campaigns: int = 0


def _copy_title(prefix: str, copy: int, title: str) -> str:
    return f"{prefix}{copy} {title}"[:200]


def advocacy_scaled_remove(prefix: str) -> None:
    """Remove what `advocacy_scale` added (every copy's title starts with `prefix`), with
    their texts; demands and submissions go with their positions."""
    positions = Position.objects.filter(title__startswith=prefix)
    campaigns = Campaign.objects.filter(title__startswith=prefix)
    copied: tuple[tuple[type[models.Model], models.QuerySet], ...] = (
        (Position, positions),
        (Demand, Demand.objects.filter(position__in=positions)),
        (Submission, Submission.objects.filter(position__in=positions)),
        (Campaign, campaigns),
    )
    for model, copies in copied:
        TextOriginal.objects.filter(
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
            object_id__in=copies.values("pk"),
        ).delete()
    Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(Position, for_concrete_model=False),
        object_id__in=positions.values("pk"),
    ).delete()
    campaigns.delete()
    positions.delete()


def advocacy_scale(
    copies: range,
    *,
    prefix: str,
    batch_size: int,
    organisation_copy: Callable[[int, int], int],
    person_copy: Callable[[int, int], int],
) -> AdvocacyScaleSummary:
    """Add a copy of the demo's positions (with their demands, endorsing networks and
    submissions) and of its campaigns (with their networks and positions) for each of
    `copies`, in the same networks, titled "<prefix><n> …", their texts' originals and
    translations with them. Run `advocacy_load` first; histories are not copied. (Nothing
    advocacy holds names an organisation or a person: `organisation_copy` and
    `person_copy` are not needed.)"""
    originals = list(
        Position.objects.filter(title__in=[FUND_TITLE, COVID_TITLE])
        .prefetch_related("demands", "endorsing_networks", "submissions")
        .order_by("pk")
    )
    campaigns = list(
        Campaign.objects.filter(title="No profit on pandemic")
        .prefetch_related("participants", "positions")
        .order_by("pk")
    )
    if not copies or not originals:
        return AdvocacyScaleSummary()
    Position.objects.bulk_create(
        [
            Position(
                network_id=original.network_id,
                title=_copy_title(prefix, copy, original.title),
                summary=original.summary,
                body=original.body,
                status=original.status,
                decision_id=original.decision_id,
                adopted_on=original.adopted_on,
                published_at=original.published_at,
                demand_list=original.demand_list,
                created_by_id=original.created_by_id,
            )
            for copy, original in itertools.product(copies, originals)
        ],
        batch_size=batch_size,
    )
    made = dict(Position.objects.filter(title__startswith=prefix).values_list("title", "pk"))
    positions_made = Position.objects.filter(title__startswith=prefix)
    by_title = {position.title: position for position in positions_made.select_related("network")}
    texts_copy(
        Position,
        [
            (original.pk, by_title[_copy_title(prefix, copy, original.title)])
            for copy, original in itertools.product(copies, originals)
        ],
        positions_made,
        batch_size,
    )

    def position_copy(original: Position, copy: int) -> int:
        return made[_copy_title(prefix, copy, original.title)]

    Demand.objects.bulk_create(
        [
            Demand(position_id=position_copy(original, copy), order=demand.order, text=demand.text)
            for copy, original in itertools.product(copies, originals)
            for demand in original.demands.all()
        ],
        batch_size=batch_size,
    )
    Position.endorsing_networks.through.objects.bulk_create(
        [
            Position.endorsing_networks.through(
                position_id=position_copy(original, copy), network_id=network.pk
            )
            for copy, original in itertools.product(copies, originals)
            for network in original.endorsing_networks.all()
        ],
        batch_size=batch_size,
    )
    submissions = [
        Submission(
            position_id=position_copy(original, copy),
            stakeholder_id=submission.stakeholder_id,
            target_name=submission.target_name,
            submitted_on=submission.submitted_on,
            channel=submission.channel,
            alliance_id=submission.alliance_id,
            ally=submission.ally,
            outcome=submission.outcome,
            outcome_notes=submission.outcome_notes,
            follow_up=submission.follow_up,
            follow_up_on=submission.follow_up_on,
            created_by_id=submission.created_by_id,
        )
        for copy, original in itertools.product(copies, originals)
        for submission in original.submissions.all()
    ]
    Submission.objects.bulk_create(submissions, batch_size=batch_size)
    Campaign.objects.bulk_create(
        [
            Campaign(
                network_id=original.network_id,
                title=_copy_title(prefix, copy, original.title),
                description=original.description,
                kind=original.kind,
                starts_on=original.starts_on,
                ends_on=original.ends_on,
                url=original.url,
                created_by_id=original.created_by_id,
            )
            for copy, original in itertools.product(copies, campaigns)
        ],
        batch_size=batch_size,
    )
    made_campaigns = dict(
        Campaign.objects.filter(title__startswith=prefix).values_list("title", "pk")
    )
    campaigns_made = Campaign.objects.filter(title__startswith=prefix)
    campaign_by_title = {c.title: c for c in campaigns_made.select_related("network")}
    texts_copy(
        Campaign,
        [
            (original.pk, campaign_by_title[_copy_title(prefix, copy, original.title)])
            for copy, original in itertools.product(copies, campaigns)
        ],
        campaigns_made,
        batch_size,
    )
    by_pk = {original.pk: original for original in originals}
    Campaign.participants.through.objects.bulk_create(
        [
            Campaign.participants.through(
                campaign_id=made_campaigns[_copy_title(prefix, copy, original.title)],
                network_id=network.pk,
            )
            for copy, original in itertools.product(copies, campaigns)
            for network in original.participants.all()
        ],
        batch_size=batch_size,
    )
    Campaign.positions.through.objects.bulk_create(
        [
            Campaign.positions.through(
                campaign_id=made_campaigns[_copy_title(prefix, copy, original.title)],
                position_id=position_copy(by_pk[position.pk], copy),
            )
            for copy, original in itertools.product(copies, campaigns)
            for position in original.positions.all()
            if position.pk in by_pk
        ],
        batch_size=batch_size,
    )
    return AdvocacyScaleSummary(
        positions=len(copies) * len(originals),
        submissions=len(submissions),
        campaigns=len(copies) * len(campaigns),
    )
