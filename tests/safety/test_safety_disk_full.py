"""2. Disk full: with RLIMIT_FSIZE just above the database size (SQLite then reports a disk
I/O error; a real full disk gives SQLITE_FULL) a save fails with the "system refused the
write" message (the disk here is not full), the vault still opens, and nothing saved before
is lost."""
import errno

import pytest
import sqlcipher3
from conftest import FAST_KDF, PASSPHRASE, TEST_SETTINGS
from safety_child import note_for
from safety_helpers import acks, run_child

from records import backup, fsutil, rekey, visits
from records.errors import WRITE_REFUSED, DiskFull
from records.vault import Vault, is_disk_full


@pytest.mark.slow
def test_save_fails_clearly_when_file_size_limit_hit(vault_dir):
    Vault.create(vault_dir, "Nora Nurse", PASSPHRASE, settings=TEST_SETTINGS, kdf=FAST_KDF).lock()
    rc, out, err = run_child("diskfull", dir=str(vault_dir), passphrase=PASSPHRASE,
                             start=0, headroom=64 * 1024)
    assert rc == 0, err
    assert "Traceback" not in err
    lines = out.splitlines()
    full = [ln for ln in lines if ln.startswith("diskfull ")]
    assert full == [f"diskfull {WRITE_REFUSED}"]
    saved = acks(out)
    assert saved, "some saves fit under the limit before it was reached"
    assert f"still reads {len(saved)}" in lines
    vault = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        assert backup.problems(vault.db) == []
        for n, visit_id in saved.items():
            assert visits.get(vault, visit_id).note == note_for(n)
        ids = [r[0] for r in vault.db.execute("SELECT id FROM visits ORDER BY id")]
        assert ids == sorted(saved.values()), "the failed save left nothing behind"
    finally:
        vault.lock()
    assert not [p for p in vault_dir.iterdir() if fsutil.TEMP_MARKER in p.name]


def test_sqlite_full_and_io_errors_both_map_to_disk_full():
    assert is_disk_full(sqlcipher3.OperationalError("database or disk is full"))
    assert is_disk_full(sqlcipher3.OperationalError("disk I/O error"))
    assert not is_disk_full(sqlcipher3.OperationalError("database is locked"))


def test_full_disk_in_a_write_raises_disk_full_and_rolls_back(vault, monkeypatch):
    before = vault.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(DiskFull) as refused:
        with vault.write("create", "visit"):
            vault.db.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
            raise sqlcipher3.OperationalError("database or disk is full")
    assert str(refused.value) == WRITE_REFUSED, "plenty of space here: not called a full disk"
    assert vault.db.execute("SELECT count(*) FROM meta WHERE key = 'x'").fetchone()[0] == 0
    assert vault.db.execute("SELECT count(*) FROM audit").fetchone()[0] == before


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT, errno.EFBIG])
def test_key_file_write_on_full_disk_keeps_old_passphrase(vault, vault_dir, monkeypatch, code):
    def full(name):
        if name == "after_temp_write":
            raise OSError(code, "no space")
    monkeypatch.setattr(fsutil, "crash_hook", full)
    with pytest.raises(DiskFull):
        rekey.change_passphrase(vault, PASSPHRASE, "brand new passphrase", kdf=FAST_KDF)
    monkeypatch.setattr(fsutil, "crash_hook", None)
    vault.lock()
    Vault.open(vault_dir, None, PASSPHRASE).lock()


def test_backup_on_full_disk_leaves_no_partial_folder(vault, tmp_path, monkeypatch):
    target = tmp_path / "usb"

    def full(name):
        if name == "after_temp_write":
            raise OSError(errno.ENOSPC, "no space")
    monkeypatch.setattr(fsutil, "crash_hook", full)
    with pytest.raises(DiskFull, match="disk full: the backup was not written"):
        backup.write_backup(vault, target)
    assert list(target.iterdir()) == []
