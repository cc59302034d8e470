"""/health/ answers a load balancer (200 while the database answers, 503 when it does not)
and monitoring (each component ok, degraded or failing, with its reason), for everyone the
overall status, for a request with HEALTH_TOKEN the report on each component; nothing an
attacker could use: no address, no error's text."""

import datetime
import json

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.core.models import OutgoingEmail
from inspir.network.tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db

TOKEN = "a-monitoring-token-of-forty-characters-00"
SECRET_IN_THE_ERROR = "password=hunter2 host=db.internal.example"


@pytest.fixture
def monitoring(settings) -> Client:
    """The monitoring system: knows the token."""
    settings.HEALTH_TOKEN = TOKEN
    return Client(headers={"Authorization": f"Bearer {TOKEN}"})


def report(client: Client) -> tuple[int, dict]:
    response = client.get("/health/")
    assert response["Content-Type"] == "application/json"
    return response.status_code, json.loads(response.content)


def statuses(body: dict) -> dict[str, str]:
    return {name: component["status"] for name, component in body["components"].items()}


def waiting_task(minutes_ago: int, run_after: datetime.datetime | None = None) -> DBTaskResult:
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="inspir.core.tasks.email_deliver",
        backend_name="default",
        run_after=run_after or get_date_max(),
    )
    enqueued = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=enqueued)
    return task


def email(status: str, minutes_ago: int = 0) -> OutgoingEmail:
    message = OutgoingEmail.objects.create(
        message_id=f"<{status}-{minutes_ago}@inspir.test>",
        recipient="awa@example.org",
        subject="Invitation",
        status=status,
    )
    created = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    OutgoingEmail.objects.filter(pk=message.pk).update(created_at=created)
    return message


@pytest.fixture
def database_down(monkeypatch):
    """Every query fails as with the database server stopped, with an error whose text holds
    what must never be shown."""

    def refuse(*args, **kwargs):
        raise OperationalError(f"connection refused: {SECRET_IN_THE_ERROR}")

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)


# --- who sees what ----------------------------------------------------------------------------


def test_everyone_gets_the_overall_status_and_nothing_more(client, settings):
    settings.HEALTH_TOKEN = TOKEN

    status, body = report(client)

    assert (status, body) == (200, {"status": "ok"})


def test_monitoring_with_the_token_gets_each_component(monitoring):
    status, body = report(monitoring)

    assert status == 200
    assert body["status"] == "ok"
    assert statuses(body) == {"database": "ok", "cache": "ok", "queue": "ok", "mail": "ok"}
    assert body["components"]["queue"]["threshold_seconds"] == 300


@pytest.mark.parametrize("configured", ["", TOKEN])
def test_a_wrong_or_empty_token_gets_the_overall_status_only(settings, configured):
    settings.HEALTH_TOKEN = configured
    for given in ("", "Bearer ", "Bearer wrong", TOKEN[:-1]):
        _, body = report(Client(headers={"Authorization": given}))
        assert body == {"status": "ok"}


def test_the_answer_is_never_stored_nor_tied_to_a_session(client):
    response = client.get("/health/")

    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_the_endpoint_has_no_language_and_needs_no_log_in(client):
    # A coordinator without a second factor is sent to set one up from every other page.
    coordinator = user_with_role(NetworkFactory(), Role.COORDINATOR, second_factor=False)
    client.force_login(coordinator)

    response = client.get("/health/", headers={"Accept-Language": "fr"})

    assert response.status_code == 200
    assert client.get("/fr/health/").status_code == 404


def test_only_get_is_answered(client):
    assert client.post("/health/").status_code == 405


# --- each component failing ---------------------------------------------------------------


def test_the_database_down_takes_the_server_out_of_the_load_balancer(monitoring, database_down):
    response = monitoring.get("/health/")
    body = json.loads(response.content)

    assert response.status_code == 503
    assert body["status"] == "failing"
    assert statuses(body)["database"] == "failing"
    assert statuses(body)["queue"] == statuses(body)["mail"] == "failing"
    assert "hunter2" not in response.content.decode()
    assert "db.internal" not in response.content.decode()


def test_the_database_down_is_said_to_everyone_as_failing(client, database_down):
    status, body = report(client)

    assert (status, body) == (503, {"status": "failing"})


def test_the_cache_down_is_degraded_and_the_server_kept(monitoring, cache_down, settings):
    response = monitoring.get("/health/")
    body = json.loads(response.content)

    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert statuses(body) == {"database": "ok", "cache": "degraded", "queue": "ok", "mail": "ok"}
    assert "uncached" in body["components"]["cache"]["reason"]
    port = settings.CACHES["default"]["LOCATION"].rsplit(":", 1)[1].split("/")[0]
    assert "127.0.0.1" not in response.content.decode() and port not in response.content.decode()


def test_the_cache_back_is_ok_again(monitoring, own_redis, use_redis_at):
    use_redis_at(own_redis.url)
    assert statuses(report(monitoring)[1])["cache"] == "degraded"

    own_redis.start()

    # The health check asks Redis itself, without waiting for the retry period.
    assert statuses(report(monitoring)[1])["cache"] == "ok"


def test_tasks_waiting_too_long_mean_no_worker(monitoring):
    waiting_task(minutes_ago=12)

    status, body = report(monitoring)

    assert status == 200  # pages are still served
    assert body["status"] == "failing"
    queue = body["components"]["queue"]
    assert queue["status"] == "failing"
    assert "worker" in queue["reason"]
    assert queue["oldest_waiting_seconds"] >= 12 * 60


def test_tasks_queued_for_later_or_just_queued_are_not_waiting(monitoring):
    waiting_task(minutes_ago=1)
    waiting_task(minutes_ago=60, run_after=timezone.now() + datetime.timedelta(hours=1))

    queue = report(monitoring)[1]["components"]["queue"]

    assert queue["status"] == "ok"
    assert queue["oldest_waiting_seconds"] < 300


def test_mail_waiting_too_long_means_it_is_not_leaving(monitoring):
    email(OutgoingEmail.Status.RETRYING, minutes_ago=90)

    mail = report(monitoring)[1]["components"]["mail"]

    assert mail["status"] == "failing"
    assert "mail server" in mail["reason"]
    assert mail["waiting"] == 1 and mail["oldest_waiting_seconds"] >= 90 * 60


def test_undelivered_mail_nobody_dealt_with_is_degraded(monitoring):
    email(OutgoingEmail.Status.SENT)
    email(OutgoingEmail.Status.FAILED)
    email(OutgoingEmail.Status.UNCERTAIN)

    status, body = report(monitoring)

    assert status == 200
    assert body["status"] == "degraded"
    mail = body["components"]["mail"]
    assert (mail["status"], mail["failed"], mail["uncertain"]) == ("degraded", 1, 1)
