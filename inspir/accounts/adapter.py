from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest

from inspir.core.mail import send_email


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: coordinators create accounts (invitations come later)."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """allauth's own e-mails (password reset, security notices) go out like every other
        e-mail of the platform: recorded, delivered once, retried, and visible if they fail.
        The message is built by allauth exactly as it would send it."""
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        message = self.render_mail(template_prefix, email, ctx)
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        send_email(
            subject=str(message.subject),
            body=str(message.body),
            html_body=str(html),
            recipients=list(message.to),
            from_email=str(message.from_email or ""),
            topic="accounts." + template_prefix.rsplit("/", 1)[-1],
        )
