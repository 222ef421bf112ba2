"""The UI pieces of the reliability work that exist so far: staff removal through the
staff editor really re-keys the vault (records.keys.remove_staff)."""
import shutil

import pytest
from conftest import FAST_KDF, PASSPHRASE
from formkit import show
from PySide6.QtCore import Qt

from records import staff
from records.errors import VaultDamaged
from records.keyfile import KeyFile
from records.vault import DB_NAME, KEY_NAME, Vault, connect
from ui.staff_editor import StaffEditor


def test_staff_editor_removal_rekeys_the_vault(qtbot, vault, vault_dir, tmp_path):
    staff.add(vault, "Omar Outreach", "outreach", "omar's passphrase", kdf=FAST_KDF)
    kept = tmp_path / "kept.keys"
    shutil.copy(vault_dir / KEY_NAME, kept)
    editor = show(qtbot, StaffEditor(vault, kdf=FAST_KDF))
    assert editor.remove_button.isEnabled()
    rows = [editor.table.item(r, 0).text() for r in range(editor.table.rowCount())]
    editor.table.setCurrentCell(rows.index("Omar Outreach"), 0)
    qtbot.mouseClick(editor.remove_button, Qt.LeftButton)
    qtbot.mouseClick(editor.confirm_remove, Qt.LeftButton)
    assert "was removed" in editor.status.text()
    vault.lock()
    old_key, _ = KeyFile.load(kept).unlock("Omar Outreach", "omar's passphrase")
    with pytest.raises(VaultDamaged):
        connect(vault_dir / DB_NAME, old_key)
    Vault.open(vault_dir, "Nora Nurse", PASSPHRASE).lock()
