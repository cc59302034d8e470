from django.core.management.base import BaseCommand

from inspir.demo import data


class Command(BaseCommand):
    help = "Print the demo log-ins: persona, e-mail, password and what each one can do."

    def handle(self, *args, **options):
        rows = [("Persona", "E-mail", "Password", "Can")]
        rows += [
            (login.persona, login.email, data.DEMO_PASSWORD, login.can)
            for login in data.DEMO_LOGINS
        ]
        rows.append((data.PUBLIC_VISITOR[0], "-", "-", data.PUBLIC_VISITOR[1]))
        widths = [max(len(row[column]) for row in rows) for column in range(3)]

        def line(row: tuple[str, ...]) -> str:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            return "  ".join([*cells, row[3]])

        self.stdout.write(
            self.style.MIGRATE_HEADING("Demo log-ins (log in at /en/accounts/login/)")
        )
        self.stdout.write(line(rows[0]))
        self.stdout.write("  ".join("-" * width for width in [*widths, len(rows[0][3])]))
        for row in rows[1:]:
            self.stdout.write(line(row))
        self.stdout.write(
            "\nCoordinators and the administrator also give a two-factor code: add the secret "
            f"{data.DEMO_TOTP_SECRET} to an authenticator app, or run `.venv/bin/python "
            "manage.py demo_code` for the current code."
        )
