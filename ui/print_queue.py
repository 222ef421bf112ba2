"""The print-later queue: documents kept (encrypted, in the vault) while no printer was
there. Each is rendered again from the records when it is printed, on the app's runner."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QDialog, QLabel, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from records import clients, printing, referrals, visits
from records.errors import ClinicError
from records.printing import QueuedJob
from flows.documents import job_pdf
from ui import clinic_time
from ui.print_preview import PrintPreview
from ui.printing import PrintFailed, ask_printer, job_title, print_pdf, printer_names
from ui.ops import Op
from ui.widgets import dialog_buttons
from ui.i18n import error_text


def describe(vault, queued: QueuedJob) -> str:
    """One line for the list: document, copy, who it is for, when it was queued."""
    job = queued.job
    text = job_title(job).capitalize()
    try:
        if job.kind == "referral":
            text += f" · {clients.get(vault, referrals.get(vault, job.entity_id).client_id).name}"
        elif job.kind == "visit":
            client_id = visits.get(vault, job.entity_id).client_id
            text += " · " + (clients.get(vault, client_id).name if client_id
                             else QCoreApplication.translate("PrintQueue", "anonymous"))
        else:
            text += " · " + QCoreApplication.translate("PrintQueue", "{first} to {last}").format(
                first=f"{job.date_from:%Y-%m-%d}", last=f"{job.date_to:%Y-%m-%d}")
    except ClinicError:
        text += " · " + QCoreApplication.translate("PrintQueue", "no longer printable")
    return text + " · " + QCoreApplication.translate("PrintQueue", "kept {when}").format(
        when=clinic_time.text(queued.queued_at, vault.settings.timezone))


class PrintQueue(QDialog):
    def __init__(self, vault, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault = vault
        self.setWindowTitle(self.tr("Print queue"))
        self.resize(620, 380)
        self.summary = QLabel()
        self.list = QListWidget(accessibleName=self.tr("Documents waiting"))
        self.list.itemActivated.connect(self.preview)
        self.preview_button = QPushButton(self.tr("Preview…"), clicked=self.preview)
        self.print_all_button = QPushButton(self.tr("Print all…"), clicked=self.print_all)
        self.remove_button = QPushButton(self.tr("Remove"), clicked=self.remove)
        buttons = dialog_buttons((self.preview_button, self.print_all_button, self.remove_button),
                                 self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        waiting = printing.pending(self.vault)
        for queued in waiting:
            item = QListWidgetItem(describe(self.vault, queued))
            item.setData(Qt.ItemDataRole.UserRole, queued)
            self.list.addItem(item)
        self.summary.setText(self.tr("%n document(s) waiting for a printer.", "", len(waiting))
                             if waiting else self.tr("Nothing is waiting to print."))
        if waiting:
            self.list.setCurrentRow(0)
        for button in (self.preview_button, self.print_all_button, self.remove_button):
            button.setEnabled(bool(waiting))

    def _selected(self) -> QueuedJob | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def preview(self) -> None:
        queued = self._selected()
        if queued is None:
            return
        dialog = PrintPreview(self.vault, queued.job, queued_id=queued.id, parent=self)
        dialog.unavailable.connect(lambda reason: QMessageBox.warning(
            self, self.tr("Print queue"),
            self.tr("{reason}. Remove it from the queue.").format(reason=reason)))
        dialog.exec()
        self.refresh()

    def remove(self) -> None:
        queued = self._selected()
        if queued is None:
            return
        printing.done(self.vault, queued.id, printed=False)
        self.refresh()

    def print_all(self) -> None:
        """Choose a printer once, then print every waiting document on it."""
        if not printer_names():
            QMessageBox.warning(self, self.tr("Print queue"), self.tr(
                "No printer is reachable from this laptop. The documents stay in the queue."))
            return
        printer = ask_printer(self, printing.job_name(self.vault))
        if printer is None:
            return
        self.print_all_button.setEnabled(False)
        vault = self.vault
        Op(self, lambda progress: print_waiting(vault, printer, progress)) \
            .success(self._all_printed).failure(self._all_failed) \
            .with_progress(self.tr("Sending the documents to the printer…")).run_in_background()

    def _all_printed(self, outcome: tuple[int, list[str]]) -> None:
        printed, problems = outcome
        self.refresh()
        message = self.tr("Sent %n document(s) to the printer.", "", printed)
        if problems:
            QMessageBox.warning(self, self.tr("Print queue"),
                                message + "\n\n" + "\n".join(problems))
        else:
            QMessageBox.information(self, self.tr("Print queue"), message)

    def _all_failed(self, exc: BaseException) -> None:
        self.refresh()
        QMessageBox.warning(self, self.tr("Print queue"), self.tr(
            "Printing stopped ({error}); what was not printed stays in the queue.").format(
            error=type(exc).__name__))


def print_waiting(vault, printer, progress) -> tuple[int, list[str]]:
    """On the runner: render and print every waiting document on `printer`, taking each off
    the queue once sent. Returns how many were sent and what went wrong (no names)."""
    printed, problems = 0, []
    for queued in printing.pending(vault):
        if progress.cancelled:  # the app is locking: the rest waits for next time
            break
        try:
            print_pdf(job_pdf(vault, queued.job), printer)
        except PrintFailed as exc:
            problems.append(error_text(exc))
            break  # the printer itself failed: keep the rest for later
        except ClinicError as exc:
            problems.append(f"{job_title(queued.job)}: {error_text(exc)}")
            continue
        printing.record_print(vault, queued.job, "printer")
        printing.done(vault, queued.id)
        printed += 1
    return printed, problems
