import gzip
import io
import json
import os
import stat
import tarfile
from datetime import UTC, datetime, timedelta

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import generate_totp_secret
from cryptography.fernet import Fernet
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError

from inspir.accounts.models import User
from inspir.accounts.tests.factories import UserFactory, add_second_factor
from inspir.core.audit import audit_log
from inspir.core.backup import backup_name, row_counts
from inspir.core.encryption import decrypt_secret
from inspir.core.models import AuditEntry
from inspir.governance.models import AgendaDocument
from inspir.governance.tests.factories import AgendaItemFactory
from inspir.network.models import Organisation

KEY = Fernet.generate_key().decode()
OTHER_KEY = Fernet.generate_key().decode()
DOCUMENT = b"%PDF-1.7 minutes of the 2020 general assembly"


@pytest.fixture(autouse=True)
def media_directory(settings, tmp_path):
    """Uploaded files in a directory of the test's own, as the default local storage keeps
    them, whatever the settings profile."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    return tmp_path / "media"


def add_document() -> AgendaDocument:
    return AgendaDocument.objects.create(
        item=AgendaItemFactory(),
        title="Minutes",
        file=ContentFile(DOCUMENT, name="minutes.pdf"),
        original_name="minutes.pdf",
        content_type="application/pdf",
        size=len(DOCUMENT),
    )


def empty_everything(document: AgendaDocument | None = None) -> None:
    """What a new server holds before the restore: a migrated, empty database and storage."""
    if document is not None:
        default_storage.delete(document.file.name)
    call_command("flush", interactive=False)
    assert sum(row_counts().values()) == 0


def clear_content(path) -> bytes:
    """Everything an unencrypted backup holds, decompressed."""
    with gzip.open(path, "rb") as handle:
        return handle.read()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("key", [None, KEY], ids=["clear", "encrypted"])
@pytest.mark.parametrize("storage", ["directory", "not a directory"])
def test_a_backup_restores_every_row_and_uploaded_file_into_an_empty_database(
    tmp_path, demo, settings, key, storage
):
    settings.BACKUP_ENCRYPTION_KEYS = [key] if key else []
    if storage == "not a directory":
        # Files reached through the storage API alone, as in an S3 bucket.
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        }
    wsm = Organisation.objects.get(slug="wsm")
    audit_log(action="network.organisation.updated", actor=None, obj=wsm, changes={"a": [1, 2]})
    document = add_document()
    before = row_counts()
    description = wsm.description
    backup = tmp_path / "inspir.backup"

    call_command("backup", str(backup))
    empty_everything(document)
    assert not default_storage.exists(document.file.name)
    call_command("restore", str(backup))

    assert row_counts() == before
    assert Organisation.objects.get(slug="wsm").description == description
    assert AuditEntry.objects.filter(action="network.organisation.updated").count() == 1
    restored = AgendaDocument.objects.get()
    with restored.file.open("rb") as handle:
        assert handle.read() == DOCUMENT
    # New rows still get fresh keys after the restore (sequences were moved on).
    audit_log(action="core.test", actor=None)


@pytest.mark.django_db
def test_restoring_over_existing_data_is_refused(tmp_path, demo):
    backup = tmp_path / "inspir.backup"
    call_command("backup", str(backup))

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(backup))


@pytest.mark.django_db
@pytest.mark.parametrize("key", [None, KEY], ids=["clear", "encrypted"])
def test_the_backup_file_is_readable_by_its_owner_only(tmp_path, settings, key):
    settings.BACKUP_ENCRYPTION_KEYS = [key] if key else []
    backups = tmp_path / "backups"
    backups.mkdir()
    backup = backups / "inspir.backup"
    backup.write_text("an older backup")
    backup.chmod(0o644)

    call_command("backup", str(backup))

    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert [entry.name for entry in backups.iterdir()] == ["inspir.backup"]


@pytest.mark.django_db
def test_an_encrypted_backup_shows_nothing_in_clear(tmp_path, settings):
    settings.BACKUP_ENCRYPTION_KEYS = [KEY]
    person = UserFactory(email="ana.perez@example.org")
    secret = add_second_factor(person)
    add_document()
    backup = tmp_path / "inspir.backup"

    call_command("backup", str(backup))

    content = backup.read_bytes()
    for clear in (b"ana.perez@example.org", secret.encode(), b"pbkdf2", b"md5$", DOCUMENT):
        assert clear not in content
    with pytest.raises(gzip.BadGzipFile):
        clear_content(backup)


@pytest.mark.django_db
def test_even_without_a_backup_key_no_authenticator_secret_is_in_clear(tmp_path, settings):
    settings.BACKUP_ENCRYPTION_KEYS = []
    person = UserFactory(email="ana.perez@example.org")
    secret = add_second_factor(person)
    seed = decrypt_secret(RecoveryCodes.activate(person).instance.data["seed"])
    backup = tmp_path / "inspir.backup"

    call_command("backup", str(backup))

    content = clear_content(backup)
    assert b"ana.perez@example.org" in content  # the search does see what is in clear
    assert secret.encode() not in content
    assert seed.encode() not in content


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("configured", "refusal"),
    [
        ([], "This backup is encrypted: set BACKUP_ENCRYPTION_KEY"),
        ([OTHER_KEY], "encrypted with another key"),
    ],
    ids=["no key", "wrong key"],
)
def test_an_encrypted_backup_is_refused_without_its_key_and_nothing_is_touched(
    tmp_path, settings, configured, refusal
):
    settings.BACKUP_ENCRYPTION_KEYS = [KEY]
    UserFactory()
    document = add_document()
    backup = tmp_path / "inspir.backup"
    call_command("backup", str(backup))
    empty_everything(document)

    settings.BACKUP_ENCRYPTION_KEYS = configured
    with pytest.raises(CommandError, match=refusal):
        call_command("restore", str(backup))

    assert sum(row_counts().values()) == 0
    assert not default_storage.exists(document.file.name)


@pytest.mark.django_db(transaction=True)
def test_an_altered_backup_is_refused_and_nothing_is_touched(tmp_path, settings):
    settings.BACKUP_ENCRYPTION_KEYS = [KEY]
    UserFactory()
    backup = tmp_path / "inspir.backup"
    call_command("backup", str(backup))
    content = bytearray(backup.read_bytes())
    content[len(content) // 2] ^= 1
    backup.write_bytes(bytes(content))
    empty_everything()

    with pytest.raises(CommandError, match="damaged or was altered"):
        call_command("restore", str(backup))

    assert sum(row_counts().values()) == 0


@pytest.mark.django_db(transaction=True)
def test_a_backup_cut_short_is_refused(tmp_path):
    UserFactory()
    backup = tmp_path / "inspir.backup"
    call_command("backup", str(backup))
    backup.write_bytes(backup.read_bytes()[:-20])
    empty_everything()

    with pytest.raises(CommandError, match="damaged or incomplete"):
        call_command("restore", str(backup))

    assert sum(row_counts().values()) == 0


@pytest.mark.django_db(transaction=True)
def test_backups_written_under_a_former_key_restore_once_a_new_key_comes_first(tmp_path, settings):
    settings.BACKUP_ENCRYPTION_KEYS = [OTHER_KEY]
    UserFactory(email="ana.perez@example.org")
    backup = tmp_path / "inspir.backup"
    call_command("backup", str(backup))
    empty_everything()

    settings.BACKUP_ENCRYPTION_KEYS = [KEY, OTHER_KEY]
    call_command("restore", str(backup))

    assert User.objects.filter(email="ana.perez@example.org").exists()


@pytest.mark.django_db(transaction=True)
def test_a_backup_of_the_first_format_still_restores_and_its_secrets_get_encrypted(tmp_path):
    """Backups written before uploaded files and encryption: the rows alone, in a .json.gz,
    authenticator secrets in clear."""
    person = UserFactory(email="ana.perez@example.org")
    secret = generate_totp_secret()
    Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP, data={"secret": secret})
    rows = io.StringIO()
    call_command("dumpdata", "accounts", "mfa", natural_foreign=True, stdout=rows)
    backup = tmp_path / "inspir-2026-01-01.json.gz"
    with gzip.open(backup, "wt", encoding="utf-8") as handle:
        handle.write(rows.getvalue())
    empty_everything()

    call_command("restore", str(backup))

    stored = Authenticator.objects.get(user__email="ana.perez@example.org").data["secret"]
    assert stored.startswith("fernet:")
    assert decrypt_secret(stored) == secret


@pytest.mark.django_db(transaction=True)
def test_a_backup_whose_authenticator_secrets_this_installation_cannot_read_is_undone(
    tmp_path, settings
):
    """Moving to a new server without bringing SECRETS_ENCRYPTION_KEY along would lock every
    coordinator out; the restore says so instead."""
    former = Fernet.generate_key().decode()
    settings.SECRETS_ENCRYPTION_KEYS = [former]
    add_second_factor(UserFactory())
    backup = tmp_path / "inspir.backup"
    call_command("backup", str(backup))
    empty_everything()
    settings.SECRETS_ENCRYPTION_KEYS = [KEY]

    with pytest.raises(CommandError, match="1 authenticator.*SECRETS_ENCRYPTION_KEY"):
        call_command("restore", str(backup))
    assert sum(row_counts().values()) == 0

    settings.SECRETS_ENCRYPTION_KEYS = [KEY, former]
    call_command("restore", str(backup))
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    stranger = tmp_path / "notes.txt"
    stranger.write_text("not a backup")

    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore", str(stranger))


@pytest.mark.django_db
def test_the_archive_lists_what_it_holds(tmp_path):
    document = add_document()
    backup = tmp_path / "inspir.backup"

    call_command("backup", str(backup))

    with tarfile.open(backup, "r:gz") as archive:
        names = archive.getnames()
        manifest = json.load(archive.extractfile("manifest.json"))
    assert names == ["manifest.json", "data.json", f"media/{document.file.name}"]
    assert manifest["format"] == "inspir-backup"
    assert manifest["rows"]["governance.agendadocument"] == 1
    assert manifest["files"] == [
        {"name": document.file.name, "field": "governance.agendadocument.file"}
    ]


@pytest.mark.django_db
def test_an_uploaded_file_missing_from_the_storage_is_reported_not_fatal(tmp_path, capsys):
    document = add_document()
    default_storage.delete(document.file.name)
    backup = tmp_path / "inspir.backup"

    call_command("backup", str(backup))

    assert f"missing from the storage, not backed up: {document.file.name}" in (
        capsys.readouterr().err
    )
    assert backup.exists()


@pytest.mark.django_db
def test_backups_in_a_directory_are_named_after_the_time_and_old_ones_deleted(
    tmp_path, settings, capsys
):
    backups = tmp_path / "backups"
    backups.mkdir()
    settings.BACKUP_DIR = str(backups)
    now = datetime.now(tz=UTC)
    old = backups / backup_name(now - timedelta(days=20), encrypted=False)
    recent = backups / backup_name(now - timedelta(days=3), encrypted=True)
    unrelated = backups / "inspir-by-hand.tar.gz"
    for path in (old, recent, unrelated):
        path.write_bytes(b"")
        os.utime(path, (0, 0))

    call_command("backup", "--keep-days", "14")

    written = sorted(set(backups.iterdir()) - {recent, unrelated})
    assert len(written) == 1 and written[0].name.endswith(".tar.gz")
    assert not old.exists()
    assert "NOT encrypted" in capsys.readouterr().out


@pytest.mark.django_db
def test_the_backup_directory_is_made_readable_by_the_service_only(tmp_path, settings):
    settings.BACKUP_DIR = str(tmp_path / "backups")

    call_command("backup")

    assert stat.S_IMODE((tmp_path / "backups").stat().st_mode) == 0o700
    assert len(list((tmp_path / "backups").iterdir())) == 1
