"""Open the data-entry forms (visit, referral, incident, editors...) by name, lazily.

Every form follows one contract: `Form(vault, parent=None, **context)` with signals
`saved(object)` and `cancelled()`. A form whose module is not installed yet shows
"not available yet" instead of crashing the app.
"""
from __future__ import annotations

import importlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

FORMS = {
    "visit": ("ui.visit_form", "VisitForm"),
    "quick_contact": ("ui.quick_contact", "QuickContactForm"),
    "referral": ("ui.referral_form", "ReferralForm"),
    "incident": ("ui.incident_form", "IncidentForm"),
    "history": ("ui.history_view", "HistoryView"),
    "incidents": ("ui.incident_list", "IncidentList"),
    "merge": ("ui.merge_dialog", "MergeForm"),
    "delete_client": ("ui.delete_client", "DeleteClientForm"),
    "directory": ("ui.directory_editor", "DirectoryEditor"),
    "staff": ("ui.staff_editor", "StaffEditor"),
    "settings": ("ui.settings_editor", "SettingsEditor"),
}

TITLES = {
    "visit": "Record a visit", "quick_contact": "Quick contact", "referral": "Referral",
    "incident": "Incident report", "incidents": "Incident reports",
    "history": "History and corrections", "merge": "Merge clients",
    "delete_client": "Delete at the client's request", "directory": "Service directory",
    "staff": "Staff", "settings": "Settings",
}


# What the status bar says once a page saved: what was saved, never whose (the bar shows to
# anyone walking up to the van).
SAVED_MESSAGES = {
    "ClientRegister": "Client registered.", "VisitForm": "Visit saved.",
    "QuickContactForm": "Quick contact saved.", "ReferralForm": "Referral saved.",
    "IncidentForm": "Incident report saved.", "HistoryView": "Correction saved.",
    "MergeForm": "Records merged.", "DeleteClientForm": "Client's record deleted.",
    "DirectoryEditor": "Service directory saved.", "StaffEditor": "Staff saved.",
    "SettingsEditor": "Settings saved.",
}


def saved_message(page: QWidget, value) -> str:
    if getattr(value, "voided", False):
        return "Voided; the earlier version is kept."
    if getattr(page, "pending_visit", None) is not None:  # a new visit's "Save and refer"
        return "Visit and referral saved."
    return SAVED_MESSAGES.get(type(page).__name__, "Saved.")


def form_class(name: str):
    """The form's class, or None when its module is not there yet."""
    module_name, class_name = FORMS[name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise  # a real missing dependency inside an existing form: do not hide it
        return None
    return getattr(module, class_name)


class NotAvailable(QWidget):
    """Stand-in for a form that has not landed yet: same signals, one Back button."""

    saved = Signal(object)
    cancelled = Signal()

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        heading = QLabel(title, objectName="pageTitle")
        note = QLabel("This screen is not available yet in this version.")
        back = QPushButton("Back (Esc)")
        back.setAccessibleName("Back")
        back.clicked.connect(self.cancelled.emit)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancelled.emit)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addWidget(back, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)


def create(name: str, vault, **context) -> QWidget:
    cls = form_class(name)
    if cls is None:
        return NotAvailable(TITLES[name])
    return cls(vault, **context)
