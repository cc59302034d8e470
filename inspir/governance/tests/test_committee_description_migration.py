"""Migrations governance.0013–0015: a committee's description written in a column per
language becomes one original, in its network's language, and its translations (decision
0027), and goes back into the columns when the migrations are reversed — with the requests
for a translation of it, which the way back removes with the texts."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from inspir.accounts.tests.factories import UserFactory

BEFORE = [("governance", "0013_committee_description")]
AFTER = [("governance", "0015_remove_committee_description_columns")]


def migrate(targets):
    """Migrate to `targets`; the models of the state reached, with those of the apps below
    as they are now."""
    MigrationExecutor(connection).migrate(targets)
    graph = MigrationExecutor(connection).loader.graph
    below = ("core", "contenttypes", "network", "translations")
    others = [node for node in graph.leaf_nodes() if node[0] in below]
    return MigrationExecutor(connection).loader.project_state([*targets, *others]).apps


@pytest.fixture
def back_to_latest():
    """Whatever happens, the database ends at the latest migrations for the next tests."""
    yield
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_a_committees_description_becomes_an_original_in_its_networks_language_and_goes_back(
    back_to_latest,
):
    apps = migrate(BEFORE)
    Country = apps.get_model("network", "Country")
    Network = apps.get_model("network", "Network")
    Committee = apps.get_model("governance", "Committee")
    latin = Network.objects.create(name="INSP!R Bolivia", slug="bolivia", level="intercontinental")
    latin.countries.add(Country.objects.get_or_create(code="BO")[0])
    committee = Committee.objects.create(
        network=latin,
        description_en="The Bolivian committee.",
        description_es="El comité boliviano.",
    )
    silent = Committee.objects.create(
        network=Network.objects.create(name="Quiet", slug="quiet", level="intercontinental")
    )

    apps = migrate(AFTER)
    Committee = apps.get_model("governance", "Committee")
    TextOriginal = apps.get_model("core", "TextOriginal")
    original = TextOriginal.objects.get(content_type__model="committee", object_id=committee.pk)
    assert Committee.objects.get(pk=committee.pk).description == "El comité boliviano."
    assert (original.language, original.network_id, original.revision) == ("es", latin.pk, 1)
    assert list(original.translations.values_list("language", "text", "status")) == [
        ("en", "The Bolivian committee.", "translated")
    ]
    assert not TextOriginal.objects.filter(object_id=silent.pk, field="description").exists()
    # Someone asks for it in French: the way back removes the request with the text.
    apps.get_model("translations", "TranslationRequest").objects.create(
        original_id=original.pk, language="fr", requested_by_id=UserFactory().pk
    )

    apps = migrate(BEFORE)
    Committee = apps.get_model("governance", "Committee")
    restored = Committee.objects.get(pk=committee.pk)
    assert (restored.description_fr, restored.description_en, restored.description_es) == (
        "",
        "The Bolivian committee.",
        "El comité boliviano.",
    )
    assert not apps.get_model("core", "TextOriginal").objects.filter(field="description").exists()
    assert not apps.get_model("translations", "TranslationRequest").objects.exists()

    apps = migrate(AFTER)  # and forth again: the same original
    moved = apps.get_model("governance", "Committee").objects.get(pk=committee.pk)
    assert moved.description == "El comité boliviano."
