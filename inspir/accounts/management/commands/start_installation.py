from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from inspir.accounts.installation import (
    AdministratorStart,
    InstallationError,
    first_administrator_start,
    installation_refusals,
)
from inspir.network.founding import FoundingSummary, founding_network_load


class Command(BaseCommand):
    help = (
        "Prepare a new installation: the reference countries, the real network (its networks "
        "and the organisations the sources name, no examples) and the first administrator, "
        "who chooses a password through a single-use link and sets up a second factor at "
        "first log-in. Safe to run again: it creates no duplicates and changes nothing "
        "anyone edited."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--admin-email", required=True, help="e-mail address the administrator logs in with"
        )
        parser.add_argument("--admin-name", default="", help="the administrator's name")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="language of the pages the link opens (default: %(default)s)",
        )
        parser.add_argument(
            "--resend-link",
            action="store_true",
            help="the administrator exists: print a new link to set the password (earlier "
            "links stop working while no password has been chosen)",
        )

    def handle(self, *args, **options) -> None:
        refusals = installation_refusals()
        if refusals:
            raise CommandError(" ".join(refusals))
        try:
            with transaction.atomic():
                founding = founding_network_load()
                start = first_administrator_start(
                    email=options["admin_email"],
                    name=options["admin_name"],
                    language=options["language"],
                    resend_link=options["resend_link"],
                )
        except InstallationError as refused:
            raise CommandError(str(refused)) from refused
        self._report_network(founding)
        self._report_administrator(start, options["language"])

    def _report_network(self, founding: FoundingSummary) -> None:
        self.stdout.write(f"Countries: {founding.countries} (reference data, up to date).")
        self.stdout.write(
            f"Networks: {founding.networks} ({founding.networks_created} created now). "
            f"Organisations named by the sources: {founding.organisations} "
            f"({founding.organisations_created} created now)."
        )

    def _report_administrator(self, start: AdministratorStart, language: str) -> None:
        email = start.user.email
        if start.created:
            role = (
                f", coordinator of {start.coordinates.name}"
                if start.coordinates is not None
                else ""
            )
            self.stdout.write(
                self.style.SUCCESS(
                    f"Administrator {email} created (staff{role}), with no password yet."
                )
            )
        elif start.link is not None:
            self.stdout.write(f"The administrator {email} already exists: here is a new link.")
        link = start.link
        if link is None:
            self.stdout.write(
                f"The administrator {email} already exists: nothing new was created for them. "
                "To print a new link to set their password, run this command again with "
                "--resend-link."
            )
            return
        with translation.override(language):
            login_url = f"{settings.SITE_URL}{reverse('account_login')}"
        self.stdout.write(
            "\nTo choose the administrator's password, open this link. It works once and "
            f"expires on {link.expires_at:%Y-%m-%d %H:%M} UTC. Anyone who has it can set "
            "the password: give it to the administrator only.\n\n"
            f"    {link.url}\n\n"
        )
        self.stdout.write(
            "Next steps:\n"
            "  1. Open the link and choose a password (the link is then used up).\n"
            f"  2. Log in at {login_url} with {email} and that password.\n"
            "  3. The platform then has you set up a second factor before anything else: "
            "scan the code with an authenticator app, enter the six-digit code it shows, and "
            "keep the recovery codes it lists somewhere safe. No internal page opens "
            "before.\n"
            "  4. Check the networks and organisations (some names are to confirm, and the "
            "sources give no dates or figures), then invite the coordinators from the "
            "network pages.\n"
            "Link lost or expired? Run this command again with --resend-link.\n"
            f"The links are built on SITE_URL ({settings.SITE_URL}): if people reach the "
            "platform at another address, set SITE_URL and ask for a new link."
        )
