import time

from django.core.management.base import BaseCommand

from inspir.core.search import rebuild_index
from inspir.demo.guard import refuse_outside_demo
from inspir.demo.loader import load_demo
from inspir.network.selectors import key_figures


class Command(BaseCommand):
    help = (
        "Load the demo network (INSP!R in 2020) with its demo log-ins. "
        "Safe to run again: it updates the demo rows and creates no duplicates."
    )

    def handle(self, *args, **options):
        refuse_outside_demo()
        started = time.perf_counter()
        summary = load_demo()
        # Whatever the load wrote without the application's signals is found too.
        rebuild_index()
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"{summary.countries} countries, {summary.networks} networks, "
            f"{summary.organisations} organisations, {summary.memberships} memberships, "
            f"{summary.people} people, {summary.logins} log-ins"
        )
        figures = key_figures()
        self.stdout.write(
            "Key figures: "
            + ", ".join(f"{figure.key}={figure.value}" for figure in figures.as_list())
        )
        self.stdout.write(self.style.SUCCESS(f"Demo network loaded in {elapsed:.2f} s."))
