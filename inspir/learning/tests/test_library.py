"""The library's page: a search in any language the resources are read in, facets that
combine and count the current results, a fixed number of queries."""

import datetime
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from inspir.core.models import TextOriginal, TextStatus, TextTranslation
from inspir.learning.models import ResourceKind
from inspir.learning.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db

LIBRARY = "/fr/library/"


def titles(response) -> list[str]:
    link = r'<h3><a href="/\w\w/library/resources/\d+/">(?:<span[^>]*>)?([^<]+)'
    return re.findall(link, response.content.decode())


def spanish_resource(w):
    with translation.override("es"):
        resource = ResourceFactory(
            network=w.latin,
            kind=ResourceKind.STUDY,
            title="Estudio sobre las mutuales de salud",
            summary="Cómo las trabajadoras del hogar acceden al seguro de salud.",
        )
    return resource


def translate(resource, field: str, language: str, text: str) -> None:
    original = TextOriginal.objects.get(
        content_type=ContentType.objects.get_for_model(resource),
        object_id=resource.pk,
        field=field,
    )
    TextTranslation.objects.create(
        original=original,
        language=language,
        text=text,
        status=TextStatus.TRANSLATED,
        source_revision=original.revision,
        source_text=getattr(resource, field),
    )


def test_a_search_in_french_finds_a_resource_written_in_spanish_through_its_translation(client, w):
    resource = spanish_resource(w)
    ResourceFactory(network=w.africa, title="Visite à Lomé", summary="Les marchés de Lomé.")
    client.force_login(w.focal_point)

    before = client.get(LIBRARY, {"q": "domestiques"})
    translate(resource, "summary", "fr", "Comment les travailleuses domestiques s'assurent.")
    translate(resource, "title", "fr", "Étude sur les mutuelles de santé")
    after = client.get(LIBRARY, {"q": "domestiques"})

    assert titles(before) == []
    # Found by the French word, and shown in French to a French reader.
    assert titles(after) == ["Étude sur les mutuelles de santé"]
    # Its Spanish words still find it.
    assert titles(client.get(LIBRARY, {"q": "trabajadoras hogar"})) == [
        "Étude sur les mutuelles de santé"
    ]


def test_the_words_of_the_lessons_find_a_resource_too(client, w):
    ResourceFactory(network=w.africa, title="Visite", lessons="Les cotisations mobiles.")
    client.force_login(w.latin_member)

    assert titles(client.get(LIBRARY, {"q": "cotisation"})) == ["Visite"]


@pytest.fixture
def shelf(w):
    """Five resources of several kinds, branches and years."""

    def add(title, kind, year, branches, network):
        return ResourceFactory(
            title=title,
            kind=kind,
            starts_on=datetime.date(year, 3, 1),
            branches=branches,
            network=network,
        )

    add("Seminar 2020 health", ResourceKind.SEMINAR, 2020, ["medical_care"], w.africa)
    add("Seminar 2020 pensions", ResourceKind.SEMINAR, 2020, ["old_age"], w.africa)
    add("Seminar 2019 health", ResourceKind.SEMINAR, 2019, ["medical_care", "sickness"], w.latin)
    add("Study 2020 health", ResourceKind.STUDY, 2020, ["medical_care"], w.latin)
    add("Visit 2020 family", ResourceKind.FIELD_VISIT, 2020, ["family"], w.benin)
    return w


def options(response, name: str) -> dict[str, str]:
    """The options of the facet `name` with their labels (which carry the counts)."""
    html = response.content.decode()
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select is not None, name
    return {
        value: label.strip()
        for value, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select[1])
        if value
    }


def test_facets_combine_and_count_the_current_results(client, shelf):
    client.force_login(shelf.focal_point)

    everything = client.get("/en/library/")
    narrowed = client.get(
        "/en/library/", {"kind": "seminar", "branch": "medical_care", "year": "2020"}
    )

    assert len(titles(everything)) == 5
    assert options(everything, "kind") == {
        "field_visit": "field visit (1)",
        "seminar": "seminar (3)",
        "study": "study (1)",
    }
    assert options(everything, "branch")["medical_care"] == "Medical Care (3)"
    assert options(everything, "year") == {"2020": "2020 (4)", "2019": "2019 (1)"}
    # Kind, branch and year together: only what has all three.
    assert titles(narrowed) == ["Seminar 2020 health"]
    assert options(narrowed, "kind") == {"seminar": "seminar (1)"}
    assert options(narrowed, "branch") == {"medical_care": "Medical Care (1)"}
    assert options(narrowed, "year") == {"2020": "2020 (1)"}
    assert options(narrowed, "network") == {"afrique": "INSP!R Afrique (1)"}


def test_a_network_finds_the_resources_it_took_part_in(client, shelf):
    visit = ResourceFactory(title="Exchange Africa–Latin America", network=shelf.africa)
    visit.networks_involved.add(shelf.latin)
    client.force_login(shelf.latin_member)

    found = titles(client.get("/en/library/", {"network": "latina"}))

    assert sorted(found) == [
        "Exchange Africa–Latin America",
        "Seminar 2019 health",
        "Study 2020 health",
    ]


def test_the_facets_and_the_query_combine(client, shelf):
    client.force_login(shelf.focal_point)

    found = titles(client.get("/en/library/", {"q": "health", "kind": "seminar"}))

    assert sorted(found) == ["Seminar 2019 health", "Seminar 2020 health"]


def test_an_altered_address_shows_the_library_without_failing(client, shelf):
    client.force_login(shelf.focal_point)

    response = client.get(
        "/en/library/", {"year": "twenty", "kind": "poem", "network": "../x", "page": "999"}
    )

    assert response.status_code == 200
    assert len(titles(response)) == 5


def library_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


LIBRARY_QUERIES = 10
LIBRARY_SEARCH_QUERIES = 10
RESOURCE_QUERIES = 13


def test_the_library_and_a_resource_read_the_same_queries_whatever_the_data(client, w):
    from inspir.learning.models import Need
    from inspir.planning.tests.factories import PlanActionFactory

    client.force_login(w.coordinator)
    resource = ResourceFactory(network=w.africa, title="Health seminar", branches=["sickness"])
    url = resource.get_absolute_url()

    def grow(n: int) -> None:
        for i in range(n):
            other = ResourceFactory(
                network=w.benin if i % 2 else w.latin,
                title=f"Health visit {i}",
                branches=["medical_care", "family"],
                principles=["rights_based"],
            )
            other.networks_involved.add(w.africa)
            action = PlanActionFactory(network=w.africa)
            need = Need.objects.create(network=w.latin, title=f"Need {i}")
            resource.plan_actions.add(action)
            resource.needs.add(need)
            resource.networks_involved.add(other.network)

    seen = []
    for n in (2, 25):
        grow(n)
        seen.append(
            (
                library_queries(client, "/en/library/"),
                library_queries(client, "/en/library/?q=health&branch=medical_care&page=2"),
                library_queries(client, url),
            )
        )

    assert seen == [(LIBRARY_QUERIES, LIBRARY_SEARCH_QUERIES, RESOURCE_QUERIES)] * 2
