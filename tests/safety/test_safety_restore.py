"""Issue 11, failures 2 and 4: restore keeps. It needs a nurse of the *current* vault (or
the coordinator's recovery identity) unless the folder is empty or missing; it refuses a
backup of another vault (naming both) unless --different-vault; it never brings back a
passphrase, slot or staff member the current key file changed or removed; it holds the
vault's owner lock from first step to last; and the replaced folder is kept, named."""
import os
import re
import subprocess
import sys
import textwrap
from datetime import datetime, timezone

import pyrage
import pytest
from conftest import FAST_KDF, PASSPHRASE, TEST_SETTINGS
from safety_helpers import REPO, flip_byte, snapshot

import main
from records import backup, clients, rekey, owner, restore, staff, unlock_guard
from records.errors import NoVault, UnknownStaff, VaultDamaged, WrongPassphrase
from records.keyfile import KeyFile
from records.owner import VaultBusy
from records.models import Settings
from records.unlock_guard import UnlockGuard
from records.vault import DB_NAME, KEY_NAME, Vault, connect

NEW = "a passphrase changed later"
OTHER = Settings(clinic_name="Day Van Clinic", van_code="VAN2", timezone="America/Toronto")
REPLACED = re.compile(r"^vault\.replaced-\d{8}T\d{6}Z(-\d+)?$")


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch):
    """The wrong-passphrase delay is counted (asserted below) but not slept in tests."""
    monkeypatch.setattr(unlock_guard.time, "sleep", lambda s: None)


def run(capsys, *argv):
    code = main.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def secret(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text + "\n")
    return path


def names(vault):
    return sorted(c[0] for c in vault.db.execute("SELECT name FROM clients"))


def replaced_folders(vault_dir):
    return sorted(p for p in vault_dir.parent.iterdir() if REPLACED.match(p.name))


def leftovers(vault_dir):
    return [p.name for p in vault_dir.parent.iterdir() if ".restore-" in p.name]


def opened(vault_dir, name=None, passphrase=PASSPHRASE):
    return Vault.open(vault_dir, name, passphrase)


@pytest.fixture
def backed_up(vault, tmp_path):
    """Robin in the vault, a backup of it, then Sam added after the backup; locked."""
    clients.register(vault, "Robin")
    made = backup.write_backup(vault, tmp_path / "usb")
    clients.register(vault, "Sam After")
    vault.lock()
    return made


# --- failure 2: a backup of another vault ----------------------------------------------------

def test_backup_of_another_vault_is_refused_naming_both_then_kept_aside(backed_up, vault_dir,
                                                                          tmp_path, capsys):
    other = Vault.create(tmp_path / "other", "Nora Nurse", PASSPHRASE, settings=OTHER,
                         kdf=FAST_KDF)
    clients.register(other, "Someone Else")
    foreign = backup.write_backup(other, tmp_path / "usb-other")
    other.lock()
    pw = secret(tmp_path, "pw", PASSPHRASE)
    before = snapshot(vault_dir)

    code, out, err = run(capsys, "restore", "--from", foreign, "--data-dir", vault_dir,
                         "--passphrase-file", pw)
    assert code == 1 and err.startswith("error: ") and len(err.strip().splitlines()) == 1, err
    assert "different vault" in err and "--different-vault" in err
    assert TEST_SETTINGS.clinic_name in err and OTHER.clinic_name in err
    assert err.count("created ") == 2 and err.count("last record ") == 2
    today = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    assert today in err
    assert snapshot(vault_dir) == before
    assert replaced_folders(vault_dir) == [] and leftovers(vault_dir) == []

    code, out, err = run(capsys, "restore", "--from", foreign, "--data-dir", vault_dir,
                         "--passphrase-file", pw, "--different-vault")
    assert code == 0, err
    [kept] = replaced_folders(vault_dir)
    assert str(kept) in out
    assert snapshot(kept) == before, "the replaced vault is kept byte-identical"
    restored = opened(vault_dir)
    try:
        assert names(restored) == ["Someone Else"]
        assert restored.settings.clinic_name == OTHER.clinic_name
    finally:
        restored.lock()
    again = opened(kept)  # the replaced vault still opens where it was moved
    try:
        assert names(again) == ["Robin", "Sam After"]
    finally:
        again.lock()


# --- what the current key file changed stays changed ---------------------------------------

def test_a_passphrase_changed_after_the_backup_stays_changed(vault, vault_dir, tmp_path,
                                                            capsys):
    clients.register(vault, "Robin")
    made = backup.write_backup(vault, tmp_path / "usb")
    rekey.change_passphrase(vault, PASSPHRASE, NEW, kdf=FAST_KDF)
    vault.lock()
    code, out, err = run(capsys, "restore", "--from", made, "--data-dir", vault_dir,
                         "--passphrase-file", secret(tmp_path, "new", NEW),
                         "--backup-passphrase-file", secret(tmp_path, "old", PASSPHRASE))
    assert code == 0, err
    with pytest.raises(WrongPassphrase):
        opened(vault_dir, passphrase=PASSPHRASE)
    restored = opened(vault_dir, passphrase=NEW)
    try:
        assert names(restored) == ["Robin"]
    finally:
        restored.lock()
    # The old key file (kept in the backup) does not open the restored database.
    old_key, _ = KeyFile.load(made / KEY_NAME).unlock(None, PASSPHRASE)
    with pytest.raises(VaultDamaged):
        connect(vault_dir / DB_NAME, old_key)


def test_the_backup_passphrase_defaults_to_the_same_one(backed_up, vault_dir, tmp_path, capsys):
    code, out, err = run(capsys, "restore", "--from", backed_up, "--data-dir", vault_dir,
                         "--passphrase-file", secret(tmp_path, "pw", PASSPHRASE))
    assert code == 0, err
    assert "restored" in out and "Nora Nurse" in out
    restored = opened(vault_dir)
    try:
        assert names(restored) == ["Robin"]
        last = restored.db.execute("SELECT action, detail FROM audit ORDER BY seq DESC").fetchone()
        assert last == ("restore", backed_up.name)
    finally:
        restored.lock()


def test_a_removed_nurse_cannot_restore_and_stays_removed(vault, vault_dir, tmp_path, capsys):
    nina = staff.add(vault, "Nina Nurse", "nurse", "nina passphrase", kdf=FAST_KDF)
    made = backup.write_backup(vault, tmp_path / "usb")
    rekey.remove_staff(vault, nina.id)
    vault.lock()
    before = snapshot(vault_dir)
    code, out, err = run(capsys, "restore", "--from", made, "--data-dir", vault_dir,
                         "--staff", "Nina Nurse",
                         "--passphrase-file", secret(tmp_path, "nina", "nina passphrase"))
    assert code == 1 and err.startswith("error: "), err
    assert snapshot(vault_dir) == before and replaced_folders(vault_dir) == []

    code, out, err = run(capsys, "restore", "--from", made, "--data-dir", vault_dir,
                         "--staff", "Nora Nurse",
                         "--passphrase-file", secret(tmp_path, "pw", PASSPHRASE))
    assert code == 0, err
    assert "Nina Nurse" in out  # named as removed again
    with pytest.raises(UnknownStaff):
        opened(vault_dir, "Nina Nurse", "nina passphrase")
    nora = opened(vault_dir, "Nora Nurse")
    try:
        listed = {s.name: s.active for s in staff.all_staff(nora, include_removed=True)}
        assert listed == {"Nora Nurse": True, "Nina Nurse": False}
    finally:
        nora.lock()


@pytest.mark.parametrize("role", ["outreach", "police_liaison"])
def test_only_a_nurse_may_restore(vault, vault_dir, tmp_path, capsys, role):
    staff.add(vault, "Other Person", role, "other passphrase", kdf=FAST_KDF)
    made = backup.write_backup(vault, tmp_path / "usb")
    vault.lock()
    before = snapshot(vault_dir)
    code, out, err = run(capsys, "restore", "--from", made, "--data-dir", vault_dir,
                         "--staff", "Other Person",
                         "--passphrase-file", secret(tmp_path, "pw", "other passphrase"))
    assert code == 1 and "nurse" in err, err
    assert snapshot(vault_dir) == before and replaced_folders(vault_dir) == []
    assert leftovers(vault_dir) == []


def test_staff_added_after_the_backup_keep_their_access(backed_up, vault_dir, tmp_path):
    vault = opened(vault_dir)
    staff.add(vault, "Newer Nurse", "nurse", "newer passphrase", kdf=FAST_KDF)
    vault.lock()
    # Newer Nurse has no slot in the backup; nothing was re-keyed since, so the current key
    # file's data key opens it.
    result = restore.restore_backup(backed_up, vault_dir, "Newer Nurse", "newer passphrase")
    assert result.staff == "Newer Nurse"
    newer = opened(vault_dir, "Newer Nurse", "newer passphrase")
    try:
        assert newer.staff.role == "nurse" and names(newer) == ["Robin"]
    finally:
        newer.lock()


# --- where a restore may go ------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["missing", "empty"])
def test_restore_onto_a_new_laptop(backed_up, tmp_path, capsys, kind):
    target = tmp_path / "new-laptop" / "data"
    if kind == "empty":
        target.mkdir(parents=True)
    code, out, err = run(capsys, "restore", "--from", backed_up, "--data-dir", target,
                         "--passphrase-file", secret(tmp_path, "pw", PASSPHRASE))
    assert code == 0, err
    assert "replaced" not in out  # there was nothing to keep
    assert (target.stat().st_mode & 0o777) == 0o700
    assert replaced_folders(target) == [] and leftovers(target) == []
    restored = opened(target)
    try:
        assert names(restored) == ["Robin"]
    finally:
        restored.lock()


def test_restore_with_a_damaged_database_uses_the_current_key_file(backed_up, vault_dir,
                                                                    tmp_path, capsys):
    flip_byte(vault_dir / DB_NAME, 100)
    damaged = snapshot(vault_dir)
    with pytest.raises(Exception, match="damaged"):
        opened(vault_dir)
    code, out, err = run(capsys, "restore", "--from", backed_up, "--data-dir", vault_dir,
                         "--passphrase-file", secret(tmp_path, "pw", PASSPHRASE))
    assert code == 0, err
    [kept] = replaced_folders(vault_dir)
    assert snapshot(kept) == damaged and str(kept) in out
    restored = opened(vault_dir)
    try:
        assert names(restored) == ["Robin"]
    finally:
        restored.lock()


def test_restore_with_the_recovery_identity(vault, vault_dir, tmp_path, capsys):
    identity = pyrage.x25519.Identity.generate()
    rekey.set_recovery(vault, str(identity.to_public()))
    clients.register(vault, "Robin")
    made = backup.write_backup(vault, tmp_path / "usb")
    rekey.change_passphrase(vault, PASSPHRASE, NEW, kdf=FAST_KDF)  # nobody remembers the old one
    vault.lock()
    keyfile = tmp_path / "coordinator.key"
    keyfile.write_text(f"# created: today\n{identity}\n")
    wrong = tmp_path / "wrong.key"
    wrong.write_text(f"{pyrage.x25519.Identity.generate()}\n")
    before = snapshot(vault_dir)
    code, out, err = run(capsys, "restore", "--from", made, "--data-dir", vault_dir,
                         "--identity", wrong)
    assert code == 1 and "identity" in err, err
    assert snapshot(vault_dir) == before

    code, out, err = run(capsys, "restore", "--from", made, "--data-dir", vault_dir,
                         "--identity", keyfile)
    assert code == 0, err
    assert "recovery" in out
    restored = opened(vault_dir, passphrase=NEW)  # the current passphrase, not the backup's
    try:
        assert names(restored) == ["Robin"]
        entry = restored.db.execute("SELECT staff, action FROM audit ORDER BY seq DESC").fetchone()
        assert entry[1] == "restore" and "recovery" in entry[0]
    finally:
        restored.lock()


def test_both_passphrases_from_standard_input_are_refused(backed_up, vault_dir, capsys):
    code, out, err = run(capsys, "restore", "--from", backed_up, "--data-dir", vault_dir,
                         "--passphrase-file", "-", "--backup-passphrase-file", "-")
    assert code == 1 and "standard input" in err, err


def test_wrong_passphrases_are_counted_by_the_unlock_guard(backed_up, vault_dir, tmp_path,
                                                           capsys):
    vault = opened(vault_dir)  # a removal since the backup: the backup needs its own passphrase
    rekey.remove_staff(vault, staff.add(vault, "Gone", "outreach", "gone passphrase",
                                       kdf=FAST_KDF).id)
    vault.lock()
    before = snapshot(vault_dir)
    code, _, err = run(capsys, "restore", "--from", backed_up, "--data-dir", vault_dir,
                       "--passphrase-file", secret(tmp_path, "wrong", "not the passphrase"))
    assert code == 1 and "wrong passphrase" in err
    assert UnlockGuard(vault_dir).failures == 1
    code, _, err = run(capsys, "restore", "--from", backed_up, "--data-dir", vault_dir,
                       "--passphrase-file", secret(tmp_path, "pw", PASSPHRASE),
                       "--backup-passphrase-file", secret(tmp_path, "bad", "not the old one"))
    assert code == 1 and "wrong passphrase" in err and "backup" in err
    assert UnlockGuard(backed_up).failures == 1
    assert UnlockGuard(vault_dir).failures == 0  # the current passphrase was right
    assert snapshot(vault_dir) == before


# --- failure 4: one owner at a time ----------------------------------------------------------

HOLDER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[2])
    from records import owner
    held = owner.acquire(sys.argv[1])
    print("held", flush=True)
    sys.stdin.read()
""")


def test_restore_while_the_vault_is_open_elsewhere_is_refused(backed_up, vault_dir, tmp_path,
                                                             capsys):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(vault_dir), str(REPO)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        before = snapshot(vault_dir)
        code, out, err = run(capsys, "restore", "--from", backed_up, "--data-dir", vault_dir,
                             "--passphrase-file", secret(tmp_path, "pw", PASSPHRASE))
        assert code == 1, err
        assert err.startswith("error: the vault is open in another window or command (pid "
                              f"{holder.pid} on "), err
        assert snapshot(vault_dir) == before
        assert replaced_folders(vault_dir) == [] and leftovers(vault_dir) == []
    finally:
        holder.communicate("")
    code, out, err = run(capsys, "restore", "--from", backed_up, "--data-dir", vault_dir,
                         "--passphrase-file", secret(tmp_path, "pw", PASSPHRASE))
    assert code == 0, err


def test_the_lock_is_held_from_first_step_to_last(backed_up, vault_dir, monkeypatch):
    seen = []

    def probe(name):
        if name.startswith("restore_"):
            with pytest.raises(VaultBusy):
                owner.acquire(vault_dir)
            seen.append(name)
    monkeypatch.setattr(restore.fsutil, "crash_hook", probe)
    restore.restore_backup(backed_up, vault_dir, None, PASSPHRASE)
    assert seen == ["restore_staged", "restore_between_renames"]
    owner.acquire(vault_dir).release()  # and released at the end


# --- the swap --------------------------------------------------------------------------------

KILLER = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, sys.argv[3])
    from records import fsutil, restore
    def crash(name):
        if name == "restore_between_renames":
            os._exit(9)
    fsutil.crash_hook = crash
    restore.restore_backup(sys.argv[1], sys.argv[2], None, sys.stdin.readline().strip())
    print("finished")
""")


def test_a_kill_between_the_two_renames_leaves_the_vault_findable(backed_up, vault_dir,
                                                                  tmp_path):
    before = snapshot(vault_dir)
    done = subprocess.run([sys.executable, "-c", KILLER, str(backed_up), str(vault_dir),
                           str(REPO)], input=PASSPHRASE + "\n", capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 9 and "finished" not in done.stdout, done.stderr
    assert not vault_dir.exists()
    [kept] = replaced_folders(vault_dir)
    assert snapshot(kept) == before
    with pytest.raises(NoVault) as info:
        opened(vault_dir)
    message = str(info.value)
    assert "restore was interrupted" in message and str(kept) in message
    # Restoring into the gap is refused (the current key file is in the replaced folder);
    # renamed back, the vault restores again and the half-done staging is cleared.
    assert leftovers(vault_dir)
    with pytest.raises(NoVault, match="rename it back"):
        restore.restore_backup(backed_up, vault_dir, None, PASSPHRASE)
    assert not vault_dir.exists() and snapshot(kept) == before
    kept.rename(vault_dir)
    result = restore.restore_backup(backed_up, vault_dir, None, PASSPHRASE)
    assert leftovers(vault_dir) == [] and result.replaced.exists()
    restored = opened(vault_dir)
    try:
        assert names(restored) == ["Robin"]
    finally:
        restored.lock()


def test_the_replaced_folder_is_named_by_utc_time_and_never_clobbered(backed_up, vault_dir):
    moment = datetime(2026, 3, 1, 23, 59, 7, tzinfo=timezone.utc)
    first = restore.restore_backup(backed_up, vault_dir, None, PASSPHRASE, now=moment)
    second = restore.restore_backup(backed_up, vault_dir, None, PASSPHRASE, now=moment)
    assert first.replaced == vault_dir.parent / "vault.replaced-20260301T235907Z"
    assert second.replaced == vault_dir.parent / "vault.replaced-20260301T235907Z-2"
    kept = opened(first.replaced)
    try:
        assert names(kept) == ["Robin", "Sam After"]  # the vault as it was before the restore
    finally:
        kept.lock()


def test_a_symlinked_data_folder_stays_a_symlink(backed_up, vault_dir, tmp_path):
    link = tmp_path / "link"
    link.symlink_to(vault_dir)
    result = restore.restore_backup(backed_up, link, None, PASSPHRASE)
    assert link.is_symlink() and os.readlink(link) == str(vault_dir)
    assert result.replaced.parent == vault_dir.parent
    assert result.replaced.name.startswith("vault.replaced-")
    restored = opened(link)
    try:
        assert names(restored) == ["Robin"]
    finally:
        restored.lock()


def test_a_vault_folder_on_another_file_system_is_refused(backed_up, vault_dir, monkeypatch):
    before = snapshot(vault_dir)
    real_device = restore._device
    monkeypatch.setattr(restore, "_device",
                        lambda p: real_device(p) + (1 if p == vault_dir else 0))
    with pytest.raises(Exception, match="file system"):
        restore.restore_backup(backed_up, vault_dir, None, PASSPHRASE)
    assert snapshot(vault_dir) == before and leftovers(vault_dir) == []



def test_restore_with_a_passphrase_protected_recovery_identity(vault, vault_dir, tmp_path,
                                                               capsys):
    from records.export import coordinator_key as coordinator_keys
    content, public = coordinator_keys.generate("coordinator passphrase")
    rekey.set_recovery(vault, public)
    clients.register(vault, "Robin")
    made = backup.write_backup(vault, tmp_path / "usb")
    clients.register(vault, "Sam After")
    vault.lock()
    keyfile = tmp_path / "coordinator.key"
    keyfile.write_bytes(content)
    code, out, err = run(capsys, "restore", "--from", made, "--data-dir", vault_dir,
                         "--identity", keyfile, "--identity-passphrase-file",
                         secret(tmp_path, "idpw", "coordinator passphrase"))
    assert code == 0, err
    restored = opened(vault_dir)
    try:
        assert names(restored) == ["Robin"]
    finally:
        restored.lock()
