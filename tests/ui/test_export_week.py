"""The export dialog's week box and folder, driven by keys as a nurse would: a typed date means
the week holding it, an ISO week is taken as typed, F4 and Alt+Down open a calendar; the week
still in progress is exported only when confirmed; the folder defaults to the last export's
folder (kept in the vault) or a USB stick, never the home folder."""
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "export"))
from weekdata import coordinator, week_vault  # noqa: E402,F401 (fixtures)

from records import clock, staff  # noqa: E402
from records.export import bundle  # noqa: E402
from ui import export_dialog  # noqa: E402
from ui.export_dialog import ExportDialog  # noqa: E402

NOW = datetime(2026, 12, 9, 17, 0, tzinfo=timezone.utc)  # Wednesday of 2026-W50, in Toronto too


@pytest.fixture
def dialog(qtbot, week_vault, tmp_path, monkeypatch):
    monkeypatch.setattr(clock, "now_utc", lambda: NOW)
    monkeypatch.setattr(export_dialog, "removable_drives", lambda mounts=None: [], raising=False)
    stick = tmp_path / "stick"
    stick.mkdir()
    made = ExportDialog(week_vault, folder=stick)
    qtbot.addWidget(made)
    made.show()
    made.activateWindow()
    qtbot.waitUntil(made.isActiveWindow)
    return made


def type_week(qtbot, dialog, text: str) -> None:
    box = dialog.week_edit
    box.setFocus(Qt.FocusReason.TabFocusReason)  # as Shift+Tab back into it
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Tab)


def asks(monkeypatch, reply):
    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        return reply
    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_starts_on_the_last_complete_week(dialog):
    assert dialog.week == "2026-W49" and dialog.week_edit.text() == "2026-W49"
    assert "Monday 30 Nov to Sunday 06 Dec 2026" in dialog.week_label.text()
    assert "in progress" not in dialog.week_label.text()


@pytest.mark.parametrize("typed, week", [("2026-12-01", "2026-W49"), ("2026-W48", "2026-W48"),
                                         ("2026w47", "2026-W47"), ("2026-01-01", "2026-W01"),
                                         ("2025-12-29", "2026-W01")])
def test_a_typed_date_means_the_week_that_holds_it(qtbot, dialog, typed, week):
    type_week(qtbot, dialog, typed)
    assert dialog.week == week and dialog.week_edit.text() == week
    assert week in dialog.week_label.text()


def test_what_is_not_a_week_or_has_not_started_is_refused(qtbot, dialog, monkeypatch):
    for typed, problem in (("2026-13-01", "2026-13-01 is not a date"),
                           ("next week", "type a date like 2026-12-01 or a week like 2026-W49"),
                           ("2026-W51", "2026-W51 has not started yet"),
                           ("2026-12-14", "2026-W51 has not started yet")):
        type_week(qtbot, dialog, typed)
        assert dialog.week == "2026-W49", typed  # the last good week is kept
        assert dialog.week_edit.text() == typed  # and the text stays, to be corrected
        assert dialog.week_label.text() == f"Not a week: {problem}.", typed
    asks(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.export_button.click()
    assert not dialog.running and "Not a week" in dialog.status.text()
    assert list(Path(dialog.folder_edit.text()).iterdir()) == []


@pytest.mark.parametrize("keys", [(Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
                                  (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)])
def test_f4_and_alt_down_open_a_calendar(qtbot, dialog, keys):
    popup = dialog.week_edit.popup
    qtbot.keyClick(dialog.week_edit, *keys)
    assert popup.isVisible()
    calendar = popup.calendar
    assert calendar.selectedDate().toPython().isoformat() == "2026-11-30"
    target = calendar.focusWidget() or calendar
    qtbot.keyClick(target, Qt.Key.Key_Escape)  # Esc: closed, nothing changed
    assert not popup.isVisible() and dialog.week == "2026-W49"
    qtbot.keyClick(dialog.week_edit, *keys)
    target = calendar.focusWidget() or calendar
    qtbot.keyClick(target, Qt.Key.Key_Up)  # a week earlier
    qtbot.keyClick(target, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert dialog.week == "2026-W48" and dialog.week_edit.text() == "2026-W48"
    assert "Monday 23 Nov" in dialog.week_label.text()


def test_the_week_in_progress_is_exported_only_when_confirmed(qtbot, dialog, monkeypatch):
    stick = Path(dialog.folder_edit.text())
    type_week(qtbot, dialog, "2026-12-09")
    assert dialog.week == "2026-W50" and "(still in progress)" in dialog.week_label.text()
    asked = asks(monkeypatch, QMessageBox.StandardButton.No)
    dialog.export_button.click()
    assert len(asked) == 1 and "2026-W50 is still in progress" in asked[0]
    assert not dialog.running and list(stick.iterdir()) == []
    asked = asks(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert [p.name for p in stick.iterdir()] == ["PAR-VAN1-2026-W50.age"]
    type_week(qtbot, dialog, "2026-W49")  # a finished week: no question
    asked = asks(monkeypatch, QMessageBox.StandardButton.No)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert asked == [] and len(bundle.history(dialog._vault)) == 2


def test_the_folder_is_the_last_export_folder_or_a_usb_stick(qtbot, week_vault, monkeypatch,
                                                             tmp_path):
    stick, other = tmp_path / "STICK", tmp_path / "other"
    stick.mkdir()
    other.mkdir()
    drives = []
    monkeypatch.setattr(clock, "now_utc", lambda: NOW)
    monkeypatch.setattr(export_dialog, "removable_drives", lambda mounts=None: list(drives))

    dialogs = []

    def opened():
        dialogs.append(ExportDialog(week_vault))
        qtbot.addWidget(dialogs[-1])
        return dialogs[-1]

    first = opened()  # no stick, no earlier export: nothing chosen, never the home folder
    assert first.folder_edit.text() == "" and "USB stick" in first.folder_edit.placeholderText()
    first.export_button.click()
    assert "Choose the folder" in first.status.text() and not first.running
    drives.append(stick)
    assert opened().folder_edit.text() == str(stick)
    chosen = opened()
    chosen.folder_edit.setText(str(other))
    chosen.export_button.click()
    qtbot.waitUntil(lambda: not chosen.running, timeout=20_000)
    assert staff.prefs(week_vault)[export_dialog.FOLDER_PREF] == str(other)
    assert opened().folder_edit.text() == str(other)  # the last export's folder, from the vault
    other.joinpath("PAR-VAN1-2026-W49.age").unlink()
    other.rmdir()
    assert opened().folder_edit.text() == str(stick)  # gone: the stick again
    drives.clear()
    assert opened().folder_edit.text() == str(other)  # no stick: the last, to be plugged in
    assert str(Path.home()) not in {opened().folder_edit.text()}


def test_removable_drives_are_the_writable_volumes_under_media(monkeypatch, tmp_path):
    assert export_dialog.removable_drives(["/", "/home", "/boot/efi", "/tmp"]) == []
    stick = tmp_path / "media" / "nora" / "STICK"
    stick.mkdir(parents=True)
    monkeypatch.setattr(export_dialog, "_REMOVABLE_ROOTS", (str(tmp_path / "media") + "/",))
    assert export_dialog.removable_drives(["/", str(stick), str(tmp_path / "media/gone")]) == \
        [stick]
