"""Writing the library: who may, what is kept (versions, history, audit), and what a plan
action's page then lists."""

import pytest

from inspir.core import history
from inspir.core.models import AuditEntry
from inspir.core.related import related_sections
from inspir.learning.models import Resource
from inspir.learning.tests.factories import NeedFactory, ResourceFactory
from inspir.planning.tests.factories import PlanActionFactory

pytestmark = pytest.mark.django_db


def form_data(**changes):
    return {
        "kind": "field_visit",
        "title": "Visite des mutuelles de Lomé",
        "summary": "Les mutuelles du Bénin ont visité celles de Lomé.",
        "lessons": "Affilier les vendeuses du marché par groupes.",
        "starts_on": "2020-02-10",
        "ends_on": "2020-02-14",
        "place": "Lomé",
        "branches": ["medical_care"],
        "principles": ["combination", "stakeholders"],
        **changes,
    }


def test_anonymous_visitors_are_sent_to_log_in(client, w):
    resource = ResourceFactory(network=w.benin)

    for url in ("/en/library/", resource.get_absolute_url(), "/en/library/needs/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_someone_with_no_role_anywhere_does_not_find_the_library(client, w):
    client.force_login(w.nobody)

    assert client.get("/en/library/").status_code == 404
    assert client.get(ResourceFactory(network=w.benin).get_absolute_url()).status_code == 404


def test_an_outsider_reads_another_networks_resource_but_cannot_edit_it(client, w):
    resource = ResourceFactory(network=w.benin, title="Visite à Lomé")
    client.force_login(w.latin_focal_point)

    page = client.get(resource.get_absolute_url())
    edit = client.get(f"/en/library/resources/{resource.pk}/edit/")
    post = client.post(
        f"/en/library/resources/{resource.pk}/edit/", form_data(version=resource.version)
    )

    assert page.status_code == 200 and "Visite à Lomé" in page.content.decode()
    assert "/edit/" not in page.content.decode()
    assert edit.status_code == 404 and post.status_code == 404
    resource.refresh_from_db()
    assert resource.title == "Visite à Lomé"


def test_a_focal_point_adds_a_resource_of_their_network_with_its_links(client, w):
    action = PlanActionFactory(network=w.africa, title="Échanges de visites")
    need = NeedFactory(network=w.africa, title="Apprendre à affilier l'économie informelle")
    client.force_login(w.focal_point)

    response = client.post(
        "/en/library/resources/new/",
        form_data(
            network="benin",
            networks_involved=[w.africa.pk],
            plan_actions=[action.pk],
            needs=[need.pk],
        ),
    )

    resource = Resource.objects.get()
    assert response.status_code == 302
    assert resource.network == w.benin
    assert sorted(resource.branches.values_list("pk", flat=True)) == ["medical_care"]
    assert list(resource.plan_actions.all()) == [action]
    assert list(need.resources.all()) == [resource]
    assert AuditEntry.objects.filter(action="learning.resource.created").count() == 1
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "Medical Care" in page and "Échanges de visites" in page
    assert "Combination of measures" in page
    # The plan action's page lists the resource (core/related.py).
    [section] = related_sections(action, w.latin_member)
    assert [link.text.text for link in section.links] == ["Visite des mutuelles de Lomé"]


def test_a_focal_point_cannot_add_a_resource_for_another_network(client, w):
    client.force_login(w.focal_point)

    response = client.post("/en/library/resources/new/", form_data(network="latina"))

    assert response.status_code == 200
    assert not Resource.objects.exists()


def test_an_edit_over_someone_elses_is_refused_keeping_what_was_typed(client, w):
    resource = ResourceFactory(network=w.benin, title="Visite à Lomé")
    client.force_login(w.focal_point)
    first = client.post(
        f"/en/library/resources/{resource.pk}/edit/",
        form_data(title="Visite à Lomé (corrigée)", version=resource.version),
    )

    late = client.post(
        f"/en/library/resources/{resource.pk}/edit/",
        form_data(title="Mon autre titre", version=resource.version),
    )

    resource.refresh_from_db()
    assert first.status_code == 302
    assert late.status_code == 200
    assert "Someone else saved this while you were editing it" in late.content.decode()
    assert "Mon autre titre" in late.content.decode()
    assert resource.title == "Visite à Lomé (corrigée)"
    assert resource.version == 2
    assert [r.version for r in history.revisions(resource)] == [2, 1]


def test_needs_are_written_by_those_who_act_for_the_network_and_read_by_members(client, w):
    client.force_login(w.coordinator)
    created = client.post(
        "/en/library/needs/new/",
        {"network": "afrique", "title": "Former les mutuelles", "priority": "1", "status": "open"},
    )
    need = w.africa.learning_needs.get()
    client.force_login(w.latin_focal_point)
    refused = client.post(
        f"/en/library/needs/{need.pk}/edit/",
        {"title": "Autre", "priority": "3", "status": "met", "version": need.version},
    )
    listed = client.get("/en/library/needs/").content.decode()

    assert created.status_code == 302
    assert refused.status_code == 404
    assert "Former les mutuelles" in listed
    need.refresh_from_db()
    assert need.title == "Former les mutuelles"
