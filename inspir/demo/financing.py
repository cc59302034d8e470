"""The demo's funders, their calls and the networks' joint funding proposals
(`inspir.financing`), for "Financing social protection" (DOMAIN.md, domain 4: mobilising the
ILO's, UNICEF's and the EU's funding streams, joint proposals).

The funders and the 2020–2021 calls are the ones the 2020 report names; the calls' details,
the proposals, their amounts, teams and dates are plausible choices written for the demo.
Some calls and two proposals have their deadline a few weeks after the day the demo is
loaded (`now`), so that the board, "my work" and the reminders have something to come.

Rows are written directly, as elsewhere in the demo (no e-mails, no audit entries), keyed on
the funder's name, the call's funder and title, the proposal's network and title, so that
loading again updates them in place. `financing_scale` and `financing_scaled_remove` are the
scale generator's part (scale.py)."""

import datetime
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone, translation

from inspir.core.models import TextOriginal
from inspir.demo.planning import texts_copy
from inspir.financing.models import (
    Currency,
    Funder,
    FunderKind,
    FundingCall,
    FundingProposal,
    ProposalStatus,
)
from inspir.financing.rules import counting_year
from inspir.network.models import Network, Organisation, Person
from inspir.planning.models import PlanAction

D = datetime.date

# (name, acronym, kind, network that follows it, web site, notes)
FUNDERS: tuple[tuple[str, str, str, str, str, str], ...] = (
    (
        "International Labour Organization",
        "ILO",
        FunderKind.MULTILATERAL,
        "inspir",
        "https://www.ilo.org",
        "Its flagship programme on social protection floors funds national dialogue and "
        "the extension of coverage to informal workers.",
    ),
    (
        "United Nations Children's Fund",
        "UNICEF",
        FunderKind.MULTILATERAL,
        "inspir-afrique-de-louest",
        "https://www.unicef.org",
        "Funds child benefits and cash transfers; its country offices in West Africa look "
        "for civil-society partners.",
    ),
    (
        "European Union (DG INTPA)",
        "EU",
        FunderKind.EUROPEAN_UNION,
        "inspir-belgique-europe",
        "https://international-partnerships.ec.europa.eu",
        "The Directorate-General for International Partnerships: thematic programmes for "
        "civil society and the Social Protection Systems programme.",
    ),
    (
        "King Baudouin Foundation",
        "KBF",
        FunderKind.FOUNDATION,
        "inspir-belgique-europe",
        "https://kbs-frb.be",
        "Supports social justice projects in Africa through its funds.",
    ),
    (
        "Open Society Foundations",
        "OSF",
        FunderKind.FOUNDATION,
        "inspir-america-latina",
        "https://www.opensocietyfoundations.org",
        "Economic justice grants, open all year.",
    ),
)

# (funder acronym, title, opens on, deadline (a date, or days after `now`), max amount,
# currency, description)
CALLS: tuple[tuple[str, str, D | None, D | int | None, int | None, str, str], ...] = (
    (
        "ILO",
        "Social Protection Floors flagship programme 2020–2021",
        D(2020, 2, 1),
        D(2020, 10, 31),
        500_000,
        "USD",
        "Joint national dialogue on social protection floors.",
    ),
    (
        "ILO",
        "Extending social protection to the informal economy",
        D(2021, 1, 15),
        10,
        150_000,
        "USD",
        "Pilot schemes for informal workers, with their organisations.",
    ),
    (
        "UNICEF",
        "Child benefits in West Africa 2020",
        D(2020, 4, 1),
        D(2020, 12, 1),
        400_000,
        "USD",
        "Universal child benefits: advocacy and pilots.",
    ),
    (
        "EU",
        "Civil society organisations for social protection 2021",
        D(2021, 1, 10),
        D(2021, 4, 30),
        2_000_000,
        "EUR",
        "Thematic programme for civil society: multi-country actions.",
    ),
    (
        "EU",
        "Social Protection Systems programme: partnerships",
        D(2021, 2, 1),
        60,
        1_500_000,
        "EUR",
        "Partnerships with civil society in the programme's countries.",
    ),
    ("KBF", "Africa fund for social justice", D(2020, 9, 1), 30, 80_000, "EUR", ""),
    ("OSF", "Economic justice grants", None, None, None, "", "Open stream, no deadline."),
)


@dataclass(frozen=True)
class ProposalSpec:
    network: str
    title: str
    language: str
    funder: str
    call: str
    lead: str
    partners: tuple[str, ...]
    team: tuple[str, ...]  # people's e-mails
    amount: int
    currency: str
    status: str
    deadline: D | int | None  # a date, or days after `now`
    submitted_on: D | None = None
    decided_on: D | None = None
    granted: int | None = None
    actions: tuple[str, ...] = ()  # the start of the plan actions' titles
    summary: str = ""


LOME = "mutuelle-de-sante-des-travailleurs-de-leconomie-informelle-de-lome-example"
COTONOU = "syndicat-des-travailleurs-de-leconomie-informelle-de-cotonou-example"
THIES = "federation-des-mutuelles-de-sante-de-thies-example"
LIMA_HOME = "sindicato-de-trabajadoras-del-hogar-de-lima-example"
EL_ALTO = "red-de-mujeres-trabajadoras-de-el-alto-example"
TAMIL_NADU = "tamil-nadu-unorganised-workers-federation-example"


def _email(name: str) -> str:
    return f"{name}@example.org"


PROPOSALS: tuple[ProposalSpec, ...] = (
    ProposalSpec(
        "inspir",
        "Social protection floors for informal workers in West Africa",
        "en",
        "EU",
        "Civil society organisations for social protection 2021",
        "wsm",
        (LOME, COTONOU),
        (_email("helene.vermeulen"), _email("valere.koffi"), _email("rodrigue.hounkpatin")),
        1_200_000,
        Currency.EUR,
        ProposalStatus.SUBMITTED,
        D(2021, 4, 30),
        submitted_on=D(2021, 4, 28),
        actions=("Joint funding proposals with the continental networks", "Mobilise the ILO"),
        summary="A three-year joint programme of the intercontinental and West African "
        "networks: dialogue on social protection floors and mutual health insurance.",
    ),
    ProposalSpec(
        "inspir-afrique-de-louest",
        "Allocations familiales universelles au Togo et au Sénégal",
        "fr",
        "UNICEF",
        "Child benefits in West Africa 2020",
        LOME,
        (THIES,),
        (_email("valere.koffi"), _email("fatou.ndiaye")),
        350_000,
        Currency.USD,
        ProposalStatus.GRANTED,
        D(2020, 12, 1),
        submitted_on=D(2020, 11, 27),
        decided_on=D(2021, 3, 10),
        granted=280_000,
        actions=("Proposition conjointe à l'UNICEF",),
        summary="Plaidoyer et projets pilotes d'allocations familiales, avec les mutuelles.",
    ),
    ProposalSpec(
        "inspir-benin",
        "Couverture santé des travailleurs de l'économie informelle de Cotonou",
        "fr",
        "ILO",
        "Extending social protection to the informal economy",
        COTONOU,
        (),
        (_email("rodrigue.hounkpatin"),),
        45_000_000,
        Currency.XOF,
        ProposalStatus.DRAFTING,
        10,
        actions=("Mobilise the ILO",),
        summary="Un régime pilote d'assurance maladie pour les vendeuses des marchés.",
    ),
    ProposalSpec(
        "inspir-america-latina",
        "Protección social para las trabajadoras del hogar",
        "es",
        "OSF",
        "Economic justice grants",
        LIMA_HOME,
        (EL_ALTO,),
        (_email("maria.elena.quispe"), _email("gabriela.prudencio")),
        120_000,
        Currency.USD,
        ProposalStatus.REFUSED,
        D(2020, 8, 31),
        submitted_on=D(2020, 8, 20),
        decided_on=D(2020, 10, 15),
        actions=("Propuestas conjuntas de financiación",),
        summary="Campaña por la afiliación de las trabajadoras del hogar en Perú y Bolivia.",
    ),
    ProposalSpec(
        "inspir-asia",
        "Health mutuals for unorganised workers in Tamil Nadu",
        "en",
        "KBF",
        "",
        TAMIL_NADU,
        (),
        (_email("samy.arokiasamy"),),
        60_000,
        Currency.EUR,
        ProposalStatus.IDEA,
        40,
        summary="Starting mutual health insurance with the federation's members.",
    ),
)


def _day(value: D | int | None, now: datetime.datetime) -> D | None:
    if isinstance(value, int):
        return timezone.localdate(now) + datetime.timedelta(days=value)
    return value


def financing_load(
    networks: dict[str, Network],
    people: dict[str, Person],
    now: datetime.datetime | None = None,
) -> None:
    """Write the demo's funders, calls and proposals; safe to run again."""
    now = now or timezone.now()
    funders: dict[str, Funder] = {}
    for name, acronym, kind, network, url, notes in FUNDERS:
        if network not in networks:
            continue
        funders[acronym], _ = Funder.objects.update_or_create(
            name=name,
            defaults={
                "acronym": acronym,
                "kind": kind,
                "network": networks[network],
                "url": url,
                "notes": notes,
            },
        )
    calls: dict[str, FundingCall] = {}
    for acronym, title, opens_on, deadline, amount, currency, description in CALLS:
        if acronym not in funders:
            continue
        calls[title], _ = FundingCall.objects.update_or_create(
            funder=funders[acronym],
            title=title,
            defaults={
                "opens_on": opens_on,
                "deadline": _day(deadline, now),
                "max_amount": Decimal(amount) if amount is not None else None,
                "currency": currency,
                "description": description,
            },
        )
    slugs = {slug for spec in PROPOSALS for slug in (spec.lead, *spec.partners)}
    organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=slugs)}
    for spec in PROPOSALS:
        if (
            spec.network not in networks
            or spec.funder not in funders
            or spec.lead not in organisations
        ):
            continue
        values: dict[str, Any] = {
            "summary": spec.summary,
            "funder": funders[spec.funder],
            "call": calls.get(spec.call),
            "lead_organisation": organisations[spec.lead],
            "amount_requested": Decimal(spec.amount),
            "currency": spec.currency,
            "amount_granted": Decimal(spec.granted) if spec.granted is not None else None,
            "status": spec.status,
            "deadline": _day(spec.deadline, now),
            "submitted_on": spec.submitted_on,
            "decided_on": spec.decided_on,
        }
        probe = FundingProposal(**values)
        values["year"] = counting_year(probe)
        with translation.override(spec.language):
            proposal, _ = FundingProposal.objects.update_or_create(
                network=networks[spec.network], title=spec.title, defaults=values
            )
        proposal.partner_organisations.set(
            [organisations[slug] for slug in spec.partners if slug in organisations]
        )
        proposal.team.set([people[email] for email in spec.team if email in people])
        actions = [
            action
            for start in spec.actions
            for action in PlanAction.objects.filter(title__startswith=start).order_by("pk")[:1]
        ]
        proposal.plan_actions.set(actions)


# --- Scale ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FinancingScaleSummary:
    funders: int = 0
    proposals: int = 0


def _copy_name(prefix: str, copy: int, name: str) -> str:
    return f"{prefix}{copy} {name}"[:200]


def financing_scaled_remove(prefix: str) -> None:
    """Remove what `financing_scale` added (every copy's title or name starts with
    `prefix`), with their texts."""
    proposals = FundingProposal.objects.filter(title__startswith=prefix)
    funders = Funder.objects.filter(name__startswith=prefix)
    for model, copies in ((FundingProposal, proposals), (Funder, funders)):
        TextOriginal.objects.filter(
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
            object_id__in=list(copies.values_list("pk", flat=True)),
        ).delete()
    proposals.delete()  # the links and documents go with them
    FundingCall.objects.filter(funder__in=funders).delete()
    funders.delete()


def financing_scale(
    copies: range,
    *,
    prefix: str,
    batch_size: int,
    organisation_copy: Callable[[int, int], int],
    person_copy: Callable[[int, int], int],
) -> FinancingScaleSummary:
    """Add a copy of the demo's funders and proposals for each of `copies`, in the same
    networks. Copy `n` is named "<prefix><n> …"; its proposals ask the demo's own funders,
    led by and teaming copy `n` of the organisations and people (`organisation_copy(id, n)`,
    `person_copy(id, n)`). Run `load_demo` first."""
    titles = {(spec.network, spec.title) for spec in PROPOSALS}
    originals = sorted(
        (
            proposal
            for proposal in FundingProposal.objects.filter(
                title__in={title for _, title in titles}
            ).select_related("network")
            if (proposal.network.slug, proposal.title) in titles
        ),
        key=lambda proposal: proposal.pk,
    )
    demo_funders = list(
        Funder.objects.filter(name__in=[name for name, *_ in FUNDERS]).order_by("pk")
    )
    if not copies or not originals:
        return FinancingScaleSummary()
    Funder.objects.bulk_create(
        [
            Funder(
                network_id=funder.network_id,
                name=_copy_name(prefix, copy, funder.name),
                acronym=funder.acronym,
                kind=funder.kind,
                url=funder.url,
                notes=funder.notes,
            )
            for copy, funder in itertools.product(copies, demo_funders)
        ],
        batch_size=batch_size,
    )
    fields = (
        "network_id",
        "summary",
        "funder_id",
        "call_id",
        "amount_requested",
        "currency",
        "amount_granted",
        "status",
        "deadline",
        "submitted_on",
        "decided_on",
        "year",
    )
    FundingProposal.objects.bulk_create(
        [
            FundingProposal(
                title=_copy_name(prefix, copy, original.title),
                lead_organisation_id=organisation_copy(original.lead_organisation_id, copy),
                **{name: getattr(original, name) for name in fields},
            )
            for copy, original in itertools.product(copies, originals)
        ],
        batch_size=batch_size,
    )
    ids = dict(FundingProposal.objects.filter(title__startswith=prefix).values_list("title", "pk"))
    # Their texts' originals and translations, as the demo's.
    funders_made = Funder.objects.filter(name__startswith=prefix)
    funder_by_name = {funder.name: funder for funder in funders_made.select_related("network")}
    texts_copy(
        Funder,
        [
            (funder.pk, funder_by_name[_copy_name(prefix, copy, funder.name)])
            for copy, funder in itertools.product(copies, demo_funders)
        ],
        funders_made,
        batch_size,
    )
    proposals_made = FundingProposal.objects.filter(title__startswith=prefix)
    proposal_by_title = {p.title: p for p in proposals_made.select_related("network")}
    texts_copy(
        FundingProposal,
        [
            (original.pk, proposal_by_title[_copy_name(prefix, copy, original.title)])
            for copy, original in itertools.product(copies, originals)
        ],
        proposals_made,
        batch_size,
    )
    partners = FundingProposal.partner_organisations.through
    team = FundingProposal.team.through
    actions = FundingProposal.plan_actions.through
    partner_rows = list(partners.objects.filter(fundingproposal__in=originals))
    team_rows = list(team.objects.filter(fundingproposal__in=originals))
    action_rows = list(actions.objects.filter(fundingproposal__in=originals))
    title_of = {original.pk: original.title for original in originals}

    def copy_id(original_id: int, copy: int) -> int:
        return ids[_copy_name(prefix, copy, title_of[original_id])]

    partners.objects.bulk_create(
        [
            partners(
                fundingproposal_id=copy_id(row.fundingproposal_id, copy),
                organisation_id=organisation_copy(row.organisation_id, copy),
            )
            for copy, row in itertools.product(copies, partner_rows)
        ],
        batch_size=batch_size,
    )
    team.objects.bulk_create(
        [
            team(
                fundingproposal_id=copy_id(row.fundingproposal_id, copy),
                person_id=person_copy(row.person_id, copy),
            )
            for copy, row in itertools.product(copies, team_rows)
        ],
        batch_size=batch_size,
    )
    actions.objects.bulk_create(
        [
            actions(
                fundingproposal_id=copy_id(row.fundingproposal_id, copy),
                planaction_id=row.planaction_id,
            )
            for copy, row in itertools.product(copies, action_rows)
        ],
        batch_size=batch_size,
    )
    return FinancingScaleSummary(
        funders=len(copies) * len(demo_funders), proposals=len(copies) * len(originals)
    )
