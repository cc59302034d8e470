"""The network's founding skeleton: the networks and organisations its sources name.

A new installation starts from it (`manage.py start_installation`), and the demo builds on it
(`inspir/demo/data.py` adds invented organisations, people, figures and activity). It holds
only what the 2020 activity report (`shared/docs/DOMAIN.md`) and `shared/data/SOURCES.md`
(sections 3.3 and 3.4) state, plus the few choices the platform needs to hold it, each said
where it is made:

- the three levels: the intercontinental network, its five continental networks and 19
  national networks (the report's count), each national network in one of the 21 countries
  SOURCES.md confirms;
- network names where the sources give one (`name_confirmed`); the others follow the visual
  identity's rule, one "INSP!R" variant per network ("INSP!R" + the country's name in the
  network's language), and are for the network to confirm;
- the 29 organisations the sources name, each a member of its country's national network, or
  of the continental network where there is none (WSM, the coordinating organisation, of the
  intercontinental network). Their kind is read from their name and the sources; figures
  (beneficiaries), working languages and the date each joined are not in the sources and are
  left empty (memberships carry `MEMBERSHIPS_KNOWN_IN`, the year of the report);
- the day each network started (`NetworkSpec.start_date`), from the history the 2020 report
  tells (its timeline, `shared/docs/DOMAIN.md`): the international network was founded at the
  Geneva meeting, on the two days that followed the ILO's Social Protection Week of 25–28
  November 2019: the first of them, 29 November 2019. The others are approximations, the
  first of January of the year the report names, because it names no day: the national
  synergies of 2008 in Benin, Burkina Faso, DR Congo, Guinea, Guatemala, India and Nepal
  (`SYNERGIES_2008`), networking in every other programme country from 2011, and the
  continental networks formed in 2014 (the report dates the continental grouping, not each
  network: Central Africa and Belgium/Europe are given the same year). No network has ended.

Nothing here touches the database; `inspir.network.founding` writes it."""

import datetime
from dataclasses import dataclass

from django.utils.text import slugify

from inspir.network.models import Level, MembershipRole
from inspir.network.models import OrganisationKind as Kind

# ---------------------------------------------------------------------------------------------
# Networks
# ---------------------------------------------------------------------------------------------

INTERCONTINENTAL = "inspir"
WEST_AFRICA = "inspir-afrique-de-louest"
CENTRAL_AFRICA = "inspir-afrique-centrale"
LATIN_AMERICA = "inspir-america-latina"
ASIA = "inspir-asia"
BELGIUM_EUROPE = "inspir-belgique-europe"

# When each level of the network started (see the module's docstring: only the first is a day
# the report gives, the others stand for a year).
INTERNATIONAL_FOUNDING = datetime.date(2019, 11, 29)  # the Geneva meeting
CONTINENTAL_NETWORKS_FORMED = datetime.date(2014, 1, 1)  # approximation: the year
NATIONAL_SYNERGIES = datetime.date(2008, 1, 1)  # approximation: the 2008–2010 programme
NATIONAL_NETWORKING = datetime.date(2011, 1, 1)  # approximation: the 2011–2013 programme
# The countries the 2008–2010 programme names for its national synergies.
SYNERGIES_2008 = frozenset("BJ BF CD GN GT IN NP".split())


@dataclass(frozen=True)
class NetworkSpec:
    slug: str
    name: str
    level: Level
    parent: str | None
    # National networks: their one country. Continental networks: the countries whose
    # members belong to them directly (there is no national network there).
    countries: tuple[str, ...] = ()
    name_confirmed: bool = False  # the name is found in SOURCES.md or the 2020 report
    # Its description as the sources give it, in one language or several: the loader keeps
    # the one of the network's countries as the original and the others as its translations.
    description_fr: str = ""
    description_en: str = ""
    description_es: str = ""

    @property
    def descriptions(self) -> dict[str, str]:
        return {"fr": self.description_fr, "en": self.description_en, "es": self.description_es}

    @property
    def start_date(self) -> datetime.date:
        """The day the network started, as the sources date its level (module docstring)."""
        if self.level == Level.INTERCONTINENTAL:
            return INTERNATIONAL_FOUNDING
        if self.level == Level.CONTINENTAL:
            return CONTINENTAL_NETWORKS_FORMED
        if SYNERGIES_2008.intersection(self.countries):
            return NATIONAL_SYNERGIES
        return NATIONAL_NETWORKING


NETWORKS: tuple[NetworkSpec, ...] = (
    NetworkSpec(
        slug=INTERCONTINENTAL,
        name="INSP!R",
        level=Level.INTERCONTINENTAL,
        parent=None,
        name_confirmed=True,
        description_fr=(
            "Réseau international pour le droit à la protection sociale : des mouvements "
            "sociaux d'Afrique, d'Amérique latine, d'Asie et de Belgique qui défendent "
            "ensemble une protection sociale universelle. Connecté par WSM."
        ),
        description_en=(
            "International Network for Social Protection Rights: social movements from "
            "Africa, Latin America, Asia and Belgium who stand together for universal social "
            "protection. Connected by WSM."
        ),
        description_es=(
            "Red internacional por el derecho a la protección social: movimientos sociales "
            "de África, América Latina, Asia y Bélgica que defienden juntos una protección "
            "social universal. Conectada por WSM."
        ),
    ),
    # Continental networks
    NetworkSpec(
        slug=WEST_AFRICA,
        name="INSP!R Afrique de l'Ouest",
        level=Level.CONTINENTAL,
        parent=INTERCONTINENTAL,
        name_confirmed=True,
        description_fr=(
            "Le réseau ouest-africain, bâti sur le Réseau zonal multi-acteurs de protection "
            "sociale (RZMAPS) actif depuis 2015 ; coordonné depuis Cotonou."
        ),
        description_en=(
            "The West African network, built on the multi-actor zonal network for social "
            "protection (RZMAPS) active since 2015; coordinated from Cotonou."
        ),
    ),
    NetworkSpec(
        slug=CENTRAL_AFRICA,
        name="INSP!R Afrique centrale",
        level=Level.CONTINENTAL,
        parent=INTERCONTINENTAL,
        countries=("BI",),
        description_fr=(
            "Les réseaux et organisations d'Afrique centrale et des Grands Lacs : RD Congo, "
            "Rwanda et Burundi."
        ),
    ),
    NetworkSpec(
        slug=LATIN_AMERICA,
        name="INSP!R América Latina",
        level=Level.CONTINENTAL,
        parent=INTERCONTINENTAL,
        name_confirmed=True,
        description_es=(
            "La Red Continental por el Derecho a la Protección Social de América Latina y el "
            "Caribe: movimientos campesinos, sindicales y de mujeres."
        ),
    ),
    NetworkSpec(
        slug=ASIA,
        name="INSP!R Asia",
        level=Level.CONTINENTAL,
        parent=INTERCONTINENTAL,
        name_confirmed=True,
        description_en=(
            "The Asian Network for the Right to Social Protection (ANRSP): trade unions, "
            "domestic and garment workers' movements and civil-society networks in six "
            "countries."
        ),
    ),
    NetworkSpec(
        slug=BELGIUM_EUROPE,
        name="INSP!R Belgique/Europe",
        level=Level.CONTINENTAL,
        parent=INTERCONTINENTAL,
        countries=("BE",),
        description_fr=(
            "Les mouvements sociaux belges alliés de WSM, qui portent le droit à la "
            "protection sociale auprès des institutions belges et européennes."
        ),
        description_en=(
            "WSM's Belgian allies, who carry the right to social protection to the Belgian "
            "and European institutions."
        ),
    ),
    # National networks: West Africa
    NetworkSpec(
        slug="inspir-benin",
        name="INSP!R Bénin",
        level=Level.NATIONAL,
        parent=WEST_AFRICA,
        countries=("BJ",),
        description_fr="Le réseau national multi-acteurs du Bénin, actif depuis 2008.",
    ),
    NetworkSpec(
        slug="inspir-burkina-faso",
        name="INSP!R Burkina Faso",
        level=Level.NATIONAL,
        parent=WEST_AFRICA,
        countries=("BF",),
        name_confirmed=True,
        description_fr=(
            "Ancien réseau national multi-acteurs, renommé INSP!R Burkina Faso en novembre "
            "2019 ; il rassemble notamment des mutuelles de santé."
        ),
    ),
    NetworkSpec(
        slug="ppsogui",
        name="PPSOGUI",
        level=Level.NATIONAL,
        parent=WEST_AFRICA,
        countries=("GN",),
        name_confirmed=True,
        description_fr="Le réseau national guinéen pour le droit à la protection sociale.",
    ),
    NetworkSpec(
        slug="inspir-mali",
        name="INSP!R Mali",
        level=Level.NATIONAL,
        parent=WEST_AFRICA,
        countries=("ML",),
        description_fr="Le réseau national malien, dont l'UTM est le point focal.",
    ),
    NetworkSpec(
        slug="inspir-senegal",
        name="INSP!R-Sénégal",
        level=Level.NATIONAL,
        parent=WEST_AFRICA,
        countries=("SN",),
        name_confirmed=True,
        description_fr="Le réseau sénégalais, lié à l'UNAMUSC et aux mutuelles de santé.",
    ),
    NetworkSpec(
        slug="inspir-togo",
        name="INSP!R-Togo",
        level=Level.NATIONAL,
        parent=WEST_AFRICA,
        countries=("TG",),
        name_confirmed=True,
        description_fr=(
            "Les centrales syndicales CSTT, CNTT, UNSIT et UGSL et leurs alliés, ensemble "
            "pour la protection sociale au Togo."
        ),
        description_en=(
            "The CSTT, CNTT, UNSIT and UGSL trade-union confederations and their allies, "
            "together for social protection in Togo."
        ),
        description_es=(
            "Las centrales sindicales CSTT, CNTT, UNSIT y UGSL y sus aliados, juntos por la "
            "protección social en Togo."
        ),
    ),
    # National networks: Central Africa
    NetworkSpec(
        slug="rnma-ps-rdc",
        name="RNMA-PS/RDC",
        level=Level.NATIONAL,
        parent=CENTRAL_AFRICA,
        countries=("CD",),
        name_confirmed=True,
        description_fr="Réseau national multi-acteurs de protection sociale de la RD Congo.",
    ),
    NetworkSpec(
        slug="zamuka",
        name="ZAMUKA",
        level=Level.NATIONAL,
        parent=CENTRAL_AFRICA,
        countries=("RW",),
        name_confirmed=True,
        description_fr="Le réseau national rwandais pour le droit à la protection sociale.",
        description_en="The Rwandan national network for the right to social protection.",
    ),
    # National networks: Latin America and the Caribbean
    NetworkSpec(
        slug="inspir-bolivia",
        name="INSP!R Bolivia",
        level=Level.NATIONAL,
        parent=LATIN_AMERICA,
        countries=("BO",),
        description_es="La red boliviana por el derecho a la protección social.",
    ),
    NetworkSpec(
        slug="inspir-republica-dominicana",
        name="INSP!R República Dominicana",
        level=Level.NATIONAL,
        parent=LATIN_AMERICA,
        countries=("DO",),
        description_es="La red dominicana, con la CASC entre sus miembros.",
    ),
    NetworkSpec(
        slug="inspir-guatemala",
        name="INSP!R Guatemala",
        level=Level.NATIONAL,
        parent=LATIN_AMERICA,
        countries=("GT",),
        description_es=(
            "Red nacional nacida de la sinergia de 2008, con el Movimiento de Trabajadores "
            "Campesinos entre sus miembros."
        ),
        description_en=(
            "The national network that grew out of the 2008 synergy, with the Peasant "
            "Workers' Movement among its members."
        ),
        description_fr=(
            "Le réseau national né de la synergie de 2008, avec le Mouvement des travailleurs "
            "paysans parmi ses membres."
        ),
    ),
    NetworkSpec(
        slug="inspir-haiti",
        name="INSP!R Haïti",
        level=Level.NATIONAL,
        parent=LATIN_AMERICA,
        countries=("HT",),
        description_fr="Le réseau haïtien pour le droit à la protection sociale.",
    ),
    NetworkSpec(
        slug="inspir-peru",
        name="INSP!R Perú",
        level=Level.NATIONAL,
        parent=LATIN_AMERICA,
        countries=("PE",),
        description_es="La red peruana por el derecho a la protección social.",
    ),
    # National networks: Asia
    NetworkSpec(
        slug="inspir-bangladesh",
        name="INSP!R Bangladesh",
        level=Level.NATIONAL,
        parent=ASIA,
        countries=("BD",),
        description_en=(
            "The Bangladeshi network, with the National Garment Workers Federation among its "
            "members."
        ),
    ),
    NetworkSpec(
        slug="inspir-cambodia",
        name="INSP!R Cambodia",
        level=Level.NATIONAL,
        parent=ASIA,
        countries=("KH",),
        description_en="The Cambodian network for the right to social protection.",
    ),
    NetworkSpec(
        slug="inspir-india",
        name="INSP!R India",
        level=Level.NATIONAL,
        parent=ASIA,
        countries=("IN",),
        description_en="The Indian national network, working together since 2008.",
    ),
    NetworkSpec(
        slug="inspir-indonesia",
        name="INSP!R Indonesia",
        level=Level.NATIONAL,
        parent=ASIA,
        countries=("ID",),
        description_en="The Indonesian network, with the KSBSI confederation among its members.",
    ),
    NetworkSpec(
        slug="inspir-nepal",
        name="INSP!R Nepal",
        level=Level.NATIONAL,
        parent=ASIA,
        countries=("NP",),
        name_confirmed=True,
        description_en=(
            "GEFONT, NTUC, ITUC-NAC and the Social Protection Civil Society Network, "
            "together for social protection in Nepal."
        ),
    ),
    NetworkSpec(
        slug="inspir-philippines",
        name="INSP!R Philippines",
        level=Level.NATIONAL,
        parent=ASIA,
        countries=("PH",),
        description_en="The Philippine network for the right to social protection.",
    ),
)

# The countries SOURCES.md section 3.3 confirms (21 of the report's "24"; the other three were
# not identified, so they are in no network here).
CONFIRMED_COUNTRIES = frozenset(
    "BJ BF GN ML SN TG CD BI RW BO DO GT HT PE BD KH IN ID NP PH BE".split()
)


def network_for_country(networks: tuple[NetworkSpec, ...] = ()) -> dict[str, str]:
    """Country code → slug of the network its member organisations join directly."""
    direct: dict[str, str] = {}
    for spec in networks or NETWORKS:
        if spec.level != Level.INTERCONTINENTAL:
            for code in spec.countries:
                direct[code] = spec.slug
    return direct


def network_countries(networks: tuple[NetworkSpec, ...] = ()) -> dict[str, tuple[str, ...]]:
    """Network slug → every country it covers (a network covers its sub-networks' countries)."""
    networks = networks or NETWORKS
    children: dict[str | None, list[NetworkSpec]] = {}
    for spec in networks:
        children.setdefault(spec.parent, []).append(spec)

    def covered(spec: NetworkSpec) -> tuple[str, ...]:
        codes = list(spec.countries)
        for child in children.get(spec.slug, []):
            codes.extend(covered(child))
        return tuple(sorted(set(codes)))

    return {spec.slug: covered(spec) for spec in networks}


# ---------------------------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------------------------

# The sources show these organisations in the network in 2020 (the report's year) but not
# when each joined: their memberships start on this date until someone who knows corrects it.
MEMBERSHIPS_KNOWN_IN = datetime.date(2020, 1, 1)


@dataclass(frozen=True)
class FoundingOrganisation:
    """An organisation SOURCES.md section 3 names. It mostly gives acronyms: well-known ones
    are spelled out (CSTT, CSB, CASC, GEFONT…); where the expansion is uncertain the acronym
    is the name, so that nothing is guessed."""

    name: str
    kind: Kind
    movement: bool  # a social movement active on the ground, as the report counts them
    country: str
    acronym: str = ""
    website: str = ""  # only where SOURCES.md names it
    # Its description in one language or several (see `NetworkSpec`).
    fr: str = ""
    en: str = ""
    es: str = ""
    role: MembershipRole = MembershipRole.MEMBER
    network: str = ""  # default: the country's national network, else its continental one

    @property
    def slug(self) -> str:
        return slugify(self.acronym or self.name)[:100]

    @property
    def descriptions(self) -> dict[str, str]:
        return {"fr": self.fr, "en": self.en, "es": self.es}


MOVEMENT, SUPPORT = True, False

ORGANISATIONS: tuple[FoundingOrganisation, ...] = (
    FoundingOrganisation(
        "MUFEDE",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "BF",
        fr="Mutuelle de santé membre d'INSP!R Burkina Faso.",
    ),
    FoundingOrganisation(
        "RAMS",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "BF",
        fr="Organisation de mutuelles de santé, membre d'INSP!R Burkina Faso.",
    ),
    FoundingOrganisation(
        "UTM",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "ML",
        fr="Point focal du réseau national au Mali.",
        en="Focal point of the national network in Mali.",
        es="Punto focal de la red nacional en Malí.",
    ),
    FoundingOrganisation(
        "UNAMUSC",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "SN",
        website="https://unamusc.sn",
        fr="Organisation de mutuelles de santé à laquelle est lié le réseau INSP!R-Sénégal.",
    ),
    FoundingOrganisation(
        "Confédération syndicale des travailleurs du Togo",
        Kind.TRADE_UNION,
        MOVEMENT,
        "TG",
        acronym="CSTT",
        fr="Centrale syndicale togolaise, membre d'INSP!R-Togo.",
    ),
    FoundingOrganisation(
        "Confédération nationale des travailleurs du Togo",
        Kind.TRADE_UNION,
        MOVEMENT,
        "TG",
        acronym="CNTT",
        fr="Centrale syndicale togolaise, membre d'INSP!R-Togo.",
    ),
    FoundingOrganisation(
        "Union nationale des syndicats indépendants du Togo",
        Kind.TRADE_UNION,
        MOVEMENT,
        "TG",
        acronym="UNSIT",
        fr="Centrale syndicale togolaise, membre d'INSP!R-Togo.",
    ),
    FoundingOrganisation(
        "Union générale des syndicats libres",
        Kind.TRADE_UNION,
        MOVEMENT,
        "TG",
        acronym="UGSL",
        fr="Centrale syndicale togolaise, membre d'INSP!R-Togo.",
    ),
    FoundingOrganisation(
        "Confédération des syndicats du Burundi",
        Kind.TRADE_UNION,
        MOVEMENT,
        "BI",
        acronym="CSB",
        fr="Confédération syndicale burundaise, partenaire de WSM.",
    ),
    FoundingOrganisation(
        "ODAG",
        Kind.NGO,
        SUPPORT,
        "BI",
        fr="Organisation burundaise partenaire de WSM.",
    ),
    FoundingOrganisation(
        "Centro Gregoria Apaza",
        Kind.WOMEN,
        SUPPORT,
        "BO",
        es="Organización de mujeres de Bolivia, socia de WSM.",
    ),
    FoundingOrganisation(
        "Confederación Autónoma Sindical Clasista",
        Kind.TRADE_UNION,
        MOVEMENT,
        "DO",
        acronym="CASC",
        fr="Confédération syndicale dominicaine, partenaire du réseau continental.",
        en="Dominican trade-union confederation, a partner of the continental network.",
        es="Confederación sindical dominicana, socia de la red continental.",
    ),
    FoundingOrganisation(
        "Movimiento de Trabajadores Campesinos",
        Kind.MIGRANT_WORKERS,
        MOVEMENT,
        "GT",
        acronym="MTC",
        website="https://mtc.org.gt",
        es="Movimiento de trabajadores y trabajadoras del campo de Guatemala.",
    ),
    FoundingOrganisation(
        "National Garment Workers Federation",
        Kind.TRADE_UNION,
        MOVEMENT,
        "BD",
        acronym="NGWF",
        fr="Fédération des syndicats du textile du Bangladesh, membre d'INSP!R Asia.",
        en="Federation of garment workers' unions in Bangladesh, a member of INSP!R Asia.",
        es="Federación de sindicatos textiles de Bangladés, miembro de INSP!R Asia.",
    ),
    FoundingOrganisation(
        "National Domestic Workers Movement",
        Kind.MIGRANT_WORKERS,
        MOVEMENT,
        "IN",
        acronym="NDWM",
        en="National movement of domestic workers in India, a member of INSP!R Asia.",
    ),
    FoundingOrganisation(
        "Konfederasi Serikat Buruh Sejahtera Indonesia",
        Kind.TRADE_UNION,
        MOVEMENT,
        "ID",
        acronym="KSBSI",
        fr="Confédération syndicale indonésienne, membre d'INSP!R Asia.",
        en="Indonesian trade-union confederation, a member of INSP!R Asia.",
        es="Confederación sindical indonesia, miembro de INSP!R Asia.",
    ),
    FoundingOrganisation(
        "General Federation of Nepalese Trade Unions",
        Kind.TRADE_UNION,
        MOVEMENT,
        "NP",
        acronym="GEFONT",
        en="Nepalese trade-union federation, a member of INSP!R Nepal.",
    ),
    FoundingOrganisation(
        "Nepal Trade Union Congress",
        Kind.TRADE_UNION,
        MOVEMENT,
        "NP",
        acronym="NTUC",
        en="Nepalese trade-union centre, a member of INSP!R Nepal.",
    ),
    FoundingOrganisation(
        "ITUC Nepal Affiliate Council",
        Kind.TRADE_UNION,
        MOVEMENT,
        "NP",
        acronym="ITUC-NAC",
        en="Joint council of the Nepalese ITUC affiliates, a member of INSP!R Nepal.",
    ),
    FoundingOrganisation(
        "Social Protection Civil Society Network",
        Kind.NGO,
        SUPPORT,
        "NP",
        acronym="SPCSN",
        en="A network of 19 civil-society organisations working on social protection.",
    ),
    FoundingOrganisation(
        "ACV-CSC",
        Kind.TRADE_UNION,
        MOVEMENT,
        "BE",
        fr="Confédération des syndicats chrétiens de Belgique, alliée de WSM.",
        en="The Belgian confederation of Christian trade unions, an ally of WSM.",
        es="Confederación de sindicatos cristianos de Bélgica, aliada de WSM.",
    ),
    FoundingOrganisation(
        "Mutualités chrétiennes",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "BE",
        acronym="CM-MC",
        fr="Mutualité chrétienne belge, alliée de WSM.",
    ),
    FoundingOrganisation(
        "Femma",
        Kind.WOMEN,
        MOVEMENT,
        "BE",
        fr="Mouvement de femmes flamand, allié de WSM.",
    ),
    FoundingOrganisation(
        "KWB",
        Kind.NGO,
        MOVEMENT,
        "BE",
        fr="Mouvement flamand de travailleurs, allié de WSM.",
    ),
    FoundingOrganisation(
        "KAJ/JOC",
        Kind.YOUTH,
        MOVEMENT,
        "BE",
        fr="Mouvement de jeunes travailleurs, allié de WSM.",
    ),
    FoundingOrganisation(
        "Mouvement ouvrier chrétien",
        Kind.NGO,
        MOVEMENT,
        "BE",
        acronym="MOC",
        fr="Mouvement ouvrier chrétien francophone de Belgique, cofondateur de WSM.",
    ),
    FoundingOrganisation(
        "BRS",
        Kind.SOCIAL_ECONOMY,
        SUPPORT,
        "BE",
        fr="Fondation belge qui soutient la microfinance et les coopératives, alliée de WSM.",
    ),
    FoundingOrganisation(
        "vdk",
        Kind.SOCIAL_ECONOMY,
        SUPPORT,
        "BE",
        fr="Banque belge, alliée de WSM.",
    ),
    FoundingOrganisation(
        "We Social Movements",
        Kind.COORDINATING,
        SUPPORT,
        "BE",
        acronym="WSM",
        website="https://www.wsm.be",
        network=INTERCONTINENTAL,
        fr="Organisation de coordination du réseau INSP!R : elle prépare et anime les "
        "réunions du comité de pilotage et suit les plans d'action.",
        en="The coordinating organisation of INSP!R: it prepares and facilitates the "
        "steering-committee meetings and follows up the action plans.",
        es="La organización coordinadora de INSP!R: prepara y facilita las reuniones del "
        "comité de pilotaje y da seguimiento a los planes de acción.",
    ),
)
