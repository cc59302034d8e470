from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from inspir.core.backup import BackupError, backup_name, backup_write, backups_prune


class Command(BaseCommand):
    help = (
        "Write every row of the platform (history and audit trail included) and every "
        "uploaded file to one file, readable by its owner only, encrypted when "
        "BACKUP_ENCRYPTION_KEY is set. Give a FILE, or --directory (default BACKUP_DIR) for a "
        "file named after the time, and --keep-days to delete that directory's older backups."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, nargs="?")
        parser.add_argument("--directory", type=Path, default=None)
        parser.add_argument("--keep-days", type=int, default=None)

    def handle(
        self,
        *args: Any,
        file: Path | None,
        directory: Path | None,
        keep_days: int | None,
        **options: Any,
    ) -> None:
        if file is not None and directory is not None:
            raise CommandError("Give a FILE or --directory, not both.")
        if file is None:
            directory = directory or (Path(settings.BACKUP_DIR) if settings.BACKUP_DIR else None)
            if directory is None:
                raise CommandError("Give a FILE, or --directory (or set BACKUP_DIR).")
            if not directory.exists():
                # Readable by the service only, like the backups in it.
                directory.mkdir(mode=0o700, parents=True)
            if not directory.is_dir():
                raise CommandError(f"{directory} is not a directory.")
            file = directory / backup_name(encrypted=bool(settings.BACKUP_ENCRYPTION_KEYS))
        elif keep_days is not None:
            raise CommandError("--keep-days only applies with --directory.")
        try:
            summary = backup_write(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for name in summary.missing_files:
            self.stderr.write(f"Uploaded file missing from the storage, not backed up: {name}")
        self.stdout.write(
            f"Wrote {sum(summary.rows.values())} rows of {len(summary.rows)} tables and "
            f"{summary.files} uploaded files ({summary.size} bytes, "
            f"{'encrypted' if summary.encrypted else 'NOT encrypted'}) to {file}."
        )
        if directory is not None:
            days = keep_days if keep_days is not None else settings.BACKUP_KEEP_DAYS
            for removed in backups_prune(directory, keep_days=days):
                self.stdout.write(f"Deleted {removed}, older than {days} days.")
