"""Passphrases, re-keying (staff removal, `passwd --rekey`), and the recovery slot.

Removing a staff member must lock them out of every copy of the key file they might have
kept, and a changed passphrase must stop opening the vault with an old copy (every backup
holds one): `change_passphrase` gives the slot a fresh identity, and a re-key gives the
database a new data key that only the current slots' identities unwrap. Two files change (the
database and the key file) and a crash may stop us between them; the order makes every
stopping point safe:

1. the new key file (new data key wrapped to every current slot and the recovery
   recipient; for a removal, without the removed slot) is written as `vault.keys.next`
   (atomic, fsynced);
2. the database is re-keyed (`PRAGMA rekey`, one transaction);
3. the change is recorded under the new key (the staff row marked inactive, or a `rekey`
   audit entry);
4. `vault.keys.next` is renamed over `vault.keys` and the folder fsynced.

`Vault.open` tries `vault.keys`; if its key no longer decrypts the database and
`vault.keys.next` exists, it uses that one and finishes step 4 (and step 3 on sign-in). If
`vault.keys` still opens the database, the re-key never committed and the stale
`vault.keys.next` is deleted. Only the vault's lock holder (records/owner.py) does either:
while one process re-keys, no other can open the vault and mistake its work for a leftover.
"""
from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from . import settings as settings_store
from . import staff as staff_ops
from .connection import is_disk_full, replace_key_file, unlock_resolving
from .errors import DiskFull, UnknownStaff, ValidationError, msg
from .fsutil import atomic_write, stage
from .keyfile import KdfParams, KeyFile
from .models import MIN_PASSPHRASE
from .paths import KEY_NAME, NEXT_KEY_NAME

if TYPE_CHECKING:
    from .vault import Vault

REKEYING = "re-keying ..."


def _check_new(passphrase: str) -> str:
    if not isinstance(passphrase, str) or len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError("new passphrase", msg("must be at least {minimum} characters",
                                                    minimum=MIN_PASSPHRASE))
    return passphrase


def _copy(keyfile: KeyFile) -> KeyFile:
    """Edits go to a copy, so a failed save leaves the open vault's key file as on disk."""
    return KeyFile.from_bytes(keyfile.to_bytes())


def change_passphrase(vault: "Vault", old: str, new: str, *, kdf: KdfParams | None = None,
                      rekey: bool = False, progress: Callable[[str], None] | None = None) -> None:
    """The signed-in staff member's own passphrase, with a fresh slot identity. The key file
    is replaced atomically: after a crash it opens with the old passphrase or the new one.
    Until the next re-key the old passphrase still opens the vault with an old copy of the
    key file; `rekey=True` re-keys at once, after the new passphrase is on disk, so a crash
    during the re-key leaves a vault that opens with the new passphrase."""
    _check_new(new)
    edited = _copy(vault.keyfile)
    edited.change_passphrase(vault.staff.name, old, new, kdf=kdf)
    with vault.write("change_passphrase", "staff", vault.staff.id):
        edited.save(vault.path / KEY_NAME)
    vault.keyfile = edited
    if rekey:
        _rekey(vault, _copy(vault.keyfile), _record_rekey,
               msg("the passphrase was changed but the vault was not re-keyed"), progress)


def _record_rekey(vault: "Vault") -> None:
    vault.record("rekey", "vault")
    stage("after_rekey_audit")


def remove_staff(vault: "Vault", staff_id: int, progress: Callable[[str], None] | None = None) -> None:
    """Remove a staff member and re-key the database (see the module docstring)."""
    staff_ops.require_nurse(vault)
    member = staff_ops.get(vault, staff_id)
    if member.id == vault.staff.id:
        raise ValidationError("staff member", "you cannot remove yourself; sign in as another nurse")
    if not member.active:
        raise ValidationError("staff member", "was already removed")
    edited = _copy(vault.keyfile)
    if member.slot_id in edited.slot_ids():
        edited.remove_slot(member.slot_id)

    def deactivate(vault: "Vault") -> None:
        with vault.write("remove", "staff", staff_id):
            vault.db.execute("UPDATE staff SET active = 0 WHERE id = ?", [staff_id])
        stage("after_staff_update")
    _rekey(vault, edited, deactivate, msg("the staff member was not removed"), progress)


def _rekey(vault: "Vault", edited: KeyFile, record: Callable[["Vault"], None], not_done: str,
           progress: Callable[[str], None] | None) -> None:
    """Steps 1-4 of the module docstring: a new data key for the database, wrapped by
    `edited` (the key file as it should be) to its slots; `record(vault)` is step 3."""
    new_key = secrets.token_bytes(32)
    edited.rewrap(new_key)
    atomic_write(vault.path / NEXT_KEY_NAME, edited.to_bytes())
    if progress:  # the long step starts: whoever waits on this line finds vault.keys.next
        progress(REKEYING)
    try:
        vault.db.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
    except sqlcipher3.OperationalError as exc:
        (vault.path / NEXT_KEY_NAME).unlink()
        if is_disk_full(exc):
            raise DiskFull(msg("disk full: {not_done}", not_done=not_done)) from None
        raise
    vault.set_data_key(new_key)
    vault.keyfile = edited
    stage("after_rekey")
    record(vault)
    replace_key_file(vault.path)



def set_recovery(vault: "Vault", recipient: str) -> None:
    """Encrypt the data key to the coordinator's recovery public key (age1...), kept in
    settings.recovery_recipient and the key file's recovery slot."""
    staff_ops.require_nurse(vault)
    edited = _copy(vault.keyfile)
    edited.set_recovery(recipient, vault.data_key)
    recipient = recipient.strip()
    new = settings_store.check(dataclasses.replace(vault.settings, recovery_recipient=recipient))
    with vault.write("update", "settings", detail="recovery_recipient"):
        settings_store.save_raw(vault.db, new)
        edited.save(vault.path / KEY_NAME)
    vault.keyfile = edited
    vault.forget_settings()


def recover(path, identity: str, staff_name: str, new_passphrase: str, *,
            kdf: KdfParams | None = None) -> "Vault":
    """Open the vault through the recovery slot (the coordinator's age identity) and give
    `staff_name` a new passphrase. Returns the open vault, signed in as that staff member."""
    from .vault import Vault
    path = Path(path)
    _check_new(new_passphrase)

    def unlock(keyfile: KeyFile) -> tuple[bytes, str]:
        data_key = keyfile.recover(identity)
        slot_id = keyfile.slot_for(staff_name)
        if slot_id is None:
            raise UnknownStaff("no staff member with that name in this vault")
        return data_key, slot_id

    held = Vault.take(path)  # the owner, before the key file is read or written
    try:
        # proves the key opens the database before the key file is changed
        db, keyfile, data_key, slot_id, _ = unlock_resolving(path, unlock)
        db.close()
        keyfile.reset_passphrase(slot_id, new_passphrase, data_key, kdf=kdf)
        keyfile.save(path / KEY_NAME)
    except BaseException:
        held.release()
        raise
    vault = Vault.open_with_key(path, keyfile, data_key, slot_id, held=held)
    try:
        vault.record("recover", "staff", vault.staff.id)
    except BaseException:
        vault.lock()
        raise
    return vault

