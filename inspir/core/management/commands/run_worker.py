"""The worker: runs queued tasks (django_tasks_db's worker) and, in the same process, the
periodic jobs of the schedule (`inspir.core.scheduler`). Start as many as you like: each
queued task and each due job is taken by one of them. Never reloads on code changes:
restart it after an upgrade."""

import logging
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections, connection
from django.tasks import task_backends
from django.utils.crypto import get_random_string
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME
from django_tasks_db.management.commands.db_worker import Worker

from inspir import __version__
from inspir.core.scheduler import schedule_ensure_defaults, scheduler_tick

logger = logging.getLogger("inspir.core.scheduler")


class Scheduler(threading.Thread):
    """Ticks every `interval` seconds until stopped, with its own database connection."""

    def __init__(self, interval: float) -> None:
        super().__init__(name="scheduler", daemon=True)
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            close_old_connections()
            try:
                claimed = scheduler_tick()
            except Exception:
                # A database that is briefly unreachable must not end the schedule.
                logger.exception("Scheduler tick failed; trying again")
            else:
                for name in claimed:
                    logger.info("Scheduled job %s queued", name)
            close_old_connections()
            self.stopped.wait(self.interval)
        connection.close()


class Command(BaseCommand):
    help = "Run queued tasks and the periodic jobs of the schedule (never reloads)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds between looks at the task queue when it is empty (default 1).",
        )
        parser.add_argument(
            "--schedule-interval",
            type=float,
            default=10.0,
            help="Seconds between looks at the schedule (default 10).",
        )
        parser.add_argument(
            "--queue-name",
            default=DEFAULT_TASK_QUEUE_NAME,
            help="Queues to serve, comma-separated, or * for all.",
        )
        parser.add_argument(
            "--no-scheduler",
            action="store_true",
            help="Run queued tasks only, not the periodic jobs.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        verbosity = options["verbosity"]
        level = logging.INFO if verbosity >= 1 else logging.WARNING
        for name in ("inspir.core.scheduler", "django_tasks_db", "django.tasks"):
            logging.getLogger(name).setLevel(level)

        in_database = isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)
        worker_id = get_random_string(32)
        # The line an operator (and the deployment test) reads to know what is running.
        self.stdout.write(
            f"INSP!R {__version__} worker {worker_id} started: "
            f"settings {settings.SETTINGS_MODULE}, "
            f"DEBUG {'on' if settings.DEBUG else 'off'}, "
            f"task queue {'database' if in_database else 'none (tasks run inline)'}, "
            f"schedule {'off' if options['no_scheduler'] else 'on'}."
        )
        self.stdout.flush()  # before the log lines, also where the output is a pipe

        scheduler = None
        if not options["no_scheduler"]:
            created = schedule_ensure_defaults()
            if created:
                self.stdout.write(f"Default jobs added to the schedule: {', '.join(created)}.")
                self.stdout.flush()
            close_old_connections()
            scheduler = Scheduler(options["schedule_interval"])
            scheduler.start()

        try:
            if in_database:
                worker = Worker(
                    queue_names=options["queue_name"].split(","),
                    interval=options["interval"],
                    batch=False,
                    backend_name=DEFAULT_TASK_BACKEND_ALIAS,
                    startup_delay=True,
                    max_tasks=None,
                    worker_id=worker_id,
                    excluded_queue_names=[],
                )
                worker.configure_signals()
                worker.run()
            elif scheduler is not None:
                # No queue to serve (TASKS_BACKEND is not "database"): the schedule alone,
                # its jobs run inline by the scheduler.
                scheduler.join()
        finally:
            if scheduler is not None:
                scheduler.stopped.set()
