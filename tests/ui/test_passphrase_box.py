"""Settings: changing your own passphrase, re-keying at once by default, saying what it does."""
import shutil

import pytest
from conftest import FAST_KDF, PASSPHRASE
from formkit import shoot, show, type_into, unnamed_controls
from PySide6.QtCore import Qt

from records.errors import VaultDamaged, WrongPassphrase
from records.keyfile import KeyFile
from records.vault import DB_NAME, KEY_NAME, Vault, connect
from ui.passphrase_box import REKEY_LATER, REKEY_NOW
from ui.settings_editor import SettingsEditor

NEW = "a brand new passphrase"


def _change(qtbot, box, current, new, again=None):
    for edit, text in ((box.current, current), (box.new, new), (box.again, again or new)):
        edit.clear()
        type_into(qtbot, edit, text)
    qtbot.mouseClick(box.change_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not box.busy, timeout=10_000)


def test_change_passphrase_in_settings_rekeys_and_says_so(qtbot, vault, vault_dir, tmp_path):
    old_copy = tmp_path / "old.keys"
    shutil.copy(vault_dir / KEY_NAME, old_copy)
    old_key = vault.data_key
    editor = show(qtbot, SettingsEditor(vault, kdf=FAST_KDF))
    box = editor.passphrase_box
    assert box.rekey.isChecked() and box.status.text() == REKEY_NOW
    box.rekey.setChecked(False)
    assert box.status.text() == REKEY_LATER
    box.rekey.setChecked(True)
    assert unnamed_controls(box) == []

    _change(qtbot, box, "not my passphrase", NEW)
    assert "Current passphrase" in editor.banner.text()
    assert editor.focusWidget() is box.current
    _change(qtbot, box, PASSPHRASE, NEW, again=NEW + "x")
    assert "New passphrase" in editor.banner.text() and vault.data_key == old_key
    _change(qtbot, box, PASSPHRASE, NEW)
    assert editor.banner.text() == "" or not editor.banner.isVisible()
    assert box.status.text() == "Passphrase changed. " + REKEY_NOW
    assert box.current.text() == box.new.text() == ""
    shoot(editor, "settings_passphrase", tmp_path)
    assert vault.data_key != old_key
    vault.lock()
    Vault.open(vault_dir, None, NEW).lock()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_dir, None, PASSPHRASE)
    stale_key, _ = KeyFile.load(old_copy).unlock(None, PASSPHRASE)
    with pytest.raises(VaultDamaged):  # an old key-file copy no longer opens the database
        connect(vault_dir / DB_NAME, stale_key)


def test_change_without_rekey_keeps_the_data_key_and_says_what_still_opens(qtbot, vault):
    old_key = vault.data_key
    editor = show(qtbot, SettingsEditor(vault, kdf=FAST_KDF))
    box = editor.passphrase_box
    box.rekey.setChecked(False)
    _change(qtbot, box, PASSPHRASE, NEW)
    assert box.status.text() == "Passphrase changed. " + REKEY_LATER
    assert vault.data_key == old_key
    assert vault.keyfile.unlock(None, NEW)[0] == old_key


def test_the_change_runs_on_the_apps_runner(qtbot, vault, vault_dir, monkeypatch):
    import ui.passphrase_box
    from ui.runner import shared
    threads = []
    real = ui.passphrase_box.change_passphrase
    monkeypatch.setattr(ui.passphrase_box, "change_passphrase", lambda *args, **kwargs: (
        threads.append(shared().on_worker()), real(*args, **kwargs))[1])
    editor = show(qtbot, SettingsEditor(vault, kdf=FAST_KDF))
    _change(qtbot, editor.passphrase_box, PASSPHRASE, NEW)
    assert threads == [True]
    assert editor.passphrase_box.status.text() == "Passphrase changed. " + REKEY_NOW
    vault.lock()
    Vault.open(vault_dir, None, NEW).lock()
