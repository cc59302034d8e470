from django.core.management.base import BaseCommand, CommandError

from inspir.demo.guard import refuse_outside_demo
from inspir.demo.scale import build_scaled


class Command(BaseCommand):
    help = (
        "Make the demo network N times bigger with invented copies of its organisations, "
        "memberships and people (for query-count tests and benchmarks). Run load_demo first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=int, default=10, help="How many times the demo.")

    def handle(self, *args, factor: int, **options):
        refuse_outside_demo()
        try:
            summary = build_scaled(factor)
        except (ValueError, LookupError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {summary.copies} copies: {summary.organisations} organisations, "
                f"{summary.memberships} memberships, {summary.people} people."
            )
        )
