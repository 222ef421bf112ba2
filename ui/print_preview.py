"""Print preview: a document's pages rendered from memory, then Print…, Save as PDF…,
Print later or Close. Making the document (records + reportlab) and spooling it to the
printer run on the app's runner (ui/ops.py), never on the GUI thread: `ready` says the pages
are shown, `unavailable(reason)` that the document cannot be made (the dialog then closes).

The PDF never touches the disk unless the staff member saves it, after a warning that the file
leaves the encrypted vault; the save dialog is Qt's own (no native dialog, no recent-files
history) and opens in a folder that is not synced. Every print and every saved file is
audited (records.printing.record_print). With no printer reachable, or when printing fails,
the job can be kept in the vault's print-later queue instead.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout,
                               QLabel, QMessageBox, QPushButton, QScrollArea, QStyle,
                               QVBoxLayout, QWidget)

from records import clients, printing
from records.errors import ClinicError
from records.printing import PrintJob
from flows.documents import job_pdf, save as save_document
from ui.printing import (PrintFailed, ask_printer, copy_name, job_title, open_pdf, print_pdf,
                         printer_names, render_size)
from ui import screenfit
from ui.a11y import buddy
from ui.ops import Op
from ui.widgets import dialog_buttons
from ui.i18n import error_text

_FILE_DIALOG_TRACES = ("history", "lastVisited", "shortcuts")


@contextlib.contextmanager
def _history_not_kept() -> Iterator[None]:
    """Qt's file dialog saves the folders it visited in the settings file every Qt program
    of this user shares (QtProject.conf); put back what was there before."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    before = {key: settings.value(key) for key in _FILE_DIALOG_TRACES}
    try:
        yield
    finally:
        for key, value in before.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)
        settings.sync()


class PrintPreview(QDialog):
    """`queued_id`: the preview of a job from the print-later queue, taken off the queue
    once printed or saved."""

    ready = Signal()
    unavailable = Signal(str)

    def __init__(self, vault, job: PrintJob, *, queued_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.vault = vault
        self.queued_id = queued_id
        self.job = job
        self.pdf = b""
        self.busy = False  # rendering or printing on the runner
        self.loading = False  # the document is being made on the runner
        self.print_pending = False  # Ctrl+P came while it was being made
        self.closed = False
        self.setWindowTitle(self.tr("Print preview"))
        self.setModal(True)
        screenfit.fit_size(self, QSize(720, 860))
        self.page = 0
        self.fit_width = False
        self.document = None
        self.outcome = ""  # once accepted, what happened, for the status bar (no names)
        self._build()
        self.load(job)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self.go(self.page + 1))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self.go(self.page - 1))

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.what = QLabel(objectName="pageTitle")
        self.copy_box = QComboBox(accessibleName=self.tr("Copy"))
        self.copy_box.activated.connect(self._options_changed)
        self.language_box = QComboBox(accessibleName=self.tr("Language"))
        for code, text in (("", self.tr("Client's language")), ("en", self.tr("English")),
                           ("fr", "Français")):
            self.language_box.addItem(text, code)
        self.language_box.activated.connect(self._options_changed)
        options = QHBoxLayout()
        options.addWidget(self.what, 1)
        self.copy_label = buddy(self.tr("&Copy"), self.copy_box)
        options.addWidget(self.copy_label)
        options.addWidget(self.copy_box)
        options.addWidget(buddy(self.tr("&Language"), self.language_box))
        options.addWidget(self.language_box)

        self.view = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, accessibleName=self.tr("Page"))
        self.view.setStyleSheet("background: #6b6f75;")  # a desk around the white page
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setWidget(self.view)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.previous = QPushButton(self.tr("◀ Previous"), clicked=lambda: self.go(self.page - 1))
        self.next = QPushButton(self.tr("Next ▶"), clicked=lambda: self.go(self.page + 1))
        self.page_info = QLabel()
        self.zoom = QPushButton(self.tr("Fit width"), checkable=True, toggled=self._zoom)
        navigation = QHBoxLayout()
        for widget in (self.previous, self.page_info, self.next):
            navigation.addWidget(widget)
        navigation.addStretch(1)
        navigation.addWidget(self.zoom)

        self.print_button = QPushButton(self.tr("Print… (Ctrl+P)"), clicked=self.print_document)
        self.save_button = QPushButton(self.tr("Save as PDF…"), clicked=self.save_as_pdf)
        self.later_button = QPushButton(self.tr("Print later"), clicked=self.print_later)
        self.later_button.setVisible(self.queued_id is None)
        buttons = dialog_buttons((self.print_button, self.save_button, self.later_button),
                                 self.reject)
        self.print_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(navigation)
        layout.addLayout(buttons)

    # --- the document -----------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        """While the runner renders or prints: no second job, no change of copy or language
        (_show_options enables those again)."""
        self.busy = busy
        for widget in (self.print_button, self.save_button, self.later_button):
            widget.setEnabled(not busy)
        if busy:
            self.copy_box.setEnabled(False)
            self.language_box.setEnabled(False)

    def load(self, job: PrintJob) -> None:
        """Render `job` (in memory) on the runner, then show its first page."""
        if self.document is None:
            self._show_options()
            self._show_heading(job)
            self.view.setText(self.tr("Preparing the document…"))
        self._set_busy(True)
        self.loading = True
        vault = self.vault
        Op(self, lambda _progress: job_pdf(vault, job)) \
            .success(lambda pdf: self._loaded(job, pdf)).failure(self._load_failed) \
            .run_in_background()

    def _load_failed(self, exc: BaseException) -> None:
        self.loading = self.print_pending = False
        reason = error_text(exc) if isinstance(exc, ClinicError) else \
            self.tr("the document could not be made ({error})").format(error=type(exc).__name__)
        self._set_busy(False)
        if self.closed:
            return
        if self.document is None:  # nothing to show: say why, and close
            self.unavailable.emit(reason)
            self.reject()
            return
        self._show_options()  # the choices of the document still shown
        QMessageBox.warning(self, self.tr("Print preview"),
                            self.tr("Cannot show it: {reason}.").format(reason=reason))

    def _loaded(self, job: PrintJob, pdf: bytes) -> None:
        self.loading = False
        self._set_busy(False)
        if self.closed:
            return
        document = open_pdf(pdf, self)
        if self.document is not None:
            self.document.close()
            self.document.deleteLater()
        self.job, self.pdf, self.document, self.page = job, pdf, document, 0
        self._show_options()
        self._show_heading(job)
        self.show_page()
        self.ready.emit()
        if self.print_pending:  # the nurse asked before the document was ready
            self.print_pending = False
            self.print_document()

    def _show_heading(self, job: PrintJob) -> None:
        """The document and whose it is (two short reads); the window title never names
        the client. A record gone meanwhile leaves the title alone: making the document
        then says why."""
        heading = job_title(job).capitalize()
        with contextlib.suppress(ClinicError):
            client_id = printing.client_of(self.vault, job)
            if client_id is not None:
                heading += f" — {clients.get(self.vault, client_id).name}"
        self.what.setText(heading)
        self.setAccessibleName(heading)

    def _show_options(self) -> None:
        job = self.job
        copies = printing.COPIES[job.kind]
        self.copy_box.clear()
        for copy in copies:
            self.copy_box.addItem(copy_name(copy).capitalize(), copy)
        self.copy_box.setCurrentIndex(max(0, self.copy_box.findData(job.copy)))
        self.copy_box.setEnabled(len(copies) > 1 and self.queued_id is None)
        self.copy_box.setVisible(bool(copies))
        self.copy_label.setVisible(bool(copies))
        self.language_box.setItemText(0, self.tr("Client's language") if copies
                                      else self.tr("Default (English)"))
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(job.language or "")))
        self.language_box.setEnabled(self.queued_id is None)

    def _options_changed(self) -> None:
        job = PrintJob(self.job.kind, self.job.entity_id, self.copy_box.currentData() or "",
                       self.language_box.currentData() or None, self.job.disclose,
                       self.job.date_from, self.job.date_to)
        if job != self.job:
            self.load(job)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def go(self, page: int) -> None:
        if self.document is not None and 0 <= page < self.page_count and page != self.page:
            self.page = page
            self.show_page()

    def _zoom(self, fit_width: bool) -> None:
        self.fit_width = fit_width
        if self.document is not None:
            self.show_page()

    def show_page(self) -> None:
        """Render the current page to fit the view (its width, or the whole page)."""
        points = self.document.pagePointSize(self.page)
        area = self.scroll.viewport().size() - QSize(16, 16)
        width = max(area.width(), 100)
        if self.fit_width:  # leave room for the vertical scroll bar
            width -= self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        else:
            width = min(width, int(max(area.height(), 100) * points.width() / points.height()))
        ratio = self.devicePixelRatioF()
        size = QSize(round(width * ratio), round(width * ratio * points.height() / points.width()))
        pixmap = QPixmap.fromImage(render_size(self.document, self.page, size))
        pixmap.setDevicePixelRatio(ratio)
        self.view.setPixmap(pixmap)
        self.scroll.verticalScrollBar().setValue(0)
        self.page_info.setText(self.tr("Page {page} of {pages}").format(
            page=self.page + 1, pages=self.page_count))
        self.previous.setEnabled(self.page > 0)
        self.next.setEnabled(self.page < self.page_count - 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.document is not None and self.document.status() == QPdfDocument.Status.Ready:
            self.show_page()

    # --- print, save, later ------------------------------------------------------------------
    def print_document(self) -> None:
        if self.busy:  # still making the document: print it once made; printing: ignored
            self.print_pending = self.loading
            return
        if not printer_names():
            self._offer_later(self.tr("No printer is reachable from this laptop."))
            return
        printer = ask_printer(self, printing.job_name(self.vault))
        if printer is None:
            return
        self._set_busy(True)
        pdf = self.pdf
        Op(self, lambda _progress: print_pdf(pdf, printer)) \
            .success(lambda _pages: self._printed(printer)).failure(self._print_failed) \
            .with_progress(self.tr("Sending the document to the printer…")).run_in_background()

    def _printed(self, printer) -> None:
        self._set_busy(False)
        copies = printer.copyCount()
        done = self.tr("Printed: {document} (%n copies).", "", copies) if copies > 1 \
            else self.tr("Printed: {document}.")
        printing.record_print(self.vault, self.job, "printer")
        self._finished(done.format(document=job_title(self.job)))

    def _print_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_options()
        if not isinstance(exc, PrintFailed):
            exc = PrintFailed(self.tr("the printer could not be given the job ({error})").format(
                error=type(exc).__name__))
        self._offer_later(self.tr("Printing failed: {reason}.").format(reason=error_text(exc)))

    def save_as_pdf(self) -> None:
        if self.busy:
            return
        answer = QMessageBox.warning(
            self, self.tr("Save as PDF"), self.tr(
                "The saved file leaves the encrypted vault: anyone who gets this laptop, "
                "the folder or a copy of the file can read it.\n\n"
                "Save only when you must, keep it off synced folders and USB sticks, "
                "and delete it when it is no longer needed."),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Save:
            return
        path = self._ask_path()
        if path is None:
            return
        synced = printing.synced_folder(path)
        if synced:
            QMessageBox.warning(self, self.tr("Save as PDF"), self.tr(
                "“{folder}” is a synced folder: the file would leave this laptop. Nothing was "
                "saved; choose another folder.").format(folder=synced))
            return
        self._set_busy(True)
        vault, job, pdf = self.vault, self.job, self.pdf  # force: Qt's dialog asked to replace
        Op(self, lambda _progress: save_document(vault, job, path, force=True, pdf=pdf)) \
            .success(lambda _pdf: self._saved()).failure(self._saved) \
            .with_progress(self.tr("Saving the PDF…")).run_in_background()

    def _saved(self, error: BaseException | None = None) -> None:
        """Saved (and recorded), or nothing written: records.outputs writes whole or not."""
        self._set_busy(False)
        if error is None:
            self._finished(self.tr("Saved as PDF: {document}.").format(document=job_title(self.job)))
        else:
            self._show_options()
            reason = error_text(error) if isinstance(error, ClinicError) else self.tr(
                "the file could not be written ({name})").format(name=type(error).__name__)
            QMessageBox.warning(self, self.tr("Save as PDF"), reason)

    def _ask_path(self) -> Path | None:
        """Qt's own save dialog (not the desktop's, which keeps recent files), in a folder
        that is not synced, with a neutral file name and no history kept."""
        dialog = QFileDialog(self, self.tr("Save as PDF"), str(printing.default_save_folder()),
                             self.tr("PDF documents (*.pdf)"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(f"{printing.job_name(self.vault)}.pdf")
        dialog.setHistory([])
        with _history_not_kept():
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            files = dialog.selectedFiles()
            shiboken6.delete(dialog)  # now: it writes Qt's settings as it goes
        return Path(files[0]) if accepted and files else None

    def print_later(self) -> None:
        if self.busy:
            return
        try:
            printing.queue(self.vault, self.job)
        except ClinicError as exc:
            QMessageBox.warning(self, self.tr("Print later"), error_text(exc))
            return
        waiting = len(printing.pending(self.vault))
        self.outcome = self.tr("Kept to print later: {document}.").format(
            document=job_title(self.job))
        QMessageBox.information(
            self, self.tr("Print later"),
            self.tr("Kept to print later, encrypted in the vault (%n waiting). "
                    "Print it from Print queue when a printer is connected.", "", waiting))
        self.accept()

    def _offer_later(self, reason: str) -> None:
        if self.queued_id is not None:
            QMessageBox.warning(self, self.tr("Print"), self.tr(
                "{reason} The document stays in the queue.").format(reason=reason))
            return
        answer = QMessageBox.question(
            self, self.tr("Print"), self.tr(
                "{reason}\n\nKeep the document to print later? It stays encrypted in the vault "
                "until a printer is connected.").format(reason=reason),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self.print_later()

    def _finished(self, outcome: str) -> None:  # printed or saved, and recorded
        self.outcome = outcome
        if self.queued_id is not None:
            printing.done(self.vault, self.queued_id)
        self.accept()

    def done(self, result: int) -> None:
        """Closing (any way) drops the rendered pages from memory."""
        self.closed = True
        if self.document is not None:
            self.view.clear()
            self.document.close()
        super().done(result)
