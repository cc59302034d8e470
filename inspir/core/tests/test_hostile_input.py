import pytest

from inspir.core.tests import hostile_input
from inspir.core.tests.hostile_input import MIDDLEWARE, discover, fuzz_forms, fuzz_queries, unlisted
from inspir.core.tests.world import clients, kwargs
from inspir.network.models import Network

pytestmark = [pytest.mark.django_db, pytest.mark.walk]


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


# Forms whose hidden fields say what the page was built from (the one-time token aside).
STATEFUL = [
    "website:post_edit",  # website
    "newsletters:issue_edit",  # newsletters
    "newsletters:issue_send",
    "reports:report_text_edit",  # reports
    "network:organisation_edit",
    "governance:mandate_end",
    "governance:seat_rule_edit",
    "governance:committee_quorum",
    "translations:edit",
    "governance:available_hours",
    "governance:meeting_edit",
    "governance:minutes_edit",
    "governance:minutes_correct",
    "governance:input_edit",
    "governance:proposal_edit",
    "governance:follow_up_report",
    "governance:agenda_item_edit",
    "core:revision_restore",
    "planning:action_edit",
    "planning:suggestion_decide",
    "planning:context_note_edit",
    "planning:stakeholder_edit",
    "advocacy:position_edit",
    "advocacy:submission_edit",
    "advocacy:campaign_edit",
    "advocacy:alliance_edit",
    "learning:resource_edit",
    "learning:need_edit",
    "financing:proposal_edit",
]
OUT_OF_DATE_FR = "Cette page n’est plus à jour ; en voici la version actuelle."


@pytest.mark.parametrize("action", STATEFUL)
def test_an_altered_hidden_field_says_the_page_is_out_of_date(world, action):
    use = hostile_input.FORMS[action]
    client_for = clients(world)
    patterns = dict(hostile_input.url_names())
    form = hostile_input.find_form(
        client_for,
        kwargs(world),
        action,
        use,
        patterns[use.page],
        hostile_input.known_rule(use.page).kwargs,
    )
    assert form is not None
    stateful = [f for f in form.fields if f.kind == "hidden" and f.name not in SKIPPED]
    assert stateful, "no hidden state on the form"
    data = hostile_input.filled(form, hostile_input.Hostile("as rendered", {}))
    data |= {f.name: "not-a-version" for f in stateful}
    client = client_for(use.role)
    before = hostile_input.snapshot()

    response = client.post(form.url, data)

    assert response.status_code == 200
    assert OUT_OF_DATE_FR in response.content.decode()
    assert hostile_input.snapshot() == before
    # The page now carries the current state: sent again as shown, it is read.
    again = {f.name: f for f in hostile_input.form_fields_of(response, action)}
    assert all(again[f.name].value != "not-a-version" for f in stateful)


SKIPPED = {"csrfmiddlewaretoken", "form_token"}
