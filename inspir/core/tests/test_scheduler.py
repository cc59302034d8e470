"""The worker's periodic jobs: kept in the database, each due run done once however many
workers look at the schedule."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from inspir.accounts.tests.factories import UserFactory
from inspir.core import scheduler
from inspir.core.models import ScheduledJob
from inspir.core.scheduler import (
    JobSpec,
    default_schedule,
    job_claim,
    jobs_due,
    run_after,
    schedule_ensure_defaults,
    scheduler_tick,
)

pytestmark = pytest.mark.django_db


def expired_session() -> Session:
    return Session.objects.create(
        session_key="expired-session-key-0123456789",
        session_data="",
        expire_date=timezone.now() - timedelta(days=1),
    )


def test_a_new_installation_gets_the_default_jobs_once():
    created = schedule_ensure_defaults()
    again = schedule_ensure_defaults()

    assert set(created) == {spec.name for spec in default_schedule()}
    assert {
        "send_pending_mail",
        "apply_retention",
        "prune_db_task_results",
        "clearsessions",
        "backup",
    } <= set(created)
    assert again == []
    mail = ScheduledJob.objects.get(name="send_pending_mail")
    assert mail.interval_seconds == 60 and mail.next_run_at <= timezone.now()
    prune = ScheduledJob.objects.get(name="prune_db_task_results")
    assert prune.arguments == ["--min-age-days", "7"] and prune.daily_at is not None


def test_a_job_an_app_registers_joins_the_schedule(monkeypatch):
    monkeypatch.setattr(scheduler, "_registered_jobs", dict(scheduler._registered_jobs))
    scheduler.register_job(JobSpec("send_digests", "check", interval_seconds=3600))

    assert "send_digests" in schedule_ensure_defaults()
    assert ScheduledJob.objects.get(name="send_digests").interval_seconds == 3600


@pytest.mark.parametrize(
    ("backup_dir", "enabled"), [("", False), ("/var/lib/inspir/backups", True)]
)
def test_the_nightly_backup_starts_switched_on_where_a_backup_directory_is_set(
    settings, backup_dir, enabled
):
    settings.BACKUP_DIR = backup_dir

    schedule_ensure_defaults()

    backup = ScheduledJob.objects.get(name="backup")
    assert (backup.command, backup.arguments, backup.enabled) == ("backup", [], enabled)


def test_a_period_changed_by_an_administrator_is_kept_when_a_worker_starts():
    schedule_ensure_defaults()
    ScheduledJob.objects.filter(name="clearsessions").update(daily_at=time(4, 15), enabled=False)

    schedule_ensure_defaults()

    job = ScheduledJob.objects.get(name="clearsessions")
    assert (job.daily_at, job.enabled) == (time(4, 15), False)


def test_a_daily_job_runs_at_its_time_the_same_day_or_the_next():
    job = ScheduledJob(name="nightly", command="clearsessions", daily_at=time(2, 0))

    assert run_after(job, datetime(2026, 3, 1, 1, 0, tzinfo=UTC)) == datetime(
        2026, 3, 1, 2, 0, tzinfo=UTC
    )
    assert run_after(job, datetime(2026, 3, 1, 2, 0, tzinfo=UTC)) == datetime(
        2026, 3, 2, 2, 0, tzinfo=UTC
    )


def test_two_workers_reading_the_schedule_together_run_a_due_job_once():
    now = timezone.now()
    ScheduledJob.objects.create(
        name="sessions", command="clearsessions", interval_seconds=3600, next_run_at=now
    )
    # Both workers have read the schedule before either claims the run.
    seen_by_first, seen_by_second = jobs_due(now=now), jobs_due(now=now)

    assert [job_claim(job, now=now) for job in seen_by_first] == [True]
    assert [job_claim(job, now=now) for job in seen_by_second] == [False]
    job = ScheduledJob.objects.get(name="sessions")
    assert job.next_run_at == now + timedelta(hours=1) and job.last_started_at == now


def test_a_due_job_runs_its_command_once_and_records_the_outcome(
    django_capture_on_commit_callbacks,
):
    now = timezone.now()
    ScheduledJob.objects.create(
        name="sessions", command="clearsessions", interval_seconds=3600, next_run_at=now
    )
    expired_session()

    with django_capture_on_commit_callbacks(execute=True) as first_worker:
        claimed_by_first = scheduler_tick(now=now)
    with django_capture_on_commit_callbacks(execute=True) as second_worker:
        claimed_by_second = scheduler_tick(now=now)

    assert (claimed_by_first, claimed_by_second) == (["sessions"], [])
    assert (len(first_worker), len(second_worker)) == (1, 0)
    assert not Session.objects.exists()
    job = ScheduledJob.objects.get(name="sessions")
    assert job.last_outcome.startswith("succeeded")
    assert job.last_finished_at >= job.last_started_at


def test_a_failing_job_is_recorded_and_does_not_stop_the_others(
    django_capture_on_commit_callbacks,
):
    now = timezone.now()
    ScheduledJob.objects.create(
        name="broken", command="no_such_command", interval_seconds=60, next_run_at=now
    )
    ScheduledJob.objects.create(
        name="sessions", command="clearsessions", interval_seconds=60, next_run_at=now
    )
    expired_session()

    with django_capture_on_commit_callbacks(execute=True):
        scheduler_tick(now=now)

    broken = ScheduledJob.objects.get(name="broken")
    assert broken.last_outcome.startswith("failed: CommandError")
    assert broken.next_run_at == now + timedelta(minutes=1)
    assert not Session.objects.exists()


def test_a_switched_off_job_does_not_run(django_capture_on_commit_callbacks):
    now = timezone.now()
    ScheduledJob.objects.create(
        name="sessions",
        command="clearsessions",
        interval_seconds=60,
        next_run_at=now,
        enabled=False,
    )
    expired_session()

    with django_capture_on_commit_callbacks(execute=True):
        assert scheduler_tick(now=now) == []

    assert Session.objects.exists()


# --- The admin ---------------------------------------------------------------------------------


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_staff_run_a_job_at_the_next_look_of_the_worker(staff_client):
    schedule_ensure_defaults()
    job = ScheduledJob.objects.get(name="clearsessions")
    assert job.next_run_at > timezone.now()

    response = staff_client.post(
        "/en/admin/core/scheduledjob/",
        {"action": "run_now", "_selected_action": [job.pk]},
    )

    assert response.status_code == 302
    job.refresh_from_db()
    assert job.next_run_at <= timezone.now()
    assert "clearsessions" in staff_client.get("/en/admin/core/scheduledjob/").text


def test_staff_change_a_period_but_never_the_command(staff_client):
    schedule_ensure_defaults()
    job = ScheduledJob.objects.get(name="clearsessions")
    form = {
        "enabled": "on",
        "interval_seconds": "",
        "daily_at": "05:30:00",
        "next_run_at_0": "2030-01-01",
        "next_run_at_1": "05:30:00",
        "command": "flush",
    }

    response = staff_client.post(f"/en/admin/core/scheduledjob/{job.pk}/change/", form)
    both = staff_client.post(
        f"/en/admin/core/scheduledjob/{job.pk}/change/", {**form, "interval_seconds": "60"}
    )

    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.daily_at, job.command) == (time(5, 30), "clearsessions")
    assert both.status_code == 200 and "not both" in both.text
    assert staff_client.get("/en/admin/core/scheduledjob/add/").status_code == 403


def test_people_who_are_not_staff_never_reach_the_schedule(client):
    client.force_login(UserFactory())

    response = client.get("/en/admin/core/scheduledjob/")

    assert response.status_code == 302 and "/login/" in response["Location"]
