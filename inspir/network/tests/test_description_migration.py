"""Migrations network.0005–0007: networks' and organisations' descriptions written in a
column per language become one original and its translations (decision 0027), the original
in the language the record works in, and go back into the columns when the migrations are
reversed (governance/tests/test_committee_description_migration.py: committees').

The rows are written with the historical models of the state before the move (three
columns), as a database of that time held them."""

import datetime
import hashlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("network", "0005_description")]
AFTER = [("network", "0007_remove_description_columns")]
COLUMNS = ("description_fr", "description_en", "description_es")


def migrate(targets):
    """Migrate to `targets`; the models of the state reached, with core's and the content
    types' as they are now."""
    MigrationExecutor(connection).migrate(targets)
    graph = MigrationExecutor(connection).loader.graph
    others = [node for node in graph.leaf_nodes() if node[0] in ("core", "contenttypes")]
    return MigrationExecutor(connection).loader.project_state([*targets, *others]).apps


def latest():
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def columns(record) -> tuple[str, str, str]:
    return tuple(getattr(record, column) for column in COLUMNS)


@pytest.fixture
def before():
    """A database of before the move, with the texts each kind of record had then."""
    apps = migrate(BEFORE)
    Country = apps.get_model("network", "Country")
    Network = apps.get_model("network", "Network")
    Organisation = apps.get_model("network", "Organisation")
    Membership = apps.get_model("network", "Membership")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("core", "Revision")

    bolivia, benin, bangladesh = (
        Country.objects.get_or_create(code=code)[0] for code in ("BO", "BJ", "BD")
    )
    world = Network.objects.create(
        name="INSP!R",
        slug="inspir",
        level="intercontinental",
        description_fr="Le réseau international.",
        description_en="The international network.",
        description_es="La red internacional.",
    )
    latin = Network.objects.create(
        name="INSP!R América Latina",
        slug="latina",
        level="continental",
        parent=world,
        # French first in the platform's order, but its countries speak Spanish.
        description_fr="Le réseau latino-américain.",
        description_es="La red latinoamericana.",
    )
    latin.countries.add(bolivia)
    garment = Organisation.objects.create(
        name="Garment workers",
        slug="garment",
        kind="trade_union",
        country=bangladesh,
        languages=["bn", "en"],
        description_es="Solo en español.",  # only Spanish, whatever its working language
    )
    mutual = Organisation.objects.create(
        name="Mutuelle",
        slug="mutuelle",
        kind="health_mutual",
        country=benin,
        description_fr="Une mutuelle du Bénin.",
        description_es="Una mutual de Benín.",
    )
    empty = Organisation.objects.create(
        name="Nothing said", slug="nothing", kind="ngo", country=benin
    )
    Membership.objects.create(
        organisation=mutual, network=latin, start_date=datetime.date(2020, 1, 1)
    )
    organisation_type = ContentType.objects.get_or_create(
        app_label="network", model="organisation"
    )[0]
    Revision.objects.create(
        content_type=organisation_type,
        object_id=mutual.pk,
        version=1,
        snapshot={"name": "Mutuelle", "description_fr": "Une mutuelle.", "description_es": ""},
    )
    Revision.objects.create(
        content_type=organisation_type,
        object_id=mutual.pk,
        version=2,
        snapshot={
            "name": "Mutuelle",
            "description_fr": mutual.description_fr,
            "description_en": "",
            "description_es": mutual.description_es,
        },
    )
    yield {
        "world": world.pk,
        "latin": latin.pk,
        "garment": garment.pk,
        "mutual": mutual.pk,
        "empty": empty.pk,
    }
    latest()


def texts(apps, model: str, pk: int) -> tuple[str | None, dict[str, str]]:
    """The language of a record's original and its translations (language → text)."""
    TextOriginal = apps.get_model("core", "TextOriginal")
    original = TextOriginal.objects.filter(
        content_type__app_label="network",
        content_type__model=model,
        object_id=pk,
        field="description",
    ).first()
    if original is None:
        return None, {}
    return original.language, dict(original.translations.values_list("language", "text"))


@pytest.mark.django_db(transaction=True)
def test_descriptions_become_an_original_and_its_translations_and_go_back(before):
    apps = migrate(AFTER)
    Network = apps.get_model("network", "Network")
    Organisation = apps.get_model("network", "Organisation")
    TextOriginal = apps.get_model("core", "TextOriginal")
    TextTranslation = apps.get_model("core", "TextTranslation")
    Revision = apps.get_model("core", "Revision")

    # No language of its own: French, then English, then Spanish.
    assert Network.objects.get(pk=before["world"]).description == "Le réseau international."
    assert texts(apps, "network", before["world"]) == (
        "fr",
        {"en": "The international network.", "es": "La red internacional."},
    )
    # Its countries speak Spanish: the Spanish text is the original.
    assert Network.objects.get(pk=before["latin"]).description == "La red latinoamericana."
    assert texts(apps, "network", before["latin"]) == (
        "es",
        {"fr": "Le réseau latino-américain."},
    )
    # Only Spanish: the original is Spanish, though the organisation works in English.
    assert Organisation.objects.get(pk=before["garment"]).description == "Solo en español."
    assert texts(apps, "organisation", before["garment"]) == ("es", {})
    assert Organisation.objects.get(pk=before["mutual"]).description == "Une mutuelle du Bénin."
    assert texts(apps, "organisation", before["mutual"]) == (
        "fr",
        {"es": "Una mutual de Benín."},
    )
    assert Organisation.objects.get(pk=before["empty"]).description == ""
    assert texts(apps, "organisation", before["empty"]) == (None, {})

    mutual = TextOriginal.objects.get(
        content_type__model="organisation", object_id=before["mutual"]
    )
    assert (mutual.revision, mutual.network_id) == (1, before["latin"])
    assert mutual.digest == hashlib.sha256("Une mutuelle du Bénin.".encode()).hexdigest()
    translation = TextTranslation.objects.get(original=mutual)
    assert (
        translation.status,
        translation.source_revision,
        translation.source_text,
        translation.machine,
        translation.translated_by_id,
    ) == ("translated", 1, "Une mutuelle du Bénin.", False, None)
    assert [revision.snapshot for revision in Revision.objects.order_by("version")] == [
        {"name": "Mutuelle", "description": "Une mutuelle."},
        {"name": "Mutuelle", "description": "Une mutuelle du Bénin."},
    ]

    apps = migrate(BEFORE)
    Network = apps.get_model("network", "Network")
    Organisation = apps.get_model("network", "Organisation")
    Revision = apps.get_model("core", "Revision")

    assert columns(Network.objects.get(pk=before["world"])) == (
        "Le réseau international.",
        "The international network.",
        "La red internacional.",
    )
    assert columns(Network.objects.get(pk=before["latin"])) == (
        "Le réseau latino-américain.",
        "",
        "La red latinoamericana.",
    )
    assert columns(Organisation.objects.get(pk=before["garment"])) == ("", "", "Solo en español.")
    assert columns(Organisation.objects.get(pk=before["mutual"])) == (
        "Une mutuelle du Bénin.",
        "",
        "Una mutual de Benín.",
    )
    assert columns(Organisation.objects.get(pk=before["empty"])) == ("", "", "")
    assert not apps.get_model("core", "TextOriginal").objects.filter(field="description").exists()
    assert [revision.snapshot for revision in Revision.objects.order_by("version")] == [
        {"name": "Mutuelle", **dict(zip(COLUMNS, ("Une mutuelle.", "", ""), strict=True))},
        {
            "name": "Mutuelle",
            **dict(
                zip(COLUMNS, ("Une mutuelle du Bénin.", "", "Una mutual de Benín."), strict=True)
            ),
        },
    ]
