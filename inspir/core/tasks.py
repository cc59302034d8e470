"""Background work shared by every app."""

from django.core.mail import EmailMessage
from django.tasks import task


@task
def email_deliver(
    *,
    subject: str,
    body: str,
    recipients: list[str],
    attachments: list[tuple[str, str, str]] | None = None,
) -> None:
    """Send one e-mail, with text attachments given as (file name, content, MIME type).
    Queued so that a slow or unreachable mail server never slows a page down, and so that
    the worker can retry; inline in the demo and the tests."""
    message = EmailMessage(subject, body, None, recipients)
    for filename, content, mimetype in attachments or ():
        message.attach(filename, content, mimetype)
    message.send()
