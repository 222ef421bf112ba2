"""The reliability and security hooks of the UI, driven as a nurse would: staff removal
re-keys, the unlock delay survives a restart, damage messages name the backup, lock backs up
(or says why not) and never closes the database under a running export, the recovery key
set in Settings opens the vault, and client text on the clipboard does not stay there."""
import shutil
import threading

import pyrage
import pytest
from conftest import FAST_KDF, PASSPHRASE
from formkit import save_keys, show, type_into
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication
from shellkit import FakeClock, key, make_app, unlock

import flows.export
import ui.unlock
from records import backup, clients, search, settings, staff
from records.errors import VaultDamaged
from records.export import bundle
from records.keyfile import KeyFile
from records.unlock_guard import UnlockGuard
from records.vault import DB_NAME, KEY_NAME, Vault, connect
from ui.settings_editor import SettingsEditor
from ui.staff_editor import StaffEditor


def test_staff_editor_removal_rekeys_the_vault(qtbot, vault, vault_dir, tmp_path, monkeypatch):
    import ui.staff_editor
    from ui.runner import shared
    staff.add(vault, "Omar Outreach", "outreach", "omar's passphrase", kdf=FAST_KDF)
    kept = tmp_path / "kept.keys"
    shutil.copy(vault_dir / KEY_NAME, kept)
    editor = show(qtbot, StaffEditor(vault, kdf=FAST_KDF))
    assert editor.remove_button.isEnabled()
    rows = [editor.table.item(r, 0).text() for r in range(editor.table.rowCount())]
    editor.table.setCurrentCell(rows.index("Omar Outreach"), 0)
    qtbot.mouseClick(editor.remove_button, Qt.LeftButton)
    rekeyed_on = []
    real = ui.staff_editor.remove_staff
    monkeypatch.setattr(ui.staff_editor, "remove_staff", lambda *args: (
        rekeyed_on.append(shared().on_worker()), real(*args))[1])
    qtbot.mouseClick(editor.confirm_remove, Qt.LeftButton)
    assert not editor.save_button.isEnabled()  # nothing else starts while it re-keys
    qtbot.waitUntil(lambda: "was removed" in editor.status.text(), timeout=20_000)
    assert rekeyed_on == [True]  # the re-key ran on the runner's thread, not the GUI's
    assert [editor.table.item(r, 0).text() for r in range(editor.table.rowCount())] == [
        "Nora Nurse"]
    vault.lock()
    old_key, _ = KeyFile.load(kept).unlock("Omar Outreach", "omar's passphrase")
    with pytest.raises(VaultDamaged):
        connect(vault_dir / DB_NAME, old_key)
    Vault.open(vault_dir, "Nora Nurse", PASSPHRASE).lock()


# --- unlock ------------------------------------------------------------------------------

def test_unlock_delay_survives_a_restart_and_opens_through_the_guard(qtbot, vault, vault_dir,
                                                                     monkeypatch):
    vault.lock()
    opened_on = []
    real = ui.unlock.open_guarded

    def spy(*args, **kwargs):
        opened_on.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)
    monkeypatch.setattr(ui.unlock, "open_guarded", spy)
    clock = FakeClock()
    app = make_app(vault_dir, clock)
    try:
        unlock(qtbot, app, "not it")
        qtbot.waitUntil(lambda: "Wait 1 s" in app.unlock_window.message.text(), timeout=5000)
        clock.advance(1)
        qtbot.waitUntil(app.unlock_window.passphrase.isEnabled, timeout=3000)
        unlock(qtbot, app, "not it either")
        qtbot.waitUntil(lambda: "Wait 2 s" in app.unlock_window.message.text(), timeout=5000)
    finally:
        app.shutdown()
    assert opened_on == [False, False]  # on the runner's thread, never the GUI thread

    again = make_app(vault_dir, clock)  # quit and start again: the wait is still there
    try:
        window = again.unlock_window
        assert "2 failed attempts. Wait 2 s" in window.message.text()
        assert not window.passphrase.isEnabled() and not window.unlock_button.isEnabled()
        unlock(qtbot, again)  # typing while waiting does nothing
        assert again.main is None and window.passphrase.text() == ""
        clock.advance(2)
        qtbot.waitUntil(window.passphrase.isEnabled, timeout=3000)
        unlock(qtbot, again)
        qtbot.waitUntil(lambda: again.main is not None, timeout=10000)
        assert UnlockGuard(vault_dir, clock=clock).failures == 0  # success forgets them
    finally:
        again.shutdown()


def test_damaged_or_missing_vault_message_names_the_backup(qtbot, vault, vault_dir, tmp_path):
    made = backup.write_backup(vault, tmp_path / "usb")
    vault.lock()
    keys = vault_dir / KEY_NAME
    data = bytearray(keys.read_bytes())
    data[len(data) // 2] ^= 0x55  # a flipped byte in the key file
    keys.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged) as expected:
        Vault.open(vault_dir, None, PASSPHRASE)
    app = make_app(vault_dir)
    try:
        window = app.unlock_window
        unlock(qtbot, app)
        qtbot.waitUntil(lambda: "Newest good backup" in window.message.text(), timeout=5000)
        text = str(expected.value)
        assert window.message.text() == text[:1].upper() + text[1:]
        assert str(made) in window.message.text() and "python main.py restore" in text
        assert window.passphrase.isEnabled()  # damage is not a failed guess: no wait

        # A restore stopped between its two renames: the message says where the vault is.
        aside = vault_dir.parent / f"{vault_dir.name}.replaced-20260301T120000Z"
        vault_dir.rename(aside)
        (vault_dir.parent / f".{vault_dir.name}.restore-0a1b2c3d").mkdir()  # the staged copy
        unlock(qtbot, app)
        qtbot.waitUntil(lambda: "A restore was interrupted" in window.message.text(),
                        timeout=5000)
        assert str(aside) in window.message.text()
    finally:
        app.shutdown()


# --- lock: backup, and never under a running export -------------------------------------------

def _opened(qtbot, vault_dir, clock=None, **kwargs):
    app = make_app(vault_dir, clock, **kwargs)
    unlock(qtbot, app)
    qtbot.waitUntil(lambda: app.main is not None, timeout=10000)
    return app


def test_lock_backs_up_to_the_stick_and_locks_anyway_without_it(qtbot, vault, vault_dir,
                                                                  tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    settings.update(vault, backup_folder=str(stick))
    vault.lock()
    app = _opened(qtbot, vault_dir)
    try:
        clients.register(app.vault, "Robin")
        opened = app.vault
        with qtbot.waitSignal(app.closed, timeout=10000) as closed:
            key(qtbot, app.main, "Ctrl+L")
            assert app.main is None and app.unlock_window.isVisible()
        [made] = backup.backups_in(stick)
        assert closed.args == [made] and not opened.is_open
        assert backup.read_manifest(made)["vault_id"]

        # The stick is pulled out: the lock happens all the same and says so.
        unlock(qtbot, app)
        qtbot.waitUntil(lambda: app.main is not None, timeout=10000)
        clients.register(app.vault, "Sam")
        opened = app.vault
        stick.rename(tmp_path / "elsewhere")
        with qtbot.waitSignal(app.closed, timeout=10000) as closed:
            key(qtbot, app.main, "Ctrl+L")
        assert closed.args == [None] and not opened.is_open and app.vault is None
        message = app.unlock_window.message.text()
        assert message.startswith("Locked, but the backup folder")
        assert str(stick) in message and "USB stick" in message
        unlock(qtbot, app)
        qtbot.waitUntil(lambda: app.main is not None, timeout=10000)
        assert [h.name for h in search.search(app.vault, "robin")] == ["Robin"]
    finally:
        app.shutdown()


def test_lock_during_an_export_clears_at_once_and_closes_after_the_job(
        qtbot, vault, vault_dir, tmp_path, monkeypatch):
    settings.update(vault, export_recipient=str(pyrage.x25519.Identity.generate().to_public()))
    clients.register(vault, "Robin")
    vault.lock()
    inside, release, read = threading.Event(), threading.Event(), []
    collect = flows.export.week.collect

    def slow_collect(vault, which):  # a long query, still using the database when released
        inside.set()
        release.wait(10)
        data = collect(vault, which)
        read.append(data)
        return data
    monkeypatch.setattr(flows.export.week, "collect", slow_collect)
    app = _opened(qtbot, vault_dir)
    try:
        opened = app.vault
        key(qtbot, app.main, "Ctrl+Shift+E")
        dialog = app.main.export_dialog
        qtbot.waitExposed(dialog)
        dialog.activateWindow()  # modal over the main window, whose shortcuts it blocks
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.folder_edit.setText(str(tmp_path))
        qtbot.mouseClick(dialog.export_button, Qt.LeftButton)
        assert inside.wait(10) and dialog.running
        key(qtbot, dialog, "Ctrl+L")
        # The lock did not wait for the job: the job is still held inside its query (it
        # gives up waiting only after 10 s), yet the window is already cleared.
        assert read == [] and not release.is_set()
        assert app.main is None and app.unlock_window.isVisible()
        assert opened.is_open, "the export still runs: the database stays open under it"
        with qtbot.waitSignal(app.closed, timeout=10000):
            release.set()
        assert len(read) == 1, "the query ran to its end on an open database"
        assert not opened.is_open
        assert list(tmp_path.glob("*.age")) == []  # cancelled before the file was written
        unlock(qtbot, app)
        qtbot.waitUntil(lambda: app.main is not None, timeout=10000)
        assert bundle.history(app.vault) == []
    finally:
        release.set()
        app.shutdown()


# --- settings: the recovery key -----------------------------------------------------------

def test_recovery_key_set_in_settings_opens_the_vault(qtbot, vault, vault_dir):
    identity = pyrage.x25519.Identity.generate()
    editor = show(qtbot, SettingsEditor(vault))
    type_into(qtbot, editor.recovery_recipient, "age1notakey")
    save_keys(qtbot, editor)
    assert "Recovery key" in editor.banner.text()
    assert editor.focusWidget() is editor.recovery_recipient
    editor.recovery_recipient.clear()
    type_into(qtbot, editor.recovery_recipient, str(identity.to_public()))
    type_into(qtbot, editor.van_name, "Night Van 2")
    with qtbot.waitSignal(editor.saved):
        save_keys(qtbot, editor)
    assert vault.settings.recovery_recipient == str(identity.to_public())
    data_key = vault.data_key
    vault.lock()
    assert KeyFile.load(vault_dir / KEY_NAME).recover(str(identity)) == data_key
    opened = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        assert opened.settings.van_name == "Night Van 2"  # saved with it
        editor = show(qtbot, SettingsEditor(opened))  # removing it is refused, not half-done
        editor.recovery_recipient.clear()
        save_keys(qtbot, editor)
        assert "cannot be removed" in editor.banner.text()
        assert opened.settings.recovery_recipient == str(identity.to_public())
    finally:
        opened.lock()


# --- clipboard ---------------------------------------------------------------------------

def _copy_from_search(qtbot, app, text):
    box = app.main.search.box
    box.setFocus()
    box.setText(text)
    key(qtbot, box, "Ctrl+A")
    key(qtbot, box, "Ctrl+C")
    assert QApplication.clipboard().text() == text


def test_copied_client_text_is_cleared_after_a_while_at_lock_and_at_exit(qtbot, vault,
                                                                         vault_dir):
    clients.register(vault, "Robin Clipboard")
    vault.lock()
    app = _opened(qtbot, vault_dir, clipboard_ms=300)
    try:
        _copy_from_search(qtbot, app, "Robin Clipboard")
        qtbot.wait(100)
        assert QApplication.clipboard().text() == "Robin Clipboard"  # not at once
        qtbot.waitUntil(lambda: QApplication.clipboard().text() == "", timeout=3000)

        app.clipboard.timer.setInterval(60_000)
        _copy_from_search(qtbot, app, "Robin Clipboard")
        key(qtbot, app.main, "Ctrl+L")
        assert QApplication.clipboard().text() == ""

        unlock(qtbot, app)
        qtbot.waitUntil(lambda: app.main is not None, timeout=10000)
        _copy_from_search(qtbot, app, "Robin Clipboard")
    finally:
        app.shutdown()
    assert QApplication.clipboard().text() == ""


class _X11Clipboard(QObject):
    """A clipboard with X11's PRIMARY selection (the offscreen platform has none)."""
    dataChanged = Signal()

    def __init__(self):
        super().__init__()
        self.texts = {QClipboard.Mode.Clipboard: "", QClipboard.Mode.Selection: ""}
        self.owned = set()

    def text(self, mode=QClipboard.Mode.Clipboard):
        return self.texts[mode]

    def select(self, text, ours=True):
        self.texts[QClipboard.Mode.Selection] = text
        (self.owned.add if ours else self.owned.discard)(QClipboard.Mode.Selection)

    def supportsSelection(self):  # noqa: N802 (Qt's names)
        return True

    def ownsClipboard(self):  # noqa: N802
        return QClipboard.Mode.Clipboard in self.owned

    def ownsSelection(self):  # noqa: N802
        return QClipboard.Mode.Selection in self.owned

    def clear(self, mode=QClipboard.Mode.Clipboard):
        self.texts[mode] = ""


def test_text_selected_in_the_app_is_not_offered_to_other_programs_after_lock(qtbot):
    from ui.app import ClipboardGuard
    board = _X11Clipboard()
    guard = ClipboardGuard(clipboard=board)
    board.select("Robin Clipboard")  # selected in a field: X11 offers it to everyone
    guard.clear()  # what lock and exit call
    assert board.text(QClipboard.Mode.Selection) == ""
    board.select("a web address", ours=False)  # selected in another program: left alone
    guard.clear()
    assert board.text(QClipboard.Mode.Selection) == "a web address"
