"""Starting the app: the right first window, fast, and the light path helpers agree with the vault."""
import subprocess
import sys

from records import paths, vault as vault_module
from records.vault import Vault
from shellkit import make_app
from ui.setup_wizard import SetupWizard


def test_paths_agree_with_the_vault(tmp_path, monkeypatch, vault_dir, vault):
    assert (paths.DB_NAME, paths.KEY_NAME) == (vault_module.DB_NAME, vault_module.KEY_NAME)
    assert paths.vault_exists(vault_dir) and Vault.exists(vault_dir)
    assert not paths.vault_exists(tmp_path / "none") and not Vault.exists(tmp_path / "none")
    monkeypatch.delenv("CLINIC_DATA_DIR", raising=False)
    assert paths.default_data_dir() == vault_module.default_data_dir()
    monkeypatch.setenv("CLINIC_DATA_DIR", str(tmp_path / "x"))
    assert paths.default_data_dir() == vault_module.default_data_dir() == tmp_path / "x"


def test_first_window_is_the_wizard_then_unlock(qtbot, tmp_path, vault_dir, vault):
    first = make_app(tmp_path / "new")
    try:
        assert isinstance(first.wizard, SetupWizard) and first.wizard.isVisible()
        assert not first.unlock_window.isVisible()
    finally:
        first.shutdown()
    vault.lock()
    again = make_app(vault_dir)
    try:
        assert again.wizard is None and again.unlock_window.isVisible()
    finally:
        again.shutdown()


def test_unlock_window_shows_without_importing_the_database_layer(tmp_path, vault_dir, vault):
    code = ("import sys; from pathlib import Path; from PySide6.QtWidgets import QApplication;"
            "app = QApplication([]); import ui.runner;"
            # background jobs (the unlock's warm-up import) are not run: only the GUI thread counts
            "ui.runner.Runner.run = lambda self, *a, **k: None;"
            "from ui.app import App; c = App(Path(sys.argv[1])); c.start();"
            "assert c.unlock_window.isVisible(); c.runner.shutdown();"
            "print(sorted(m for m in ('records.vault', 'sqlite_utils', 'pyrage', 'argon2')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(vault_dir)], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"
