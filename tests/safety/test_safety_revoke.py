"""Issue 11, failure 8: `passwd` revokes. The old passphrase with any old copy of the key file
(every backup holds one) must open nothing once the vault has been re-keyed: neither the old
copy's own data key nor, through the old slot identity, the current key file's."""
import base64
import json
import shutil

import pyrage
import pytest
from conftest import FAST_KDF, PASSPHRASE
from safety_helpers import opens_with, run_child

import main
from records import keyfile, rekey, staff
from records.errors import VaultDamaged
from records.keyfile import KeyFile
from records.vault import DB_NAME, KEY_NAME, NEXT_KEY_NAME, Vault, connect

NEW = "a brand new passphrase"
OLLY, OLLY_PASS, OLLY_NEW = "Olly Outreach", "olly's own passphrase", "olly's next passphrase"
STAGES = ["after_temp_write", "after_fsync", "after_rename", "after_dir_fsync"]


def _opens_db(vault_dir, data_key: bytes) -> bool:
    try:
        connect(vault_dir / DB_NAME, data_key).close()
        return True
    except VaultDamaged:
        return False


def _current_wraps(vault_dir) -> list[bytes]:
    """Every age-wrapped data key in the current key file (slots and recovery)."""
    doc = json.loads((vault_dir / KEY_NAME).read_bytes())
    wraps = [s["data_key"] for s in doc["slots"]]
    if doc["recovery"]:
        wraps.append(doc["recovery"]["data_key"])
    return [base64.b64decode(w) for w in wraps]


def _what_an_old_copy_opens(vault_dir, old_copy, name, old_passphrase) -> list[str]:
    """What someone holding `old_copy` and the old passphrase can open of the vault as it is
    now: [] when the passphrase is revoked."""
    old = KeyFile.load(old_copy)
    opened = []
    old_key, slot_id = old.unlock(name, old_passphrase)
    if _opens_db(vault_dir, old_key):
        opened.append("the old copy's data key opens the current database")
    identity = old._open_identity(old._slot(slot_id), old_passphrase)  # the slot's age identity
    for wrapped in _current_wraps(vault_dir):
        try:
            key = pyrage.decrypt(wrapped, [identity])
        except pyrage.DecryptError:
            continue
        opened.append("the old identity unwraps the current key file's data key"
                      + (" (it opens the database)" if _opens_db(vault_dir, key) else ""))
    return opened


@pytest.fixture
def copy_keys(vault_dir, tmp_path):
    def copy(label="old"):
        target = tmp_path / f"{label}.keys"
        shutil.copy(vault_dir / KEY_NAME, target)
        return target
    return copy


def test_passwd_gives_the_slot_a_fresh_identity(vault, vault_dir):
    before = KeyFile.load(vault_dir / KEY_NAME)
    rekey.change_passphrase(vault, PASSPHRASE, NEW, kdf=FAST_KDF)
    after = KeyFile.load(vault_dir / KEY_NAME)
    slot = vault.staff.slot_id
    assert after._slot(slot).recipient != before._slot(slot).recipient
    assert after.unlock(None, NEW) == (vault.data_key, slot)


def test_passwd_then_a_staff_removal_revokes_the_old_passphrase(vault, vault_dir, copy_keys):
    olly = staff.add(vault, OLLY, "outreach", OLLY_PASS, kdf=FAST_KDF)
    old_copy = copy_keys()
    rekey.change_passphrase(vault, PASSPHRASE, NEW, kdf=FAST_KDF)
    # Until the next re-key the data key is the same: the old copy still opens (documented).
    assert _what_an_old_copy_opens(vault_dir, old_copy, "Nora Nurse", PASSPHRASE)
    rekey.remove_staff(vault, olly.id)
    vault.lock()
    assert _what_an_old_copy_opens(vault_dir, old_copy, "Nora Nurse", PASSPHRASE) == []
    assert opens_with(vault_dir, "Nora Nurse", NEW)


def test_staff_removal_revokes_what_the_remaining_staff_changed_earlier(vault, vault_dir,
                                                                        copy_keys):
    staff.add(vault, OLLY, "outreach", OLLY_PASS, kdf=FAST_KDF)
    bea = staff.add(vault, "Bea Backup", "nurse", "bea's passphrase", kdf=FAST_KDF)
    old_copy = copy_keys()
    vault.lock()
    olly = Vault.open(vault_dir, OLLY, OLLY_PASS)
    rekey.change_passphrase(olly, OLLY_PASS, OLLY_NEW, kdf=FAST_KDF)
    olly.lock()
    nora = Vault.open(vault_dir, "Nora Nurse", PASSPHRASE)
    rekey.remove_staff(nora, bea.id)
    nora.lock()
    assert _what_an_old_copy_opens(vault_dir, old_copy, OLLY, OLLY_PASS) == []
    assert opens_with(vault_dir, OLLY, OLLY_NEW)
    # Nora never changed hers: her current passphrase still opens, with any copy.
    assert _what_an_old_copy_opens(vault_dir, old_copy, "Nora Nurse", PASSPHRASE)


def test_passwd_with_rekey_revokes_at_once(vault, vault_dir, copy_keys):
    identity = pyrage.x25519.Identity.generate()
    rekey.set_recovery(vault, str(identity.to_public()))
    old_copy = copy_keys()
    old_key = vault.data_key
    said = []
    rekey.change_passphrase(vault, PASSPHRASE, NEW, kdf=FAST_KDF, rekey=True, progress=said.append)
    assert said == ["re-keying ..."]
    assert vault.data_key != old_key and not (vault_dir / NEXT_KEY_NAME).exists()
    assert [a for (a,) in vault.db.execute("SELECT action FROM audit ORDER BY seq DESC LIMIT 2")
            ] == ["rekey", "change_passphrase"]
    vault.lock()
    assert _what_an_old_copy_opens(vault_dir, old_copy, "Nora Nurse", PASSPHRASE) == []
    assert opens_with(vault_dir, "Nora Nurse", NEW)
    # The recovery slot was re-wrapped to the new data key too.
    rekey.recover(vault_dir, str(identity), "Nora Nurse", "after recovery", kdf=FAST_KDF).lock()


# --- the command line ------------------------------------------------------------------------

@pytest.fixture
def cli_files(vault, tmp_path, monkeypatch):
    monkeypatch.setattr(keyfile, "calibrate", lambda *a, **k: FAST_KDF)
    files = {}
    for name, text in (("old", PASSPHRASE), ("new", NEW), ("olly", OLLY_PASS)):
        files[name] = tmp_path / f"{name}.txt"
        files[name].write_text(text + "\n")
    return files


def test_cli_passwd_says_the_old_passphrase_opens_old_copies_until_a_rekey(
        vault, vault_dir, cli_files, capsys):
    vault.lock()
    assert main.main(["passwd", "--data-dir", str(vault_dir), "--passphrase-file",
                      str(cli_files["old"]), "--new-passphrase-file", str(cli_files["new"])]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.strip() == (
        "passphrase changed for Nora Nurse; until the vault is re-keyed (passwd --rekey, or a "
        "staff removal) the old passphrase still opens it with an old copy of the key file "
        "(every backup holds one)")


def test_cli_passwd_rekey(vault, vault_dir, cli_files, capsys, copy_keys):
    vault.lock()
    old_copy = copy_keys()
    assert main.main(["passwd", "--rekey", "--data-dir", str(vault_dir), "--passphrase-file",
                      str(cli_files["old"]), "--new-passphrase-file", str(cli_files["new"])]) == 0
    out, err = capsys.readouterr()
    assert err == "re-keying ...\n"
    assert out.strip() == (
        "passphrase changed for Nora Nurse and the vault re-keyed: the old passphrase no "
        "longer opens it, with any copy of the key file; older backups still open with the "
        "passphrases of their day")
    assert _what_an_old_copy_opens(vault_dir, old_copy, "Nora Nurse", PASSPHRASE) == []
    assert opens_with(vault_dir, None, NEW)


def test_cli_staff_remove_says_exactly_what_is_revoked(vault, vault_dir, cli_files, capsys):
    staff.add(vault, OLLY, "outreach", OLLY_PASS, kdf=FAST_KDF)
    vault.lock()
    assert main.main(["staff", "remove", "--name", OLLY, "--data-dir", str(vault_dir),
                      "--staff", "Nora Nurse", "--passphrase-file", str(cli_files["old"])]) == 0
    out, err = capsys.readouterr()
    assert "re-keying ..." in err.splitlines()
    assert out.strip() == (
        "removed Olly Outreach and re-keyed the vault: Olly Outreach's passphrase and every "
        "passphrase replaced before now no longer open it, with any copy of the key file; "
        "the other staff members' current passphrases still do; older backups still open "
        "with the passphrases of their day")


# --- a crash at each stage of passwd --rekey ------------------------------------------------

# (stage, occurrence): the key-file write of the new passphrase, then vault.keys.next, the
# re-key of the database and its audit entry.
REKEY_STAGES = ([(s, 1) for s in STAGES] + [(s, 2) for s in STAGES]
                + [("after_rekey", 1), ("after_rekey_audit", 1)])


@pytest.mark.slow
@pytest.mark.parametrize("stage,occurrence", REKEY_STAGES)
def test_passwd_rekey_killed_at_each_stage(vault, vault_dir, copy_keys, stage, occurrence):
    old_key = vault.data_key
    vault.lock()
    old_copy = copy_keys()
    rc, out, err = run_child("stage", dir=str(vault_dir), passphrase=PASSPHRASE, new=NEW,
                             op="passwd-rekey", stage=stage, occurrence=occurrence)
    assert rc == 9 and "finished" not in out, err
    if occurrence == 1 and stage in ("after_temp_write", "after_fsync"):
        # Stopped before the new passphrase was on disk: nothing happened.
        assert opens_with(vault_dir, None, PASSPHRASE) and not opens_with(vault_dir, None, NEW)
        return
    assert not opens_with(vault_dir, None, PASSPHRASE)
    vault = Vault.open(vault_dir, None, NEW)
    try:
        assert not (vault_dir / NEXT_KEY_NAME).exists()
        assert vault.db.execute("PRAGMA cipher_integrity_check").fetchall() == []
        rekeyed = vault.data_key != old_key
    finally:
        vault.lock()
    assert rekeyed == (stage in ("after_rekey", "after_rekey_audit"))
    if rekeyed:
        assert _what_an_old_copy_opens(vault_dir, old_copy, "Nora Nurse", PASSPHRASE) == []
