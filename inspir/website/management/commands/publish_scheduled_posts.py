from typing import Any

from django.core.management.base import BaseCommand

from inspir.website import services


class Command(BaseCommand):
    help = (
        "Publish the scheduled news posts whose moment has come, and make the public pages "
        "that list them current. The worker's schedule runs it every minute."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        published = services.posts_publish_due()
        self.stdout.write(f"posts published: {published}")
