"""A visit, referral or incident with every earlier version, readable; Correct opens the
form on it (the version it replaces stays here) and Void asks for a reason."""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget)

from records import clients, incidents, referrals, revisions, staff, visits
from records.errors import ClinicError
from ui.incident_form import IncidentForm
from ui.record_text import local_time, render
from ui.referral_form import ReferralForm
from ui.visit_form import VisitForm
from ui.form_base import ErrorBanner
from ui.widgets import named, strong
from ui.i18n import error_text

# entity -> (records module, form class, form keyword for the id, window title, heading);
# the texts are translated where shown (HistoryView context).
ENTITIES = {
    "visit": (visits, VisitForm, "visit_id", QT_TRANSLATE_NOOP("HistoryView", "Visit history"),
              QT_TRANSLATE_NOOP("HistoryView", "Visit and its earlier versions")),
    "referral": (referrals, ReferralForm, "referral_id",
                 QT_TRANSLATE_NOOP("HistoryView", "Referral history"),
                 QT_TRANSLATE_NOOP("HistoryView", "Referral and its earlier versions")),
    "incident": (incidents, IncidentForm, "incident_id",
                 QT_TRANSLATE_NOOP("HistoryView", "Incident report history"),
                 QT_TRANSLATE_NOOP("HistoryView", "Incident report and its earlier versions")),
}

class HistoryView(QWidget):
    saved = Signal(object)  # the new current version, after a correction or a void
    cancelled = Signal()

    def __init__(self, vault, parent=None, *, entity: str, entity_id: int):
        super().__init__(parent)
        self.vault = vault
        if entity not in ENTITIES:  # Ctrl+H on a client page with no entry chosen
            raise ClinicError(self.tr("choose a visit, referral or incident in the lists first"))
        self.entity, self.entity_id = entity, entity_id
        self.module, self.form_class, self.form_key, title, heading = ENTITIES[entity]
        heading = self.tr(heading)
        self.setWindowTitle(self.tr(title))
        self.form = None

        self.stack = QStackedWidget()
        page = QWidget()
        self.heading = strong(heading)
        self.heading.setWordWrap(False)
        self.banner = ErrorBanner()
        self.versions = named(QListWidget(), self.tr("Versions"))
        self.versions.setFixedWidth(330)
        self.versions.setSpacing(2)
        self.versions.currentItemChanged.connect(self._show_version)
        self.text = named(QTextBrowser(), self.tr("Version shown"))
        self.correct_button = named(QPushButton(self.tr("Correct…")), self.tr("Correct"))
        self.correct_button.clicked.connect(self.open_correction)
        self.void_button = named(QPushButton(self.tr("Void…")), self.tr("Void"))
        self.void_button.clicked.connect(self.ask_void_reason)
        self.void_reason = named(QLineEdit(), self.tr("Reason for voiding"))
        self.void_reason.setPlaceholderText(self.tr("Why is this entry void? (Enter to confirm)"))
        self.void_reason.returnPressed.connect(self.confirm_void)
        self.void_confirm = named(QPushButton(self.tr("Confirm void")), self.tr("Confirm void"))
        self.void_confirm.clicked.connect(self.confirm_void)

        rows = QHBoxLayout()
        rows.addWidget(self.versions)
        rows.addWidget(self.text, 1)
        self.void_row = QWidget()
        void_layout = QHBoxLayout(self.void_row)
        void_layout.setContentsMargins(0, 0, 0, 0)
        void_layout.addWidget(self.void_reason, 1)
        void_layout.addWidget(self.void_confirm)
        self.void_row.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.void_button)
        buttons.addWidget(self.correct_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addLayout(rows, 1)
        layout.addWidget(self.void_row)
        layout.addLayout(buttons)
        self.stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.escape = QShortcut(QKeySequence(Qt.Key_Escape), self, self._escape,
                                context=Qt.WidgetWithChildrenShortcut)
        self.setFocusProxy(self.versions)  # opens in the list of versions
        self.refresh()
        self._name_client(heading)

    def _name_client(self, heading: str) -> None:
        """The heading and accessible name say whose record this is (not the window title)."""
        client_id = getattr(self.current, "client_id", None)
        if client_id is None:
            return
        try:
            name = clients.get(self.vault, client_id).name
        except ClinicError:
            return
        self.heading.setText(self.tr("{heading} — {name}").format(heading=heading, name=name))
        self.setAccessibleName(self.heading.text())

    def refresh(self) -> None:
        self.current = self.module.get(self.vault, self.entity_id)
        names = {s.id: s.name for s in staff.all_staff(self.vault, include_removed=True)}
        self.versions.clear()
        item = QListWidgetItem(
            (self.tr("Version {number} (voided)") if self.current.voided
             else self.tr("Version {number} (current)")).format(number=self.current.version))
        item.setData(Qt.UserRole, dataclasses.asdict(self.current))
        self.versions.addItem(item)
        for rev in reversed(revisions.revisions(self.vault, self.entity, self.entity_id)):
            item = QListWidgetItem(self.tr("Version {number}\n  replaced {when} by {staff}").format(
                number=rev.version, when=local_time(self.vault, rev.replaced_at),
                staff=names.get(rev.staff_id) or self.tr("a staff member")))
            item.setData(Qt.UserRole, rev.data)
            self.versions.addItem(item)
        self.versions.setCurrentRow(0)
        can_change = not self.current.voided and not self.vault.is_police_liaison
        self.correct_button.setEnabled(can_change)
        self.void_button.setEnabled(can_change)

    def _show_version(self, item, _previous) -> None:
        self.text.setPlainText(render(self.vault, self.entity, item.data(Qt.UserRole))
                               if item else "")

    # --- correcting -------------------------------------------------------------------
    def open_correction(self) -> None:
        self.form = self.form_class(self.vault, **{self.form_key: self.entity_id})
        self.form.saved.connect(self._corrected)
        self.form.cancelled.connect(self._close_form)
        self.stack.addWidget(self.form)
        self.stack.setCurrentWidget(self.form)
        self.escape.setEnabled(False)  # the form's own Esc cancels it
        self.form.setFocus()

    def _corrected(self, record) -> None:
        self._close_form()
        self.refresh()
        self.saved.emit(record)

    def _close_form(self) -> None:
        if self.form is not None:
            self.stack.removeWidget(self.form)
            self.form.deleteLater()
            self.form = None
        self.stack.setCurrentIndex(0)
        self.escape.setEnabled(True)
        self.versions.setFocus()

    # --- voiding ----------------------------------------------------------------------
    def ask_void_reason(self) -> None:
        self.void_row.show()
        self.void_reason.setFocus()

    def confirm_void(self) -> None:
        self.banner.clear_message()
        try:
            record = self.module.void(self.vault, self.entity_id, self.void_reason.text())
        except ClinicError as exc:
            self.banner.show_message(self.tr("Not voided. {problem}").format(
                problem=error_text(exc)))
            self.void_reason.setFocus()
            return
        self.void_reason.clear()
        self.void_row.hide()
        self.refresh()
        self.saved.emit(record)

    def _escape(self) -> None:
        if self.void_row.isVisible():
            self.void_row.hide()
        else:
            self.cancelled.emit()
