"""11. Every view of hidden fields, edit, backup and restore is in the hash chain, and
`verify` catches an edited, deleted or reordered entry and a chain cut back past a head
recorded elsewhere. (Print and export entries arrive with those features.)"""
import pytest
from conftest import PASSPHRASE

from records import audit, backup, clients, restore, visits
from records.vault import Vault


def _actions(vault):
    return [tuple(r) for r in vault.db.execute(
        "SELECT action, entity, entity_id FROM audit ORDER BY seq")]


def test_views_edits_backups_and_restores_are_audited(vault, vault_dir, tmp_path):
    robin = clients.register(vault, "Robin", legal_name="R. Legal")
    clients.reveal_hidden(vault, robin.id)
    clients.update(vault, robin.id, phone="555")
    visit = visits.record(vault, client_id=robin.id, note="first")
    visits.correct(vault, visit.id, note="second")
    made = backup.write_backup(vault, tmp_path / "usb")
    actions = _actions(vault)
    for expected in [("create", "client", str(robin.id)),
                     ("view_hidden", "client", str(robin.id)),
                     ("update", "client", str(robin.id)),
                     ("create", "visit", str(visit.id)),
                     ("correct", "visit", str(visit.id)),
                     ("backup", "vault", "")]:
        assert expected in actions
    vault.lock()
    restore.restore_backup(made, vault_dir, None, PASSPHRASE)
    restored = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        assert _actions(restored)[-1] == ("restore", "vault", "")
        assert audit.verify(restored.db).ok
    finally:
        restored.lock()


@pytest.fixture
def chained(vault):
    robin = clients.register(vault, "Robin")
    for n in range(5):
        visits.record(vault, client_id=robin.id, note=f"n{n}")
    assert audit.verify(vault.db).ok
    return vault


def _tamper(vault, sql, params=()):
    vault.db.execute(sql, params)


def test_verify_catches_an_edited_entry(chained):
    _tamper(chained, "UPDATE audit SET staff = 'Someone Else' WHERE seq = 3")
    verdict = audit.verify(chained.db)
    assert not verdict.ok and verdict.first_broken == 3 and "altered" in verdict.problem


def test_verify_catches_a_deleted_entry(chained):
    _tamper(chained, "DELETE FROM audit WHERE seq = 4")
    verdict = audit.verify(chained.db)
    assert not verdict.ok and verdict.first_broken == 4 and "missing" in verdict.problem


def test_verify_catches_reordered_entries(chained):
    rows = {r[0]: r for r in chained.db.execute("SELECT * FROM audit WHERE seq IN (3, 4)")}
    _tamper(chained, "DELETE FROM audit WHERE seq IN (3, 4)")
    for seq, other in ((3, 4), (4, 3)):
        _tamper(chained, "INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [seq, *rows[other][1:]])
    verdict = audit.verify(chained.db)
    assert not verdict.ok and verdict.first_broken == 3


def test_verify_catches_a_chain_cut_back_past_a_recorded_head(chained):
    recorded = [audit.head(chained.db)]  # what an export records (exports table, 0002_exports)
    visits.record(chained, note="after the export")
    _tamper(chained, "DELETE FROM audit WHERE seq >= ?", [recorded[0][0]])
    assert audit.verify(chained.db).ok, "a cut-back chain is consistent on its own..."
    verdict = audit.verify(chained.db, recorded)
    assert not verdict.ok and "cut back" in verdict.problem  # ...but not with the heads


def test_audit_verify_cli_reports_a_broken_chain(chained, vault_dir, tmp_path, capsys):
    import main
    _tamper(chained, "UPDATE audit SET detail = 'x' WHERE seq = 2")
    chained.lock()
    (tmp_path / "pw").write_text(PASSPHRASE)
    assert main.main(["audit", "verify", "--data-dir", str(vault_dir),
                      "--passphrase-file", str(tmp_path / "pw")]) == 1
    assert "audit log broken at entry 2" in capsys.readouterr().err
    assert main.main(["check", "--data-dir", str(vault_dir),
                      "--passphrase-file", str(tmp_path / "pw")]) == 1
