"""The demo's news (`inspir.website`): what the networks told on their sections of the site
in 2020, the first year of INSP!R's activity, each in the language its network writes in,
some translated; one post of the intercontinental network scheduled a week from now and
one draft of Africa's, so that the newsroom shows every state.

The facts come from the 2020 report (DOMAIN.md): the virtual meetings, the COVID-19 and
Global Fund positions, the new visual identity and website, the USP2030 and GCSPF alliances.
The wording and dates are plausible choices written for the demo.

Rows are written directly (no e-mails, no audit entries), keyed on their network and title,
so that loading again updates them in place. `website_scale` and `website_scaled_remove` are
the scale generator's part (scale.py)."""

import datetime
import itertools
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone, translation

from inspir.accounts.models import User
from inspir.core.models import TextOriginal, TextTranslation
from inspir.demo import data
from inspir.demo.planning import texts_copy
from inspir.network.models import Network
from inspir.website.models import Post, PostStatus

UTC = datetime.UTC


@dataclass(frozen=True)
class DemoPost:
    network: str
    language: str
    title: str
    summary: str
    body: str
    published: datetime.datetime | None  # None: a draft; SCHEDULED: a week from loading
    # Translations, by language: (title, summary), reviewed.
    translations: dict[str, tuple[str, str]] | None = None


SCHEDULED = datetime.datetime(1, 1, 1, tzinfo=UTC)


def _at(month: int, day: int) -> datetime.datetime:
    return datetime.datetime(2020, month, day, 9, 0, tzinfo=UTC)


POSTS = (
    DemoPost(
        data.INTERCONTINENTAL,
        "en",
        "INSP!R holds its first steering committee online",
        "Twelve members from four continents met by video to launch the network's first year.",
        "The steering committee met for the first time on a video call, travel being "
        "impossible.\n\n## What was decided\n\n- the operational plan 2020–2021 and its four "
        "domains;\n- a meeting every two months, at an hour that changes so that no "
        "continent always meets at night;\n- a common website and a visual identity.\n\n"
        "The minutes are on the [platform](/en/governance/).",
        _at(3, 12),
        {
            "fr": (
                "INSP!R tient son premier comité de pilotage en ligne",
                "Douze membres de quatre continents se sont réunis par vidéo pour lancer la "
                "première année du réseau.",
            ),
            "es": (
                "INSP!R celebra su primer comité de dirección en línea",
                "Doce miembros de cuatro continentes se reunieron por video para lanzar el "
                "primer año de la red.",
            ),
        },
    ),
    DemoPost(
        data.INTERCONTINENTAL,
        "en",
        "COVID-19: the network asks for equal access to care and vaccines",
        "Protective equipment, reliable tests and safe vaccination for everyone: the "
        "network's position.",
        "The pandemic made the gaps in social protection visible everywhere. The network "
        "adopted a position asking for **protective equipment** for every health worker, "
        "**reliable tests** within everyone's reach and **safe vaccination** without profit "
        "on the pandemic.\n\nRead it in the [publications](/en/publications/).",
        _at(12, 15),
        {
            "fr": (
                "COVID-19 : le réseau demande un égal accès aux soins et aux vaccins",
                "Équipements de protection, tests fiables et vaccination sûre pour toutes et "
                "tous : la position du réseau.",
            ),
        },
    ),
    DemoPost(
        data.INTERCONTINENTAL,
        "en",
        "The new website gathers the networks' blogs and newsletters",
        "One site, in three languages, for every network of INSP!R.",
        "Until now each continent had its own blog and newsletter. From January, the news "
        "of every network is published here, in French, English and Spanish.",
        SCHEDULED,
    ),
    DemoPost(
        data.WEST_AFRICA,
        "fr",
        "Les mutuelles de santé d'Afrique de l'Ouest partagent leurs pratiques",
        "Un séminaire en ligne a réuni les mutuelles du Bénin, du Burkina Faso et du Sénégal.",
        "Pendant deux matinées, les mutuelles ont comparé leurs façons d'affilier les "
        "travailleurs de l'économie informelle.\n\n## Ce qu'elles retiennent\n\n1. la "
        "cotisation adaptée aux saisons ;\n2. le paiement par téléphone ;\n3. le lien avec "
        "l'assurance maladie universelle.",
        _at(9, 24),
        {
            "en": (
                "West Africa's health mutuals share their practices",
                "An online seminar brought together the mutuals of Benin, Burkina Faso and "
                "Senegal.",
            ),
        },
    ),
    DemoPost(
        data.WEST_AFRICA,
        "fr",
        "Protection sociale et COVID-19 : les travailleurs informels en première ligne",
        "Les syndicats du réseau demandent un revenu de remplacement pour les travailleurs "
        "sans contrat.",
        "Les marchés fermés, les revenus ont disparu du jour au lendemain. Les syndicats du "
        "réseau demandent aux gouvernements un **revenu de remplacement** pour celles et "
        "ceux qui travaillent sans contrat.",
        _at(5, 6),
    ),
    DemoPost(
        data.WEST_AFRICA,
        "fr",
        "Brouillon : bilan de l'année 2020",
        "Ce que le réseau a fait en 2020.",
        "À compléter avec les chiffres des réseaux nationaux.",
        None,
    ),
    DemoPost(
        data.CENTRAL_AFRICA,
        "fr",
        "En RD Congo, les mutuelles face à la pandémie",
        "Comment les mutuelles de Kinshasa ont maintenu l'accès aux soins de leurs membres.",
        "Les centres de santé partenaires ont gardé leurs portes ouvertes. Les mutuelles ont "
        "organisé la distribution de savon et de masques dans les quartiers.",
        _at(7, 2),
    ),
    DemoPost(
        data.CENTRAL_AFRICA,
        "fr",
        "Le réseau d'Afrique centrale élit son représentant au comité",
        "Une représentante siège désormais au comité de pilotage intercontinental.",
        "Réuni en ligne, le comité de pilotage continental a désigné sa représentante au "
        "comité intercontinental pour 2020–2021.",
        _at(2, 20),
    ),
    DemoPost(
        data.LATIN_AMERICA,
        "es",
        "América Latina: los movimientos sociales defienden las pensiones",
        "Los sindicatos y las organizaciones de personas mayores piden pensiones dignas para "
        "todas y todos.",
        "En Bolivia, Guatemala y Honduras, las organizaciones de la red presentaron sus "
        "propuestas para una **pensión universal** financiada de forma solidaria.",
        _at(10, 1),
        {
            "en": (
                "Latin America: social movements defend pensions",
                "Trade unions and older people's organisations ask for decent pensions for all.",
            ),
            "fr": (
                "Amérique latine : les mouvements sociaux défendent les pensions",
                "Les syndicats et les organisations de personnes âgées demandent des "
                "pensions dignes pour toutes et tous.",
            ),
        },
    ),
    DemoPost(
        data.LATIN_AMERICA,
        "es",
        "Trabajadoras del hogar: un derecho a la protección social",
        "La red acompaña la campaña por la afiliación de las trabajadoras del hogar.",
        "Muchas trabajadoras del hogar siguen sin seguridad social. La red apoya su campaña "
        "por la ratificación del Convenio 189 de la OIT.",
        _at(6, 16),
    ),
    DemoPost(
        data.ASIA,
        "en",
        "Asia: migrant workers left out of relief measures",
        "The network's organisations in India, Nepal and Indonesia document the gaps.",
        "When the lockdowns began, migrant workers were the first to lose their income and "
        "the last to be reached by relief. The network's members collected their "
        "testimonies to bring them to the ILO.",
        _at(8, 11),
        {
            "es": (
                "Asia: los trabajadores migrantes, excluidos de las ayudas",
                "Las organizaciones de la red en India, Nepal e Indonesia documentan las brechas.",
            ),
        },
    ),
    DemoPost(
        data.ASIA,
        "en",
        "Universal health coverage: lessons from Nepal",
        "How a national network followed the roll-out of health insurance.",
        "Nepal's health insurance reached new districts in 2020. The national network "
        "visited its members to see what changed for informal workers.",
        _at(11, 19),
    ),
    DemoPost(
        data.BELGIUM_EUROPE,
        "fr",
        "No profit on pandemic : INSP!R soutient l'initiative citoyenne européenne",
        "Le réseau rejoint la campagne pour des vaccins bien public mondial.",
        "Avec ses membres belges et européens, INSP!R soutient l'initiative citoyenne "
        "européenne « No profit on pandemic ».",
        _at(12, 1),
    ),
)


@dataclass(frozen=True)
class WebsiteSummary:
    posts: int = 0
    translations: int = 0


def _author() -> User | None:
    return User.objects.filter(email=f"coordinator@{data.EMAIL_DOMAIN}").first()


def load_website(networks: dict[str, Network]) -> WebsiteSummary:
    """Write the demo's posts (the networks missing from `networks` are left out) and their
    translations; safe to run again."""
    author = _author()
    content_type = ContentType.objects.get_for_model(Post, for_concrete_model=False)
    posts = translated = 0
    for demo in POSTS:
        network = networks.get(demo.network)
        if network is None:
            continue
        if demo.published is None:
            status, when = PostStatus.DRAFT, None
        elif demo.published == SCHEDULED:
            status, when = PostStatus.SCHEDULED, timezone.now() + datetime.timedelta(days=7)
        else:
            status, when = PostStatus.PUBLISHED, demo.published
        with translation.override(demo.language):
            post, _created = Post.objects.update_or_create(
                network=network,
                title=demo.title,
                defaults={
                    "language": demo.language,
                    "summary": demo.summary,
                    "body": demo.body,
                    "status": status,
                    "publish_at": when,
                    "author": author,
                },
            )
        posts += 1
        for language, (title, summary) in (demo.translations or {}).items():
            for field, text in (("title", title), ("summary", summary)):
                original = TextOriginal.objects.filter(
                    content_type=content_type, object_id=post.pk, field=field
                ).first()
                if original is None:
                    continue
                TextTranslation.objects.update_or_create(
                    original=original,
                    language=language,
                    defaults={
                        "text": text,
                        "status": "reviewed",
                        "source_revision": original.revision,
                        "source_text": getattr(post, field),
                        "translated_by": author,
                    },
                )
                translated += 1
    return WebsiteSummary(posts=posts, translations=translated)


# --- The scale generator's part -----------------------------------------------------------------


def _copy_title(prefix: str, copy: int, title: str) -> str:
    return f"{prefix}{copy} {title}"[:200]


def website_scaled_remove(prefix: str) -> None:
    """Remove what `website_scale` added (every copy's title starts with `prefix`)."""
    copies = Post.objects.filter(title__startswith=prefix)
    TextOriginal.objects.filter(
        content_type=ContentType.objects.get_for_model(Post, for_concrete_model=False),
        object_id__in=copies.values("pk"),
    ).delete()
    copies.delete()


def website_scale(
    copies: range,
    *,
    prefix: str,
    batch_size: int,
    organisation_copy: Callable[[int, int], int],
    person_copy: Callable[[int, int], int],
) -> WebsiteSummary:
    """Add a copy of each of the demo's posts for each of `copies`, in the same networks
    and states, titled "<prefix><n> …", their texts' originals and translations with them.
    Run `load_website` first. (No post names an organisation or a person.)"""
    originals = list(Post.objects.filter(title__in=[demo.title for demo in POSTS]).order_by("pk"))
    if not copies or not originals:
        return WebsiteSummary()
    Post.objects.bulk_create(
        [
            Post(
                network_id=original.network_id,
                language=original.language,
                title=_copy_title(prefix, copy, original.title),
                summary=original.summary,
                body=original.body,
                status=original.status,
                publish_at=original.publish_at,
                author_id=original.author_id,
            )
            for copy, original in itertools.product(copies, originals)
        ],
        batch_size=batch_size,
    )
    made = Post.objects.filter(title__startswith=prefix)
    by_title = {post.title: post for post in made.select_related("network")}
    texts_copy(
        Post,
        [
            (original.pk, by_title[_copy_title(prefix, copy, original.title)])
            for copy, original in itertools.product(copies, originals)
        ],
        made,
        batch_size,
    )
    return WebsiteSummary(posts=len(by_title))
