from django.core.management.base import BaseCommand

from inspir.network.reference import COUNTRIES_CSV, countries_sync


class Command(BaseCommand):
    help = "Create or update the countries (and their IANA time zones) from the reference CSV."

    def handle(self, *args, **options):
        count = countries_sync()
        self.stdout.write(self.style.SUCCESS(f"{count} countries synced from {COUNTRIES_CSV.name}"))
