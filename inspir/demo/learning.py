"""The demo's library (`inspir.learning`): what the networks learnt from one another in
2019–2020, and the needs and priorities of the five continental networks.

The facts come from the 2020 report (DOMAIN.md: field visits, seminars and studies between
continents, centred on the continental networks' needs; the year was virtual); the titles,
texts, dates and places are plausible choices written for the demo. Each text is written in
the language its network's people would use (West and Central Africa and Belgium/Europe in
French, Latin America in Spanish, the rest in English), recorded as such (core/texts.py takes
the language active at the save), and some are translated, so that a search in one language
finds a resource written in another.

Rows are written directly, as elsewhere in the demo (no e-mails, no audit entries), keyed on
their network and title, so that loading again updates them in place. `learning_scale` and
`learning_scaled_remove` are the scale generator's part (scale.py)."""

import datetime
import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import translation

from inspir.accounts.models import User
from inspir.core.models import TextOriginal, TextStatus, TextTranslation
from inspir.demo import data
from inspir.demo.planning import ACTIONS, PERIOD_NAME, texts_copy
from inspir.governance.models import Domain
from inspir.learning.models import (
    Branch,
    Need,
    NeedPriority,
    NeedStatus,
    Principle,
    Resource,
    ResourceKind,
)
from inspir.network.models import Network, Person
from inspir.planning.models import PlanAction

TOP, WA, CA = data.INTERCONTINENTAL, data.WEST_AFRICA, data.CENTRAL_AFRICA
LA, AS, BE = data.LATIN_AMERICA, data.ASIA, data.BELGIUM_EUROPE
K = ResourceKind
HIGH, MEDIUM, LOW = NeedPriority.HIGH, NeedPriority.MEDIUM, NeedPriority.LOW
# Who wrote what: the demo's log-ins (data.DEMO_LOGINS) acting for each network.
WRITERS = {
    TOP: "coordinator",
    WA: "continental.coordinator",
    LA: "steering.member",
    CA: "coordinator",
    AS: "coordinator",
    BE: "coordinator",
}


@dataclass(frozen=True)
class NeedSpec:
    key: str
    network: str
    language: str
    title: str
    description: str
    priority: int
    domain: str
    status: str


NEEDS: tuple[NeedSpec, ...] = (
    NeedSpec(
        "wa-mutuals",
        WA,
        "fr",
        "Affilier les travailleurs de l'économie informelle aux mutuelles de santé",
        "Nos mutuelles veulent apprendre des réseaux qui ont affilié en nombre les vendeuses "
        "des marchés et les conducteurs de taxi-moto, et négocié avec l'assurance maladie "
        "publique.",
        HIGH,
        Domain.LEARNING,
        NeedStatus.ADDRESSED,
    ),
    NeedSpec(
        "wa-advocacy",
        WA,
        "fr",
        "Se former au plaidoyer budgétaire auprès des ministères",
        "Lire un budget de l'État et y trouver la protection sociale, pour chiffrer nos demandes.",
        MEDIUM,
        Domain.ADVOCACY,
        NeedStatus.OPEN,
    ),
    NeedSpec(
        "ca-management",
        CA,
        "fr",
        "Renforcer la gestion des risques des mutuelles",
        "Les gestionnaires de mutuelles de Kinshasa et de Bujumbura demandent des outils pour "
        "suivre les cotisations et les dépenses de soins.",
        HIGH,
        Domain.LEARNING,
        NeedStatus.ADDRESSED,
    ),
    NeedSpec(
        "ca-uhc",
        CA,
        "fr",
        "Comprendre les réformes de couverture santé universelle des autres pays",
        "Comment d'autres pays ont associé la société civile à leur réforme.",
        MEDIUM,
        Domain.LEARNING,
        NeedStatus.OPEN,
    ),
    NeedSpec(
        "la-informal",
        LA,
        "es",
        "Medir la cobertura de los trabajadores informales y de las trabajadoras del hogar",
        "Datos propios para dialogar con los ministerios: quiénes tienen seguro de salud y "
        "pensión, y quiénes no.",
        HIGH,
        Domain.LEARNING,
        NeedStatus.ADDRESSED,
    ),
    NeedSpec(
        "la-africa",
        LA,
        "es",
        "Conocer las mutuales de salud africanas",
        "Las organizaciones campesinas quieren saber cómo funcionan las mutuales comunitarias "
        "de África del Oeste.",
        MEDIUM,
        Domain.LEARNING,
        NeedStatus.MET,
    ),
    NeedSpec(
        "as-migrants",
        AS,
        "en",
        "Social protection for migrant workers across borders",
        "Learn how other regions keep migrant workers' rights when they cross a border: "
        "portability of benefits, bilateral agreements.",
        HIGH,
        Domain.LEARNING,
        NeedStatus.ADDRESSED,
    ),
    NeedSpec(
        "as-online",
        AS,
        "en",
        "Run meetings and trainings online",
        "Tools and practice to keep the network's activity going while nobody travels.",
        LOW,
        Domain.COMMUNICATION,
        NeedStatus.MET,
    ),
    NeedSpec(
        "be-eu",
        BE,
        "fr",
        "Relayer les expériences du Sud auprès des institutions européennes",
        "Des exemples documentés et des témoignages pour le plaidoyer sur la coopération au "
        "développement.",
        HIGH,
        Domain.ADVOCACY,
        NeedStatus.ADDRESSED,
    ),
    NeedSpec(
        "be-funding",
        BE,
        "fr",
        "Connaître les financements européens de la protection sociale",
        "Quels instruments de l'Union financent la protection sociale dans les pays partenaires.",
        MEDIUM,
        Domain.FINANCING,
        NeedStatus.OPEN,
    ),
)


@dataclass(frozen=True)
class ResourceSpec:
    network: str
    language: str
    kind: str
    title: str
    summary: str
    lessons: str
    starts_on: str
    ends_on: str
    place: str
    networks_involved: tuple[str, ...] = ()
    branches: tuple[str, ...] = ()
    principles: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()  # keys of demo/planning.py's ACTIONS
    needs: tuple[str, ...] = ()  # keys of NEEDS
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


RESOURCES: tuple[ResourceSpec, ...] = (
    ResourceSpec(
        WA,
        "fr",
        K.FIELD_VISIT,
        "Échange entre l'Afrique de l'Ouest et l'Amérique latine sur les mutuelles de santé",
        "Des responsables de mutuelles du Bénin, du Togo et du Sénégal ont rencontré des "
        "organisations paysannes et des mutuelles de Bolivie et du Pérou, puis les ont reçues "
        "à Cotonou. Ils ont comparé comment chacun affilie les travailleurs de l'économie "
        "informelle et négocie avec l'assurance maladie publique.",
        "Affilier par groupes (un marché, une coopérative) coûte moins que d'affilier un à un. "
        "Une mutuelle pèse davantage face à l'État quand elle s'allie aux syndicats. "
        "La seconde visite s'est tenue en ligne : la pandémie a fermé les frontières.",
        "2019-10-14",
        "2020-02-28",
        "Cochabamba, Lima, Cotonou",
        networks_involved=(LA,),
        branches=("medical_care", "sickness", "maternity"),
        principles=("combination", "stakeholders"),
        actions=("field-visits", "wa-exchange"),
        needs=("wa-mutuals", "la-africa"),
        translations={
            "title": {
                "es": "Intercambio entre África del Oeste y América Latina sobre las mutuales "
                "de salud",
                "en": "Exchange between West Africa and Latin America on health mutuals",
            },
            "summary": {
                "es": "Responsables de mutuales de Benín, Togo y Senegal se reunieron con "
                "organizaciones campesinas y mutuales de Bolivia y Perú, y luego las "
                "recibieron en Cotonú. Compararon cómo cada una afilia a los trabajadores de "
                "la economía informal y negocia con el seguro público de salud.",
            },
        },
    ),
    ResourceSpec(
        TOP,
        "en",
        K.SEMINAR,
        "Virtual seminar: COVID-19 and social protection",
        "The first seminar of the network held entirely online, with members of the five "
        "continental networks: how the pandemic hit informal workers, which emergency "
        "measures reached them, and what the network should ask of governments and the ILO.",
        "Emergency cash transfers missed most informal workers where no register existed. "
        "Health mutuals and unions were the first to inform members. Interpretation in three "
        "languages made the online seminar work; short sessions worked better than long ones.",
        "2020-06-18",
        "",
        "Online",
        networks_involved=(WA, CA, LA, AS, BE),
        branches=("medical_care", "sickness", "unemployment"),
        principles=("rights_based", "financing"),
        actions=("seminars", "covid-care"),
        needs=("as-online",),
        translations={
            "title": {
                "fr": "Séminaire virtuel : la COVID-19 et la protection sociale",
                "es": "Seminario virtual: la COVID-19 y la protección social",
            },
        },
    ),
    ResourceSpec(
        LA,
        "es",
        K.STUDY,
        "Estudio sobre la cobertura de los trabajadores informales en Bolivia y Perú",
        "Con los sindicatos de trabajadoras del hogar y las organizaciones campesinas, la red "
        "documentó cuántos trabajadores informales tienen seguro de salud y pensión, y qué "
        "les impide afiliarse.",
        "Las trabajadoras del hogar casi nunca están afiliadas aunque la ley lo permita: el "
        "empleador no declara. Los datos propios abrieron el diálogo con los ministerios.",
        "2020-03-01",
        "2020-12-15",
        "Bolivia, Perú",
        branches=("medical_care", "old_age", "maternity"),
        principles=("rights_based", "life_cycle"),
        actions=("la-study", "study"),
        needs=("la-informal",),
        translations={
            "title": {
                "fr": "Étude sur la couverture des travailleurs informels en Bolivie et au Pérou",
            },
            "summary": {
                "fr": "Avec les syndicats de travailleuses domestiques et les organisations "
                "paysannes, le réseau a documenté combien de travailleurs informels ont une "
                "assurance santé et une pension, et ce qui les empêche de s'affilier.",
            },
        },
    ),
    ResourceSpec(
        TOP,
        "en",
        K.STRATEGIC_NOTE,
        "Strategic note on the network's communication",
        "Whom the network speaks to, with which messages and through which channels, at each "
        "level: the basis of the visual identity and of the common website.",
        "One message per audience; the continental networks adapt it in their languages.",
        "2020-09-30",
        "",
        "Brussels",
        principles=("stakeholders",),
        actions=("strategic-note",),
    ),
    ResourceSpec(
        AS,
        "en",
        K.SEMINAR,
        "Webinar series: relief for informal and migrant workers in Asia",
        "Monthly webinars of the Asian network's members on the relief measures of their "
        "governments, the migrant workers stranded by the closed borders and the unions' "
        "answers.",
        "Migrant workers fell through every net: neither the country of work nor the country "
        "of origin covered them. Bilateral agreements are the lever.",
        "2020-05-06",
        "2020-11-25",
        "Online",
        branches=("unemployment", "family"),
        principles=("rights_based", "combination"),
        actions=("as-webinars",),
        needs=("as-migrants", "as-online"),
    ),
    ResourceSpec(
        CA,
        "fr",
        K.EXPERIENCE,
        "Former les gestionnaires de mutuelles de Kinshasa à la gestion des risques",
        "Trois sessions de formation des gestionnaires de mutuelles à la gestion des risques "
        "et au suivi des cotisations, avec un outil de tableur commun.",
        "Un outil simple, tenu chaque mois, vaut mieux qu'un logiciel que personne n'utilise.",
        "2020-08-10",
        "2020-11-20",
        "Kinshasa",
        branches=("medical_care",),
        principles=("combination",),
        actions=("ca-training",),
        needs=("ca-management",),
    ),
    ResourceSpec(
        BE,
        "fr",
        K.TOOLKIT,
        "Boîte à outils : plaider pour la protection sociale auprès des institutions européennes",
        "Fiches sur les institutions de l'Union, le calendrier de la programmation 2021–2027 "
        "et des exemples de messages, tirés des expériences des réseaux du Sud.",
        "Un témoignage du terrain ouvre plus de portes qu'un chiffre seul.",
        "2020-10-01",
        "",
        "Bruxelles",
        branches=("medical_care", "family"),
        principles=("financing", "stakeholders"),
        actions=("be-eu",),
        needs=("be-eu", "be-funding"),
        translations={
            "title": {"en": "Toolkit: advocating for social protection with the EU institutions"},
        },
    ),
    ResourceSpec(
        WA,
        "fr",
        K.EXPERIENCE,
        "Affilier les vendeuses du grand marché de Lomé à une mutuelle de santé",
        "Comment la mutuelle de Lomé a affilié plus de mille vendeuses du grand marché, par "
        "groupes de dix, avec une cotisation collectée chaque semaine.",
        "La confiance vient des responsables de groupe, choisies par les vendeuses elles-mêmes.",
        "2020-01-15",
        "2020-12-31",
        "Lomé",
        branches=("medical_care", "maternity"),
        principles=("combination", "life_cycle"),
        actions=("wa-exchange",),
        needs=("wa-mutuals",),
    ),
)


def _date(value: str) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _writers() -> dict[str, User | None]:
    emails = {login: f"{login}@{data.EMAIL_DOMAIN}" for login in set(WRITERS.values())}
    found = {user.email: user for user in User.objects.filter(email__in=emails.values())}
    return {network: found.get(emails[login]) for network, login in WRITERS.items()}


def _demo_actions() -> dict[str, PlanAction]:
    specs = {spec.key: (spec.network, spec.title) for spec in ACTIONS}
    rows = PlanAction.objects.filter(
        period__name=PERIOD_NAME, title__in={title for _, title in specs.values()}
    ).select_related("network")
    by_title = {(row.network.slug, row.title): row for row in rows}
    return {key: by_title[where] for key, where in specs.items() if where in by_title}


def _translations_set(obj: models.Model, texts: Mapping[str, Mapping[str, str]]) -> None:
    """The translations (field → language → text) of `obj`'s texts, made from their
    current revision."""
    for field_name, by_language in texts.items():
        original = TextOriginal.objects.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=obj.pk,
            field=field_name,
        ).first()
        if original is None:
            continue
        for language, text in by_language.items():
            if language == original.language:
                continue
            wanted = {
                "text": text,
                "status": TextStatus.TRANSLATED,
                "machine": False,
                "source_revision": original.revision,
                "source_text": getattr(obj, field_name),
            }
            current = TextTranslation.objects.filter(original=original, language=language).first()
            if current is not None and all(getattr(current, k) == v for k, v in wanted.items()):
                continue  # loaded again unchanged: no save, no index written again
            TextTranslation.objects.update_or_create(
                original=original, language=language, defaults=wanted
            )


def learning_load(networks: dict[str, Network], people: dict[str, Person]) -> None:
    """Write the demo's library and the continental networks' needs; safe to run again."""
    writers = _writers()
    needs: dict[str, Need] = {}
    for need_spec in NEEDS:
        with translation.override(need_spec.language):
            need, _ = Need.objects.update_or_create(
                network=networks[need_spec.network],
                title=need_spec.title,
                defaults={
                    "description": need_spec.description,
                    "priority": need_spec.priority,
                    "domain": need_spec.domain,
                    "status": need_spec.status,
                    "created_by": writers.get(need_spec.network),
                },
            )
        needs[need_spec.key] = need
    actions = _demo_actions()
    for spec in RESOURCES:
        with translation.override(spec.language):
            resource, _ = Resource.objects.update_or_create(
                network=networks[spec.network],
                title=spec.title,
                defaults={
                    "kind": spec.kind,
                    "summary": spec.summary,
                    "lessons": spec.lessons,
                    "starts_on": datetime.date.fromisoformat(spec.starts_on),
                    "ends_on": _date(spec.ends_on),
                    "place": spec.place,
                    "created_by": writers.get(spec.network),
                },
            )
        resource.networks_involved.set([networks[slug] for slug in spec.networks_involved])
        resource.branches.set(Branch.objects.filter(key__in=spec.branches))
        resource.principles.set(Principle.objects.filter(key__in=spec.principles))
        resource.plan_actions.set([actions[key] for key in spec.actions if key in actions])
        resource.needs.set([needs[key] for key in spec.needs])
        _translations_set(resource, spec.translations)


# --- The scale generator's part (scale.py) ------------------------------------------------------


@dataclass(frozen=True)
class LearningScaleSummary:
    resources: int = 0


def _copy_title(prefix: str, copy: int, title: str) -> str:
    return f"{prefix}{copy} {title}"[:200]


def learning_scaled_remove(prefix: str) -> None:
    """Remove what `learning_scale` added (every copy's title starts with `prefix`), with
    their texts."""
    copies = Resource.objects.filter(title__startswith=prefix)
    TextOriginal.objects.filter(
        content_type=ContentType.objects.get_for_model(Resource, for_concrete_model=False),
        object_id__in=copies.values("pk"),
    ).delete()
    copies.delete()  # their links go with them


def learning_scale(
    copies: range,
    *,
    prefix: str,
    batch_size: int,
    organisation_copy: Callable[[int, int], int],
    person_copy: Callable[[int, int], int],
) -> LearningScaleSummary:
    """Add a copy of the demo's resources for each of `copies`, in the same networks, named
    "<prefix><n> …", with their links (organisations involved: copy `n` of them; networks,
    branches, principles, plan actions and needs: the same) and their texts. Run `load_demo`
    first. `person_copy` is taken for the scale generator's sake: resources name no person."""
    titles = {(spec.network, spec.title) for spec in RESOURCES}
    originals = sorted(
        (
            row
            for row in Resource.objects.filter(
                title__in={title for _, title in titles}
            ).select_related("network")
            if (row.network.slug, row.title) in titles
        ),
        key=lambda row: row.pk,
    )
    if not copies or not originals:
        return LearningScaleSummary()
    Resource.objects.bulk_create(
        [
            Resource(
                network_id=original.network_id,
                kind=original.kind,
                title=_copy_title(prefix, copy, original.title),
                summary=original.summary,
                lessons=original.lessons,
                starts_on=original.starts_on,
                ends_on=original.ends_on,
                place=original.place,
                created_by_id=original.created_by_id,
            )
            for copy, original in itertools.product(copies, originals)
        ],
        batch_size=batch_size,
    )
    # Not every database returns the primary keys of bulk-created rows: fetch them by title.
    made = {
        (network_id, title): pk
        for network_id, title, pk in Resource.objects.filter(title__startswith=prefix).values_list(
            "network_id", "title", "pk"
        )
    }
    by_pk = {original.pk: original for original in originals}

    def copy_of(resource_id: int, copy: int) -> int:
        original = by_pk[resource_id]
        return made[(original.network_id, _copy_title(prefix, copy, original.title))]

    copied: dict[str, Callable[[int, int], int]] = {"organisations_involved": organisation_copy}
    for model_field in Resource._meta.many_to_many:
        through: Any = model_field.remote_field.through  # type: ignore[attr-defined]
        source = model_field.m2m_column_name()  # type: ignore[attr-defined]
        target = model_field.m2m_reverse_name()  # type: ignore[attr-defined]
        rows = list(
            through.objects.filter(**{f"{source}__in": list(by_pk)})
            .order_by("pk")
            .values_list(source, target)
        )
        target_copy = copied.get(model_field.name)
        through.objects.bulk_create(
            [
                through(
                    **{
                        source: copy_of(resource_id, copy),
                        target: target_copy(target_id, copy) if target_copy else target_id,
                    }
                )
                for copy, (resource_id, target_id) in itertools.product(copies, rows)
            ],
            batch_size=batch_size,
        )
    # bulk_create records no original of a text (core/texts.py): give each copy its
    # original's, so that the pages read as many texts as they would.
    texts_copy(
        Resource,
        [
            (
                original.pk,
                Resource(
                    pk=copy_of(original.pk, copy),
                    network_id=original.network_id,
                    title=_copy_title(prefix, copy, original.title),
                    summary=original.summary,
                    lessons=original.lessons,
                ),
            )
            for copy, original in itertools.product(copies, originals)
        ],
        Resource.objects.filter(title__startswith=prefix),
        batch_size,
    )
    return LearningScaleSummary(resources=len(copies) * len(originals))
