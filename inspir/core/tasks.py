"""Background work shared by every app."""

from django.core.mail import send_mail
from django.tasks import task


@task
def email_deliver(*, subject: str, body: str, recipients: list[str]) -> None:
    """Send one e-mail. Queued so that a slow or unreachable mail server never slows a page
    down, and so that the worker can retry; inline in the demo and the tests."""
    send_mail(subject, body, None, recipients)
