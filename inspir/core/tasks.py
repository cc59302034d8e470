"""Background work shared by every app."""

from typing import Any

from django.tasks import task


@task
def email_deliver(outgoing_id: int | None = None, **earlier_form: Any) -> str:
    """Deliver one recorded e-mail (`inspir.core.models.OutgoingEmail`), at most once.
    Queued so that a slow or unreachable mail server never slows a page down; inline in the
    demo and the tests. See `inspir.core.mail`."""
    from inspir.core.mail import deliver, send_email

    if outgoing_id is None:
        # A task queued before an upgrade, carrying the message itself (subject, body,
        # recipients, attachments): record it, so that it goes out like any other.
        rows = send_email(
            subject=earlier_form["subject"],
            body=earlier_form["body"],
            recipients=earlier_form["recipients"],
            attachments=[tuple(a) for a in earlier_form.get("attachments") or ()],
        )
        return f"recorded as {', '.join(str(row.pk) for row in rows)}"
    return deliver(outgoing_id)


def enqueue_with_change(task_to_run: Any, *args: Any) -> None:
    """Queue `task_to_run(*args)` with the change being written: in the same transaction when
    the queue is a table of this database (the change and its task are committed together,
    or neither), else once the transaction has committed (so nothing runs for a change that
    rolls back). See docs/decisions/0006-task-queue.md."""
    from django.db import transaction
    from django_tasks_db import DatabaseBackend

    if isinstance(task_to_run.get_backend(), DatabaseBackend):
        task_to_run.enqueue(*args)
    else:
        transaction.on_commit(lambda: task_to_run.enqueue(*args))
