"""The print preview and the print-later queue, offscreen. Dialogs that would wait for a
person are replaced; the Qt file dialog is the real one, only its exec() is stubbed."""
import contextlib
import os
import tempfile
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest
from print_fixtures import CLIENT_NAME, build_clinic, pdf_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QMessageBox

from records import clock, printing
from records.printing import PrintJob
from ui import print_preview, print_queue
from ui.print_preview import PrintPreview
from ui.print_queue import PrintQueue
from ui.printing import PrintFailed
from ui.runner import shared


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """Every temporary file of the test goes to one empty folder, checked empty at the end."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    yield folder
    assert sorted(os.listdir(folder)) == []


@pytest.fixture
def clinic(vault):
    return build_clinic(vault)


@pytest.fixture
def messages(monkeypatch):
    """Message boxes answer at once; what they said is kept."""
    said = []

    def answer(kind, reply):
        def box(parent, title, text, *args):
            said.append((kind, text))
            return reply
        return box
    monkeypatch.setattr(QMessageBox, "warning", answer("warning", QMessageBox.StandardButton.Save))
    monkeypatch.setattr(QMessageBox, "question", answer("question", QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information",
                        answer("information", QMessageBox.StandardButton.Ok))
    return said


def open_preview(qtbot, vault, job, **kwargs):
    """The preview, shown once the runner has made the document."""
    dialog = PrintPreview(vault, job, **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=20_000):
        dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def dark_pixels(dialog) -> int:
    image = dialog.view.pixmap().toImage()
    step = 2
    return sum(1 for x in range(0, image.width(), step) for y in range(0, image.height(), step)
               if QColor(image.pixel(x, y)).lightness() < 160)


def audit_prints(vault):
    return [r["detail"] for r in vault.db.query(
        "SELECT detail FROM audit WHERE action = 'print' ORDER BY seq")]


def test_preview_renders_pages_and_navigates(qtbot, clinic, private_tmp):
    job = PrintJob("referral", clinic.referral.id, "service")
    dialog = open_preview(qtbot, clinic.vault, job)
    assert dialog.page_count == 2 and dialog.page_info.text() == "Page 1 of 2"
    image = dialog.view.pixmap().toImage()
    assert image.width() > 300 and image.height() > 400
    assert QColor(image.pixel(5, 5)) == QColor(Qt.GlobalColor.white)  # white paper
    assert dark_pixels(dialog) > 200  # text was drawn
    assert not dialog.previous.isEnabled() and dialog.next.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_PageDown)
    assert dialog.page == 1 and dialog.page_info.text() == "Page 2 of 2"
    assert not dialog.next.isEnabled() and dark_pixels(dialog) > 200
    height = dialog.view.pixmap().height()
    dialog.zoom.setChecked(True)  # fit width: taller than the fitted page
    assert dialog.view.pixmap().height() > height
    dialog.copy_box.setCurrentIndex(dialog.copy_box.findData("client"))
    with qtbot.waitSignal(dialog.ready, timeout=20_000):  # made again, on the runner
        dialog.copy_box.activated.emit(dialog.copy_box.currentIndex())
    assert dialog.job.copy == "client" and dialog.page_count == 1 and dialog.page == 0
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert audit_prints(clinic.vault) == []  # previewing is not printing


def test_every_document_previews(qtbot, clinic, private_tmp):
    first, last = printing.last_days(clinic.vault)
    for job in (PrintJob("visit", clinic.visit.id, "client"),
                PrintJob("visit", clinic.visit.id, "clinical"),
                PrintJob("alert_sheet", date_from=first, date_to=last)):
        dialog = open_preview(qtbot, clinic.vault, job)
        assert dialog.page_count == 1 and dark_pixels(dialog) > 200
        assert dialog.copy_box.isVisible() == (job.kind != "alert_sheet")
        dialog.reject()


def test_ctrl_p_prints(qtbot, clinic, monkeypatch):
    calls = []
    monkeypatch.setattr(PrintPreview, "print_document", lambda self: calls.append(self.job))
    dialog = open_preview(qtbot, clinic.vault, PrintJob("visit", clinic.visit.id, "client"))
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert calls == [dialog.job]


def test_save_as_pdf_warns_then_saves_owner_only(qtbot, clinic, messages, monkeypatch,
                                                  tmp_path, private_tmp):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    target = home / "Documents" / "letter.pdf"
    seen = {}

    def fake_exec(self):
        seen.update(native=not self.testOption(QFileDialog.Option.DontUseNativeDialog),
                    folder=self.directory().absolutePath(), mode=self.acceptMode(),
                    history=self.history(), name=self.selectedFiles()[0])
        self.selectFile(str(target))
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(QFileDialog, "exec", fake_exec)
    save_pdf, saved_on = printing.save_pdf, []

    def probe(*args, **kwargs):
        saved_on.append(shared().on_worker())
        return save_pdf(*args, **kwargs)
    monkeypatch.setattr(printing, "save_pdf", probe)
    dialog = open_preview(qtbot, clinic.vault, PrintJob("visit", clinic.visit.id, "client"))
    with qtbot.waitSignal(dialog.finished, timeout=20_000):
        dialog.save_button.click()

    assert saved_on == [True]  # written on the runner, through flows.documents.save
    assert messages[0][0] == "warning" and "leaves the encrypted vault" in messages[0][1]
    assert seen["native"] is False and seen["mode"] == QFileDialog.AcceptMode.AcceptSave
    assert seen["folder"] == str(home / "Documents")
    assert os.path.basename(seen["name"]) == f"{printing.job_name(clinic.vault)}.pdf"
    assert target.read_bytes() == dialog.pdf
    assert target.stat().st_mode & 0o777 == 0o600
    assert audit_prints(clinic.vault) == [
        f"document=visit copy=client client={clinic.rose.id} to=file"]
    assert dialog.result() == QDialog.DialogCode.Accepted
    qt_settings = Path(os.environ["XDG_CONFIG_HOME"]) / "QtProject.conf"
    assert str(home) not in (qt_settings.read_text() if qt_settings.exists() else "")


def test_save_cancelled_at_the_warning_opens_no_file_dialog(qtbot, clinic, monkeypatch,
                                                             private_tmp):
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a: QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(QFileDialog, "exec", lambda self: pytest.fail("file dialog opened"))
    dialog = open_preview(qtbot, clinic.vault, PrintJob("visit", clinic.visit.id, "client"))
    dialog.save_button.click()
    assert audit_prints(clinic.vault) == [] and dialog.isVisible()


def test_save_into_a_synced_folder_is_refused(qtbot, clinic, messages, monkeypatch, tmp_path,
                                              private_tmp):
    target = tmp_path / "Dropbox" / "letter.pdf"
    target.parent.mkdir()

    def fake_exec(self):
        self.selectFile(str(target))
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(QFileDialog, "exec", fake_exec)
    dialog = open_preview(qtbot, clinic.vault, PrintJob("visit", clinic.visit.id, "client"))
    dialog.save_button.click()
    assert "synced folder" in messages[-1][1]
    assert not target.exists() and audit_prints(clinic.vault) == []


def test_save_into_the_vault_folder_is_refused(qtbot, clinic, messages, monkeypatch,
                                               vault_dir, private_tmp):
    before = sorted(p.name for p in vault_dir.iterdir())
    for target in (vault_dir / "letter.pdf", vault_dir / "vault.db"):
        def fake_exec(self, target=target):
            self.selectFile(str(target))
            return QDialog.DialogCode.Accepted
        monkeypatch.setattr(QFileDialog, "exec", fake_exec)
        dialog = open_preview(qtbot, clinic.vault, PrintJob("visit", clinic.visit.id, "client"))
        dialog.save_button.click()
        qtbot.waitUntil(lambda dialog=dialog: not dialog.busy, timeout=20_000)
        assert messages[-1][0] == "warning" and "inside a vault folder" in messages[-1][1]
        assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert sorted(p.name for p in vault_dir.iterdir()) == before
    assert audit_prints(clinic.vault) == []


def test_no_printer_offers_print_later(qtbot, clinic, messages, monkeypatch, private_tmp):
    monkeypatch.setattr(print_preview, "printer_names", lambda: [])
    job = PrintJob("referral", clinic.referral.id, "client")
    dialog = open_preview(qtbot, clinic.vault, job)
    dialog.print_button.click()
    assert messages[0][0] == "question" and "No printer is reachable" in messages[0][1]
    assert [q.job for q in printing.pending(clinic.vault)] == [job]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert audit_prints(clinic.vault) == []


def test_failed_print_offers_print_later(qtbot, clinic, messages, monkeypatch, private_tmp):
    monkeypatch.setattr(print_preview, "printer_names", lambda: ["Van printer"])
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)

    def jammed(pdf, printer):
        assert printer.docName() == printing.job_name(clinic.vault)
        raise PrintFailed("the printer did not accept the job")
    monkeypatch.setattr(print_preview, "print_pdf", jammed)
    job = PrintJob("visit", clinic.visit.id, "clinical")
    dialog = open_preview(qtbot, clinic.vault, job)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert "did not accept" in messages[0][1]
    assert [q.job for q in printing.pending(clinic.vault)] == [job]


def test_the_job_title_carries_the_clinics_date_not_the_laptops(qtbot, clinic, monkeypatch,
                                                               private_tmp):
    """21:30 on the 24th in Toronto is the 25th in UTC: the title says the 24th, as the
    letter does."""
    monkeypatch.setattr(clock, "now_utc",
                        lambda: datetime(2025, 11, 25, 2, 30, tzinfo=timezone.utc))
    monkeypatch.setattr(print_preview, "printer_names", lambda: ["Van printer"])
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    titles = []
    monkeypatch.setattr(print_preview, "print_pdf",
                        lambda pdf, printer: titles.append(printer.docName()) or 1)
    dialog = open_preview(qtbot, clinic.vault, PrintJob("referral", clinic.referral.id,
                                                        "service", language="en"))
    assert "November 24, 2025" in pdf_text(dialog.pdf)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert titles == ["Clinic document 2025-11-24"]


def test_print_is_audited(qtbot, clinic, monkeypatch, private_tmp):
    monkeypatch.setattr(print_preview, "printer_names", lambda: ["Van printer"])
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    sent, made_on = [], []
    monkeypatch.setattr(print_preview, "print_pdf", lambda pdf, printer: sent.append(
        (pdf, shared().on_worker())) or 1)
    render = print_preview.job_pdf
    monkeypatch.setattr(print_preview, "job_pdf", lambda *args: made_on.append(
        shared().on_worker()) or render(*args))
    dialog = open_preview(qtbot, clinic.vault, PrintJob("visit", clinic.visit.id, "clinical"))
    assert made_on == [True]  # rendered on the runner's thread
    dialog.print_button.click()
    assert dialog.busy and not dialog.print_button.isEnabled()  # no second job meanwhile
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    assert sent == [(dialog.pdf, True)]  # spooled on the runner's thread
    assert audit_prints(clinic.vault) == [
        f"document=visit copy=clinical client={clinic.rose.id} to=printer"]


def test_queue_view_prints_everything_waiting(qtbot, clinic, messages, monkeypatch,
                                              private_tmp):
    vault = clinic.vault
    first, last = printing.last_days(vault)
    printing.queue(vault, PrintJob("referral", clinic.referral.id, "service"))
    printing.queue(vault, PrintJob("alert_sheet", date_from=first, date_to=last))
    view = PrintQueue(vault)
    qtbot.addWidget(view)
    assert view.list.count() == 2
    assert CLIENT_NAME in view.list.item(0).text()  # the nurse sees whose letter it is
    assert view.summary.text() == "2 documents waiting for a printer."

    monkeypatch.setattr(print_queue, "printer_names", lambda: [])
    view.print_all_button.click()
    assert "No printer is reachable" in messages[-1][1] and view.list.count() == 2

    monkeypatch.setattr(print_queue, "printer_names", lambda: ["Van printer"])
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    sent = []
    monkeypatch.setattr(print_queue, "print_pdf", lambda pdf, printer: sent.append(pdf) or 1)
    view.print_all_button.click()
    qtbot.waitUntil(lambda: view.list.count() == 0, timeout=20_000)
    assert len(sent) == 2 and all(pdf.startswith(b"%PDF") for pdf in sent)
    assert printing.pending(vault) == [] and view.list.count() == 0
    assert view.summary.text() == "Nothing is waiting to print."
    assert [d.split(" ")[0] for d in audit_prints(vault)] == ["document=referral",
                                                              "document=alert_sheet"]


def test_queue_view_remove_and_preview(qtbot, clinic, monkeypatch, private_tmp):
    vault = clinic.vault
    printing.queue(vault, PrintJob("visit", clinic.visit.id, "client"))
    printing.queue(vault, PrintJob("referral", clinic.referral.id, "client"))
    view = PrintQueue(vault)
    qtbot.addWidget(view)
    view.remove_button.click()
    assert [q.job.kind for q in printing.pending(vault)] == ["referral"]
    opened = []
    monkeypatch.setattr(PrintPreview, "exec",
                        lambda self: opened.append((self.queued_id, self.later_button.isHidden(),
                                                    self.copy_box.isEnabled())))
    view.preview_button.click()
    assert opened == [(printing.pending(vault)[0].id, True, False)]
    qtbot.waitUntil(lambda: not shared().busy, timeout=20_000)  # the preview was made


def _save_through_the_real_file_dialog(qtbot, dialog, target: Path) -> None:
    """Save as PDF with Qt's own file dialog: type the folder and Enter (it opens), then the
    file name and Enter."""
    def type_path():
        file_dialog = QApplication.activeModalWidget()
        assert isinstance(file_dialog, QFileDialog)
        name = file_dialog.findChild(QLineEdit, "fileNameEdit")
        for typed in (str(target.parent), target.name):
            name.clear()
            qtbot.keyClicks(name, typed)
            qtbot.keyClick(name, Qt.Key.Key_Return)
    QTimer.singleShot(200, type_path)
    with qtbot.waitSignal(dialog.finished, timeout=20_000):
        dialog.save_button.click()


def test_save_as_pdf_leaves_no_folder_history_in_qt_settings(qtbot, clinic, messages,
                                                              monkeypatch, tmp_path):
    config = Path(os.environ["XDG_CONFIG_HOME"])
    assert config == Path(os.environ["HOME"]) / ".config"
    qt_settings = config / "QtProject.conf"
    before = qt_settings.read_bytes() if qt_settings.exists() else None
    folder = tmp_path / "saved-letters-QZ9"
    folder.mkdir()
    job = PrintJob("referral", clinic.referral.id, "service")
    try:
        # Control: without the app's guard, Qt's dialog records the folder.
        guard = print_preview._history_not_kept
        monkeypatch.setattr(print_preview, "_history_not_kept", contextlib.nullcontext)
        _save_through_the_real_file_dialog(qtbot, open_preview(qtbot, clinic.vault, job),
                                           folder / "control.pdf")
        assert (folder / "control.pdf").exists()
        assert "saved-letters-QZ9" in qt_settings.read_text()
        if before is None:
            qt_settings.unlink()
        else:
            qt_settings.write_bytes(before)
        monkeypatch.setattr(print_preview, "_history_not_kept", guard)

        _save_through_the_real_file_dialog(qtbot, open_preview(qtbot, clinic.vault, job),
                                           folder / "letter.pdf")
        assert (folder / "letter.pdf").read_bytes().startswith(b"%PDF")
        text = qt_settings.read_text() if qt_settings.exists() else ""
        assert "saved-letters-QZ9" not in text
        assert "lastVisited" not in text and "history=" not in text
    finally:
        if before is None:
            qt_settings.unlink(missing_ok=True)
        else:
            qt_settings.write_bytes(before)


def test_ctrl_p_while_the_preview_is_made_prints_once_it_is_ready(qtbot, clinic, monkeypatch,
                                                                   private_tmp):
    """A nurse who presses Ctrl+P before the page appears is not ignored: the document is
    printed once made, once."""
    monkeypatch.setattr(print_preview, "printer_names", lambda: ["Van printer"])
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    sent = []
    monkeypatch.setattr(print_preview, "print_pdf", lambda pdf, printer: sent.append(pdf) or 1)
    gate = threading.Event()
    render = print_preview.job_pdf
    monkeypatch.setattr(print_preview, "job_pdf",
                        lambda *args: gate.wait(20) and render(*args))
    dialog = PrintPreview(clinic.vault, PrintJob("visit", clinic.visit.id, "clinical"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.busy and dialog.pdf == b""
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert sent == []
    gate.set()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    assert sent == [dialog.pdf]
