"""The end-of-week export: pick a week and a folder (a USB stick), get one encrypted file.

The export (reading the week, the PDF, encryption, writing, recording) runs on the app's
runner (ui/ops.py), queued behind any other database work, so the window never freezes;
while it runs the dialog cannot be closed and nothing else in it touches the vault.

Locking while an export runs cancels it: the job stops at its next step if the file is not
written yet (nothing is left behind), or finishes recording a file already written; the
vault is closed only after the job has returned (the runner is serial), never under a query.
"""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QStorageInfo, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QProgressBar,
                               QPushButton, QVBoxLayout, QWidget)

from records import clock, outputs, staff
from records import settings as settings_store
from records.errors import ClinicError
from flows.export import STEPS, default_file_name, export_week
from ui import i18n
from ui.a11y import buddy
from ui.ops import Op
from ui.week_box import WeekBox, monday_of
from ui.widgets import FolderDialog
from ui.i18n import error_text

class ExportCancelled(Exception):
    """The export was stopped (the app locked) before its file was written."""


WRITTEN = STEPS.index("Recording the export")  # steps from here on follow the file's writing
FOLDER_PREF = "export_folder"
_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/Volumes/")


def removable_drives(mounts: list[str] | None = None) -> list[Path]:
    """Writable mounted removable drives (USB sticks): volumes under /media and /run/media
    (Linux) or /Volumes (macOS). `mounts`: mount points to look at (default: the system's)."""
    if mounts is None:
        mounts = [v.rootPath() for v in QStorageInfo.mountedVolumes()
                  if v.isValid() and v.isReady() and not v.isReadOnly()]
    return [Path(m) for m in mounts
            if m.startswith(_REMOVABLE_ROOTS) and Path(m).is_dir() and os.access(m, os.W_OK)]


def default_folder(vault) -> str:
    """Where an export goes unless the nurse chooses: the folder of this staff member's last
    export (kept in the vault, never in Qt's dialog history) while it is there, else a
    mounted USB stick, else the last folder anyway (the message then asks for the stick)."""
    last = staff.prefs(vault).get(FOLDER_PREF) or ""
    if last and Path(last).is_dir():
        return last
    drives = removable_drives()
    return str(drives[0]) if drives else last


class ExportDialog(QDialog):
    def __init__(self, vault, parent: QWidget | None = None, *, folder: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the week for the coordinator"))
        self._vault = vault
        self._replacing = False
        self.op: Op | None = None  # the export running, or the last one
        self.exported = None  # the last result (flows.export.Exported)

        settings = vault.settings  # read on the GUI thread, before any worker runs
        self._tz = settings.timezone
        self._has_key = bool(settings.export_recipient)
        weak = settings_store.weak_secret_warning(settings)
        self.secret_warning = QLabel(self.tr("Warning: {problem}.").format(problem=weak)
                                     if weak else "", wordWrap=True)
        self.secret_warning.setAccessibleName(self.tr("Code secret warning"))
        self.secret_warning.setVisible(bool(weak))

        self._today = clock.local_date(clock.now_utc(), self._tz)
        self.week_edit = WeekBox(self._today)
        self.week_label = QLabel()
        self.week_edit.week_changed.connect(self._show_week)
        self.week_edit.refused.connect(self.week_label.setText)
        self.set_week(clock.last_complete_week(self._tz))

        self.folder_edit = QLineEdit(str(folder) if folder else default_folder(vault))
        self.folder_edit.setPlaceholderText(self.tr("Plug in the USB stick, then Choose…"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(choose)

        self.progress = QProgressBar()
        self.progress.setRange(0, len(STEPS))
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextSelectableByMouse)

        form = QFormLayout()
        week_row = QHBoxLayout()
        week_row.addWidget(self.week_edit)
        week_row.addWidget(self.week_label, 1)
        form.addRow(buddy(self.tr("&Week:"), self.week_edit), week_row)
        form.addRow(buddy(self.tr("&Folder:"), self.folder_edit), folder_row)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.Close)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)

        note = QLabel(self.tr("The file is encrypted to the coordinator's key: only the "
                              "coordinator can open it, and this laptop cannot read it back. "
                              "It carries no names."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.secret_warning)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        if not self._has_key:
            self.export_button.setEnabled(False)
            self.status.setText(self.tr("No coordinator export key is set. Add it in Settings "
                                        "(the coordinator's public key, age1…) to export."))
        self.setMinimumWidth(560)

    # --- week and folder ---------------------------------------------------------------
    def set_week(self, week: str) -> None:
        self.week_edit.set_week(week)
        self._show_week()

    @property
    def week(self) -> str:
        return self.week_edit.week()

    @property
    def in_progress(self) -> bool:
        """The chosen week is this week, not over yet."""
        return self.week == clock.iso_week(self._today)

    def _show_week(self) -> None:
        monday = QDate(monday_of(self.week))
        sunday = monday.addDays(6)
        locale = QLocale("fr_CA" if i18n.current() == "fr" else "en_US")
        text = self.tr("{week}: Monday {monday} to Sunday {sunday}").format(
            week=self.week, monday=locale.toString(monday, self.tr("dd MMM", "day and month")),
            sunday=locale.toString(sunday, self.tr("dd MMM yyyy", "day, month and year")))
        self.week_label.setText(self.tr("{week} (still in progress)").format(week=text)
                                if self.in_progress else text)

    def _choose_folder(self) -> None:
        dialog = FolderDialog(self.folder_edit.text(), self)  # keeps no history of folders
        if dialog.exec():
            self.folder_edit.setText(dialog.selected())

    # --- running -------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.op is not None and self.op.running

    def start(self) -> None:
        if not self.week_edit.accept_text():
            self._show_error(self.week_label.text())
            return
        if not self.folder_edit.text().strip():
            self._show_error(self.tr("Choose the folder to export to (the USB stick) first."))
            return
        folder = Path(self.folder_edit.text().strip()).expanduser()
        if not folder.is_dir():
            self._show_error(self.tr("The folder {folder} does not exist (is the USB stick in?).")
                             .format(folder=folder))
            return
        week = self.week
        path = folder / default_file_name(self._vault, week)
        try:
            outputs.check_file(path, force=True)  # never inside a vault or backup folder
        except ClinicError as exc:
            self._show_error(self.tr("Nothing was exported: {problem}.").format(
                problem=error_text(exc)))
            return
        self._replacing = os.path.lexists(path)
        if self._replacing and QMessageBox.question(
                self, self.tr("Export"), self.tr("{file} is already in {folder}. Replace it?")
                .format(file=path.name, folder=folder),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        if self.in_progress and QMessageBox.question(
                self, self.tr("Export"), self.tr(
                    "{week} is still in progress: what is recorded after now will not be in "
                    "this file. Export it anyway?").format(week=week),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        replacing, vault = self._replacing, self._vault

        def job(progress):  # on the runner
            def step(n: int, total: int, what: str) -> None:
                if progress.cancelled and n < WRITTEN:
                    raise ExportCancelled()
                progress(n, total, what)
            done = export_week(vault, week, path, progress=step, force=replacing)
            staff.set_pref(vault, FOLDER_PREF, str(folder))  # the next export starts there
            return done

        self.result.clear()
        self.status.setText(self.tr("Starting…"))
        self.progress.setValue(0)
        self.op = Op(self, job).on_progress(self._on_progress).success(self._finished) \
            .failure(self._failed)
        self._set_running(True)
        self.op.run_in_background()

    def _on_progress(self, step: int, steps: int, what: str) -> None:
        self.progress.setValue(step)
        said = dict(zip(STEPS, (self.tr("Reading the week"),
                                self.tr("Building and encrypting the bundle"),
                                self.tr("Writing the file"), self.tr("Recording the export"))))
        self.status.setText(f"{said.get(what, what)}…")

    def _finished(self, done) -> None:
        self._set_running(False)
        self.exported = done
        self.progress.setValue(len(STEPS))
        self.status.setText(self.tr("Done."))
        saved = self.tr("Saved {file} in {folder} (week {week}, %n contact(s)).", "",
                        done.indicators["contacts.total"]).format(
            file=done.path.name, folder=done.path.parent, week=done.week)
        again = self.tr("It replaces the earlier file of that week.") if self._replacing else ""
        self.result.setText(" ".join(t for t in (saved, again, self.tr(
            "Give this file to the coordinator.")) if t))
        self.adjustSize()

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.progress.setValue(0)
        if isinstance(exc, ClinicError):
            self._show_error(self.tr("The export failed: {problem}").format(
                problem=error_text(exc)))
        elif isinstance(exc, OSError):
            self._show_error(self.tr("The file could not be written: {problem}").format(
                problem=exc.strerror or exc))
        else:
            self._show_error(self.tr("The export failed ({error}). Nothing was saved.").format(
                error=type(exc).__name__))

    def _show_error(self, text: str) -> None:
        self.status.setText(text)
        self.result.clear()
        self.adjustSize()

    def _set_running(self, running: bool) -> None:
        for widget in (self.week_edit, self.folder_edit, self.export_button, self.close_button):
            widget.setEnabled(not running and (widget is not self.export_button
                                               or self._has_key))

    def cancel(self) -> None:
        """Stop a running export at its next step (see the module docstring); returns once
        no more progress can reach this dialog."""
        if self.op is not None:
            self.op.cancel()

    # --- not closable while the export runs -------------------------------------------
    def reject(self) -> None:
        if not self.running:
            super().reject()

    def closeEvent(self, event) -> None:
        if self.running:
            event.ignore()
        else:
            super().closeEvent(event)
