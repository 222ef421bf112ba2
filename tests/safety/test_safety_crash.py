"""1. Crash safety: SIGKILL a process that is saving visits, at random moments after unlock.

After each kill the vault opens, SQLCipher's page check and SQLite's integrity check are
clean, and every visit the child acknowledged (printed after save returned) is there, whole.
"""
import random
import signal
import time

import pytest
from conftest import FAST_KDF, PASSPHRASE, TEST_SETTINGS
from safety_child import note_for
from safety_helpers import acks, child

from records import visits
from records.vault import Vault


def _kill_rounds(vault_dir, rounds: int, seed: int) -> tuple[dict[int, int], int]:
    rng = random.Random(seed)
    acknowledged: dict[int, int] = {}
    start, killed_mid_write = 0, 0
    for _ in range(rounds):
        proc = child("visits", dir=str(vault_dir), passphrase=PASSPHRASE, start=start)
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        got = acks(out)
        acknowledged |= got
        killed_mid_write += bool(got)
        start = max(got, default=start) + 1 if got else start + 1000
        _check_after_kill(vault_dir, got)
    return acknowledged, killed_mid_write


def _check_after_kill(vault_dir, acknowledged):
    vault = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        assert vault.db.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert vault.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for n, visit_id in acknowledged.items():
            visit = visits.get(vault, visit_id)
            assert visit.note == note_for(n)
            assert visit.site == f"corner {n}"
            assert visit.supplies == {"needles": 1 + n % 50, "condoms": 2 + n % 7}
        from records import audit
        assert audit.verify(vault.db).ok
    finally:
        vault.lock()


def _new_vault(vault_dir):
    Vault.create(vault_dir, "Nora Nurse", PASSPHRASE, settings=TEST_SETTINGS,
                 kdf=FAST_KDF).lock()


@pytest.mark.slow
def test_sigkill_during_saves_loses_nothing_acknowledged(vault_dir):
    _new_vault(vault_dir)
    acknowledged, mid_write = _kill_rounds(vault_dir, rounds=25, seed=1)
    # The kills must land among saves, not before the first one.
    assert mid_write >= 20
    assert len(acknowledged) >= 50
    _check_after_kill(vault_dir, acknowledged)  # and all of them again at the end


@pytest.mark.long
def test_sigkill_during_saves_long_run(vault_dir):
    _new_vault(vault_dir)
    acknowledged, mid_write = _kill_rounds(vault_dir, rounds=300, seed=2)
    assert mid_write >= 250
    _check_after_kill(vault_dir, acknowledged)  # and all of them again at the end
