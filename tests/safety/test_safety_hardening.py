"""8. Process hardening, private files, and messages that never echo what was typed."""
import subprocess
import sys
from datetime import date, datetime

import pytest
from conftest import PASSPHRASE
from safety_helpers import REPO

from records import backup, clients, validate, visits
from records.errors import ValidationError
from records.vault import Vault

MARK = "Zelda-Legal-Name-4417"


def test_main_hardens_the_process_before_anything_else():
    code = ("import main, resource\n"
            "from records.hardening import is_dumpable\n"
            "assert is_dumpable()\n"
            "try:\n    main.main(['check', '--data-dir', '/nonexistent/x', '--passphrase-file', '/nonexistent/p'])\n"
            "except SystemExit:\n    pass\n"
            "import os\nmask = os.umask(0)\n"
            "print(is_dumpable(), resource.getrlimit(resource.RLIMIT_CORE), oct(mask))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                         text=True, timeout=60)
    assert out.stdout.strip() == "False (0, 0) 0o77", out.stderr


def test_vault_files_are_private_while_open_and_after(vault, vault_dir, tmp_path):
    clients.register(vault, "Robin")
    assert (vault_dir.stat().st_mode & 0o777) == 0o700
    names = sorted(p.name for p in vault_dir.iterdir())
    assert {"vault.db", "vault.keys"} <= set(names)
    for p in vault_dir.iterdir():
        assert (p.stat().st_mode & 0o777) == 0o600, p.name
    made = backup.write_backup(vault, tmp_path / "usb")
    assert (made.stat().st_mode & 0o777) == 0o700
    vault.lock()
    for p in vault_dir.iterdir():
        assert (p.stat().st_mode & 0o777) == 0o600, p.name


def test_open_vault_keeps_temporary_data_in_memory_and_is_encrypted(vault, vault_dir):
    assert vault.db.execute("PRAGMA temp_store").fetchone()[0] == 2
    assert not (vault_dir / "vault.db").read_bytes().startswith(b"SQLite format 3")


def test_an_unencrypted_database_is_refused(vault, vault_dir):
    vault.lock()
    import sqlcipher3
    plain = vault_dir / "vault.db"
    plain.unlink()
    conn = sqlcipher3.connect(str(plain))
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    from records.errors import VaultDamaged
    with pytest.raises(VaultDamaged):
        Vault.open(vault_dir, None, PASSPHRASE)


@pytest.mark.parametrize("call", [
    lambda: validate.choice("gender", MARK, ("F", "M")),
    lambda: validate.quantity("needles", MARK),
    lambda: validate.birth_year("birth year", MARK),
    lambda: validate.past_date("birth date", MARK),
    lambda: validate.past_date("birth date", date(1800, 1, 1)),
    lambda: validate.moment("when", datetime(1800, 1, 1)),
    lambda: validate.text("name", MARK + "\x00"),
    lambda: validate.text("name", MARK * 100),
])
def test_validation_messages_never_echo_the_value(call):
    with pytest.raises(ValidationError) as info:
        call()
    assert MARK not in str(info.value) and "1800" not in str(info.value)


def test_record_level_messages_never_echo_client_values(vault):
    clients.register(vault, "Robin", ref=MARK)
    for attempt in (lambda: clients.register(vault, "Sam", ref=MARK),
                    lambda: clients.register(vault, "Sam", birth_date=MARK),
                    lambda: clients.register(vault, "Sam", gender=MARK),
                    lambda: visits.record(vault, supplies={MARK: 1}),
                    lambda: visits.record(vault, services=[MARK])):
        with pytest.raises(ValidationError) as info:
            attempt()
        assert MARK not in str(info.value)
