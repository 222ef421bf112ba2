"""Opening, wrong passphrases, damage and encryption at rest."""
import os
import stat

import pytest
from conftest import FAST_KDF, PASSPHRASE, TEST_SETTINGS

from records import clients, visits
from records.errors import NoVault, UnknownStaff, VaultDamaged, VaultExists, WrongPassphrase
from records.vault import DB_NAME, KEY_NAME, Vault


def snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_reopen_finds_what_was_saved(vault, vault_dir):
    rose = clients.register(vault, "Rose")
    vault.lock()
    again = Vault.open(vault_dir, "nora nurse", PASSPHRASE)
    assert clients.get(again, rose.id).name == "Rose"
    assert again.staff.name == "Nora Nurse"
    again.lock()


def test_single_staff_vault_needs_no_name(vault, vault_dir):
    vault.lock()
    assert Vault.open(vault_dir, None, PASSPHRASE).staff.name == "Nora Nurse"


def test_wrong_passphrase_touches_no_file(vault, vault_dir):
    clients.register(vault, "Rose")
    vault.lock()
    before = snapshot(vault_dir)
    with pytest.raises(WrongPassphrase, match="wrong passphrase"):
        Vault.open(vault_dir, "Nora Nurse", "not the passphrase")
    assert snapshot(vault_dir) == before


def test_unknown_staff_name(vault, vault_dir):
    vault.lock()
    with pytest.raises(UnknownStaff):
        Vault.open(vault_dir, "Someone Else", PASSPHRASE)


def test_missing_vault_is_reported_not_created(tmp_path):
    with pytest.raises(NoVault):
        Vault.open(tmp_path / "nothing", None, PASSPHRASE)
    assert not (tmp_path / "nothing").exists()


def test_create_refuses_to_overwrite(vault, vault_dir):
    vault.lock()
    before = snapshot(vault_dir)
    with pytest.raises(VaultExists):
        Vault.create(vault_dir, "Other", "another passphrase", kdf=FAST_KDF)
    assert snapshot(vault_dir) == before


@pytest.mark.parametrize("offset", [0, 16, 100, 2000, 4095])
def test_flipped_byte_in_page_one_is_damage(vault, vault_dir, offset):
    clients.register(vault, "Rose")
    vault.lock()
    db_file = vault_dir / DB_NAME
    data = bytearray(db_file.read_bytes())
    data[offset] ^= 0x40
    db_file.write_bytes(bytes(data))
    before = snapshot(vault_dir)
    with pytest.raises(VaultDamaged, match="damaged"):
        Vault.open(vault_dir, None, PASSPHRASE)
    assert snapshot(vault_dir) == before


def test_flipped_byte_in_key_file_is_damage(vault, vault_dir):
    vault.lock()
    key_file = vault_dir / KEY_NAME
    data = bytearray(key_file.read_bytes())
    data[len(data) // 2] ^= 0x01
    key_file.write_bytes(bytes(data))
    before = snapshot(vault_dir)
    with pytest.raises(VaultDamaged):
        Vault.open(vault_dir, None, PASSPHRASE)
    assert snapshot(vault_dir) == before


def test_missing_database_with_key_file_is_damage_not_new_vault(vault, vault_dir):
    vault.lock()
    (vault_dir / DB_NAME).unlink()
    with pytest.raises(VaultDamaged):
        Vault.open(vault_dir, None, PASSPHRASE)
    assert not (vault_dir / DB_NAME).exists()


def test_files_private_and_connection_settings(vault, vault_dir):
    clients.register(vault, "Rose")
    assert stat.S_IMODE(os.stat(vault_dir).st_mode) == 0o700
    for path in vault_dir.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    pragma = lambda name: vault.db.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("temp_store") == 2  # MEMORY
    assert pragma("secure_delete") == 1
    assert pragma("journal_mode") == "delete"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("cipher_version")
    assert not (vault_dir / DB_NAME).read_bytes().startswith(b"SQLite format 3")


def test_no_plaintext_on_disk_while_open(vault, vault_dir):
    marker = "ZEBRA-MARKER-7731"
    client = clients.register(vault, f"Rose {marker}", legal_name=marker, phone=marker,
                              contact_notes=marker, problems=marker, aliases=[marker])
    visits.record(vault, client_id=client.id, note=f"note {marker}", reason=marker)
    needle = marker.encode()
    files = [p for p in vault_dir.iterdir()]
    assert {p.name for p in files} == {DB_NAME, KEY_NAME}, "saved in the database file itself"
    for path in files:
        data = path.read_bytes()
        assert needle not in data and marker.encode("utf-16-le") not in data, path.name
    # Control: the same search finds a marker planted in a plain file.
    plain = vault_dir.parent / "plain.txt"
    plain.write_text(f"x {marker} y")
    assert needle in plain.read_bytes()


def test_staff_name_absent_from_key_file(vault, vault_dir):
    data = (vault_dir / KEY_NAME).read_bytes().lower()
    for form in ("nora nurse", "nora", "nurse"):
        assert form.encode() not in data
    assert b"vault_id" in data  # control: the search does see the file's own words


def test_lock_drops_connection_and_key(vault):
    vault.lock()
    assert not vault.is_open and vault.data_key == b""
    from records.errors import Locked
    with pytest.raises(Locked):
        clients.register(vault, "Rose")


def test_settings_round_trip(vault, vault_dir):
    from records import settings
    settings.update(vault, van_code="VAN7", letterhead=["Line one", "Line two"],
                    schedule=[{"when": "Tuesday 21:00-02:00", "site": "Dundas & Adelaide"}])
    vault.lock()
    again = Vault.open(vault_dir, None, PASSPHRASE)
    assert again.settings.van_code == "VAN7"
    assert again.settings.letterhead == ("Line one", "Line two")
    assert again.settings.schedule[0].site == "Dundas & Adelaide"
    assert again.settings.timezone == TEST_SETTINGS.timezone
    again.lock()


def test_writes_together_commit_once_and_notify_after(vault):
    from records import audit
    heard = []
    vault.subscribe(lambda change: heard.append((change.entity, change.action)))
    rosa = clients.register(vault, "Rosa")
    heard.clear()
    commits = []
    vault.db.conn.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)
    with vault.together():
        visit = visits.record(vault, client_id=rosa.id, reason="check-in")
        assert heard == []  # nothing announced before it is committed
        visits.record(vault, client_id=rosa.id, reason="second")
    vault.db.conn.set_trace_callback(None)
    assert commits == ["COMMIT"]
    assert heard == [("visit", "create"), ("visit", "create")]
    assert visit in visits.for_client(vault, rosa.id)
    assert audit.verify(vault.db).ok
    actions = [r[0] for r in vault.db.execute(
        "SELECT action FROM audit ORDER BY seq DESC LIMIT 2")]
    assert actions == ["create", "create"]


def test_a_failure_together_keeps_nothing_and_says_nothing(vault):
    from records.errors import ValidationError
    rosa = clients.register(vault, "Rosa")
    heard = []
    vault.subscribe(heard.append)
    audit_rows = vault.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(ValidationError), vault.together():
        visits.record(vault, client_id=rosa.id, reason="check-in")
        visits.record(vault, client_id=rosa.id, supplies={"needles": -1})
    assert visits.for_client(vault, rosa.id) == [] and heard == []
    assert vault.db.execute("SELECT count(*) FROM audit").fetchone()[0] == audit_rows
    with vault.together():  # a refused write caught inside the block undoes only itself
        visits.record(vault, client_id=rosa.id, reason="kept")
        with pytest.raises(ValidationError):
            visits.record(vault, client_id=rosa.id, supplies={"needles": -1})
    assert [v.reason for v in visits.for_client(vault, rosa.id)] == ["kept"]
    assert len(heard) == 1
