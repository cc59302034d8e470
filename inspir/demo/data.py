"""The demo network: INSP!R as it stood in 2020, as plain data.

It builds on the founding skeleton (`inspir/network/founding_data.py`: the networks, the 21
confirmed countries and the 29 organisations the sources name), which a real installation
starts from too. What else comes from the 2020 activity report and `shared/data/SOURCES.md`
(the key figures, the steering committee) is marked as such below. Everything else is a
plausible choice made for the demo: every invented organisation's or person's name ends with
"(example)", and `docs/demo.md` lists what is confirmed and what is not.

`loader.load_demo` turns this module into database rows; nothing here touches the database."""

import datetime
from dataclasses import dataclass, field, replace

from django.utils.text import slugify

from inspir.accounts.models import Role
from inspir.network import founding_data as founding
from inspir.network.founding_data import NetworkSpec
from inspir.network.models import MembershipRole
from inspir.network.models import OrganisationKind as Kind

# The one password of every demo log-in. It is printed by `manage.py demo_logins`: the demo
# database is for trying the platform out and must never hold real accounts.
DEMO_PASSWORD = "inspir-demo-2020"
# Coordinators and staff must use two-factor authentication. Their demo accounts share this
# authenticator secret (base32): add it to an authenticator app, or run
# `manage.py demo_code` for the current six-digit code.
DEMO_TOTP_SECRET = "INSPIRDEMOCODESAJBSWY3DPEHPK3PXP"
EMAIL_DOMAIN = "example.org"  # reserved for examples (RFC 2606): no mail ever reaches anyone

# The report's own numbers for 2020, which the demo must reproduce exactly.
KEY_FIGURES_2020 = {
    "member_organisations": 97,
    "social_movements": 75,
    "strategic_partners": 8,
    "national_networks": 19,
    "continental_networks": 5,
    "direct_beneficiaries": 22_000_000,
    "countries": 24,
}
BENEFICIARIES_YEAR = 2020

# ---------------------------------------------------------------------------------------------
# Networks: the founding skeleton's (`inspir/network/founding_data.py`), with three countries
# ---------------------------------------------------------------------------------------------

INTERCONTINENTAL = founding.INTERCONTINENTAL
WEST_AFRICA = founding.WEST_AFRICA
CENTRAL_AFRICA = founding.CENTRAL_AFRICA
LATIN_AMERICA = founding.LATIN_AMERICA
ASIA = founding.ASIA
BELGIUM_EUROPE = founding.BELGIUM_EUROPE

# The 24 countries of the 2020 network: the 21 that SOURCES.md section 3.3 confirms (the
# skeleton's), and three plausible but unconfirmed choices (Côte d'Ivoire, Honduras,
# Nicaragua), which have no national network: their members belong to the continental one.
CONFIRMED_COUNTRIES = founding.CONFIRMED_COUNTRIES
PLAUSIBLE_DIRECT_COUNTRIES = {WEST_AFRICA: ("CI",), LATIN_AMERICA: ("HN", "NI")}
PLAUSIBLE_COUNTRIES = frozenset(
    code for codes in PLAUSIBLE_DIRECT_COUNTRIES.values() for code in codes
)
DEMO_COUNTRIES = CONFIRMED_COUNTRIES | PLAUSIBLE_COUNTRIES

NETWORKS: tuple[NetworkSpec, ...] = tuple(
    replace(spec, countries=spec.countries + PLAUSIBLE_DIRECT_COUNTRIES.get(spec.slug, ()))
    for spec in founding.NETWORKS
)


def network_for_country() -> dict[str, str]:
    """Country code → slug of the network its member organisations join directly."""
    return founding.network_for_country(NETWORKS)


def network_countries() -> dict[str, tuple[str, ...]]:
    """Network slug → every country it covers (a network covers its sub-networks' countries)."""
    return founding.network_countries(NETWORKS)


# ---------------------------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------------------------

# The organisations the sources name are the founding skeleton's; the demo gives them invented
# figures, working languages and start dates (`real` below). Every other organisation here
# is invented and its name ends with EXAMPLE_SUFFIX.
CONFIRMED_ORGANISATION_NAMES = frozenset(spec.name for spec in founding.ORGANISATIONS)
EXAMPLE_SUFFIX = "(example)"


@dataclass(frozen=True)
class OrganisationSpec:
    name: str
    kind: Kind
    movement: bool
    country: str
    since: str  # ISO date the membership (or partnership) started
    acronym: str = ""
    beneficiaries: int | None = None  # illustrative, for 2020; only the total is the report's
    languages: tuple[str, ...] = ("fr",)
    fr: str = ""
    en: str = ""
    es: str = ""
    website: str = ""
    role: MembershipRole = MembershipRole.MEMBER
    network: str = ""  # default: the country's national network, else its continental one

    @property
    def slug(self) -> str:
        return slugify(self.acronym or self.name)[:100]

    @property
    def start_date(self) -> datetime.date:
        return datetime.date.fromisoformat(self.since)

    @property
    def confirmed(self) -> bool:
        return self.name in CONFIRMED_ORGANISATION_NAMES

    @property
    def descriptions(self) -> dict[str, str]:
        """Its description in one language or several: the first of its working languages
        that has one is the original, the others its translations."""
        return {"fr": self.fr, "en": self.en, "es": self.es}


_FOUNDING_ORGANISATIONS = {spec.slug: spec for spec in founding.ORGANISATIONS}


def real(
    slug: str,
    since: str,
    *,
    beneficiaries: int | None = None,
    languages: tuple[str, ...] = ("fr",),
) -> OrganisationSpec:
    """An organisation of the founding skeleton, with what the demo invents for it: its
    direct beneficiaries, working languages and the date it joined."""
    spec = _FOUNDING_ORGANISATIONS[slug]
    return OrganisationSpec(
        spec.name,
        spec.kind,
        spec.movement,
        spec.country,
        since,
        acronym=spec.acronym,
        beneficiaries=beneficiaries,
        languages=languages,
        fr=spec.fr,
        en=spec.en,
        es=spec.es,
        website=spec.website,
        role=spec.role,
        network=spec.network,
    )


Org = OrganisationSpec
MOVEMENT, SUPPORT = True, False

MEMBERS: tuple[OrganisationSpec, ...] = (
    # --- Benin (INSP!R Bénin) --------------------------------------------------------------
    Org(
        "Mutuelle de santé des femmes de Parakou (example)",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "BJ",
        "2014-03-01",
        beneficiaries=18_500,
        languages=("fr", "bba"),
        fr="Mutuelle de santé créée par des commerçantes de Parakou pour couvrir les soins "
        "de maternité et de leurs enfants.",
    ),
    Org(
        "Syndicat des travailleurs de l'économie informelle de Cotonou (example)",
        Kind.TRADE_UNION,
        MOVEMENT,
        "BJ",
        "2014-03-01",
        beneficiaries=42_000,
        languages=("fr", "fon"),
        fr="Syndicat des conducteurs de taxi-moto, artisans et vendeurs de Cotonou ; il "
        "négocie leur affiliation à l'assurance maladie.",
        en="Union of motorbike-taxi drivers, craft workers and vendors in Cotonou; it "
        "negotiates their enrolment in health insurance.",
        es="Sindicato de mototaxistas, artesanos y vendedores de Cotonú; negocia su "
        "afiliación al seguro de salud.",
    ),
    Org(
        "Association des personnes âgées du Zou (example)",
        Kind.OLDER_PEOPLE,
        MOVEMENT,
        "BJ",
        "2016-05-01",
        beneficiaries=6_200,
        fr="Association de retraités et d'aînés ruraux qui plaide pour une pension sociale.",
    ),
    Org(
        "Réseau des jeunes pour la protection sociale de Porto-Novo (example)",
        Kind.YOUTH,
        MOVEMENT,
        "BJ",
        "2017-09-01",
        beneficiaries=3_800,
        fr="Jeunes travailleurs et apprentis qui informent leurs pairs sur leurs droits.",
    ),
    Org(
        "Centre béninois d'études sur la protection sociale (example)",
        Kind.RESEARCH,
        SUPPORT,
        "BJ",
        "2018-02-01",
        fr="Centre de recherche qui documente l'accès des travailleurs informels à la "
        "protection sociale.",
    ),
    # --- Burkina Faso (INSP!R Burkina Faso) -------------------------------------------------
    real("mufede", "2014-03-01", beneficiaries=24_000),
    real("rams", "2014-03-01", beneficiaries=500_000),
    Org(
        "Union des mutuelles de santé du Kadiogo (example)",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "BF",
        "2015-01-01",
        beneficiaries=35_000,
        languages=("fr", "mos"),
        fr="Union de mutuelles de quartier de Ouagadougou et des communes voisines.",
    ),
    Org(
        "Association des femmes transformatrices de karité de Bobo-Dioulasso (example)",
        Kind.SOCIAL_ECONOMY,
        MOVEMENT,
        "BF",
        "2016-04-01",
        beneficiaries=9_500,
        languages=("fr", "dyu"),
        fr="Coopérative de femmes qui transforment le karité et cotisent ensemble à une "
        "caisse de solidarité.",
    ),
    Org(
        "Syndicat des travailleuses domestiques du Burkina (example)",
        Kind.MIGRANT_WORKERS,
        MOVEMENT,
        "BF",
        "2017-06-01",
        beneficiaries=7_200,
        fr="Syndicat des aides ménagères, souvent venues des campagnes, sans contrat ni "
        "sécurité sociale.",
    ),
    Org(
        "Appui solidaire aux organisations paysannes du Sahel (example)",
        Kind.NGO,
        SUPPORT,
        "BF",
        "2018-01-01",
        fr="ONG d'appui qui forme les organisations paysannes à la gestion de mutuelles.",
    ),
    # --- Guinea (PPSOGUI) -------------------------------------------------------------------
    Org(
        "Mutuelle de santé communautaire de Kindia (example)",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "GN",
        "2014-06-01",
        beneficiaries=12_000,
        fr="Mutuelle communautaire qui couvre les soins de santé primaires de ses adhérents.",
    ),
    Org(
        "Union des femmes commerçantes du marché de Madina (example)",
        Kind.WOMEN,
        MOVEMENT,
        "GN",
        "2015-03-01",
        beneficiaries=5_400,
        fr="Organisation des vendeuses du grand marché de Conakry.",
    ),
    Org(
        "Union des mutuelles de santé de Labé (example)",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "GN",
        "2016-10-01",
        beneficiaries=8_900,
        languages=("fr", "ff"),
        fr="Union de mutuelles rurales de Moyenne-Guinée.",
    ),
    # --- Mali (INSP!R Mali) -----------------------------------------------------------------
    real("utm", "2014-03-01", beneficiaries=158_200, languages=("fr", "bm")),
    Org(
        "Association des migrants de retour de Kayes (example)",
        Kind.MIGRANT_WORKERS,
        MOVEMENT,
        "ML",
        "2016-02-01",
        beneficiaries=8_000,
        languages=("fr", "snk"),
        fr="Association de travailleurs migrants revenus au pays, qui défend la portabilité "
        "de leurs droits à pension.",
    ),
    Org(
        "Coopérative des femmes maraîchères de Ségou (example)",
        Kind.SOCIAL_ECONOMY,
        MOVEMENT,
        "ML",
        "2017-03-01",
        beneficiaries=4_300,
        languages=("fr", "bm"),
        fr="Coopérative maraîchère qui finance l'adhésion de ses membres à une mutuelle.",
    ),
    Org(
        "Association des jeunes travailleurs de Bamako (example)",
        Kind.YOUTH,
        MOVEMENT,
        "ML",
        "2018-11-01",
        beneficiaries=6_100,
        languages=("fr", "bm"),
        fr="Mouvement de jeunes apprentis et travailleurs de l'économie informelle.",
    ),
    # --- Senegal (INSP!R-Sénégal) -----------------------------------------------------------
    real("unamusc", "2015-01-01", beneficiaries=600_000, languages=("fr", "wo")),
    Org(
        "Fédération des mutuelles de santé de Thiès (example)",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "SN",
        "2015-01-01",
        beneficiaries=48_000,
        languages=("fr", "wo"),
        fr="Fédération régionale de mutuelles communautaires.",
    ),
    Org(
        "Association des retraités et personnes âgées de Dakar (example)",
        Kind.OLDER_PEOPLE,
        MOVEMENT,
        "SN",
        "2016-06-01",
        beneficiaries=11_000,
        languages=("fr", "wo"),
        fr="Association d'aînés qui suit la mise en œuvre du plan Sésame de soins gratuits.",
    ),
    Org(
        "Laboratoire d'analyse des politiques sociales de Saint-Louis (example)",
        Kind.RESEARCH,
        SUPPORT,
        "SN",
        "2019-02-01",
        fr="Équipe universitaire qui étudie le financement des mutuelles de santé.",
    ),
    # --- Togo (INSP!R-Togo) -----------------------------------------------------------------
    real("cstt", "2015-01-01", beneficiaries=120_000, languages=("fr", "ee")),
    real("cntt", "2015-01-01", beneficiaries=95_000, languages=("fr", "ee")),
    real("unsit", "2015-01-01", beneficiaries=60_000, languages=("fr", "ee")),
    real("ugsl", "2015-01-01", beneficiaries=45_000, languages=("fr", "ee")),
    Org(
        "Mutuelle de santé des travailleurs de l'économie informelle de Lomé (example)",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "TG",
        "2015-06-01",
        beneficiaries=21_000,
        languages=("fr", "ee"),
        fr="Mutuelle créée par les syndicats pour les travailleurs sans employeur de Lomé.",
    ),
    Org(
        "Association des femmes vendeuses du grand marché de Lomé (example)",
        Kind.WOMEN,
        MOVEMENT,
        "TG",
        "2017-02-01",
        beneficiaries=3_900,
        languages=("fr", "ee"),
        fr="Organisation des revendeuses du marché d'Adawlato.",
    ),
    # --- Côte d'Ivoire (directly in INSP!R Afrique de l'Ouest) ------------------------------
    Org(
        "Syndicat des travailleurs du cacao de Soubré (example)",
        Kind.TRADE_UNION,
        MOVEMENT,
        "CI",
        "2018-03-01",
        beneficiaries=14_000,
        fr="Syndicat des ouvriers agricoles des plantations de cacao.",
    ),
    Org(
        "Mutuelle des femmes commerçantes d'Abidjan (example)",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "CI",
        "2019-01-01",
        beneficiaries=7_800,
        fr="Mutuelle de santé des commerçantes des marchés d'Adjamé et de Treichville.",
    ),
    # --- DR Congo (RNMA-PS/RDC) -------------------------------------------------------------
    Org(
        "Mutuelle de santé des enseignants de Kinshasa (example)",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "CD",
        "2014-03-01",
        beneficiaries=62_000,
        languages=("fr", "ln"),
        fr="Mutuelle des enseignants des écoles publiques et de leurs familles.",
        en="Health mutual of state-school teachers and their families.",
        es="Mutual de salud de los docentes de escuelas públicas y sus familias.",
    ),
    Org(
        "Syndicat des travailleurs de l'économie informelle du Kasaï (example)",
        Kind.TRADE_UNION,
        MOVEMENT,
        "CD",
        "2015-01-01",
        beneficiaries=38_000,
        languages=("fr", "lua"),
        fr="Syndicat des creuseurs, transporteurs et vendeurs du Kasaï.",
    ),
    Org(
        "Association des mamans maraîchères de Kisangani (example)",
        Kind.WOMEN,
        MOVEMENT,
        "CD",
        "2016-08-01",
        beneficiaries=4_700,
        languages=("fr", "sw"),
        fr="Groupement de femmes maraîchères avec une caisse de solidarité santé.",
    ),
    Org(
        "Centre congolais de recherche sur la protection sociale (example)",
        Kind.RESEARCH,
        SUPPORT,
        "CD",
        "2014-03-01",
        languages=("fr", "ln"),
        fr="Centre d'études qui accompagne le réseau national dans ses analyses de contexte.",
    ),
    Org(
        "Appui aux mutuelles du Sud-Kivu (example)",
        Kind.NGO,
        SUPPORT,
        "CD",
        "2017-05-01",
        languages=("fr", "sw"),
        fr="ONG d'appui technique aux mutuelles de santé de Bukavu et des environs.",
    ),
    # --- Rwanda (ZAMUKA) --------------------------------------------------------------------
    Org(
        "Coopérative des caféiculteurs de Huye (example)",
        Kind.SOCIAL_ECONOMY,
        MOVEMENT,
        "RW",
        "2016-02-01",
        beneficiaries=6_500,
        languages=("rw", "fr", "en"),
        fr="Coopérative de petits producteurs de café qui paie la cotisation de santé de ses "
        "membres.",
    ),
    Org(
        "Syndicat des travailleurs de la construction de Kigali (example)",
        Kind.TRADE_UNION,
        MOVEMENT,
        "RW",
        "2017-04-01",
        beneficiaries=9_800,
        languages=("rw", "fr", "en"),
        fr="Syndicat des maçons et manœuvres des chantiers de Kigali.",
    ),
    Org(
        "Association rwandaise d'appui aux mutuelles (example)",
        Kind.NGO,
        SUPPORT,
        "RW",
        "2018-01-01",
        languages=("rw", "fr", "en"),
        fr="Association d'appui à la gestion communautaire de l'assurance maladie.",
    ),
    # --- Burundi (directly in INSP!R Afrique centrale) --------------------------------------
    real("csb", "2016-01-01", beneficiaries=70_000, languages=("fr", "rn")),
    real("odag", "2016-01-01", languages=("fr", "rn")),
    Org(
        "Association des jeunes pour l'emploi de Gitega (example)",
        Kind.YOUTH,
        MOVEMENT,
        "BI",
        "2018-09-01",
        beneficiaries=2_900,
        languages=("fr", "rn"),
        fr="Jeunes sans emploi qui montent des activités génératrices de revenus.",
    ),
    # --- Bolivia (INSP!R Bolivia) -----------------------------------------------------------
    real("centro-gregoria-apaza", "2015-01-01", beneficiaries=25_000, languages=("es", "ay")),
    Org(
        "Red de Mujeres Trabajadoras de El Alto (example)",
        Kind.WOMEN,
        MOVEMENT,
        "BO",
        "2015-01-01",
        beneficiaries=8_500,
        languages=("es", "ay"),
        es="Red de comerciantes y trabajadoras por cuenta propia de El Alto.",
    ),
    Org(
        "Federación de Trabajadoras del Hogar de Cochabamba (example)",
        Kind.MIGRANT_WORKERS,
        MOVEMENT,
        "BO",
        "2016-03-01",
        beneficiaries=5_200,
        languages=("es", "qu"),
        es="Trabajadoras del hogar, muchas migrantes del campo, que exigen su afiliación a "
        "la seguridad social.",
    ),
    Org(
        "Instituto de Investigación en Seguridad Social de La Paz (example)",
        Kind.RESEARCH,
        SUPPORT,
        "BO",
        "2017-07-01",
        languages=("es",),
        es="Centro de estudios sobre el sistema de pensiones y el seguro universal de salud.",
    ),
    # --- Dominican Republic (INSP!R República Dominicana) -----------------------------------
    real("casc", "2015-01-01", beneficiaries=800_000, languages=("es",)),
    Org(
        "Cooperativa de Motoconchistas de Santiago (example)",
        Kind.SOCIAL_ECONOMY,
        MOVEMENT,
        "DO",
        "2016-05-01",
        beneficiaries=3_600,
        languages=("es",),
        es="Cooperativa de mototaxistas con un fondo de ayuda mutua en caso de accidente.",
    ),
    Org(
        "Asociación de Adultos Mayores de San Cristóbal (example)",
        Kind.OLDER_PEOPLE,
        MOVEMENT,
        "DO",
        "2017-10-01",
        beneficiaries=4_100,
        languages=("es",),
        es="Personas mayores que reclaman una pensión solidaria.",
    ),
    # --- Guatemala (INSP!R Guatemala) -------------------------------------------------------
    real("mtc", "2014-03-01", beneficiaries=30_000, languages=("es", "mam")),
    Org(
        "Sindicato de Trabajadores Agrícolas de Quetzaltenango (example)",
        Kind.TRADE_UNION,
        MOVEMENT,
        "GT",
        "2014-03-01",
        beneficiaries=12_500,
        languages=("es", "quc"),
        es="Sindicato de jornaleros de las fincas de café de la bocacosta.",
    ),
    Org(
        "Asociación de Mujeres Tejedoras de Sololá (example)",
        Kind.WOMEN,
        MOVEMENT,
        "GT",
        "2015-04-01",
        beneficiaries=3_200,
        languages=("es", "cak"),
        es="Tejedoras mayas organizadas en una caja de ahorro y salud.",
    ),
    Org(
        "Red de Jóvenes por la Protección Social de Huehuetenango (example)",
        Kind.YOUTH,
        MOVEMENT,
        "GT",
        "2017-02-01",
        beneficiaries=2_400,
        languages=("es",),
        es="Jóvenes que difunden el derecho a la seguridad social en sus comunidades.",
    ),
    Org(
        "Fundación de Apoyo a la Organización Comunitaria de Quiché (example)",
        Kind.NGO,
        SUPPORT,
        "GT",
        "2016-06-01",
        languages=("es", "quc"),
        es="ONG de acompañamiento a organizaciones comunitarias.",
    ),
    # --- Haiti (INSP!R Haïti) ---------------------------------------------------------------
    Org(
        "Mutuelle de santé des marchandes du Cap-Haïtien (example)",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "HT",
        "2015-05-01",
        beneficiaries=6_800,
        languages=("fr", "ht"),
        fr="Mutuelle des « madan sara », les marchandes qui approvisionnent les marchés.",
    ),
    Org(
        "Syndicat des ouvriers de la sous-traitance de Port-au-Prince (example)",
        Kind.TRADE_UNION,
        MOVEMENT,
        "HT",
        "2016-01-01",
        beneficiaries=11_000,
        languages=("fr", "ht"),
        fr="Syndicat des ouvrières et ouvriers des usines textiles de sous-traitance.",
    ),
    Org(
        "Centre haïtien d'appui au mouvement associatif (example)",
        Kind.NGO,
        SUPPORT,
        "HT",
        "2018-04-01",
        languages=("fr", "ht"),
        fr="ONG de formation des dirigeants d'associations.",
    ),
    # --- Peru (INSP!R Perú) -----------------------------------------------------------------
    Org(
        "Sindicato de Trabajadoras del Hogar de Lima (example)",
        Kind.MIGRANT_WORKERS,
        MOVEMENT,
        "PE",
        "2016-03-01",
        beneficiaries=4_600,
        languages=("es", "qu"),
        es="Sindicato de trabajadoras del hogar, muchas migrantes andinas.",
    ),
    Org(
        "Central de Jóvenes Trabajadores de Arequipa (example)",
        Kind.YOUTH,
        MOVEMENT,
        "PE",
        "2017-08-01",
        beneficiaries=3_100,
        languages=("es",),
        es="Jóvenes trabajadores que promueven su afiliación a EsSalud.",
    ),
    Org(
        "Centro de Estudios sobre Protección Social de Lima (example)",
        Kind.RESEARCH,
        SUPPORT,
        "PE",
        "2015-02-01",
        languages=("es",),
        es="Centro de investigación que apoya a la red continental en sus estudios.",
    ),
    # --- Honduras and Nicaragua (directly in INSP!R América Latina) -------------------------
    Org(
        "Sindicato de Trabajadoras de la Maquila de San Pedro Sula (example)",
        Kind.TRADE_UNION,
        MOVEMENT,
        "HN",
        "2018-02-01",
        beneficiaries=9_200,
        languages=("es",),
        es="Sindicato de obreras de la maquila textil.",
    ),
    Org(
        "Asociación de Jubilados de Tegucigalpa (example)",
        Kind.OLDER_PEOPLE,
        MOVEMENT,
        "HN",
        "2019-03-01",
        beneficiaries=2_700,
        languages=("es",),
        es="Personas jubiladas que defienden el valor de sus pensiones.",
    ),
    Org(
        "Cooperativa de Productoras de Café de Matagalpa (example)",
        Kind.SOCIAL_ECONOMY,
        MOVEMENT,
        "NI",
        "2018-05-01",
        beneficiaries=2_300,
        languages=("es",),
        es="Cooperativa de mujeres caficultoras con un fondo de salud.",
    ),
    Org(
        "Fundación Nicaragüense de Apoyo a la Economía Solidaria (example)",
        Kind.NGO,
        SUPPORT,
        "NI",
        "2019-01-01",
        languages=("es",),
        es="Fundación de apoyo a cooperativas y microempresas asociativas.",
    ),
    # --- Bangladesh (INSP!R Bangladesh) -----------------------------------------------------
    real("ngwf", "2015-01-01", beneficiaries=50_000, languages=("en", "bn")),
    Org(
        "Dhaka Domestic Workers' Union (example)",
        Kind.MIGRANT_WORKERS,
        MOVEMENT,
        "BD",
        "2015-06-01",
        beneficiaries=16_000,
        languages=("en", "bn"),
        en="Union of domestic workers, most of them internal migrants from rural districts.",
    ),
    Org(
        "Women Workers' Health Cooperative of Gazipur (example)",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "BD",
        "2016-09-01",
        beneficiaries=8_400,
        languages=("en", "bn"),
        en="A health cooperative run by women factory workers.",
    ),
    Org(
        "Centre for Social Protection Advocacy, Khulna (example)",
        Kind.NGO,
        SUPPORT,
        "BD",
        "2018-03-01",
        languages=("en", "bn"),
        en="Support organisation that helps workers claim their social-safety-net benefits.",
    ),
    # --- Cambodia (INSP!R Cambodia) ---------------------------------------------------------
    Org(
        "Phnom Penh Informal Economy Workers' Association (example)",
        Kind.MIGRANT_WORKERS,
        MOVEMENT,
        "KH",
        "2016-01-01",
        beneficiaries=12_000,
        languages=("en", "km"),
        en="Street vendors, tuk-tuk drivers and waste pickers organised for health coverage.",
    ),
    Org(
        "Battambang Community Health Mutual (example)",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "KH",
        "2017-04-01",
        beneficiaries=7_300,
        languages=("en", "km"),
        en="A village-based health mutual in north-west Cambodia.",
    ),
    Org(
        "Cambodian Legal Support Centre for Workers (example)",
        Kind.NGO,
        SUPPORT,
        "KH",
        "2018-06-01",
        languages=("en", "km"),
        en="Legal aid for workers claiming employment-injury and health benefits.",
    ),
    # --- India (INSP!R India) ---------------------------------------------------------------
    real("ndwm", "2014-03-01", beneficiaries=3_000_000, languages=("en", "hi")),
    Org(
        "Tamil Nadu Unorganised Workers' Federation (example)",
        Kind.TRADE_UNION,
        MOVEMENT,
        "IN",
        "2014-03-01",
        beneficiaries=2_400_000,
        languages=("en", "ta"),
        en="Federation of construction, agricultural and home-based workers' unions.",
    ),
    Org(
        "Jharkhand Women Self-Help Group Federation (example)",
        Kind.WOMEN,
        MOVEMENT,
        "IN",
        "2015-07-01",
        beneficiaries=1_650_000,
        languages=("en", "hi"),
        en="Federation of women's self-help groups running savings and health funds.",
    ),
    Org(
        "Kerala Senior Citizens' Forum (example)",
        Kind.OLDER_PEOPLE,
        MOVEMENT,
        "IN",
        "2016-11-01",
        beneficiaries=1_200_000,
        languages=("en", "ml"),
        en="Older people's forum campaigning for a universal old-age pension.",
    ),
    Org(
        "Institute for Social Security Studies, Bengaluru (example)",
        Kind.RESEARCH,
        SUPPORT,
        "IN",
        "2017-01-01",
        languages=("en", "kn"),
        en="Research institute studying welfare boards for unorganised workers.",
    ),
    # --- Indonesia (INSP!R Indonesia) -------------------------------------------------------
    real("ksbsi", "2014-06-01", beneficiaries=2_000_000, languages=("id", "en")),
    Org(
        "Serikat Pekerja Rumah Tangga Yogyakarta (example)",
        Kind.MIGRANT_WORKERS,
        MOVEMENT,
        "ID",
        "2016-02-01",
        beneficiaries=9_000,
        languages=("id", "jv"),
        en="Domestic workers' union in Yogyakarta, pressing for enrolment in BPJS.",
    ),
    Org(
        "Koperasi Perempuan Nelayan Makassar (example)",
        Kind.SOCIAL_ECONOMY,
        MOVEMENT,
        "ID",
        "2017-05-01",
        beneficiaries=5_600,
        languages=("id",),
        en="Cooperative of women who process and sell fish, with a mutual health fund.",
    ),
    Org(
        "Pusat Kajian Perlindungan Sosial Jakarta (example)",
        Kind.RESEARCH,
        SUPPORT,
        "ID",
        "2015-03-01",
        languages=("id", "en"),
        en="Research centre on social protection that supports the Asian network.",
    ),
    # --- Nepal (INSP!R Nepal) ---------------------------------------------------------------
    real("gefont", "2014-03-01", beneficiaries=1_000_000, languages=("en", "ne")),
    real("ntuc", "2014-03-01", beneficiaries=600_000, languages=("en", "ne")),
    real("ituc-nac", "2015-01-01", beneficiaries=450_000, languages=("en", "ne")),
    real("spcsn", "2015-01-01", languages=("en", "ne")),
    Org(
        "Pokhara Senior Citizens' Association (example)",
        Kind.OLDER_PEOPLE,
        MOVEMENT,
        "NP",
        "2016-04-01",
        beneficiaries=12_000,
        languages=("en", "ne"),
        en="Older people who help each other claim the senior citizens' allowance.",
    ),
    # --- Philippines (INSP!R Philippines) ---------------------------------------------------
    Org(
        "Cebu Informal Workers' Health Mutual (example)",
        Kind.HEALTH_MUTUAL,
        MOVEMENT,
        "PH",
        "2016-01-01",
        beneficiaries=22_000,
        languages=("en", "fil", "ceb"),
        en="Health mutual of informal workers that helps members enrol in PhilHealth.",
    ),
    Org(
        "Mindanao Women Farmworkers' Association (example)",
        Kind.WOMEN,
        MOVEMENT,
        "PH",
        "2017-03-01",
        beneficiaries=6_500,
        languages=("en", "fil"),
        en="Women plantation workers organised for maternity and health benefits.",
    ),
    Org(
        "Quezon City Youth for Social Protection (example)",
        Kind.YOUTH,
        MOVEMENT,
        "PH",
        "2018-08-01",
        beneficiaries=3_300,
        languages=("en", "fil"),
        en="Young workers and students campaigning for social protection for gig workers.",
    ),
    # --- Belgium (directly in INSP!R Belgique/Europe; WSM in the intercontinental network) --
    real("acv-csc", "2014-01-01", beneficiaries=1_500_000, languages=("nl", "fr")),
    real("cm-mc", "2014-01-01", beneficiaries=4_500_000, languages=("nl", "fr")),
    real("femma", "2014-01-01", beneficiaries=100_000, languages=("nl",)),
    real("kwb", "2014-01-01", beneficiaries=80_000, languages=("nl",)),
    real("kajjoc", "2014-01-01", beneficiaries=15_000, languages=("nl", "fr")),
    real("moc", "2014-01-01", beneficiaries=350_000, languages=("fr",)),
    real("brs", "2014-01-01", languages=("nl",)),
    real("vdk", "2014-01-01", languages=("nl",)),
    Org(
        "Plateforme belge pour le droit à la protection sociale (example)",
        Kind.NGO,
        SUPPORT,
        "BE",
        "2016-01-01",
        languages=("fr", "nl", "en"),
        fr="Plateforme d'organisations belges qui porte le plaidoyer du réseau auprès des "
        "institutions européennes.",
    ),
    real("wsm", "2014-01-01", languages=("fr", "nl", "en", "es")),
)

SP = MembershipRole.STRATEGIC_PARTNER

STRATEGIC_PARTNERS: tuple[OrganisationSpec, ...] = (
    Org(
        "Institut ouest-africain de recherche sur la protection sociale (example)",
        Kind.RESEARCH,
        SUPPORT,
        "SN",
        "2016-01-01",
        role=SP,
        network=WEST_AFRICA,
        fr="Institut de recherche qui conseille le réseau sur les systèmes de santé.",
    ),
    Org(
        "Fondation pour l'appui aux mutuelles d'Afrique de l'Ouest (example)",
        Kind.NGO,
        SUPPORT,
        "BJ",
        "2015-01-01",
        role=SP,
        network=WEST_AFRICA,
        fr="Fondation qui finance la formation des gestionnaires de mutuelles.",
    ),
    Org(
        "Observatoire de la protection sociale des Grands Lacs (example)",
        Kind.RESEARCH,
        SUPPORT,
        "RW",
        "2017-01-01",
        role=SP,
        network=CENTRAL_AFRICA,
        languages=("fr", "en"),
        fr="Observatoire régional qui publie des données sur la couverture sociale.",
    ),
    Org(
        "Centro Latinoamericano de Estudios sobre Seguridad Social (example)",
        Kind.RESEARCH,
        SUPPORT,
        "PE",
        "2016-01-01",
        role=SP,
        network=LATIN_AMERICA,
        languages=("es",),
        es="Centro regional de estudios que acompaña la incidencia de la red.",
    ),
    Org(
        "Red Andina de Apoyo a la Economía Solidaria (example)",
        Kind.SOCIAL_ECONOMY,
        SUPPORT,
        "BO",
        "2018-01-01",
        role=SP,
        network=LATIN_AMERICA,
        languages=("es",),
        es="Red de apoyo técnico a cooperativas y mutuales andinas.",
    ),
    Org(
        "Asian Institute for Labour and Social Protection Research (example)",
        Kind.RESEARCH,
        SUPPORT,
        "PH",
        "2016-01-01",
        role=SP,
        network=ASIA,
        languages=("en",),
        en="Regional research institute working with the network on its context analyses.",
    ),
    Org(
        "South Asia Legal Aid Network for Workers (example)",
        Kind.NGO,
        SUPPORT,
        "IN",
        "2017-01-01",
        role=SP,
        network=ASIA,
        languages=("en",),
        en="Lawyers' network that supports workers' claims to social security.",
    ),
    Org(
        "Centre européen d'études sur la solidarité internationale (example)",
        Kind.RESEARCH,
        SUPPORT,
        "BE",
        "2019-01-01",
        role=SP,
        network=BELGIUM_EUROPE,
        languages=("fr", "nl", "en"),
        fr="Centre d'études qui appuie le plaidoyer européen du réseau.",
        en="Study centre supporting the network's European advocacy.",
    ),
)

ORGANISATIONS = MEMBERS + STRATEGIC_PARTNERS

# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------


class SeatRole:
    """The steering-committee roles of the 2020-2021 term, as the report names them."""

    REPRESENTATIVE = "representative"
    THEMATIC_COORDINATOR = "thematic_coordinator"  # advisory seat
    CONTINENTAL_COORDINATOR = "continental_coordinator"  # advisory seat
    # Seats of the governance demo (see "Committees" below).
    COORDINATING_ORGANISATION = "coordinating_organisation"  # facilitation seat
    CHAIR = "chair"
    MEMBER = "member"


STEERING_COMMITTEE_TERM = ("2020", "2021")


@dataclass(frozen=True)
class PersonSpec:
    name: str
    email: str
    country: str
    organisation: str  # slug of an organisation in ORGANISATIONS
    languages: tuple[str, ...]
    # Steering committee 2020-2021: the role and the continental network it speaks for.
    # Plain data for now: the governance app will create the seats from it.
    seat_role: str = ""
    seat_network: str = ""
    affiliation_confirmed: bool = False  # SOURCES.md links this person to this organisation


def _email(local: str) -> str:
    return f"{local}@{EMAIL_DOMAIN}"


# The 12 members of the 2020-2021 intercontinental steering committee (DOMAIN.md, from the
# 2020 report). Their organisations and countries are plausible choices, except Issa
# Sissouma (UTM, Mali) and Sulistri Afrileston (KSBSI, Indonesia), which SOURCES.md gives.
STEERING_COMMITTEE: tuple[PersonSpec, ...] = (
    PersonSpec(
        "Issa Sissouma",
        _email("issa.sissouma"),
        "ML",
        "utm",
        ("fr", "bm"),
        SeatRole.REPRESENTATIVE,
        WEST_AFRICA,
        affiliation_confirmed=True,
    ),
    PersonSpec(
        "Niwa Soulima",
        _email("niwa.soulima"),
        "BF",
        "union-des-mutuelles-de-sante-du-kadiogo-example",
        ("fr", "mos"),
        SeatRole.REPRESENTATIVE,
        WEST_AFRICA,
    ),
    PersonSpec(
        "Valère Koffi",
        _email("valere.koffi"),
        "TG",
        "mutuelle-de-sante-des-travailleurs-de-leconomie-informelle-de-lome-example",
        ("fr", "ee", "en"),
        SeatRole.THEMATIC_COORDINATOR,
        WEST_AFRICA,
    ),
    PersonSpec(
        "Gabriela Prudencio",
        _email("gabriela.prudencio"),
        "BO",
        "red-de-mujeres-trabajadoras-de-el-alto-example",
        ("es", "en"),
        SeatRole.REPRESENTATIVE,
        LATIN_AMERICA,
    ),
    PersonSpec(
        "Luis Lopez Cortez",
        _email("luis.lopez.cortez"),
        "GT",
        "sindicato-de-trabajadores-agricolas-de-quetzaltenango-example",
        ("es",),
        SeatRole.REPRESENTATIVE,
        LATIN_AMERICA,
    ),
    PersonSpec(
        "Alexandra Arguedas",
        _email("alexandra.arguedas"),
        "PE",
        "centro-de-estudios-sobre-proteccion-social-de-lima-example",
        ("es", "en"),
        SeatRole.THEMATIC_COORDINATOR,
        LATIN_AMERICA,
    ),
    PersonSpec(
        "Sulistri Afrileston",
        _email("sulistri.afrileston"),
        "ID",
        "ksbsi",
        ("id", "en"),
        SeatRole.REPRESENTATIVE,
        ASIA,
        affiliation_confirmed=True,
    ),
    PersonSpec(
        "Samy Arokiasamy",
        _email("samy.arokiasamy"),
        "IN",
        "tamil-nadu-unorganised-workers-federation-example",
        ("en", "ta"),
        SeatRole.REPRESENTATIVE,
        ASIA,
    ),
    PersonSpec(
        "Bismo Sanyoto",
        _email("bismo.sanyoto"),
        "ID",
        "pusat-kajian-perlindungan-sosial-jakarta-example",
        ("id", "en"),
        SeatRole.THEMATIC_COORDINATOR,
        ASIA,
    ),
    PersonSpec(
        "Dr Ingrid Mulamba",
        _email("ingrid.mulamba"),
        "CD",
        "mutuelle-de-sante-des-enseignants-de-kinshasa-example",
        ("fr", "ln"),
        SeatRole.REPRESENTATIVE,
        CENTRAL_AFRICA,
    ),
    PersonSpec(
        "Dr Anatole Mangala",
        _email("anatole.mangala"),
        "CD",
        "centre-congolais-de-recherche-sur-la-protection-sociale-example",
        ("fr", "ln", "sw"),
        SeatRole.CONTINENTAL_COORDINATOR,
        CENTRAL_AFRICA,
    ),
    PersonSpec(
        "Santiago Fischer",
        _email("santiago.fischer"),
        "BE",
        "plateforme-belge-pour-le-droit-a-la-protection-sociale-example",
        ("fr", "nl", "en", "es"),
        SeatRole.REPRESENTATIVE,
        BELGIUM_EUROPE,
    ),
)

# Invented people (two or three per continental network), to fill the directories.
OTHER_PEOPLE: tuple[PersonSpec, ...] = (
    PersonSpec(
        "Hélène Vermeulen (example)",
        _email("helene.vermeulen"),
        "BE",
        "wsm",
        ("fr", "nl", "en", "es"),
    ),
    PersonSpec(
        "Pieter Claes (example)",
        _email("pieter.claes"),
        "BE",
        "plateforme-belge-pour-le-droit-a-la-protection-sociale-example",
        ("nl", "fr", "en"),
    ),
    PersonSpec(
        "Rodrigue Hounkpatin (example)",
        _email("rodrigue.hounkpatin"),
        "BJ",
        "syndicat-des-travailleurs-de-leconomie-informelle-de-cotonou-example",
        ("fr", "fon"),
    ),
    PersonSpec(
        "Aminata Diallo (example)",
        _email("aminata.diallo"),
        "GN",
        "union-des-femmes-commercantes-du-marche-de-madina-example",
        ("fr", "ff"),
    ),
    PersonSpec(
        "Fatou Ndiaye (example)",
        _email("fatou.ndiaye"),
        "SN",
        "federation-des-mutuelles-de-sante-de-thies-example",
        ("fr", "wo"),
    ),
    PersonSpec(
        "Jean-Paul Habimana (example)",
        _email("jean-paul.habimana"),
        "RW",
        "syndicat-des-travailleurs-de-la-construction-de-kigali-example",
        ("rw", "fr", "en"),
    ),
    PersonSpec(
        "Chantal Niyonzima (example)",
        _email("chantal.niyonzima"),
        "BI",
        "association-des-jeunes-pour-lemploi-de-gitega-example",
        ("fr", "rn"),
    ),
    PersonSpec(
        "María Elena Quispe (example)",
        _email("maria.elena.quispe"),
        "PE",
        "sindicato-de-trabajadoras-del-hogar-de-lima-example",
        ("es", "qu"),
    ),
    PersonSpec(
        "Jean-Robert Joseph (example)",
        _email("jean-robert.joseph"),
        "HT",
        "mutuelle-de-sante-des-marchandes-du-cap-haitien-example",
        ("fr", "ht"),
    ),
    PersonSpec(
        "Ana Lucía Mejía (example)",
        _email("ana.lucia.mejia"),
        "HN",
        "sindicato-de-trabajadoras-de-la-maquila-de-san-pedro-sula-example",
        ("es",),
    ),
    PersonSpec(
        "Rina Akter (example)",
        _email("rina.akter"),
        "BD",
        "dhaka-domestic-workers-union-example",
        ("en", "bn"),
    ),
    PersonSpec(
        "Sokha Chea (example)",
        _email("sokha.chea"),
        "KH",
        "battambang-community-health-mutual-example",
        ("en", "km"),
    ),
    PersonSpec(
        "Maricel Dela Cruz (example)",
        _email("maricel.dela.cruz"),
        "PH",
        "cebu-informal-workers-health-mutual-example",
        ("en", "fil"),
    ),
)

PEOPLE = STEERING_COMMITTEE + OTHER_PEOPLE

# ---------------------------------------------------------------------------------------------
# Demo log-ins: one per persona of DOMAIN.md (the public visitor needs none)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoginSpec:
    persona: str
    email: str
    first_name: str
    last_name: str
    can: str  # what the persona can do, for `manage.py demo_logins`
    person: str = ""  # e-mail of the PersonSpec the account belongs to
    roles: tuple[tuple[str, Role], ...] = field(default=())  # (network slug, role)
    is_superuser: bool = False
    # Named translator of these networks into these languages (inspir/translations).
    translates: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())


DEMO_LOGINS: tuple[LoginSpec, ...] = (
    LoginSpec(
        persona="Network coordinator (WSM, Brussels)",
        email=_email("coordinator"),
        first_name="Hélène",
        last_name="Vermeulen (example)",
        person=_email("helene.vermeulen"),
        roles=((INTERCONTINENTAL, Role.COORDINATOR),),
        can="coordinates every network: internal pages, people, content, organisations, "
        "undelivered e-mail, every part of the plan, the amounts of every funding "
        "proposal; holds the intercontinental committee's secretariat (WSM)",
    ),
    LoginSpec(
        persona="Continental coordinator (Lomé)",
        email=_email("continental.coordinator"),
        first_name="Valère",
        last_name="Koffi",
        person=_email("valere.koffi"),
        roles=((WEST_AFRICA, Role.COORDINATOR),),
        can="coordinates INSP!R Afrique de l'Ouest and its six national networks; owns "
        "their part of the plan, where Bénin's suggestion waits for his decision",
    ),
    LoginSpec(
        persona="Steering-committee member",
        email=_email("steering.member"),
        first_name="Gabriela",
        last_name="Prudencio",
        person=_email("gabriela.prudencio"),
        roles=((INTERCONTINENTAL, Role.MEMBER),),
        can="reads the internal pages and people of every network; on the intercontinental "
        "committee, gives her own positions in its consent rounds and answers its "
        "invitations (no scheduling, cancelling or recording); chairs the Latin American "
        "committee, so schedules and records there (second factor)",
    ),
    LoginSpec(
        persona="National focal point / member-organisation staff (Cotonou)",
        email=_email("focal.point"),
        first_name="Rodrigue",
        last_name="Hounkpatin (example)",
        person=_email("rodrigue.hounkpatin"),
        roles=(("inspir-benin", Role.FOCAL_POINT),),
        can="edits content of INSP!R Bénin; reads its internal pages and people; suggests "
        "actions for its plan and those above it; drafts its positions, adds to the "
        "library, prepares funding proposals (without their amounts)",
    ),
    LoginSpec(
        persona="Translator into Spanish (Lima)",
        email=_email("translator"),
        first_name="María Elena",
        last_name="Quispe (example)",
        person=_email("maria.elena.quispe"),
        roles=((INTERCONTINENTAL, Role.MEMBER),),
        translates=((INTERCONTINENTAL, ("es",)),),
        can="reads the internal pages of every network; named translator of the whole "
        "network into Spanish: is told what to translate, works through the queue, "
        "reviews others' translations",
    ),
    LoginSpec(
        persona="Site administrator",
        email=_email("admin"),
        first_name="Admin",
        last_name="(example)",
        is_superuser=True,
        can="staff superuser: everything, including /admin",
    ),
)
PUBLIC_VISITOR = ("Public visitor", "no account needed: public pages, map, directory")

# ---------------------------------------------------------------------------------------------
# Committees (governance): seat rules and mandates
# ---------------------------------------------------------------------------------------------
# The intercontinental committee follows DOMAIN.md (the 2020 report): 2 representatives of
# the committee of West Africa, Latin America and Asia, 1 for Central Africa, 1 for
# Belgium/Europe, each accompanied by an advisory coordinator, and the coordinating
# organisation (WSM) in a facilitation seat. The continental committees are invented:
# a chair, one representative per national network, and a few members at large.


class SeatKind:
    VOTING = "voting"
    ADVISORY = "advisory"
    FACILITATION = "facilitation"


@dataclass(frozen=True)
class SeatRuleSpec:
    role: str
    kind: str = SeatKind.VOTING
    seats: int = 1
    minimum: int = 0
    network: str = ""  # slug of the network the seats speak for
    organisation: str = ""  # slug of the organisation the seats speak for
    from_network_committee: bool = False
    office: str = ""  # governance's Office: "chair", "secretariat" or none


@dataclass(frozen=True)
class MandateSpec:
    person: str  # e-mail of a PersonSpec
    rule: int  # index of the rule in its committee's `rules`
    # Demo mandates start on MANDATES_START and stay open, except those given a number of
    # days: they end that many days after the day the demo is loaded.
    ends_in_days: int | None = None


@dataclass(frozen=True)
class CommitteeSpec:
    network: str
    time_zone: str
    rules: tuple[SeatRuleSpec, ...]
    mandates: tuple[MandateSpec, ...]


MANDATES_START = datetime.date(2020, 1, 1)
ENDING_SOON_DAYS = 45  # within the 60 days after which the committee page warns

_R = SeatRole
_ADVISORY = SeatKind.ADVISORY


def _representatives(network: str, seats: int) -> SeatRuleSpec:
    return SeatRuleSpec(
        _R.REPRESENTATIVE, seats=seats, minimum=1, network=network, from_network_committee=True
    )


INTERCONTINENTAL_RULES: tuple[SeatRuleSpec, ...] = (
    _representatives(WEST_AFRICA, 2),  # 0
    SeatRuleSpec(_R.THEMATIC_COORDINATOR, _ADVISORY, network=WEST_AFRICA),  # 1
    _representatives(LATIN_AMERICA, 2),  # 2
    SeatRuleSpec(_R.THEMATIC_COORDINATOR, _ADVISORY, network=LATIN_AMERICA),  # 3
    _representatives(ASIA, 2),  # 4
    SeatRuleSpec(_R.THEMATIC_COORDINATOR, _ADVISORY, network=ASIA),  # 5
    _representatives(CENTRAL_AFRICA, 1),  # 6
    SeatRuleSpec(_R.CONTINENTAL_COORDINATOR, _ADVISORY, network=CENTRAL_AFRICA),  # 7
    _representatives(BELGIUM_EUROPE, 1),  # 8
    SeatRuleSpec(
        _R.COORDINATING_ORGANISATION,
        SeatKind.FACILITATION,
        minimum=1,
        organisation="wsm",
        office="secretariat",
    ),  # 9
)


def _intercontinental_mandates() -> tuple[MandateSpec, ...]:
    """The 12 people of STEERING_COMMITTEE in the rule matching their role and network,
    and WSM's network coordinator in the facilitation seat."""
    index = {
        (rule.role, rule.network): position for position, rule in enumerate(INTERCONTINENTAL_RULES)
    }
    members = tuple(
        MandateSpec(spec.email, index[(spec.seat_role, spec.seat_network)])
        for spec in STEERING_COMMITTEE
    )
    return (*members, MandateSpec(_email("helene.vermeulen"), 9))


def _continental_rules(nationals: tuple[str, ...], at_large: int) -> tuple[SeatRuleSpec, ...]:
    """0: the chair; 1..n: one representative per national network; last: members at large."""
    rules = [SeatRuleSpec(_R.CHAIR, minimum=1, office="chair")]
    rules += [SeatRuleSpec(_R.REPRESENTATIVE, network=slug) for slug in nationals]
    if at_large:
        rules.append(SeatRuleSpec(_R.MEMBER, seats=at_large))
    return tuple(rules)


COMMITTEES: tuple[CommitteeSpec, ...] = (
    CommitteeSpec(
        INTERCONTINENTAL,
        "Europe/Brussels",
        INTERCONTINENTAL_RULES,
        _intercontinental_mandates(),
    ),
    CommitteeSpec(
        WEST_AFRICA,
        "Africa/Abidjan",
        _continental_rules(
            (
                "inspir-benin",
                "inspir-burkina-faso",
                "ppsogui",
                "inspir-mali",
                "inspir-senegal",
                "inspir-togo",
            ),
            at_large=0,
        ),
        (
            MandateSpec(_email("issa.sissouma"), 0),  # chair; Mali's seat stays vacant
            MandateSpec(_email("rodrigue.hounkpatin"), 1),
            MandateSpec(_email("niwa.soulima"), 2),
            MandateSpec(_email("aminata.diallo"), 3),
            MandateSpec(_email("fatou.ndiaye"), 5, ends_in_days=ENDING_SOON_DAYS),
            MandateSpec(_email("valere.koffi"), 6),
        ),
    ),
    CommitteeSpec(
        LATIN_AMERICA,
        "America/Lima",
        _continental_rules(
            (
                "inspir-bolivia",
                "inspir-republica-dominicana",
                "inspir-guatemala",
                "inspir-haiti",
                "inspir-peru",
            ),
            at_large=2,
        ),
        (
            MandateSpec(_email("gabriela.prudencio"), 0),
            MandateSpec(_email("luis.lopez.cortez"), 3),
            MandateSpec(_email("jean-robert.joseph"), 4),
            MandateSpec(_email("maria.elena.quispe"), 5),
            MandateSpec(_email("ana.lucia.mejia"), 6),
            MandateSpec(_email("alexandra.arguedas"), 6),
        ),
    ),
    CommitteeSpec(
        ASIA,
        "Asia/Jakarta",
        _continental_rules(
            (
                "inspir-bangladesh",
                "inspir-cambodia",
                "inspir-india",
                "inspir-indonesia",
                "inspir-nepal",
                "inspir-philippines",
            ),
            at_large=0,
        ),
        (
            MandateSpec(_email("sulistri.afrileston"), 0),
            MandateSpec(_email("rina.akter"), 1),
            MandateSpec(_email("sokha.chea"), 2),
            MandateSpec(_email("samy.arokiasamy"), 3),
            MandateSpec(_email("bismo.sanyoto"), 4),
            MandateSpec(_email("maricel.dela.cruz"), 6),
        ),
    ),
    CommitteeSpec(
        CENTRAL_AFRICA,
        "Africa/Kinshasa",
        _continental_rules(("rnma-ps-rdc", "zamuka"), at_large=1),
        (
            MandateSpec(_email("ingrid.mulamba"), 0),
            MandateSpec(_email("anatole.mangala"), 1),
            MandateSpec(_email("jean-paul.habimana"), 2),
            MandateSpec(_email("chantal.niyonzima"), 3),
        ),
    ),
    CommitteeSpec(
        BELGIUM_EUROPE,
        "Europe/Brussels",
        _continental_rules((), at_large=2),
        (
            MandateSpec(_email("santiago.fischer"), 0),
            MandateSpec(_email("pieter.claes"), 1),
        ),
    ),
)
