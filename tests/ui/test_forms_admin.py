"""Service directory, staff and settings editors."""
import os

from conftest import FAST_KDF, PASSPHRASE, TEST_SETTINGS
from formkit import save_keys, shoot, show, type_into, unnamed_controls
from PySide6.QtCore import Qt

import records.directory
from records import directory, staff
from records.errors import DiskFull
from records.export import vankey
from records.models import ScheduleEntry
from records.vault import Vault
from ui.directory_editor import DirectoryEditor
from ui.settings_editor import SettingsEditor
from ui.staff_editor import StaffEditor
from ui.widgets import FolderDialog


def test_directory_add_edit_retire(qtbot, vault, tmp_path, monkeypatch):
    directory.add(vault, "Hope Street Shelter", "shelter", phone="555-0101")
    editor = show(qtbot, DirectoryEditor(vault))
    assert editor.list.count() == 1 and editor.name.hasFocus()
    type_into(qtbot, editor.name, "Downtown Sexual Health Clinic")
    type_into(qtbot, editor.paper_name, "Downtown Health Centre")
    editor.kind.setFocus()
    editor.kind.setCurrentIndex(editor.kind.findData("sexual_health"))
    type_into(qtbot, editor.phone, "555-0111")
    type_into(qtbot, editor.hours, "Mon-Fri 9-5")
    with monkeypatch.context() as patch:
        patch.setattr(records.directory, "add", lambda *a, **k: (_ for _ in ()).throw(DiskFull()))
        save_keys(qtbot, editor)
    assert "refused the write" in editor.banner.text() and editor.hours.text() == "Mon-Fri 9-5"
    with qtbot.waitSignal(editor.saved) as signal:
        save_keys(qtbot, editor)
    added = signal.args[0]
    assert (added.paper_name, added.kind, added.phone) == (
        "Downtown Health Centre", "sexual_health", "555-0111")
    assert editor.list.count() == 2
    shoot(editor, "directory_editor", tmp_path)

    editor.list.setCurrentRow(1)  # Hope Street Shelter (sorted by name)
    assert editor.name.text() == "Hope Street Shelter"
    editor.name.clear()
    save_keys(qtbot, editor)
    assert "Name" in editor.banner.text() and directory.get(vault, 1).name == "Hope Street Shelter"
    type_into(qtbot, editor.name, "Hope Street Shelter (women)")
    with qtbot.waitSignal(editor.saved):
        save_keys(qtbot, editor)
    assert directory.get(vault, 1).name == "Hope Street Shelter (women)"
    qtbot.mouseClick(editor.retire_button, Qt.LeftButton)
    assert [e.name for e in directory.entries(vault)] == ["Downtown Sexual Health Clinic"]
    assert editor.list.count() == 1 and unnamed_controls(editor) == []


def test_staff_add_with_passphrase_twice(qtbot, vault, vault_dir, tmp_path):
    editor = show(qtbot, StaffEditor(vault, kdf=FAST_KDF))
    assert editor.table.rowCount() == 1
    type_into(qtbot, editor.name, "Omar Outreach")
    editor.role.setCurrentIndex(editor.role.findData("outreach"))
    type_into(qtbot, editor.contact, "Omar - 555-0102")
    type_into(qtbot, editor.passphrase, PASSPHRASE)
    type_into(qtbot, editor.passphrase_again, PASSPHRASE + "x")
    save_keys(qtbot, editor)
    assert "Passphrase" in editor.banner.text() and editor.name.text() == "Omar Outreach"
    editor.passphrase_again.clear()
    type_into(qtbot, editor.passphrase_again, PASSPHRASE)
    shoot(editor, "staff_editor", tmp_path)
    with qtbot.waitSignal(editor.saved, timeout=10_000) as signal:
        save_keys(qtbot, editor)
    added = signal.args[0]
    assert (added.name, added.role, added.contact_line) == ("Omar Outreach", "outreach",
                                                            "Omar - 555-0102")
    assert editor.table.rowCount() == 2 and editor.passphrase.text() == ""
    vault.lock()  # one owner at a time
    Vault.open(vault_dir, "Omar Outreach", PASSPHRASE).lock()  # the new passphrase opens it


def test_settings_every_field_saved(qtbot, vault, tmp_path):
    editor = show(qtbot, SettingsEditor(vault))
    assert editor.clinic_name.text() == "Night Van Clinic"
    key = vankey.van_public_text(vault.db)  # the same line and fingerprint as van-key
    assert editor.van_key.text() == f"VAN1 {key}" and editor.van_key.isReadOnly()
    assert f"Fingerprint {vankey.fingerprint(key)}:" in editor.van_key_fingerprint.text()
    assert editor.uic_secret.echoMode() == editor.uic_secret.EchoMode.Password
    editor.van_name.clear()
    type_into(qtbot, editor.van_name, "Night Van 2")
    editor.timezone.setFocus()
    editor.timezone.lineEdit().selectAll()
    qtbot.keyClicks(editor.timezone, "America/Vancouver")
    editor.letterhead.clear()
    type_into(qtbot, editor.letterhead, "Night Van Clinic")
    qtbot.keyClick(editor.letterhead, Qt.Key_Return)
    qtbot.keyClicks(editor.letterhead, "12 Side St")
    editor.paper_size.setCurrentIndex(editor.paper_size.findData("A4"))
    qtbot.mouseClick(editor.add_stop_button, Qt.LeftButton)
    editor.schedule.item(0, 0).setText("Tuesday 21:00-02:00")
    editor.schedule.item(0, 1).setText("Dundas & Richmond")
    editor.idle_lock.setValue(3)
    editor.backup_folder.setText(str(tmp_path))
    type_into(qtbot, editor.export_recipient, "not-a-key")
    save_keys(qtbot, editor)
    assert "export key" in editor.banner.text().lower()
    assert editor.van_name.text() == "Night Van 2"  # nothing lost
    editor.export_recipient.clear()
    shoot(editor, "settings_editor", tmp_path)
    with qtbot.waitSignal(editor.saved) as signal:
        save_keys(qtbot, editor)
    saved = signal.args[0]
    assert saved == vault.settings
    assert saved.van_name == "Night Van 2" and saved.timezone == "America/Vancouver"
    assert saved.letterhead == ("Night Van Clinic", "12 Side St") and saved.paper_size == "A4"
    assert saved.schedule == (ScheduleEntry("Tuesday 21:00-02:00", "Dundas & Richmond"),)
    assert saved.idle_lock_minutes == 3 and saved.backup_folder == str(tmp_path)
    assert saved.uic_secret == TEST_SETTINGS.uic_secret


def test_folder_picker_remembers_nothing(qtbot, tmp_path):
    (tmp_path / "backups").mkdir()
    dialog = FolderDialog(str(tmp_path / "backups"))
    qtbot.addWidget(dialog)
    assert dialog.selected() == str(tmp_path / "backups")
    dialog.deleteLater()
    qtbot.wait(10)
    config = os.path.join(os.environ["XDG_CONFIG_HOME"], "QtProject.conf")
    assert not os.path.exists(config)


def test_staff_list_shows_active_members_only(qtbot, vault):
    member = staff.add(vault, "Pat Liaison", "police_liaison", PASSPHRASE, kdf=FAST_KDF)
    vault.db.execute("UPDATE staff SET active = 0 WHERE id = ?", [member.id])
    editor = show(qtbot, StaffEditor(vault, kdf=FAST_KDF))
    assert [editor.table.item(r, 0).text() for r in range(editor.table.rowCount())] == [
        "Nora Nurse"]


def test_staff_removal_asks_to_confirm_naming_the_person(qtbot, vault, monkeypatch):
    import ui.staff_editor
    member = staff.add(vault, "Omar Outreach", "outreach", PASSPHRASE, kdf=FAST_KDF)
    removed = []
    monkeypatch.setattr(ui.staff_editor, "remove_staff",
                        lambda v, staff_id, progress: removed.append(staff_id))
    editor = show(qtbot, StaffEditor(vault, kdf=FAST_KDF))
    assert editor.remove_button.isEnabled()
    qtbot.mouseClick(editor.remove_button, Qt.LeftButton)  # nobody selected
    assert "select someone" in editor.banner.text() and removed == []
    rows = [editor.table.item(r, 0).text() for r in range(editor.table.rowCount())]
    editor.table.setCurrentCell(rows.index("Omar Outreach"), 0)
    qtbot.mouseClick(editor.remove_button, Qt.LeftButton)
    assert removed == [] and editor.confirm_remove.text() == "Yes, remove Omar Outreach"
    qtbot.mouseClick(editor.confirm_remove, Qt.LeftButton)
    assert not editor.confirm_remove.isVisible()
    qtbot.waitUntil(lambda: removed == [member.id])
