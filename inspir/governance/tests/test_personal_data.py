"""What a person wrote and decided in governance is in their data, and erasure keeps the
network's record while nothing in it names them any more."""

import datetime
import io
import json
import zipfile

import pytest

from inspir.accounts.models import Role, User
from inspir.accounts.tests.factories import PASSWORD, user_with_role
from inspir.governance.models import (
    AvailableHours,
    CalendarFeed,
    ConsentRecord,
    Position,
    Proposal,
    ProposalComment,
)
from inspir.governance.tests.factories import (
    DecisionFactory,
    MeetingFactory,
    ProposalFactory,
    seat,
)
from inspir.network.tests.factories import NetworkFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def awa():
    network = NetworkFactory(name="INSP!R Bénin")
    user = user_with_role(network, Role.MEMBER, email="awa@example.org", first_name="Awa")
    user.last_name = "Diop"
    user.person = PersonFactory(name="Awa Diop", email="awa@example.org")
    user.save()
    meeting = MeetingFactory(title="Steering committee, March", committee__network=network)
    seat(meeting.committee, person=user.person)
    proposal = ProposalFactory(
        title="Exchange visits", origin_network=network, author=user, text="Visits between MHOs"
    )
    ProposalComment.objects.create(proposal=proposal, author=user, text="Start with Togo")
    decision = DecisionFactory(meeting=meeting, title="Exchange visits adopted")
    ConsentRecord.objects.create(
        decision=decision,
        person=user.person,
        position=Position.BLOCK,
        reason="Not before the budget is known",
    )
    AvailableHours.objects.create(
        person=user.person,
        earliest=datetime.time(8),
        latest=datetime.time(18),
        never_after=datetime.time(22),
    )
    CalendarFeed.objects.create(user=user, token="t" * 40)
    return user


def _download(client) -> dict:
    archive = zipfile.ZipFile(io.BytesIO(client.get("/en/accounts/my-data/download/").content))
    return {
        name.removesuffix(".json"): json.loads(archive.read(name))
        for name in archive.namelist()
        if name.endswith(".json")
    }


def test_what_a_person_wrote_and_decided_in_governance_is_in_their_data(client, awa):
    client.force_login(awa)

    data = _download(client)

    assert [(p["title"], p["text"]) for p in data["proposals"]] == [
        ("Exchange visits", "Visits between MHOs")
    ]
    assert [c["text"] for c in data["proposal_comments"]] == ["Start with Togo"]
    assert [
        (c["decision__title"], c["position"], c["reason"]) for c in data["consent_positions"]
    ] == [("Exchange visits adopted", "block", "Not before the budget is known")]
    assert data["acceptable_hours"] == {
        "earliest": "08:00:00",
        "latest": "18:00:00",
        "never_before": None,
        "never_after": "22:00:00",
    }
    assert data["calendar_feed"]["created_at"]
    assert [m["committee__network__name"] for m in data["mandates"]] != []


def test_erasure_keeps_the_record_but_nothing_in_it_names_the_person(client, awa):
    proposal = Proposal.objects.get(title="Exchange visits")
    consent = ConsentRecord.objects.get()
    pages = (proposal.get_absolute_url(), consent.decision.get_absolute_url())
    other = user_with_role(proposal.network, Role.COORDINATOR, email="kofi@example.org")
    client.force_login(other)
    for url in pages:
        assert "Awa Diop" in client.get(url).content.decode(), url
    client.force_login(awa)
    person = awa.person

    response = client.post("/en/accounts/my-data/", {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    proposal.refresh_from_db()
    consent.refresh_from_db()
    comment = ProposalComment.objects.get()
    assert str(proposal.author) == str(comment.author) == "former member"
    assert (consent.position, consent.reason) == ("block", "Not before the budget is known")
    assert str(consent.person) == "—"
    assert person.mandates.exists()  # who held the seat, when, stays in the record
    assert not AvailableHours.objects.exists()
    assert not CalendarFeed.objects.exists()
    erased = User.objects.get(pk=awa.pk)
    assert "Awa" not in f"{erased.email} {erased.first_name} {erased.last_name}"
    client.force_login(other)
    for url in pages:
        page = client.get(url)
        assert page.status_code == 200, url
        assert "Awa" not in page.content.decode(), url
