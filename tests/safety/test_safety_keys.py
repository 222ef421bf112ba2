"""3 and 6. Passphrase changes, key-file writes interrupted at every stage, staff removal
with a re-key, recovery through the coordinator's key."""
import shutil

import pyrage
import pytest
from conftest import FAST_KDF, PASSPHRASE
from safety_helpers import opens_with, run_child

from records import fsutil, rekey, settings, staff
from records.errors import (AccessDenied, UnknownStaff, ValidationError, VaultDamaged,
                            WrongPassphrase)
from records.keyfile import KeyFile
from records.vault import KEY_NAME, NEXT_KEY_NAME, Vault, connect

NEW = "a different passphrase"
OLLY_PASS = "olly's own passphrase"
STAGES = ["after_temp_write", "after_fsync", "after_rename", "after_dir_fsync"]


class Crash(Exception):
    pass


@pytest.mark.parametrize("stage", STAGES)
def test_passphrase_change_interrupted_in_process(vault, vault_dir, monkeypatch, stage):
    def crash(name):
        if name == stage:
            raise Crash(name)
    monkeypatch.setattr(fsutil, "crash_hook", crash)
    with pytest.raises(Crash):
        rekey.change_passphrase(vault, PASSPHRASE, NEW, kdf=FAST_KDF)
    monkeypatch.setattr(fsutil, "crash_hook", None)
    vault.lock()
    old_ok, new_ok = opens_with(vault_dir, None, PASSPHRASE), opens_with(vault_dir, None, NEW)
    assert old_ok != new_ok, "exactly one of the two passphrases opens the vault"
    assert new_ok == (stage in ("after_rename", "after_dir_fsync"))


@pytest.mark.slow
@pytest.mark.parametrize("stage", STAGES)
def test_passphrase_change_killed_at_each_stage(vault, vault_dir, stage):
    vault.lock()
    rc, out, err = run_child("stage", dir=str(vault_dir), passphrase=PASSPHRASE, new=NEW,
                             op="passwd", stage=stage)
    assert rc == 9 and "finished" not in out, err
    assert opens_with(vault_dir, None, PASSPHRASE) or opens_with(vault_dir, None, NEW)


def test_change_passphrase_is_audited_and_checks_the_old_one(vault, vault_dir):
    with pytest.raises(WrongPassphrase):
        rekey.change_passphrase(vault, "not the passphrase", NEW, kdf=FAST_KDF)
    with pytest.raises(ValidationError, match="at least 8"):
        rekey.change_passphrase(vault, PASSPHRASE, "short", kdf=FAST_KDF)
    rekey.change_passphrase(vault, PASSPHRASE, NEW, kdf=FAST_KDF)
    assert vault.db.execute("SELECT action FROM audit ORDER BY seq DESC").fetchone()[0] == \
        "change_passphrase"
    vault.lock()
    assert opens_with(vault_dir, None, NEW) and not opens_with(vault_dir, None, PASSPHRASE)


# --- staff removal ---------------------------------------------------------------------------

def _with_olly(vault):
    return staff.add(vault, "Olly Outreach", "outreach", OLLY_PASS, kdf=FAST_KDF)


def test_removal_rekeys_so_an_old_key_file_no_longer_opens(vault, vault_dir, tmp_path):
    olly = _with_olly(vault)
    old_copy = tmp_path / "stolen.keys"
    shutil.copy(vault_dir / KEY_NAME, old_copy)
    old_key = vault.data_key
    rekey.remove_staff(vault, olly.id)
    assert vault.data_key != old_key
    assert not (vault_dir / NEXT_KEY_NAME).exists()
    assert staff.get(vault, olly.id).active is False
    vault.lock()
    with pytest.raises(UnknownStaff):
        Vault.open(vault_dir, "Olly Outreach", OLLY_PASS)
    data_key, _ = KeyFile.load(old_copy).unlock("Olly Outreach", OLLY_PASS)
    with pytest.raises(VaultDamaged):
        connect(vault_dir / "vault.db", data_key)
    Vault.open(vault_dir, "Nora Nurse", PASSPHRASE).lock()


def test_removal_rules(vault):
    with pytest.raises(ValidationError, match="yourself"):
        rekey.remove_staff(vault, vault.staff.id)
    olly = _with_olly(vault)
    rekey.remove_staff(vault, olly.id)
    with pytest.raises(ValidationError, match="already removed"):
        rekey.remove_staff(vault, olly.id)


REMOVAL_STAGES = STAGES + ["after_rekey", "after_staff_update"]


@pytest.mark.slow
@pytest.mark.parametrize("stage", REMOVAL_STAGES)
def test_removal_killed_at_each_stage_leaves_a_consistent_vault(vault, vault_dir, tmp_path,
                                                                 stage):
    _with_olly(vault)
    vault.lock()
    old_copy = tmp_path / "old.keys"
    shutil.copy(vault_dir / KEY_NAME, old_copy)
    rc, out, err = run_child("stage", dir=str(vault_dir), staff="Nora Nurse",
                             passphrase=PASSPHRASE, op="remove", remove="Olly Outreach",
                             stage=stage)
    assert rc == 9 and "finished" not in out, err
    nora = Vault.open(vault_dir, "Nora Nurse", PASSPHRASE)
    try:
        assert not (vault_dir / NEXT_KEY_NAME).exists()
        slot_gone = nora.keyfile.slot_for("Olly Outreach") is None
        olly_row = next(s for s in staff.all_staff(nora, include_removed=True)
                        if s.name == "Olly Outreach")
        assert olly_row.active == (not slot_gone)
        data_key, _ = KeyFile.load(old_copy).unlock("Olly Outreach", OLLY_PASS)
        if slot_gone:
            with pytest.raises(VaultDamaged):
                connect(vault_dir / "vault.db", data_key)
        else:
            connect(vault_dir / "vault.db", data_key).close()
        # Once the re-key committed (the next key file was written and used), the removal
        # completes on the next open; before that it simply did not happen.
        assert slot_gone == (stage in ("after_rekey", "after_staff_update"))
        assert nora.db.execute("PRAGMA cipher_integrity_check").fetchall() == []
    finally:
        nora.lock()


# --- recovery ------------------------------------------------------------------------------

def test_recover_sets_a_new_passphrase_through_the_recovery_slot(vault, vault_dir):
    identity = pyrage.x25519.Identity.generate()
    rekey.set_recovery(vault, str(identity.to_public()))
    assert vault.settings.recovery_recipient == str(identity.to_public())
    vault.lock()
    with pytest.raises(WrongPassphrase):
        rekey.recover(vault_dir, str(pyrage.x25519.Identity.generate()), "Nora Nurse", NEW)
    recovered = rekey.recover(vault_dir, f"# created: today\n{identity}\n", "Nora Nurse", NEW,
                             kdf=FAST_KDF)
    assert recovered.staff.name == "Nora Nurse"
    assert recovered.db.execute("SELECT action FROM audit ORDER BY seq DESC").fetchone()[0] == \
        "recover"
    recovered.lock()
    assert opens_with(vault_dir, None, NEW)
    assert not opens_with(vault_dir, None, PASSPHRASE)


def test_recovery_survives_a_staff_removal(vault, vault_dir):
    identity = pyrage.x25519.Identity.generate()
    rekey.set_recovery(vault, str(identity.to_public()))
    rekey.remove_staff(vault, _with_olly(vault).id)
    vault.lock()
    rekey.recover(vault_dir, str(identity), "Nora Nurse", NEW, kdf=FAST_KDF).lock()


def test_set_recovery_rejects_bad_keys_and_non_nurses(vault):
    with pytest.raises(ValidationError):
        rekey.set_recovery(vault, "age1notakey")
    assert settings.load(vault.db).recovery_recipient == ""
    olly = _with_olly(vault)
    vault.lock()
    outreach = Vault.open(vault.path, "Olly Outreach", OLLY_PASS)
    try:
        with pytest.raises(AccessDenied):
            rekey.set_recovery(outreach, str(pyrage.x25519.Identity.generate().to_public()))
        with pytest.raises(AccessDenied):
            rekey.remove_staff(outreach, olly.id)
    finally:
        outreach.lock()
