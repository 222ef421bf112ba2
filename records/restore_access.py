"""Who may restore, and what the current vault says: restore.py's checks before any work.

The current key file is opened with a nurse's passphrase (after the wrong-passphrase delay)
or the coordinator's recovery identity; the role comes from the staff row of that key slot
in the current database, or in the backup when the current database cannot be read.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from .connection import connect
from .errors import (
    AccessDenied, NotFound, UnknownStaff, VaultDamaged, WrongPassphrase, joined, msg,
)
from .keyfile import KeyFile
from .unlock_guard import UnlockGuard
from .paths import KEY_NAME, NEXT_KEY_NAME

RECOVERY_ACTOR = "coordinator recovery key"


@dataclass
class Opened:
    """A key file opened by a passphrase (slot) or the recovery identity (slot None)."""
    keyfile: KeyFile
    data_key: bytes
    slot_id: str | None


def open_keyfile(keyfile: KeyFile, staff_name, passphrase, identity, guard_path: Path,
                 what: str) -> Opened:
    """Unlock with the passphrase (after the wrong-passphrase delay, counting failures) or,
    without one, with the recovery identity."""
    if passphrase is None:
        if identity is None:
            raise WrongPassphrase(msg("no passphrase or recovery identity for {what}", what=what))
        try:
            return Opened(keyfile, keyfile.recover(identity), None)
        except NotFound:
            raise NotFound(msg("{what} has no recovery slot; use a passphrase",
                               what=what)) from None
        except WrongPassphrase:
            raise WrongPassphrase(msg("that identity does not open the recovery slot of {what}",
                                      what=what)) from None
    guard = UnlockGuard(guard_path)
    guard.wait()
    try:
        data_key, slot_id = keyfile.unlock(staff_name, passphrase)
    except WrongPassphrase:
        guard.failed()
        raise WrongPassphrase(msg("wrong passphrase for {what}", what=what)) from None
    except UnknownStaff as exc:
        guard.failed()
        raise UnknownStaff(joined(exc, " (", what, ")")) from None
    guard.succeeded()
    return Opened(keyfile, data_key, slot_id)


def current_keyfile(target: Path) -> KeyFile:
    """The key file in charge: `vault.keys.next` when a staff removal left one (its slot is
    already removed), else `vault.keys`."""
    for name in (NEXT_KEY_NAME, KEY_NAME):
        if (target / name).exists():
            try:
                return KeyFile.load(target / name)
            except VaultDamaged:
                if name == KEY_NAME:
                    raise
    raise VaultDamaged(msg("the key file is missing from {path}", path=target))


def readable_db(path: Path, data_key: bytes):
    """The database, or None when it does not open with that key (damaged)."""
    if not path.exists():
        return None
    try:
        db = connect(path, data_key)
        db.execute("SELECT count(*) FROM staff").fetchone()
        return db
    except (VaultDamaged, sqlcipher3.DatabaseError):
        return None


def staff_row(db, slot_id: str) -> dict | None:
    try:
        return next(db.query("SELECT * FROM staff WHERE slot_id = ?", [slot_id]), None)
    except sqlcipher3.DatabaseError:
        return None


def _nurse(row: dict | None, where: str) -> str:
    if row is None or not row["active"]:
        raise AccessDenied(msg("your key slot has no active staff member in {where}; another "
                               "nurse, or the coordinator's recovery identity (--identity), can "
                               "restore", where=where))
    if row["role"] != "nurse":
        raise AccessDenied("only a nurse account can restore a backup")
    return row["name"]


def describe(db) -> str:
    """'"Clinic" (created YYYY-MM-DD, last record YYYY-MM-DD)', from settings and audit log."""
    from . import settings as settings_store
    if db is None:
        return "(its database cannot be read)"
    try:
        name = settings_store.load(db).clinic_name
        first, last = db.execute("SELECT min(at), max(at) FROM audit WHERE action NOT IN "
                                 "('backup', 'restore')").fetchone()
    except (sqlcipher3.DatabaseError, ValueError, TypeError):
        return "(its database cannot be read)"
    return f'"{name}" (created {(first or "?")[:10]}, last record {(last or "?")[:10]})'


def current_actor(current: Opened | None, current_db) -> str | None:
    """Who restores, by the current vault: the recovery key, or a nurse by the staff row of
    the unlocked slot. None when the backup's staff rows must tell (no current vault, or its
    database cannot be read)."""
    if current is None:
        return None
    if current.slot_id is None:
        return RECOVERY_ACTOR
    if current_db is None:
        return None
    return _nurse(staff_row(current_db, current.slot_id), msg("the current vault"))


def backup_actor(db, opened: Opened, current: Opened | None, same: bool) -> str:
    """Who restores, by the staged backup's staff rows."""
    if current is None:
        if opened.slot_id is None:
            return RECOVERY_ACTOR
        return _nurse(staff_row(db, opened.slot_id), msg("this backup"))
    if same:
        return _nurse(staff_row(db, current.slot_id),
                      msg("this backup (the current database cannot be read)"))
    raise AccessDenied("the current database cannot be read and the backup is of another "
                       "vault, so your role cannot be checked; restore with the coordinator's "
                       "recovery identity (--identity)")
