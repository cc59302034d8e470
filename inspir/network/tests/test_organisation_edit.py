import pytest
from bs4 import BeautifulSoup

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.core.errors import Refused
from inspir.core.models import AuditEntry
from inspir.core.versioning import EditConflict
from inspir.network.models import Organisation
from inspir.network.services import organisation_update
from inspir.network.tests.factories import CountryFactory, continental, member_of, national

pytestmark = pytest.mark.django_db


@pytest.fixture
def benin():
    return national(continental(), name="Benin network")


@pytest.fixture
def union(benin):
    return member_of(
        benin, name="Union of Cotonou", slug="union", country=CountryFactory(code="BJ")
    )


def form_data(organisation: Organisation, **changes: object) -> dict[str, object]:
    data = {
        "name": organisation.name,
        "acronym": organisation.acronym,
        "kind": organisation.kind,
        "is_social_movement": "on" if organisation.is_social_movement else "",
        "country": organisation.country_id,
        "beneficiaries": organisation.beneficiaries or "",
        "beneficiaries_year": organisation.beneficiaries_year or "",
        "website": organisation.website,
        "description": organisation.description,
        "languages": organisation.languages,
        "version": organisation.version,
    }
    data.update(changes)
    return data


def test_a_coordinator_edits_an_organisation_of_their_network(client, benin, union):
    client.force_login(user_with_role(benin, Role.COORDINATOR))

    response = client.post("/en/organisations/union/edit/", form_data(union, acronym="UC"))

    assert response.status_code == 302
    union.refresh_from_db()
    assert union.acronym == "UC"
    assert union.version == 2
    entry = AuditEntry.objects.get()
    assert entry.action == "network.organisation.updated"
    assert entry.changes == {"acronym": ["", "UC"]}
    assert entry.network == benin


def test_the_focal_point_edits_the_organisations_of_their_network(client, benin, union):
    client.force_login(user_with_role(benin, Role.FOCAL_POINT))

    page = BeautifulSoup(client.get("/en/organisations/union/").text, "html.parser")
    assert (
        page.find("a", string="Edit this organisation")["href"] == "/en/organisations/union/edit/"
    )
    assert client.get("/en/organisations/union/edit/").status_code == 200
    response = client.post("/en/organisations/union/edit/", form_data(union, acronym="UC"))

    assert response.status_code == 302
    union.refresh_from_db()
    assert union.acronym == "UC"
    # Another country's focal point may not.
    client.force_login(user_with_role(national(), Role.FOCAL_POINT))
    assert client.get("/en/organisations/union/edit/").status_code == 404


def test_members_and_other_networks_coordinators_cannot_reach_the_edit_page(client, benin, union):
    client.force_login(user_with_role(benin, Role.MEMBER))
    assert client.get("/en/organisations/union/edit/").status_code == 404

    client.force_login(user_with_role(national(), Role.COORDINATOR))
    assert client.post("/en/organisations/union/edit/", form_data(union)).status_code == 404
    union.refresh_from_db()
    assert union.version == 1


def test_anonymous_visitors_are_sent_to_log_in(client, union):
    response = client.get("/fr/organisations/union/edit/")

    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/")


def test_an_edit_based_on_an_old_version_is_refused_and_keeps_what_was_typed(client, benin, union):
    coordinator = user_with_role(benin, Role.COORDINATOR)
    stale = form_data(union, description="My long careful text.")
    organisation_update(
        organisation=union, actor=coordinator, version=1, data={"name": "Union of Cotonou-Sud"}
    )
    client.force_login(coordinator)

    response = client.post("/en/organisations/union/edit/", stale)

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert "Someone else saved this organisation" in page.select_one("[role=alert]").text
    assert page.select_one("#id_description").text.strip() == "My long careful text."
    assert "Union of Cotonou-Sud" in page.select_one("table").text
    union.refresh_from_db()
    assert union.name == "Union of Cotonou-Sud"
    assert union.description == "An organisation of the network."


def test_saving_again_after_seeing_the_conflict_goes_through(client, benin, union):
    coordinator = user_with_role(benin, Role.COORDINATOR)
    organisation_update(organisation=union, actor=coordinator, version=1, data={"acronym": "X"})
    client.force_login(coordinator)
    response = client.post("/en/organisations/union/edit/", form_data(union, acronym="Y"))
    version_offered = BeautifulSoup(response.content, "html.parser").select_one("#id_version")

    client.post(
        "/en/organisations/union/edit/",
        form_data(union, acronym="Y", version=version_offered["value"]),
    )

    union.refresh_from_db()
    assert union.acronym == "Y"


def test_invalid_input_gets_a_translated_message_and_nothing_is_saved(client, benin, union):
    client.force_login(user_with_role(benin, Role.COORDINATOR))

    response = client.post(
        "/fr/organisations/union/edit/",
        form_data(union, name="", website="not a site", beneficiaries="12", beneficiaries_year=""),
    )

    assert response.status_code == 200
    text = response.content.decode()
    assert "Ce champ est obligatoire." in text
    assert "Saisissez une URL valide." in text
    assert 'value="not a site"' in text
    union.refresh_from_db()
    assert union.name == "Union of Cotonou"


def test_the_service_refuses_users_who_may_not_edit(benin, union):
    member = user_with_role(benin, Role.MEMBER)

    with pytest.raises(Refused):
        organisation_update(organisation=union, actor=member, version=1, data={"acronym": "Z"})
    assert not AuditEntry.objects.exists()


def test_the_service_refuses_a_stale_version(benin, union):
    coordinator = user_with_role(benin, Role.COORDINATOR)
    organisation_update(organisation=union, actor=coordinator, version=1, data={"acronym": "A"})

    with pytest.raises(EditConflict) as conflict:
        organisation_update(organisation=union, actor=coordinator, version=1, data={"acronym": "B"})

    assert conflict.value.saved.acronym == "A"
    assert AuditEntry.objects.count() == 1
