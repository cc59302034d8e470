import datetime
import time
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import context as allauth_context
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest

from inspir.accounts.emails import ALLAUTH_KIND, allauth_json
from inspir.core.i18n import current_language
from inspir.core.mail import notify
from inspir.core.mail_kinds import Recipient
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

    def format_email_subject(self, subject: str) -> str:
        """allauth's subject prefix names the site at `SITE_URL`, not the host of a request:
        the worker renders these e-mails with no request at hand."""
        prefix = account_settings.EMAIL_SUBJECT_PREFIX
        if prefix is None:
            prefix = f"[{urlsplit(settings.SITE_URL).netloc}] "
        return prefix + str(subject)

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """allauth's own e-mails (password reset, security notices) go out like every other
        e-mail of the platform: asked for in the transaction of the change, rendered by the
        worker in the language of the page that asked (`inspir.accounts.emails`), delivered
        once, retried, and visible if they fail. Their links (`password_reset_url`,
        `activate_url`, …) are put on `SITE_URL` here."""
        values = {
            key: on_site(value) if key.endswith("_url") and isinstance(value, str) else value
            for key, value in context.items()
        }
        notify(
            kind=ALLAUTH_KIND,
            recipients=[Recipient(address=email, language=current_language())],
            context={"template": template_prefix, "values": allauth_json(values)},
            topic="accounts." + template_prefix.rsplit("/", 1)[-1],
        )
