"""The hash-chained audit log notices edits, deletions, reordering and a cut-back chain."""
import pytest

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
