"""The people page's list is rendered once for everyone who may read the same networks and
kept until the registry changes (core/page_cache.py's shared_fragment)."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.network.tests.factories import NetworkFactory, PersonFactory, member_of, national

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()


@pytest.fixture
def networks():
    world = NetworkFactory(name="INSP!R", slug="inspir")
    benin = national(world, name="INSP!R Bénin", slug="benin")
    togo = national(world, name="INSP!R-Togo", slug="togo")
    union = member_of(benin, name="Union of Cotonou", slug="union")
    PersonFactory(name="Aïcha Bénin", organisation=union, email="aicha@example.org")
    PersonFactory(name="Kofi Togo", organisation=member_of(togo), email="kofi@example.org")
    return {"world": world, "benin": benin, "togo": togo, "union": union}


def queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_the_list_is_read_once_for_readers_of_the_same_networks(client, networks):
    client.force_login(user_with_role(networks["benin"], Role.MEMBER))
    first, page = queries(client, "/en/people/")

    client.force_login(user_with_role(networks["benin"], Role.MEMBER))
    again, same = queries(client, "/en/people/")

    assert again < first
    assert "aicha@example.org" in same and "kofi@example.org" not in same


def test_readers_of_other_networks_never_get_someone_elses_list(client, networks):
    client.force_login(user_with_role(networks["benin"], Role.MEMBER))
    client.get("/en/people/")

    client.force_login(user_with_role(networks["togo"], Role.MEMBER))
    togo = client.get("/en/people/").content.decode()
    client.force_login(user_with_role(networks["world"], Role.MEMBER))
    everyone = client.get("/en/people/").content.decode()

    assert "kofi@example.org" in togo and "aicha@example.org" not in togo
    assert "kofi@example.org" in everyone and "aicha@example.org" in everyone


def test_a_change_to_a_person_shows_at_once(client, networks):
    client.force_login(user_with_role(networks["benin"], Role.MEMBER))
    client.get("/en/people/")

    person = networks["union"].people.get()
    person.email = "aicha.new@example.org"
    person.save()

    page = client.get("/en/people/").content.decode()
    assert "aicha.new@example.org" in page and "aicha@example.org" not in page


def test_a_role_taken_away_takes_effect_at_once(client, networks):
    member = user_with_role(networks["world"], Role.MEMBER)
    client.force_login(member)
    assert "kofi@example.org" in client.get("/en/people/").content.decode()

    member.network_roles.update(network=networks["benin"])  # no signal: nothing cached moves

    page = client.get("/en/people/").content.decode()
    assert "aicha@example.org" in page and "kofi@example.org" not in page


def test_each_language_and_page_is_kept_apart(client, networks):
    client.force_login(user_with_role(networks["benin"], Role.MEMBER))

    english = client.get("/en/people/").content.decode()
    french = client.get("/fr/people/").content.decode()

    assert "Time zone" in english and "Time zone" not in french
