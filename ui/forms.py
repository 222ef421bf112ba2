"""Open the data-entry forms (visit, referral, incident, editors...) by name, lazily.

Every form follows one contract: `Form(vault, parent=None, **context)` with signals
`saved(object)` and `cancelled()`.
"""
from __future__ import annotations

import importlib

from PySide6.QtWidgets import QWidget

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
    """The form's class (its module is imported on first use)."""
    module_name, class_name = FORMS[name]
    return getattr(importlib.import_module(module_name), class_name)


def create(name: str, vault, **context) -> QWidget:
    return form_class(name)(vault, **context)
