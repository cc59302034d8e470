"""The newsletter's background work (docs/decisions/0006-task-queue.md)."""

from django.tasks import task


@task
def issue_send(issue_id: int) -> str:
    """Hand every delivery of an issue being sent to core.mail; run again, it continues
    where it stopped (see `inspir.newsletters.services.issues`)."""
    from inspir.newsletters.services.issues import issue_send_run

    return issue_send_run(issue_id=issue_id)
