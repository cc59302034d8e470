"""Background work shared by every app."""

from django.tasks import task


@task
def email_deliver(outgoing_id: int) -> str:
    """Deliver one recorded e-mail (`inspir.core.models.OutgoingEmail`), at most once.
    Queued so that a slow or unreachable mail server never slows a page down; inline in the
    demo and the tests. See `inspir.core.mail`."""
    from inspir.core.mail import deliver

    return deliver(outgoing_id)
