"""Integrity checks and encrypted backups (restoring one is records/restore.py).

A backup is a folder `van-clinic-backup-YYYY-MM-DD_HHMMSS` holding:
- `vault.db`: an SQLCipher copy made with `sqlcipher_export`, encrypted with the same data
  key as the vault (never decrypted to disk);
- `vault.keys`: the key file as it was, so the backup opens with the passphrases of that day;
- `manifest.json`: vault id, audit head and SHA-256 of both files (no client data).
It is built under a hidden `.partial` name, opened and checked, then renamed into place, so a
folder with the final name is always complete and verified. A manifest whose hashes still
match the files makes a backup "good"; that is what a damaged vault offers to restore.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import audit, clock
from .connection import connect, is_disk_full
from .errors import ClinicError, DiskFull, NotFound, VaultDamaged, joined, msg
from .fsutil import atomic_write, ensure_private_dir, fsync_dir, private_umask
from .outputs import check_place
from .paths import DB_NAME, KEY_NAME, default_state_dir

if TYPE_CHECKING:
    from sqlite_utils import Database

    from .vault import Vault

PREFIX = "van-clinic-backup-"
MANIFEST = "manifest.json"
FORMAT = "van-clinic-backup"
_NAME = re.compile(r"^van-clinic-backup-(\d{4}-\d{2}-\d{2})_(\d{6})(?:-\d+)?$")
# write_backup's steps, reported as progress(done, len(STEPS), what) as each one starts
STEPS = ("checking the vault", "copying the vault", "checking the copy", "recording the backup")
Progress = Callable[[int, int, str], None]


def _step(progress: Progress | None, n: int) -> None:
    if progress is not None:
        progress(n, len(STEPS), STEPS[n])


# --- checks ------------------------------------------------------------------------------

def problems(db: "Database") -> list[str]:
    """Full SQLCipher page check (every page's HMAC) and SQLite's integrity_check.
    Empty when the database is intact."""
    import sqlcipher3

    try:
        found = [str(r[0]) for r in db.execute("PRAGMA cipher_integrity_check")]
        result = [str(r[0]) for r in db.execute("PRAGMA integrity_check")]
    except sqlcipher3.DatabaseError as exc:
        if is_disk_full(exc):  # the disk failed the read: not a verdict on the file
            raise DiskFull() from None
        return [msg("the database cannot be read: {reason}", reason=str(exc))]
    if result != ["ok"]:
        found += result
    return found


def require_intact(db: "Database", what: str = msg("the vault")) -> None:
    found = problems(db)
    if found:
        parts = [part for problem in found[:3] for part in ("; ", problem)][1:]
        if len(found) > 3:
            parts.append(msg(" (and {count} more)", count=len(found) - 3))
        shown = joined(*parts)
        raise VaultDamaged(msg("{what} failed its integrity check: {problems}", what=what,
                               problems=shown))


def check(vault: "Vault") -> int:
    """Raise VaultDamaged, naming the newest good backup, unless the vault is intact;
    returns the number of database pages."""
    try:
        require_intact(vault.db)
    except VaultDamaged as exc:
        raise VaultDamaged(joined(exc, ".", offer(vault.path))) from None
    return vault.db.execute("PRAGMA page_count").fetchone()[0]


# --- where backups go ----------------------------------------------------------------------

def _locations_file(vault_path) -> Path:
    digest = hashlib.sha256(os.fsencode(os.path.abspath(vault_path))).hexdigest()[:32]
    return default_state_dir() / "backups" / f"{digest}.json"


def known_locations(vault_path) -> list[Path]:
    """Folders this vault was backed up to (kept outside the vault folder, so a damaged
    vault can still name them)."""
    try:
        data = json.loads(_locations_file(vault_path).read_text(encoding="utf-8"))
        return [Path(p) for p in data if isinstance(p, str)]
    except (OSError, ValueError, TypeError):
        return []


def _remember(vault_path, folder: Path) -> None:
    folders = [str(p) for p in known_locations(vault_path)]
    folder = str(Path(folder).resolve())
    if folder in folders:
        return
    path = _locations_file(vault_path)
    ensure_private_dir(path.parent)
    atomic_write(path, json.dumps(folders + [folder], ensure_ascii=False).encode("utf-8"))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_manifest(backup_dir: Path) -> dict:
    """The manifest, after checking both files against it; VaultDamaged otherwise."""
    backup_dir = Path(backup_dir)
    try:
        manifest = json.loads((backup_dir / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT:
            raise ValueError
        for name, key in ((DB_NAME, "db_sha256"), (KEY_NAME, "keys_sha256")):
            if _sha256(backup_dir / name) != manifest[key]:
                raise VaultDamaged(msg("the backup {backup} is damaged: {name} changed since "
                                       "it was written", backup=backup_dir, name=name))
    except FileNotFoundError as exc:
        raise VaultDamaged(msg("{backup} is not a complete backup of this app ({name} is "
                               "missing)", backup=backup_dir,
                               name=Path(exc.filename).name)) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise VaultDamaged(msg("{backup} is not a backup of this app, or its manifest is "
                               "damaged", backup=backup_dir)) from None
    return manifest


def backups_in(folder) -> list[Path]:
    """Backup folders in `folder`, newest first (by name, which is the local date and time)."""
    try:
        entries = [p for p in Path(folder).iterdir() if _NAME.match(p.name) and p.is_dir()]
    except OSError:
        return []
    return sorted(entries, key=lambda p: p.name, reverse=True)


def newest_good(vault_path) -> Path | None:
    candidates = [b for folder in known_locations(vault_path) for b in backups_in(folder)]
    for candidate in sorted(candidates, key=lambda p: p.name, reverse=True):
        with contextlib.suppress(ClinicError):
            read_manifest(candidate)
            return candidate
    return None


def offer(vault_path) -> str:
    """Text appended to a damage message: the newest good backup, as a restore command."""
    found = newest_good(vault_path)
    if found is None:
        return msg(" No backup of this vault was found in the folders it was backed up to.")
    return msg(" Newest good backup: {found} (python main.py restore --from \"{found}\" "
               "--data-dir \"{vault}\")", found=found, vault=vault_path)


# --- writing a backup ------------------------------------------------------------------

def _stamp(now: datetime, tz: str) -> str:
    local = now.astimezone(clock.zone(tz))
    return local.strftime("%Y-%m-%d_%H%M%S")


def _export(vault: "Vault", target: Path) -> None:
    """sqlcipher_export into a new file keyed with the same data key."""
    key = vault.data_key.hex()
    with private_umask():
        vault.db.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{key}'\"", [str(target)])
    try:
        vault.db.execute("SELECT sqlcipher_export('backup')")
    finally:
        vault.db.execute("DETACH DATABASE backup")
    with open(target, "rb+") as f:
        os.fsync(f.fileno())


def verify_copy(db_path: Path, data_key: bytes, what: str) -> tuple[int, str]:
    """Open a copy, run the full checks and the audit verification; (audit seq, head)."""
    db = connect(db_path, data_key)
    try:
        require_intact(db, what)
        verdict = audit.verify(db, audit.recorded_heads(db))
        if not verdict.ok:
            raise VaultDamaged(msg("{what}: audit log broken at entry {entry}: {problem}",
                                   what=what, entry=verdict.first_broken,
                                   problem=verdict.problem))
        return audit.head(db)
    finally:
        db.close()


def write_backup(vault: "Vault", folder, *, now: datetime | None = None,
                 progress: Progress | None = None) -> Path:
    """Check the vault, write a verified encrypted backup into `folder`, audit it.
    `progress` hears each of STEPS as it starts (flows.backup_restore reports the end)."""
    import sqlcipher3
    check_place(folder)  # never inside a vault or backup folder; before any work
    _step(progress, 0)
    check(vault)
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NotFound(msg("cannot use the backup folder {folder}: {reason}", folder=folder,
                           reason=exc.strerror)) from None
    name = PREFIX + _stamp(now or clock.now_utc(), vault.settings.timezone)
    final, n = folder / name, 1
    while final.exists():
        n += 1
        final = folder / f"{name}-{n}"
    staging = folder / f".{final.name}.partial-{secrets.token_hex(4)}"
    try:
        os.mkdir(staging, 0o700)
        _step(progress, 1)
        _export(vault, staging / DB_NAME)
        atomic_write(staging / KEY_NAME, vault.keyfile.to_bytes())
        _step(progress, 2)
        seq, head = verify_copy(staging / DB_NAME, vault.data_key, msg("the backup copy"))
        manifest = {"format": FORMAT, "version": 1, "vault_id": vault.keyfile.vault_id,
                    "created_at": clock.to_db(clock.now_utc()), "audit_seq": seq,
                    "audit_head": head, "db_sha256": _sha256(staging / DB_NAME),
                    "keys_sha256": _sha256(staging / KEY_NAME)}
        atomic_write(staging / MANIFEST, json.dumps(manifest, indent=1).encode("ascii"))
        os.rename(staging, final)
        fsync_dir(folder)
    except DiskFull:
        shutil.rmtree(staging, ignore_errors=True)
        raise DiskFull("disk full: the backup was not written") from None
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if exc.errno in (28, 27, 122):  # ENOSPC, EFBIG, EDQUOT
            raise DiskFull("disk full: the backup was not written") from None
        raise NotFound(msg("cannot write the backup to {folder}: {reason}", folder=folder,
                           reason=exc.strerror)) from None
    except sqlcipher3.OperationalError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise NotFound(msg("cannot write the backup to {folder}: {reason}", folder=folder,
                           reason=str(exc))) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _step(progress, 3)
    vault.record("backup", "vault", "", final.name)
    _remember(vault.path, folder)
    return final


def prune(folder, keep: int) -> list[Path]:
    """Keep the newest backup of each of the `keep` most recent days; delete the others."""
    kept_days: list[str] = []
    removed = []
    for backup in backups_in(folder):
        day = _NAME.match(backup.name).group(1)
        if day not in kept_days and len(kept_days) < keep:
            kept_days.append(day)
            continue
        shutil.rmtree(backup, ignore_errors=True)
        removed.append(backup)
    return removed


def _changed_since(vault: "Vault", manifest: dict) -> bool:
    """Whether anything but backups was recorded after the backup with this manifest."""
    row = vault.db.execute("SELECT hash FROM audit WHERE seq = ?",
                           [manifest.get("audit_seq")]).fetchone()
    if manifest.get("vault_id") != vault.keyfile.vault_id or row is None or \
            row[0] != manifest.get("audit_head"):
        return True
    return vault.db.execute("SELECT count(*) FROM audit WHERE seq > ? AND action != 'backup'",
                            [manifest["audit_seq"]]).fetchone()[0] > 0


def auto_backup(vault: "Vault", *, now: datetime | None = None,
                progress: Progress | None = None) -> Path | None:
    """The rolling backup the UI runs at lock (and the CLI with `backup` and no --to): into
    settings.backup_folder, only when something changed since the newest backup there, then
    keep one per day for settings.backup_keep days. None when there was nothing to do.
    A missing folder (USB stick not plugged in) raises NotFound."""
    folder = vault.settings.backup_folder
    if not folder:
        return None
    if not Path(folder).is_dir():
        raise NotFound(msg("the backup folder {folder} is not available (is the USB stick "
                           "plugged in?); no backup was made", folder=folder))
    for newest in backups_in(folder):
        with contextlib.suppress(ClinicError):
            if not _changed_since(vault, read_manifest(newest)):
                return None
            break
    made = write_backup(vault, folder, now=now, progress=progress)
    prune(folder, max(1, vault.settings.backup_keep))
    return made
