import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from inspir.advocacy.models import Outcome, Submission
from inspir.advocacy.tests.factories import (
    AllianceFactory,
    CampaignFactory,
    DemandFactory,
    PositionFactory,
    SubmissionFactory,
)
from inspir.planning.tests.factories import StakeholderFactory

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_submission_is_tracked_to_its_outcome_and_follow_up(w):
    position = PositionFactory(network=w.africa, title="Global Fund for Social Protection")
    rapporteur = StakeholderFactory(
        network=w.world, name="UN Special Rapporteur on extreme poverty and human rights"
    )
    gcspf = AllianceFactory(
        network=w.africa, name="Global Coalition for Social Protection Floors", acronym="GCSPF"
    )
    writer = client_for(w.africa_focal_point)

    response = writer.post(
        f"/en/advocacy/positions/{position.pk}/submissions/new/",
        {
            "stakeholder": rapporteur.pk,
            "target_name": "",
            "submitted_on": "2020-10-15",
            "channel": "ally",
            "alliance": gcspf.pk,
            "ally": "",
            "outcome": "pending",
        },
    )
    assert response.status_code == 302, response.content.decode()
    submission = Submission.objects.get(position=position)
    assert submission.stakeholder == rapporteur
    assert submission.outcome == Outcome.PENDING

    response = writer.post(
        f"/en/advocacy/submissions/{submission.pk}/outcome/",
        {
            "version": submission.version,
            "outcome": "taken_up",
            "outcome_notes": "The report to the General Assembly takes up our criteria.",
            "follow_up": "Relay the report to the G20 through the GCSPF.",
            "follow_up_on": "2021-03-01",
        },
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.outcome == Outcome.TAKEN_UP
    assert submission.follow_up_on == datetime.date(2021, 3, 1)

    page = client_for(w.member).get(position.get_absolute_url()).content.decode()
    assert "UN Special Rapporteur on extreme poverty and human rights" in page
    assert "taken up" in page
    assert "relayed by GCSPF" in page
    assert "Relay the report to the G20 through the GCSPF." in page


def test_a_submission_names_its_target_and_its_ally(w):
    position = PositionFactory(network=w.africa)
    writer = client_for(w.africa_focal_point)

    response = writer.post(
        f"/en/advocacy/positions/{position.pk}/submissions/new/",
        {"submitted_on": "2020-10-15", "channel": "ally", "outcome": "pending"},
    )

    assert response.status_code == 200
    assert "Choose a stakeholder or name the target." in response.content.decode()
    assert not Submission.objects.exists()
    # A plain member reads, does not record.
    member = client_for(w.member)
    assert member.get(f"/en/advocacy/positions/{position.pk}/submissions/new/").status_code == 404


def test_a_campaign_page_lists_the_networks_taking_part(w):
    campaign = CampaignFactory(network=w.world, title="No profit on pandemic")
    campaign.participants.set([w.africa, w.latin])
    position = PositionFactory(network=w.world, title="COVID-19 and the vaccines")
    campaign.positions.add(position)

    page = client_for(w.focal_point).get(campaign.get_absolute_url())

    assert page.status_code == 200
    html = page.content.decode()
    assert "INSP!R Afrique" in html
    assert "INSP!R América Latina" in html
    assert "COVID-19 and the vaccines" in html
    assert (
        "No profit on pandemic"
        in client_for(w.focal_point).get("/en/advocacy/campaigns/").content.decode()
    )


def test_a_campaign_is_created_by_those_who_act_for_the_network(w):
    writer = client_for(w.africa_focal_point)
    response = writer.post(
        "/en/advocacy/campaigns/new/",
        {
            "network": w.africa.pk,
            "title": "Social protection for informal workers",
            "kind": "own",
            "starts_on": "2021-01-10",
            "participants": [w.benin.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert client_for(w.member).get("/en/advocacy/campaigns/new/").status_code == 404


def test_an_alliance_is_recorded_with_what_it_brings(w):
    writer = client_for(w.africa_focal_point)
    response = writer.post(
        "/en/advocacy/alliances/new/",
        {
            "network": w.africa.pk,
            "name": "Global Partnership for Universal Social Protection",
            "acronym": "USP2030",
            "brings": "The voice of social movements.",
            "gets": "A seat where governments meet.",
        },
    )
    assert response.status_code == 302, response.content.decode()
    page = client_for(w.member).get("/en/advocacy/alliances/").content.decode()
    assert "USP2030" in page
    assert "A seat where governments meet." in page


def count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def add_records(w, n: int):
    positions = []
    for index in range(n):
        position = PositionFactory(network=w.africa if index % 2 else w.benin)
        DemandFactory.create_batch(3, position=position)
        position.endorsing_networks.set([w.world, w.latin])
        SubmissionFactory.create_batch(2, position=position)
        campaign = CampaignFactory(network=w.africa)
        campaign.participants.set([w.benin, w.latin])
        campaign.positions.add(position)
        AllianceFactory(network=w.africa)
        positions.append(position)
    return positions


def test_the_pages_read_the_same_queries_with_more_records(w):
    reader = client_for(w.focal_point)
    first = add_records(w, 2)[0]
    pages = [
        "/en/advocacy/",
        "/en/advocacy/?status=draft&network=afrique",
        f"/en/advocacy/positions/{first.pk}/",
        "/en/advocacy/campaigns/",
        "/en/advocacy/alliances/",
    ]
    small = [count(reader, url) for url in pages]
    add_records(w, 12)
    large = [count(reader, url) for url in pages]

    assert small == large
