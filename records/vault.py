"""The vault: a private folder holding an SQLCipher database and its key file.

The database is keyed with a random 256-bit data key given as a raw key (no PBKDF2 run at
open); the key file holds that key wrapped once per staff member (see keyfile.py). Opening
never creates, rewrites or decrypts-to-plaintext anything: a wrong passphrase fails before
the database is touched, and a file that does not decrypt is reported as damaged.
"""
from __future__ import annotations

import contextlib
import secrets
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from . import audit, backup, owner, schema
from . import settings as settings_store
from . import staff as staff_ops
from .connection import (DAMAGED_DB, SQLITE_PLAIN_HEADER, VaultDatabase, assert_encrypted,
                         connect, is_disk_full, replace_key_file, unlock_resolving)
from .errors import (
    AccessDenied, Locked, NoVault, VaultDamaged, VaultExists, joined, msg, refused_write,
)
from .fsutil import ensure_private_dir
from .keyfile import KdfParams, KeyFile
from .models import Settings, Staff
from .paths import DB_NAME, KEY_NAME, NEXT_KEY_NAME, default_data_dir, vault_exists
from .restore_paths import interrupted_restore
from .upgrade import backup_before_migrating

# Defined in records.connection and records.paths; named here too, where callers look.
__all__ = ["DAMAGED_DB", "DB_NAME", "KEY_NAME", "NEXT_KEY_NAME", "SQLITE_PLAIN_HEADER", "Change",
           "Vault", "VaultDatabase", "assert_encrypted", "connect", "default_data_dir",
           "is_disk_full", "replace_key_file"]


def _no_vault(path: Path) -> NoVault:
    return NoVault(msg("no vault in {path}; create one with: python main.py init", path=path))


@dataclass(frozen=True)
class Change:
    """What an operation changed, for widgets that refresh only what they show."""
    entity: str
    entity_id: int | None = None
    action: str = "update"


class Vault:
    """An unlocked vault and the staff member using it. Records operations take a Vault."""

    def __init__(self, path: Path, db: VaultDatabase, keyfile: KeyFile, data_key: bytes,
                 staff: Staff):
        self.path = Path(path)
        self._db: VaultDatabase | None = db
        self.keyfile = keyfile
        self._data_key = data_key
        self.staff = staff
        self._settings: Settings | None = None
        self._listeners: list[Callable[[Change], None]] = []
        self._block = threading.local()  # .changes: of this thread's open together() block
        self._owner: owner.OwnerLock | None = None  # this vault's one-owner lock, while open
        self.resolved: list[str] = []  # leftovers of interrupted work this open resolved

    # --- opening and locking -------------------------------------------------------
    @staticmethod
    def exists(path: Path) -> bool:
        return vault_exists(path)

    @classmethod
    def create(cls, path: Path, staff_name: str, passphrase: str, *, role: str = "nurse",
               contact_line: str = "", settings: Settings | None = None,
               kdf: KdfParams | None = None) -> "Vault":
        path = Path(path)
        return cls._as_owner(owner.acquire(path), lambda: cls._create(
            path, staff_name, passphrase, role, contact_line, settings, kdf))

    @classmethod
    def _create(cls, path, staff_name, passphrase, role, contact_line, settings, kdf):
        if cls.exists(path):
            raise VaultExists(msg("a vault already exists in {path}; it was left untouched",
                                  path=path))
        staff_ops.validate_new(staff_name, role, contact_line, passphrase)
        ensure_private_dir(path)
        data_key = secrets.token_bytes(32)
        keyfile = KeyFile.new()
        slot_id = keyfile.add_slot(staff_name, passphrase, data_key, kdf=kdf)
        created: list[Path] = []
        try:
            db = connect(path / DB_NAME, data_key, create=True)
            created.append(path / DB_NAME)
            schema.migrate(db)
            with db.atomic():
                settings_store.save_raw(db, settings_store.check(settings or Settings()))
                db.execute("INSERT INTO staff (name, role, contact_line, slot_id) VALUES (?,?,?,?)",
                           [staff_name.strip(), role, contact_line.strip(), slot_id])
                audit.append(db, staff_name.strip(), "create", "vault")
            keyfile.save(path / KEY_NAME)
        except BaseException:
            for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    (path / name).unlink()
            raise
        return cls._signed_in(path, db, keyfile, data_key, slot_id)

    @staticmethod
    def take(path: Path) -> owner.OwnerLock:
        """The vault's one-owner lock, taken before any of its files is read (VaultBusy if
        held elsewhere); NoVault, leaving nothing behind, when there is nothing to lock."""
        if not path.exists() and not owner.lock_path(path).exists():
            raise _no_vault(path)
        return owner.acquire(path)

    @classmethod
    def _as_owner(cls, held: owner.OwnerLock, make: Callable[[], "Vault"]) -> "Vault":
        """The vault `make` opens keeps the lock (lock() releases it); a failure releases it."""
        try:
            vault = make()
        except BaseException:
            held.release()
            raise
        vault._owner = held
        return vault

    @classmethod
    def open(cls, path: Path, staff_name: str | None, passphrase: str) -> "Vault":
        """Unlock with a staff member's passphrase, as the vault's only owner. Damage is
        reported (naming the newest good backup) and never repaired or re-created here."""
        path = Path(path)
        try:
            return cls._as_owner(cls.take(path),
                                 lambda: cls._open(path, staff_name, passphrase))
        except VaultDamaged as exc:
            raise VaultDamaged(joined(exc, backup.offer(path))) from None
        except NoVault as exc:
            raise NoVault(joined(exc, interrupted_restore(path))) from None

    @classmethod
    def _open(cls, path: Path, staff_name: str | None, passphrase: str) -> "Vault":
        key_path, db_path = path / KEY_NAME, path / DB_NAME
        if not key_path.exists() and not db_path.exists():
            raise _no_vault(path)
        if not key_path.exists():
            raise VaultDamaged(msg("the key file is missing from {path}; restore the newest "
                                   "backup", path=path))
        if not db_path.exists():
            raise VaultDamaged(msg("the database file is missing from {path}; restore the newest "
                                   "backup", path=path))
        db, keyfile, data_key, slot_id, note = unlock_resolving(
            path, lambda keys: keys.unlock(staff_name, passphrase))
        vault = cls._finish_open(path, db, keyfile, data_key, slot_id)
        vault.resolved = [note] if note else []
        return vault

    @classmethod
    def _finish_open(cls, path, db, keyfile, data_key, slot_id) -> "Vault":
        """Migrate (a vault from a newer version is refused; an older one is backed up first,
        records/upgrade.py), then sign in."""
        def back_up_first(pending: list[str]) -> None:
            old = cls._signed_in(Path(path), db, keyfile, data_key, slot_id)
            backup_before_migrating(old, pending)

        try:
            schema.migrate(db, before=back_up_first)
            vault = cls._signed_in(Path(path), db, keyfile, data_key, slot_id)
            vault.deactivate_removed_slots()
            return vault
        except BaseException:
            db.close()
            raise

    @classmethod
    def open_with_key(cls, path: Path, keyfile: KeyFile, data_key: bytes, slot_id: str, *,
                      held: owner.OwnerLock | None = None) -> "Vault":
        """Open with an unwrapped data key; `held`: the lock taken before reading the keys."""
        path = Path(path)
        return cls._as_owner(held or cls.take(path), lambda: cls._finish_open(
            path, connect(path / DB_NAME, data_key), keyfile, data_key, slot_id))

    @classmethod
    def _signed_in(cls, path, db, keyfile, data_key, slot_id) -> "Vault":
        row = next(db.query("SELECT * FROM staff WHERE slot_id = ?", [slot_id]), None)
        if row is None:
            raise AccessDenied("this key slot belongs to no staff member of the vault")
        staff = staff_ops.row_to_staff(row)
        if not staff.active:
            raise AccessDenied("this staff member was removed from the vault")
        return cls(path, db, keyfile, data_key, staff)

    def deactivate_removed_slots(self) -> None:
        """Staff whose key slot was removed are inactive (finishes a removal that was stopped
        between the re-key and the staff row update)."""
        removed = self.keyfile.removed_slot_ids()
        if not removed:
            return
        marks = ",".join("?" * len(removed))
        rows = self.db.execute(f"SELECT id FROM staff WHERE active = 1 AND slot_id IN ({marks})",
                               removed).fetchall()
        for (staff_id,) in rows:
            with self.write("remove", "staff", staff_id):
                self.db.execute("UPDATE staff SET active = 0 WHERE id = ?", [staff_id])

    def lock(self) -> None:
        """Close the database (SQLCipher cannot un-key an open connection), drop the key and
        let go of the vault: another window or command may open it now. A statement or
        transaction running on another thread finishes first (records/serial.py); any use
        after this raises Locked."""
        if self._db is not None:
            with contextlib.suppress(sqlcipher3.Error):
                self._db.close()
        self._db = None
        self._data_key = b""
        self._settings = None
        self._listeners.clear()
        if self._owner is not None:
            self._owner.release()
            self._owner = None

    @property
    def db(self) -> VaultDatabase:
        """The open database; Locked once the vault is locked."""
        if self._db is None:
            raise Locked()
        return self._db

    @property
    def is_open(self) -> bool:
        return self._db is not None

    @property
    def data_key(self) -> bytes:
        return self._data_key

    def set_data_key(self, key: bytes) -> None:
        """After a re-key (staff removal) the vault keeps working with the new key."""
        self._data_key = key

    # --- writing -----------------------------------------------------------------
    @contextlib.contextmanager
    def write(self, action: str, entity: str = "", entity_id=None, detail: str = "",
              ) -> Iterator[dict]:
        """One transaction with its audit entry. Yields a dict where the body may set
        'entity_id' once it knows it (e.g. after an INSERT). A refused write becomes DiskFull;
        any failure rolls everything back. Inside together() it joins that transaction."""
        box = {"entity_id": entity_id}
        with self.together():
            yield box
            audit.append(self.db, self.staff.name, action, entity,
                         "" if box["entity_id"] is None else box["entity_id"], detail)
            if entity:
                self._block.changes.append(Change(entity, box["entity_id"], action))

    @contextlib.contextmanager
    def together(self) -> Iterator[None]:
        """Several writes as one transaction: all saved or none, with one commit (one
        fsync). Each write keeps its own audit entry; listeners hear of the changes once
        the outermost block has committed, never of a change that was rolled back."""
        db = self.db
        if getattr(self._block, "changes", None) is not None:  # nested: the outer block commits
            with db.atomic():
                yield
            return
        self._block.changes = []
        try:
            with db.atomic():
                yield
        except sqlcipher3.OperationalError as exc:
            if is_disk_full(exc):
                raise refused_write(self.path) from None
            raise
        finally:
            held, self._block.changes = self._block.changes, None
        for change in held:
            self.notify(change)

    def insert(self, table: str, row: dict, returning: str = ""):
        """INSERT one row inside the caller's transaction; returns its id or, with
        `returning` (columns, or "*"), the row as stored, defaults included, as a dict: no
        second query to read it back. Table and column names come from code, never input."""
        marks = ", ".join("?" * len(row))
        sql = f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})"
        if not returning:
            return self.db.execute(sql, list(row.values())).lastrowid
        cursor = self.db.execute(f"{sql} RETURNING {returning}", list(row.values()))
        stored = cursor.fetchone()
        cursor.fetchall()  # the statement completes: the row is written
        return dict(zip((d[0] for d in cursor.description), stored))

    def update(self, table: str, row_id: int, row: dict) -> None:
        """UPDATE one row by id inside the caller's transaction (names from code only)."""
        sets = ", ".join(f"{column} = ?" for column in row)
        self.db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*row.values(), row_id])

    def record(self, action: str, entity: str = "", entity_id="", detail: str = "") -> None:
        """An audit entry on its own (a view of hidden fields, a print, an export)."""
        with self.write(action, entity, entity_id, detail):
            pass

    # --- settings and change listeners ------------------------------------------------
    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = settings_store.load(self.db)
        return self._settings

    def forget_settings(self) -> None:
        self._settings = None

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[Change], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def notify(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # --- roles -------------------------------------------------------------------------
    @property
    def is_police_liaison(self) -> bool:
        return self.staff.role == "police_liaison"

    def require_clinical(self) -> None:
        """Police-liaison accounts see only what clients shared with the police liaison."""
        if self.is_police_liaison:
            raise AccessDenied("a police-liaison account sees only incidents and referrals "
                               "shared with the police liaison")
