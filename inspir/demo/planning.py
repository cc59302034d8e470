"""The demo's operational plan for 2020–2021 and the context analysis it came from
(`inspir.planning`).

At the founding meeting in Geneva (November 2019) the network analysed its context per
continent, mapped its stakeholders and chose priority actions in four domains; the plan then
evolved through 2020 as the committee met and the members made suggestions. The demo holds
that plan: the intercontinental network's actions in the four domains (the positions of the
2020 report: the Global Fund for Social Protection, COVID-19, USP2030, the ILO and the EU),
actions of the continental networks and of three national ones (Bénin, Guatemala, Nepal),
each with the revisions that show how it changed in 2020, four suggestions (accepted,
merged, declined, pending) and, for the intercontinental network and four continental ones,
a context note and stakeholders assessed in Geneva and again at the end of 2020.

The facts come from the 2020 report (DOMAIN.md); the texts, figures, leads, dates and
assessments are plausible choices written for the demo. Each text is written in the
language its network's people would use (West Africa, Central Africa, Bénin and
Belgium/Europe in French, Latin America and Guatemala in Spanish, the rest in English) and
recorded as such (core/texts.py takes the language active at the save).

Rows are written directly, as elsewhere in the demo (no e-mails, no audit entries), keyed
on their network and title or name, so that loading again updates them in place: an
action's or a note's demo history is written again, its assessments are updated by date.
`planning_scale` and `planning_scaled_remove` are the scale generator's part (scale.py)."""

import datetime
import itertools
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone, translation

from inspir.accounts.models import User
from inspir.core import history
from inspir.core.models import Revision, TextOriginal, TextStatus, TextTranslation
from inspir.core.texts import context_of, digest, translatable_fields
from inspir.demo import data
from inspir.governance.models import Decision, Domain, Meeting
from inspir.network.models import Network, Organisation, Person
from inspir.planning.models import (
    ActionStatus,
    Assessment,
    ContextNote,
    Indicator,
    PlanAction,
    PlanPeriod,
    Stakeholder,
    StakeholderKind,
    StakeholderLevel,
    Stance,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
)
from inspir.planning.rules import EDITABLE_STAKEHOLDER_FIELDS, TRACKED_ACTION_FIELDS

UTC = datetime.UTC
PERIOD_NAME = "2020–2021"
PERIOD_STARTS = datetime.date(2020, 1, 1)
PERIOD_ENDS = datetime.date(2021, 12, 31)
# The founding meeting in Geneva, where the first analysis was made, and the committee's
# annual review, where it was assessed again.
GENEVA = "2019-11-28"
REVIEW = "2020-12-10"

BENIN = "inspir-benin"
GUATEMALA = "inspir-guatemala"
NEPAL = "inspir-nepal"

# Who wrote what: the demo's log-ins (data.DEMO_LOGINS) that own each part of the plan.
COORDINATOR = "coordinator"  # Brussels, WSM: the intercontinental plan, and below
CONTINENTAL = "continental.coordinator"  # Lomé: West Africa and its national networks
STEERING = "steering.member"  # chairs the Latin American committee: its plan
FOCAL_POINT = "focal.point"  # Cotonou: suggests from Bénin
TRANSLATOR = "translator"  # Lima: sits on the Latin American committee

PLANNED, ONGOING, DONE = ActionStatus.PLANNED, ActionStatus.ONGOING, ActionStatus.DONE
POSTPONED, DROPPED = ActionStatus.POSTPONED, ActionStatus.DROPPED
ADVOCACY, LEARNING = Domain.ADVOCACY, Domain.LEARNING
COMMUNICATION, FINANCING = Domain.COMMUNICATION, Domain.FINANCING


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


def _at(value: str | datetime.date, hour: int = 9) -> datetime.datetime:
    day = _date(value) if isinstance(value, str) else value
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=UTC)


def _email(login: str) -> str:
    return f"{login}@{data.EMAIL_DOMAIN}"


# --- The data -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One saved state of an action: when, by whom, why, and what it `was` then, where it
    differed from the action as it stands now (the last step differs in nothing)."""

    on: str
    by: str
    note: str = ""
    was: Mapping[str, Any] = field(default_factory=dict)


def step(on: str, by: str, note: str = "", **was: Any) -> Step:
    return Step(on, by, note, was)


@dataclass(frozen=True)
class IndicatorSpec:
    name: str
    unit: str
    target: int | None
    actual: int | None
    measured_on: str


@dataclass(frozen=True)
class ActionSpec:
    key: str
    network: str
    domain: str
    language: str
    title: str
    description: str
    starts_on: str
    ends_on: str
    status: str
    progress: int
    history: tuple[Step, ...]
    lead_network: str = ""
    lead_organisation: str = ""
    lead_person: str = ""  # e-mail
    partner_networks: tuple[str, ...] = ()
    partner_organisations: tuple[str, ...] = ()
    decisions: tuple[str, ...] = ()  # keys of DECISIONS
    meetings: tuple[str, ...] = ()  # keys of MEETINGS
    stakeholders: tuple[str, ...] = ()  # keys of STAKEHOLDERS
    strengthens: tuple[str, ...] = ()  # keys of ACTIONS, of networks below
    indicators: tuple[IndicatorSpec, ...] = ()
    title_translations: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AssessmentSpec:
    on: str
    influence: int
    stance: int


@dataclass(frozen=True)
class StakeholderSpec:
    key: str
    network: str
    name: str
    kind: str
    level: str
    interest: str
    notes: str
    assessments: tuple[AssessmentSpec, ...]  # oldest first; the last is the current one


@dataclass(frozen=True)
class ContextSpec:
    network: str
    language: str
    by: str
    founding: str  # as written in Geneva
    update: str  # added at the end of 2020

    @property
    def text(self) -> str:
        return f"{self.founding}\n\n{self.update}"


@dataclass(frozen=True)
class SuggestionSpec:
    network: str
    from_network: str
    author: str
    kind: str
    domain: str
    title: str
    description: str
    reason: str
    starts_on: str
    ends_on: str
    made_on: str  # a date, or "" for a few days before the demo is loaded
    status: str
    action: str = ""  # the action a change is suggested to
    result: str = ""  # the action it became or was merged into
    answer: str = ""
    decided_by: str = ""
    decided_on: str = ""


DECISIONS = {
    "fund": "Support a Global Fund for Social Protection",
    "covid": "Position sur la COVID-19 : égal accès aux soins et aux vaccins",
}
MEETINGS = {"review": "Steering committee — 2020 annual review"}

TOP, WA, CA = data.INTERCONTINENTAL, data.WEST_AFRICA, data.CENTRAL_AFRICA
LA, AS, BE = data.LATIN_AMERICA, data.ASIA, data.BELGIUM_EUROPE
INT, REG, NAT = (
    StakeholderLevel.INTERNATIONAL,
    StakeholderLevel.REGIONAL,
    StakeholderLevel.NATIONAL,
)
K = StakeholderKind
STRONG_ALLY, ALLY, NEUTRAL = Stance.STRONG_ALLY, Stance.ALLY, Stance.NEUTRAL
OPPONENT = Stance.OPPONENT


def _both(geneva: tuple[int, int], review: tuple[int, int]) -> tuple[AssessmentSpec, ...]:
    return (AssessmentSpec(GENEVA, *geneva), AssessmentSpec(REVIEW, *review))


def _once(influence: int, stance: int, on: str = GENEVA) -> tuple[AssessmentSpec, ...]:
    return (AssessmentSpec(on, influence, stance),)


STAKEHOLDERS: tuple[StakeholderSpec, ...] = (
    # The intercontinental network's analysis (English).
    StakeholderSpec(
        "ilo",
        TOP,
        "International Labour Organization (ILO)",
        K.INTERGOVERNMENTAL,
        INT,
        "Sets the standards for social protection (Convention 102, Recommendation 202 on "
        "social protection floors) and listens to workers' organisations through its "
        "tripartite structure.",
        "Reached through the trade unions and WSM. Its social protection department "
        "welcomed the members' COVID-19 testimonies in 2020.",
        _both((5, ALLY), (5, STRONG_ALLY)),
    ),
    StakeholderSpec(
        "un-sr",
        TOP,
        "UN Special Rapporteur on extreme poverty and human rights",
        K.UN_MANDATE,
        INT,
        "Reports to the Human Rights Council. Olivier De Schutter, mandate holder since May "
        "2020, argues for a Global Fund for Social Protection.",
        "Received the network's criteria for the fund in October 2020.",
        _both((3, ALLY), (4, STRONG_ALLY)),
    ),
    StakeholderSpec(
        "usp2030",
        TOP,
        "USP2030 — Global Partnership for Universal Social Protection",
        K.PARTNERSHIP,
        INT,
        "Brings governments, UN agencies and civil society together for universal social "
        "protection by 2030.",
        "WSM is a member and speaks there for the network.",
        _once(3, ALLY),
    ),
    StakeholderSpec(
        "gcspf",
        TOP,
        "Global Coalition for Social Protection Floors (GCSPF)",
        K.CIVIL_SOCIETY,
        INT,
        "Over a hundred trade unions and civil-society organisations campaigning for social "
        "protection floors.",
        "Relayed the network's position on the Global Fund to the G20 in 2020.",
        _both((3, ALLY), (3, STRONG_ALLY)),
    ),
    StakeholderSpec(
        "g20",
        TOP,
        "G20",
        K.FORUM,
        INT,
        "Sets the agenda of the largest economies on debt and development finance.",
        "Reached only through the GCSPF and the UN. The pandemic put social protection on "
        "its agenda in 2020; it no longer dismisses the idea of a global fund.",
        _both((5, OPPONENT), (5, NEUTRAL)),
    ),
    StakeholderSpec(
        "unicef",
        TOP,
        "UNICEF",
        K.INTERGOVERNMENTAL,
        INT,
        "Advises governments on child and family benefits and funds pilots.",
        "Open to joint proposals on family allowances for informal workers since 2020.",
        _both((4, NEUTRAL), (4, ALLY)),
    ),
    StakeholderSpec(
        "ec",
        TOP,
        "European Commission",
        K.EU_INSTITUTION,
        REG,
        "Programmes the EU's development cooperation for 2021–2027 and supports social "
        "protection systems in partner countries.",
        "Its COVID-19 response named social protection a priority of the cooperation.",
        _both((5, NEUTRAL), (5, ALLY)),
    ),
    StakeholderSpec(
        "imf",
        TOP,
        "International Monetary Fund (IMF)",
        K.INTERGOVERNMENTAL,
        INT,
        "Its loan conditions weigh on what governments may spend on social protection.",
        "Asked in 2020 that emergency loans protect social spending; the conditions after "
        "the emergency are what matters.",
        _once(5, OPPONENT),
    ),
    # West Africa (French).
    StakeholderSpec(
        "wa-min-bj",
        WA,
        "Ministère du Travail et de la Fonction publique (Bénin)",
        K.GOVERNMENT,
        NAT,
        "Tutelle du dialogue social et de la sécurité sociale ; pilote avec les Affaires "
        "sociales l'extension de l'assurance maladie (ARCH).",
        "A reçu la délégation d'INSP!R Bénin en novembre 2020 et s'est dit prêt à associer "
        "les mutuelles à l'ARCH.",
        _both((4, NEUTRAL), (4, ALLY)),
    ),
    StakeholderSpec(
        "wa-min-tg",
        WA,
        "Ministère de la Fonction publique, du Travail et du Dialogue social (Togo)",
        K.GOVERNMENT,
        NAT,
        "Conduit la réforme de la protection sociale et les transferts d'urgence aux "
        "travailleurs de l'économie informelle.",
        "Poids accru depuis les transferts monétaires de 2020 ; reste prudent sur "
        "l'assurance maladie.",
        _both((3, NEUTRAL), (4, NEUTRAL)),
    ),
    StakeholderSpec(
        "wa-ecowas",
        WA,
        "Commission de la CEDEAO — Affaires sociales et genre",
        K.INTERGOVERNMENTAL,
        REG,
        "Prépare un cadre régional de protection sociale et la portabilité des droits des "
        "travailleurs migrants.",
        "",
        _once(3, NEUTRAL),
    ),
    StakeholderSpec(
        "wa-unicef",
        WA,
        "UNICEF — Bureau régional pour l'Afrique de l'Ouest et du Centre",
        K.INTERGOVERNMENTAL,
        REG,
        "Finance des projets pilotes d'allocations familiales.",
        "A retenu la proposition conjointe du Sénégal et du Togo.",
        _both((3, NEUTRAL), (3, ALLY)),
    ),
    StakeholderSpec(
        "wa-ilo",
        WA,
        "Organisation internationale du Travail — Bureau régional pour l'Afrique",
        K.INTERGOVERNMENTAL,
        REG,
        "Appuie les stratégies nationales d'extension de la protection sociale.",
        "",
        _once(4, ALLY),
    ),
    StakeholderSpec(
        "wa-employers",
        WA,
        "Organisations patronales nationales (Bénin, Togo, Sénégal)",
        K.EMPLOYERS,
        NAT,
        "Craignent une hausse des cotisations ; certaines assurent déjà leurs salariés.",
        "Plus ouvertes depuis la pandémie aux mesures de santé au travail.",
        _both((3, OPPONENT), (3, NEUTRAL)),
    ),
    # Latin America (Spanish).
    StakeholderSpec(
        "la-oit",
        LA,
        "OIT — Oficina Regional para América Latina y el Caribe",
        K.INTERGOVERNMENTAL,
        REG,
        "Acompaña a los gobiernos en la extensión de la seguridad social a la economía informal.",
        "",
        _once(4, ALLY),
    ),
    StakeholderSpec(
        "la-min-bo",
        LA,
        "Ministerio de Trabajo, Empleo y Previsión Social (Bolivia)",
        K.GOVERNMENT,
        NAT,
        "Responsable de la previsión social y del diálogo con los sindicatos.",
        "La nueva gestión, desde noviembre de 2020, abrió un diálogo con las redes de "
        "trabajadoras.",
        _both((4, NEUTRAL), (4, ALLY)),
    ),
    StakeholderSpec(
        "la-min-pe",
        LA,
        "Ministerio de Trabajo y Promoción del Empleo (Perú)",
        K.GOVERNMENT,
        NAT,
        "Regula el trabajo del hogar y la afiliación al seguro social de salud.",
        "",
        _once(3, NEUTRAL),
    ),
    StakeholderSpec(
        "la-min-gt",
        LA,
        "Ministerio de Trabajo y Previsión Social (Guatemala)",
        K.GOVERNMENT,
        NAT,
        "Debe proponer el régimen de afiliación de los trabajadores agrícolas temporales.",
        "Congeló la reforma en 2020 y dejó de recibir a los sindicatos campesinos.",
        _both((3, NEUTRAL), (3, OPPONENT)),
    ),
    StakeholderSpec(
        "la-cepal",
        LA,
        "CEPAL — Comisión Económica para América Latina y el Caribe",
        K.INTERGOVERNMENTAL,
        REG,
        "Propone un ingreso básico de emergencia y sistemas universales de protección social.",
        "Sus propuestas de 2020 pesan en los debates nacionales.",
        _both((3, ALLY), (4, ALLY)),
    ),
    StakeholderSpec(
        "la-employers",
        LA,
        "Cámaras empresariales nacionales (Guatemala, Perú)",
        K.EMPLOYERS,
        NAT,
        "Se oponen a nuevas cotizaciones patronales.",
        "",
        _once(4, OPPONENT),
    ),
    # Asia (English).
    StakeholderSpec(
        "as-ilo",
        AS,
        "ILO Regional Office for Asia and the Pacific",
        K.INTERGOVERNMENTAL,
        REG,
        "Supports national social protection floors and the extension of social insurance "
        "to informal workers.",
        "",
        _once(4, ALLY),
    ),
    StakeholderSpec(
        "as-asean",
        AS,
        "ASEAN Secretariat",
        K.INTERGOVERNMENTAL,
        REG,
        "Follows the ASEAN declaration on strengthening social protection (2013).",
        "",
        _once(3, NEUTRAL),
    ),
    StakeholderSpec(
        "as-min-id",
        AS,
        "Ministry of Manpower (Indonesia)",
        K.GOVERNMENT,
        NAT,
        "Oversees labour law and the employment insurance of BPJS Ketenagakerjaan.",
        "Backed the 2020 Job Creation Law, which the trade unions opposed.",
        _both((4, NEUTRAL), (4, OPPONENT)),
    ),
    StakeholderSpec(
        "as-min-np",
        AS,
        "Ministry of Labour, Employment and Social Security (Nepal)",
        K.GOVERNMENT,
        NAT,
        "Runs the contribution-based Social Security Fund, open to informal workers on paper.",
        "Its weight grew with the fund's extension in 2020.",
        _both((3, ALLY), (4, ALLY)),
    ),
    StakeholderSpec(
        "as-employers",
        AS,
        "National employers' organisations (Bangladesh, Indonesia)",
        K.EMPLOYERS,
        NAT,
        "Resist new contributions and minimum-wage rises.",
        "",
        _once(4, OPPONENT),
    ),
    # Belgium/Europe (French).
    StakeholderSpec(
        "be-ep",
        BE,
        "Parlement européen — commission du développement (DEVE)",
        K.EU_INSTITUTION,
        REG,
        "Vote le budget de la coopération européenne et peut y inscrire la protection sociale.",
        "Plusieurs députés ont repris les demandes du réseau en 2020.",
        _both((3, ALLY), (3, STRONG_ALLY)),
    ),
    StakeholderSpec(
        "be-dgd",
        BE,
        "Coopération belge au développement (DGD)",
        K.DONOR,
        NAT,
        "Finance le programme de WSM et de ses partenaires ; fait de la protection sociale "
        "un thème de sa politique.",
        "",
        _once(4, STRONG_ALLY),
    ),
    StakeholderSpec(
        "be-spf",
        BE,
        "SPF Sécurité sociale (Belgique)",
        K.GOVERNMENT,
        NAT,
        "Porte la voix de la Belgique sur la protection sociale dans les enceintes "
        "internationales.",
        "A associé la société civile à la préparation de la Conférence internationale du "
        "Travail de 2021.",
        _both((2, NEUTRAL), (2, ALLY)),
    ),
    StakeholderSpec(
        "be-employers",
        BE,
        "Organisations patronales belges et européennes",
        K.EMPLOYERS,
        REG,
        "Défendent la modération des cotisations sociales.",
        "",
        _once(4, OPPONENT),
    ),
    StakeholderSpec(
        "be-gsj",
        BE,
        "Global Social Justice",
        K.CIVIL_SOCIETY,
        INT,
        "Réseau bruxellois qui défend la protection sociale universelle et les socles de "
        "protection sociale.",
        "Allié de longue date de WSM ; partage ses analyses avec le réseau.",
        _once(2, STRONG_ALLY),
    ),
)


CONTEXTS: tuple[ContextSpec, ...] = (
    ContextSpec(
        TOP,
        "en",
        COORDINATOR,
        "71% of the world's population has little or no access to social protection. Most of "
        "the network's members work in the informal economy, which contributions and "
        "benefits seldom reach.\n\n"
        "The ILO's Recommendation 202 on social protection floors is a common reference and "
        "USP2030 brings governments and agencies together around it, but financing is the "
        "obstacle: the poorest countries cannot close the gap alone.\n\n"
        "At the founding meeting in Geneva, 40 people from 16 countries chose four domains "
        "for the plan: learning, advocacy, communication and financing.",
        "End of 2020: COVID-19 showed the cost of these gaps. Informal workers lost their "
        "income overnight and most relief measures missed them; protective equipment, tests "
        "and soon vaccines were unequally shared. A Global Fund for Social Protection has "
        "gained support at the UN: a window for the network's advocacy.",
    ),
    ContextSpec(
        WA,
        "fr",
        CONTINENTAL,
        "En Afrique de l'Ouest, moins d'une personne sur cinq est couverte par une "
        "protection sociale. Les régimes publics couvrent les salariés du secteur formel ; "
        "les travailleurs de l'économie informelle comptent sur les mutuelles de santé et la "
        "solidarité familiale.\n\n"
        "Le Bénin (ARCH), le Sénégal (couverture maladie universelle) et le Togo lancent des "
        "régimes d'assurance maladie : c'est le moment d'y faire entrer les mutuelles et les "
        "syndicats de l'économie informelle.",
        "Fin 2020 : la pandémie a privé de revenus les vendeuses des marchés et les "
        "artisans. Les transferts d'urgence (Togo) ont montré qu'on peut atteindre "
        "l'économie informelle quand on le veut ; les ministères du Travail sont plus "
        "ouverts au dialogue.",
    ),
    ContextSpec(
        LA,
        "es",
        STEERING,
        "En América Latina, la mitad de los trabajadores está en la economía informal y sin "
        "seguridad social. Los sistemas de salud están fragmentados entre seguros sociales, "
        "servicios públicos y privados.\n\n"
        "Las trabajadoras del hogar, los jornaleros agrícolas y los migrantes son los más "
        "excluidos; el Convenio 189 de la OIT abrió un camino que pocos países recorrieron.",
        "Fines de 2020: la pandemia golpeó a la región más que a ninguna otra. Los bonos de "
        "emergencia llegaron tarde y a pocos; la CEPAL propone un ingreso básico. Los "
        "cambios de gobierno en Bolivia y Perú reabren el diálogo.",
    ),
    ContextSpec(
        AS,
        "en",
        COORDINATOR,
        "In Asia, most workers are informal: garment, domestic and migrant workers, "
        "farmers, street vendors. Social insurance schemes exist (BPJS in Indonesia, the "
        "Social Security Fund in Nepal) but informal workers rarely join them.\n\n"
        "Trade unions and civil-society networks in six countries share one demand: "
        "universal health coverage and income security through the whole life cycle.",
        "End of 2020: lockdowns sent millions of migrant workers home without income. "
        "Relief was uneven; Indonesia's Job Creation Law weakened labour protections, while "
        "Nepal extended its Social Security Fund.",
    ),
    ContextSpec(
        BE,
        "fr",
        COORDINATOR,
        "En Belgique, la sécurité sociale est gérée avec les syndicats et les mutualités : "
        "une expérience que les alliés belges de WSM partagent avec les partenaires du "
        "Sud.\n\n"
        "L'Union européenne prépare sa coopération 2021–2027 : la protection sociale doit y "
        "figurer, avec la société civile des pays partenaires.",
        "Fin 2020 : la pandémie a montré la valeur de la sécurité sociale belge ; le débat "
        "européen porte maintenant sur les vaccins. L'initiative citoyenne « No profit on "
        "pandemic » demande qu'ils soient un bien public.",
    ),
)


def _intercontinental() -> tuple[ActionSpec, ...]:
    coordinator = COORDINATOR
    fund_title = "Position on a global fund for social protection"
    study_title = "Study: how health mutuals and unions reached informal workers during COVID-19"
    return (
        ActionSpec(
            "ilo-eu",
            TOP,
            ADVOCACY,
            "en",
            "Work with the ILO and the EU institutions for universal social protection",
            "Bring the members' experience to the ILO, the standard-setter for social "
            "protection, and to the European Commission and Parliament: take part in their "
            "consultations, meet their officials with the continental networks, and ask "
            "that the EU's development cooperation fund social protection floors.",
            "2020-01-15",
            "2021-12-31",
            DONE,
            100,
            (
                step("2020-01-20", coordinator, status=PLANNED, progress=0),
                step("2020-06-30", coordinator, status=ONGOING, progress=40),
                step("2020-12-15", coordinator, status=ONGOING, progress=70),
                step("2021-12-20", coordinator),
            ),
            lead_organisation="wsm",
            partner_networks=(BE,),
            partner_organisations=("acv-csc", "cm-mc"),
            stakeholders=("ilo", "ec", "be-ep"),
            strengthens=("be-eu", "np-ssf"),
            indicators=(
                IndicatorSpec("Meetings with ILO or EU officials", "meetings", 8, 11, "2021-12-15"),
            ),
            title_translations={
                "fr": "Travailler avec l'OIT et les institutions européennes pour une "
                "protection sociale universelle",
                "es": "Trabajar con la OIT y las instituciones europeas por una protección "
                "social universal",
            },
        ),
        ActionSpec(
            "usp2030",
            TOP,
            ADVOCACY,
            "en",
            "Take part in USP2030, the Global Partnership for Universal Social Protection",
            "WSM, the coordinating organisation, is a member of USP2030 and speaks there for "
            "the network: it brings the network's positions to the partnership's working "
            "groups and reports back what is prepared at global level.",
            "2020-01-15",
            "2021-12-31",
            DONE,
            100,
            (
                step("2020-01-20", coordinator, status=ONGOING, progress=20),
                step("2021-12-20", coordinator),
            ),
            lead_organisation="wsm",
            stakeholders=("usp2030", "ilo"),
            title_translations={
                "fr": "Participer à USP2030, le partenariat mondial pour la protection "
                "sociale universelle",
                "es": "Participar en USP2030, la alianza mundial para la protección social "
                "universal",
            },
        ),
        ActionSpec(
            "fund",
            TOP,
            ADVOCACY,
            "en",
            "Global Fund for Social Protection: criteria sent to the UN Special Rapporteur "
            "and relayed to the G20",
            "Support the creation of a Global Fund for Social Protection and set out the "
            "criteria the network holds indispensable: predictable financing, national "
            "ownership, civil society's participation, rights-based benefits. The position "
            "went to the UN Special Rapporteur on extreme poverty and human rights, and the "
            "Global Coalition for Social Protection Floors relayed it to the G20.",
            "2020-03-01",
            "2020-12-31",
            DONE,
            100,
            (
                step(
                    "2020-03-10",
                    coordinator,
                    title=fund_title,
                    status=PLANNED,
                    progress=0,
                    decisions=(),
                    meetings=(),
                ),
                step(
                    "2020-07-02",
                    coordinator,
                    "Draft criteria discussed with the continental networks",
                    title=fund_title,
                    status=ONGOING,
                    progress=50,
                    decisions=(),
                    meetings=(),
                ),
                step(
                    "2020-10-20",
                    coordinator,
                    "Submitted to the UN Special Rapporteur; the GCSPF relays it to the G20",
                    title=fund_title,
                    status=ONGOING,
                    progress=80,
                    decisions=(),
                    meetings=(),
                ),
                step(
                    "2020-12-14",
                    coordinator,
                    "Title refined after the committee's meeting of 10 December 2020, which "
                    "adopted the criteria",
                ),
            ),
            lead_organisation="wsm",
            partner_networks=(WA, CA, LA, AS, BE),
            decisions=("fund",),
            meetings=("review",),
            stakeholders=("un-sr", "gcspf", "g20"),
            strengthens=("wa-fund", "la-fund"),
            indicators=(
                IndicatorSpec("Criteria adopted by the steering committee", "", 1, 1, REVIEW),
                IndicatorSpec(
                    "Continental networks relaying the position to their governments",
                    "networks",
                    5,
                    3,
                    "2020-12-31",
                ),
            ),
            title_translations={
                "fr": "Fonds mondial pour la protection sociale : critères transmis au "
                "Rapporteur spécial de l'ONU et relayés au G20",
                "es": "Fondo Mundial para la Protección Social: criterios enviados al "
                "Relator Especial de la ONU y transmitidos al G20",
            },
        ),
        ActionSpec(
            "covid-care",
            TOP,
            ADVOCACY,
            "en",
            "COVID-19: equal access to health care — protective equipment, reliable tests "
            "and safe vaccination",
            "The pandemic widened the inequalities in health care between and within "
            "countries. Ask governments and donors for protective equipment for health and "
            "informal workers, reliable tests and safe vaccination for all, and bring the "
            "members' testimonies to the institutions.",
            "2020-04-01",
            "2020-12-31",
            DONE,
            100,
            (
                step(
                    "2020-04-08",
                    coordinator,
                    status=ONGOING,
                    progress=10,
                    decisions=(),
                    meetings=(),
                ),
                step(
                    "2020-09-15",
                    coordinator,
                    status=ONGOING,
                    progress=60,
                    decisions=(),
                    meetings=(),
                ),
                step(
                    "2020-12-14",
                    coordinator,
                    "Position adopted by the committee on 10 December 2020",
                ),
            ),
            lead_person=_email("ingrid.mulamba"),
            partner_networks=(CA, WA, AS),
            decisions=("covid",),
            meetings=("review",),
            stakeholders=("g20", "ec"),
            strengthens=("bj-covid", "as-covid"),
            indicators=(
                IndicatorSpec(
                    "Members' testimonies collected", "testimonies", 40, 57, "2020-11-30"
                ),
            ),
            title_translations={
                "fr": "COVID-19 : égal accès aux soins — équipements de protection, tests "
                "fiables et vaccination sûre",
                "es": "COVID-19: igual acceso a la salud — equipos de protección, pruebas "
                "fiables y vacunación segura",
            },
        ),
        ActionSpec(
            "vaccines",
            TOP,
            ADVOCACY,
            "en",
            "COVID-19 vaccines: transparency and ethics, with the European “No profit on "
            "pandemic” campaign",
            "Ask for public, transparent vaccine contracts and no patents on what public "
            "money paid for; support the European citizens' initiative “No profit on "
            "pandemic” with the Belgian allies and carry the demand to the continental "
            "networks' governments.",
            "2020-11-01",
            "2021-12-31",
            ONGOING,
            70,
            (
                step(
                    "2020-11-05",
                    coordinator,
                    status=PLANNED,
                    progress=0,
                    decisions=(),
                    meetings=(),
                ),
                step(
                    "2020-12-14",
                    coordinator,
                    "The network joins the campaign, as the committee decided on 10 December 2020",
                    status=ONGOING,
                    progress=20,
                ),
                step("2021-09-30", coordinator),
            ),
            lead_network=BE,
            partner_organisations=("acv-csc", "cm-mc"),
            decisions=("covid",),
            meetings=("review",),
            stakeholders=("ec", "be-ep"),
            strengthens=("be-eci",),
            indicators=(
                IndicatorSpec(
                    "Signatures collected by the members", "signatures", 20000, 14300, "2021-09-30"
                ),
            ),
            title_translations={
                "fr": "Vaccins contre la COVID-19 : transparence et éthique, avec la "
                "campagne européenne « No profit on pandemic »",
                "es": "Vacunas contra la COVID-19: transparencia y ética, con la campaña "
                "europea «No profit on pandemic»",
            },
        ),
        ActionSpec(
            "information",
            TOP,
            ADVOCACY,
            "en",
            "Clear and reliable information on COVID-19 in the members' languages",
            "Counter rumours and false news: share clear, checked information on the virus, "
            "the vaccines and the relief measures, translated with the continental networks "
            "into the languages their members speak.",
            "2020-04-01",
            "2020-12-31",
            DONE,
            100,
            (
                step("2020-04-08", coordinator, status=ONGOING, progress=30, decisions=()),
                step("2020-12-14", coordinator),
            ),
            lead_network=AS,
            partner_networks=(WA, LA),
            decisions=("covid",),
            strengthens=("bj-covid", "as-covid"),
            title_translations={
                "fr": "Une information claire et fiable sur la COVID-19 dans les langues des "
                "membres",
                "es": "Información clara y fiable sobre la COVID-19 en los idiomas de los miembros",
            },
        ),
        ActionSpec(
            "field-visits",
            TOP,
            LEARNING,
            "en",
            "Field visits between the continental networks",
            "Visits of members from one continent to another, centred on what the "
            "continental networks want to learn: how mutual health organisations negotiate "
            "with public insurance, how unions organise informal workers. Travel was "
            "impossible in 2020: the visits wait for the borders to reopen.",
            "2020-03-01",
            "2021-12-31",
            POSTPONED,
            10,
            (
                step("2020-01-20", coordinator, status=PLANNED, progress=0),
                step("2020-03-20", coordinator, "Postponed: the borders are closed"),
            ),
            lead_organisation="wsm",
            partner_networks=(WA, LA),
            strengthens=("wa-exchange",),
            indicators=(IndicatorSpec("Visits held", "visits", 4, 0, "2021-12-31"),),
            title_translations={
                "fr": "Visites de terrain entre les réseaux continentaux",
                "es": "Visitas de terreno entre las redes continentales",
            },
        ),
        ActionSpec(
            "seminars",
            TOP,
            LEARNING,
            "en",
            "Online seminars on social protection in times of pandemic",
            "A series of online seminars, each prepared with one continental network on a "
            "question it chose: health mutuals' solvency during lockdowns, cash transfers "
            "for informal workers, domestic workers' rights. Interpreted into English, "
            "French and Spanish.",
            "2020-05-01",
            "2020-12-31",
            DONE,
            100,
            (
                step("2020-05-04", coordinator, status=PLANNED, progress=0),
                step("2020-08-31", coordinator, status=ONGOING, progress=50),
                step("2020-12-15", coordinator),
            ),
            lead_person=_email("bismo.sanyoto"),
            partner_networks=(AS, LA, WA),
            strengthens=("as-webinars", "la-study"),
            indicators=(
                IndicatorSpec("Seminars held", "seminars", 6, 8, "2020-12-15"),
                IndicatorSpec("Participants", "people", 300, 460, "2020-12-15"),
            ),
            title_translations={
                "fr": "Séminaires en ligne sur la protection sociale en temps de pandémie",
                "es": "Seminarios en línea sobre la protección social en tiempos de pandemia",
            },
        ),
        ActionSpec(
            "study",
            TOP,
            LEARNING,
            "en",
            "Study: how health mutuals and unions reached informal and domestic workers "
            "during COVID-19",
            "Document, with the members' research centres, what health mutuals and trade "
            "unions did for informal workers during the pandemic, and what governments' "
            "relief measures left out. A chapter is given to domestic workers. Published in "
            "three languages.",
            "2020-06-01",
            "2021-06-30",
            DONE,
            100,
            (
                step(
                    "2020-06-10",
                    coordinator,
                    title=study_title,
                    description=(
                        "Document, with the members' research centres, what health mutuals "
                        "and trade unions did for informal workers during the pandemic, and "
                        "what governments' relief measures left out. Published in three "
                        "languages."
                    ),
                    status=PLANNED,
                    progress=0,
                    partner_organisations=(
                        "institut-ouest-africain-de-recherche-sur-la-protection-sociale-example",
                        "asian-institute-for-labour-and-social-protection-research-example",
                    ),
                ),
                step(
                    "2020-09-22",
                    coordinator,
                    "Merged the suggestion of INSP!R América Latina: domestic workers are "
                    "added to the study",
                    status=ONGOING,
                    progress=30,
                ),
                step("2020-12-15", coordinator, status=ONGOING, progress=60),
                step("2021-06-30", coordinator),
            ),
            lead_organisation="centro-latinoamericano-de-estudios-sobre-seguridad-social-example",
            partner_organisations=(
                "institut-ouest-africain-de-recherche-sur-la-protection-sociale-example",
                "asian-institute-for-labour-and-social-protection-research-example",
                "sindicato-de-trabajadoras-del-hogar-de-lima-example",
            ),
            strengthens=("la-study",),
            indicators=(IndicatorSpec("Case studies", "cases", 9, 11, "2021-06-15"),),
            title_translations={
                "fr": "Étude : comment les mutuelles de santé et les syndicats ont atteint "
                "les travailleurs informels et domestiques pendant la COVID-19",
                "es": "Estudio: cómo las mutuales de salud y los sindicatos llegaron a los "
                "trabajadores informales y del hogar durante la COVID-19",
            },
        ),
        ActionSpec(
            "identity",
            TOP,
            COMMUNICATION,
            "en",
            "Visual identity and graphic charter, with logo variants for the continental "
            "and national networks",
            "One logo, INSP!R, and its variants (INSP!R Afrique, INSP!R América Latina, "
            "INSP!R Asia, one per national network), with a graphic charter that says how and "
            "when each is used.",
            "2020-01-06",
            "2020-06-30",
            DONE,
            100,
            (
                step("2020-01-20", coordinator, status=ONGOING, progress=60),
                step("2020-06-30", coordinator),
            ),
            lead_organisation="wsm",
            strengthens=("la-newsletter", "as-blog"),
            indicators=(
                IndicatorSpec("Logo variants delivered", "variants", 24, 24, "2020-06-15"),
            ),
            title_translations={
                "fr": "Identité visuelle et charte graphique, avec les variantes du logo "
                "pour les réseaux continentaux et nationaux",
                "es": "Identidad visual y manual gráfico, con variantes del logo para las "
                "redes continentales y nacionales",
            },
        ),
        ActionSpec(
            "website",
            TOP,
            COMMUNICATION,
            "en",
            "One website for the whole network, gathering the continental blogs and newsletters",
            "Each continental network has had its own blog and newsletter. One website, in "
            "three languages, brings them together, harmonises them and gives each "
            "continental and national network its own space.",
            "2020-03-01",
            "2021-06-30",
            ONGOING,
            75,
            (
                step("2020-03-05", coordinator, status=PLANNED, progress=0),
                step("2020-09-01", coordinator, status=ONGOING, progress=40),
                step("2020-12-15", coordinator, status=ONGOING, progress=60),
                step(
                    "2021-06-30",
                    coordinator,
                    "The Latin American and Asian channels have moved; the others wait",
                ),
            ),
            lead_organisation="wsm",
            partner_networks=(LA, AS, WA),
            strengthens=("la-newsletter", "as-blog"),
            indicators=(
                IndicatorSpec(
                    "Continental blogs and newsletters moved to the website",
                    "channels",
                    5,
                    2,
                    "2021-06-30",
                ),
            ),
            title_translations={
                "fr": "Un seul site web pour tout le réseau, qui rassemble les blogs et "
                "lettres d'information continentaux",
                "es": "Un solo sitio web para toda la red, que reúne los blogs y boletines "
                "continentales",
            },
        ),
        ActionSpec(
            "strategic-note",
            TOP,
            COMMUNICATION,
            "en",
            "Strategic note on the network's communication",
            "Whom the network speaks to, with which messages and through which channels, at "
            "each level; approved by the steering committee and shared with the continental "
            "committees.",
            "2020-02-01",
            "2020-09-30",
            DONE,
            100,
            (
                step("2020-02-10", coordinator, status=ONGOING, progress=20),
                step("2020-09-30", coordinator),
            ),
            lead_person=_email("helene.vermeulen"),
            strengthens=("la-newsletter",),
            title_translations={
                "fr": "Note stratégique sur la communication du réseau",
                "es": "Nota estratégica sobre la comunicación de la red",
            },
        ),
        ActionSpec(
            "joint-proposals",
            TOP,
            FINANCING,
            "en",
            "Joint funding proposals with the continental networks",
            "Write funding proposals with the continental networks rather than for them: "
            "each network sets its priorities, WSM brings the donors' requirements and the "
            "budget work.",
            "2020-02-01",
            "2021-12-31",
            DONE,
            100,
            (
                step("2020-02-10", coordinator, status=PLANNED, progress=0),
                step("2020-10-01", coordinator, status=ONGOING, progress=50),
                step("2021-12-15", coordinator),
            ),
            lead_organisation="wsm",
            partner_networks=(LA, WA),
            strengthens=("la-proposals", "wa-unicef"),
            indicators=(
                IndicatorSpec("Joint proposals submitted", "proposals", 4, 5, "2021-11-30"),
                IndicatorSpec("Proposals funded", "proposals", 2, 2, "2021-12-15"),
            ),
            title_translations={
                "fr": "Propositions de financement conjointes avec les réseaux continentaux",
                "es": "Propuestas de financiación conjuntas con las redes continentales",
            },
        ),
        ActionSpec(
            "funding-streams",
            TOP,
            FINANCING,
            "en",
            "Mobilise the ILO's, UNICEF's and the EU's funding streams for social protection",
            "Map the calls of the ILO, UNICEF and the European Union that fund social "
            "protection, tell the continental networks in time and help them answer.",
            "2020-03-01",
            "2021-12-31",
            DONE,
            100,
            (
                step("2020-03-10", coordinator, status=ONGOING, progress=20),
                step("2020-12-15", coordinator, status=ONGOING, progress=60),
                step("2021-12-15", coordinator),
            ),
            lead_person=_email("helene.vermeulen"),
            stakeholders=("ilo", "unicef", "ec"),
            strengthens=("wa-unicef", "ca-uhc"),
            indicators=(
                IndicatorSpec(
                    "Calls shared with the continental networks", "calls", 10, 14, "2021-12-15"
                ),
            ),
            title_translations={
                "fr": "Mobiliser les financements de l'OIT, de l'UNICEF et de l'UE pour la "
                "protection sociale",
                "es": "Movilizar los fondos de la OIT, UNICEF y la UE para la protección social",
            },
        ),
        ActionSpec(
            "alliances",
            TOP,
            FINANCING,
            "en",
            "New alliances with organisations and donors",
            "Find foundations, development agencies and allied organisations that could "
            "support the network beyond its current donors.",
            "2021-01-01",
            "2021-12-31",
            PLANNED,
            0,
            (
                step(
                    "2020-12-15",
                    coordinator,
                    "Added after the committee's meeting of 10 December 2020; a lead is "
                    "still to be found",
                ),
            ),
            meetings=("review",),
            title_translations={
                "fr": "Nouvelles alliances avec des organisations et des bailleurs",
                "es": "Nuevas alianzas con organizaciones y donantes",
            },
        ),
    )


def _continental_and_national() -> tuple[ActionSpec, ...]:
    return (
        # West Africa (French), by its continental coordinator.
        ActionSpec(
            "wa-fund",
            WA,
            ADVOCACY,
            "fr",
            "Porter la position sur le Fonds mondial pour la protection sociale auprès des "
            "ministères du Travail du Bénin, du Togo et du Sénégal",
            "Présenter aux ministères du Travail et aux responsables des affaires sociales de "
            "la CEDEAO la position du réseau et ses critères, et demander aux gouvernements "
            "de la soutenir avant le prochain G20.",
            "2020-10-01",
            "2021-03-31",
            DONE,
            100,
            (
                step("2020-10-05", CONTINENTAL, status=PLANNED, progress=0, decisions=()),
                step(
                    "2020-12-18",
                    CONTINENTAL,
                    "Décision du comité de pilotage du 10 décembre 2020",
                    status=ONGOING,
                    progress=40,
                ),
                step("2021-03-31", CONTINENTAL),
            ),
            lead_person=_email("valere.koffi"),
            partner_organisations=("cstt", "federation-des-mutuelles-de-sante-de-thies-example"),
            decisions=("fund",),
            stakeholders=("wa-min-bj", "wa-min-tg", "wa-ecowas"),
            strengthens=("bj-arch",),
            indicators=(IndicatorSpec("Ministères rencontrés", "ministères", 3, 3, "2021-02-28"),),
        ),
        ActionSpec(
            "wa-exchange",
            WA,
            LEARNING,
            "fr",
            "Échanges entre mutuelles de santé du Bénin et du Togo sur la couverture des "
            "travailleurs de l'économie informelle",
            "Des responsables de mutuelles de Cotonou et de Lomé comparent comment elles "
            "affilient les travailleurs de l'économie informelle et négocient avec les "
            "pouvoirs publics. Rencontres en ligne d'abord, visites dès que les frontières "
            "le permettent.",
            "2020-06-01",
            "2021-11-30",
            ONGOING,
            40,
            (
                step(
                    "2020-05-12",
                    CONTINENTAL,
                    "Ajoutée au plan depuis la suggestion d'INSP!R Bénin",
                    status=PLANNED,
                    progress=0,
                ),
                step(
                    "2020-10-15",
                    CONTINENTAL,
                    "Première rencontre en ligne",
                    status=ONGOING,
                    progress=25,
                ),
                step("2021-06-30", CONTINENTAL),
            ),
            lead_organisation=(
                "mutuelle-de-sante-des-travailleurs-de-leconomie-informelle-de-lome-example"
            ),
            partner_networks=(BENIN, "inspir-togo"),
            partner_organisations=(
                "syndicat-des-travailleurs-de-leconomie-informelle-de-cotonou-example",
                "mutuelle-de-sante-des-femmes-de-parakou-example",
            ),
            indicators=(IndicatorSpec("Rencontres tenues", "rencontres", 4, 2, "2021-06-30"),),
        ),
        ActionSpec(
            "wa-unicef",
            WA,
            FINANCING,
            "fr",
            "Proposition conjointe à l'UNICEF pour des allocations familiales aux "
            "travailleuses de l'économie informelle",
            "Avec les mutuelles et les syndicats du Sénégal et du Togo, préparer un projet "
            "pilote d'allocations familiales pour les femmes de l'économie informelle et le "
            "soumettre au bureau régional de l'UNICEF.",
            "2020-04-01",
            "2021-06-30",
            DONE,
            100,
            (
                step("2020-04-06", CONTINENTAL, status=PLANNED, progress=0),
                step("2020-11-30", CONTINENTAL, status=ONGOING, progress=70),
                step("2021-06-30", CONTINENTAL, "Projet pilote retenu par l'UNICEF"),
            ),
            lead_network="inspir-senegal",
            partner_networks=("inspir-togo",),
            stakeholders=("wa-unicef", "unicef"),
            indicators=(IndicatorSpec("Proposition soumise", "", 1, 1, "2020-11-30"),),
        ),
        # Central Africa (French), by the network coordinator.
        ActionSpec(
            "ca-uhc",
            CA,
            ADVOCACY,
            "fr",
            "Plaidoyer pour la couverture santé universelle en RD Congo et au Burundi",
            "Suivre la mise en œuvre de la couverture santé universelle en RD Congo et la "
            "politique nationale de protection sociale du Burundi, et y faire entendre les "
            "mutuelles et les syndicats de l'économie informelle.",
            "2020-02-01",
            "2021-12-31",
            DONE,
            100,
            (
                step("2020-02-10", COORDINATOR, status=ONGOING, progress=10),
                step("2020-12-15", COORDINATOR, status=ONGOING, progress=60),
                step("2021-12-15", COORDINATOR),
            ),
            lead_person=_email("anatole.mangala"),
            partner_networks=("rnma-ps-rdc",),
            partner_organisations=("csb", "mutuelle-de-sante-des-enseignants-de-kinshasa-example"),
            stakeholders=("ilo",),
        ),
        ActionSpec(
            "ca-training",
            CA,
            LEARNING,
            "fr",
            "Formation des mutuelles de Kinshasa à la gestion des risques",
            "Trois sessions de formation des gestionnaires de mutuelles à la gestion des "
            "risques et au suivi des cotisations.",
            "2020-03-01",
            "2020-12-31",
            DROPPED,
            20,
            (
                step("2020-02-20", COORDINATOR, status=PLANNED, progress=0),
                step("2020-03-10", COORDINATOR, status=ONGOING, progress=20),
                step(
                    "2020-07-01",
                    COORDINATOR,
                    "Abandonnée : les rassemblements sont interdits pendant l'épidémie ; à "
                    "reprendre dans le prochain plan",
                ),
            ),
            lead_organisation="centre-congolais-de-recherche-sur-la-protection-sociale-example",
            partner_organisations=("mutuelle-de-sante-des-enseignants-de-kinshasa-example",),
        ),
        # Latin America (Spanish), by the chair of its committee.
        ActionSpec(
            "la-fund",
            LA,
            ADVOCACY,
            "es",
            "Llevar la posición sobre el Fondo Mundial a los ministerios de trabajo de "
            "Bolivia y Perú",
            "Presentar la posición de la red y sus criterios a los ministerios de trabajo de "
            "Bolivia y Perú, y pedirles que la apoyen en los foros regionales.",
            "2020-10-01",
            "2021-06-30",
            ONGOING,
            70,
            (
                step("2020-10-08", STEERING, status=PLANNED, progress=0, decisions=()),
                step(
                    "2020-12-20",
                    STEERING,
                    "Decisión del comité de pilotaje del 10 de diciembre de 2020",
                    status=ONGOING,
                    progress=40,
                ),
                step("2021-03-31", STEERING),
            ),
            lead_person=_email("alexandra.arguedas"),
            partner_networks=("inspir-bolivia", "inspir-peru"),
            decisions=("fund",),
            stakeholders=("la-min-bo", "la-min-pe"),
            indicators=(
                IndicatorSpec(
                    "Ministerios que recibieron la posición", "ministerios", 2, 2, "2021-03-31"
                ),
                IndicatorSpec("Respuestas oficiales", "respuestas", 2, 0, "2021-06-30"),
            ),
        ),
        ActionSpec(
            "la-newsletter",
            LA,
            COMMUNICATION,
            "es",
            "Migrar el boletín continental al nuevo sitio web de la red",
            "Trasladar el boletín y el blog de la red continental al sitio común, en "
            "español, y formar a una persona por red nacional para publicar.",
            "2021-01-01",
            "2021-12-31",
            PLANNED,
            0,
            (step("2020-12-20", STEERING),),
            lead_network=LA,
        ),
        ActionSpec(
            "la-study",
            LA,
            LEARNING,
            "es",
            "Estudio sobre la cobertura de salud de las trabajadoras del hogar en Bolivia y Perú",
            "Con los sindicatos de trabajadoras del hogar, documentar cuántas tienen seguro "
            "de salud, qué les impide afiliarse y qué cambió con la pandemia.",
            "2020-07-01",
            "2021-04-30",
            DONE,
            100,
            (
                step("2020-07-06", STEERING, status=PLANNED, progress=0),
                step("2020-12-20", STEERING, status=ONGOING, progress=60),
                step("2021-04-30", STEERING),
            ),
            lead_organisation="sindicato-de-trabajadoras-del-hogar-de-lima-example",
            partner_organisations=(
                "federacion-de-trabajadoras-del-hogar-de-cochabamba-example",
                "centro-de-estudios-sobre-proteccion-social-de-lima-example",
            ),
            indicators=(
                IndicatorSpec("Trabajadoras entrevistadas", "personas", 200, 236, "2021-02-28"),
            ),
        ),
        ActionSpec(
            "la-proposals",
            LA,
            FINANCING,
            "es",
            "Propuestas conjuntas de financiación con las redes nacionales",
            "Preparar con las redes nacionales dos propuestas a la cooperación europea y "
            "belga para fortalecer las mutuales y los sindicatos de la economía informal.",
            "2020-03-01",
            "2021-09-30",
            DONE,
            100,
            (
                step("2020-03-09", STEERING, status=PLANNED, progress=0),
                step("2020-11-15", STEERING, status=ONGOING, progress=50),
                step("2021-09-30", STEERING),
            ),
            lead_network=LA,
            partner_networks=("inspir-bolivia", "inspir-peru", GUATEMALA),
            stakeholders=("ec",),
        ),
        # Asia (English), by the network coordinator.
        ActionSpec(
            "as-webinars",
            AS,
            LEARNING,
            "en",
            "Regional webinars on social protection for informal and migrant workers",
            "Monthly webinars of the Asian network's members on the relief measures, the "
            "health insurance schemes and the rights of returning migrant workers.",
            "2020-06-01",
            "2020-12-31",
            DONE,
            100,
            (
                step("2020-06-03", COORDINATOR, status=ONGOING, progress=20),
                step("2020-12-18", COORDINATOR),
            ),
            lead_person=_email("bismo.sanyoto"),
            partner_networks=("inspir-indonesia", "inspir-india", NEPAL),
            indicators=(IndicatorSpec("Webinars held", "webinars", 6, 7, "2020-12-18"),),
        ),
        ActionSpec(
            "as-covid",
            AS,
            ADVOCACY,
            "en",
            "Relief for informal and migrant workers: the network's position to ASEAN and "
            "the governments",
            "Ask ASEAN and the governments of the region to include informal and returning "
            "migrant workers in the COVID-19 relief measures and the health insurance "
            "schemes.",
            "2020-04-15",
            "2020-12-31",
            DONE,
            100,
            (
                step("2020-04-20", COORDINATOR, status=ONGOING, progress=30),
                step("2020-12-18", COORDINATOR),
            ),
            lead_organisation="ksbsi",
            partner_organisations=("ngwf", "ndwm"),
            stakeholders=("as-asean", "as-min-id"),
            strengthens=("np-ssf",),
        ),
        ActionSpec(
            "as-blog",
            AS,
            COMMUNICATION,
            "en",
            "Move the ANRSP blog and newsletter to the network's website",
            "Move the Asian network's blog and newsletter to the common website, in English, "
            "with a page for each national network.",
            "2020-09-01",
            "2021-06-30",
            DONE,
            100,
            (
                step("2020-09-07", COORDINATOR, status=PLANNED, progress=0),
                step("2021-06-25", COORDINATOR),
            ),
            lead_network=AS,
        ),
        # Belgium/Europe (French), by the network coordinator.
        ActionSpec(
            "be-eu",
            BE,
            ADVOCACY,
            "fr",
            "Plaider auprès des institutions européennes pour la protection sociale dans la "
            "coopération au développement",
            "Avec les alliés belges, demander que la programmation 2021–2027 de la "
            "coopération européenne réserve des moyens à la protection sociale et associe la "
            "société civile des pays partenaires.",
            "2020-01-15",
            "2021-06-30",
            DONE,
            100,
            (
                step("2020-01-22", COORDINATOR, status=ONGOING, progress=10),
                step("2020-12-15", COORDINATOR, status=ONGOING, progress=70),
                step("2021-06-30", COORDINATOR),
            ),
            lead_organisation="plateforme-belge-pour-le-droit-a-la-protection-sociale-example",
            partner_organisations=("moc", "acv-csc"),
            stakeholders=("be-ep", "be-dgd", "ec"),
        ),
        ActionSpec(
            "be-eci",
            BE,
            ADVOCACY,
            "fr",
            "Collecter des signatures pour l'initiative citoyenne européenne « No profit on "
            "pandemic »",
            "Les mouvements alliés de Belgique relaient l'initiative auprès de leurs "
            "membres : stands, lettres d'information, réseaux sociaux.",
            "2020-11-30",
            "2021-12-31",
            DONE,
            100,
            (
                step("2020-12-01", COORDINATOR, status=ONGOING, progress=10),
                step("2021-12-20", COORDINATOR),
            ),
            lead_organisation="acv-csc",
            partner_organisations=("cm-mc", "femma", "kajjoc", "kwb"),
            stakeholders=("be-ep",),
            indicators=(IndicatorSpec("Signatures", "signatures", 15000, 12800, "2021-12-20"),),
        ),
        # National networks.
        ActionSpec(
            "bj-arch",
            BENIN,
            ADVOCACY,
            "fr",
            "Obtenir l'affiliation des travailleurs de l'économie informelle à l'assurance "
            "maladie de l'ARCH",
            "Demander aux ministères du Travail et des Affaires sociales que les membres des "
            "mutuelles et des syndicats de l'économie informelle puissent s'affilier au "
            "volet assurance maladie de l'ARCH, et suivre les inscriptions.",
            "2020-09-01",
            "2021-12-31",
            ONGOING,
            60,
            (
                step("2020-09-07", CONTINENTAL, status=PLANNED, progress=0),
                step(
                    "2020-11-20",
                    CONTINENTAL,
                    "Audience au ministère du Travail",
                    status=ONGOING,
                    progress=30,
                ),
                step("2021-06-30", CONTINENTAL),
            ),
            lead_organisation="syndicat-des-travailleurs-de-leconomie-informelle-de-cotonou-example",
            partner_organisations=(
                "mutuelle-de-sante-des-femmes-de-parakou-example",
                "centre-beninois-detudes-sur-la-protection-sociale-example",
            ),
            stakeholders=("wa-min-bj",),
        ),
        ActionSpec(
            "bj-covid",
            BENIN,
            COMMUNICATION,
            "fr",
            "Informer les membres des mutuelles sur la COVID-19 : gestes barrières, "
            "dépistage, vaccination",
            "Messages radio en fon et en français, affiches dans les marchés et relais des "
            "mutuelles pour une information fiable sur le virus et la vaccination.",
            "2020-04-01",
            "2020-12-31",
            DONE,
            100,
            (
                step("2020-04-06", CONTINENTAL, status=ONGOING, progress=30),
                step("2020-12-18", CONTINENTAL),
            ),
            lead_organisation="reseau-des-jeunes-pour-la-protection-sociale-de-porto-novo-example",
            partner_organisations=("mutuelle-de-sante-des-femmes-de-parakou-example",),
        ),
        ActionSpec(
            "gt-igss",
            GUATEMALA,
            ADVOCACY,
            "es",
            "Acceso de los trabajadores agrícolas temporales al IGSS",
            "Pedir al Instituto Guatemalteco de Seguridad Social un régimen de afiliación "
            "para los jornaleros agrícolas temporales.",
            "2020-02-01",
            "2021-06-30",
            DROPPED,
            30,
            (
                step("2020-02-12", COORDINATOR, status=ONGOING, progress=10),
                step("2020-11-20", COORDINATOR, status=ONGOING, progress=30),
                step(
                    "2021-05-15",
                    COORDINATOR,
                    "Se abandona: la reforma quedó congelada durante la pandemia; se "
                    "retomará en el próximo plan",
                ),
            ),
            lead_organisation="mtc",
            partner_organisations=(
                "sindicato-de-trabajadores-agricolas-de-quetzaltenango-example",
            ),
            stakeholders=("la-min-gt",),
        ),
        ActionSpec(
            "np-ssf",
            NEPAL,
            ADVOCACY,
            "en",
            "Bring informal workers into Nepal's contribution-based Social Security Fund",
            "Campaign with the three trade-union centres for the Social Security Fund to "
            "open to informal and self-employed workers, and help members register.",
            "2020-01-15",
            "2021-12-31",
            DONE,
            100,
            (
                step("2020-01-22", COORDINATOR, status=ONGOING, progress=10),
                step("2020-12-15", COORDINATOR, status=ONGOING, progress=55),
                step("2021-12-15", COORDINATOR),
            ),
            lead_organisation="gefont",
            partner_organisations=("ntuc", "ituc-nac", "spcsn"),
            stakeholders=("as-min-np",),
            indicators=(
                IndicatorSpec("Members helped to register", "workers", 5000, 6200, "2021-12-15"),
            ),
        ),
    )


ACTIONS: tuple[ActionSpec, ...] = _intercontinental() + _continental_and_national()

_EXCHANGE_EXTENDED = (
    "Échanges entre mutuelles de santé du Bénin, du Togo et du Burkina Faso sur la "
    "couverture des travailleurs de l'économie informelle"
)

SUGGESTIONS: tuple[SuggestionSpec, ...] = (
    SuggestionSpec(
        network=WA,
        from_network=BENIN,
        author=FOCAL_POINT,
        kind=SuggestionKind.NEW,
        domain=LEARNING,
        title=(
            "Échanges entre mutuelles de santé du Bénin et du Togo sur la couverture des "
            "travailleurs de l'économie informelle"
        ),
        description=(
            "Des responsables de nos mutuelles de Cotonou rendent visite à la mutuelle des "
            "travailleurs de l'économie informelle de Lomé, et la reçoivent à leur tour."
        ),
        reason=(
            "Nos mutuelles veulent apprendre comment celle de Lomé a affilié les vendeuses "
            "du grand marché."
        ),
        starts_on="2020-06-01",
        ends_on="2021-11-30",
        made_on="2020-04-20",
        status=SuggestionStatus.ACCEPTED,
        result="wa-exchange",
        answer=(
            "Acceptée : l'action entre dans le plan de l'Afrique de l'Ouest, avec la mutuelle "
            "de Lomé comme pilote."
        ),
        decided_by=CONTINENTAL,
        decided_on="2020-05-12",
    ),
    SuggestionSpec(
        network=TOP,
        from_network=LA,
        author=STEERING,
        kind=SuggestionKind.NEW,
        domain=LEARNING,
        title="Incluir a las trabajadoras del hogar en el estudio sobre la COVID-19",
        description=(
            "Un capítulo sobre las trabajadoras del hogar: cuántas perdieron su empleo, "
            "cuántas recibieron los bonos de emergencia, cómo las acompañaron sus sindicatos."
        ),
        reason=(
            "Fueron de las más golpeadas por la pandemia y casi nunca aparecen en los estudios."
        ),
        starts_on="2020-10-01",
        ends_on="2021-06-30",
        made_on="2020-09-03",
        status=SuggestionStatus.MERGED,
        result="study",
        answer=(
            "Integrada en el estudio en curso: el Centro Latinoamericano coordinará un "
            "capítulo sobre las trabajadoras del hogar."
        ),
        decided_by=COORDINATOR,
        decided_on="2020-09-22",
    ),
    SuggestionSpec(
        network=TOP,
        from_network=LA,
        author=TRANSLATOR,
        kind=SuggestionKind.NEW,
        domain=LEARNING,
        title="Reunión presencial del comité de pilotaje en Lima en 2020",
        description=(
            "Reunir al comité de pilotaje dos días en Lima, con visitas a las organizaciones "
            "de trabajadoras del hogar."
        ),
        reason="Las reuniones virtuales no reemplazan el encuentro entre continentes.",
        starts_on="2020-10-01",
        ends_on="2020-10-31",
        made_on="2020-06-15",
        status=SuggestionStatus.DECLINED,
        answer=(
            "No es posible este año: las fronteras están cerradas y las reuniones seguirán "
            "siendo virtuales. La volveremos a proponer cuando se pueda viajar."
        ),
        decided_by=COORDINATOR,
        decided_on="2020-07-01",
    ),
    SuggestionSpec(
        network=WA,
        from_network=BENIN,
        author=FOCAL_POINT,
        kind=SuggestionKind.CHANGE,
        action="wa-exchange",
        domain=LEARNING,
        title=_EXCHANGE_EXTENDED,
        description=(
            "Des responsables de mutuelles de Cotonou, de Lomé et de Ouagadougou comparent "
            "comment elles affilient les travailleurs de l'économie informelle et négocient "
            "avec les pouvoirs publics. Rencontres en ligne d'abord, visites dès que les "
            "frontières le permettent."
        ),
        reason="Les mutuelles du Kadiogo ont demandé à se joindre aux échanges.",
        starts_on="2020-06-01",
        ends_on="2021-11-30",
        made_on="",
        status=SuggestionStatus.PENDING,
    ),
)
# The pending suggestion was made this many days before the demo is loaded, so that its
# owners find it waiting.
PENDING_DAYS_AGO = 6


# --- Loading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanningSummary:
    actions: int
    revisions: int
    suggestions: int
    stakeholders: int
    assessments: int
    context_notes: int


@dataclass
class _World:
    networks: dict[str, Network]
    people: dict[str, Person]
    users: dict[str, User | None]
    organisations: dict[str, Organisation]
    decisions: dict[str, Decision]
    meetings: dict[str, Meeting]
    stakeholders: dict[str, Stakeholder] = field(default_factory=dict)
    actions: dict[str, PlanAction] = field(default_factory=dict)


def _world(networks: dict[str, Network], people: dict[str, Person]) -> _World:
    logins = (COORDINATOR, CONTINENTAL, STEERING, FOCAL_POINT, TRANSLATOR)
    found = {user.email: user for user in User.objects.filter(email__in=map(_email, logins))}
    slugs = {
        slug
        for spec in ACTIONS
        for slug in (spec.lead_organisation, *spec.partner_organisations)
        if slug
    } | {
        slug
        for spec in ACTIONS
        for one in spec.history
        for slug in one.was.get("partner_organisations", ())
    }
    decisions = {
        key: decision
        for key, title in DECISIONS.items()
        if (decision := Decision.objects.filter(title=title).first()) is not None
    }
    meetings = {
        key: meeting
        for key, title in MEETINGS.items()
        if (meeting := Meeting.objects.filter(title=title).first()) is not None
    }
    return _World(
        networks=networks,
        people=people,
        users={login: found.get(_email(login)) for login in logins},
        organisations={
            organisation.slug: organisation
            for organisation in Organisation.objects.filter(slug__in=slugs)
        },
        decisions=decisions,
        meetings=meetings,
    )


def planning_load(
    networks: dict[str, Network], people: dict[str, Person], now: datetime.datetime | None = None
) -> PlanningSummary:
    """Write the demo's plan and context analysis; safe to run again."""
    now = now or timezone.now()
    world = _world(networks, people)
    period, _ = PlanPeriod.objects.update_or_create(
        name=PERIOD_NAME, defaults={"starts_on": PERIOD_STARTS, "ends_on": PERIOD_ENDS}
    )
    for context in CONTEXTS:
        _context_note(context, world)
    assessments = 0
    for stakeholder in STAKEHOLDERS:
        world.stakeholders[stakeholder.key] = _stakeholder(stakeholder, world)
        assessments += len(stakeholder.assessments)
    # First every action (the links point at each other), then their links and histories.
    for action in ACTIONS:
        world.actions[action.key] = _action(action, period, world)
    revisions = sum(_action_history(action, world) for action in ACTIONS)
    for suggestion in SUGGESTIONS:
        _suggestion(suggestion, period, world, now)
    return PlanningSummary(
        actions=len(ACTIONS),
        revisions=revisions,
        suggestions=len(SUGGESTIONS),
        stakeholders=len(STAKEHOLDERS),
        assessments=assessments,
        context_notes=len(CONTEXTS),
    )


def _dated(revision: Revision, on: str, hour: int = 9) -> None:
    Revision.objects.filter(pk=revision.pk).update(created_at=_at(on, hour))


def _history_cleared(obj: models.Model) -> None:
    """The demo writes its histories whole: what an earlier load wrote goes first."""
    history.revisions(obj).delete()


# What each revision of a context note says, in the note's language.
CONTEXT_NOTES = {
    "en": ("Founding meeting, Geneva", "Updated after the committee's annual review"),
    "fr": ("Réunion fondatrice, Genève", "Mise à jour après la revue annuelle du comité"),
    "es": ("Reunión fundacional, Ginebra", "Actualizado tras la revisión anual del comité"),
}


def _context_note(spec: ContextSpec, world: _World) -> ContextNote:
    with translation.override(spec.language):
        note, _ = ContextNote.objects.update_or_create(
            network=world.networks[spec.network], defaults={"text": spec.text, "version": 2}
        )
    _history_cleared(note)
    author = world.users[spec.by]
    founded, updated = CONTEXT_NOTES[spec.language]
    note.text, note.version = spec.founding, 1
    _dated(history.record(note, actor=author, fields=("text",), note=founded), GENEVA)
    note.text, note.version = spec.text, 2
    _dated(history.record(note, actor=author, fields=("text",), note=updated), REVIEW, hour=15)
    ContextNote.objects.filter(pk=note.pk).update(updated_at=_at(REVIEW, 15))
    return note


def _stakeholder(spec: StakeholderSpec, world: _World) -> Stakeholder:
    network = world.networks[spec.network]
    language = _network_language(spec.network)
    latest = spec.assessments[-1]
    with translation.override(language):
        stakeholder, _ = Stakeholder.objects.update_or_create(
            network=network,
            name=spec.name,
            defaults={
                "kind": spec.kind,
                "level": spec.level,
                "influence": latest.influence,
                "stance": latest.stance,
                "assessed_on": _date(latest.on),
                "interest": spec.interest,
                "notes": spec.notes,
                "version": 1,
            },
        )
    author = world.users[_owner(spec.network)]
    for assessment in spec.assessments:
        row, _ = Assessment.objects.update_or_create(
            stakeholder=stakeholder,
            assessed_on=_date(assessment.on),
            defaults={
                "influence": assessment.influence,
                "stance": assessment.stance,
                "recorded_by": author,
            },
        )
        Assessment.objects.filter(pk=row.pk).update(recorded_at=_at(assessment.on, 16))
    first = spec.assessments[0].on
    _history_cleared(stakeholder)
    _dated(
        history.record(stakeholder, actor=author, fields=EDITABLE_STAKEHOLDER_FIELDS),
        first,
        hour=16,
    )
    Stakeholder.objects.filter(pk=stakeholder.pk).update(
        created_at=_at(first, 16), updated_at=_at(latest.on, 16)
    )
    return stakeholder


def _network_language(slug: str) -> str:
    for context in CONTEXTS:
        if context.network == slug:
            return context.language
    raise KeyError(slug)


def _owner(slug: str) -> str:
    for context in CONTEXTS:
        if context.network == slug:
            return context.by
    raise KeyError(slug)


def _lead_ids(values: Mapping[str, Any], world: _World) -> dict[str, int | None]:
    """The lead's columns from a spec's or a step's `lead_*` values (slugs, an e-mail)."""
    network = values.get("lead_network") or ""
    organisation = values.get("lead_organisation") or ""
    person = values.get("lead_person") or ""
    return {
        "lead_network_id": world.networks[network].pk if network else None,
        "lead_organisation_id": world.organisations[organisation].pk if organisation else None,
        "lead_person_id": world.people[person].pk if person else None,
    }


def _action(spec: ActionSpec, period: PlanPeriod, world: _World) -> PlanAction:
    if spec.history[-1].was:
        raise ValueError(f"The last step of {spec.key} must be the action as it stands.")
    first = spec.history[0]
    with translation.override(spec.language):
        action, _ = PlanAction.objects.update_or_create(
            period=period,
            network=world.networks[spec.network],
            title=spec.title,
            defaults={
                "domain": spec.domain,
                "description": spec.description,
                "starts_on": _date(spec.starts_on),
                "ends_on": _date(spec.ends_on),
                "status": spec.status,
                "progress": spec.progress,
                "version": len(spec.history),
                "created_by": world.users[first.by],
                **_lead_ids(
                    {
                        "lead_network": spec.lead_network,
                        "lead_organisation": spec.lead_organisation,
                        "lead_person": spec.lead_person,
                    },
                    world,
                ),
            },
        )
        for indicator in spec.indicators:
            Indicator.objects.update_or_create(
                action=action,
                name=indicator.name,
                defaults={
                    "unit": indicator.unit,
                    "target": _decimal(indicator.target),
                    "actual": _decimal(indicator.actual),
                    "measured_on": _date(indicator.measured_on),
                },
            )
    _translations_set(action, "title", spec.title_translations, world)
    PlanAction.objects.filter(pk=action.pk).update(
        created_at=_at(first.on), updated_at=_at(spec.history[-1].on)
    )
    return action


def _decimal(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _links(values: Mapping[str, Any], world: _World) -> dict[str, list[int]]:
    """The ids an action links to, from a spec's or a step's keys and slugs."""
    resolvers: dict[str, Callable[[str], int]] = {
        "partner_networks": lambda slug: world.networks[slug].pk,
        "partner_organisations": lambda slug: world.organisations[slug].pk,
        "decisions": lambda key: world.decisions[key].pk,
        "meetings": lambda key: world.meetings[key].pk,
        "stakeholders": lambda key: world.stakeholders[key].pk,
        "strengthens": lambda key: world.actions[key].pk,
    }
    links = {}
    for name, resolve in resolvers.items():
        if name in values:
            keys = values[name]
            if name in ("decisions", "meetings"):  # absent from a bare demo: left out
                keys = [key for key in keys if key in getattr(world, name)]
            links[name] = sorted(resolve(key) for key in keys)
    return links


def _action_history(spec: ActionSpec, world: _World) -> int:
    """Set the action's links, and write its history: one revision per step, each holding
    the action as it was then, by the step's author on the step's day."""
    action = world.actions[spec.key]
    final_fields = {
        "title": spec.title,
        "description": spec.description,
        "domain": spec.domain,
        "status": spec.status,
        "progress": spec.progress,
        "starts_on": _date(spec.starts_on),
        "ends_on": _date(spec.ends_on),
    }
    final_leads = _lead_ids(
        {
            "lead_network": spec.lead_network,
            "lead_organisation": spec.lead_organisation,
            "lead_person": spec.lead_person,
        },
        world,
    )
    final_links = _links(
        {
            "partner_networks": spec.partner_networks,
            "partner_organisations": spec.partner_organisations,
            "decisions": spec.decisions,
            "meetings": spec.meetings,
            "stakeholders": spec.stakeholders,
            "strengthens": spec.strengthens,
        },
        world,
    )
    for name, ids in final_links.items():
        getattr(action, name).set(ids)
    # The revisions are written as `history.record` writes them, in the same shape as
    # `history.snapshot` (links as sorted ids), but each holds a past state: the action as
    # it was on the step's day, its links included, which the rows no longer hold.
    plain = [
        name for name in TRACKED_ACTION_FIELDS if not PlanAction._meta.get_field(name).many_to_many
    ]
    content_type = ContentType.objects.get_for_model(PlanAction, for_concrete_model=False)
    _history_cleared(action)
    revisions = []
    for version, one in enumerate(spec.history, start=1):
        was = dict(one.was)
        for name, value in final_fields.items():
            setattr(action, name, was.get(name, value))
        leads = (
            _lead_ids(was, world) if any(name.startswith("lead_") for name in was) else final_leads
        )
        for name, value in leads.items():
            setattr(action, name, value)
        links = {**final_links, **_links(was, world)}
        state = history.snapshot(action, plain)
        state.update({name: links[name] for name in TRACKED_ACTION_FIELDS if name in links})
        author = world.users[one.by]
        revisions.append(
            Revision(
                content_type=content_type,
                object_id=action.pk,
                version=version,
                author=author,
                snapshot=state,
                note=one.note[:300],
            )
        )
    Revision.objects.bulk_create(revisions)
    history.revisions(action).update(
        created_at=models.Case(
            *(
                models.When(version=version, then=models.Value(_at(one.on, 9 + version)))
                for version, one in enumerate(spec.history, start=1)
            ),
            output_field=models.DateTimeField(),
        )
    )
    action.version = len(spec.history)
    return len(spec.history)


def _translations_set(
    obj: models.Model, field_name: str, texts: Mapping[str, str], world: _World
) -> None:
    """`texts` (language → text) as the translations of `obj`'s `field_name`, made from its
    current revision by the demo's translators (Spanish) and the secretariat (French)."""
    if not texts:
        return
    original = TextOriginal.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=obj.pk,
        field=field_name,
    ).first()
    if original is None:
        return
    translators = {"es": world.users[TRANSLATOR], "fr": world.users[COORDINATOR]}
    existing = {made.language: made for made in TextTranslation.objects.filter(original=original)}
    for language, text in texts.items():
        if language == original.language:
            continue
        wanted = {
            "text": text,
            "status": TextStatus.TRANSLATED,
            "machine": False,
            "source_revision": original.revision,
            "source_text": getattr(obj, field_name),
            "translated_by_id": getattr(translators.get(language), "pk", None),
        }
        current = existing.get(language)
        if current is not None and all(getattr(current, k) == v for k, v in wanted.items()):
            continue  # loaded again unchanged: no save, no index written again
        TextTranslation.objects.update_or_create(
            original=original, language=language, defaults=wanted
        )


def _suggestion(
    spec: SuggestionSpec, period: PlanPeriod, world: _World, now: datetime.datetime
) -> Suggestion:
    action = world.actions[spec.action] if spec.action else None
    suggestion, _ = Suggestion.objects.update_or_create(
        network=world.networks[spec.network],
        from_network=world.networks[spec.from_network],
        title=spec.title,
        defaults={
            "kind": spec.kind,
            "period": period,
            "action": action,
            "action_version": action.version if action is not None else None,
            "domain": spec.domain,
            "description": spec.description,
            "starts_on": _date(spec.starts_on),
            "ends_on": _date(spec.ends_on),
            "reason": spec.reason,
            "author": world.users[spec.author],
            "status": spec.status,
            "result": world.actions[spec.result] if spec.result else None,
            "answer": spec.answer,
            "decided_by": world.users[spec.decided_by] if spec.decided_by else None,
            "decided_at": _at(spec.decided_on, 8) if spec.decided_on else None,
        },
    )
    made = (
        _at(spec.made_on, 14)
        if spec.made_on
        else (now - datetime.timedelta(days=PENDING_DAYS_AGO)).replace(microsecond=0)
    )
    Suggestion.objects.filter(pk=suggestion.pk).update(created_at=made)
    return suggestion


# --- The scale generator's part (scale.py) ------------------------------------------------------


@dataclass(frozen=True)
class PlanningScaleSummary:
    actions: int = 0
    stakeholders: int = 0
    assessments: int = 0
    suggestions: int = 0


def _copy_name(prefix: str, copy: int, name: str) -> str:
    return f"{prefix}{copy} {name}"[:200]


def planning_scaled_remove(prefix: str) -> None:
    """Remove what `planning_scale` added (every copy's title or name starts with
    `prefix`), with their texts."""
    actions = PlanAction.objects.filter(title__startswith=prefix)
    stakeholders = Stakeholder.objects.filter(name__startswith=prefix)
    # The texts first, all at once: each record deleted then finds none left to remove.
    copied: tuple[tuple[type[models.Model], models.QuerySet[Any]], ...] = (
        (PlanAction, actions),
        (Indicator, Indicator.objects.filter(action__in=actions)),
        (Stakeholder, stakeholders),
    )
    for model, copies in copied:
        TextOriginal.objects.filter(
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
            object_id__in=copies.values("pk"),
        ).delete()
    Suggestion.objects.filter(title__startswith=prefix).delete()
    # Indicators and the links go with their actions, assessments with their stakeholders.
    actions.delete()
    stakeholders.delete()


def _demo_stakeholders() -> list[Stakeholder]:
    wanted = {(spec.network, spec.name) for spec in STAKEHOLDERS}
    rows = Stakeholder.objects.filter(
        name__in={name for _, name in wanted}, network__slug__in={slug for slug, _ in wanted}
    ).select_related("network")
    return sorted(
        (row for row in rows if (row.network.slug, row.name) in wanted), key=lambda row: row.pk
    )


def _demo_actions() -> list[PlanAction]:
    wanted = {(spec.network, spec.title) for spec in ACTIONS}
    rows = PlanAction.objects.filter(
        period__name=PERIOD_NAME,
        title__in={title for _, title in wanted},
        network__slug__in={slug for slug, _ in wanted},
    ).select_related("network")
    return sorted(
        (row for row in rows if (row.network.slug, row.title) in wanted), key=lambda row: row.pk
    )


def planning_scale(
    copies: range,
    *,
    prefix: str,
    batch_size: int,
    organisation_copy: Callable[[int, int], int],
    person_copy: Callable[[int, int], int],
) -> PlanningScaleSummary:
    """Add a copy of the demo's plan (actions with their indicators, links and texts,
    suggestions) and of its stakeholders (with their assessments) for each of `copies`, in
    the same networks. Copy `n` is named "<prefix><n> …"; its leads and partners are copy
    `n` of the organisations and people (`organisation_copy(id, n)`, `person_copy(id, n)`),
    and its actions target and strengthen copy `n` of the stakeholders and actions. Run
    `load_demo` first; histories are not copied."""
    stakeholders = _demo_stakeholders()
    actions = _demo_actions()
    if not copies or not actions:
        return PlanningScaleSummary()

    Stakeholder.objects.bulk_create(
        [
            Stakeholder(
                network_id=original.network_id,
                name=_copy_name(prefix, copy, original.name),
                kind=original.kind,
                level=original.level,
                influence=original.influence,
                stance=original.stance,
                assessed_on=original.assessed_on,
                interest=original.interest,
                notes=original.notes,
                version=original.version,
            )
            for copy, original in itertools.product(copies, stakeholders)
        ],
        batch_size=batch_size,
    )
    # Not every database returns the primary keys of bulk-created rows: fetch them by name.
    stakeholder_ids = {
        (network_id, name): pk
        for network_id, name, pk in Stakeholder.objects.filter(name__startswith=prefix).values_list(
            "network_id", "name", "pk"
        )
    }
    stakeholders_by_pk = {stakeholder.pk: stakeholder for stakeholder in stakeholders}

    def stakeholder_copy(stakeholder_id: int, copy: int) -> int:
        original = stakeholders_by_pk[stakeholder_id]
        return stakeholder_ids[(original.network_id, _copy_name(prefix, copy, original.name))]

    assessments = list(
        Assessment.objects.filter(stakeholder__in=stakeholders).order_by("stakeholder", "pk")
    )
    Assessment.objects.bulk_create(
        [
            Assessment(
                stakeholder_id=stakeholder_copy(assessment.stakeholder_id, copy),
                assessed_on=assessment.assessed_on,
                influence=assessment.influence,
                stance=assessment.stance,
                recorded_by_id=assessment.recorded_by_id,
            )
            for copy, assessment in itertools.product(copies, assessments)
        ],
        batch_size=batch_size,
    )

    PlanAction.objects.bulk_create(
        [
            PlanAction(
                period_id=original.period_id,
                network_id=original.network_id,
                domain=original.domain,
                title=_copy_name(prefix, copy, original.title),
                description=original.description,
                lead_network_id=original.lead_network_id,
                lead_organisation_id=(
                    organisation_copy(original.lead_organisation_id, copy)
                    if original.lead_organisation_id
                    else None
                ),
                lead_person_id=(
                    person_copy(original.lead_person_id, copy) if original.lead_person_id else None
                ),
                starts_on=original.starts_on,
                ends_on=original.ends_on,
                status=original.status,
                progress=original.progress,
                created_by_id=original.created_by_id,
            )
            for copy, original in itertools.product(copies, actions)
        ],
        batch_size=batch_size,
    )
    action_ids = {
        (network_id, title): pk
        for network_id, title, pk in PlanAction.objects.filter(
            title__startswith=prefix
        ).values_list("network_id", "title", "pk")
    }
    actions_by_pk = {action.pk: action for action in actions}

    def action_copy(action_id: int, copy: int) -> int:
        original = actions_by_pk[action_id]
        return action_ids[(original.network_id, _copy_name(prefix, copy, original.title))]

    # The links, through each many-to-many table: copy `n` links to copy `n` of what is
    # copied, and to the same record otherwise (networks, decisions, meetings).
    copied: dict[str, Callable[[int, int], int]] = {
        "partner_organisations": organisation_copy,
        "stakeholders": stakeholder_copy,
        "strengthens": action_copy,
    }
    for model_field in PlanAction._meta.many_to_many:
        through: Any = model_field.remote_field.through  # type: ignore[attr-defined]
        source = model_field.m2m_column_name()  # type: ignore[attr-defined]
        target = model_field.m2m_reverse_name()  # type: ignore[attr-defined]
        rows = list(
            through.objects.filter(**{f"{source}__in": list(actions_by_pk)})
            .order_by("pk")
            .values_list(source, target)
        )
        target_copy = copied.get(model_field.name)
        through.objects.bulk_create(
            [
                through(
                    **{
                        source: action_copy(action_id, copy),
                        target: target_copy(target_id, copy) if target_copy else target_id,
                    }
                )
                for copy, (action_id, target_id) in itertools.product(copies, rows)
            ],
            batch_size=batch_size,
        )

    indicators = list(Indicator.objects.filter(action__in=actions).order_by("pk"))
    indicator_copies = [
        (
            indicator.pk,
            Indicator(
                action_id=action_copy(indicator.action_id, copy),
                name=indicator.name,
                unit=indicator.unit,
                target=indicator.target,
                actual=indicator.actual,
                measured_on=indicator.measured_on,
            ),
        )
        for copy, indicator in itertools.product(copies, indicators)
    ]
    Indicator.objects.bulk_create([made for _pk, made in indicator_copies], batch_size=batch_size)
    indicator_copies_made = Indicator.objects.filter(action__title__startswith=prefix)
    if any(made.pk is None for _pk, made in indicator_copies):
        # Rows are numbered in the order they were inserted.
        ids = indicator_copies_made.order_by("pk").values_list("pk", flat=True)
        for (_pk, made), pk in zip(indicator_copies, ids, strict=True):
            made.pk = pk

    suggestions = [
        suggestion
        for suggestion in Suggestion.objects.filter(
            title__in={spec.title for spec in SUGGESTIONS}
        ).order_by("pk")
        if suggestion.action_id in (None, *actions_by_pk)
        and suggestion.result_id in (None, *actions_by_pk)
    ]
    Suggestion.objects.bulk_create(
        [
            Suggestion(
                kind=original.kind,
                period_id=original.period_id,
                network_id=original.network_id,
                from_network_id=original.from_network_id,
                action_id=action_copy(original.action_id, copy) if original.action_id else None,
                action_version=original.action_version,
                domain=original.domain,
                title=_copy_name(prefix, copy, original.title),
                description=original.description,
                starts_on=original.starts_on,
                ends_on=original.ends_on,
                reason=original.reason,
                author_id=original.author_id,
                status=original.status,
                result_id=action_copy(original.result_id, copy) if original.result_id else None,
                answer=original.answer,
                decided_by_id=original.decided_by_id,
                decided_at=original.decided_at,
            )
            for copy, original in itertools.product(copies, suggestions)
        ],
        batch_size=batch_size,
    )

    # bulk_create records no original of a text (core/texts.py): give each copy its
    # original's, so that the pages read as many texts as they would.
    action_copies = {
        (action.pk, copy): PlanAction(
            pk=action_copy(action.pk, copy),
            network_id=action.network_id,
            starts_on=action.starts_on,
            title=_copy_name(prefix, copy, action.title),
            description=action.description,
        )
        for copy, action in itertools.product(copies, actions)
    }
    texts_copy(
        PlanAction,
        [(pk, made) for (pk, _copy), made in action_copies.items()],
        PlanAction.objects.filter(title__startswith=prefix),
        batch_size,
    )
    # An indicator's texts belong to its action's network: read from the copy, no query.
    for (copy, indicator), (_pk, made) in zip(
        itertools.product(copies, indicators), indicator_copies, strict=True
    ):
        made.action = action_copies[(indicator.action_id, copy)]
    texts_copy(Indicator, indicator_copies, indicator_copies_made, batch_size)
    texts_copy(
        Stakeholder,
        [
            (
                stakeholder.pk,
                Stakeholder(
                    pk=stakeholder_copy(stakeholder.pk, copy),
                    network_id=stakeholder.network_id,
                    name=_copy_name(prefix, copy, stakeholder.name),
                    interest=stakeholder.interest,
                    notes=stakeholder.notes,
                ),
            )
            for copy, stakeholder in itertools.product(copies, stakeholders)
        ],
        Stakeholder.objects.filter(name__startswith=prefix),
        batch_size,
    )
    return PlanningScaleSummary(
        actions=len(copies) * len(actions),
        stakeholders=len(copies) * len(stakeholders),
        assessments=len(copies) * len(assessments),
        suggestions=len(copies) * len(suggestions),
    )


def texts_copy(
    model: type[models.Model],
    pairs: list[tuple[int, Any]],
    copies_made: models.QuerySet,
    batch_size: int,
) -> None:
    """Record the original of each translatable text of the copies in `pairs` (the id of
    the record copied, the copy, its id set) as its source's: language, revision and
    translations, where the copy belongs (`texts.context_of`). `copies_made` holds every
    copy of `model`."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    fields = translatable_fields(model)
    sources: dict[int, list[TextOriginal]] = defaultdict(list)
    for source in TextOriginal.objects.filter(
        content_type=content_type,
        object_id__in={pk for pk, _made in pairs},
        field__in=fields,
    ).prefetch_related("translations"):
        sources[source.object_id].append(source)
    TextOriginal.objects.bulk_create(
        [
            TextOriginal(
                content_type=content_type,
                object_id=made.pk,
                field=source.field,
                language=source.language,
                revision=source.revision,
                digest=digest(getattr(made, source.field) or ""),
                changed_at=source.changed_at,
                **where.fields(),
            )
            for pk, made in pairs
            if sources[pk]
            for where in (context_of(made),)
            for source in sources[pk]
        ],
        batch_size=batch_size,
    )
    made_ids = {
        (object_id, name): pk
        for object_id, name, pk in TextOriginal.objects.filter(
            content_type=content_type, object_id__in=copies_made.values("pk"), field__in=fields
        ).values_list("object_id", "field", "pk")
    }
    TextTranslation.objects.bulk_create(
        [
            TextTranslation(
                original_id=made_ids[(made.pk, source.field)],
                language=translated.language,
                text=translated.text,
                status=translated.status,
                machine=translated.machine,
                source_revision=translated.source_revision,
                source_text=translated.source_text,
                translated_by_id=translated.translated_by_id,
            )
            for pk, made in pairs
            for source in sources[pk]
            for translated in source.translations.all()
        ],
        batch_size=batch_size,
    )
