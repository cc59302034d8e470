from django.core.management.base import BaseCommand

from inspir.core.search import providers, rebuild_index


class Command(BaseCommand):
    help = (
        "Write the platform-wide search index again from the records themselves "
        "(after loading data without the application, e.g. bulk imports)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            action="append",
            choices=[provider.kind for provider in providers()],
            help="Only this kind of record (repeatable).",
        )

    def handle(self, *args, **options):
        counts = rebuild_index(options["kind"])
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count}")
        self.stdout.write(self.style.SUCCESS(f"{sum(counts.values())} entries written."))
