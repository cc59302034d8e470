import pytest

from inspir.core.tests import hostile_input
from inspir.core.tests.hostile_input import MIDDLEWARE, discover, fuzz_forms, fuzz_queries, unlisted
from inspir.core.tests.world import clients, kwargs
from inspir.network.models import Network

pytestmark = pytest.mark.django_db


@pytest.fixture
def recording(settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, MIDDLEWARE]


def foreign_id() -> str:
    return str(Network.objects.get(slug="nepal").pk)


def test_every_form_and_query_parameter_is_in_the_matrix(world, recording):
    problems = unlisted(discover(clients(world), kwargs(world)))

    assert problems == [], "\n".join(problems)


def test_no_form_fails_on_hostile_input(world):
    problems = fuzz_forms(
        clients(world, raise_request_exception=False), kwargs(world), foreign_id()
    )

    assert problems == [], "\n".join(problems)


def test_no_page_fails_on_hostile_query_parameters(world):
    problems = fuzz_queries(
        clients(world, raise_request_exception=False), kwargs(world), foreign_id()
    )

    assert problems == [], "\n".join(problems)


def test_a_form_missing_from_the_matrix_fails_it(world, recording, monkeypatch):
    monkeypatch.delitem(hostile_input.FORMS, "governance:minutes_edit")
    monkeypatch.delitem(hostile_input.QUERIES, "governance:meeting_create")

    problems = unlisted(discover(clients(world), kwargs(world)))

    assert problems == [
        "governance:minutes_edit: a form on governance:minutes_edit not in the hostile-input "
        "matrix",
        "governance:meeting_create: reads ['starts_at'], not in the hostile-input matrix",
    ]
