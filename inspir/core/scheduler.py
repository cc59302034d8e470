"""Periodic jobs, run by the worker (`manage.py run_worker`) from a schedule kept in the
database (`ScheduledJob`), so that they run once however many workers there are.

Every worker ticks: it reads the jobs whose `next_run_at` has come and claims each with a
compare-and-set update (`next_run_at` moves on only if it still holds the value the worker
read). One worker wins each run; the others' updates match no row. The winner queues the
command as a task in the same transaction, and whichever worker takes the task runs it and
records the outcome on the job. The same update works on SQLite and PostgreSQL: no lock is
held between reading and claiming."""

import io
import logging
import time as monotonic_time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from functools import partial

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend

from inspir.core.models import ScheduledJob

logger = logging.getLogger(__name__)

OUTCOME_SUCCEEDED = "succeeded"
OUTCOME_FAILED = "failed"


@dataclass(frozen=True)
class JobSpec:
    name: str
    command: str
    arguments: list[str] = field(default_factory=list)
    interval_seconds: int | None = None
    daily_at: time | None = None
    # Whether the job starts switched on, asked when it is added to the schedule.
    enabled: Callable[[], bool] = lambda: True


# Created when a worker starts if missing (by name): an administrator may change the period
# or switch a job off in the admin, and that is kept. Daily jobs run at night, UTC.
DEFAULT_SCHEDULE = [
    # Retries of e-mails whose next attempt has come; sends stuck half-way marked uncertain.
    JobSpec("send_pending_mail", "send_pending_mail", interval_seconds=60),
    # Accounts unused too long, unconfirmed subscriptions, old form submissions.
    JobSpec("apply_retention", "apply_retention", daily_at=time(2, 0)),
    # Finished task results older than a week.
    JobSpec(
        "prune_db_task_results",
        "prune_db_task_results",
        ["--min-age-days", "7"],
        daily_at=time(2, 30),
    ),
    # Expired sessions.
    JobSpec("clearsessions", "clearsessions", daily_at=time(3, 0)),
    # A backup into BACKUP_DIR, which also deletes those older than BACKUP_KEEP_DAYS; on
    # from the start where BACKUP_DIR is set, to switch on in the admin where it is set later.
    JobSpec(
        "backup",
        "backup",
        daily_at=time(1, 30),
        enabled=lambda: bool(getattr(settings, "BACKUP_DIR", "")),
    ),
]


def run_after(job: ScheduledJob | JobSpec, moment: datetime) -> datetime:
    """The first time strictly after `moment` the job is due."""
    if job.interval_seconds:
        return moment + timedelta(seconds=job.interval_seconds)
    if job.daily_at is None:
        raise ValueError(f"Scheduled job {job.name} has neither an interval nor a daily time.")
    moment = moment.astimezone(UTC)
    candidate = datetime.combine(moment.date(), job.daily_at, tzinfo=UTC)
    if candidate <= moment:
        candidate += timedelta(days=1)
    return candidate


# The jobs the apps add from their `AppConfig.ready()` (reminders, digests…): core names no
# domain's command (decision 0020).
_registered_jobs: dict[str, JobSpec] = {}


def register_job(spec: JobSpec) -> None:
    """Add `spec` to the default schedule (registering the same name again replaces it)."""
    _registered_jobs[spec.name] = spec


def default_schedule() -> list[JobSpec]:
    """Core's jobs, then those the apps registered."""
    return [*DEFAULT_SCHEDULE, *_registered_jobs.values()]


def schedule_ensure_defaults(*, now: datetime | None = None) -> list[str]:
    """Add the default jobs that are missing; returns their names. Jobs that repeat are due
    at once, daily ones at their next time."""
    now = now or timezone.now()
    created = []
    for spec in default_schedule():
        _, was_created = ScheduledJob.objects.get_or_create(
            name=spec.name,
            defaults={
                "command": spec.command,
                "arguments": spec.arguments,
                "interval_seconds": spec.interval_seconds,
                "daily_at": spec.daily_at,
                "enabled": spec.enabled(),
                "next_run_at": now if spec.interval_seconds else run_after(spec, now),
            },
        )
        if was_created:
            created.append(spec.name)
    return created


def jobs_due(*, now: datetime) -> list[ScheduledJob]:
    return list(ScheduledJob.objects.filter(enabled=True, next_run_at__lte=now))


def job_claim(job: ScheduledJob, *, now: datetime) -> bool:
    """Move the job's next run on, if no other worker did since `job` was read. Only the
    worker for which this returns True runs the job. The next run counts from now, so a
    worker back after a long stop runs each job once, not once per missed period."""
    claimed = ScheduledJob.objects.filter(
        pk=job.pk, enabled=True, next_run_at=job.next_run_at
    ).update(next_run_at=run_after(job, now), last_started_at=now)
    return claimed == 1


def scheduler_tick(*, now: datetime | None = None) -> list[str]:
    """Claim and queue every due job; returns the names of those this worker claimed."""
    now = now or timezone.now()
    # A queue in the database takes the task in the claim's transaction: claimed and queued
    # together, or neither. Other backends run the task at once, so only after the claim is
    # committed.
    in_database = isinstance(scheduled_job_run.get_backend(), DatabaseBackend)
    claimed = []
    for job in jobs_due(now=now):
        with transaction.atomic():
            if not job_claim(job, now=now):
                continue
            enqueue = partial(scheduled_job_run.enqueue, job_id=job.pk)
            if in_database:
                enqueue()
            else:
                transaction.on_commit(enqueue)
        claimed.append(job.name)
    return claimed


@task
def scheduled_job_run(*, job_id: int) -> str:
    """Run one claimed job's command and record how it ended on the job."""
    job = ScheduledJob.objects.get(pk=job_id)
    output = io.StringIO()
    started = monotonic_time.monotonic()
    try:
        call_command(job.command, *job.arguments, stdout=output, stderr=output)
    except Exception as error:
        logger.exception("Scheduled job %s failed", job.name)
        outcome = f"{OUTCOME_FAILED}: {type(error).__name__}: {error}"
    else:
        seconds = monotonic_time.monotonic() - started
        outcome = f"{OUTCOME_SUCCEEDED} in {seconds:.1f} s"
        if text := output.getvalue().strip():
            outcome += f"\n{text[-2000:]}"
    ScheduledJob.objects.filter(pk=job_id).update(
        last_finished_at=timezone.now(), last_outcome=outcome
    )
    return outcome
