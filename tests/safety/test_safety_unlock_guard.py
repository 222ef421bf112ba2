"""10. Wrong passphrases are answered with a growing delay; the count lives outside the
vault folder, whose files stay byte-identical."""
import pytest
from conftest import PASSPHRASE
from safety_helpers import snapshot

import main
from records import unlock_guard
from records.errors import UnknownStaff, WrongPassphrase
from records.unlock_guard import UnlockGuard, delay_for, open_guarded


class FakeTime:
    def __init__(self):
        self.now = 1_000_000.0
        self.slept = []

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def test_delays_grow_and_are_capped():
    assert [delay_for(n) for n in range(8)] == [0, 1, 2, 4, 8, 16, 30, 30]
    assert delay_for(10_000) == 30


def test_wrong_passphrases_slow_down_the_next_attempt(vault, vault_dir, tmp_path):
    vault.lock()
    t = FakeTime()
    guard = UnlockGuard(vault_dir, state_dir=tmp_path / "state", sleep=t.sleep, clock=t.clock)
    before = snapshot(vault_dir)
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            open_guarded(vault_dir, None, "wrong guess", guard=guard)
    with pytest.raises(UnknownStaff):
        open_guarded(vault_dir, "Nobody", PASSPHRASE, guard=guard)
    assert t.slept == [1, 2, 4, 8, 16]
    assert guard.failures == 6
    assert snapshot(vault_dir) == before, "a wrong passphrase changes nothing in the vault"
    assert not guard.path.is_relative_to(vault_dir)
    assert (guard.path.stat().st_mode & 0o777) == 0o600
    open_guarded(vault_dir, None, PASSPHRASE, guard=guard).lock()
    assert t.slept[-1] == 30
    assert guard.failures == 0 and not guard.path.exists()


def test_waiting_yourself_counts_and_old_failures_are_forgotten(tmp_path):
    t = FakeTime()
    guard = UnlockGuard(tmp_path / "v", state_dir=tmp_path / "s", sleep=t.sleep, clock=t.clock)
    for _ in range(3):
        guard.failed()
    assert guard.remaining() == 4
    t.now += 3
    assert guard.remaining() == 1
    t.now += 3600
    assert guard.remaining() == 0 and guard.failures == 0


def test_guard_is_per_vault(tmp_path):
    a = UnlockGuard(tmp_path / "a", state_dir=tmp_path / "s")
    b = UnlockGuard(tmp_path / "b", state_dir=tmp_path / "s")
    a.failed()
    assert a.failures == 1 and b.failures == 0


def test_the_cli_uses_the_guard(vault, vault_dir, tmp_path, monkeypatch, capsys):
    vault.lock()
    slept = []
    monkeypatch.setattr(unlock_guard.time, "sleep", slept.append)
    wrong = tmp_path / "wrong"
    wrong.write_text("wrong guess\n")
    for _ in range(3):
        assert main.main(["check", "--data-dir", str(vault_dir),
                          "--passphrase-file", str(wrong)]) == 1
    assert "wrong passphrase" in capsys.readouterr().err
    assert len(slept) == 2 and slept[1] > slept[0] > 0
    assert UnlockGuard(vault_dir).failures == 3
