"""The annual report's background work (docs/decisions/0006-task-queue.md)."""

from django.tasks import task


@task
def edition_render(edition_id: int) -> str:
    """Lay out one edition's PDF from its frozen data (`services.edition_render_run`)."""
    from inspir.reports.services import edition_render_run

    return edition_render_run(edition_id=edition_id)
