"""The vault's keyed SQLCipher connection: open it with a raw data key and prove the key reads
it, refuse a plaintext or damaged file, and finish or drop a re-key that was interrupted
(records/rekey.py explains the order). Below records.vault: the modules that back up,
restore and re-key use these without importing the vault."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlcipher3
from sqlite_utils import Database

from . import journal
from .errors import REFUSED_ERRNOS, VaultDamaged, msg, refused_write
from .fsutil import fsync_dir
from .keyfile import KeyFile
from .paths import DB_NAME, KEY_NAME, NEXT_KEY_NAME
from .serial import SerialConnection

SQLITE_PLAIN_HEADER = b"SQLite format 3\0"
DAMAGED_DB = msg("the database file is damaged or is not this vault's database; "
              "nothing was changed. Restore the newest backup (python main.py restore)")
FINISHED_REKEY = ("vault.keys.next: left by a re-key (staff remove or passwd --rekey) stopped "
                  "after the database had its new key; finished (it is now vault.keys)")
STALE_NEXT_KEY = ("vault.keys.next: left by a re-key (staff remove or passwd --rekey) stopped "
                  "before it committed, so it was deleted: the removal or re-key was not done, "
                  "run it again")


class VaultDatabase(Database):
    """sqlite-utils' Database on a SerialConnection (records/serial.py), with a query() that
    reads without a savepoint.

    sqlite-utils wraps every query() in SAVEPOINT ... RELEASE so that a statement returning
    no rows can be undone before it complains. Records passes only SELECTs, and outside a
    transaction those two statements open and commit one: they cost more than the
    primary-key read they guard (benchmarks/bench_save.py)."""

    def query(self, sql: str, params=None) -> Iterator[dict]:
        cursor = self.conn.execute(sql, params or ())
        if cursor.description is None:
            raise ValueError("query() is for SQL that returns rows; use execute()")
        keys = [d[0] for d in cursor.description]
        return (dict(zip(keys, row)) for row in cursor)

    def execute(self, sql: str, parameters=None):
        """sqlite-utils' execute (a statement, then maybe a COMMIT) as one locked step."""
        with self.conn.mutex:
            return super().execute(sql, parameters)

    @property
    def closed(self) -> bool:
        return self.conn.closed


def connect(db_path: Path, data_key: bytes, *, create: bool = False) -> VaultDatabase:
    """Open (or, with create, make) the encrypted database and prove the key reads it."""
    mode = "rwc" if create else "rw"
    # SQLite takes an empty file for a new database: it would be filled with a fresh schema.
    if not create and db_path.exists() and db_path.stat().st_size == 0:
        raise VaultDamaged(DAMAGED_DB)
    recovering = not create and journal.check_leftovers(db_path)
    old_umask = os.umask(0o077)
    try:
        conn = sqlcipher3.connect(f"file:{db_path}?mode={mode}", uri=True,
                                  isolation_level=None, check_same_thread=False,
                                  factory=SerialConnection)
    except sqlcipher3.DatabaseError as exc:
        raise VaultDamaged(msg("cannot open the database file: {reason}",
                               reason=str(exc))) from None
    finally:
        os.umask(old_umask)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise VaultDamaged("this SQLite build has no encryption; refusing to open the vault")
        conn.execute("PRAGMA temp_store = MEMORY")
        # SQLCipher does not encrypt temporary files: refuse to run if they could reach disk.
        if conn.execute("PRAGMA temp_store").fetchone()[0] != 2:
            raise VaultDamaged("this SQLite build cannot keep temporary data in memory; "
                               "refusing to open the vault")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        # A rollback journal, not a WAL: a commit is in the database file itself when save
        # returns (FULL: synced, power loss too), never only in WAL frames that SQLite drops
        # silently after a damaged one. Switching an older vault from WAL checkpoints it.
        if conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] != "delete":
            raise VaultDamaged("the database's write-ahead log could not be merged into it")
        conn.execute("PRAGMA synchronous = FULL")
        if recovering and conn.execute("PRAGMA cipher_integrity_check").fetchone():
            raise VaultDamaged(journal.REPLAY_DAMAGED)
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        if is_disk_full(exc):
            raise refused_write(db_path.parent) from None
        raise VaultDamaged(DAMAGED_DB) from None
    except BaseException:
        conn.close()
        raise
    assert_encrypted(db_path)
    return VaultDatabase(conn)


def assert_encrypted(db_path: Path) -> None:
    """The database file must not start with SQLite's plaintext header."""
    with open(db_path, "rb") as f:
        if f.read(len(SQLITE_PLAIN_HEADER)) == SQLITE_PLAIN_HEADER:
            raise VaultDamaged(msg("{path} is an unencrypted database; refusing to use it",
                                   path=db_path))


def is_disk_full(exc: BaseException) -> bool:
    """A write the system refused: SQLITE_FULL ("database or disk is full") on a full disk;
    SQLITE_IOERR ("disk I/O error") when a file-size limit or a vanished USB stick stops a
    write; ENOSPC, EDQUOT or EFBIG from a file write. Not damage: see errors.refused_write."""
    if isinstance(exc, OSError):
        return exc.errno in REFUSED_ERRNOS
    text = str(exc).lower()
    return "disk is full" in text or "disk i/o error" in text


def replace_key_file(path: Path) -> None:
    """Rename vault.keys.next over vault.keys, durably (the last step of a re-key)."""
    os.replace(path / NEXT_KEY_NAME, path / KEY_NAME)
    fsync_dir(path)


def unlock_resolving(path: Path, unlock: Callable[[KeyFile], tuple[bytes, str]]):
    """Unlock the key file (`unlock(keyfile) -> (data_key, slot_id)`) and connect, resolving
    a vault.keys.next left by an interrupted removal (see records/rekey.py). Only the
    vault's lock holder may call this: in any other process the re-key may be running now.
    Returns (db, keyfile, data_key, slot_id, what was resolved or '')."""
    keyfile = KeyFile.load(path / KEY_NAME)
    data_key, slot_id = unlock(keyfile)
    next_path = path / NEXT_KEY_NAME
    try:
        db = connect(path / DB_NAME, data_key)
    except VaultDamaged:
        # Stopped after the re-key, before the rename: the next key file opens the database.
        if not next_path.exists():
            raise
        keyfile = KeyFile.load(next_path)
        data_key, slot_id = unlock(keyfile)
        db = connect(path / DB_NAME, data_key)
        note = FINISHED_REKEY
    else:
        note = STALE_NEXT_KEY if next_path.exists() else ""
    try:
        if note == FINISHED_REKEY:
            replace_key_file(path)
        elif note:  # the re-key never committed: the next key file wraps a key nothing uses
            next_path.unlink()
            fsync_dir(path)
    except BaseException:
        db.close()
        raise
    return db, keyfile, data_key, slot_id, note
