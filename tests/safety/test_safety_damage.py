"""4. Damage: a flipped byte in page 1 of the database or anywhere in the key file, or a
truncated file, gives a clear message at open naming the newest good backup; the files stay
byte-identical and nothing is re-created. Deeper damage is found by `check`, which also runs
before every backup."""
import random

import pytest
from conftest import PASSPHRASE
from safety_helpers import flip_byte, snapshot

from records import backup, clients, visits
from records.errors import VaultDamaged
from records.vault import DB_NAME, KEY_NAME, Vault


@pytest.fixture
def backed_up(vault, vault_dir, tmp_path):
    """A vault with some records, a good backup in tmp_path/usb, then locked."""
    client = clients.register(vault, "Robin")
    for n in range(40):
        visits.record(vault, client_id=client.id, note=f"note {n} " + "z" * 3000)
    made = backup.write_backup(vault, tmp_path / "usb")
    vault.lock()
    return made


def _open_fails_naming_backup(vault_dir, made):
    before = snapshot(vault_dir)
    with pytest.raises(VaultDamaged) as info:
        Vault.open(vault_dir, None, PASSPHRASE)
    assert snapshot(vault_dir) == before, "files byte-identical, nothing created or removed"
    message = str(info.value)
    assert f"Newest good backup: {made}" in message
    assert "restore" in message
    return message


@pytest.mark.parametrize("offset", [16, 100, 1000, 2048, 4000])
def test_flipped_byte_in_page_one(backed_up, vault_dir, offset):
    flip_byte(vault_dir / DB_NAME, offset)
    message = _open_fails_naming_backup(vault_dir, backed_up)
    assert "database file is damaged" in message


def test_flipped_byte_anywhere_in_the_key_file(backed_up, vault_dir):
    size = (vault_dir / KEY_NAME).stat().st_size
    original = (vault_dir / KEY_NAME).read_bytes()
    for offset in sorted({0, size - 1, *random.Random(4).sample(range(size), 30)}):
        flip_byte(vault_dir / KEY_NAME, offset)
        assert "key file" in _open_fails_naming_backup(vault_dir, backed_up)
        (vault_dir / KEY_NAME).write_bytes(original)
    Vault.open(vault_dir, None, PASSPHRASE).lock()


@pytest.mark.parametrize("name,keep", [(DB_NAME, 0.5), (DB_NAME, 0.0), (KEY_NAME, 0.5),
                                       (KEY_NAME, 0.0)])
def test_truncated_file(backed_up, vault_dir, name, keep):
    path = vault_dir / name
    path.write_bytes(path.read_bytes()[:int(path.stat().st_size * keep)])
    _open_fails_naming_backup(vault_dir, backed_up)


def test_a_damaged_backup_is_not_offered(backed_up, vault_dir, vault, tmp_path):
    flip_byte(backed_up / DB_NAME, 5000)
    flip_byte(vault_dir / DB_NAME, 100)
    with pytest.raises(VaultDamaged, match="No backup of this vault was found"):
        Vault.open(vault_dir, None, PASSPHRASE)


def test_damage_deeper_is_found_by_check_and_blocks_backups(backed_up, vault_dir, tmp_path):
    size = (vault_dir / DB_NAME).stat().st_size
    flip_byte(vault_dir / DB_NAME, size - 4096 + 200)  # inside the last page
    vault = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        with pytest.raises(VaultDamaged, match="failed its integrity check"):
            backup.check(vault)
        with pytest.raises(VaultDamaged, match="failed its integrity check"):
            backup.write_backup(vault, tmp_path / "usb2")
        assert not (tmp_path / "usb2").exists() or list((tmp_path / "usb2").iterdir()) == []
    finally:
        vault.lock()


def test_missing_files_are_reported_not_recreated(backed_up, vault_dir):
    (vault_dir / KEY_NAME).rename(vault_dir.parent / "elsewhere")
    with pytest.raises(VaultDamaged, match="key file is missing"):
        Vault.open(vault_dir, None, PASSPHRASE)
    assert not (vault_dir / KEY_NAME).exists()
