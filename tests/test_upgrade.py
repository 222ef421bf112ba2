"""Updating the app: migrations back the vault up first and refuse a vault from a newer
version (records/schema.py migrate, records/upgrade.py); a vault written by version 0.1.0
(tests/fixtures/vault-0.1.0.tar.gz, made by tests/fixtures/make_vault_010.py) opens upgraded."""
import tarfile
from pathlib import Path

import pytest

from conftest import PASSPHRASE
from flows.documents import job_pdf
from records import audit, backup, schema, upgrade
from records.errors import NotFound
from records.printing import PrintJob
from records.vault import DB_NAME, Vault, connect
from safety.safety_helpers import cli, snapshot

FIXTURE = Path(__file__).with_name("fixtures") / "vault-0.1.0.tar.gz"
PASSPHRASE_010 = "old version passphrase"
LAST = "0006_kept_code_hashes"
IN_0_1_0 = ("0001_initial", "0002_exports", "0003_print_queue", "0004_scale_indexes",
            "0005_shift_indexes", LAST)  # the migrations version 0.1.0 had


def applied(db) -> list[str]:
    return [m.name for m in schema.migrations.applied(db)]


def roll_back_last_migration(vault) -> None:
    """Make the vault look as a version before LAST left it (LAST's index gone, not recorded)."""
    path, key = vault.path, vault.data_key
    vault.lock()
    db = connect(path / DB_NAME, key)
    db.execute("DROP INDEX clients_kept_hash")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [LAST])
    db.close()


def test_pending_migrations_run_after_a_backup_of_the_vault_as_it_was(vault_dir, vault):
    key = vault.data_key
    roll_back_last_migration(vault)
    opened = Vault.open(vault_dir, "Nora Nurse", PASSPHRASE)
    try:
        assert applied(opened.db)[-1] == LAST
        made = backup.backups_in(upgrade.folder_for(vault_dir))
        assert len(made) == 1 and made[0].parent.name == "vault-before-upgrades"
        backup.read_manifest(made[0])  # complete, hashes match
        copy = connect(made[0] / DB_NAME, key)
        try:
            assert LAST not in applied(copy)  # the vault as it was before the upgrade
        finally:
            copy.close()
        assert upgrade.folder_for(vault_dir).resolve() in backup.known_locations(vault_dir)
        actions = [r[0] for r in opened.db.execute("SELECT action FROM audit ORDER BY seq")]
        assert actions[-1] == "backup"
    finally:
        opened.lock()
    again = Vault.open(vault_dir, "Nora Nurse", PASSPHRASE)  # up to date: no second backup
    assert len(backup.backups_in(upgrade.folder_for(vault_dir))) == 1
    roll_back_last_migration(again)  # the next update: a second backup beside the first
    Vault.open(vault_dir, "Nora Nurse", PASSPHRASE).lock()
    assert len(backup.backups_in(upgrade.folder_for(vault_dir))) == 2


def test_a_new_or_current_vault_makes_no_upgrade_backup(vault_dir, vault):
    vault.lock()
    Vault.open(vault_dir, "Nora Nurse", PASSPHRASE).lock()
    assert not upgrade.folder_for(vault_dir).exists()


def test_a_failed_backup_stops_the_upgrade_with_nothing_changed(vault_dir, vault):
    roll_back_last_migration(vault)
    upgrade.folder_for(vault_dir).write_text("not a folder")
    before = snapshot(vault_dir)
    with pytest.raises(NotFound, match="backup made before it failed, so nothing was changed"):
        Vault.open(vault_dir, "Nora Nurse", PASSPHRASE)
    assert snapshot(vault_dir) == before


def test_a_vault_from_a_newer_version_is_refused_untouched(vault_dir, vault):
    vault.db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('clinic', '9999_from_the_future', '2030-01-01')")
    vault.lock()
    before = snapshot(vault_dir)
    with pytest.raises(schema.VaultTooNew, match="newer version.*9999_from_the_future"):
        Vault.open(vault_dir, "Nora Nurse", PASSPHRASE)
    assert snapshot(vault_dir) == before
    done = cli("check", "--data-dir", str(vault_dir), "--passphrase-file", "-",
               stdin=PASSPHRASE + "\n")
    assert done.returncode == 1
    assert done.stderr.startswith("error: this vault was written by a newer version")
    assert len(done.stderr.splitlines()) == 1
    assert snapshot(vault_dir) == before
    assert not upgrade.folder_for(vault_dir).exists()


def test_a_vault_made_by_version_0_1_0_opens_upgraded(tmp_path):
    with tarfile.open(FIXTURE) as tar:
        tar.extractall(tmp_path, filter="data")
    folder = tmp_path / "vault-0.1.0"
    vault = Vault.open(folder, "Amélie Côté", PASSPHRASE_010)
    try:
        now = applied(vault.db)
        assert now[:len(IN_0_1_0)] == list(IN_0_1_0) and not schema.migrations.pending(vault.db)
        made = backup.backups_in(upgrade.folder_for(folder))
        # Migrations added since 0.1.0 ran after one backup (none added: no backup).
        assert len(made) == (1 if len(now) > len(IN_0_1_0) else 0)
        names = [r[0] for r in vault.db.execute("SELECT name FROM clients ORDER BY id")]
        assert names == ["Zoë Ñúñez", "Rosa", "Blue"]
        counts = {t: vault.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("visits", "referrals", "incidents", "shifts", "directory")}
        assert counts == {"visits": 3, "referrals": 1, "incidents": 1, "shifts": 1,
                          "directory": 1}
        assert vault.settings.van_name == "Night Van"
        backup.check(vault)
        assert audit.verify(vault.db, audit.recorded_heads(vault.db)).ok
        visit_id = vault.db.execute("SELECT id FROM visits WHERE client_id = 1").fetchone()[0]
        assert job_pdf(vault, PrintJob("visit", visit_id, "client")).startswith(b"%PDF")
    finally:
        vault.lock()
