"""The platform-wide search (core/search.py): the registry, the full-text backends (FTS5 on
SQLite, tsvector on PostgreSQL: the suite runs on both), hostile queries, the results page
and its query count, and that search shows each role exactly what the pages show it."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inspir.core import search
from inspir.core.models import SearchEntry
from inspir.core.tests.world import clients
from inspir.network.models import Organisation
from inspir.network.tests.factories import NetworkFactory, OrganisationFactory
from inspir.network.texts import description_translations_set

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()

HOSTILE_QUERIES = [
    '"',
    "'",
    "''",
    '"sante',
    "sante*",
    "*",
    "**",
    "NEAR",
    "NEAR(sante benin)",
    "sante NEAR/2 benin",
    "sante AND",
    "OR NOT",
    "AND OR NOT NEAR",
    "^sante",
    "-sante",
    "+sante",
    "title:sante",
    "document:sante",
    "core_searchentry_fts:x",
    "sante & | ! benin",
    "sante:*",
    "'sante':* & !",
    "(sante",
    "sante)",
    "{sante}",
    "[sante]",
    "\\",
    "%_%",
    "\x00sante",
    "sante\u200b benin",
    "😀 sante",
    "ﷺ",
    "x" * 10_000,
    " ".join(["sante"] * 500),
    "' OR 1=1 --",
    "'; DROP TABLE core_searchentry; --",
    '"); DELETE FROM core_searchentry_fts; --',
]


def names(kind: str, query: str, user=ANONYMOUS) -> list[str]:
    return [entry.title for entry in search.search_entries(user, query, kind=kind)]


ORGANISATIONS = "network.organisation"


# --- The query ----------------------------------------------------------------------------------


def test_query_words_are_folded_letters_and_digits_only():
    assert search.query_terms('  "Santé" NEAR(Bénin*) ') == ["sante", "near", "benin"]
    assert search.query_terms("l'Économie sociale") == ["l", "economie", "sociale"]
    assert search.query_terms("x" * 500) == ["x" * search.MAX_TERM_LENGTH]
    assert len(search.query_terms(" ".join("abcdefghijkl"))) == search.MAX_TERMS


def test_each_backend_gets_quoted_prefixes():
    assert search.fts5_query(["near", "sante"]) == '"near"* "sante"*'
    assert search.tsquery(["near", "sante"]) == "'near':* & 'sante':*"


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_never_fail(query):
    OrganisationFactory(name="Mutuelle de santé du Bénin")

    entries = search.search_entries(ANONYMOUS, query)
    list(entries)
    search.search(ANONYMOUS, query)
    assert SearchEntry.objects.filter(title="Mutuelle de santé du Bénin").exists()


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_on_the_page_never_fail(client, query):
    response = client.get(reverse("core:search"), {"q": query, "kind": query, "page": query})

    assert response.status_code == 200


# --- Matching -----------------------------------------------------------------------------------


def test_words_match_without_accents_or_case_and_as_prefixes():
    OrganisationFactory(name="Mutuelle de santé du Bénin")
    OrganisationFactory(name="Syndicat des enseignants")

    for query in ["sante", "SANTE", "Santé", "sant", "benin", "BÉNIN", "mutuelle benin"]:
        assert names(ORGANISATIONS, query) == ["Mutuelle de santé du Bénin"], query
    assert names(ORGANISATIONS, "ante") == []  # words are found by their beginning
    assert names(ORGANISATIONS, "sante enseignants") == []  # every word is required


def test_letters_written_with_others_are_found_by_them():
    OrganisationFactory(name="Łódź Solidarność")

    assert names(ORGANISATIONS, "lodz solidarnosc") == ["Łódź Solidarność"]


def test_operator_words_are_plain_words():
    OrganisationFactory(name="Near and far cooperative")

    assert names(ORGANISATIONS, "near and") == ["Near and far cooperative"]
    assert names(ORGANISATIONS, "NEAR") == ["Near and far cooperative"]


def test_too_short_queries_search_nothing():
    OrganisationFactory(name="A")

    assert names(ORGANISATIONS, "a") == []
    assert names(ORGANISATIONS, "") == []
    assert names(ORGANISATIONS, "!!") == []


def test_titles_beginning_with_the_word_come_first():
    OrganisationFactory(name="Union of health workers")
    OrganisationFactory(name="Health mutual of Kindia")

    assert names(ORGANISATIONS, "health") == ["Health mutual of Kindia", "Union of health workers"]


# --- The registry and the index -----------------------------------------------------------------


def test_the_apps_register_their_kinds():
    kinds = [provider.kind for provider in search.providers()]

    assert kinds == [
        "network.organisation",
        "network.network",
        "network.person",
        "governance.meeting",
        "governance.proposal",
        "governance.decision",
        "planning.action",
        "planning.stakeholder",
        # advocacy: the positions
        "advocacy.position",
        # website: the public posts
        "website.post",
        # learning: the library's resources
        "learning.resource",
        # financing: the funders and the funding proposals
        "financing.funder",
        "financing.proposal",
    ]


@pytest.fixture
def fake_provider():
    """A kind registered for the test: organisations whose name holds "secret" are not
    indexed; only staff find the others."""
    saved = dict(search._providers)

    def document(organisation):
        if "secret" in organisation.name:
            return None
        return search.SearchDocument(
            object_id=organisation.pk,
            title=f"Other {organisation.name}",
            url_name="network:organisation_detail",
            url_kwargs={"slug": organisation.slug},
        )

    provider = search.SearchProvider(
        kind="test.other",
        label="Others",
        order=99,
        model=Organisation,
        document=document,
        visible=lambda user: (
            Organisation.objects.all()
            if user.is_authenticated and user.is_staff
            else Organisation.objects.none()
        ),
    )
    search.register_search_provider(provider)
    yield provider
    search._providers.clear()
    search._providers.update(saved)


def test_a_registered_provider_is_kept_current_and_applies_its_visibility(fake_provider):
    from inspir.accounts.tests.factories import UserFactory

    organisation = OrganisationFactory(name="Cooperative of Kara")
    OrganisationFactory(name="Cooperative secret")
    staff = UserFactory(is_staff=True)

    assert names("test.other", "kara", staff) == ["Other Cooperative of Kara"]
    assert names("test.other", "kara") == []
    assert names("test.other", "secret", staff) == []

    organisation.name = "Cooperative secret of Kara"
    organisation.save()
    assert names("test.other", "kara", staff) == []
    assert names(ORGANISATIONS, "kara") == ["Cooperative secret of Kara"]


def test_rebuild_writes_every_entry_again():
    from django.core.management import call_command

    organisation = OrganisationFactory(name="Mutuelle de santé")
    NetworkFactory(name="INSP!R Bénin")
    # Written without the application: no signal, no entry.
    Organisation.objects.filter(pk=organisation.pk).update(name="Mutuelle de Kindia")
    SearchEntry.objects.create(
        kind="gone.kind", object_id=1, title="x", document="x", sort_key="x", url_name="x"
    )

    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))

    assert names(ORGANISATIONS, "kindia") == ["Mutuelle de Kindia"]
    assert names(ORGANISATIONS, "sante") == []
    assert names("network.network", "benin") == ["INSP!R Bénin"]
    assert not SearchEntry.objects.filter(kind="gone.kind").exists()


def test_rebuild_of_one_kind_leaves_the_others():
    OrganisationFactory(name="Mutuelle de santé")
    NetworkFactory(name="INSP!R Bénin")
    SearchEntry.objects.filter(kind="network.network").delete()

    counts = search.rebuild_index(["network.network"])

    assert counts == {"network.network": 1}
    assert names(ORGANISATIONS, "sante") == ["Mutuelle de santé"]


def test_an_empty_index_is_filled_after_migrating():
    OrganisationFactory(name="Mutuelle de santé")
    SearchEntry.objects.all().delete()

    search.index_if_empty()

    assert names(ORGANISATIONS, "sante") == ["Mutuelle de santé"]


def test_the_full_text_table_follows_the_entries():
    organisation = OrganisationFactory(name="Mutuelle de santé")
    organisation.delete()

    assert names(ORGANISATIONS, "sante") == []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM core_searchentry_fts WHERE core_searchentry_fts MATCH ?",
                ['"sante"*'],
            )
            assert cursor.fetchone()[0] == 0


# --- The page -----------------------------------------------------------------------------------


def test_an_empty_query_says_what_the_search_does(client):
    response = client.get("/en/search/")

    assert response.status_code == 200
    assert b"without regard to accents" in response.content


def test_a_too_short_query_says_so(client):
    response = client.get("/fr/search/", {"q": "a"})

    assert "Tapez au moins 2 lettres ou chiffres" in response.content.decode()


def test_nothing_found_says_so(client):
    response = client.get("/en/search/", {"q": "zzzzz"})

    assert "Nothing found for “zzzzz”" in response.content.decode()


def test_results_are_grouped_by_kind_with_counts_and_a_link_to_the_rest(client):
    for n in range(search.HITS_PER_KIND + 2):
        OrganisationFactory(name=f"Mutuelle de santé {n}")
    NetworkFactory(name="INSP!R Santé")

    page = client.get("/fr/search/", {"q": "sante"}).content.decode()

    assert 'Organisations <span class="muted">(7)</span>' in page
    assert 'Réseaux <span class="muted">(1)</span>' in page
    assert page.count("Mutuelle de santé ") == search.HITS_PER_KIND
    assert "/fr/search/?q=sante&amp;kind=network.organisation" in page
    assert 'href="/fr/networks/' in page

    more = client.get("/fr/search/", {"q": "sante", "kind": "network.organisation"})
    assert more.content.decode().count("Mutuelle de santé ") == 7


def test_the_header_holds_the_search_box(client):
    page = client.get("/es/").content.decode()

    assert 'action="/es/search/"' in page
    assert 'id="site-search-q"' in page


def test_the_summary_is_in_the_readers_language(client):
    organisation = OrganisationFactory(name="Mutuelle de santé", description="A mutual.")
    description_translations_set(organisation, {"fr": "Une mutuelle."})

    assert "Une mutuelle." in client.get("/fr/search/", {"q": "sante"}).content.decode()
    assert "A mutual." in client.get("/en/search/", {"q": "sante"}).content.decode()
    # Not translated into Spanish: the original is shown rather than nothing.
    assert "A mutual." in client.get("/es/search/", {"q": "sante"}).content.decode()


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_page_reads_the_same_queries_with_few_or_many_hits(client):
    from inspir.accounts.models import Role
    from inspir.accounts.tests.factories import user_with_role
    from inspir.network.tests.factories import PersonFactory, member_of

    benin = NetworkFactory(name="INSP!R Bénin")
    member = Client()
    member.force_login(user_with_role(benin, Role.MEMBER))
    seen = []
    for many in (1, 30):
        for n in range(many):
            organisation = member_of(benin, name=f"Mutuelle de santé {many}-{n}")
            PersonFactory(name=f"Santé Person {many}-{n}", organisation=organisation)
        seen.append(
            (
                queries(client, "/en/search/?q=sante"),
                queries(member, "/en/search/?q=sante"),
                queries(member, "/en/search/?q=sante&kind=network.person&page=2"),
            )
        )

    assert seen[0] == seen[1]
    assert seen[0] == (2, 5, 5)


# --- Each role finds what its pages show it ---------------------------------------------------


def test_search_shows_each_role_exactly_what_the_pages_show(world):
    """For every record of the test world and every role: found by searching its title if and
    only if its own page (for people: the people page) shows it to that role."""
    client_for = clients(world, raise_request_exception=False)
    records = {
        "governance.meeting": [world["meeting"], world["top_meeting"]],
        "governance.proposal": [world["proposal"], world["draft"]],
        "governance.decision": [
            world["decision"],
            world["follow_up"].decision,
            world["continental_follow_up"].decision,
        ],
        "network.organisation": [world["union"]],
        "network.network": [world["benin"]],
        # learning
        "learning.resource": [world["library_resource"]],
    }
    person = world["searchable_person"]
    problems = []
    for role in ["anonymous", *world["users"]]:
        client = client_for(role)
        user = world["users"].get(role, ANONYMOUS)
        for kind, objects in records.items():
            for record in objects:
                found = record.pk in {
                    entry.object_id
                    for entry in search.search_entries(
                        user, record.title if hasattr(record, "title") else record.name, kind=kind
                    )
                }
                shown = client.get(record.get_absolute_url()).status_code == 200
                if found != shown:
                    problems.append(f"{role}: {kind} {record} found={found} page={shown}")
        found = person.pk in {
            e.object_id for e in search.search_entries(user, person.name, kind="network.person")
        }
        people_page = client.get(reverse("network:person_list"))
        shown = people_page.status_code == 200 and person.name in people_page.content.decode()
        if found != shown:
            problems.append(f"{role}: person found={found} page={shown}")

    assert problems == []
