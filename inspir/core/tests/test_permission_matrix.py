import pytest
from django.http import HttpResponse

from inspir.core.tests.permission_matrix import EVERYONE, LOGGED_IN, ROLES, Rule, check_matrix
from inspir.core.tests.world import clients, kwargs

pytestmark = [pytest.mark.django_db, pytest.mark.walk]


def test_every_url_answers_each_role_as_the_matrix_says(world):
    problems = check_matrix(clients(world), kwargs(world))

    assert problems == [], "\n".join(problems)


def unprotected(request):
    return HttpResponse("internal figures")


def test_an_unlisted_url_fails_the_matrix(world, settings):
    settings.ROOT_URLCONF = "inspir.core.tests.urls_with_unprotected_view"

    problems = check_matrix(
        clients(world), kwargs(world), urlconf=settings.ROOT_URLCONF, only=set()
    )

    assert problems == ["unprotected-figures: not in the permission matrix"]


def test_an_unprotected_view_declared_internal_fails_the_matrix(world, settings, monkeypatch):
    from inspir.core.tests import permission_matrix

    settings.ROOT_URLCONF = "inspir.core.tests.urls_with_unprotected_view"
    coordinators = permission_matrix.COORDINATORS_OF_TARGET
    monkeypatch.setitem(
        permission_matrix.MATRIX, "unprotected-figures", Rule(coordinators, coordinators)
    )

    problems = check_matrix(
        clients(world), kwargs(world), urlconf=settings.ROOT_URLCONF, only={"unprotected-figures"}
    )

    leaks = {line.split(" as ")[1].split(":")[0] for line in problems}
    assert leaks == set(ROLES) - coordinators
    assert all(line.startswith("unprotected-figures") for line in problems)


@pytest.mark.parametrize(
    ("document", "who"),
    [
        # Marked public, on an agenda published to the public: anyone downloads it.
        ("public_document", EVERYONE),
        # For the members: only those logged in who read the committee's governance (here
        # the intercontinental one, which every network below it reads).
        ("members_document", LOGGED_IN),
    ],
)
def test_a_published_agendas_documents_are_public_only_when_marked_so(
    world, monkeypatch, document, who
):
    from inspir.core.tests import permission_matrix

    rule = Rule(who, who, document)
    monkeypatch.setitem(permission_matrix.MATRIX, "governance:document_download", rule)

    problems = check_matrix(clients(world), kwargs(world), only={"governance:document_download"})

    assert problems == [], "\n".join(problems)


def test_a_visitors_page_carrying_a_script_fails_the_matrix():
    from inspir.core.tests.permission_matrix import visitor_page_with_a_script

    page = HttpResponse('<main>Results</main><script src="/static/x.js"></script>')
    plain = HttpResponse("<main>Results</main>")

    directory = "network:organisation_list"
    assert visitor_page_with_a_script(directory, "anonymous", "GET", "allowed", page)
    assert not visitor_page_with_a_script(directory, "anonymous", "GET", "allowed", plain)
    assert not visitor_page_with_a_script(directory, "member", "GET", "allowed", page)
