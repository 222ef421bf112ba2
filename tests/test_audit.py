"""The hash-chained audit log notices edits, deletions, reordering and a cut-back chain."""
import hashlib
from datetime import datetime, timezone

import pytest
from sqlite_utils import Database

from records import audit, clients


@pytest.fixture
def logged(vault):
    for name in ("Rose", "Jo", "Sam", "Kit"):
        clients.register(vault, name)
    assert audit.verify(vault.db).ok
    return vault


def test_intact_chain(logged):
    verdict = audit.verify(logged.db)
    assert verdict.ok and verdict.entries == 5  # vault creation + 4 clients


def test_edited_entry(logged):
    logged.db.execute("UPDATE audit SET action = 'view' WHERE seq = 3")
    verdict = audit.verify(logged.db)
    assert not verdict.ok and verdict.first_broken == 3 and "altered" in verdict.problem


def test_deleted_entry(logged):
    logged.db.execute("DELETE FROM audit WHERE seq = 2")
    verdict = audit.verify(logged.db)
    assert not verdict.ok and verdict.first_broken == 2 and "missing" in verdict.problem


def test_reordered_entries(logged):
    rows = {r[0]: list(r[1:]) for r in logged.db.execute(
        "SELECT seq, at, staff, action, entity, entity_id, detail, prev_hash, hash FROM audit")}
    cols = "at = ?, staff = ?, action = ?, entity = ?, entity_id = ?, detail = ?, prev_hash = ?, hash = ?"
    logged.db.execute(f"UPDATE audit SET {cols} WHERE seq = 2", rows[3])
    logged.db.execute(f"UPDATE audit SET {cols} WHERE seq = 3", rows[2])
    verdict = audit.verify(logged.db)
    assert not verdict.ok and verdict.first_broken == 2


def test_chain_cut_back_past_a_recorded_head(logged):
    seq, digest = audit.head(logged.db)
    assert audit.verify(logged.db, [(seq, digest)]).ok
    logged.db.execute("DELETE FROM audit WHERE seq = ?", [seq])
    verdict = audit.verify(logged.db, [(seq, digest)])
    assert not verdict.ok and verdict.first_broken == seq


def test_entries_never_name_clients(logged):
    text = " ".join(str(tuple(r)) for r in logged.db.execute("SELECT * FROM audit"))
    for name in ("Rose", "Jo", "Sam", "Kit"):
        assert name not in text


# --- the hash format itself: a golden chain ------------------------------------------------
# Every vault's chain was written with this format. If an upgrade (of this code, of json or
# of hashlib) changed a single byte of it, every existing vault would fail `audit verify`:
# these hashes are written out by hand and must never be regenerated to make a test pass.
AT = datetime(2026, 3, 8, 3, 30, 15, tzinfo=timezone.utc)
GOLDEN_1 = "96f432b2090748a17784f64fcf860c4f40040b885fbadd57aba6390ec8428a91"
GOLDEN_2 = "51667bed5e38462a018d571ccce1812a425c0bfc0676dd3da1717daeef44d804"
COLUMNS = "seq, at, staff, action, entity, entity_id, detail, prev_hash, hash"


@pytest.fixture
def bare_log(monkeypatch):
    """An empty audit table (the vault's schema) in memory, the clock stopped at AT."""
    db = Database(memory=True)
    db.execute(
        "CREATE TABLE audit (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, staff TEXT NOT NULL,"
        " action TEXT NOT NULL, entity TEXT NOT NULL DEFAULT '',"
        " entity_id TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '',"
        " prev_hash TEXT NOT NULL, hash TEXT NOT NULL)")
    monkeypatch.setattr(audit.clock, "now_utc", lambda: AT)
    return db


def test_golden_chain(bare_log):
    assert audit.GENESIS == "0" * 64
    assert audit.head(bare_log) == (0, audit.GENESIS)
    assert audit.verify(bare_log) == audit.Verdict(True, 0)
    assert audit.append(bare_log, "Nora Nurse", "create", "client", 7, 'é"x') == GOLDEN_1
    assert audit.append(bare_log, "Nora Nurse", "view_hidden", "client", 7) == GOLDEN_2
    assert audit.head(bare_log) == (2, GOLDEN_2)
    assert [tuple(r) for r in bare_log.execute(f"SELECT {COLUMNS} FROM audit ORDER BY seq")] == [
        (1, "2026-03-08T03:30:15Z", "Nora Nurse", "create", "client", "7", 'é"x',
         audit.GENESIS, GOLDEN_1),
        (2, "2026-03-08T03:30:15Z", "Nora Nurse", "view_hidden", "client", "7", "",
         GOLDEN_1, GOLDEN_2)]
    assert audit.verify(bare_log) == audit.Verdict(True, 2)


def test_the_hashed_body_is_compact_utf8_json():
    """The documented format: SHA-256 of the JSON list [prev_hash, seq, at, staff, action,
    entity, entity_id, detail], no spaces, non-ASCII kept as UTF-8."""
    body = ('["' + "0" * 64 + '",1,"2026-03-08T03:30:15Z","Nora Nurse","create","client","7",'
            '"é\\"x"]')
    assert hashlib.sha256(body.encode("utf-8")).hexdigest() == GOLDEN_1


def test_append_defaults(bare_log):
    audit.append(bare_log, "Nora Nurse", "backup")
    row = bare_log.execute(f"SELECT {COLUMNS} FROM audit").fetchone()
    assert tuple(row[:7]) == (1, "2026-03-08T03:30:15Z", "Nora Nurse", "backup", "", "", "")


def test_verify_reports_exactly_where_and_what(logged):
    rows = [tuple(r) for r in logged.db.execute(f"SELECT {COLUMNS} FROM audit ORDER BY seq")]
    logged.db.execute("UPDATE audit SET detail = 'x' WHERE seq = 3")
    assert audit.verify(logged.db) == audit.Verdict(False, 2, 3, "entry 3 was altered")
    logged.db.execute("UPDATE audit SET detail = ? WHERE seq = 3", [rows[2][6]])
    logged.db.execute("UPDATE audit SET prev_hash = ? WHERE seq = 4", [audit.GENESIS])
    assert audit.verify(logged.db) == audit.Verdict(False, 3, 4, "entry 4 does not follow entry 3")
    logged.db.execute("UPDATE audit SET prev_hash = ? WHERE seq = 4", [rows[3][7]])
    logged.db.execute("DELETE FROM audit WHERE seq = 1")
    assert audit.verify(logged.db) == audit.Verdict(False, 0, 1, "entry 1 is missing")


def test_verify_checks_every_recorded_head(logged):
    heads = [tuple(r) for r in logged.db.execute("SELECT seq, hash FROM audit ORDER BY seq")]
    assert audit.verify(logged.db, heads).ok
    assert audit.verify(logged.db, [heads[1], (3, GOLDEN_1)]) == audit.Verdict(
        False, 5, 3, "the log was cut back or rewritten before entry 3, which an export recorded")


def test_recorded_heads(bare_log):
    assert audit.recorded_heads(bare_log) == []
    bare_log.execute("CREATE TABLE exports (audit_seq INTEGER, audit_head TEXT)")
    assert audit.recorded_heads(bare_log) == []
    bare_log.execute("INSERT INTO exports VALUES (1, ?), (2, ?)", [GOLDEN_1, GOLDEN_2])
    assert audit.recorded_heads(bare_log) == [(1, GOLDEN_1), (2, GOLDEN_2)]
