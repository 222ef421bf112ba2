"""Hash-chained audit log: every entry carries the hash of the one before it.

Entries name records by id only, never by a client's name. `verify` walks the chain and
reports the first entry that does not follow from the previous one.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlite_utils import Database

from . import clock

GENESIS = "0" * 64


def _digest(prev_hash: str, seq: int, at: str, staff: str, action: str, entity: str,
            entity_id: str, detail: str) -> str:
    body = json.dumps([prev_hash, seq, at, staff, action, entity, entity_id, detail],
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode()).hexdigest()


def head(db: Database) -> tuple[int, str]:
    """(seq, hash) of the newest entry, (0, GENESIS) for an empty log."""
    row = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


def append(db: Database, staff: str, action: str, entity: str = "", entity_id="",
           detail: str = "") -> str:
    """Add one entry; call inside the transaction of the change it records."""
    seq, prev = head(db)
    seq += 1
    at = clock.to_db(clock.now_utc())
    entity_id = str(entity_id)
    digest = _digest(prev, seq, at, staff, action, entity, entity_id, detail)
    db.execute(
        "INSERT INTO audit (seq, at, staff, action, entity, entity_id, detail, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [seq, at, staff, action, entity, entity_id, detail, prev, digest])
    return digest


@dataclass(frozen=True)
class Verdict:
    ok: bool
    entries: int
    first_broken: int | None = None
    problem: str = ""


def verify(db: Database, known_heads: list[tuple[int, str]] = ()) -> Verdict:
    """Check the whole chain; `known_heads` are (seq, hash) pairs recorded elsewhere (at each
    export) that must still be in the chain, so a log cut back past them is noticed."""
    prev, expected_seq, count = GENESIS, 1, 0
    hashes: dict[int, str] = {}
    rows = db.execute("SELECT seq, at, staff, action, entity, entity_id, detail, prev_hash, hash"
                      " FROM audit ORDER BY seq")
    for seq, at, staff, action, entity, entity_id, detail, prev_hash, digest in rows:
        if seq != expected_seq:
            return Verdict(False, count, expected_seq, f"entry {expected_seq} is missing")
        if prev_hash != prev:
            return Verdict(False, count, seq, f"entry {seq} does not follow entry {seq - 1}")
        if digest != _digest(prev_hash, seq, at, staff, action, entity, entity_id, detail):
            return Verdict(False, count, seq, f"entry {seq} was altered")
        hashes[seq] = digest
        prev, expected_seq, count = digest, seq + 1, count + 1
    for seq, digest in known_heads:
        if hashes.get(seq) != digest:
            return Verdict(False, count, seq,
                           f"the log was cut back or rewritten before entry {seq}, "
                           "which an export recorded")
    return Verdict(True, count)


def recorded_heads(db: Database) -> list[tuple[int, str]]:
    """Chain heads recorded at each export (the exports table arrives with the export)."""
    exists = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'exports'").fetchone()
    if not exists:
        return []
    return [(r[0], r[1]) for r in db.execute("SELECT audit_seq, audit_head FROM exports")]
