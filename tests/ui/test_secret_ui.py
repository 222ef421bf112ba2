"""The program code secret in the app: the settings editor refuses a weak new secret and
warns about a weak one already in the vault, as does the export dialog. (The wizard's
refusal is in test_setup_unlock.)"""
import dataclasses

from conftest import FAST_KDF, PASSPHRASE, TEST_SETTINGS
from formkit import save_keys, show, type_into

from records.vault import Vault
from ui.export_dialog import ExportDialog
from ui.settings_editor import SettingsEditor


def test_editor_refuses_a_weak_new_secret(qtbot, vault):
    editor = show(qtbot, SettingsEditor(vault))
    assert not editor.secret_warning.isVisibleTo(editor)
    editor.uic_secret.clear()
    type_into(qtbot, editor.uic_secret, "letmein")
    type_into(qtbot, editor.van_name, " 2")
    save_keys(qtbot, editor)
    assert "Program code secret: is too weak" in editor.banner.text()
    assert "coordinator secret --out FILE" in editor.banner.text()
    assert vault.settings == TEST_SETTINGS  # nothing written, the van name neither
    assert editor.uic_secret.text() == "letmein"  # kept for correcting
    editor.uic_secret.clear()
    type_into(qtbot, editor.uic_secret, "c0ffee00" + "1234abcd" * 3)
    with qtbot.waitSignal(editor.saved):
        save_keys(qtbot, editor)
    assert vault.settings.uic_secret == "c0ffee00" + "1234abcd" * 3


def test_a_weak_secret_already_there_is_warned_about(qtbot, vault_dir, tmp_path):
    weak = dataclasses.replace(TEST_SETTINGS, uic_secret="program-secret",
                               export_recipient="age1" + "q" * 58)
    vault = Vault.create(vault_dir, "Nora Nurse", PASSPHRASE, settings=weak, kdf=FAST_KDF)
    try:
        editor = show(qtbot, SettingsEditor(vault))
        assert editor.secret_warning.isVisibleTo(editor)
        assert "code secret is weak" in editor.secret_warning.text()
        type_into(qtbot, editor.van_name, " 2")  # other settings still save
        with qtbot.waitSignal(editor.saved):
            save_keys(qtbot, editor)
        assert vault.settings.uic_secret == "program-secret"
        dialog = ExportDialog(vault, folder=tmp_path)
        qtbot.addWidget(dialog)
        assert dialog.secret_warning.isVisibleTo(dialog)
        assert "coordinator secret --out FILE" in dialog.secret_warning.text()
    finally:
        vault.lock()
