import datetime
import time
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import context as allauth_context
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest

from inspir.core.mail import send_email
from inspir.core.site import site_url


def on_site(url: str) -> str:
    """The same address on the configured site URL: a link in an e-mail leads to where people
    reach the platform (`SITE_URL`), not to whichever host name the request that caused the
    message happened to use."""
    parts = urlsplit(url)
    if not (parts.scheme and parts.netloc):
        return url
    return site_url(urlunsplit(("", "", parts.path, parts.query, parts.fragment)))


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
        The message is built by allauth exactly as it would send it, except that its links
        (`password_reset_url`, `activate_url`, …) and the site it names are on `SITE_URL`."""
        request = allauth_context.request
        domain = urlsplit(settings.SITE_URL).netloc
        site = SimpleNamespace(domain=domain, name=domain)
        ctx: dict[str, Any] = {"request": request, "email": email, "current_site": site}
        ctx.update(context)
        for key, value in ctx.items():
            if key.endswith("_url") and isinstance(value, str):
                ctx[key] = on_site(value)
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
