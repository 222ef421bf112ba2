"""One owner at a time, as a nurse meets it: the unlock window says another window or command
has the vault open (and nothing is lost or created); locking the app (Ctrl+L, idle) lets go
of the vault and unlocking takes it again."""
import hashlib
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from records import owner
from records.vault import Vault
from shellkit import FakeClock, flush_deletes, key, make_app, ready_app, unlock  # noqa: F401

REPO = Path(__file__).resolve().parents[2]
HOLD = ("import sys; sys.path.insert(0, sys.argv[1]); from records.vault import Vault;"
        "v = Vault.open(sys.argv[2], None, sys.argv[3]); print('ready', flush=True);"
        "sys.stdin.read(); v.lock()")


def files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def held_by_someone(folder) -> bool:
    try:
        owner.acquire(folder).release()
        return False
    except owner.VaultBusy:
        return True


@pytest.fixture
def other_window(vault, vault_dir):
    """Another process holding the vault (as a second app window or a command would)."""
    vault.lock()
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(REPO), str(vault_dir), PASSPHRASE],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "ready\n"
    yield proc
    proc.stdin.close()
    proc.wait(60)


def test_unlock_says_another_window_has_the_vault_and_changes_nothing(qtbot, vault_dir,
                                                                      other_window, tmp_path):
    before = files(vault_dir)
    app = make_app(vault_dir)
    try:
        window = app.unlock_window
        unlock(qtbot, app)
        qtbot.waitUntil(lambda: "open in another window" in window.message.text(), timeout=10000)
        assert window.message.text() == (
            f"The vault is open in another window or command (pid {other_window.pid} on "
            f"{socket.gethostname()} since {window.message.text()[-6:-1]})")
        assert app.vault is None and app.main is None and window.isVisible()
        assert window.passphrase.isEnabled() and window.guard.failures == 0  # not a wrong try
        assert files(vault_dir) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "vault", "vault.lock", "vault.lock-owner"]

        other_window.stdin.close()  # the other window locks
        other_window.wait(60)
        unlock(qtbot, app)
        qtbot.waitUntil(lambda: app.main is not None, timeout=10000)
        assert held_by_someone(vault_dir)
    finally:
        app.shutdown()
    assert not held_by_someone(vault_dir)


def test_locking_the_app_lets_go_and_unlocking_takes_the_vault_again(qtbot, tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path / "vault", clock)
    from shellkit import finish_setup
    try:
        finish_setup(qtbot, app)  # the new vault is held from its creation
        folder = tmp_path / "vault"
        with pytest.raises(owner.VaultBusy):
            Vault.open(folder, None, PASSPHRASE)

        with qtbot.waitSignal(app.closed, timeout=10000):
            key(qtbot, app.main, "Ctrl+L")
        assert not held_by_someone(folder)

        unlock(qtbot, app)
        qtbot.waitUntil(lambda: app.main is not None, timeout=10000)
        assert held_by_someone(folder)

        with qtbot.waitSignal(app.closed, timeout=10000):
            clock.advance(app.vault.settings.idle_lock_minutes * 60 + 1)
            app.idle.check()
        flush_deletes()
        assert app.vault is None and not held_by_someone(folder)
        Vault.open(folder, None, PASSPHRASE).lock()  # a command may use it while locked
    finally:
        app.shutdown()
