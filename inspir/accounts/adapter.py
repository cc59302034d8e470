import datetime
import time
from typing import Any

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import context as allauth_context
from allauth.mfa.models import Authenticator
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest

from inspir.core.mail import send_email


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: coordinators create accounts (invitations come later)."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """Someone setting up their first second factor right after logging in is not asked
        for the password again: a new coordinator goes from the log-in straight to the
        authenticator app and its recovery codes. Changing a factor that existed before this
        session still asks for it (allauth's rule)."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        return not self._first_factor_moments_after_log_in()

    def _first_factor_moments_after_log_in(self) -> bool:
        request = self.request or allauth_context.request
        if request is None or not request.user.is_authenticated:
            return False
        records = get_authentication_records(request, request.user)
        if not records:
            return False
        logged_in_at, latest = records[0].get("at", 0), records[-1].get("at", 0)
        if time.time() - latest >= account_settings.REAUTHENTICATION_TIMEOUT:
            return False
        earlier_factors = Authenticator.objects.filter(
            user=request.user,
            created_at__lt=datetime.datetime.fromtimestamp(logged_in_at, tz=datetime.UTC),
        )
        return not earlier_factors.exists()

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
