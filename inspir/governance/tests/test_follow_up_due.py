# ruff: noqa: F811 (the fixture `world` is imported from test_decisions)
"""Follow-ups are owned by their network and due on a date: by default 90 days after the
decision, which a continental follow-up hands down to the national ones it opens."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from inspir.core.models import AuditEntry
from inspir.governance.models import Decision, FollowUp
from inspir.governance.services.decisions import follow_up_cascade, follow_up_report
from inspir.governance.tests.test_decisions import BLOCKED, World, record, world  # noqa: F401

pytestmark = pytest.mark.django_db


def decided_on(world: World) -> datetime.date:
    """The day the meeting's decisions are taken, where it is held (whenever recorded)."""
    return timezone.localdate(world.meeting.starts_at, world.meeting.zone)


def test_follow_ups_are_due_90_days_after_the_decision_by_default(world):
    decision = record(world)
    expected = decided_on(world) + datetime.timedelta(days=90)
    assert decision.follow_up_due_on == expected
    assert {f.due_on for f in decision.follow_ups.all()} == {expected}
    opened = AuditEntry.objects.filter(action="governance.follow_up.opened").first()
    assert opened.changes["due_on"] == [None, expected.isoformat()]


def test_the_committee_chooses_when_follow_ups_are_due(world):
    chosen = decided_on(world) + datetime.timedelta(days=30)
    decision = record(world, follow_up_due_on=chosen)
    assert {f.due_on for f in decision.follow_ups.all()} == {chosen}


def test_follow_ups_cannot_be_due_before_the_decision(world):
    with pytest.raises(ValidationError) as refused:
        record(world, follow_up_due_on=decided_on(world) - datetime.timedelta(days=1))
    assert "cannot be due before the decision was taken" in " ".join(refused.value.messages)
    assert not Decision.objects.exists()


def test_a_rejected_decision_has_nothing_due(world):
    decision = record(world, consents=BLOCKED)
    assert decision.follow_up_due_on is None and not decision.follow_ups.exists()


def test_passing_down_gives_the_continental_due_date_unless_another_is_chosen(world):
    decision = record(world, follow_up_due_on=decided_on(world) + datetime.timedelta(days=60))
    africa = FollowUp.objects.get(decision=decision, network=world.africa)
    [benin] = follow_up_cascade(follow_up=africa, networks=[world.benin], actor=world.africa_member)
    assert benin.due_on == africa.due_on

    earlier = decided_on(world) + datetime.timedelta(days=45)
    [togo] = follow_up_cascade(
        follow_up=africa, networks=[world.togo], actor=world.africa_member, due_on=earlier
    )
    assert togo.due_on == earlier

    asia = FollowUp.objects.get(decision=decision, network=world.asia)
    with pytest.raises(ValidationError, match="cannot be due before"):
        follow_up_cascade(
            follow_up=asia,
            networks=[world.nepal],
            actor=world.asia_member,
            due_on=decided_on(world) - datetime.timedelta(days=10),
        )
    assert not FollowUp.objects.filter(network=world.nepal).exists()


def test_the_decision_form_offers_the_default_due_date_and_saves_the_chosen_one(client, world):
    url = reverse("governance:decision_create", kwargs={"pk": world.meeting.pk})
    client.force_login(world.chair)
    default = decided_on(world) + datetime.timedelta(days=90)
    page = client.get(url).content.decode()
    assert f'name="follow_up_due_on" value="{default.isoformat()}"' in page

    chosen = decided_on(world) + datetime.timedelta(days=20)
    data = {
        "title": "Exchange visits",
        "statement": "One visit per continent.",
        "concerns": [world.africa.pk],
        # Both full members: with one of two, the committee's quorum (a majority) fails.
        f"position_{world.chair.person.pk}": "agree",
        f"position_{world.second.person.pk}": "agree",
        "follow_up_due_on": "1850-01-01",
    }
    refused = client.post(url, data).content.decode()
    assert "Enter a date between" in refused and not Decision.objects.exists()
    data["follow_up_due_on"] = chosen.isoformat()
    assert client.post(url, data).status_code == 302
    assert FollowUp.objects.get().due_on == chosen


def test_the_board_and_the_report_page_show_when_each_network_is_due(client, world):
    decision = record(world)
    africa = FollowUp.objects.get(decision=decision, network=world.africa)
    asia = FollowUp.objects.get(decision=decision, network=world.asia)
    FollowUp.objects.filter(pk=africa.pk).update(due_on=datetime.date(2027, 3, 12))
    FollowUp.objects.filter(pk=asia.pk).update(
        due_on=decided_on(world) - datetime.timedelta(days=1)
    )
    board_url = reverse("governance:follow_up_board", kwargs={"pk": decision.pk})
    client.force_login(world.africa_member)

    page = client.get(board_url).content.decode()
    africa_row = page.split(f'id="follow-up-{africa.pk}"')[1].split("</li>")[0]
    asia_row = page.split(f'id="follow-up-{asia.pk}"')[1].split("</li>")[0]
    assert "due 12 March 2027" in africa_row and "overdue" not in africa_row
    assert "overdue" in asia_row

    page = client.get(reverse("governance:follow_up_report", kwargs={"pk": africa.pk}))
    assert "Network responsible: Africa" in page.content.decode()
    assert "due 12 March 2027" in page.content.decode()

    # Done is no longer overdue, even past the date.
    follow_up_report(
        follow_up=asia, actor=world.asia_member, status="done", report="Held.", version=1
    )
    page = client.get(board_url).content.decode()
    assert "overdue" not in page.split(f'id="follow-up-{asia.pk}"')[1].split("</li>")[0]


def test_the_board_is_read_in_the_readers_language(client, world):
    decision = record(world)
    FollowUp.objects.filter(decision=decision).update(due_on=datetime.date(2027, 3, 12))
    client.force_login(world.africa_member)
    with translation.override("fr"):
        url = reverse("governance:follow_up_board", kwargs={"pk": decision.pk})
    assert "échéance : 12 mars 2027" in client.get(url).content.decode()


def test_the_cascade_form_offers_the_follow_ups_own_due_date(client, world):
    decision = record(world, follow_up_due_on=decided_on(world) + datetime.timedelta(days=60))
    africa = FollowUp.objects.get(decision=decision, network=world.africa)
    url = reverse("governance:follow_up_cascade", kwargs={"pk": africa.pk})
    client.force_login(world.africa_member)
    page = client.get(url).content.decode()
    assert f'name="due_on" value="{africa.due_on.isoformat()}"' in page
    chosen = decided_on(world) + datetime.timedelta(days=30)
    response = client.post(url, {"networks": [world.benin.pk], "due_on": chosen.isoformat()})
    assert response.status_code == 302
    assert FollowUp.objects.get(network=world.benin).due_on == chosen
