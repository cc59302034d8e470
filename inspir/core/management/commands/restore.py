from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from inspir.core.backup import RestoreRefusedError, backup_restore


class Command(BaseCommand):
    help = "Restore a backup written by `backup` into a migrated, empty database."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        if not file.exists():
            raise CommandError(f"{file} does not exist.")
        try:
            counts = backup_restore(file)
        except RestoreRefusedError as refused:
            raise CommandError(str(refused)) from refused
        self.stdout.write(f"Restored {sum(counts.values())} rows of {len(counts)} tables.")
