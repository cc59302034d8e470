from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from inspir.core.backup import RestoreRefusedError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup written by `backup` (rows and uploaded files; decrypted with "
        "BACKUP_ENCRYPTION_KEY if it is encrypted) into a migrated, empty database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        if not file.is_file():
            raise CommandError(f"{file} does not exist.")
        try:
            summary = backup_restore(file)
        except RestoreRefusedError as refused:
            raise CommandError(f"{refused} Nothing was restored.") from refused
        self.stdout.write(
            f"Restored {sum(summary.rows.values())} rows of {len(summary.rows)} tables and "
            f"{summary.files} uploaded files."
        )
