"""Two workers (`run_worker`) ticking the same schedule on PostgreSQL, with Redis as in
production: the reminder job runs once per period, and a reminder is told and e-mailed
once, even when the job runs again.

Runs in CI's production-profile pass, where PostgreSQL and Redis are set up; elsewhere it
says why it cannot run (as `inspir/core/tests/test_multi_process.py`)."""

import datetime
import os
import subprocess
import sys
import time

import pytest
from cryptography.fernet import Fernet
from django.db import connection
from django.utils import timezone
from django.utils.crypto import get_random_string

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.core.models import ScheduledJob
from inspir.core.tests.app_servers import ROOT
from inspir.governance.notices import REMINDER_FOLLOW_UP
from inspir.governance.tests.factories import FollowUpFactory
from inspir.network.tests.factories import NetworkFactory, PersonFactory, national
from inspir.notifications.models import Notification

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def production_like():
    if connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"):
        pytest.skip("needs PostgreSQL and REDIS_URL: run by CI's production-profile pass")


def wait_for(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_two_workers_send_a_reminder_once(production_like, mailbox):
    database = connection.settings_dict
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": get_random_string(64),
        "DJANGO_ALLOWED_HOSTS": "inspir.example.org",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
            f"{database['NAME']}"
        ),
        "TASKS_BACKEND": "database",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mailbox.port),
        "SITE_URL": "http://127.0.0.1",
    }
    # Set by CI's production-profile pass; a key of the test's own elsewhere.
    environment.setdefault("SECRETS_ENCRYPTION_KEY", Fernet.generate_key().decode())
    benin = national(NetworkFactory(name="INSP!R Africa"), name="INSP!R Bénin")
    focal = user_with_role(
        benin,
        Role.FOCAL_POINT,
        person=PersonFactory(languages=["fr"]),
        email="point-focal@example.org",
    )
    FollowUpFactory(network=benin, due_on=timezone.localdate() + datetime.timedelta(days=3))
    job = ScheduledJob.objects.create(
        name="send_reminders",
        command="send_reminders",
        interval_seconds=900,
        next_run_at=timezone.now(),
    )
    command = [
        sys.executable,
        "manage.py",
        "run_worker",
        "--interval",
        "0.2",
        "--schedule-interval",
        "0.2",
    ]
    workers = [
        subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(2)
    ]
    try:
        # Both tick the schedule every 0.2 s: one claims the run, the reminder is e-mailed.
        assert wait_for(lambda: mailbox.to(focal.email)), "no reminder arrived"
        job.refresh_from_db()
        first_run = job.last_started_at
        assert wait_for(lambda: ScheduledJob.objects.get(pk=job.pk).last_finished_at)

        # The next period comes: the job runs again, on either worker, and tells nobody twice.
        ScheduledJob.objects.filter(pk=job.pk).update(next_run_at=timezone.now())
        assert wait_for(
            lambda: (
                ScheduledJob.objects.get(pk=job.pk).last_started_at != first_run
                and ScheduledJob.objects.get(pk=job.pk).last_finished_at
                >= ScheduledJob.objects.get(pk=job.pk).last_started_at
            )
        )
        time.sleep(2)  # time for a second e-mail to arrive, if one had been asked for
        for worker in workers:
            assert worker.poll() is None, "a worker stopped"
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=20)

    assert Notification.objects.filter(user=focal, kind=REMINDER_FOLLOW_UP).count() == 1
    [reminder] = mailbox.to(focal.email)
    assert "Rappel" in reminder["Subject"]
    job.refresh_from_db()
    assert job.last_outcome.startswith("succeeded"), job.last_outcome
