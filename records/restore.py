"""Restore a backup over the vault folder, keeping what it replaces.

Who may restore: anyone holding the backup's passphrase when the data folder is empty or
missing (a new laptop); otherwise a nurse whose passphrase opens the *current* key file (it
survives damage to the database), or the coordinator's recovery identity. The role comes from
the staff row of that key slot in the current database, or in the backup when the current
database cannot be read.

What a restore keeps: a backup of another vault is refused unless `different_vault`. For the
same vault the current key file stays in charge: the restored database is re-keyed to a new
data key wrapped to the current slots and the recovery key, so no passphrase, slot or staff
member changed or removed since the backup comes back (staff rows whose slot is gone are
deactivated; staff added since are copied from the current database when it reads).

The steps, all while holding the vault's owner lock (records/owner.py, beside the folder):
clear old staging folders; copy the backup's database into a hidden sibling
`.<name>.restore-<hex>`, open it, run the full checks and the audit verification, re-key and
reconcile staff, audit the restore, check it again; then move the current folder to the
visible sibling `<name>.replaced-<UTC yyyymmddTHHMMSSZ>` and the staged one into place.
The replaced folder is never deleted. A symlinked data folder stays a symlink: its target
is swapped. Killed between the two renames, the next open names the replaced folder.
"""
from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from . import audit, clock, fsutil, owner
from .backup import read_manifest, verify_copy
from .connection import connect
from .errors import ClinicError, NotFound, NoVault, VaultDamaged, msg
from .fsutil import atomic_write, fsync_dir
from .keyfile import KeyFile
from .paths import DB_NAME, KEY_NAME, vault_exists
from .restore_access import (Opened, backup_actor, current_actor, current_keyfile, describe,
                             open_keyfile, readable_db, staff_row)
from .restore_paths import REPLACED, STAGING, replaced_folders, staging_folders, target_of

# restore_backup's steps, reported as progress(done, len(STEPS), what) as each one starts
STEPS = ("checking the backup", "checking who you are", "copying and checking the backup",
         "preparing the restored vault", "putting it in place")
Progress = Callable[[int, int, str], None]


@dataclass
class Restored:
    backup: Path
    staff: str  # who restored: a staff name, or restore_access.RECOVERY_ACTOR
    replaced: Path | None = None  # where the replaced folder was kept
    removed_again: list[str] = field(default_factory=list)
    different_vault: str = ""  # the replaced vault, described, when it was another one
    warnings: list[str] = field(default_factory=list)


# --- paths -------------------------------------------------------------------------------

def _device(path: Path) -> int:
    return os.stat(path).st_dev


def _replaced_name(target: Path, now: datetime) -> Path:
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    aside, n = target.with_name(f"{target.name}{REPLACED}{stamp}"), 1
    while os.path.lexists(aside):
        n += 1
        aside = target.with_name(f"{target.name}{REPLACED}{stamp}-{n}")
    return aside


# --- the staged copy ------------------------------------------------------------------------

def _copy_durably(source: Path, target: Path) -> None:
    with open(source, "rb") as src, open(target, "xb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
        dst.flush()
        os.fsync(dst.fileno())
    os.chmod(target, 0o600)


def _reconcile_staff(db, keyfile: KeyFile, current_db, actor: str, result: Restored) -> None:
    """Deactivate staff whose slot the key file has removed; copy rows of slots added
    since the backup from the current database. Call inside the restore's transaction."""
    removed = set(keyfile.removed_slot_ids())
    for staff_id, name, slot_id in db.execute(
            "SELECT id, name, slot_id FROM staff WHERE active = 1").fetchall():
        if slot_id in removed:
            db.execute("UPDATE staff SET active = 0 WHERE id = ?", [staff_id])
            audit.append(db, actor, "remove", "staff", staff_id, "restore: slot removed")
            result.removed_again.append(name)
    known = {r[0] for r in db.execute("SELECT slot_id FROM staff").fetchall()}
    missing = [s for s in keyfile.slot_ids() if s not in known]
    for slot_id in missing:
        row = staff_row(current_db, slot_id) if current_db is not None else None
        if row is None:
            result.warnings.append("a staff key slot added after this backup has no staff "
                                   "record in it: that person cannot sign in until added again")
            continue
        staff_id = db.execute(
            "INSERT INTO staff (name, role, contact_line, slot_id, active, prefs) "
            "VALUES (?, ?, ?, ?, ?, ?)", [row["name"], row["role"], row["contact_line"],
                                          slot_id, row["active"], row["prefs"]]).lastrowid
        audit.append(db, actor, "create", "staff", staff_id, "restore: added after the backup")


def _stage(backup_dir: Path, staging: Path, data_key: bytes) -> None:
    os.mkdir(staging, 0o700)
    _copy_durably(backup_dir / DB_NAME, staging / DB_NAME)
    verify_copy(staging / DB_NAME, data_key, f"the backup {backup_dir}")


def _swap(staging: Path, target: Path, now: datetime) -> Path | None:
    """Move the current folder aside (kept) and the staged one into its place; if the
    second rename fails, the first is undone."""
    aside = None
    if target.is_dir() and not any(target.iterdir()):
        os.rmdir(target)  # an empty folder holds nothing to keep
    elif os.path.lexists(target):
        aside = _replaced_name(target, now)
        os.rename(target, aside)
    fsutil.stage("restore_between_renames")
    try:
        os.rename(staging, target)
    except OSError:
        if aside is not None:
            os.rename(aside, target)
        raise
    fsync_dir(target.parent)
    return aside


# --- restore ---------------------------------------------------------------------------------

@dataclass
class _Request:
    backup_dir: Path
    backup_keys: KeyFile
    target: Path
    staff_name: str | None
    passphrase: str | None
    backup_passphrase: str | None
    identity: str | None
    different_vault: bool
    now: datetime
    progress: Progress | None = None

    def step(self, n: int) -> None:
        if self.progress is not None:
            self.progress(n, len(STEPS), STEPS[n])


def restore_backup(backup_dir, data_dir, staff_name: str | None = None,
                   passphrase: str | None = None, *, backup_passphrase: str | None = None,
                   identity: str | None = None, different_vault: bool = False,
                   now: datetime | None = None, progress: Progress | None = None) -> Restored:
    """Replace the vault in `data_dir` with a checked backup (see the module docstring).
    `passphrase` opens the current key file, or `identity` (the coordinator's age identity)
    does when no passphrase is given; `backup_passphrase` (default: `passphrase`, then the
    identity) opens the backup when the current key file's data key does not. `progress`
    hears each of STEPS as it starts (flows.backup_restore reports the end)."""
    backup_dir = Path(backup_dir)
    if not backup_dir.is_dir():
        raise NotFound(msg("no backup folder {backup}", backup=backup_dir))
    if progress is not None:
        progress(0, len(STEPS), STEPS[0])
    manifest = read_manifest(backup_dir)
    backup_keys = KeyFile.load(backup_dir / KEY_NAME)
    if manifest.get("vault_id") != backup_keys.vault_id:
        raise VaultDamaged(msg("the backup {backup} is damaged: its key file is of another vault",
                               backup=backup_dir))
    req = _Request(backup_dir, backup_keys, target_of(data_dir), staff_name, passphrase,
                   passphrase if backup_passphrase is None else backup_passphrase, identity,
                   different_vault, now or clock.now_utc(), progress)
    with owner.acquire(req.target):
        kept = replaced_folders(req.target)
        if not os.path.lexists(req.target) and staging_folders(req.target) and kept:
            # Restoring onto the gap would let the backup's key file replace the current one.
            raise NoVault(msg("a restore was interrupted: the vault it was replacing is in "
                              "{kept}; rename it back to {target}, then restore again; "
                              "nothing was changed", kept=kept[-1], target=req.target))
        for leftover in staging_folders(req.target):
            shutil.rmtree(leftover)
        return _restore_locked(req)


def _restore_locked(req: _Request) -> Restored:
    target = req.target
    if os.path.lexists(target) and not target.is_dir():
        raise NotFound(msg("{target} is not a folder", target=target))
    if target.exists() and _device(target) != _device(target.parent):
        raise ClinicError(msg("{target} is on another file system than {parent} (a mount "
                              "point?): restore keeps the current vault by moving it aside "
                              "there, which would copy it; nothing was changed",
                              target=target, parent=target.parent))
    req.step(1)
    current, current_db = _open_current(req) if vault_exists(target) else (None, None)
    try:
        actor = current_actor(current, current_db)  # a refusal comes before any work
        if current is not None and req.backup_keys.wraps(current.data_key):
            opened = Opened(req.backup_keys, current.data_key, None)  # no re-key since
        else:
            opened = open_keyfile(req.backup_keys, req.staff_name, req.backup_passphrase,
                                   req.identity, req.backup_dir,
                                   msg("the backup {backup}", backup=req.backup_dir))
        staging = target.parent / f".{target.name}{STAGING}{secrets.token_hex(4)}"
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            req.step(2)
            _stage(req.backup_dir, staging, opened.data_key)
            req.step(3)
            result = _prepare(staging, req, opened, current, current_db, actor)
            fsutil.stage("restore_staged")
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    finally:
        if current_db is not None:
            current_db.close()  # before the swap: Windows cannot move a folder with open files
    try:
        req.step(4)
        result.replaced = _swap(staging, target, req.now)
    except BaseException:
        if os.path.lexists(target):  # the vault is in place: the staged copy is not needed
            shutil.rmtree(staging, ignore_errors=True)
        raise
    return result


def _open_current(req: _Request) -> tuple[Opened, object]:
    """The current key file, unlocked, and its database (None when it cannot be read)."""
    try:
        keyfile = current_keyfile(req.target)
    except VaultDamaged as exc:
        raise VaultDamaged(msg("{error}; restore cannot check who you are, so nothing was "
                               "changed. Move {target} aside (keep it) and restore into the "
                               "empty place", error=exc, target=req.target)) from None
    current = open_keyfile(keyfile, req.staff_name, req.passphrase, req.identity, req.target,
                            msg("the vault in {target}", target=req.target))
    return current, readable_db(req.target / DB_NAME, current.data_key)


def _prepare(staging: Path, req: _Request, opened: Opened, current: Opened | None,
             current_db, actor: str | None) -> Restored:
    """Check who restores, re-key to the current key file when it is the same vault,
    reconcile staff, audit; leaves the staged folder complete and checked."""
    db = connect(staging / DB_NAME, opened.data_key)
    try:
        same = current is not None and current.keyfile.vault_id == opened.keyfile.vault_id
        if current is not None and not same and not req.different_vault:
            raise ClinicError(msg(
                "the backup is of a different vault: the backup is {backup}, the vault in "
                "{target} is {current}; nothing was changed (to replace it anyway, add "
                "--different-vault: the replaced vault is kept)", backup=describe(db),
                target=req.target, current=describe(current_db)))
        keyfile, data_key = opened.keyfile, opened.data_key
        if same:
            keyfile = KeyFile.from_bytes(current.keyfile.to_bytes())
            data_key = secrets.token_bytes(32)
            keyfile.rewrap(data_key)
            db.execute(f"PRAGMA rekey = \"x'{data_key.hex()}'\"")
        actor = actor or backup_actor(db, opened, current, same)
        result = Restored(req.backup_dir, actor)
        if current is not None and not same:
            result.different_vault = describe(current_db)
        with db.atomic():
            _reconcile_staff(db, keyfile, current_db if same else None, actor, result)
            detail = req.backup_dir.name + (f"; removed again: {len(result.removed_again)} staff"
                                        if result.removed_again else "")
            audit.append(db, actor, "restore", "vault", "", detail)
    finally:
        db.close()
    atomic_write(staging / KEY_NAME, keyfile.to_bytes())
    verify_copy(staging / DB_NAME, data_key, "the restored copy")
    fsync_dir(staging)
    return result
