from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from inspir.core.backup import backup_write


class Command(BaseCommand):
    help = "Write every row of the platform (history and audit trail included) to FILE.json.gz."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        if not file.name.endswith(".json.gz"):
            raise CommandError("The backup file name must end with .json.gz")
        counts = backup_write(file)
        self.stdout.write(f"Wrote {sum(counts.values())} rows of {len(counts)} tables to {file}.")
