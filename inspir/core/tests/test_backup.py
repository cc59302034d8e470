import gzip
import stat

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from inspir.core.audit import audit_log
from inspir.core.backup import row_counts
from inspir.network.models import Organisation


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_every_row_into_an_empty_database(tmp_path, demo):
    wsm = Organisation.objects.get(slug="wsm")
    audit_log(action="network.organisation.updated", actor=None, obj=wsm, changes={"a": [1, 2]})
    before = row_counts()
    description = wsm.description_fr
    backup = tmp_path / "inspir.json.gz"

    call_command("backup", str(backup))
    call_command("flush", interactive=False)
    assert sum(row_counts().values()) == 0
    call_command("restore", str(backup))

    assert row_counts() == before
    assert Organisation.objects.get(slug="wsm").description_fr == description
    assert before["core.auditentry"] == 1
    # New rows still get fresh keys after the restore (sequences were moved on).
    audit_log(action="core.test", actor=None)


@pytest.mark.django_db
def test_restoring_over_existing_data_is_refused(tmp_path, demo):
    backup = tmp_path / "inspir.json.gz"
    call_command("backup", str(backup))

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(backup))


@pytest.mark.django_db
def test_the_backup_file_is_readable_by_its_owner_only(tmp_path):
    backup = tmp_path / "inspir.json.gz"
    backup.write_text("an older backup")
    backup.chmod(0o644)

    call_command("backup", str(backup))

    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with gzip.open(backup, "rt", encoding="utf-8") as handle:
        assert handle.read().startswith("[")
