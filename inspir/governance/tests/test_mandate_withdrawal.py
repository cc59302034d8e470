"""A mandate entered by mistake is withdrawn: gone from the composition as if it had never
been, kept in the committee's log with who withdrew it, when and why; by those who may end
it, with a reason, once."""

import io
import json
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import PASSWORD, UserFactory, user_with_role
from inspir.core.models import AuditEntry
from inspir.governance.models import Mandate
from inspir.governance.selectors.committees import ViolationKind, committee_composition
from inspir.governance.services import committees as services
from inspir.governance.tests.test_committees import (  # noqa: F401 - fixtures
    TODAY,
    coordinator_client,
    page,
    world,
)
from inspir.network.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

REASON = "Entered for the wrong person"


def facilitator(world) -> Mandate:  # noqa: F811
    return Mandate.objects.get(rule=world.facilitation)


def withdraw_url(mandate: Mandate) -> str:
    return reverse("governance:mandate_withdraw", kwargs={"pk": mandate.pk})


def log_url() -> str:
    return reverse("governance:committee_mandates", kwargs={"slug": "world"})


def test_a_coordinator_withdraws_a_mandate_from_the_committee_page(
    coordinator_client,  # noqa: F811
    world,  # noqa: F811
):
    mandate = facilitator(world)
    committee_page = page(coordinator_client.get(world.committee.get_absolute_url()))
    assert committee_page.select_one(f'a[href="{withdraw_url(mandate)}"]')

    confirmation = page(coordinator_client.get(withdraw_url(mandate)))

    assert confirmation.select_one("textarea, input[name=reason]")
    assert "entered by mistake" in confirmation.get_text()
    assert Mandate.objects.filter(pk=mandate.pk).exists()  # asking changes nothing

    response = coordinator_client.post(withdraw_url(mandate), {"reason": f"  {REASON} "})

    assert response.status_code == 302 and response["Location"] == log_url()
    assert not Mandate.objects.filter(pk=mandate.pk).exists()
    kept = Mandate.all_entered.get(pk=mandate.pk)
    assert kept.withdrawal_reason == REASON and kept.withdrawn_at is not None
    assert kept.withdrawn_by == response.wsgi_request.user
    entry = AuditEntry.objects.get(action="governance.mandate.withdrawn")
    assert entry.changes == {"withdrawal_reason": [None, REASON]}
    assert entry.object_id == str(mandate.pk)
    # Gone from the composition: the facilitation seat it held is vacant, below its minimum.
    composition = committee_composition(world.committee, on=TODAY)
    assert composition.facilitation[0].holders == []
    assert [v.kind for v in composition.violations] == [ViolationKind.TOO_FEW]
    committee_page = page(coordinator_client.get(world.committee.get_absolute_url()))
    assert not committee_page.select(f'[data-mandate="{mandate.pk}"]')


def test_the_log_lists_withdrawn_mandates_apart_with_reason_who_and_when(
    coordinator_client,  # noqa: F811
    world,  # noqa: F811
):
    mandate = facilitator(world)
    actor = user_with_role(world.top, Role.COORDINATOR, first_name="Kofi", last_name="Mensah")
    services.mandate_withdraw(mandate=mandate, actor=actor, reason=REASON)

    log = page(coordinator_client.get(log_url()))

    standing = {row["data-mandate"] for row in log.select("[data-mandate]")}
    assert str(mandate.pk) not in standing
    assert standing == {
        str(pk)
        for pk in Mandate.objects.filter(committee=world.committee).values_list("pk", flat=True)
    }
    (line,) = log.select("[data-withdrawn]")
    text = " ".join(line.get_text().split())
    assert "Facilitator" in text
    assert f"withdrawn: entered by mistake — {REASON}, by Kofi Mensah" in text
    assert line.select_one("time")  # when, in the reader's zone


def test_a_reason_is_required_and_nothing_changes_without_one(
    coordinator_client,  # noqa: F811
    world,  # noqa: F811
):
    mandate = facilitator(world)

    soup = page(coordinator_client.post(withdraw_url(mandate), {"reason": "   "}))

    assert "Say why the mandate is withdrawn." in soup.get_text()
    assert Mandate.objects.filter(pk=mandate.pk).exists()
    assert not AuditEntry.objects.filter(action="governance.mandate.withdrawn").exists()


def test_a_mandate_is_withdrawn_once(coordinator_client, world):  # noqa: F811
    mandate = facilitator(world)
    actor = user_with_role(world.top, Role.COORDINATOR)
    services.mandate_withdraw(mandate=mandate, actor=actor, reason=REASON)

    with pytest.raises(ValidationError, match="already withdrawn"):
        services.mandate_withdraw(mandate=mandate, actor=actor, reason="Again")
    assert coordinator_client.post(withdraw_url(mandate), {"reason": "Again"}).status_code == 404
    assert coordinator_client.get(withdraw_url(mandate)).status_code == 404
    assert Mandate.all_entered.get(pk=mandate.pk).withdrawal_reason == REASON
    assert AuditEntry.objects.filter(action="governance.mandate.withdrawn").count() == 1


def test_withdrawing_is_atomic(world, monkeypatch):  # noqa: F811
    mandate = facilitator(world)

    def broken(**kwargs):
        raise RuntimeError("the log is down")

    monkeypatch.setattr(services, "audit_log", broken)
    with pytest.raises(RuntimeError):
        services.mandate_withdraw(
            mandate=mandate, actor=user_with_role(world.top, Role.COORDINATOR), reason=REASON
        )

    assert Mandate.objects.filter(pk=mandate.pk).exists()  # not withdrawn without its entry


@pytest.mark.parametrize("who", ["committee_member", "network_member", "other_coordinator"])
def test_only_those_who_may_end_a_mandate_withdraw_it(client, world, who):  # noqa: F811
    if who == "committee_member":
        user = UserFactory(person=world.people[0])
    elif who == "network_member":
        user = user_with_role(world.top, Role.MEMBER)
    else:
        user = user_with_role(world.africa, Role.COORDINATOR)
    client.force_login(user)
    mandate = facilitator(world)

    assert client.get(withdraw_url(mandate)).status_code == 404
    assert client.post(withdraw_url(mandate), {"reason": REASON}).status_code == 404
    assert client.get(log_url()).status_code == 404
    with pytest.raises(ValidationError):
        services.mandate_withdraw(mandate=mandate, actor=user, reason=REASON)
    assert Mandate.objects.filter(pk=mandate.pk).exists()


def test_the_person_can_be_given_the_seat_again_once_the_mistake_is_withdrawn(world):  # noqa: F811
    coordinator = user_with_role(world.top, Role.COORDINATOR)
    mandate = facilitator(world)
    services.mandate_withdraw(mandate=mandate, actor=coordinator, reason=REASON)

    again = services.mandate_create(
        actor=coordinator,
        committee=world.committee,
        rule=world.facilitation,
        person=mandate.person,
        start_date=mandate.start_date,
    )

    assert committee_composition(world.committee, on=TODAY).facilitation[0].holders == [again]


def test_withdrawn_mandates_stay_in_the_data_of_the_person_and_of_who_withdrew_them(
    client,
    world,  # noqa: F811
):
    person = PersonFactory(name="Awa Diop")
    held = UserFactory(person=person, email="awa@example.org")
    mandate = services.mandate_create(
        actor=(coordinator := user_with_role(world.top, Role.COORDINATOR)),
        committee=world.committee,
        rule=world.advisory,
        person=person,
        start_date=TODAY,
    )
    services.mandate_withdraw(mandate=mandate, actor=coordinator, reason=REASON)

    def download(user) -> dict:
        client.force_login(user)
        archive = zipfile.ZipFile(io.BytesIO(client.get("/en/accounts/my-data/download/").content))
        return {
            name.removesuffix(".json"): json.loads(archive.read(name))
            for name in archive.namelist()
            if name.endswith(".json")
        }

    (row,) = download(held)["mandates"]
    assert row["withdrawal_reason"] == REASON and row["withdrawn_at"]
    (row,) = download(coordinator)["mandates_withdrawn"]
    assert (row["committee__network__name"], row["withdrawal_reason"]) == (
        world.top.name,
        REASON,
    )

    client.force_login(held)
    response = client.post("/en/accounts/my-data/", {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    kept = Mandate.all_entered.get(pk=mandate.pk)  # the record stays, withdrawn
    assert kept.withdrawn_at is not None and str(kept.person) == "—"
