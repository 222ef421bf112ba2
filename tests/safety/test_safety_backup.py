"""5. Backups and restore: encrypted, verified, named by date, rolling; restore checks
before it replaces anything, is audited, and never silently brings a removed slot back."""
import json
import re
import shutil
from datetime import datetime, timedelta, timezone

import pytest
from conftest import FAST_KDF, PASSPHRASE
from safety_helpers import cli, flip_byte, snapshot

from records import audit, backup, clients, rekey, restore, settings, staff
from records.errors import NotFound, UnknownStaff, VaultDamaged, WrongPassphrase
from records.keyfile import KeyFile
from records.vault import DB_NAME, KEY_NAME, SQLITE_PLAIN_HEADER, Vault, connect

NAME = re.compile(r"^van-clinic-backup-\d{4}-\d{2}-\d{2}_\d{6}$")


def _names(vault):
    return sorted(c[0] for c in vault.db.execute("SELECT name FROM clients"))


@pytest.mark.slow
def test_cli_backup_and_restore_round_trip(vault, vault_dir, tmp_path):
    clients.register(vault, "Before Backup")
    vault.lock()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    usb = tmp_path / "usb"
    made = cli("backup", "--data-dir", str(vault_dir), "--passphrase-file", str(pw),
               "--to", str(usb))
    assert made.returncode == 0, made.stderr
    [folder] = list(usb.iterdir())
    assert NAME.match(folder.name)
    assert sorted(p.name for p in folder.iterdir()) == ["manifest.json", DB_NAME, KEY_NAME]
    assert not (folder / DB_NAME).read_bytes().startswith(SQLITE_PLAIN_HEADER)
    assert all((p.stat().st_mode & 0o777) == 0o600 for p in folder.iterdir())
    assert b"Before Backup" not in (folder / DB_NAME).read_bytes()

    vault = Vault.open(vault_dir, None, PASSPHRASE)
    clients.register(vault, "After Backup")
    assert vault.db.execute("SELECT action FROM audit ORDER BY seq DESC LIMIT 1 OFFSET 1"
                            ).fetchone()[0] == "backup"
    vault.lock()

    done = cli("restore", "--from", str(folder), "--data-dir", str(vault_dir),
               "--passphrase-file", str(pw))
    assert done.returncode == 0, done.stderr
    assert "restored" in done.stdout
    vault = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        assert _names(vault) == ["Before Backup"]
        last = vault.db.execute("SELECT action, detail FROM audit ORDER BY seq DESC").fetchone()
        assert last == ("restore", folder.name)
        assert audit.verify(vault.db).ok
    finally:
        vault.lock()
    assert not list(tmp_path.glob(".vault.*")), "no staging folder left behind"
    [kept] = list(tmp_path.glob("vault.replaced-*"))
    assert f"kept in {kept}" in done.stdout
    check = cli("check", "--data-dir", str(vault_dir), "--passphrase-file", str(pw))
    assert check.returncode == 0 and "intact" in check.stdout, check.stderr


def test_restore_refuses_a_damaged_backup_and_touches_nothing(vault, vault_dir, tmp_path):
    made = backup.write_backup(vault, tmp_path / "usb")
    vault.lock()
    before = snapshot(vault_dir)
    flip_byte(made / DB_NAME, 3000)
    with pytest.raises(VaultDamaged, match="damaged"):
        restore.restore_backup(made, vault_dir, None, PASSPHRASE)
    assert snapshot(vault_dir) == before


def test_restore_checks_integrity_not_only_the_manifest(vault, vault_dir, tmp_path):
    made = backup.write_backup(vault, tmp_path / "usb")
    vault.lock()
    before = snapshot(vault_dir)
    flip_byte(made / DB_NAME, (made / DB_NAME).stat().st_size - 300)
    manifest = json.loads((made / "manifest.json").read_text())
    manifest["db_sha256"] = backup._sha256(made / DB_NAME)  # a forger recomputes the hash
    (made / "manifest.json").write_text(json.dumps(manifest))
    # Refused when the copy is opened or at the full check, whichever meets the damage first.
    with pytest.raises(VaultDamaged, match="integrity check|damaged"):
        restore.restore_backup(made, vault_dir, None, PASSPHRASE)
    assert snapshot(vault_dir) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_restore_with_wrong_passphrase_touches_nothing(vault, vault_dir, tmp_path):
    made = backup.write_backup(vault, tmp_path / "usb")
    vault.lock()
    before = snapshot(vault_dir)
    with pytest.raises(WrongPassphrase):
        restore.restore_backup(made, vault_dir, None, "not the passphrase")
    assert snapshot(vault_dir) == before


def test_restore_removes_slots_removed_since_the_backup_and_says_so(vault, vault_dir, tmp_path):
    olly = staff.add(vault, "Olly Outreach", "outreach", "olly passphrase", kdf=FAST_KDF)
    made = backup.write_backup(vault, tmp_path / "usb")
    old_keys = (made / KEY_NAME).read_bytes()
    rekey.remove_staff(vault, olly.id)
    vault.lock()
    with pytest.raises(UnknownStaff):  # the current key file has no slot for Olly
        restore.restore_backup(made, vault_dir, "Olly Outreach", "olly passphrase")
    result = restore.restore_backup(made, vault_dir, "Nora Nurse", PASSPHRASE)
    assert result.removed_again == ["Olly Outreach"]
    with pytest.raises(UnknownStaff):
        Vault.open(vault_dir, "Olly Outreach", "olly passphrase")
    # Olly's copy of the key file from before does not open the restored database.
    olly_key, _ = KeyFile.from_bytes(old_keys).unlock("Olly Outreach", "olly passphrase")
    with pytest.raises(VaultDamaged):
        connect(vault_dir / DB_NAME, olly_key)
    nora = Vault.open(vault_dir, "Nora Nurse", PASSPHRASE)
    try:
        assert [s.name for s in staff.all_staff(nora)] == ["Nora Nurse"]
    finally:
        nora.lock()


def test_rolling_backup_keeps_one_per_day_for_backup_keep_days(vault, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    settings.update(vault, backup_folder=str(usb), backup_keep=3)
    start = datetime(2026, 3, 1, 20, 0, tzinfo=timezone.utc)
    made = []
    for day in range(5):
        for hour in (0, 3):
            clients.register(vault, f"client {day} {hour}")
            made.append(backup.auto_backup(vault, now=start + timedelta(days=day, hours=hour)))
    assert None not in made
    kept = backup.backups_in(usb)
    assert [p.name for p in kept] == [made[9].name, made[7].name, made[5].name]
    # Nothing changed since the newest backup: no new one.
    assert backup.auto_backup(vault, now=start + timedelta(days=6)) is None
    assert len(backup.backups_in(usb)) == 3


def test_rolling_backup_reports_a_missing_usb_stick(vault, tmp_path):
    assert backup.auto_backup(vault) is None  # no folder set: nothing to do
    settings.update(vault, backup_folder=str(tmp_path / "not-plugged-in"))
    with pytest.raises(NotFound, match="USB stick"):
        backup.auto_backup(vault)


def test_damaged_vault_names_newest_of_several_backups(vault, vault_dir, tmp_path):
    first = backup.write_backup(vault, tmp_path / "usb", now=datetime(2026, 1, 1, 12, tzinfo=timezone.utc))
    newest = backup.write_backup(vault, tmp_path / "usb2", now=datetime(2026, 2, 1, 12, tzinfo=timezone.utc))
    vault.lock()
    assert backup.newest_good(vault_dir) == newest
    shutil.rmtree(newest)
    assert backup.newest_good(vault_dir) == first
