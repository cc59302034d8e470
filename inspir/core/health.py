"""The platform's health, for a load balancer and for monitoring (`/health/`).

Four components, each `ok`, `degraded` (working around a problem, someone should look) or
`failing` (not doing its job), with a short reason and a few figures:

- `database`: answers a query. The only one the platform cannot do without: the endpoint
  answers 503 when it fails, 200 otherwise, so that a load balancer keeps a server whose
  cache or mail is in trouble (it still serves pages);
- `cache`: Redis takes a value and gives it back. Unreachable is `degraded`: pages are then
  rendered uncached and log-in limits held per process (inspir/core/cache.py);
- `queue`: the oldest task waiting for the worker (django_tasks_db's table) has waited less
  than HEALTH_QUEUE_MAX_AGE seconds; longer means no worker is taking tasks: `failing`;
- `mail`: no message has waited longer than HEALTH_MAIL_MAX_AGE seconds to be sent (else the
  mail server has refused it that long: `failing`), and none failed or is uncertain without
  someone having dealt with it (else `degraded`: see the list of undelivered mail).

The overall status is the worst of the four. Reasons are fixed sentences: never an error's
text, an address or a name."""

import datetime
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.db.models import Case, F, Min, When
from django.db.models.functions import Greatest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from inspir.core.cache import DegradingRedisCache

logger = logging.getLogger(__name__)

OK, DEGRADED, FAILING = "ok", "degraded", "failing"
SEVERITY = {OK: 0, DEGRADED: 1, FAILING: 2}


@dataclass(frozen=True)
class Component:
    status: str
    reason: str = ""
    figures: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {"status": self.status, **({"reason": self.reason} if self.reason else {}),
                **self.figures}  # fmt: skip


@dataclass(frozen=True)
class Report:
    components: dict[str, Component]

    @property
    def status(self) -> str:
        return max((c.status for c in self.components.values()), key=SEVERITY.__getitem__)

    @property
    def serving(self) -> bool:
        """Whether this server can serve pages: its database answers."""
        return self.components["database"].status != FAILING

    def as_dict(self, detailed: bool) -> dict[str, object]:
        if not detailed:
            return {"status": self.status}
        return {
            "status": self.status,
            "components": {name: c.as_dict() for name, c in self.components.items()},
        }


def check_database() -> Component:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check: the database does not answer", exc_info=True)
        return Component(FAILING, "the database does not answer")
    return Component(OK)


def check_cache() -> Component:
    backend = caches["default"]
    if isinstance(backend, DegradingRedisCache):
        if backend.probe():
            return Component(OK)
        return Component(
            DEGRADED,
            "Redis does not answer: pages are rendered uncached, log-in limits are held in "
            "each process",
        )
    # A cache in the process's own memory (a single-process installation, the demo).
    key = f"health-probe:{uuid.uuid4().hex}"
    try:
        backend.set(key, "ok", 10)
        answered = backend.get(key) == "ok"
        backend.delete(key)
    except Exception:
        logger.warning("Health check: the cache fails", exc_info=True)
        answered = False
    if not answered:
        return Component(FAILING, "the cache does not give back what it stores")
    return Component(OK)


def _age(since: datetime.datetime | None, now: datetime.datetime) -> int:
    return max(0, int((now - since).total_seconds())) if since else 0


def check_queue(now: datetime.datetime) -> Component:
    # A task is waiting from when it was queued, or from the time it was to run after.
    waiting_since = Case(
        When(run_after=get_date_max(), then=F("enqueued_at")),
        default=Greatest("run_after", "enqueued_at"),
    )
    oldest = DBTaskResult.objects.ready().aggregate(oldest=Min(waiting_since))["oldest"]
    threshold = settings.HEALTH_QUEUE_MAX_AGE
    figures = {"oldest_waiting_seconds": _age(oldest, now), "threshold_seconds": threshold}
    if figures["oldest_waiting_seconds"] > threshold:
        return Component(FAILING, "tasks are waiting: is the worker running?", figures)
    return Component(OK, "", figures)


def check_mail(now: datetime.datetime) -> Component:
    from inspir.core.mail import delivery_summary

    summary = delivery_summary(now)
    threshold = settings.HEALTH_MAIL_MAX_AGE
    figures = {
        "waiting": summary["waiting"],
        "oldest_waiting_seconds": summary["oldest_waiting_seconds"],
        "threshold_seconds": threshold,
        "failed": summary["failed"],
        "uncertain": summary["uncertain"],
    }
    if summary["oldest_waiting_seconds"] > threshold:
        return Component(
            FAILING, "messages are waiting to be sent: is the mail server reachable?", figures
        )
    if summary["failed"] or summary["uncertain"]:
        return Component(
            DEGRADED, "some messages were not delivered: see the undelivered mail", figures
        )
    return Component(OK, "", figures)


def _needing_the_database(check: Callable[[], Component], database: Component) -> Component:
    if database.status == FAILING:
        return Component(FAILING, "cannot be checked: the database does not answer")
    try:
        return check()
    except DatabaseError:
        logger.warning("Health check: a query failed", exc_info=True)
        return Component(FAILING, "cannot be checked: the database does not answer")


def health_report() -> Report:
    now = timezone.now()
    database = check_database()
    return Report(
        {
            "database": database,
            "cache": check_cache(),
            "queue": _needing_the_database(lambda: check_queue(now), database),
            "mail": _needing_the_database(lambda: check_mail(now), database),
        }
    )
