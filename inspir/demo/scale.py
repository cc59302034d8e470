"""A bigger network for query-count tests and benchmarks.

`build_scaled(factor)` adds `factor - 1` invented copies of the demo's organisations, their
memberships and the demo's people, in the same networks and countries, so that the database
holds `factor` times the demo. Pages whose query count stays the same at 1× and 10× do not
have N+1 queries. Every copy has an "(example)" name and a slug or e-mail address starting
with "scaled-<n>-"; building again first removes the previous copies. The demo's plan and
stakeholders are copied too, in the same networks, their titles and names starting with
"scaled-<n> " (`demo/planning.py`)."""

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from inspir.core.models import TextOriginal, TextTranslation
from inspir.core.page_cache import registry_changed
from inspir.core.search import rebuild_index
from inspir.demo import data
from inspir.demo.advocacy import advocacy_scale, advocacy_scaled_remove
from inspir.demo.financing import financing_scale, financing_scaled_remove
from inspir.demo.learning import learning_scale, learning_scaled_remove
from inspir.demo.planning import planning_scale, planning_scaled_remove
from inspir.demo.website import website_scale, website_scaled_remove
from inspir.governance.models import Mandate
from inspir.network.models import Level, Membership, Organisation, Person

PREFIX = "scaled-"
BATCH_SIZE = 500


@dataclass(frozen=True)
class ScaleSummary:
    copies: int
    organisations: int
    memberships: int
    people: int
    mandates: int = 0
    # planning: copies of the demo's plan and of its stakeholders (demo/planning.py)
    plan_actions: int = 0
    stakeholders: int = 0
    # the other domains: positions, resources, funding proposals (demo/advocacy.py, …)
    positions: int = 0
    resources: int = 0
    funding_proposals: int = 0


def _base_name(name: str) -> str:
    return name.removesuffix(data.EXAMPLE_SUFFIX).rstrip()


def _copy_name(name: str, copy: int) -> str:
    return f"{_base_name(name)} {copy} {data.EXAMPLE_SUFFIX}"


def scaled_remove() -> None:
    # Before the organisations and people their copies name.
    advocacy_scaled_remove(PREFIX)
    learning_scaled_remove(PREFIX)
    financing_scaled_remove(PREFIX)
    website_scaled_remove(PREFIX)
    planning_scaled_remove(PREFIX)
    Mandate.objects.filter(person__email__startswith=PREFIX).delete()
    Person.objects.filter(email__startswith=PREFIX).delete()
    # Memberships go with their organisations (on_delete=CASCADE).
    Organisation.objects.filter(slug__startswith=PREFIX).delete()


def _descriptions_copy(
    originals: list[Organisation], copies: range, copy_of: Callable[[int, int], int]
) -> None:
    """bulk_create records no original of a text (core/texts.py): give each copy its
    original's (language, revision, network) and translations, so that the pages read as
    many texts as they would."""
    content_type = ContentType.objects.get_for_model(Organisation)
    sources = list(
        TextOriginal.objects.filter(
            content_type=content_type,
            object_id__in=[original.pk for original in originals],
            field="description",
        ).prefetch_related("translations")
    )
    TextOriginal.objects.bulk_create(
        [
            TextOriginal(
                content_type=content_type,
                object_id=copy_of(source.object_id, copy),
                field=source.field,
                language=source.language,
                revision=source.revision,
                digest=source.digest,
                changed_at=source.changed_at,
                network_id=source.network_id,
                needed_by=source.needed_by,
            )
            for copy, source in itertools.product(copies, sources)
        ],
        batch_size=BATCH_SIZE,
    )
    made = dict(
        TextOriginal.objects.filter(
            content_type=content_type,
            object_id__in=Organisation.objects.filter(slug__startswith=PREFIX).values("pk"),
            field="description",
        ).values_list("object_id", "pk")
    )
    TextTranslation.objects.bulk_create(
        [
            TextTranslation(
                original_id=made[copy_of(source.object_id, copy)],
                language=translation.language,
                text=translation.text,
                status=translation.status,
                machine=translation.machine,
                source_revision=translation.source_revision,
                source_text=translation.source_text,
            )
            for copy, source in itertools.product(copies, sources)
            for translation in source.translations.all()
        ],
        batch_size=BATCH_SIZE,
    )


@transaction.atomic
def build_scaled(factor: int) -> ScaleSummary:
    """Make the demo network `factor` times bigger; run `load_demo` first."""
    if factor < 1:
        raise ValueError("The factor must be 1 or more.")
    scaled_remove()
    demo_slugs = [spec.slug for spec in data.ORGANISATIONS]
    originals = list(Organisation.objects.filter(slug__in=demo_slugs).order_by("pk"))
    if len(originals) != len(demo_slugs):
        raise LookupError("Load the demo first (manage.py load_demo).")
    memberships = list(Membership.objects.filter(organisation__in=originals).order_by("pk"))
    people = list(
        Person.objects.filter(email__in=[spec.email for spec in data.PEOPLE]).order_by("pk")
    )
    copies = range(2, factor + 1)

    new_organisations = [
        Organisation(
            name=_copy_name(original.name, copy),
            acronym="",
            slug=f"{PREFIX}{copy}-{original.slug}"[:100],
            kind=original.kind,
            is_social_movement=original.is_social_movement,
            country_id=original.country_id,
            beneficiaries=original.beneficiaries,
            beneficiaries_year=original.beneficiaries_year,
            description=original.description,
            languages=original.languages,
        )
        for copy, original in itertools.product(copies, originals)
    ]
    Organisation.objects.bulk_create(new_organisations, batch_size=BATCH_SIZE)
    # Not every database returns the primary keys of bulk-created rows: fetch them by slug.
    copy_ids = dict(Organisation.objects.filter(slug__startswith=PREFIX).values_list("slug", "pk"))
    original_slugs = {original.pk: original.slug for original in originals}

    def copy_of(organisation_id: int, copy: int) -> int:
        return copy_ids[f"{PREFIX}{copy}-{original_slugs[organisation_id]}"[:100]]

    new_memberships = [
        Membership(
            organisation_id=copy_of(membership.organisation_id, copy),
            network_id=membership.network_id,
            role=membership.role,
            start_date=membership.start_date,
            end_date=membership.end_date,
        )
        for copy, membership in itertools.product(copies, memberships)
    ]
    Membership.objects.bulk_create(new_memberships, batch_size=BATCH_SIZE)
    _descriptions_copy(originals, copies, copy_of)

    new_people = [
        Person(
            name=f"Person {copy}-{index} {data.EXAMPLE_SUFFIX}",
            organisation_id=(
                copy_of(person.organisation_id, copy) if person.organisation_id else None
            ),
            country_id=person.country_id,
            time_zone=person.time_zone,
            languages=person.languages,
            email=f"{PREFIX}{copy}-{index}@{data.EMAIL_DOMAIN}",
        )
        for copy in copies
        for index, person in enumerate(people, start=1)
    ]
    Person.objects.bulk_create(new_people, batch_size=BATCH_SIZE)

    # Each copy of a person also holds the continental seats of the original, so that the
    # committee pages have `factor` times the mandates. (The intercontinental committee is
    # left as the report names it: the home page's figure and its checks stay those of 2020.)
    person_ids = dict(Person.objects.filter(email__startswith=PREFIX).values_list("email", "pk"))
    index_of = {person.pk: index for index, person in enumerate(people, start=1)}
    mandates = list(
        Mandate.objects.filter(
            person__in=people, committee__network__level=Level.CONTINENTAL
        ).order_by("pk")
    )
    new_mandates = [
        Mandate(
            committee_id=mandate.committee_id,
            rule_id=mandate.rule_id,
            person_id=person_ids[
                f"{PREFIX}{copy}-{index_of[mandate.person_id]}@{data.EMAIL_DOMAIN}"
            ],
            start_date=mandate.start_date,
            end_date=mandate.end_date,
        )
        for copy in copies
        for mandate in mandates
    ]
    Mandate.objects.bulk_create(new_mandates, batch_size=BATCH_SIZE)

    # The plan and the context analysis, each copy led by and targeting its own copies.
    def person_copy_of(person_id: int, copy: int) -> int:
        return person_ids[f"{PREFIX}{copy}-{index_of[person_id]}@{data.EMAIL_DOMAIN}"]

    planning = planning_scale(
        copies,
        prefix=PREFIX,
        batch_size=BATCH_SIZE,
        organisation_copy=copy_of,
        person_copy=person_copy_of,
    )

    def grown(scale: Callable[..., Any]) -> Any:
        return scale(
            copies,
            prefix=PREFIX,
            batch_size=BATCH_SIZE,
            organisation_copy=copy_of,
            person_copy=person_copy_of,
        )

    advocacy = grown(advocacy_scale)
    learning = grown(learning_scale)
    financing = grown(financing_scale)
    grown(website_scale)
    registry_changed()  # bulk_create sends no signals: say that the public pages are stale
    # nor does it index the copies
    rebuild_index(
        [
            "network.organisation",
            "network.person",
            "planning.action",
            "planning.stakeholder",
            "advocacy.position",
            "learning.resource",
            "financing.funder",
            "financing.proposal",
            "website.post",
        ]
    )
    return ScaleSummary(
        copies=len(copies),
        organisations=len(new_organisations),
        memberships=len(new_memberships),
        people=len(new_people),
        mandates=len(new_mandates),
        plan_actions=planning.actions,
        stakeholders=planning.stakeholders,
        positions=advocacy.positions,
        resources=learning.resources,
        funding_proposals=financing.proposals,
    )
