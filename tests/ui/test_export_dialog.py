"""The export dialog, offscreen: defaults to last week, exports in the background with
progress, shows the file name, cannot be closed while running, and says what is missing."""
import sys
import threading
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "export"))
from helpers import indicators, open_bundle  # noqa: E402
from weekdata import WEEK, coordinator, week_vault  # noqa: E402,F401 (fixtures)

from records import clock  # noqa: E402
from records.export import bundle  # noqa: E402
from ui.export_dialog import ExportDialog  # noqa: E402


def test_defaults_to_the_last_complete_week(qtbot, week_vault, tmp_path):
    dialog = ExportDialog(week_vault, folder=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.week == clock.last_complete_week("America/Toronto")
    assert dialog.week in dialog.week_label.text()
    assert dialog.export_button.isEnabled()


def test_exports_in_the_background_and_shows_the_file(qtbot, week_vault, coordinator, tmp_path,
                                                      monkeypatch):
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog = ExportDialog(week_vault, folder=stick)
    qtbot.addWidget(dialog)
    dialog.set_week(WEEK)
    steps = []
    shown = dialog._on_progress

    def on_progress(n, total, what):
        steps.append((n, threading.current_thread() is threading.main_thread()))
        shown(n, total, what)
    dialog._on_progress = on_progress
    dialog.show()
    dialog.export_button.click()
    assert dialog.running and not dialog.close_button.isEnabled()
    dialog.reject()  # Escape / Close while running: ignored
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    path = stick / "PAR-VAN1-2026-W10.age"
    assert "PAR-VAN1-2026-W10.age" in dialog.result.text() and "12 contacts" in dialog.result.text()
    assert [p.name for p in stick.iterdir()] == [path.name]
    assert indicators(open_bundle(path.read_bytes(), coordinator))["contacts.total"] == 12
    assert [n for n, _ in steps] == [0, 1, 2, 3] and all(on_gui for _, on_gui in steps)
    assert dialog.progress.value() == dialog.progress.maximum()
    assert [r.week for r in bundle.history(week_vault)] == [WEEK]
    first = path.read_bytes()
    asked = []

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(text)
            return reply
        return question
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    dialog.export_button.click()  # again, and the nurse keeps the file: nothing happens
    assert not dialog.running and path.read_bytes() == first
    assert len(asked) == 1 and "PAR-VAN1-2026-W10.age is already in" in asked[0]
    assert len(bundle.history(week_vault)) == 1
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    dialog.export_button.click()  # again, confirmed: replaces the file, says so
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert "replaces the earlier file" in dialog.result.text() and path.read_bytes() != first
    assert len(bundle.history(week_vault)) == 2 and len(asked) == 2
    dialog.grab().save("/tmp/export-dialog.png")
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_runs_on_the_apps_one_runner(qtbot, week_vault, tmp_path, monkeypatch):
    import ui.export_dialog
    from ui.runner import shared
    threads = []
    real = ui.export_dialog.export_week
    monkeypatch.setattr(ui.export_dialog, "export_week", lambda *args, **kwargs: (
        threads.append(shared().on_worker()), real(*args, **kwargs))[1])
    dialog = ExportDialog(week_vault, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.set_week(WEEK)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert threads == [True]  # the export ran on the shared runner's thread, nowhere else
    assert (tmp_path / "PAR-VAN1-2026-W10.age").exists()
    assert not hasattr(ui.export_dialog, "QThreadPool")


def test_missing_key_and_missing_folder_are_explained(qtbot, week_vault, coordinator,
                                                      tmp_path):
    from records import settings
    settings.update(week_vault, export_recipient="")
    dialog = ExportDialog(week_vault, folder=tmp_path)
    qtbot.addWidget(dialog)
    assert not dialog.export_button.isEnabled()
    assert "No coordinator export key" in dialog.status.text()
    settings.update(week_vault, export_recipient=str(coordinator.to_public()))
    dialog = ExportDialog(week_vault, folder=tmp_path / "no-stick")
    qtbot.addWidget(dialog)
    dialog.export_button.click()
    assert "does not exist" in dialog.status.text() and not dialog.running
    assert dialog.buttons.standardButton(dialog.close_button) == QDialogButtonBox.Close


def test_a_vault_or_backup_folder_is_refused(qtbot, week_vault, vault_dir, tmp_path):
    from records import backup
    made = backup.write_backup(week_vault, tmp_path / "stick")
    for folder, what in ((vault_dir, "vault folder"), (made, "backup folder")):
        before = sorted(p.name for p in folder.iterdir())
        dialog = ExportDialog(week_vault, folder=folder)
        qtbot.addWidget(dialog)
        dialog.set_week(WEEK)
        dialog.export_button.click()
        assert not dialog.running
        assert "Nothing was exported" in dialog.status.text() and what in dialog.status.text()
        assert sorted(p.name for p in folder.iterdir()) == before
    assert bundle.history(week_vault) == []
