"""Open the data-entry forms (visit, referral, incident, editors...) by name, lazily.

Every form follows one contract: `Form(vault, parent=None, **context)` with signals
`saved(object)` and `cancelled()`.
"""
from __future__ import annotations

import importlib

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
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
    "visit": QT_TRANSLATE_NOOP("forms", "Record a visit"),
    "quick_contact": QT_TRANSLATE_NOOP("forms", "Quick contact"),
    "referral": QT_TRANSLATE_NOOP("forms", "Referral"),
    "incident": QT_TRANSLATE_NOOP("forms", "Incident report"),
    "incidents": QT_TRANSLATE_NOOP("forms", "Incident reports"),
    "history": QT_TRANSLATE_NOOP("forms", "History and corrections"),
    "merge": QT_TRANSLATE_NOOP("forms", "Merge clients"),
    "delete_client": QT_TRANSLATE_NOOP("forms", "Delete at the client's request"),
    "directory": QT_TRANSLATE_NOOP("forms", "Service directory"),
    "staff": QT_TRANSLATE_NOOP("forms", "Staff"),
    "settings": QT_TRANSLATE_NOOP("forms", "Settings"),
}


# What the status bar says once a page saved: what was saved, never whose (the bar shows to
# anyone walking up to the van).
SAVED_MESSAGES = {
    "ClientRegister": QT_TRANSLATE_NOOP("forms", "Client registered."),
    "VisitForm": QT_TRANSLATE_NOOP("forms", "Visit saved."),
    "QuickContactForm": QT_TRANSLATE_NOOP("forms", "Quick contact saved."),
    "ReferralForm": QT_TRANSLATE_NOOP("forms", "Referral saved."),
    "IncidentForm": QT_TRANSLATE_NOOP("forms", "Incident report saved."),
    "HistoryView": QT_TRANSLATE_NOOP("forms", "Correction saved."),
    "MergeForm": QT_TRANSLATE_NOOP("forms", "Records merged."),
    "DeleteClientForm": QT_TRANSLATE_NOOP("forms", "Client's record deleted."),
    "DirectoryEditor": QT_TRANSLATE_NOOP("forms", "Service directory saved."),
    "StaffEditor": QT_TRANSLATE_NOOP("forms", "Staff saved."),
    "SettingsEditor": QT_TRANSLATE_NOOP("forms", "Settings saved."),
}


def title(name: str) -> str:
    """What the form `name` is called, in the app's language."""
    return QCoreApplication.translate("forms", TITLES[name])


SAVED = QT_TRANSLATE_NOOP("forms", "Saved.")


def saved_message(page: QWidget, value) -> str:
    if getattr(value, "voided", False):
        return QCoreApplication.translate("forms", "Voided; the earlier version is kept.")
    if getattr(page, "pending_visit", None) is not None:  # a new visit's "Save and refer"
        return QCoreApplication.translate("forms", "Visit and referral saved.")
    return QCoreApplication.translate("forms", SAVED_MESSAGES.get(type(page).__name__, SAVED))


def form_class(name: str):
    """The form's class (its module is imported on first use)."""
    module_name, class_name = FORMS[name]
    return getattr(importlib.import_module(module_name), class_name)


def create(name: str, vault, **context) -> QWidget:
    return form_class(name)(vault, **context)
